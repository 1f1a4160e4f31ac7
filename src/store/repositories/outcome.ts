import type { Db } from '../database';
import { prepared } from '../statements';
import type { OutcomeAgreementInput, OutcomeB2BSessionInput, OutcomeInput, OutcomeMeetingInput, OutcomeOrganization, OutcomePerson } from '../../domain/outcome';
import type { Id, Participant } from '../../domain/types';

/**
 * What the outcome report reads of a forum (issue 17), in a fixed number of
 * queries whatever the forum's size: the meetings, their participants, the
 * agreements with their parties and signatories, the B2B sessions and their
 * requests, then the people and organizations all of those name, each once.
 * Reads only; the rules of what counts are the domain's (domain/outcome).
 */
export class OutcomeRepository {
  constructor(private readonly db: Db) {}

  /** The forum's data for the report, or null when there is no such forum. */
  inputOf(forumId: Id): OutcomeInput | null {
    const sql = (text: string) => prepared(this.db, text);
    const forum = sql('SELECT id, name, short_name AS shortName, start_date AS startDate, end_date AS endDate, city, time_zone AS timeZone FROM forum WHERE id = ?').get(forumId) as OutcomeInput['forum'] | undefined;
    if (!forum) return null;
    // The planners' own delegation is the forum's first (domain/participant-roles.ts).
    const delegation = (sql('SELECT id, name, country, head_person_id AS headPersonId FROM delegation WHERE forum_id = ? ORDER BY id LIMIT 1').get(forumId) as OutcomeInput['delegation'] | undefined) ?? null;

    const meetingRows = sql(
      `SELECT id, title, kind, status, start_local AS start, end_local AS "end", held_at AS heldAt, outcome, outcome_public AS outcomePublic
         FROM meeting WHERE forum_id = ? ORDER BY start_utc, id`,
    ).all(forumId) as (Omit<OutcomeMeetingInput, 'participants' | 'outcomePublic'> & { outcomePublic: number })[];
    const participants = new Map<Id, Participant[]>();
    for (const row of sql(
      `SELECT p.meeting_id AS meetingId, p.person_id AS personId, p.role
         FROM meeting_participant p JOIN meeting m ON m.id = p.meeting_id
        WHERE m.forum_id = ? ORDER BY p.meeting_id, p.rowid`,
    ).all(forumId) as (Participant & { meetingId: Id })[]) {
      let list = participants.get(row.meetingId);
      if (!list) participants.set(row.meetingId, (list = []));
      list.push({ personId: row.personId, role: row.role });
    }
    const meetings: OutcomeMeetingInput[] = meetingRows.map((m) => ({ ...m, outcomePublic: m.outcomePublic === 1, participants: participants.get(m.id) ?? [] }));

    const agreementRows = sql(
      `SELECT id, meeting_id AS meetingId, kind, title, title_ru AS titleRu, title_az AS titleAz, parties, status, signed_on AS signedOn, signed_place AS signedPlace
         FROM agreement WHERE forum_id = ? ORDER BY id`,
    ).all(forumId) as Omit<OutcomeAgreementInput, 'partyIds' | 'signatories'>[];
    const partyIds = new Map<Id, Id[]>();
    for (const row of sql(
      `SELECT p.agreement_id AS agreementId, p.organization_id AS organizationId
         FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id WHERE a.forum_id = ? ORDER BY p.agreement_id, p.rowid`,
    ).all(forumId) as { agreementId: Id; organizationId: Id }[]) {
      partyIds.set(row.agreementId, [...(partyIds.get(row.agreementId) ?? []), row.organizationId]);
    }
    const signatories = new Map<Id, { personId: Id; position: string }[]>();
    for (const row of sql(
      `SELECT s.agreement_id AS agreementId, s.person_id AS personId, s.position
         FROM agreement_signatory s JOIN agreement a ON a.id = s.agreement_id WHERE a.forum_id = ? ORDER BY s.agreement_id, s.rowid`,
    ).all(forumId) as { agreementId: Id; personId: Id; position: string }[]) {
      signatories.set(row.agreementId, [...(signatories.get(row.agreementId) ?? []), { personId: row.personId, position: row.position }]);
    }
    const agreements: OutcomeAgreementInput[] = agreementRows.map((a) => ({ ...a, partyIds: partyIds.get(a.id) ?? [], signatories: signatories.get(a.id) ?? [] }));

    const sessions = sql(
      `SELECT s.id, s.title, s.start_local AS start, p.session_id IS NOT NULL AS published
         FROM b2b_session s LEFT JOIN b2b_publication p ON p.session_id = s.id WHERE s.forum_id = ? ORDER BY s.start_utc, s.id`,
    ).all(forumId) as (Omit<OutcomeB2BSessionInput, 'requests' | 'published'> & { published: number })[];
    const requests = new Map<Id, OutcomeB2BSessionInput['requests']>();
    for (const row of sql(
      `SELECT r.id, r.session_id AS sessionId, r.state, r.meeting_id AS meetingId, a.organization_id AS fromOrg, b.organization_id AS toOrg
         FROM b2b_request r JOIN b2b_session s ON s.id = r.session_id
         JOIN b2b_participant a ON a.id = r.from_id JOIN b2b_participant b ON b.id = r.to_id
        WHERE s.forum_id = ? ORDER BY r.id`,
    ).all(forumId) as { id: Id; sessionId: Id; state: OutcomeB2BSessionInput['requests'][number]['state']; meetingId: Id | null; fromOrg: Id; toOrg: Id }[]) {
      let list = requests.get(row.sessionId);
      if (!list) requests.set(row.sessionId, (list = []));
      list.push({ id: row.id, state: row.state, meetingId: row.meetingId, organizationIds: [row.fromOrg, row.toOrg] });
    }
    const b2b: OutcomeB2BSessionInput[] = sessions.map((s) => ({ ...s, published: s.published === 1, requests: requests.get(s.id) ?? [] }));

    const personIds = new Set<Id>();
    for (const list of participants.values()) for (const p of list) personIds.add(p.personId);
    for (const list of signatories.values()) for (const s of list) personIds.add(s.personId);
    if (delegation?.headPersonId) personIds.add(delegation.headPersonId);
    const people = sql(
      `SELECT id, full_name AS fullName, name_ru AS nameRu, name_az AS nameAz, patronymic_ru AS patronymicRu, position, position_ru AS positionRu, position_az AS positionAz, organization_id AS organizationId
         FROM person WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify([...personIds])) as OutcomePerson[];

    const organizationIds = new Set<Id>();
    for (const p of people) if (p.organizationId !== null) organizationIds.add(p.organizationId);
    for (const list of partyIds.values()) for (const id of list) organizationIds.add(id);
    for (const list of requests.values()) for (const r of list) for (const id of r.organizationIds) organizationIds.add(id);
    const organizations = sql(`SELECT id, name, name_ru AS nameRu, name_az AS nameAz, country, kind FROM organization WHERE id IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify([...organizationIds]),
    ) as OutcomeOrganization[];

    return { forum, delegation, people, organizations, meetings, agreements, b2b };
  }
}
