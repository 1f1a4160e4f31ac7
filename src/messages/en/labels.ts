/**
 * Labels shared by pages, feeds and printed agendas, worded once so that they
 * cannot disagree: the calendar's category and the agenda's kind are the same
 * words. A briefing meeting is "Internal briefing", never "Briefing", which is
 * the heading of a meeting's briefing notes on both.
 */
import type { MeetingKind, MeetingStatus, MemberRole, ParticipantRole } from '../../domain/types';
import type { CalendarMessages, LabelMessages, ScopeLabel } from '../labels';
import type { Catalogue } from '../message';

const KINDS: Record<MeetingKind, string> = {
  bilateral: 'Bilateral meeting',
  multilateral: 'Multilateral meeting',
  signing: 'Signing ceremony',
  panel: 'Panel session',
  b2b: 'B2B meeting',
  briefing: 'Internal briefing',
  press: 'Press event',
  reception: 'Reception',
  travel: 'Travel',
};

const STATUSES: Record<MeetingStatus, string> = {
  proposed: 'Proposed',
  tentative: 'Tentative',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
};

const ROLES: Record<ParticipantRole, { heading: string; afterName: string }> = {
  principal: { heading: 'Principal', afterName: 'principal' },
  required: { heading: 'Participant', afterName: 'required' },
  optional: { heading: 'Optional', afterName: 'optional' },
  interpreter: { heading: 'Interpreter', afterName: 'interpreter' },
  note_taker: { heading: 'Note-taker', afterName: 'note-taker' },
  counterpart: { heading: 'Counterpart', afterName: 'counterpart' },
};

const MEMBER_ROLES: Record<MemberRole, string> = {
  head: 'Head',
  deputy: 'Deputy',
  adviser: 'Adviser',
  protocol_officer: 'Protocol officer',
  interpreter: 'Interpreter',
  press: 'Press',
  security: 'Security',
  member: 'Member',
};

const SCOPES: Record<ScopeLabel, string> = {
  delegation: 'delegation',
  person: 'person',
  room: 'room',
  organization: 'organization',
  b2b_participant: 'b2b participant',
  public: 'public programme',
};

export const labels = {
  'label.meeting-kind': ({ kind }) => KINDS[kind],
  'label.meeting-status': ({ status }) => STATUSES[status],
  'label.participant-role': ({ role }) => ROLES[role].heading,
  'label.participant-role.after-name': ({ role }) => ROLES[role].afterName,
  'label.member-role': ({ role }) => MEMBER_ROLES[role],
  'label.scope-kind': ({ kind }) => SCOPES[kind],
} satisfies Pick<Catalogue, keyof LabelMessages>;

export const calendar = {
  'calendar.counterparts': () => 'Counterparts:',
  'calendar.our-participants': () => 'Our participants:',
  'calendar.participants': () => 'Participants:',
  'calendar.participants-of': ({ side }) => `${side}:`,
  'calendar.briefing': () => 'Briefing:',
  'calendar.documents': () => 'Documents to sign:',
  'calendar.signed': () => ' (signed)',
  'calendar.programme-page': ({ url }) => `Programme page: ${url}`,
  'calendar.cancelled-title': ({ title }) => `Cancelled: ${title}`,
} satisfies Pick<Catalogue, keyof CalendarMessages>;
