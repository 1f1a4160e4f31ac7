/**
 * The keys of what the B2B pages and the company links tell a planner or a
 * company about sessions, participants, requests and pins; `what` and `label`
 * name the field ('break', 'representative'). The sentences are in catalogues/<locale>/domain-b2b-services.json.
 */
export interface B2BServiceMessages {
  'b2b.session.not-found': { id: number | null };
  'b2b.participant.not-found': { id: number | null };
  'b2b.request.not-found': { id: number | null };
  'b2b.range.start-missing': { what: string };
  'b2b.range.start-form': { what: string };
  'b2b.range.end-missing': { what: string };
  'b2b.range.end-form': { what: string };
  'b2b.range.list': { what: string };
  'b2b.range.line': { line: string; what: string };
  /** A range as a refusal names it: 'Break 2 (12:10–12:30)', or without `number` when it is the only one. */
  'b2b.range.name': { kind: 'break' | 'unavailable'; number: number | null; start: string; end: string };
  'b2b.id-list': { label: string };
  'b2b.participant.representative-missing': Record<string, never>;
  'b2b.participant.side-choice': Record<string, never>;
  'b2b.participant.organization-missing': Record<string, never>;
  'b2b.participant.already-in': { organization: string };
  'b2b.participant.person-missing': Record<string, never>;
  'b2b.participant.person-twice': { person: string };
  'b2b.participant.person-elsewhere': { person: string; company: string };
  'b2b.participant.side-missing': { a: string; b: string };
  'b2b.participant.seats-over': { seats: number; representatives: number };
  'b2b.request.from-missing': Record<string, never>;
  'b2b.request.to-missing': Record<string, never>;
  'b2b.request.to-self': { company: string };
  'b2b.request.same-side': { to: string; from: string; side: string; other: string };
  'b2b.request.pair-exists': { from: string; to: string; state: string; sentBy: string };
  'b2b.request.action': Record<string, never>;
  'b2b.request.wrong-state': { from: string; to: string; state: string; done: string };
  'b2b.request.not-yours': Record<string, never>;
  'b2b.request.planner-only': Record<string, never>;
  'b2b.request.recipient-only': Record<string, never>;
  'b2b.request.decline-not-cancel': Record<string, never>;
  'b2b.pin.not-accepted': { state: string };
  'b2b.pin.slot-choice': { slots: number };
  'b2b.pin.table-choice': { tables: number };
  /** Why a representative cannot sit at a table: another meeting and the travel between its venue and the hall's. */
  'b2b.busy.travel': { title: string; venue: string; minutes: number };
  'b2b.busy.hall-closed': { venue: string };
  'b2b.busy.hall-booked': { title: string };
  'b2b.busy.hall-too-small': { capacity: number };
  'b2b.busy.not-available': Record<string, never>;
  'b2b.busy.unavailable': Record<string, never>;
  'b2b.busy.hall-unavailable': { reason: string };
  'b2b.session.day': { forum: string; first: string; last: string };
  'b2b.session.one-day': Record<string, never>;
  'b2b.session.hall': Record<string, never>;
  'b2b.session.sides': Record<string, never>;
  'b2b.session.no-slot-fits': { minutes: number; start: string; end: string };
  'b2b.run.mode-choice': Record<string, never>;
  'b2b.proposal.not-found': { id: number | null };
  'b2b.proposal.stale': Record<string, never>;
  'b2b.publish.nothing': Record<string, never>;
  'b2b.publish.already': { at: string };
  'b2b.publish.proposal-open': Record<string, never>;
}
