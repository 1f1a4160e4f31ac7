/**
 * The outcome report after (or during) a forum (issue 17): what was held, by
 * kind, by the counterparts' countries, regions and organizations and by our
 * principals; the agreements signed and still pending; the B2B meetings held;
 * and per counterpart what was discussed and agreed. Pure: the service loads
 * the forum's data as plain input and this decides what counts.
 *
 * What counts as held: a confirmed meeting the planner marked held
 * (`heldAt`). A confirmed meeting not marked held, a tentative or proposed
 * one and a cancelled one are each listed apart and never counted as held.
 * Travel and the delegation's own briefings are the programme's logistics,
 * not its outcome: the report leaves them out. B2B meetings are counted in
 * their own section, by session.
 */
import type { Agreement } from '../agreements';
import type { Forum, Id, LocalDate, LocalDateTime, MeetingKind, MeetingStatus, Organization, Participant, Person } from '../types';
import { MEETING_KINDS } from '../types';

/** Kinds that are the programme's logistics, not its outcome. */
const INTERNAL_KINDS: ReadonlySet<MeetingKind> = new Set(['travel', 'briefing']);

export type OutcomePerson = Pick<Person, 'id' | 'fullName' | 'nameRu' | 'nameAz' | 'patronymicRu' | 'position' | 'positionRu' | 'positionAz' | 'organizationId'>;
export type OutcomeOrganization = Pick<Organization, 'id' | 'name' | 'nameRu' | 'nameAz' | 'country' | 'kind'>;

export interface OutcomeMeetingInput {
  id: Id;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  start: LocalDateTime;
  end: LocalDateTime;
  /** When it was marked held (epoch ms), null when not. */
  heldAt: number | null;
  participants: Participant[];
  outcome: string;
  /** The planner marked the outcome publishable: the press release may quote it. */
  outcomePublic: boolean;
}

/** An agreement of the register (domain/agreements), as much as the report reads. */
export type OutcomeAgreementInput = Pick<Agreement, 'id' | 'meetingId' | 'kind' | 'title' | 'titleRu' | 'titleAz' | 'parties' | 'partyIds' | 'status' | 'signedOn' | 'signedPlace' | 'signatories'>;

export interface OutcomeB2BSessionInput {
  id: Id;
  title: string;
  start: LocalDateTime;
  published: boolean;
  /** The session's requests: accepted ones with the programme meeting they became, if any, and the two companies. */
  requests: { id: Id; state: 'pending' | 'accepted' | 'declined' | 'cancelled'; meetingId: Id | null; organizationIds: [Id, Id] }[];
}

export interface OutcomeInput {
  forum: Pick<Forum, 'id' | 'name' | 'shortName' | 'startDate' | 'endDate' | 'city' | 'timeZone'>;
  /** The planners' own delegation (the forum's first), or null when the forum has none yet. */
  delegation: { id: Id; name: string; country: string; headPersonId: Id | null } | null;
  people: OutcomePerson[];
  organizations: OutcomeOrganization[];
  meetings: OutcomeMeetingInput[];
  agreements: OutcomeAgreementInput[];
  b2b: OutcomeB2BSessionInput[];
}

/** A meeting as the report lists it. */
export interface ReportMeeting {
  id: Id;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  start: LocalDateTime;
  end: LocalDateTime;
  date: LocalDate;
  held: boolean;
  principals: OutcomePerson[];
  counterparts: OutcomePerson[];
  /** The counterparts' organizations, each once, in the order the counterparts come. */
  organizations: OutcomeOrganization[];
  outcome: string;
  outcomePublic: boolean;
  /** The agreements to be signed at it (any status). */
  agreements: ReportAgreement[];
}

export interface ReportAgreement extends OutcomeAgreementInput {
  partyOrganizations: OutcomeOrganization[];
  signatoryPeople: { person: OutcomePerson; position: string }[];
  /** The meeting where it is signed, when it has one. */
  meeting: { id: Id; title: string; date: LocalDate; status: MeetingStatus; held: boolean } | null;
}

export interface Count<T> {
  item: T;
  count: number;
}

export interface CounterpartOutcome {
  /** The organization, or the person when they have none. */
  organization: OutcomeOrganization | null;
  person: OutcomePerson | null;
  meetings: { id: Id; date: LocalDate; title: string; kind: MeetingKind; outcome: string; people: OutcomePerson[]; signed: ReportAgreement[] }[];
}

export interface B2BSessionOutcome {
  id: Id;
  title: string;
  date: LocalDate;
  published: boolean;
  /** Meetings marked held, and the companies that met at them. */
  held: number;
  companiesMet: OutcomeOrganization[];
  /** Meetings in the programme, confirmed but not marked held. */
  notMarkedHeld: number;
  /** Accepted requests with no meeting in the programme, or a cancelled one. */
  requestsNotMet: number;
}

export interface OutcomeReport {
  forum: OutcomeInput['forum'];
  delegation: OutcomeInput['delegation'];
  head: OutcomePerson | null;
  held: ReportMeeting[];
  /** Confirmed, not marked held. */
  notMarkedHeld: ReportMeeting[];
  /** Tentative or proposed. */
  notConfirmed: ReportMeeting[];
  cancelled: ReportMeeting[];
  heldByKind: Count<MeetingKind>[];
  heldByCountry: Count<string>[];
  heldByRegion: Count<OutcomeOrganization>[];
  heldByOrganization: Count<OutcomeOrganization>[];
  heldByPrincipal: Count<OutcomePerson>[];
  agreements: { signed: ReportAgreement[]; pending: ReportAgreement[]; withdrawn: ReportAgreement[] };
  b2b: { sessions: B2BSessionOutcome[]; held: number; companiesMet: number; notMarkedHeld: number; requestsNotMet: number };
  counterparts: CounterpartOutcome[];
  /** No meeting (B2B ones included) is marked held yet: the page says so. */
  empty: boolean;
}

/** Held only when confirmed and marked: a meeting that stopped being confirmed is no longer held. */
function isHeld(m: Pick<OutcomeMeetingInput, 'status' | 'heldAt'>): boolean {
  return m.status === 'confirmed' && m.heldAt !== null;
}

const byStart = (a: { start: string; id: Id }, b: { start: string; id: Id }) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id);

/** Counted items, most first; ties in the order they were first met (the programme's order). */
function counted<T>(items: T[], keyOf: (item: T) => string | number): Count<T>[] {
  const out = new Map<string | number, Count<T>>();
  for (const item of items) {
    const key = keyOf(item);
    const known = out.get(key);
    if (known) known.count += 1;
    else out.set(key, { item, count: 1 });
  }
  return [...out.values()].sort((a, b) => b.count - a.count);
}

function unique<T>(items: T[], keyOf: (item: T) => string | number): T[] {
  const seen = new Set<string | number>();
  return items.filter((i) => {
    const k = keyOf(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function outcomeReport(input: OutcomeInput): OutcomeReport {
  const people = new Map(input.people.map((p) => [p.id, p]));
  const organizations = new Map(input.organizations.map((o) => [o.id, o]));
  const meetingsById = new Map(input.meetings.map((m) => [m.id, m]));
  const present = <T>(v: T | undefined): v is T => v !== undefined;

  const agreementOf = (a: OutcomeAgreementInput): ReportAgreement => {
    const m = a.meetingId === null ? undefined : meetingsById.get(a.meetingId);
    return {
      ...a,
      partyOrganizations: a.partyIds.map((id) => organizations.get(id)).filter(present),
      signatoryPeople: a.signatories.flatMap((s) => {
        const person = people.get(s.personId);
        return person ? [{ person, position: s.position }] : [];
      }),
      meeting: m ? { id: m.id, title: m.title, date: m.start.slice(0, 10), status: m.status, held: isHeld(m) } : null,
    };
  };
  const agreements = input.agreements.map(agreementOf);
  const agreementsAt = new Map<Id, ReportAgreement[]>();
  for (const a of agreements) if (a.meetingId !== null) agreementsAt.set(a.meetingId, [...(agreementsAt.get(a.meetingId) ?? []), a]);

  const reported = input.meetings
    .filter((m) => !INTERNAL_KINDS.has(m.kind) && m.kind !== 'b2b')
    .sort(byStart)
    .map((m): ReportMeeting => {
      const counterparts = m.participants.filter((p) => p.role === 'counterpart').map((p) => people.get(p.personId)).filter(present);
      return {
        id: m.id,
        title: m.title,
        kind: m.kind,
        status: m.status,
        start: m.start,
        end: m.end,
        date: m.start.slice(0, 10),
        held: isHeld(m),
        principals: m.participants.filter((p) => p.role === 'principal').map((p) => people.get(p.personId)).filter(present),
        counterparts,
        organizations: unique(
          counterparts.map((c) => (c.organizationId === null ? undefined : organizations.get(c.organizationId))).filter(present),
          (o) => o.id,
        ),
        outcome: m.outcome,
        outcomePublic: m.outcomePublic,
        agreements: agreementsAt.get(m.id) ?? [],
      };
    });
  const held = reported.filter((m) => m.held);

  const kindOrder = (k: MeetingKind) => MEETING_KINDS.indexOf(k);
  const heldByKind = counted(
    held.map((m) => m.kind),
    (k) => k,
  ).sort((a, b) => b.count - a.count || kindOrder(a.item) - kindOrder(b.item));
  const heldByCountry = counted(
    held.flatMap((m) => unique(m.organizations.map((o) => o.country).filter((c) => c.trim() !== ''), (c) => c)),
    (c) => c,
  );
  const heldByOrganization = counted(
    held.flatMap((m) => m.organizations),
    (o) => o.id,
  );
  const heldByRegion = heldByOrganization.filter((c) => c.item.kind === 'region');
  const heldByPrincipal = counted(
    held.flatMap((m) => unique(m.principals, (p) => p.id)),
    (p) => p.id,
  );

  // Per counterpart: their organization, or the person when they have none; first met first.
  const counterparts = new Map<string, CounterpartOutcome>();
  for (const m of held) {
    const keys = unique(
      m.counterparts.map((c) => {
        const org = c.organizationId === null ? undefined : organizations.get(c.organizationId);
        return org ? { key: `o${org.id}`, organization: org, person: null } : { key: `p${c.id}`, organization: null, person: c };
      }),
      (k) => k.key,
    );
    for (const k of keys) {
      let entry = counterparts.get(k.key);
      if (!entry) {
        entry = { organization: k.organization, person: k.person, meetings: [] };
        counterparts.set(k.key, entry);
      }
      entry.meetings.push({
        id: m.id,
        date: m.date,
        title: m.title,
        kind: m.kind,
        outcome: m.outcome,
        people: m.counterparts.filter((c) => (k.organization ? c.organizationId === k.organization.id : c.id === k.person?.id)),
        signed: m.agreements.filter((a) => a.status === 'signed'),
      });
    }
  }

  const pendingOrder = (a: ReportAgreement) => (a.status === 'agreed' ? 0 : 1);
  const signed = agreements.filter((a) => a.status === 'signed').sort((a, b) => (a.signedOn ?? '').localeCompare(b.signedOn ?? '') || a.id - b.id);
  const pending = agreements.filter((a) => a.status === 'agreed' || a.status === 'draft').sort((a, b) => pendingOrder(a) - pendingOrder(b) || a.id - b.id);
  const withdrawn = agreements.filter((a) => a.status === 'withdrawn');

  const sessions = input.b2b.map((s): B2BSessionOutcome => {
    let heldCount = 0;
    let notMarkedHeld = 0;
    let requestsNotMet = 0;
    const met: OutcomeOrganization[] = [];
    for (const r of s.requests) {
      const m = r.meetingId === null ? undefined : meetingsById.get(r.meetingId);
      const live = m !== undefined && m.status !== 'cancelled';
      if (m && isHeld(m)) {
        heldCount += 1;
        met.push(...r.organizationIds.map((id) => organizations.get(id)).filter(present));
      } else if (live && m.status === 'confirmed') notMarkedHeld += 1;
      else if (r.state === 'accepted' && !live) requestsNotMet += 1;
    }
    return { id: s.id, title: s.title, date: s.start.slice(0, 10), published: s.published, held: heldCount, companiesMet: unique(met, (o) => o.id), notMarkedHeld, requestsNotMet };
  });
  const b2b = {
    sessions,
    held: sessions.reduce((n, s) => n + s.held, 0),
    companiesMet: new Set(sessions.flatMap((s) => s.companiesMet.map((o) => o.id))).size,
    notMarkedHeld: sessions.reduce((n, s) => n + s.notMarkedHeld, 0),
    requestsNotMet: sessions.reduce((n, s) => n + s.requestsNotMet, 0),
  };

  const headId = input.delegation?.headPersonId ?? null;
  return {
    forum: input.forum,
    delegation: input.delegation,
    head: headId === null ? null : (people.get(headId) ?? null),
    held,
    notMarkedHeld: reported.filter((m) => m.status === 'confirmed' && !m.held),
    notConfirmed: reported.filter((m) => m.status === 'tentative' || m.status === 'proposed'),
    cancelled: reported.filter((m) => m.status === 'cancelled'),
    heldByKind,
    heldByCountry,
    heldByRegion,
    heldByOrganization,
    heldByPrincipal,
    agreements: { signed, pending, withdrawn },
    b2b,
    counterparts: [...counterparts.values()],
    empty: held.length === 0 && b2b.held === 0,
  };
}
