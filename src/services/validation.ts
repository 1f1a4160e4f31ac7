import { z } from 'zod';
import { calendarDateMessage, isCalendarDate } from '../domain/calendar-date';
import { ValidationError } from '../domain/errors';

/**
 * Field rules shared by every form and API body. Forms send strings; the API
 * sends JSON: each rule accepts both and says in plain words what to change.
 */
export const field = {
  text: (label: string, max = 200) =>
    z.preprocess(trim, z.string({ error: `Enter the ${label}.` }).min(1, `Enter the ${label}.`).max(max, `The ${label} is longer than ${max} characters.`)),
  optionalText: (label: string, max = 2000) =>
    z.preprocess((v) => trim(v) ?? '', z.string().max(max, `The ${label} is longer than ${max} characters.`)),
  int: (label: string, { min = 0, max = 1_000_000 } = {}) =>
    z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: `Enter the ${label} as a whole number.` })
        .int(`Enter the ${label} as a whole number.`)
        .min(min, `The ${label} must be at least ${min}.`)
        .max(max, `The ${label} must be at most ${max}.`),
    ),
  /** An id of another record; '' or null means none. */
  optionalId: (label: string) =>
    z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), z.coerce.number({ error: `Choose a valid ${label}.` }).int().positive().nullable()),
  id: (label: string) => z.preprocess(blankToUndefined, z.coerce.number({ error: `Choose a ${label}.` }).int(`Choose a ${label}.`).positive(`Choose a ${label}.`)),
  /** A day that is on the calendar (2019-02-30 is not), so nothing downstream meets a date it cannot count from. */
  date: (label: string) =>
    z.preprocess(trim, z.string({ error: `Enter the ${label}.` }).refine(isCalendarDate, { message: calendarDateMessage(label) })),
  optionalTimeOfDay: (label: string) =>
    z.preprocess(
      (v) => (trim(v) ? trim(v) : null),
      z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Enter the ${label} as HH:MM (24-hour), or leave it empty.`).nullable(),
    ),
  oneOf: <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
    z.enum(values, { error: `Choose a ${label} from the list.` }),
  timeZone: (label: string) =>
    z.preprocess(
      trim,
      z.string({ error: `Enter the ${label}.` }).refine(isTimeZone, { message: `Enter the ${label} as an IANA zone such as Europe/Moscow or Asia/Baku.` }),
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
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_form';
    fields[key] ??= issue.message;
  }
  throw new ValidationError(fields);
}
