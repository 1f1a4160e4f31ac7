import type { Db } from '../database';
import { prepared } from '../statements';
import type { OutcomeB2BSessionInput, OutcomeInput, OutcomeMeetingInput, OutcomeOrganization, OutcomePerson } from '../../domain/outcome';
import type { Id, Participant } from '../../domain/types';

/**
 * What the outcome report reads of a forum (issue 17), in a fixed number of
 * queries whatever the forum's size: the meetings, their participants, the
 * B2B sessions and their requests, then the people and organizations all of
 * those and the agreements name, each once.
 * Reads only; the rules of what counts are the domain's (domain/outcome).
 */
export class OutcomeRepository {
  constructor(private readonly db: Db) {}

  /**
   * The forum's programme for the report (its agreements are the register's,
   * `AgreementRepository.ofForum`), or null when there is no such forum.
   */
  programmeOf(forumId: Id): Pick<OutcomeInput, 'forum' | 'delegation' | 'meetings' | 'b2b'> | null {
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

    return { forum, delegation, meetings, b2b };
  }

  /**
   * The people and organizations the report names, each once: everyone taking
   * part in a meeting or signing, the delegation's head, their organizations,
   * the agreements' parties and the B2B companies.
   */
  namesOf(input: Pick<OutcomeInput, 'delegation' | 'meetings' | 'agreements' | 'b2b'>): Pick<OutcomeInput, 'people' | 'organizations'> {
    const sql = (text: string) => prepared(this.db, text);
    const personIds = new Set<Id>();
    for (const m of input.meetings) for (const p of m.participants) personIds.add(p.personId);
    for (const a of input.agreements) for (const s of a.signatories) personIds.add(s.personId);
    if (input.delegation?.headPersonId) personIds.add(input.delegation.headPersonId);
    const people = sql(
      `SELECT id, full_name AS fullName, name_ru AS nameRu, name_az AS nameAz, patronymic_ru AS patronymicRu, position, position_ru AS positionRu, position_az AS positionAz, organization_id AS organizationId
         FROM person WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify([...personIds])) as OutcomePerson[];

    const organizationIds = new Set<Id>();
    for (const p of people) if (p.organizationId !== null) organizationIds.add(p.organizationId);
    for (const a of input.agreements) for (const id of a.partyIds) organizationIds.add(id);
    for (const s of input.b2b) for (const r of s.requests) for (const id of r.organizationIds) organizationIds.add(id);
    const organizations = sql('SELECT id, name, name_ru AS nameRu, name_az AS nameAz, country, kind FROM organization WHERE id IN (SELECT value FROM json_each(?))').all(
      JSON.stringify([...organizationIds]),
    ) as OutcomeOrganization[];
    return { people, organizations };
  }
}
