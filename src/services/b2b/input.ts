/**
 * What planners, participants and programs submit about B2B sessions: the
 * canonical shapes that forms (strings) and the API (JSON) are both parsed into.
 */
import { z } from 'zod';
import { localDateTime, meetingInputSchema } from '../meetings';
import { ValidationError } from '../../domain/errors';
import { field, parseInput, said } from '../validation';
import { message, type Message } from '../../messages';

/** A stretch of time on the session's day: 'HH:mm' to 'HH:mm', with what it is. */
export interface TimeRangeInput {
  start: string;
  end: string;
  label: string;
}

const HH_MM = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
const RANGE_LINE = /^(\d{1,2}[:.]\d{2})\s*(?:-|–|—|to)\s*(\d{1,2}[:.]\d{2})\s*(.*)$/i;

const hhmm = (text: string): string | null => {
  const m = HH_MM.exec(text.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
};

/**
 * Times on the session's day, as a list of {start, end, label} (the API) or as
 * text with one range per line, '12:10–12:30 Coffee break' (a form's textarea).
 * A line that does not read as a range is named, so the planner knows which to fix.
 */
export const timeRanges = (what: string) =>
  z.preprocess(
    (v, ctx) => (typeof v === 'string' ? linesToRanges(v, what, ctx) : v ?? []),
    z.array(
      z.object({
        start: z.string({ error: said('b2b.range.start-missing', { what }) }).transform((s, ctx) => hhmm(s) ?? (ctx.addIssue({ code: 'custom', message: said('b2b.range.start-form', { what }) }), z.NEVER)),
        end: z.string({ error: said('b2b.range.end-missing', { what }) }).transform((s, ctx) => hhmm(s) ?? (ctx.addIssue({ code: 'custom', message: said('b2b.range.end-form', { what }) }), z.NEVER)),
        label: field.optionalText(`${what} label`, 200),
      }),
      { error: said('b2b.range.list', { what }) },
    ),
  );

function linesToRanges(text: string, what: string, ctx: { addIssue: (issue: { code: 'custom'; message: string }) => void }): TimeRangeInput[] {
  const ranges: TimeRangeInput[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const m = RANGE_LINE.exec(line);
    if (m) ranges.push({ start: m[1]!, end: m[2]!, label: m[3]!.trim() });
    else ctx.addIssue({ code: 'custom', message: said('b2b.range.line', { line, what }) });
  }
  return ranges;
}

/**
 * Parses like parseInput, but reports a problem inside a list ('breaks.1.end')
 * under the list's own field ('breaks'), which is where the form shows it.
 */
export function parseB2BInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  try {
    return parseInput(schema, raw);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const fields: Record<string, Message> = {};
    for (const [key, said] of Object.entries(err.fieldMessages)) {
      const [top, index] = key.split('.');
      fields[top!] ??= index !== undefined && /^\d+$/.test(index) ? message('field.on-line', { line: Number(index) + 1, said }) : said;
    }
    throw new ValidationError(fields, err.said, err.details);
  }
}

const optionalLabel = (label: string) => z.preprocess((v) => (typeof v === 'string' && v.trim() ? v.trim() : null), z.string().max(100, said('field.too-long', { label, max: 100 })).nullable());

export const sessionInputSchema = z.object({
  title: field.text('title', 300),
  roomId: field.id('hall (room)'),
  start: meetingInputSchema.shape.start,
  end: localDateTime('end'),
  slotMinutes: field.int('slot length in minutes', { min: 5, max: 240 }),
  changeoverMinutes: field.int('changeover in minutes', { min: 0, max: 120 }),
  breaks: timeRanges('break'),
  tableCount: field.int('number of tables', { min: 1, max: 500 }),
  sideALabel: optionalLabel('first side’s name'),
  sideBLabel: optionalLabel('second side’s name'),
  description: field.optionalText('description', 5000),
});
export type SessionInput = z.output<typeof sessionInputSchema>;

/** A form's multiple select sends one string or several; the API sends numbers. */
const idList = (label: string) =>
  z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]), z.array(field.id(label), { error: said('b2b.id-list', { label }) }));

/** At most this many parallel meetings for one company. */
export const MAX_SEATS = 20;

export const participantInputSchema = z.object({
  organizationId: field.id('company (organization)'),
  representativeIds: idList('representative').refine((ids) => ids.length > 0, said('b2b.participant.representative-missing', {})),
  side: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(['a', 'b'], { error: said('b2b.participant.side-choice', {}) }).nullable()),
  sector: field.optionalText('sector', 200),
  offers: field.optionalText('what the company offers', 2000),
  seeks: field.optionalText('what the company seeks', 2000),
  notes: field.optionalText('notes', 2000),
  unavailable: timeRanges('unavailable time'),
  seats: z.preprocess((v) => (v === undefined || v === null || v === '' ? 1 : v), field.int('parallel meetings', { min: 1, max: MAX_SEATS })),
});
export type ParticipantInput = z.output<typeof participantInputSchema>;

export const requestInputSchema = z.object({
  fromId: field.id('company that asks'),
  toId: field.id('company to meet'),
  message: field.optionalText('message', 1000),
  priority: z.preprocess((v) => (v === undefined || v === '' ? 2 : v), field.int('priority', { min: 1, max: 3 })),
});

export const pinInputSchema = z.object({
  slotIndex: field.int('slot', { min: 0, max: 1000 }),
  table: field.int('table', { min: 1, max: 500 }),
});

export const PRIORITIES = [
  { value: 3, label: 'High' },
  { value: 2, label: 'Normal' },
  { value: 1, label: 'Low' },
] as const;
