import { z } from 'zod';
import { MEETING_KINDS, MEETING_STATUSES, PARTICIPANT_ROLES } from '../../domain/types';
import { field, parseInput, said } from '../validation';

/** The limits and forms the schema holds a meeting to. */
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
  return parseInput(meetingInputSchema, raw);
}
