/**
 * The keys of what the reference data, meetings, availability, accounts,
 * agendas and the audit's restore tell a user. `record`, `entity`, `scope` and
 * `subject` are the record kind's own name ('venue', 'person'); the sentences
 * are in catalogues/<locale>/domain-records.json.
 */
import type { ScopeLabel } from './labels';
import type { Message } from './message';

export interface RecordMessages {
  'meeting.not-found': { id: number };
  'meeting.cannot-confirm': { title: string; clashes: number };
  'forum.not-found-id': { id: number };
  'meeting.end-before-start': Record<string, never>;
  'meeting.room-not-in-forum': Record<string, never>;
  'meeting.participant-missing': { number: number };
  'meeting.participant-twice': { person: string };
  'meeting.delegation-not-in-forum': Record<string, never>;
  'meeting.end-missing': Record<string, never>;
  'meeting.end-or-duration': Record<string, never>;
  'meeting.move-by': { max: number };
  'meeting.no-free-slot': { title: string };
  'availability.not-found': { id: number };
  'forum.not-found': Record<string, never>;
  'availability.subject-missing': { subject: string };
  'agenda.not-a-day': { day: string; forum: string; first: string; last: string };
  'agenda.scope-kind': Record<string, never>;
  'agenda.scope-missing': { scope: ScopeLabel; id: number; forum: string };
  'audit.not-found': { id: number };
  'audit.not-restorable': Record<string, never>;
  /** `successor` is the audit summary of the record that took the id. */
  'audit.id-taken': { id: number; entity: string; successor: Message };
  'audit.refers-to-deleted': { entity: string };
  'delegation.not-found': Record<string, never>;
  'delegation.person-missing': Record<string, never>;
  'delegation.not-a-member': Record<string, never>;
  'travel.minutes': Record<string, never>;
  'account.password-short': Record<string, never>;
  'account.password-long': Record<string, never>;
  'account.username-missing': Record<string, never>;
  'account.username-form': Record<string, never>;
  'account.username-taken': { username: string };
  'account.person-missing': { id: number };
  'account.last-admin-role': { username: string };
  'account.last-admin-disable': { username: string };
  'account.user-not-found': { username: string };
  'account.token-not-found': { id: number };
  'account.token-revoked': { id: number };
  'record.not-found-id': { record: string; id: number };
  'record.not-found-address': { record: string };
  /** `references` are 'record.references' messages, one per kind of record that still points here. */
  'record.in-use': { record: string; references: Message[] };
  /**
   * Records of one kind that point at a record, by name: '10 people (“Aleksandr Drozdenko”, … and 7 more)'.
   * `one` and `many` are the kind's English words, as the store names it ('person', 'people').
   */
  'record.references': { one: string; many: string; names: string[] };
  'record.pointed-at': { record: string };
  'record.exists': { record: string };
  'reference.email': Record<string, never>;
  'forum.last-before-first': Record<string, never>;
  'forum.too-long': { days: number };
  'reference.forum-missing': Record<string, never>;
  'venue.hours-half': Record<string, never>;
  'venue.closes-before-opening': Record<string, never>;
  'reference.venue-missing': Record<string, never>;
  'reference.organization-missing': Record<string, never>;
  'reference.head-missing': Record<string, never>;
  'reference.venue-not-in-forum': Record<string, never>;
  'person.not-found': { id: number };
  /** `offered` are the actions the meeting's page offers from its status. */
  'meeting.status-action-not-offered': { status: string; action: string; offered: readonly string[] };
}
