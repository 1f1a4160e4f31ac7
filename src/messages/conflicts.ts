/** The keys and parameters of what a conflict says; the sentences are in catalogues/<locale>/domain-conflicts.json. */
import type { ConflictKind } from '../domain/conflicts';

/** A meeting as a sentence mentions it: title, '10:00–11:00', and its start alone. */
export interface MeetingLabel {
  title: string;
  range: string;
  start: string;
}

export interface ConflictMessages {
  'conflict.person-double-booked': { person: string; first: MeetingLabel; second: MeetingLabel };
  'conflict.room-double-booked': { room: string; first: MeetingLabel; second: MeetingLabel };
  'conflict.over-capacity': { meeting: MeetingLabel; participants: number; room: string; capacity: number };
  /** `reason` may be blank: the sentence then names no reason. */
  'conflict.unavailable': { subject: string; blockRange: string; reason: string; meeting: MeetingLabel };
  'conflict.travel-time': { person: string; from: MeetingLabel; fromVenue: string; to: MeetingLabel; toVenue: string; minutes: number };
  'conflict.outside-hours': { meeting: MeetingLabel; room: string; venue: string; hours: string };
  /** The heading of a kind on the conflicts page: 'Person double-booked'. */
  'conflict.kind.title': { kind: ConflictKind };
  /** A kind in a few words, for a grid cell: 'room double-booked'. */
  'conflict.kind.short': { kind: ConflictKind };
}
