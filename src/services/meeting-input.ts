import { z } from 'zod';
import { MEETING_KINDS, MEETING_STATUSES, PARTICIPANT_ROLES } from '../domain/types';
import { field } from './validation';

const localDateTime = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().replace(' ', 'T').slice(0, 16) : v),
    z.string({ error: `Enter the ${label} as date and time, e.g. 2019-06-07T10:00.` }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, `Enter the ${label} as date and time, e.g. 2019-06-07T10:00.`),
  );

const optionalOffset = z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : v), z.coerce.number().int().min(-14 * 60).max(14 * 60).optional());

/** A meeting as a planner or a program submits it: the canonical shape both forms and the API are parsed into. */
export const meetingInputSchema = z.object({
  title: field.text('title', 300),
  kind: field.oneOf('kind of meeting', MEETING_KINDS),
  status: field.oneOf('status', MEETING_STATUSES),
  start: localDateTime('start'),
  end: localDateTime('end'),
  timeZone: z.preprocess((v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined), field.timeZone('time zone').optional()),
  startOffset: optionalOffset,
  endOffset: optionalOffset,
  roomId: field.optionalId('room'),
  place: field.optionalText('place', 300),
  isPublic: field.checkbox(),
  participants: z
    .array(z.object({ personId: field.id('person'), role: field.oneOf('participant role', PARTICIPANT_ROLES) }), { error: 'List participants as {personId, role} objects.' })
    .default([]),
  delegationIds: z.array(field.id('delegation'), { error: 'List delegations by id.' }).default([]),
  briefing: field.optionalText('briefing', 20_000),
  outcome: field.optionalText('outcome', 20_000),
  documents: z
    .array(
      z.object({
        title: field.text('document title', 500),
        parties: field.optionalText('parties', 500),
        signedOn: z.preprocess((v) => (v === '' || v === undefined ? null : v), field.date('signing date').nullable()),
      }),
      { error: 'List documents as {title, parties, signedOn} objects.' },
    )
    .default([]),
});

export type MeetingInput = z.output<typeof meetingInputSchema>;
