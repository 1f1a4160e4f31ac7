// Placeholder: the conflict engine is being written (issue 4).
export interface Conflict {
  kind: string;
  severity: 'error' | 'warning';
  meetingIds: number[];
  message: string;
}
