import { z } from 'zod';
import { MEETING_KINDS, MEETING_STATUSES, PARTICIPANT_ROLES, type Meeting } from '../../domain/types';
import { offsetMinutesAt } from '../../domain/time';
import { ValidationError } from '../../domain/errors';
import { message } from '../../messages';
import { field, parseInput, said } from '../validation';

/** The limits and forms the schema holds a meeting to. */
const LIMITS = { title: 300, place: 300, notes: 20_000, documentTitle: 500, parties: 500, offsetMinutes: 14 * 60, durationMinutes: 24 * 60 } as const;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** '2019-06-07 10:00' and '2019-06-07T10:00:00' both read as '2019-06-07T10:00'. */
const toLocalDateTime = (v: unknown): unknown => (typeof v === 'string' ? v.trim().replace(' ', 'T').slice(0, 16) : v);

/** A wall-clock date and time the schema requires (B2B sessions' start and end read the same way). */
export const localDateTime = (label: string) =>
  z.preprocess(
    toLocalDateTime,
    z.string({ error: said('field.date-time', { label }) }).regex(LOCAL_DATE_TIME, said('field.date-time', { label })),
  );

/** An end that may be left out when a duration is given instead: blank reads as absent. */
const optionalLocalDateTime = (label: string) =>
  z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? undefined : toLocalDateTime(v)),
    z.string({ error: said('field.date-time', { label }) }).regex(LOCAL_DATE_TIME, said('field.date-time', { label })).optional(),
  );

const optionalDuration = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? undefined : v),
  z.coerce
    .number({ error: said('field.whole-number', { label: 'duration in minutes' }) })
    .int(said('field.whole-number', { label: 'duration in minutes' }))
    .min(1, said('field.at-least', { label: 'duration in minutes', min: 1 }))
    .max(LIMITS.durationMinutes, said('field.at-most', { label: 'duration in minutes', max: LIMITS.durationMinutes }))
    .optional(),
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
  /** The end, or nothing when `durationMinutes` says how long it lasts (one of the two, not both). */
  end: optionalLocalDateTime('end'),
  durationMinutes: optionalDuration,
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
  /** The outcome may be published: the draft press release quotes it (domain/outcome). */
  outcomePublic: field.checkbox(),
  documents: z
    .array(
      z.object({
        /** The agreement of the register it is, when it is one already: kept in place (store/repositories/meetings.ts). */
        // Anything but a whole number is no id: the row is a new agreement.
        id: z.preprocess((v) => (typeof v === 'number' || (typeof v === 'string' && /^\d{1,15}$/.test(v)) ? Number(v) : null), z.number().int().positive().nullable()).optional(),
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
  let input: MeetingInput;
  try {
    input = parseInput(meetingInputSchema, raw);
  } catch (err) {
    // A missing end is said with the other fields' messages, not after they are fixed.
    if (err instanceof ValidationError && !err.fieldMessages.end && !err.fieldMessages.durationMinutes && lacksEnd(raw)) {
      throw new ValidationError({ ...err.fieldMessages, end: message('meeting.end-missing', {}) }, err.said, err.details);
    }
    throw err;
  }
  if (input.end === undefined && input.durationMinutes === undefined) throw new ValidationError({ end: message('meeting.end-missing', {}) });
  return input;
}

/** Neither an end nor a duration (blank counts as none). */
function lacksEnd(raw: unknown): boolean {
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  const body = (raw ?? {}) as Record<string, unknown>;
  return typeof body !== 'object' || (!given(body.end) && !given(body.durationMinutes));
}

/** A stored meeting as input again (for status changes and duplicating). */
export function toInput(m: Meeting): Record<string, unknown> {
  return {
    title: m.title,
    kind: m.kind,
    status: m.status,
    start: m.start,
    end: m.end,
    timeZone: m.timeZone,
    // The stored instants pin an ambiguous wall-clock time (DST fold) to the reading chosen when it was saved.
    startOffset: offsetMinutesAt(m.startUtc, m.timeZone),
    endOffset: offsetMinutesAt(m.endUtc, m.timeZone),
    roomId: m.roomId,
    place: m.place,
    isPublic: m.isPublic,
    participants: m.participants,
    delegationIds: m.delegationIds,
    briefing: m.briefing,
    outcome: m.outcome,
    outcomePublic: m.outcomePublic,
    documents: m.documents.map(({ id, title, parties, signedOn }) => ({ id, title, parties, signedOn })),
  };
}
