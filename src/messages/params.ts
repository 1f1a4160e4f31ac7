/**
 * From a message's typed parameters to the flat values its ICU sentence takes
 * (catalogues/<locale>/domain-*.json). Most messages need nothing special: a
 * nested label ({ first: { title, range } }) becomes first_title, first_range;
 * a quoted message is rendered first, in the same language; a list is joined;
 * null reads as 'none' (for a select). The few sentences that need a date,
 * a duration or a list written the reader's way have an adapter here.
 */
import type { SlotRef } from './b2b';
import { INTL_TAG, translate, type Locale, type MessageParams } from './catalogue';
import type { MessageKey, Messages } from './keys';
import { formatDate, formatDuration, formatInstantLong } from './locale-formats';
import { message, type Message } from './message';
import { messageFromStore } from './stored';

interface Context {
  locale: Locale;
  /** Renders a message quoted inside another, in the same language. */
  say: (inner: Message) => string;
}

type Adapter<K extends MessageKey> = (params: Messages[K], ctx: Context) => MessageParams;

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string' && typeof (value as Message).params === 'object';
}

/** The default: one level of nesting flattened with '_', messages rendered, lists joined with ', ', null as 'none'. */
export function flatten(params: object, ctx: Context): MessageParams {
  const out: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === null) out[name] = 'none';
    else if (isMessage(value)) out[name] = ctx.say(value);
    else if (Array.isArray(value)) out[name] = value.map((v) => (isMessage(v) ? ctx.say(v) : String(v))).join(', ');
    else if (typeof value === 'object') for (const [sub, v] of Object.entries(value as Record<string, unknown>)) out[`${name}_${sub}`] = v as MessageParams[string];
    else out[name] = value as MessageParams[string];
  }
  return out;
}

/** 'the 10:25 slot'; without a zone, 'slot 3'. */
function slot(at: SlotRef, { locale }: Context): string {
  return 'time' in at ? translate(locale, 'b2b.part.slot', { kind: 'time', time: at.time, number: '' }) : translate(locale, 'b2b.part.slot', { kind: 'number', time: '', number: at.number });
}

function quoted(label: string, { locale }: Context): string {
  return translate(locale, 'b2b.part.quoted', { label });
}

/**
 * A busy time's label: a title or reason as written, or one of the B2B
 * engine's own words kept as a message (services/b2b/feasibility.ts), read in
 * the reader's language.
 */
const busyLabel = (label: string, ctx: Context): string => ctx.say(messageFromStore(label));

/** Up to three distinct labels, quoted, with a count of the rest, in parentheses after a space; '' when there are none. */
function because(labels: readonly string[], ctx: Context): string {
  const distinct = [...new Set(labels.filter((l) => !!l).map((l) => busyLabel(l, ctx)))];
  if (distinct.length === 0) return '';
  const shown = distinct
    .slice(0, 3)
    .map((l) => quoted(l, ctx))
    .join(', ');
  return ` (${translate(ctx.locale, 'b2b.part.labels', { shown, more: Math.max(0, distinct.length - 3) })})`;
}

/**
 * A field's name as the services call it ('time zone', 'duration in minutes'),
 * in the reader's language when the catalogue knows it, else as it is.
 */
function fieldLabel(label: string, { locale }: Context): string {
  return translate(locale, 'field.part.label', { slug: slugOf(label), label });
}

/** A zone's city ('Moscow', from zoneCity) in the reader's language where the catalogue knows it: 'Москва', 'Moskva'. */
export function cityIn(locale: Locale, city: string): string {
  return translate(locale, 'date.part.city', { slug: slugOf(city), city });
}

/** English words as a select's option: 'time zone' -> 'time_zone', 'Slot length (minutes)' -> 'slot_length_minutes'. */
function slugOf(words: string): string {
  return words
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** How many names a list of references shows before it says "and N more". */
const NAMES_SHOWN = 3;
const labelled = <P extends { label: string }>(params: P, ctx: Context): MessageParams => ({ ...(params as MessageParams), label: fieldLabel(params.label, ctx) });

const hasReason = (reason: string): { reason: string; hasReason: boolean } => ({ reason: reason.trim(), hasReason: reason.trim() !== '' });

/** A word the services name a thing by ('unavailable time', 'place-new'), as a select's option ('unavailable_time', 'place_new'). */
const option = (word: string): string => word.replace(/[ -]/g, '_');
const rangeWhat = <P extends { what: string }>(params: P): P => ({ ...params, what: option(params.what) });

const ADAPTERS: { readonly [K in MessageKey]?: Adapter<K> } = {
  'field.required': labelled,
  'field.too-long': labelled,
  'field.whole-number': labelled,
  'field.at-least': labelled,
  'field.at-most': labelled,
  'field.choose-valid': labelled,
  'field.choose': labelled,
  'field.choose-from-list': labelled,
  'field.calendar-date': labelled,
  'field.time-of-day': labelled,
  'field.decimal': labelled,
  'field.time-zone': labelled,
  'field.date-time': labelled,
  'b2b.range.start-missing': rangeWhat,
  'b2b.range.start-form': rangeWhat,
  'b2b.range.end-missing': rangeWhat,
  'b2b.range.end-form': rangeWhat,
  'b2b.range.list': rangeWhat,
  'b2b.range.line': rangeWhat,
  'conflict.unavailable': ({ reason, ...rest }, ctx) => ({ ...flatten(rest, ctx), ...hasReason(reason) }),
  'conflict.travel-time': ({ minutes, ...rest }, ctx) => ({ ...flatten(rest, ctx), duration: formatDuration(minutes, ctx.locale) }),
  'b2b.unplaced.participant-busy': ({ labels, ...rest }, ctx) => ({ ...flatten(rest, ctx), because: because(labels, ctx) }),
  'b2b.unplaced.no-common-free-slot': ({ labelsA, labelsB, ...rest }, ctx) => ({ ...flatten(rest, ctx), becauseA: because(labelsA, ctx), becauseB: because(labelsB, ctx) }),
  'b2b.unplaced.no-free-table': ({ at, ...rest }, ctx) => ({ ...flatten(rest, ctx), at: slot(at, ctx) }),
  'b2b.unplaced.participants-booked': ({ meetings, ...rest }, ctx) => {
    const partners = meetings.map((m) => translate(ctx.locale, 'b2b.part.meets', { who: m.who, meets: m.meets, at: slot(m.at, ctx) }));
    const more = partners.length > 2 ? `; ${translate(ctx.locale, 'b2b.part.and-more', { count: partners.length - 2 })}` : '';
    return { ...flatten(rest, ctx), shown: partners.slice(0, 2).join('; ') + more };
  },
  'b2b.pin.busy': ({ at, label, ...rest }, ctx) => ({ ...flatten(rest, ctx), at: slot(at, ctx), because: label ? ` (${quoted(busyLabel(label, ctx), ctx)})` : '' }),
  'b2b.pin.booked': ({ at, ...rest }, ctx) => ({ ...flatten(rest, ctx), at: slot(at, ctx) }),
  'b2b.pin.table-taken': ({ at, ...rest }, ctx) => ({ ...flatten(rest, ctx), at: slot(at, ctx) }),
  'b2b.input.duplicate': ({ what, value }) => ({ what: option(what), value }),
  'audit.summary.b2b-proposal': (params) => ({ ...params, mode: option(params.mode) }),
  'b2b.grid.needs-attention': ({ problems }, ctx) => ({ problems: problems.map(ctx.say).join(' ') }),
  'b2b.busy.hall-unavailable': ({ reason }) => hasReason(reason),
  'board.unavailable': ({ reason }) => hasReason(reason),
  'error.in-use': ({ references }) => ({ references: references.join('; ') }),
  'record.in-use': ({ record, references }, ctx) => ({ record, references: references.map(ctx.say).join('; ') }),
  'record.references': ({ one, many, names }, { locale }) => ({
    kind: slugOf(one),
    one,
    many,
    count: names.length,
    shown: names
      .slice(0, NAMES_SHOWN)
      .map((name) => translate(locale, 'record.part.name', { name }))
      .join(', '),
    more: Math.max(0, names.length - NAMES_SHOWN),
  }),
  'date.weekday-long': ({ date }, { locale }) => ({ date: formatDate(locale, date, 'long') }),
  // The city names the zone ('Moscow' for Europe/Moscow): the reader's name for it where the catalogue has one.
  'date.instant-long': ({ instant, zone, city }, { locale }) => ({ when: formatInstantLong(locale, instant, zone), city: cityIn(locale, city) }),
  'date.day-and-range': ({ date, range }, { locale }) => ({ date: formatDate(locale, date, 'long'), range }),
  'time.gap': (params, ctx) => ({ ...flatten(params, ctx), date: formatDate(ctx.locale, params.date, 'dayMonthYear') }),
  'time.ambiguous': (params, ctx) => ({ ...flatten(params, ctx), date: formatDate(ctx.locale, params.date, 'dayMonthYear') }),
  'meeting.status-action-not-offered': ({ status, action, offered }, { locale }) => {
    const word = (a: string) => translate(locale, 'meeting.part.action', { action: a });
    return { status, action: word(action), offered: offered.map(word).join(', ') };
  },
  // The status in the words of its label ('Confirmed'), lower case inside the line.
  'grid.meeting-heading': ({ time, status }, ctx) => ({ time, status: ctx.say(message('label.meeting-status', { status })).toLocaleLowerCase(INTL_TAG[ctx.locale]) }),
};

/** The values `said`'s sentence takes in `ctx.locale`. */
export function paramsOf(said: Message, ctx: Context): MessageParams {
  // A message's params always match its key (see message()); TypeScript cannot correlate the two through the union.
  const adapt = ADAPTERS[said.key] as Adapter<MessageKey> | undefined;
  return adapt ? adapt(said.params as never, ctx) : flatten(said.params, ctx);
}
