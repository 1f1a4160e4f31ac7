/**
 * The keys of the labels pages, feeds and printed agendas share: a meeting's
 * kind, status and a participant's role, each worded once (catalogues/<locale>/domain-labels.json), and
 * the headings of a calendar event's description.
 */
import type { MeetingKind, MeetingStatus, MemberRole, ParticipantRole } from '../domain/types';

/**
 * What a feed or an agenda can be of: the kinds a secret link opens, and the
 * forum's public programme. The scope registry (services/feeds/scope-registry.ts)
 * passes its kinds here, so a new kind without a label is a compile error.
 */
export type ScopeLabel = 'delegation' | 'person' | 'room' | 'organization' | 'b2b_participant' | 'public';

export interface LabelMessages {
  'label.meeting-kind': { kind: MeetingKind };
  'label.meeting-status': { status: MeetingStatus };
  /** A role as a heading or a column shows it: 'Note-taker'. */
  'label.participant-role': { role: ParticipantRole };
  /** A role after a name, in parentheses: 'Leyla Mammadova (note-taker)'. */
  'label.participant-role.after-name': { role: ParticipantRole };
  /** A member's role in a delegation, as a column shows it: 'Protocol officer'. */
  'label.member-role': { role: MemberRole };
  /** A scope in a sentence, lower case: 'room', 'b2b participant', 'public programme'. */
  'label.scope-kind': { kind: ScopeLabel };
}

export interface CalendarMessages {
  'calendar.counterparts': Record<string, never>;
  'calendar.our-participants': Record<string, never>;
  'calendar.participants': Record<string, never>;
  /** The heading over a named delegation's participants, for a reader who is not on it. */
  'calendar.participants-of': { side: string };
  'calendar.briefing': Record<string, never>;
  'calendar.documents': Record<string, never>;
  'calendar.signed': Record<string, never>;
  'calendar.programme-page': { url: string };
  /** An event's SUMMARY once cancelled: several clients keep showing cancelled events without marking them. */
  'calendar.cancelled-title': { title: string };
}
