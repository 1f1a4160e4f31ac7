/**
 * Builders for the meeting form as a browser posts it: participants and
 * documents as parallel repeated fields, spare rows blank, like the real page.
 */
import { csrfFrom, type SignedIn } from './app';
import { encodeForm, type FormFields } from './html-form';

export interface MeetingFormOptions {
  title?: string;
  kind?: string;
  status?: string;
  start?: string;
  end?: string;
  timeZone?: string;
  roomId?: number | string;
  place?: string;
  participants?: [personId: number, role: string][];
  delegationIds?: number[];
  documents?: { title: string; parties?: string; signedOn?: string }[];
  briefing?: string;
  saveAs?: 'tentative';
}

/** A tentative bilateral on the forum's first day unless told otherwise; two blank spare participant rows, as the page has. */
export function meetingFormFields(o: MeetingFormOptions = {}): FormFields {
  const fields: FormFields = [
    ['title', o.title ?? 'Working meeting'],
    ['kind', o.kind ?? 'bilateral'],
    ['status', o.status ?? 'tentative'],
    ['start', o.start ?? '2019-06-06T10:00'],
    ['end', o.end ?? '2019-06-06T11:00'],
    ['timeZone', o.timeZone ?? ''],
    ['roomId', o.roomId === undefined ? '' : String(o.roomId)],
    ['place', o.place ?? ''],
    ['briefing', o.briefing ?? ''],
    ['outcome', ''],
  ];
  for (const id of o.delegationIds ?? []) fields.push(['delegationIds', String(id)]);
  for (const [personId, role] of [...(o.participants ?? []), [0, 'required'] as const, [0, 'counterpart'] as const]) {
    fields.push(['participantId', personId ? String(personId) : '']);
    fields.push(['participantRole', role]);
  }
  for (const d of [...(o.documents ?? []), { title: '', parties: '', signedOn: '' }]) {
    fields.push(['docId', ''], ['docTitle', d.title], ['docParties', d.parties ?? ''], ['docSignedOn', d.signedOn ?? '']);
  }
  if (o.saveAs) fields.push(['saveAs', o.saveAs]);
  return fields;
}

/** Posts form fields with a fresh CSRF token from `formUrl` (unless the fields already carry one, as a returned form does). */
export async function postForm(planner: SignedIn, formUrl: string, action: string, fields: FormFields) {
  const hasToken = fields.some(([n]) => n === '_csrf');
  const token: FormFields = hasToken ? [] : [['_csrf', await csrfFrom(planner.agent, formUrl)]];
  return planner.agent.post(action).type('form').send(encodeForm([...token, ...fields]));
}
