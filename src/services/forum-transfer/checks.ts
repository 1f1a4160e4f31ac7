import type { ForumDocument } from './schema';

/**
 * What can be wrong with a document, each named by its path in the JSON
 * ("meetings[12].room") and said by a key under ui.forum-transfer.problem.
 */
export type ProblemKey =
  | 'too-large'
  | 'not-json'
  | 'wrong-format'
  | 'wrong-version'
  | 'wrong-type'
  | 'missing'
  | 'too-long'
  | 'too-short'
  | 'too-many'
  | 'too-big'
  | 'too-small'
  | 'not-one-of'
  | 'unknown-field'
  | 'invalid'
  | 'duplicate-id'
  | 'duplicate-row'
  | 'unknown-ref'
  | 'unknown-zone'
  | 'time-mismatch'
  | 'end-before-start'
  | 'forum-exists'
  | 'uid-taken'
  | 'refused-by-database';

export interface Problem {
  /** Where in the document: 'meetings[12].room'; '' for the file as a whole. */
  path: string;
  key: ProblemKey;
  params: Record<string, string | number>;
}

/** 'meetings', 12, 'room' -> 'meetings[12].room'. */
export function pathOf(parts: readonly PropertyKey[]): string {
  return parts.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: unknown;
  origin?: string;
  maximum?: unknown;
  minimum?: unknown;
  values?: unknown[];
  keys?: string[];
}

/** zod's findings in the document's words (the first 50). */
export function issueProblems(issues: readonly Issue[], input: unknown): Problem[] {
  return issues.slice(0, 50).map((issue): Problem => {
    const path = pathOf(issue.path);
    switch (issue.code) {
      case 'invalid_type':
        return valueAt(input, issue.path) === undefined ? { path, key: 'missing', params: {} } : { path, key: 'wrong-type', params: { expected: String(issue.expected) } };
      case 'too_big':
        return { path, key: issue.origin === 'string' ? 'too-long' : issue.origin === 'array' ? 'too-many' : 'too-big', params: { limit: String(issue.maximum) } };
      case 'too_small':
        return { path, key: issue.origin === 'string' ? 'too-short' : 'too-small', params: { limit: String(issue.minimum) } };
      case 'invalid_value':
        return { path, key: 'not-one-of', params: { choices: (issue.values ?? []).map(String).join(', ') } };
      case 'unrecognized_keys':
        return { path, key: 'unknown-field', params: { names: (issue.keys ?? []).join(', ') } };
      default:
        return { path, key: 'invalid', params: {} };
    }
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const part of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[part];
  }
  return at;
}

type Kind = 'venue' | 'room' | 'organization' | 'person' | 'delegation' | 'meeting' | 'session' | 'participant' | 'request' | 'programmeSession';

/** Every id unique in its list, every reference to a row of the file, every pair listed once. */
export function checkReferences(doc: ForumDocument): Problem[] {
  const problems: Problem[] = [];
  const known = new Map<Kind, Set<number>>();
  const collect = (kind: Kind, list: string, rows: readonly { id: number }[]) => {
    const seen = new Set<number>();
    rows.forEach((r, i) => {
      if (seen.has(r.id)) problems.push({ path: `${list}[${i}].id`, key: 'duplicate-id', params: { id: r.id } });
      seen.add(r.id);
    });
    known.set(kind, seen);
  };
  collect('venue', 'venues', doc.venues);
  collect('room', 'rooms', doc.rooms);
  collect('organization', 'organizations', doc.organizations);
  collect('person', 'people', doc.people);
  collect('delegation', 'delegations', doc.delegations);
  collect('meeting', 'meetings', doc.meetings);
  collect('programmeSession', 'programmeSessions', doc.programmeSessions);
  collect('session', 'b2b.sessions', doc.b2b.sessions);
  collect('participant', 'b2b.participants', doc.b2b.participants);
  collect('request', 'b2b.requests', doc.b2b.requests);
  const ref = (kind: Kind, path: string, id: number | null) => {
    if (id !== null && !known.get(kind)!.has(id)) problems.push({ path, key: 'unknown-ref', params: { kind, id } });
  };
  const once = (list: string, rows: readonly unknown[], keyOf: (row: never) => string) => {
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const key = keyOf(r as never);
      if (seen.has(key)) problems.push({ path: `${list}[${i}]`, key: 'duplicate-row', params: {} });
      seen.add(key);
    });
  };
  doc.rooms.forEach((r, i) => ref('venue', `rooms[${i}].venue`, r.venue));
  doc.travel.forEach((t, i) => {
    ref('venue', `travel[${i}].from`, t.from);
    ref('venue', `travel[${i}].to`, t.to);
  });
  once('travel', doc.travel, (t: { from: number; to: number }) => `${t.from}>${t.to}`);
  doc.people.forEach((p, i) => ref('organization', `people[${i}].organization`, p.organization));
  doc.delegations.forEach((d, i) => ref('person', `delegations[${i}].head`, d.head));
  doc.members.forEach((m, i) => {
    ref('delegation', `members[${i}].delegation`, m.delegation);
    ref('person', `members[${i}].person`, m.person);
  });
  once('members', doc.members, (m: { delegation: number; person: number }) => `${m.delegation}:${m.person}`);
  doc.meetings.forEach((m, i) => {
    ref('room', `meetings[${i}].room`, m.room);
    ref('programmeSession', `meetings[${i}].programmeSession`, m.programmeSession);
  });
  once('programmeSessions', doc.programmeSessions, (s: { uid: string; occurrence: string }) => `${s.uid}\u0000${s.occurrence}`);
  once('meetings', doc.meetings, (m: { uid: string }) => m.uid);
  doc.participants.forEach((p, i) => {
    ref('meeting', `participants[${i}].meeting`, p.meeting);
    ref('person', `participants[${i}].person`, p.person);
  });
  once('participants', doc.participants, (p: { meeting: number; person: number }) => `${p.meeting}:${p.person}`);
  doc.meetingDelegations.forEach((d, i) => {
    ref('meeting', `meetingDelegations[${i}].meeting`, d.meeting);
    ref('delegation', `meetingDelegations[${i}].delegation`, d.delegation);
  });
  once('meetingDelegations', doc.meetingDelegations, (d: { meeting: number; delegation: number }) => `${d.meeting}:${d.delegation}`);
  doc.documents.forEach((d, i) => ref('meeting', `documents[${i}].meeting`, d.meeting));
  const agreements = new Set(doc.documents.map((d) => d.id));
  const agreementRef = (path: string, id: number) => {
    if (!agreements.has(id)) problems.push({ path, key: 'unknown-ref', params: { kind: 'agreement', id } });
  };
  doc.agreementParties.forEach((x, i) => {
    agreementRef(`agreementParties[${i}].agreement`, x.agreement);
    ref('organization', `agreementParties[${i}].organization`, x.organization);
  });
  once('agreementParties', doc.agreementParties, (x: { agreement: number; organization: number }) => `${x.agreement}:${x.organization}`);
  doc.agreementSignatories.forEach((x, i) => {
    agreementRef(`agreementSignatories[${i}].agreement`, x.agreement);
    ref('person', `agreementSignatories[${i}].person`, x.person);
  });
  once('agreementSignatories', doc.agreementSignatories, (x: { agreement: number; person: number }) => `${x.agreement}:${x.person}`);
  doc.unavailability.forEach((u, i) => ref(u.subject, `unavailability[${i}].subjectId`, u.subjectId));
  const b2b = doc.b2b;
  b2b.sessions.forEach((s, i) => ref('room', `b2b.sessions[${i}].room`, s.room));
  b2b.participants.forEach((p, i) => {
    ref('session', `b2b.participants[${i}].session`, p.session);
    ref('organization', `b2b.participants[${i}].organization`, p.organization);
  });
  b2b.representatives.forEach((r, i) => {
    ref('participant', `b2b.representatives[${i}].participant`, r.participant);
    ref('person', `b2b.representatives[${i}].person`, r.person);
  });
  b2b.requests.forEach((r, i) => {
    ref('session', `b2b.requests[${i}].session`, r.session);
    ref('participant', `b2b.requests[${i}].from`, r.from);
    ref('participant', `b2b.requests[${i}].to`, r.to);
    ref('meeting', `b2b.requests[${i}].meeting`, r.meeting);
  });
  b2b.placements.forEach((p, i) => ref('request', `b2b.placements[${i}].request`, p.request));
  b2b.unplaced.forEach((u, i) => ref('request', `b2b.unplaced[${i}].request`, u.request));
  b2b.runs.forEach((r, i) => ref('session', `b2b.runs[${i}].session`, r.session));
  b2b.publications.forEach((p, i) => ref('session', `b2b.publications[${i}].session`, p.session));
  return problems;
}
