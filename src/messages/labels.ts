/**
 * The keys of the labels pages, feeds and printed agendas share: a meeting's
 * kind, status and a participant's role, each worded once (en/labels.ts), and
 * the headings of a calendar event's description.
 */
import type { MeetingKind, MeetingStatus, ParticipantRole } from '../domain/types';

export interface LabelMessages {
  'label.meeting-kind': { kind: MeetingKind };
  'label.meeting-status': { status: MeetingStatus };
  /** A role as a heading or a column shows it: 'Note-taker'. */
  'label.participant-role': { role: ParticipantRole };
  /** A role after a name, in parentheses: 'Leyla Mammadova (note-taker)'. */
  'label.participant-role.after-name': { role: ParticipantRole };
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
