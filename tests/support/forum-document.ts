import type { ForumDocument } from '../../src/services/forum-transfer';

/**
 * A forum document with its ids replaced by each row's place in its list and
 * exportedAt left out: two exports of the same programme from different
 * installations compare equal.
 */
export function canonicalDocument(doc: ForumDocument): unknown {
  const place = (rows: readonly { id: number }[]) => new Map(rows.map((r, i) => [r.id, i + 1]));
  const v = place(doc.venues);
  const r = place(doc.rooms);
  const o = place(doc.organizations);
  const p = place(doc.people);
  const d = place(doc.delegations);
  const m = place(doc.meetings);
  const a = place(doc.documents);
  const s = place(doc.b2b.sessions);
  const bp = place(doc.b2b.participants);
  const rq = place(doc.b2b.requests);
  const ps = place(doc.programmeSessions);
  const of = (map: Map<number, number>, id: number | null) => (id === null ? null : (map.get(id) ?? `dangling ${id}`));
  const { exportedAt: _at, ...rest } = doc;
  return {
    ...rest,
    venues: doc.venues.map((x) => ({ ...x, id: of(v, x.id) })),
    rooms: doc.rooms.map((x) => ({ ...x, id: of(r, x.id), venue: of(v, x.venue) })),
    travel: doc.travel.map((x) => ({ ...x, from: of(v, x.from), to: of(v, x.to) })),
    organizations: doc.organizations.map((x) => ({ ...x, id: of(o, x.id) })),
    people: doc.people.map((x) => ({ ...x, id: of(p, x.id), organization: of(o, x.organization) })),
    delegations: doc.delegations.map((x) => ({ ...x, id: of(d, x.id), head: of(p, x.head) })),
    members: doc.members.map((x) => ({ ...x, delegation: of(d, x.delegation), person: of(p, x.person) })),
    programmeSessions: doc.programmeSessions.map((x) => ({ ...x, id: of(ps, x.id) })),
    meetings: doc.meetings.map((x) => ({ ...x, id: of(m, x.id), room: of(r, x.room), programmeSession: of(ps, x.programmeSession) })),
    participants: doc.participants.map((x) => ({ ...x, meeting: of(m, x.meeting), person: of(p, x.person) })),
    meetingDelegations: doc.meetingDelegations.map((x) => ({ meeting: of(m, x.meeting), delegation: of(d, x.delegation) })),
    documents: doc.documents.map((x, i) => ({ ...x, id: i + 1, meeting: of(m, x.meeting) })),
    agreementParties: doc.agreementParties.map((x) => ({ agreement: of(a, x.agreement), organization: of(o, x.organization) })),
    agreementSignatories: doc.agreementSignatories.map((x) => ({ ...x, agreement: of(a, x.agreement), person: of(p, x.person) })),
    unavailability: doc.unavailability.map((x, i) => ({ ...x, id: i + 1, subjectId: of(x.subject === 'person' ? p : r, x.subjectId) })),
    b2b: {
      sessions: doc.b2b.sessions.map((x) => ({ ...x, id: of(s, x.id), room: of(r, x.room) })),
      participants: doc.b2b.participants.map((x) => ({ ...x, id: of(bp, x.id), session: of(s, x.session), organization: of(o, x.organization) })),
      representatives: doc.b2b.representatives.map((x) => ({ participant: of(bp, x.participant), person: of(p, x.person) })),
      requests: doc.b2b.requests.map((x) => ({ ...x, id: of(rq, x.id), session: of(s, x.session), from: of(bp, x.from), to: of(bp, x.to), meeting: of(m, x.meeting) })),
      placements: doc.b2b.placements.map((x) => ({ ...x, request: of(rq, x.request) })),
      unplaced: doc.b2b.unplaced.map((x) => ({ ...x, request: of(rq, x.request) })),
      runs: doc.b2b.runs.map((x) => ({ ...x, session: of(s, x.session) })),
      publications: doc.b2b.publications.map((x) => ({ ...x, session: of(s, x.session) })),
    },
  };
}
