import type { Store } from '../../store';
import { inWriteTransaction } from '../../store/database';
import type { ForumRows, TransferRow } from '../../store/forum-transfer';
import { NotFoundError } from '../../domain/errors';
import { isValidTimeZone, localDateTimeOf } from '../../domain/time';
import { message } from '../../messages';
import { translate, type Locale } from '../../messages/catalogue';
import { storedMessage } from '../../messages/stored';
import type { MeetingStatus } from '../../domain/types';
import type { Actor } from '../actor';
import { FORMAT, forumDocument, MAX_BYTES, VERSION, type ForumDocument } from './schema';
import { checkReferences, issueProblems, type Problem } from './checks';

export { MAX_BYTES, type ForumDocument } from './schema';
export type { Problem } from './checks';

/** A problem as a line: 'meetings[12].room: unknown room 7.' in the reader's language. */
export function describeProblem(locale: Locale, problem: Problem): string {
  const said = translate(locale, `ui.forum-transfer.problem.${problem.key}`, problem.params);
  return problem.path ? `${problem.path}: ${said}` : said;
}

/** What an import did: the new forum, and how many rows of each list it wrote or matched. */
export interface ImportResult {
  forumId: number;
  name: string;
  created: Record<string, number>;
  /** Organizations and people that already existed here (same English name; a person also in the same organization). */
  matched: { organizations: number; people: number };
}

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; problems: Problem[] };

/** A problem found while writing (a CHECK or UNIQUE the checks before did not foresee): the transaction is rolled back. */
class WriteStop extends Error {
  constructor(readonly problem: Problem) {
    super(problem.key);
  }
}

/**
 * A whole forum out as one JSON document, and such a document in as a new
 * forum of this installation (issue 16, "a forum can move between
 * installations"). Accounts, sessions, secret links, print snapshots and the
 * audit log stay behind: they belong to the installation, not the programme.
 */
export class ForumTransferService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number,
  ) {}

  exportForum(forumId: number): ForumDocument {
    const rows = this.store.forumTransfer.read(forumId);
    const forum = rows.forum[0];
    if (!forum) throw new NotFoundError(message('forum.not-found-id', { id: forumId }));
    return documentOf(rows, new Date(this.clock()).toISOString());
  }

  /** Reads, checks and writes a document in one transaction; on any problem nothing is written and every problem found is named by its path. */
  importForum(actor: Actor, bytes: Buffer | string): ImportOutcome {
    const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
    if (size > MAX_BYTES) return refused({ path: '', key: 'too-large', params: { megabytes: MAX_BYTES / 1024 / 1024 } });
    let parsed: unknown;
    try {
      parsed = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
    } catch (err) {
      return refused({ path: '', key: 'not-json', params: { detail: err instanceof Error ? err.message : String(err) } });
    }
    const head = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    if (head.format !== FORMAT) return refused({ path: 'format', key: 'wrong-format', params: { format: FORMAT } });
    if (head.version !== VERSION) return refused({ path: 'version', key: 'wrong-version', params: { version: String(head.version), supported: VERSION } });
    const read = forumDocument.safeParse(parsed);
    if (!read.success) return { ok: false, problems: issueProblems(read.error.issues, parsed) };
    const doc = read.data;
    const problems = [...checkReferences(doc), ...checkTimes(doc)];
    const { forum } = doc;
    if (this.store.forumTransfer.findForum(forum.name, forum.startDate, forum.endDate) !== undefined) {
      return refused({ path: 'forum', key: 'forum-exists', params: { name: forum.name, start: forum.startDate, end: forum.endDate } });
    }
    const taken = this.store.forumTransfer.takenUids(doc.meetings.map((m) => m.uid));
    doc.meetings.forEach((m, i) => {
      if (taken.has(m.uid)) problems.push({ path: `meetings[${i}].uid`, key: 'uid-taken', params: { uid: m.uid } });
    });
    if (problems.length) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
    try {
      return { ok: true, result: inWriteTransaction(this.store.db, () => this.write(actor, doc)) };
    } catch (err) {
      if (err instanceof WriteStop) return refused(err.problem);
      throw err;
    }
  }

  private write(actor: Actor, doc: ForumDocument): ImportResult {
    const t = this.store.forumTransfer;
    const created: Record<string, number> = {};
    const matched = { organizations: 0, people: 0 };
    const at = this.clock();
    const audit = (entity: string, entityId: number, forumId: number, summary: string, after: unknown) =>
      this.store.audit.append({ at, userId: actor.userId, username: actor.username, action: 'create', entity, entityId, forumId, summary, before: null, after });
    const put = (list: string, path: string, key: Parameters<typeof t.insert>[0], row: TransferRow): number => {
      try {
        const id = t.insert(key, row);
        created[list] = (created[list] ?? 0) + 1;
        return id;
      } catch (err) {
        throw new WriteStop({ path, key: 'refused-by-database', params: { detail: err instanceof Error ? err.message : String(err) } });
      }
    };
    const idMap = () => new Map<number, number>();
    const ids = { venue: idMap(), room: idMap(), organization: idMap(), person: idMap(), delegation: idMap(), meeting: idMap(), session: idMap(), participant: idMap(), request: idMap(), programmeSession: idMap() };
    const to = (map: Map<number, number>, id: number | null) => (id === null ? null : map.get(id)!);

    const forumId = put('forum', 'forum', 'forum', { ...doc.forum });
    created.forum = 1;
    audit('forum', forumId, forumId, doc.forum.name, { ...doc.forum, importedFrom: { format: doc.format, version: doc.version, exportedAt: doc.exportedAt } });
    doc.venues.forEach((v, i) => {
      const { id, ...rest } = v;
      const newId = put('venues', `venues[${i}]`, 'venues', { ...rest, forum: forumId });
      ids.venue.set(id, newId);
      audit('venue', newId, forumId, v.name, rest);
    });
    doc.rooms.forEach((r, i) => {
      const { id, ...rest } = r;
      const newId = put('rooms', `rooms[${i}]`, 'rooms', { ...rest, venue: to(ids.venue, r.venue) });
      ids.room.set(id, newId);
      audit('room', newId, forumId, r.name, rest);
    });
    doc.travel.forEach((x, i) => put('travel', `travel[${i}]`, 'travel', { from: to(ids.venue, x.from), to: to(ids.venue, x.to), minutes: x.minutes }));
    doc.organizations.forEach((o, i) => {
      const { id, ...rest } = o;
      const existing = t.findOrganization(o.name);
      if (existing !== undefined) {
        matched.organizations++;
        ids.organization.set(id, existing);
        return;
      }
      const newId = put('organizations', `organizations[${i}]`, 'organizations', rest);
      ids.organization.set(id, newId);
      audit('organization', newId, forumId, o.name, rest);
    });
    doc.people.forEach((p, i) => {
      const { id, ...rest } = p;
      const organization = to(ids.organization, p.organization);
      const existing = t.findPerson(p.fullName, organization);
      if (existing !== undefined) {
        matched.people++;
        ids.person.set(id, existing);
        return;
      }
      const newId = put('people', `people[${i}]`, 'people', { ...rest, organization });
      ids.person.set(id, newId);
      audit('person', newId, forumId, p.fullName, { ...rest, organization });
    });
    doc.delegations.forEach((d, i) => {
      const { id, ...rest } = d;
      const newId = put('delegations', `delegations[${i}]`, 'delegations', { ...rest, forum: forumId, head: to(ids.person, d.head) });
      ids.delegation.set(id, newId);
      audit('delegation', newId, forumId, d.name, rest);
    });
    doc.members.forEach((m, i) => put('members', `members[${i}]`, 'members', { delegation: to(ids.delegation, m.delegation), person: to(ids.person, m.person), role: m.role }));
    // The forum programme's sessions before the meetings that attend them.
    doc.programmeSessions.forEach((s, i) => {
      const { id, ...rest } = s;
      const newId = put('programmeSessions', `programmeSessions[${i}]`, 'programmeSessions', { ...rest, forum: forumId, allDay: s.allDay ? 1 : 0, cancelled: s.cancelled ? 1 : 0 });
      ids.programmeSession.set(id, newId);
      audit('programme_session', newId, forumId, storedMessage(message('audit.summary.programme-session', { title: s.title, source: s.source, change: 'none' })), rest);
    });
    doc.meetings.forEach((m, i) => {
      const { id, ...rest } = m;
      const newId = put('meetings', `meetings[${i}]`, 'meetings', { ...rest, forum: forumId, room: to(ids.room, m.room), programmeSession: to(ids.programmeSession, m.programmeSession), isPublic: m.isPublic ? 1 : 0, outcomePublic: m.outcomePublic ? 1 : 0 });
      ids.meeting.set(id, newId);
      audit('meeting', newId, forumId, storedMessage(message('audit.summary.meeting', { title: m.title, status: m.status as MeetingStatus })), rest);
    });
    doc.participants.forEach((p, i) => put('participants', `participants[${i}]`, 'participants', { meeting: to(ids.meeting, p.meeting), person: to(ids.person, p.person), role: p.role }));
    doc.meetingDelegations.forEach((d, i) => put('meetingDelegations', `meetingDelegations[${i}]`, 'meetingDelegations', { meeting: to(ids.meeting, d.meeting), delegation: to(ids.delegation, d.delegation) }));
    const agreementIds = new Map<number, number>();
    doc.documents.forEach((d, i) => {
      const { id, ...rest } = d;
      const status = d.status ?? (d.signedOn === null ? 'draft' : 'signed');
      const newId = put('documents', `documents[${i}]`, 'documents', { ...rest, forum: forumId, meeting: to(ids.meeting, d.meeting), status });
      agreementIds.set(id, newId);
      audit('agreement', newId, forumId, d.title, { ...rest, status });
    });
    doc.agreementParties.forEach((x, i) => put('agreementParties', `agreementParties[${i}]`, 'agreementParties', { agreement: agreementIds.get(x.agreement)!, organization: to(ids.organization, x.organization) }));
    doc.agreementSignatories.forEach((x, i) => put('agreementSignatories', `agreementSignatories[${i}]`, 'agreementSignatories', { agreement: agreementIds.get(x.agreement)!, person: to(ids.person, x.person), position: x.position }));
    doc.unavailability.forEach((u, i) => {
      const { id: _id, ...rest } = u;
      const subjectId = u.subject === 'person' ? ids.person.get(u.subjectId)! : ids.room.get(u.subjectId)!;
      const newId = put('unavailability', `unavailability[${i}]`, 'unavailability', { ...rest, forum: forumId, subjectId });
      audit('availability_block', newId, forumId, storedMessage(message('audit.summary.availability', { subject: u.subject, subjectId, start: u.start, end: u.end, reason: u.reason })), { ...rest, subjectId });
    });
    const b2b = doc.b2b;
    b2b.sessions.forEach((s, i) => {
      const { id, ...rest } = s;
      const newId = put('b2bSessions', `b2b.sessions[${i}]`, 'b2bSessions', { ...rest, forum: forumId, room: to(ids.room, s.room), breaks: JSON.stringify(s.breaks) });
      ids.session.set(id, newId);
      audit('b2b_session', newId, forumId, s.title, rest);
    });
    b2b.participants.forEach((p, i) => {
      const { id, ...rest } = p;
      ids.participant.set(id, put('b2bParticipants', `b2b.participants[${i}]`, 'b2bParticipants', { ...rest, session: to(ids.session, p.session), organization: to(ids.organization, p.organization), unavailable: JSON.stringify(p.unavailable) }));
    });
    const sessionOfParticipant = new Map(b2b.participants.map((p) => [p.id, p.session]));
    b2b.representatives.forEach((r, i) =>
      put('b2bRepresentatives', `b2b.representatives[${i}]`, 'b2bRepresentatives', { participant: to(ids.participant, r.participant), session: to(ids.session, sessionOfParticipant.get(r.participant)!), person: to(ids.person, r.person) }),
    );
    b2b.requests.forEach((r, i) => {
      const { id, ...rest } = r;
      ids.request.set(id, put('b2bRequests', `b2b.requests[${i}]`, 'b2bRequests', { ...rest, session: to(ids.session, r.session), from: to(ids.participant, r.from), to: to(ids.participant, r.to), meeting: to(ids.meeting, r.meeting) }));
    });
    const sessionOfRequest = new Map(b2b.requests.map((r) => [r.id, r.session]));
    b2b.placements.forEach((p, i) =>
      put('b2bPlacements', `b2b.placements[${i}]`, 'b2bPlacements', { ...p, request: to(ids.request, p.request), session: to(ids.session, sessionOfRequest.get(p.request)!), pinned: p.pinned ? 1 : 0 }),
    );
    b2b.unplaced.forEach((u, i) => put('b2bUnplaced', `b2b.unplaced[${i}]`, 'b2bUnplaced', { ...u, request: to(ids.request, u.request), session: to(ids.session, sessionOfRequest.get(u.request)!) }));
    b2b.runs.forEach((r, i) => put('b2bRuns', `b2b.runs[${i}]`, 'b2bRuns', { ...r, session: to(ids.session, r.session) }));
    b2b.publications.forEach((p, i) => put('b2bPublications', `b2b.publications[${i}]`, 'b2bPublications', { ...p, session: to(ids.session, p.session) }));
    return { forumId, name: doc.forum.name, created, matched };
  }
}

const MAX_PROBLEMS = 50;

function refused(problem: Problem): ImportOutcome {
  return { ok: false, problems: [problem] };
}

/** Each wall-clock time must be what its instant reads in its zone (the file carries both, so a DST fold keeps its side). */
function checkTimes(doc: ForumDocument): Problem[] {
  const problems: Problem[] = [];
  const zoneOk = (path: string, zone: string) => {
    if (isValidTimeZone(zone)) return true;
    problems.push({ path, key: 'unknown-zone', params: { zone } });
    return false;
  };
  zoneOk('forum.timeZone', doc.forum.timeZone);
  if (doc.forum.endDate < doc.forum.startDate) problems.push({ path: 'forum.endDate', key: 'end-before-start', params: {} });
  doc.delegations.forEach((d, i) => zoneOk(`delegations[${i}].homeTimeZone`, d.homeTimeZone));
  const spans: [string, { start: string; end: string; timeZone: string; startUtc: number; endUtc: number }[]][] = [
    ['meetings', doc.meetings],
    ['programmeSessions', doc.programmeSessions],
    ['unavailability', doc.unavailability],
    ['b2b.sessions', doc.b2b.sessions],
  ];
  for (const [list, rows] of spans) {
    rows.forEach((r, i) => {
      if (!zoneOk(`${list}[${i}].timeZone`, r.timeZone)) return;
      for (const side of ['start', 'end'] as const) {
        const utc = side === 'start' ? r.startUtc : r.endUtc;
        if (localDateTimeOf(utc, r.timeZone) !== r[side]) problems.push({ path: `${list}[${i}].${side}`, key: 'time-mismatch', params: { local: r[side], zone: r.timeZone } });
      }
      if (r.endUtc < r.startUtc) problems.push({ path: `${list}[${i}].end`, key: 'end-before-start', params: {} });
    });
  }
  return problems;
}

const bool = (v: unknown) => v === 1 || v === true;
const json = (v: unknown) => JSON.parse(String(v)) as never;
const without = (row: TransferRow, ...names: string[]) => Object.fromEntries(Object.entries(row).filter(([k]) => !names.includes(k)));

/** The stored rows as the document writes them: booleans as booleans, JSON columns as JSON, the rows' own forum and session links left out where the file's nesting says them. */
function documentOf(rows: ForumRows, exportedAt: string): ForumDocument {
  const [forum] = rows.forum;
  return {
    format: FORMAT,
    version: VERSION,
    exportedAt,
    forum: without(forum!, 'id') as never,
    venues: rows.venues.map((r) => without(r, 'forum')) as never,
    rooms: rows.rooms as never,
    travel: rows.travel as never,
    organizations: rows.organizations as never,
    people: rows.people as never,
    delegations: rows.delegations.map((r) => without(r, 'forum')) as never,
    members: rows.members as never,
    programmeSessions: rows.programmeSessions.map((r) => ({ ...without(r, 'forum'), allDay: bool(r.allDay), cancelled: bool(r.cancelled) })) as never,
    meetings: rows.meetings.map((r) => ({ ...without(r, 'forum'), isPublic: bool(r.isPublic), outcomePublic: bool(r.outcomePublic) })) as never,
    participants: rows.participants as never,
    meetingDelegations: rows.meetingDelegations as never,
    documents: rows.documents.map((r) => without(r, 'forum')) as never,
    agreementParties: rows.agreementParties as never,
    agreementSignatories: rows.agreementSignatories as never,
    unavailability: rows.unavailability.map((r) => without(r, 'forum')) as never,
    b2b: {
      sessions: rows.b2bSessions.map((r) => ({ ...without(r, 'forum'), breaks: json(r.breaks) })) as never,
      participants: rows.b2bParticipants.map((r) => ({ ...r, unavailable: json(r.unavailable) })) as never,
      representatives: rows.b2bRepresentatives.map((r) => without(r, 'session')) as never,
      requests: rows.b2bRequests as never,
      placements: rows.b2bPlacements.map((r) => ({ ...without(r, 'session'), pinned: bool(r.pinned) })) as never,
      unplaced: rows.b2bUnplaced.map((r) => without(r, 'session')) as never,
      runs: rows.b2bRuns as never,
      publications: rows.b2bPublications as never,
    },
  };
}
