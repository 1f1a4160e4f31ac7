import { z } from 'zod';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, canMoveStatus, type Agreement, type AgreementKind, type AgreementSignatory, type AgreementStatus } from '../../domain/agreements';
import { NotFoundError, StaleVersionError, ValidationError, type Said } from '../../domain/errors';
import { pageOfSorted, type Key, type KeyedPage, type Keyset } from '../../domain/keyset';
import type { Forum, Id, LocalDate, Meeting, Organization, Person } from '../../domain/types';
import { message } from '../../messages';
import { storedMessage } from '../../messages/stored';
import { inWriteTransaction } from '../../store/database';
import type { Store } from '../../store';
import type { AgreementValues } from '../../store/repositories/agreements';
import type { Actor } from '../actor';
import { field, parseInput, said } from '../validation';

/** The bounds the register's forms hold an agreement to (the table's CHECKs say the same). */
export const AGREEMENT_LIMITS = { title: 500, parties: 500, place: 300, note: 4000, parties_: 20, signatories: 20 } as const;

/** How many documents one "mark held" may sign. */
const MAX_SIGNED_AT_ONCE = 50;

const ids = (label: 'organization' | 'person', max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '' && x !== null) : [v]),
    z.array(field.id(label), { error: said('field.choose-valid', { label }) }).max(max, said('agreement.too-many', { max })),
  );

/** A text of the register's own (a title in another language): its bound, said by the register's words. */
const ownText = (which: 'titleRu' | 'titleAz', max: number) => z.preprocess((v) => (typeof v === 'string' ? v.trim() : (v ?? '')), z.string().max(max, said('agreement.too-long', { field: which, max })));

/** An agreement as a planner submits it: the register's form and its tests parse into this. */
const agreementInput = z.object({
  kind: z.enum(AGREEMENT_KINDS, { error: said('agreement.choose-kind', {}) }),
  title: field.text('title', AGREEMENT_LIMITS.title),
  titleRu: ownText('titleRu', AGREEMENT_LIMITS.title),
  titleAz: ownText('titleAz', AGREEMENT_LIMITS.title),
  parties: field.optionalText('parties', AGREEMENT_LIMITS.parties),
  partyIds: ids('organization', AGREEMENT_LIMITS.parties_),
  signatoryIds: ids('person', AGREEMENT_LIMITS.signatories),
  meetingId: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), z.coerce.number({ error: said('agreement.meeting-not-in-forum', {}) }).int(said('agreement.meeting-not-in-forum', {})).positive(said('agreement.meeting-not-in-forum', {})).nullable()),
  status: field.oneOf('status', AGREEMENT_STATUSES),
  signedOn: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), field.date('signing date').nullable()),
  signedPlace: field.optionalText('place', AGREEMENT_LIMITS.place),
  note: field.optionalText('notes', AGREEMENT_LIMITS.note),
});

/** What the register page filters by, from its address. */
export interface RegisterQuery {
  status?: AgreementStatus;
  kind?: AgreementKind;
  /** The day it is (or was) signed: its date of signing, else its meeting's local date. */
  day?: LocalDate;
  meetingId?: Id;
  organizationId?: Id;
}

/** An agreement as the register lists it: with its day, meeting, parties and signatories resolved. */
export interface RegisterRow {
  agreement: Agreement;
  /** Its date of signing, else its meeting's local date; null when neither. */
  day: LocalDate | null;
  meeting: Pick<Meeting, 'id' | 'title' | 'start' | 'end' | 'status' | 'heldAt' | 'roomId' | 'place'> | null;
  parties: Organization[];
  signatories: { person: Person; position: string }[];
}

/** The register's counts by status, over the whole forum (not the filter). */
export type StatusCounts = Record<AgreementStatus, number>;

/** Where a register row sorts: by day (those without one last), then by id. */
const keyOf = (r: RegisterRow): Key => [r.day ?? '9999-12-31', r.agreement.id];

/**
 * The agreements register (issue 17): its list, its forms' writes (each with
 * its audit row, in one transaction, with the optimistic version check like
 * every form), and "mark held", which marks a meeting held and signs the
 * documents the planner ticks in one step.
 */
export class AgreementService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Every agreement of the forum, with its party organization ids and signatories (what the outcome report reads). */
  ofForum(forumId: Id): Agreement[] {
    return this.store.agreements.ofForum(forumId);
  }

  /** One agreement of this forum; NotFound for another forum's or none. */
  inForum(forumId: Id, id: Id): Agreement {
    const agreement = this.store.agreements.find(id);
    if (!agreement || agreement.forumId !== forumId) throw new NotFoundError(message('agreement.not-found', { id }));
    return agreement;
  }

  counts(forumId: Id): StatusCounts {
    const counted = this.store.agreements.countByStatus(forumId);
    return Object.fromEntries(AGREEMENT_STATUSES.map((s) => [s, counted[s] ?? 0])) as StatusCounts;
  }

  /**
   * The forum's register filtered, in its order (day, then id): the rows SQL
   * can filter (status, kind, meeting, party) read there, the day and the
   * text search (`matches`, over every text of a row) here, since the day
   * comes from the meeting when there is no date of signing.
   */
  register(forum: Forum, query: RegisterQuery, matches?: (texts: string[]) => boolean): RegisterRow[] {
    const agreements = this.store.agreements.list({ forumId: forum.id, status: query.status, kind: query.kind, meetingId: query.meetingId, organizationId: query.organizationId });
    const rows = this.rowsOf(agreements).filter((r) => (query.day === undefined || r.day === query.day) && (!matches || matches(textsOf(r))));
    return rows.sort((a, b) => compare(keyOf(a), keyOf(b)));
  }

  /** One keyset page of `register` (in memory: the order is computed), and the key it pages by. */
  page(forum: Forum, query: RegisterQuery, keyset: Keyset, matches?: (texts: string[]) => boolean): { page: KeyedPage<RegisterRow>; keyOf: (r: RegisterRow) => Key } {
    return { page: pageOfSorted(this.register(forum, query, matches), keyOf, compare, keyset), keyOf };
  }

  /** One agreement resolved as the register shows it. */
  row(forumId: Id, id: Id): RegisterRow {
    return this.rowsOf([this.inForum(forumId, id)])[0]!;
  }

  /** The meeting's documents as register rows (its page lists them with their status). */
  ofMeeting(meeting: Meeting): RegisterRow[] {
    return this.rowsOf(this.store.agreements.list({ forumId: meeting.forumId, meetingId: meeting.id }));
  }

  create(actor: Actor, forumId: Id, raw: unknown): Agreement {
    return inWriteTransaction(this.store.db, () => {
      const forum = this.forum(forumId);
      const values = this.valuesOf(forum, parseInput(agreementInput, raw), null);
      const id = this.store.agreements.insert(values);
      return this.audited(actor, forum.id, id, null);
    });
  }

  update(actor: Actor, forumId: Id, id: Id, expectedVersion: number | null, raw: unknown): Agreement {
    return inWriteTransaction(this.store.db, () => {
      const current = this.inForum(forumId, id);
      const values = this.valuesOf(this.forum(forumId), parseInput(agreementInput, raw), current);
      if (expectedVersion === null || expectedVersion !== current.version || !this.store.agreements.update(id, expectedVersion, values)) {
        throw new StaleVersionError(this.inForum(forumId, id), expectedVersion);
      }
      return this.audited(actor, forumId, id, current);
    });
  }

  /** A status button (agree, withdraw, back to draft): the same checks as the form, the rest kept. */
  setStatus(actor: Actor, forumId: Id, id: Id, expectedVersion: number | null, status: unknown): Agreement {
    const current = this.inForum(forumId, id);
    return this.update(actor, forumId, id, expectedVersion, { ...inputOf(current), status });
  }

  /**
   * "Mark held": in one transaction the meeting is marked held and each
   * ticked document signed (the date is the meeting's local date, the place
   * its room or place, the signatories those it has or else the meeting's
   * principals and counterparts, each with their position now), every
   * change with its audit row. Only a confirmed meeting is held, and only
   * its agreed documents are signed there; anything refused writes nothing.
   */
  markHeld(actor: Actor, forumId: Id, meetingId: Id, expectedVersion: number | null, signIds: readonly Id[]): { meeting: Meeting; signed: number } {
    return inWriteTransaction(this.store.db, () => {
      const meeting = this.meetingOf(forumId, meetingId);
      if (expectedVersion === null || expectedVersion !== meeting.version) throw new StaleVersionError(meeting, expectedVersion);
      if (meeting.status !== 'confirmed') throw new ValidationError({ _form: message('agreement.held-needs-confirmed', { title: meeting.title }) });
      const ticked = [...new Set(signIds)];
      if (ticked.length > MAX_SIGNED_AT_ONCE) throw new ValidationError({ sign: message('agreement.too-many', { max: MAX_SIGNED_AT_ONCE }) });
      const documents = ticked.map((id) => this.store.agreements.find(id));
      documents.forEach((a, i) => {
        if (!a || a.meetingId !== meeting.id || a.status !== 'agreed') {
          throw new ValidationError({ sign: message('agreement.not-to-sign-here', { title: a?.title ?? String(ticked[i]), status: a?.status ?? 'draft' }) });
        }
      });
      const day = meeting.start.slice(0, 10);
      const place = this.placeOf(meeting);
      const defaults = meeting.participants.filter((p) => p.role === 'principal' || p.role === 'counterpart').map((p) => p.personId);
      for (const a of documents as Agreement[]) {
        const people = a.signatories.length ? a.signatories.map((s) => s.personId) : defaults;
        if (!this.store.agreements.sign(a.id, a.version, day, a.signedPlace || place, this.positionsAtSigning(people))) throw new StaleVersionError(this.store.agreements.find(a.id), a.version);
        this.audited(actor, forumId, a.id, a);
      }
      if (meeting.heldAt === null) {
        if (!this.store.meetings.setHeld(meeting.id, meeting.version, this.clock())) throw new StaleVersionError(this.meetingOf(forumId, meetingId), expectedVersion);
      }
      return { meeting: this.auditedHeld(actor, forumId, meeting, documents.length), signed: documents.length };
    });
  }

  /** Undoes "held": the meeting is no longer marked held. The documents it signed stay signed (withdraw one in the register). */
  unmarkHeld(actor: Actor, forumId: Id, meetingId: Id, expectedVersion: number | null): Meeting {
    return inWriteTransaction(this.store.db, () => {
      const meeting = this.meetingOf(forumId, meetingId);
      if (expectedVersion === null || expectedVersion !== meeting.version) throw new StaleVersionError(meeting, expectedVersion);
      if (meeting.heldAt === null) throw new ValidationError({ _form: message('agreement.not-held', { title: meeting.title }) });
      if (!this.store.meetings.setHeld(meeting.id, meeting.version, null)) throw new StaleVersionError(this.meetingOf(forumId, meetingId), expectedVersion);
      return this.auditedHeld(actor, forumId, meeting, null);
    });
  }

  /** The meetings an agreement may be signed at: the forum's, not cancelled, signing kinds first; at most `max`. */
  meetingChoices(forumId: Id, max: number, keep: Id | null): Meeting[] {
    const all = this.store.meetings.list({ forumId }).filter((m) => m.status !== 'cancelled' && m.kind !== 'travel' && m.kind !== 'b2b');
    const chosen = all.slice(0, max);
    if (keep !== null && !chosen.some((m) => m.id === keep)) {
      const kept = this.store.meetings.find(keep);
      if (kept && kept.forumId === forumId) chosen.push(kept);
    }
    return chosen;
  }

  /** The meeting as marking it held (`signed`: how many documents were signed there) or not held (null) left it, with its audit row. */
  private auditedHeld(actor: Actor, forumId: Id, before: Meeting, signed: number | null): Meeting {
    const after = this.meetingOf(forumId, before.id);
    this.store.audit.append({
      at: this.clock(),
      userId: actor.userId,
      username: actor.username,
      action: 'update',
      entity: 'meeting',
      entityId: before.id,
      forumId,
      summary: storedMessage(message('audit.summary.meeting-held', { title: before.title, held: signed !== null, signed: signed ?? 0 })),
      before,
      after,
    });
    return after;
  }

  private audited(actor: Actor, forumId: Id, id: Id, before: Agreement | null): Agreement {
    const after = this.store.agreements.find(id)!;
    this.store.audit.append({
      at: this.clock(),
      userId: actor.userId,
      username: actor.username,
      action: before ? 'update' : 'create',
      entity: 'agreement',
      entityId: id,
      forumId,
      summary: storedMessage(message('audit.summary.agreement', { title: after.title, status: after.status })),
      before,
      after,
    });
    return after;
  }

  /**
   * Checks what needs the store: the status may go there from where it is,
   * the meeting is this forum's, the parties and signatories exist; a signed
   * one has a date (its meeting's local date when none is given) and a place
   * (its meeting's room or place when none is given), and keeps each
   * signatory's position at signing: the one stored, or the person's now.
   */
  private valuesOf(forum: Forum, input: z.output<typeof agreementInput>, current: Agreement | null): AgreementValues {
    const fields: Record<string, Said> = {};
    const from = current?.status ?? 'draft';
    // A new agreement starts as a draft, agreed or already signed (entered after the fact); one in the register moves by the rules.
    if (current === null ? input.status === 'withdrawn' : !canMoveStatus(from, input.status)) {
      fields.status = message('agreement.status-not-allowed', { from, to: input.status });
    }
    let meeting: Meeting | undefined;
    if (input.meetingId !== null) {
      meeting = this.store.meetings.find(input.meetingId);
      if (!meeting || meeting.forumId !== forum.id) fields.meetingId = message('agreement.meeting-not-in-forum', {});
    }
    const organizations = new Map(this.store.organizations.findMany([...new Set(input.partyIds)]).map((o) => [o.id, o]));
    input.partyIds.forEach((id, i) => {
      if (!organizations.has(id)) fields[`partyIds.${i}`] = message('agreement.party-missing', { number: i + 1 });
    });
    const people = new Map(this.store.people.findMany([...new Set(input.signatoryIds)]).map((p) => [p.id, p]));
    input.signatoryIds.forEach((id, i) => {
      if (!people.has(id)) fields[`signatoryIds.${i}`] = message('agreement.signatory-missing', { number: i + 1 });
    });
    const signed = input.status === 'signed';
    const signedOn = input.signedOn ?? (signed && meeting && !fields.meetingId ? meeting.start.slice(0, 10) : null);
    if (signed && signedOn === null) fields.signedOn = message('agreement.signed-needs-date', {});
    if (Object.keys(fields).length) throw new ValidationError(fields, message('error.fields-need-attention', {}));
    const stored = new Map((current?.signatories ?? []).map((s) => [s.personId, s.position]));
    const signatories: AgreementSignatory[] = [...new Set(input.signatoryIds)].map((personId) => ({
      personId,
      position: signed ? (stored.get(personId) || people.get(personId)!.position) : (stored.get(personId) ?? ''),
    }));
    return {
      forumId: forum.id,
      meetingId: input.meetingId,
      kind: input.kind,
      title: input.title,
      titleRu: input.titleRu,
      titleAz: input.titleAz,
      parties: input.parties,
      partyIds: [...new Set(input.partyIds)],
      signatories,
      status: input.status,
      signedOn,
      signedPlace: input.signedPlace || (signed && meeting ? this.placeOf(meeting) : ''),
      note: input.note,
    };
  }

  /** The people's positions now, for a signing. */
  private positionsAtSigning(personIds: readonly Id[]): AgreementSignatory[] {
    const people = new Map(this.store.people.findMany([...new Set(personIds)]).map((p) => [p.id, p]));
    return [...new Set(personIds)].filter((id) => people.has(id)).map((personId) => ({ personId, position: people.get(personId)!.position }));
  }

  /** Where a meeting is: its room and venue, or its free-text place. */
  private placeOf(meeting: Meeting): string {
    if (meeting.roomId === null) return meeting.place.slice(0, AGREEMENT_LIMITS.place);
    const { rooms, venues } = this.store.rooms.findManyWithVenues([meeting.roomId]);
    const room = rooms[0];
    const venue = venues.find((v) => v.id === room?.venueId);
    return [room?.name, venue?.name].filter(Boolean).join(', ').slice(0, AGREEMENT_LIMITS.place);
  }

  /** Agreements of one forum as register rows: their meetings (read within that forum), parties and signatories in three reads. */
  private rowsOf(agreements: Agreement[]): RegisterRow[] {
    if (!agreements.length) return [];
    const meetingIds = [...new Set(agreements.map((a) => a.meetingId).filter((id): id is Id => id !== null))];
    const meetings = new Map(meetingIds.length ? this.store.meetings.list({ forumId: agreements[0]!.forumId, ids: meetingIds }).map((m) => [m.id, m]) : []);
    const organizations = new Map(this.store.organizations.findMany([...new Set(agreements.flatMap((a) => a.partyIds))]).map((o) => [o.id, o]));
    const people = new Map(this.store.people.findMany([...new Set(agreements.flatMap((a) => a.signatories.map((s) => s.personId)))]).map((p) => [p.id, p]));
    return agreements.map((agreement) => {
      const m = agreement.meetingId === null ? undefined : meetings.get(agreement.meetingId);
      return {
        agreement,
        day: agreement.signedOn ?? m?.start.slice(0, 10) ?? null,
        meeting: m ? { id: m.id, title: m.title, start: m.start, end: m.end, status: m.status, heldAt: m.heldAt, roomId: m.roomId, place: m.place } : null,
        parties: agreement.partyIds.map((id) => organizations.get(id)).filter((o): o is Organization => o !== undefined),
        signatories: agreement.signatories.flatMap((s) => {
          const person = people.get(s.personId);
          return person ? [{ person, position: s.position }] : [];
        }),
      };
    });
  }

  private meetingOf(forumId: Id, id: Id): Meeting {
    const meeting = this.store.meetings.find(id);
    if (!meeting || meeting.forumId !== forumId) throw new NotFoundError(message('meeting.not-found', { id }));
    return meeting;
  }

  private forum(id: Id): Forum {
    const forum = this.store.forums.find(id);
    if (!forum) throw new NotFoundError(message('forum.not-found-id', { id }));
    return forum;
  }
}

/** A stored agreement as form input again (for the status buttons). */
export function inputOf(a: Agreement): Record<string, unknown> {
  return {
    kind: a.kind,
    title: a.title,
    titleRu: a.titleRu,
    titleAz: a.titleAz,
    parties: a.parties,
    partyIds: a.partyIds,
    signatoryIds: a.signatories.map((s) => s.personId),
    meetingId: a.meetingId,
    status: a.status,
    signedOn: a.signedOn,
    signedPlace: a.signedPlace,
    note: a.note,
  };
}

/** Every text a search over a row matches: titles, parties, organizations' and signatories' names, the note and the meeting's title. */
function textsOf(r: RegisterRow): string[] {
  const a = r.agreement;
  return [
    a.title,
    a.titleRu,
    a.titleAz,
    a.parties,
    a.note,
    a.signedPlace,
    r.meeting?.title ?? '',
    ...r.parties.flatMap((o) => [o.name, o.nameRu, o.nameAz]),
    ...r.signatories.flatMap((s) => [s.person.fullName, s.person.nameRu, s.person.nameAz]),
  ].filter(Boolean);
}

function compare(a: Key, b: Key): number {
  const [x, y] = [String(a[0]), String(b[0])];
  return x < y ? -1 : x > y ? 1 : Number(a[1]) - Number(b[1]);
}
