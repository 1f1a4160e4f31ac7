import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR, isCalendarDate } from '../domain/calendar-date';
import { ValidationError, type Said } from '../domain/errors';
import { message, type Message, type MessageKey, type Messages } from '../messages';

/**
 * zod words an issue as a string, so a rule's message travels through it as a
 * token (its key and parameters in JSON) that parseInput reads back; zod's own
 * wording, for a case no rule names, passes through as it is.
 */
const TOKEN = 'message:';

export function said<K extends MessageKey>(key: K, params: Messages[K]): string {
  return TOKEN + JSON.stringify(message(key, params));
}

function fromIssue(text: string): Said {
  return text.startsWith(TOKEN) ? (JSON.parse(text.slice(TOKEN.length)) as Message) : text;
}

/**
 * Field rules shared by every form and API body. Forms send strings; the API
 * sends JSON: each rule accepts both and says in plain words what to change.
 */
export const field = {
  text: (label: string, max = 200) =>
    z.preprocess(trim, z.string({ error: said('field.required', { label }) }).min(1, said('field.required', { label })).max(max, said('field.too-long', { label, max }))),
  optionalText: (label: string, max = 2000) =>
    z.preprocess((v) => trim(v) ?? '', z.string().max(max, said('field.too-long', { label, max }))),
  int: (label: string, { min = 0, max = 1_000_000 } = {}) =>
    z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: said('field.whole-number', { label }) })
        .int(said('field.whole-number', { label }))
        .min(min, said('field.at-least', { label, min }))
        .max(max, said('field.at-most', { label, max })),
    ),
  /** An id of another record; '' or null means none. */
  optionalId: (label: string) =>
    z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), z.coerce.number({ error: said('field.choose-valid', { label }) }).int().positive().nullable()),
  id: (label: string) =>
    z.preprocess(blankToUndefined, z.coerce.number({ error: said('field.choose', { label }) }).int(said('field.choose', { label })).positive(said('field.choose', { label }))),
  /** A day that is on the calendar (2019-02-30 is not), so nothing downstream meets a date it cannot count from. */
  date: (label: string) =>
    z.preprocess(
      trim,
      z.string({ error: said('field.required', { label }) }).refine(isCalendarDate, { message: said('field.calendar-date', { label, firstYear: FIRST_YEAR, lastYear: LAST_YEAR }) }),
    ),
  optionalTimeOfDay: (label: string) =>
    z.preprocess(
      (v) => (trim(v) ? trim(v) : null),
      z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, said('field.time-of-day', { label })).nullable(),
    ),
  /**
   * A decimal number such as a latitude, '' or null for none: at most `places`
   * decimals (written with a dot, as the map apps give them), within [min, max].
   */
  optionalDecimal: (label: string, { min, max, places }: { min: number; max: number; places: number }) => {
    const refusal = said('field.decimal', { label, min, max, places });
    const written = new RegExp(`^[-+]?\\d{1,3}(\\.\\d{1,${places}})?$`);
    const scale = 10 ** places;
    return z.preprocess(
      (v) => (v === undefined || v === null || trim(v) === '' ? null : typeof v === 'string' ? (written.test(v.trim()) ? Number(v.trim()) : Number.NaN) : v),
      z
        .number({ error: refusal })
        .refine((n) => n >= min && n <= max && Math.abs(Math.round(n * scale) - n * scale) < 1e-6, { message: refusal })
        .nullable(),
    );
  },
  oneOf: <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
    z.enum(values, { error: said('field.choose-from-list', { label }) }),
  timeZone: (label: string) =>
    z.preprocess(
      trim,
      z.string({ error: said('field.required', { label }) }).refine(isTimeZone, { message: said('field.time-zone', { label }) }),
    ),
  checkbox: () => z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean()),
};

function trim(v: unknown): unknown {
  return typeof v === 'string' ? v.trim() : v;
}

function blankToUndefined(v: unknown): unknown {
  return typeof v === 'string' && v.trim() === '' ? undefined : v;
}

export function isTimeZone(zone: unknown): boolean {
  if (typeof zone !== 'string' || !zone.includes('/')) return zone === 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Parses raw input with a schema; on failure throws a ValidationError with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const fields: Record<string, Said> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_form';
    fields[key] ??= fromIssue(issue.message);
  }
  throw new ValidationError(fields);
}
