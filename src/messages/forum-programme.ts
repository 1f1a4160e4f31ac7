/**
 * The keys of what the forum's official programme (services/forum-programme)
 * says: refusals of "Attend", the audit summary of an imported session, and
 * the words of its sessions in the grids and the board. The sentences are in
 * catalogues/<locale>/domain-forum-programme.json.
 */
export interface ForumProgrammeMessages {
  /** 'Plenary session (SPIEF programme): time place'. */
  'audit.summary.programme-session': { title: string; source: string; change: string };
  'forum-programme.not-found': { id: number };
  'forum-programme.session-cancelled': { title: string };
  'forum-programme.choose-people': Record<string, never>;
  'forum-programme.too-many-people': { max: number };
  'forum-programme.not-ours': Record<string, never>;
  'forum-programme.status': Record<string, never>;
  /** The grid's and the board's own column of sessions, and its line. */
  'forum-programme.lane': Record<string, never>;
  'forum-programme.lane-detail': Record<string, never>;
  /** A session's cell: 'Forum programme, 10:00–11:30'. */
  'forum-programme.entry-heading': { time: string };
  'forum-programme.cancelled-title': { title: string };
  'forum-programme.untitled': Record<string, never>;
}
