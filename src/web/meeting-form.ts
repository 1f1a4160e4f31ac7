import type { Request } from 'express';
import { offsetMinutesAt, resolveLocalTime } from '../domain/time';
import type { Meeting } from '../domain/types';

/** The meeting form's values as the page shows them (strings, rows). */
export interface MeetingFormValues {
  title: string;
  kind: string;
  status: string;
  start: string;
  end: string;
  timeZone: string;
  startOffset: string;
  endOffset: string;
  roomId: string;
  place: string;
  isPublic: boolean;
  delegationIds: string[];
  participants: { personId: string; role: string }[];
  briefing: string;
  outcome: string;
  documents: { title: string; parties: string; signedOn: string }[];
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Reads the form a browser posts: participants and documents arrive as
 * parallel repeated fields (participantId[i] with participantRole[i]), which
 * needs no JavaScript; blank rows are the spare ones and are dropped.
 */
export function readMeetingForm(body: Record<string, unknown>): MeetingFormValues {
  const ids = list(body.participantId);
  const roles = list(body.participantRole);
  const titles = list(body.docTitle);
  const parties = list(body.docParties);
  const signed = list(body.docSignedOn);
  return {
    title: str(body.title),
    kind: str(body.kind),
    status: body.saveAs === 'tentative' ? 'tentative' : str(body.status),
    start: str(body.start),
    end: str(body.end),
    timeZone: str(body.timeZone),
    startOffset: str(body.startOffset),
    endOffset: str(body.endOffset),
    roomId: str(body.roomId),
    place: str(body.place),
    isPublic: body.isPublic === 'on' || body.isPublic === 'true',
    delegationIds: list(body.delegationIds),
    participants: ids.map((personId, i) => ({ personId, role: roles[i] ?? 'required' })).filter((p) => p.personId.trim() !== ''),
    briefing: str(body.briefing),
    outcome: str(body.outcome),
    documents: titles
      .map((title, i) => ({ title, parties: parties[i] ?? '', signedOn: signed[i] ?? '' }))
      .filter((d) => d.title.trim() !== '' || d.parties.trim() !== ''),
  };
}

export function formValuesOf(m: Meeting): MeetingFormValues {
  return {
    title: m.title,
    kind: m.kind,
    status: m.status,
    start: m.start,
    end: m.end,
    timeZone: m.timeZone,
    // Pins a DST-fold time to the reading chosen when it was saved; ignored for any other time.
    startOffset: String(offsetMinutesAt(m.startUtc, m.timeZone)),
    endOffset: String(offsetMinutesAt(m.endUtc, m.timeZone)),
    roomId: m.roomId === null ? '' : String(m.roomId),
    place: m.place,
    isPublic: m.isPublic,
    delegationIds: m.delegationIds.map(String),
    participants: m.participants.map((p) => ({ personId: String(p.personId), role: p.role })),
    briefing: m.briefing,
    outcome: m.outcome,
    documents: m.documents.map((d) => ({ title: d.title, parties: d.parties, signedOn: d.signedOn ?? '' })),
  };
}

/**
 * The two UTC offsets of each time in the form that a DST fold makes
 * ambiguous, so the form offers the choice whenever it matters: after a
 * refusal, and when editing a stored fold time (preselected), which would
 * otherwise be refused on every later save.
 */
export function foldOffsetChoices(values: Pick<MeetingFormValues, 'start' | 'end'>, timeZone: string): Record<string, number[]> {
  const choices: Record<string, number[]> = {};
  for (const key of ['start', 'end'] as const) {
    const reading = resolveLocalTime({ local: values[key].trim().replace(' ', 'T').slice(0, 16), timeZone });
    if (!reading.ok && reading.offsets) choices[`${key}Offsets`] = reading.offsets;
  }
  return choices;
}

export function blankMeetingForm(defaults: Partial<MeetingFormValues>): MeetingFormValues {
  return {
    title: '',
    kind: 'bilateral',
    status: 'tentative',
    start: '',
    end: '',
    timeZone: '',
    startOffset: '',
    endOffset: '',
    roomId: '',
    place: '',
    isPublic: false,
    delegationIds: [],
    participants: [],
    briefing: '',
    outcome: '',
    documents: [],
    ...defaults,
  };
}

/**
 * A new meeting's form filled from links: a grid cell (start, end, room), a
 * delegation page, or a slot the time finder offers (its people as
 * `participant` — the first one the principal — and `optional`, its title and place).
 */
export function prefillFromQuery(req: Request): Partial<MeetingFormValues> {
  const q = (k: string) => (typeof req.query[k] === 'string' ? (req.query[k] as string) : undefined);
  const ids = (k: string) => list(req.query[k]).filter((id) => /^\d{1,15}$/.test(id)).slice(0, 50);
  const out: Partial<MeetingFormValues> = {};
  if (q('start')) out.start = q('start');
  if (q('end')) out.end = q('end');
  if (q('roomId')) out.roomId = q('roomId');
  if (q('place')) out.place = q('place');
  if (q('title')) out.title = q('title');
  if (q('delegation')) out.delegationIds = [q('delegation')!];
  const participants = [
    ...ids('participant').map((personId, i) => ({ personId, role: i === 0 ? 'principal' : 'required' })),
    ...ids('optional').map((personId) => ({ personId, role: 'optional' })),
  ];
  if (participants.length) out.participants = participants;
  return out;
}
