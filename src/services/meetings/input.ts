import { z } from 'zod';
import { MEETING_KINDS, MEETING_STATUSES, PARTICIPANT_ROLES } from '../../domain/types';
import { isCalendarDate } from '../../domain/calendar-date';
import { field, isTimeZone, parseInput, said } from '../validation';

/** The limits and forms the schema holds a meeting to; the fast reader below holds it to the same ones. */
const LIMITS = { title: 300, place: 300, notes: 20_000, documentTitle: 500, parties: 500, offsetMinutes: 14 * 60 } as const;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** '2019-06-07 10:00' and '2019-06-07T10:00:00' both read as '2019-06-07T10:00'. */
const toLocalDateTime = (v: unknown): unknown => (typeof v === 'string' ? v.trim().replace(' ', 'T').slice(0, 16) : v);

const localDateTime = (label: string) =>
  z.preprocess(
    toLocalDateTime,
    z.string({ error: said('field.date-time', { label }) }).regex(LOCAL_DATE_TIME, said('field.date-time', { label })),
  );

const optionalOffset = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? undefined : v),
  z.coerce.number().int().min(-LIMITS.offsetMinutes).max(LIMITS.offsetMinutes).optional(),
);

/** A meeting as a planner or a program submits it: the canonical shape both forms and the API are parsed into. */
export const meetingInputSchema = z.object({
  title: field.text('title', LIMITS.title),
  kind: field.oneOf('kind of meeting', MEETING_KINDS),
  status: field.oneOf('status', MEETING_STATUSES),
  start: localDateTime('start'),
  end: localDateTime('end'),
  timeZone: z.preprocess((v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined), field.timeZone('time zone').optional()),
  startOffset: optionalOffset,
  endOffset: optionalOffset,
  roomId: field.optionalId('room'),
  place: field.optionalText('place', LIMITS.place),
  isPublic: field.checkbox(),
  participants: z
    .array(z.object({ personId: field.id('person'), role: field.oneOf('participant role', PARTICIPANT_ROLES) }), { error: said('field.list-participants', {}) })
    .default([]),
  delegationIds: z.array(field.id('delegation'), { error: said('field.list-delegations', {}) }).default([]),
  briefing: field.optionalText('briefing', LIMITS.notes),
  outcome: field.optionalText('outcome', LIMITS.notes),
  documents: z
    .array(
      z.object({
        title: field.text('document title', LIMITS.documentTitle),
        parties: field.optionalText('parties', LIMITS.parties),
        signedOn: z.preprocess((v) => (v === '' || v === undefined ? null : v), field.date('signing date').nullable()),
      }),
      { error: said('field.list-documents', {}) },
    )
    .default([]),
});

export type MeetingInput = z.output<typeof meetingInputSchema>;

/**
 * Parses a submitted meeting: what the schema makes of it, or a
 * ValidationError with the schema's message per field.
 */
export function parseMeetingInput(raw: unknown): MeetingInput {
  return readAcceptedMeetingInput(raw) ?? parseInput(meetingInputSchema, raw);
}

/** What the fast reader returns for input it leaves to zod. */
const REFER = Symbol('refer to the schema');
type Read<T> = T | typeof REFER;

/**
 * Reads `raw` exactly as meetingInputSchema does, but only input the schema
 * takes as it stands: each field a string or number of the right form and
 * within its limits. Anything else (whatever would be refused, or accepted
 * only by zod's coercion of other types) is left to zod: undefined, and zod
 * decides and words every refusal.
 *
 * Why a second reader: zod runs a graph of schema objects through call
 * sites V8 sees as megamorphic, and after a garbage collection (as between
 * one planner's saves and the next) those calls start cold: parsing one
 * meeting then costs ~0.3 ms, more than the save's conflict queries. This
 * reader costs a few hundredths of that. A unit test holds both readers to
 * the same output on generated input, so a change to the schema that is not
 * made here too fails it.
 */
export function readAcceptedMeetingInput(raw: unknown): MeetingInput | undefined {
  if (!isObject(raw)) return undefined;
  const title = text(raw.title, LIMITS.title);
  const kind = oneOf(raw.kind, MEETING_KINDS);
  const status = oneOf(raw.status, MEETING_STATUSES);
  const start = localDateTimeText(raw.start);
  const end = localDateTimeText(raw.end);
  const timeZone = timeZoneName(raw.timeZone);
  const startOffset = offset(raw.startOffset);
  const endOffset = offset(raw.endOffset);
  const roomId = optionalId(raw.roomId);
  const place = optionalText(raw.place, LIMITS.place);
  const participants = list(raw.participants, (p) => (isObject(p) ? participant(p) : REFER));
  const delegationIds = list(raw.delegationIds, id);
  const briefing = optionalText(raw.briefing, LIMITS.notes);
  const outcome = optionalText(raw.outcome, LIMITS.notes);
  const documents = list(raw.documents, (d) => (isObject(d) ? meetingDocument(d) : REFER));
  if (
    title === REFER || kind === REFER || status === REFER || start === REFER || end === REFER || timeZone === REFER ||
    startOffset === REFER || endOffset === REFER || roomId === REFER || place === REFER || participants === REFER ||
    delegationIds === REFER || briefing === REFER || outcome === REFER || documents === REFER
  ) {
    return undefined;
  }
  // An optional key the input leaves out stays out, as zod leaves it; the keys come in the schema's order.
  const optional: Pick<MeetingInput, 'timeZone' | 'startOffset' | 'endOffset'> = {};
  if ('timeZone' in raw) optional.timeZone = timeZone;
  if ('startOffset' in raw) optional.startOffset = startOffset;
  if ('endOffset' in raw) optional.endOffset = endOffset;
  return { title, kind, status, start, end, ...optional, roomId, place, isPublic: checkbox(raw.isPublic), participants, delegationIds, briefing, outcome, documents };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown, max: number): Read<string> {
  if (typeof v !== 'string') return REFER;
  const t = v.trim();
  return t.length >= 1 && t.length <= max ? t : REFER;
}

function optionalText(v: unknown, max: number): Read<string> {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') return REFER;
  const t = v.trim();
  return t.length <= max ? t : REFER;
}

function oneOf<const T extends readonly string[]>(v: unknown, values: T): Read<T[number]> {
  return typeof v === 'string' && values.includes(v) ? v : REFER;
}

function localDateTimeText(v: unknown): Read<string> {
  if (typeof v !== 'string') return REFER;
  const t = toLocalDateTime(v) as string;
  return LOCAL_DATE_TIME.test(t) ? t : REFER;
}

function timeZoneName(v: unknown): Read<string | undefined> {
  const t = typeof v === 'string' ? v.trim() : '';
  if (t === '') return undefined;
  return isTimeZone(t) ? t : REFER;
}

/** A whole number as z.coerce.number().int() reads it: Number() of a number or string, a safe integer. */
function wholeNumber(v: unknown): Read<number> {
  if (typeof v !== 'number' && typeof v !== 'string') return REFER;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : REFER;
}

function offset(v: unknown): Read<number | undefined> {
  if (v === '' || v === undefined || v === null) return undefined;
  const n = wholeNumber(v);
  return n !== REFER && n >= -LIMITS.offsetMinutes && n <= LIMITS.offsetMinutes ? n : REFER;
}

function id(v: unknown): Read<number> {
  // A blank string, which field.id reads as missing, is Number 0 here: refused alike.
  const n = wholeNumber(v);
  return n !== REFER && n > 0 ? n : REFER;
}

function optionalId(v: unknown): Read<number | null> {
  if (v === '' || v === undefined || v === null) return null;
  const n = wholeNumber(v);
  return n !== REFER && n > 0 ? n : REFER;
}

function checkbox(v: unknown): boolean {
  return v === true || v === 'on' || v === 'true' || v === '1';
}

function list<T>(v: unknown, item: (value: unknown) => Read<T>): Read<T[]> {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return REFER;
  const items: T[] = [];
  for (let i = 0; i < v.length; i += 1) {
    const read = item(v[i]);
    if (read === REFER) return REFER;
    items.push(read);
  }
  return items;
}

function participant(p: Record<string, unknown>): Read<MeetingInput['participants'][number]> {
  const personId = id(p.personId);
  const role = oneOf(p.role, PARTICIPANT_ROLES);
  return personId === REFER || role === REFER ? REFER : { personId, role };
}

function meetingDocument(d: Record<string, unknown>): Read<MeetingInput['documents'][number]> {
  const title = text(d.title, LIMITS.documentTitle);
  const parties = optionalText(d.parties, LIMITS.parties);
  const signedOn = signingDate(d.signedOn);
  return title === REFER || parties === REFER || signedOn === REFER ? REFER : { title, parties, signedOn };
}

function signingDate(v: unknown): Read<string | null> {
  if (v === '' || v === undefined || v === null) return null;
  if (typeof v !== 'string') return REFER;
  const t = v.trim();
  return isCalendarDate(t) ? t : REFER;
}
