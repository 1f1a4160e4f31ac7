import type { Request } from 'express';
import { offsetMinutesAt, resolveLocalTime } from '../domain/time';
import type { Meeting, Person } from '../domain/types';
import { nameText, positionsOf } from '../domain/names';
import type { Locale } from '../messages/catalogue';
import { collatorFor } from '../messages/locale-formats';

/** The meeting form's values as the page shows them (strings, rows). */
export interface MeetingFormValues {
  title: string;
  kind: string;
  status: string;
  start: string;
  end: string;
  /** Minutes chosen instead of an end ('' for none): when given, it sets the end. */
  durationMinutes: string;
  /** The start and end the edit form loaded, so the service can tell a moved start (keep the duration) from a changed end. */
  loadedStart: string;
  loadedEnd: string;
  timeZone: string;
  startOffset: string;
  endOffset: string;
  roomId: string;
  place: string;
  isPublic: boolean;
  delegationIds: string[];
  participants: { personId: string; role: string }[];
  /** How many empty participant rows the form shows below the filled ones. */
  spareParticipantRows: number;
  briefing: string;
  outcome: string;
  outcomePublic: boolean;
  /** `id`: the register's agreement the row is ('' for a new one), so a save updates it in place. */
  documents: { id: string; title: string; parties: string; signedOn: string }[];
}

/** Empty participant rows under the filled ones; "Add another participant" adds one, up to the cap. */
const DEFAULT_SPARE_ROWS = 2;
const MAX_SPARE_ROWS = 50;

/** The durations the form offers instead of an end. */
export const DURATION_CHOICES = [15, 20, 30, 45, 60, 75, 90, 120, 180, 240] as const;

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
  const docIds = list(body.docId);
  return {
    title: str(body.title),
    kind: str(body.kind),
    status: body.saveAs === 'tentative' ? 'tentative' : str(body.status),
    start: str(body.start),
    end: str(body.end),
    durationMinutes: str(body.durationMinutes),
    loadedStart: str(body.loadedStart),
    loadedEnd: str(body.loadedEnd),
    timeZone: str(body.timeZone),
    startOffset: str(body.startOffset),
    endOffset: str(body.endOffset),
    roomId: str(body.roomId),
    place: str(body.place),
    isPublic: body.isPublic === 'on' || body.isPublic === 'true',
    delegationIds: list(body.delegationIds),
    participants: ids.map((personId, i) => ({ personId, role: roles[i] ?? 'required' })).filter((p) => p.personId.trim() !== ''),
    spareParticipantRows: Math.min(MAX_SPARE_ROWS, Math.max(1, ids.filter((id) => id.trim() === '').length)),
    briefing: str(body.briefing),
    outcome: str(body.outcome),
    outcomePublic: body.outcomePublic === 'on' || body.outcomePublic === 'true',
    documents: titles
      .map((title, i) => ({ id: /^\d{1,15}$/.test(docIds[i] ?? '') ? docIds[i]! : '', title, parties: parties[i] ?? '', signedOn: signed[i] ?? '' }))
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
    durationMinutes: '',
    loadedStart: m.start,
    loadedEnd: m.end,
    timeZone: m.timeZone,
    // Pins a DST-fold time to the reading chosen when it was saved; ignored for any other time.
    startOffset: String(offsetMinutesAt(m.startUtc, m.timeZone)),
    endOffset: String(offsetMinutesAt(m.endUtc, m.timeZone)),
    roomId: m.roomId === null ? '' : String(m.roomId),
    place: m.place,
    isPublic: m.isPublic,
    delegationIds: m.delegationIds.map(String),
    participants: m.participants.map((p) => ({ personId: String(p.personId), role: p.role })),
    spareParticipantRows: DEFAULT_SPARE_ROWS,
    briefing: m.briefing,
    outcome: m.outcome,
    outcomePublic: m.outcomePublic,
    documents: m.documents.map((d) => ({ id: String(d.id), title: d.title, parties: d.parties, signedOn: d.signedOn ?? '' })),
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
    durationMinutes: '',
    loadedStart: '',
    loadedEnd: '',
    timeZone: '',
    startOffset: '',
    endOffset: '',
    roomId: '',
    place: '',
    isPublic: false,
    delegationIds: [],
    participants: [],
    spareParticipantRows: DEFAULT_SPARE_ROWS,
    briefing: '',
    outcome: '',
    outcomePublic: false,
    documents: [],
    ...defaults,
  };
}

/**
 * A new meeting's form filled from links: a grid cell (start, end, room), a
 * delegation page, or a slot the time finder offers (its people as
 * `participant`, each with the role `roleOf` gives a new row, and `optional`,
 * its title and place).
 */
export function prefillFromQuery(req: Request, roleOf: (personId: number) => string = () => 'required'): Partial<MeetingFormValues> {
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
    ...ids('participant').map((personId) => ({ personId, role: roleOf(Number(personId)) })),
    ...ids('optional').map((personId) => ({ personId, role: 'optional' })),
  ];
  if (participants.length) out.participants = participants;
  return out;
}

/**
 * What the form sends the service: a chosen duration stands for the end
 * (the end field keeps what was typed, for the page, but is not sent).
 */
export function meetingInputOf(values: MeetingFormValues): Record<string, unknown> {
  const { loadedStart: _s, loadedEnd: _e, spareParticipantRows: _r, ...input } = values;
  return values.durationMinutes.trim() ? { ...input, end: '' } : input;
}

/** The start and end the edit form loaded, when it says (a form from before they were carried says nothing). */
export function loadedTimesOf(values: MeetingFormValues): { start: string; end: string } | undefined {
  return values.loadedStart && values.loadedEnd ? { start: values.loadedStart, end: values.loadedEnd } : undefined;
}

/** The form's in-page steps (no JavaScript): each re-renders the form with every input kept and writes nothing. */
export type FormStep = { kind: 'add-row' } | { kind: 'search'; q: string } | { kind: 'add-person'; personId: string };

export function formStepOf(body: Record<string, unknown>): FormStep | null {
  if (typeof body.addPerson === 'string' && /^\d{1,15}$/.test(body.addPerson)) return { kind: 'add-person', personId: body.addPerson };
  if (body.formStep === 'add-row') return { kind: 'add-row' };
  if (body.formStep === 'search') return { kind: 'search', q: str(body.personSearch).slice(0, 200) };
  return null;
}

/** The form after a step: one more empty row, or the person added on a new row with the role their place gives them. */
export function applyFormStep(values: MeetingFormValues, step: FormStep, roleOf: (personId: number) => string): MeetingFormValues {
  if (step.kind === 'add-row') return { ...values, spareParticipantRows: Math.min(MAX_SPARE_ROWS, values.spareParticipantRows + 1) };
  if (step.kind === 'add-person' && !values.participants.some((p) => p.personId === step.personId)) {
    return { ...values, participants: [...values.participants, { personId: step.personId, role: roleOf(Number(step.personId)) }] };
  }
  return values;
}

/**
 * A person as the meeting form's and the time finder's choices offer them: the name in the reader's language
 * (Cyrillic first for a Russian reader, English where the person has no name in it), then the position likewise.
 */
export function personChoiceLabel(p: Person, locale: Locale): string {
  const name = nameText(p, locale);
  const position = nameText(positionsOf(p), locale);
  return position ? `${name} — ${position}` : name;
}

/** People in the order the reader's alphabet puts their shown names (Russian: Cyrillic before Latin; Azerbaijani: Ə after E). */
export function byShownName(people: readonly Person[], locale: Locale): Person[] {
  const collator = collatorFor(locale);
  return people
    .map((p) => ({ p, key: nameText(p, locale) }))
    .sort((a, b) => collator.compare(a.key, b.key))
    .map(({ p }) => p);
}
