/**
 * What an import would do, row by row, before anything is written (issue 16):
 * every row of the table becomes create / update / unchanged / error, with the
 * key it was matched by and, for an error, what is wrong with which value.
 * Rows go through the same validation as the forms (the reference services'
 * validate), so a row the preview accepts is one the form would accept.
 */
import { ValidationError } from '../../domain/errors';
import { ORGANIZATION_KINDS, MEMBER_ROLES, type Delegation, type Forum, type Id, type MemberRole, type Organization, type OrganizationKind, type Person, type Venue } from '../../domain/types';
import type { Message } from '../../messages';
import type { ForumDirectory, RecordService } from '../reference';
import type { MeetingService } from '../meetings';
import type { AvailabilityService } from '../availability';
import type { Store } from '../../store';
import type { KeyedKind } from '../../store/repositories/imports';
import type { ReadTable } from './table';
import { splitFullName } from './full-name';
import { editDistance, looseKey, NameIndex, wordTable } from './lookup';

export { editDistance, looseKey } from './lookup';

export type RowStatus = 'create' | 'update' | 'unchanged' | 'error';
export const ROW_STATUSES: readonly RowStatus[] = ['create', 'update', 'unchanged', 'error'];

/** The kinds an import plans and writes: records shared by every forum, and a forum's meetings and unavailability. */
export const PLANNED_KINDS = ['people', 'organizations', 'meetings', 'unavailability'] as const;
export type PlannedKind = (typeof PLANNED_KINDS)[number];
export function isPlannedKind(kind: unknown): kind is PlannedKind {
  return typeof kind === 'string' && (PLANNED_KINDS as readonly string[]).includes(kind);
}
/** The kinds shared by every forum, matched by the file's id through import_key (migration 0021). */
export type RecordKind = KeyedKind;
/** The kinds that belong to one forum: an upload of them names it. */
export function isForumKind(kind: PlannedKind): kind is 'meetings' | 'unavailability' {
  return kind === 'meetings' || kind === 'unavailability';
}

/**
 * Which key matched a row to a record: the file's own id, else the email,
 * else the name (with the organization, for people); a meeting by its title,
 * start and room, a block by its person (or room), start and end. `shown` is
 * the key as the preview says it, when `value` is not readable.
 */
export interface MatchKey {
  by: 'external-id' | 'email' | 'name' | 'title-start-room' | 'subject-start-end';
  value: string;
  shown?: string;
}

/** Why a row cannot be imported; shown beside the row, in the reader's language. */
export type RowProblem =
  | { code: 'missing'; field: string }
  | { code: 'organization-not-found'; value: string; suggestion: string | null }
  | { code: 'bad-kind'; value: string }
  | { code: 'invalid'; field: string; said: Message }
  | { code: 'duplicate'; key: string; firstLine: number }
  | { code: 'ambiguous'; key: string; count: number }
  /** A room, person or delegation the row names that the forum (or the contact book) does not have. */
  | { code: 'not-found'; field: 'room' | 'venue' | 'person' | 'participants' | 'delegation' | 'delegations'; value: string; suggestion: string | null }
  /** A cell that does not read as its field: a date, a time, a duration, a kind, a status or a role. */
  | { code: 'unreadable'; field: string; value: string }
  /** An error-level clash with the programme or an earlier row of the file, in the conflict's own sentence. */
  | { code: 'conflict'; said: Message }
  /** A refusal of the service that names no field. */
  | { code: 'refused'; said: Message }
  /** A column that names something within a forum (a delegation) in an upload made for no forum. */
  | { code: 'needs-forum'; field: string };

export interface PlanRow {
  line: number;
  status: RowStatus;
  /** What the row is called in the preview: the person's or organization's name as the row gives it. */
  label: string;
  key: MatchKey | null;
  problems: RowProblem[];
  /** The record it updates or leaves alone. */
  recordId: Id | null;
  /** The fields an update changes. */
  changed: string[];
  externalId: string;
  /** The values written on confirm (the record's fields, validated). */
  values: Record<string, unknown> | null;
  /** Warnings shown beside an accepted row (a meeting's warning-level conflicts), in their own sentences. */
  warnings?: Message[];
  /** A person's delegation and role in it, written with the person. */
  membership?: Membership;
}

/** A person's place in one of the forum's delegations, as a row gives it. */
export interface Membership {
  delegationId: Id;
  role: MemberRole;
}

export interface ImportPlan {
  kind: PlannedKind;
  rows: PlanRow[];
  counts: Record<RowStatus, number>;
  /** Required fields no column fills: every row would be an error. */
  unmapped: string[];
}

/** Which field each column fills (null: the column is left out), by column index. */
export type ColumnMapping = readonly (string | null)[];

export interface PlanServices {
  store: Store;
  people: RecordService<Person>;
  organizations: RecordService<Organization>;
  delegations: RecordService<Delegation>;
  forums: RecordService<Forum>;
  venues: RecordService<Venue>;
  directory: ForumDirectory;
  meetings: MeetingService;
  availability: AvailabilityService;
}

/** The organizations by each of their names, exactly and loosely, for matching rows and suggesting. */
class OrganizationIndex {
  private readonly exact = new Map<string, Organization[]>();
  private readonly loose = new Map<string, Organization[]>();
  constructor(private readonly all: readonly Organization[]) {
    for (const o of all) {
      for (const name of new Set([o.name, o.nameRu, o.nameAz].filter(Boolean))) {
        push(this.exact, name.trim(), o);
        push(this.loose, looseKey(name), o);
      }
      // "… Promotion Foundation (AZPROMO)": a list that says AZPROMO means it, but says so only as a suggestion.
      const short = shortNameOf(o.name);
      if (short) push(this.loose, looseKey(short), o);
    }
  }

  byName(name: string): Organization[] {
    return this.exact.get(name.trim()) ?? [];
  }

  byLooseName(name: string): Organization[] {
    return this.loose.get(looseKey(name)) ?? [];
  }

  /** The closest name to one that matched none: the same letters in other case or spacing, else at most two letters off. */
  suggest(name: string): string | null {
    const loose = this.byLooseName(name)[0];
    if (loose) return loose.name;
    const key = looseKey(name);
    if (!key) return null;
    const max = key.length < 5 ? 1 : 2;
    let best: { name: string; distance: number } | null = null;
    for (const o of this.all) {
      for (const candidate of [o.name, o.nameRu, o.nameAz, shortNameOf(o.name)]) {
        if (!candidate) continue;
        const distance = editDistance(key, looseKey(candidate), max);
        if (distance <= max && (!best || distance < best.distance)) best = { name: o.name, distance };
      }
    }
    return best?.name ?? null;
  }
}

/** The short name a long name carries in brackets at its end: 'AZPROMO' of '… Foundation (AZPROMO)'. */
function shortNameOf(name: string): string {
  return /\(([^()]{2,40})\)\s*$/.exec(name)?.[1]?.trim() ?? '';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** The row's cells by field name, trimmed; fields no column fills are absent. */
export function cellsOf(cells: readonly string[], mapping: ColumnMapping): Map<string, string> {
  const out = new Map<string, string>();
  mapping.forEach((fieldName, index) => {
    if (fieldName && !out.has(fieldName)) out.set(fieldName, (cells[index] ?? '').trim());
  });
  return out;
}

interface Draft {
  label: string;
  externalId: string;
  /** A person's place in a delegation of the forum, when the row names one. */
  membership?: Membership;
  /** The values the row gives, as the form's fields: only those its columns fill. */
  given: Record<string, unknown>;
  problems: RowProblem[];
  keys: MatchKey[];
}

/** A forum's delegations by name, and the words for a member's role; absent when the upload names no forum. */
interface DelegationContext {
  delegations: NameIndex<Delegation> | null;
  role: (word: string) => MemberRole | null;
}

function personDraft(cells: Map<string, string>, organizations: OrganizationIndex, context: DelegationContext): Draft {
  const problems: RowProblem[] = [];
  const given: Record<string, unknown> = {};
  const get = (f: string) => cells.get(f) ?? '';
  const composed = [get('givenName'), get('surname')].filter(Boolean).join(' ');
  // A Russian list's ФИО is surname first, with the patronymic: Мустафаев Шахин Ашраф оглы is Шахин Мустафаев, Ашраф оглы.
  const parts = CYRILLIC.test(get('fullName')) ? splitFullName(get('fullName')) : null;
  const fromParts = parts?.givenName ? `${parts.givenName} ${parts.surname}` : '';
  const name = fromParts || get('fullName') || composed;
  if (parts?.patronymic && !cells.get('patronymic')) given.patronymicRu = parts.patronymic;
  if (cells.has('fullName') || cells.has('surname') || cells.has('givenName')) {
    if (!name) problems.push({ code: 'missing', field: 'fullName' });
    given.fullName = name;
  }
  // A name written in Cyrillic is the Russian one too, unless a column gives that.
  const nameRu = get('nameRu') || (CYRILLIC.test(name) ? name : '');
  if (cells.has('nameRu') || nameRu) given.nameRu = nameRu;
  if (cells.has('nameAz')) given.nameAz = get('nameAz');
  if (cells.has('patronymic')) given.patronymicRu = get('patronymic');
  for (const f of ['position', 'positionRu', 'positionAz', 'email', 'phone'] as const) if (cells.has(f)) given[f] = get(f);
  if (cells.has('organization')) {
    const organization = get('organization');
    if (!organization) given.organizationId = null;
    else {
      const found = organizations.byName(organization);
      if (found.length === 1) given.organizationId = found[0]!.id;
      else if (found.length > 1) problems.push({ code: 'ambiguous', key: organization, count: found.length });
      else problems.push({ code: 'organization-not-found', value: organization, suggestion: organizations.suggest(organization) });
    }
  }
  let membership: Membership | undefined;
  if (get('delegation')) {
    const role = get('role') ? context.role(get('role')) : 'member';
    if (!role) problems.push({ code: 'unreadable', field: 'role', value: get('role') });
    if (!context.delegations) problems.push({ code: 'needs-forum', field: 'delegation' });
    else {
      const found = context.delegations.find(get('delegation'));
      if (found.ok) {
        if (role) membership = { delegationId: found.record.id, role };
      } else if (found.count > 1) problems.push({ code: 'ambiguous', key: get('delegation'), count: found.count });
      else problems.push({ code: 'not-found', field: 'delegation', value: get('delegation'), suggestion: found.suggestion });
    }
  }
  const keys: MatchKey[] = [];
  const externalId = get('externalId');
  if (externalId) keys.push({ by: 'external-id', value: externalId });
  if (get('email')) keys.push({ by: 'email', value: get('email').toLowerCase() });
  if (name) keys.push({ by: 'name', value: `${looseKey(name)}|${given.organizationId ?? ''}` });
  return { label: name || externalId, externalId, given, problems, keys, ...(membership ? { membership } : {}) };
}

function organizationDraft(cells: Map<string, string>): Draft {
  const problems: RowProblem[] = [];
  const given: Record<string, unknown> = {};
  const get = (f: string) => cells.get(f) ?? '';
  // The short name lives in the name, in brackets at its end ("… Promotion Foundation (AZPROMO)"), where matching and suggestions read it.
  const short = get('shortName');
  const full = get('name');
  const name = !short || looseKey(shortNameOf(full)) === looseKey(short) || looseKey(full) === looseKey(short) ? full || short : full ? `${full} (${short})` : short;
  if (!name) problems.push({ code: 'missing', field: 'name' });
  given.name = name;
  for (const f of ['nameRu', 'nameAz', 'country'] as const) if (cells.has(f)) given[f] = get(f);
  if (cells.has('kind') && get('kind')) {
    const kind = get('kind').toLowerCase();
    if ((ORGANIZATION_KINDS as readonly string[]).includes(kind)) given.kind = kind as OrganizationKind;
    else problems.push({ code: 'bad-kind', value: get('kind') });
  }
  const keys: MatchKey[] = [];
  const externalId = get('externalId');
  if (externalId) keys.push({ by: 'external-id', value: externalId });
  if (name) keys.push({ by: 'name', value: looseKey(name) });
  return { label: name || externalId, externalId, given, problems, keys };
}

/** The existing records under each key a row can be matched by. */
interface Matcher<T> {
  records: (key: MatchKey) => T[];
}

function personMatcher(services: PlanServices, people: readonly Person[]): Matcher<Person> {
  const byId = new Map(people.map((p) => [p.id, p]));
  const external = services.store.imports.keys('people');
  const email = new Map<string, Person[]>();
  const name = new Map<string, Person[]>();
  for (const p of people) {
    if (p.email) push(email, p.email.trim().toLowerCase(), p);
    for (const n of new Set([p.fullName, p.nameRu, p.nameAz].filter(Boolean))) push(name, `${looseKey(n)}|${p.organizationId ?? ''}`, p);
  }
  return {
    records: (key) => {
      if (key.by === 'external-id') {
        const id = external.get(key.value);
        const p = id === undefined ? undefined : byId.get(id);
        return p ? [p] : [];
      }
      return (key.by === 'email' ? email : name).get(key.value) ?? [];
    },
  };
}

function organizationMatcher(services: PlanServices, organizations: readonly Organization[]): Matcher<Organization> {
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const external = services.store.imports.keys('organizations');
  const name = new Map<string, Organization[]>();
  for (const o of organizations) for (const n of new Set([o.name, o.nameRu, o.nameAz].filter(Boolean))) push(name, looseKey(n), o);
  return {
    records: (key) => {
      if (key.by === 'external-id') {
        const id = external.get(key.value);
        const o = id === undefined ? undefined : byId.get(id);
        return o ? [o] : [];
      }
      return name.get(key.value) ?? [];
    },
  };
}

/** A record's values as its form would post them (no id, no version). */
function formValues(record: object): Record<string, unknown> {
  const { id: _id, version: _version, ...values } = record as Record<string, unknown>;
  return values;
}

const DEFAULTS: Record<RecordKind, Record<string, unknown>> = {
  people: {},
  organizations: { kind: 'company' },
};

/**
 * The plan for importing `table` as `kind` with `mapping`: reads the store,
 * writes nothing. Rows that name the same record twice: the second is an error.
 */
export function planImport(services: PlanServices, kind: RecordKind, table: Pick<ReadTable, 'rows'>, mapping: ColumnMapping, forumId: Id | null = null): ImportPlan {
  const required = kind === 'people' ? [['fullName', 'surname', 'givenName']] : [['name']];
  const mapped = new Set(mapping.filter((m): m is string => !!m));
  const unmapped = required.filter((any) => !any.some((f) => mapped.has(f))).map((any) => any[0]!);
  const service = (kind === 'people' ? services.people : services.organizations) as RecordService<Person | Organization>;
  const organizations = new OrganizationIndex(services.organizations.list());
  const matcher: Matcher<Person | Organization> =
    kind === 'people' ? personMatcher(services, services.people.list()) : organizationMatcher(services, services.organizations.list());
  const context: DelegationContext = {
    delegations: forumId === null || !mapped.has('delegation') ? null : new NameIndex(services.delegations.list({ forumId: forumId! }), (d) => [d.name], (d) => d.name),
    role: mapped.has('role') ? wordTable(MEMBER_ROLES, 'role', ['label.member-role']) : () => 'member',
  };
  const members = context.delegations ? new Map(services.directory.membersOfForum(forumId!).map((m) => [`${m.delegationId}|${m.personId}`, m.role])) : new Map<string, MemberRole>();
  const seen = new Map<string, number>();
  const claimed = new Map<Id, number>();
  const counts: Record<RowStatus, number> = { create: 0, update: 0, unchanged: 0, error: 0 };
  const rows = table.rows.map((row): PlanRow => {
    const cells = cellsOf(row.cells, mapping);
    const draft = kind === 'people' ? personDraft(cells, organizations, context) : organizationDraft(cells);
    const problems = [...draft.problems];
    if (unmapped.length) problems.push(...unmapped.map((field) => ({ code: 'missing' as const, field })));
    const key = draft.keys[0] ?? null;
    // The first key that finds a record decides; the file's id, when known, comes first.
    let record: Person | Organization | undefined;
    let matchedBy: MatchKey | null = key;
    for (const k of draft.keys) {
      const found = matcher.records(k);
      if (found.length > 1) {
        problems.push({ code: 'ambiguous', key: k.value.split('|')[0]!, count: found.length });
        break;
      }
      if (found.length === 1) {
        record = found[0];
        matchedBy = k;
        break;
      }
    }
    const seenKey = key ? `${key.by}:${key.value}` : null;
    const earlier = (seenKey && seen.get(seenKey)) ?? (record && claimed.get(record.id));
    if (earlier) problems.push({ code: 'duplicate', key: key?.value.split('|')[0] ?? draft.label, firstLine: earlier });
    else {
      if (seenKey) seen.set(seenKey, row.line);
      if (record) claimed.set(record.id, row.line);
    }
    let values: Record<string, unknown> | null = null;
    let changed: string[] = [];
    if (!problems.length) {
      const base = record ? formValues(record) : { ...DEFAULTS[kind] };
      const merged: Record<string, unknown> = { ...base, ...draft.given };
      // A name in Cyrillic does not replace the English one a record already has: it is its Russian name.
      if (record && kind === 'people' && CYRILLIC.test(String(draft.given.fullName ?? '')) && !CYRILLIC.test((record as Person).fullName)) merged.fullName = (record as Person).fullName;
      try {
        values = service.validate(merged, record) as Record<string, unknown>;
        if (record) {
          const current = formValues(record);
          changed = Object.keys(values).filter((f) => !same(values![f], current[f]));
        }
        const m = draft.membership;
        if (m && (!record || members.get(`${m.delegationId}|${record.id}`) !== m.role)) changed.push('delegation');
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        for (const [field, said] of Object.entries(err.fieldMessages)) problems.push({ code: 'invalid', field, said });
      }
    }
    const status: RowStatus = problems.length ? 'error' : !record ? 'create' : changed.length ? 'update' : 'unchanged';
    counts[status]++;
    return {
      line: row.line,
      status,
      label: draft.label,
      key: matchedBy,
      problems,
      recordId: record?.id ?? null,
      changed: record ? changed : [],
      externalId: draft.externalId,
      values: status === 'error' ? null : values,
      ...(draft.membership ? { membership: draft.membership } : {}),
    };
  });
  return { kind, rows, counts, unmapped };
}

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
