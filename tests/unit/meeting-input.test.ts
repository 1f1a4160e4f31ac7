/**
 * The pure pieces between a submitted meeting and the service: reading the
 * browser's repeated fields, the input schema, which changes raise the
 * calendar SEQUENCE, and which times the form must offer an offset for.
 */
import { isMaterialChange, meetingInputSchema } from '../../src/services/meetings';
import { foldOffsetChoices, readMeetingForm } from '../../src/web/meeting-form';
import { aMeeting } from '../support/builders';

describe('readMeetingForm', () => {
  it.each([
    {
      name: 'one participant row (express gives a string, not an array)',
      body: { participantId: '7', participantRole: 'principal' },
      participants: [{ personId: '7', role: 'principal' }],
    },
    {
      name: 'rows in order, blank spare rows dropped',
      body: { participantId: ['7', '', '9', ''], participantRole: ['principal', 'required', 'counterpart', 'counterpart'] },
      participants: [
        { personId: '7', role: 'principal' },
        { personId: '9', role: 'counterpart' },
      ],
    },
    { name: 'a row without its role', body: { participantId: ['7', '9'], participantRole: ['principal'] }, participants: [{ personId: '7', role: 'principal' }, { personId: '9', role: 'required' }] },
    { name: 'no rows at all', body: {}, participants: [] },
  ])('reads participants: $name', ({ body, participants }) => {
    expect(readMeetingForm(body).participants).toEqual(participants);
  });

  it.each([
    { name: 'title only', docs: { docTitle: ['Agreement', ''], docParties: ['A; B', ''], docSignedOn: ['2019-06-07', ''] }, expected: [{ id: '', title: 'Agreement', parties: 'A; B', signedOn: '2019-06-07' }] },
    { name: 'a row of the register keeps its id', docs: { docId: ['12', ''], docTitle: ['Agreement', ''], docParties: ['', ''], docSignedOn: ['', ''] }, expected: [{ id: '12', title: 'Agreement', parties: '', signedOn: '' }] },
    { name: 'an id that is not a number is a new row', docs: { docId: ['x1'], docTitle: ['Agreement'], docParties: [''], docSignedOn: [''] }, expected: [{ id: '', title: 'Agreement', parties: '', signedOn: '' }] },
    { name: 'parties without a title (kept, so the form can say the title is missing)', docs: { docTitle: [''], docParties: ['A; B'], docSignedOn: [''] }, expected: [{ id: '', title: '', parties: 'A; B', signedOn: '' }] },
    { name: 'only the blank spare row', docs: { docTitle: '', docParties: '', docSignedOn: '' }, expected: [] },
  ])('reads documents: $name', ({ docs, expected }) => {
    expect(readMeetingForm(docs).documents).toEqual(expected);
  });

  it.each([
    { name: '"Save as tentative" overrides the chosen status', body: { status: 'confirmed', saveAs: 'tentative' }, status: 'tentative' },
    { name: 'the chosen status otherwise', body: { status: 'confirmed' }, status: 'confirmed' },
  ])('$name', ({ body, status }) => {
    expect(readMeetingForm(body).status).toBe(status);
  });

  it('reads delegations as a list and the public checkbox as a boolean', () => {
    expect(readMeetingForm({ delegationIds: '3', isPublic: 'on' })).toMatchObject({ delegationIds: ['3'], isPublic: true });
    expect(readMeetingForm({ delegationIds: ['3', '4'] })).toMatchObject({ delegationIds: ['3', '4'], isPublic: false });
  });
});

describe('meetingInputSchema', () => {
  const valid = { title: 'Talks', kind: 'bilateral', status: 'tentative', start: '2019-06-07T10:00', end: '2019-06-07T11:00' };

  it('accepts a form (strings, blank optional fields) and a JSON body alike', () => {
    const fromForm = meetingInputSchema.parse({ ...valid, start: '2019-06-07 10:00', roomId: '', startOffset: '', participants: [{ personId: '7', role: 'principal' }], documents: [{ title: 'Deal', parties: '', signedOn: '' }] });
    const fromJson = meetingInputSchema.parse({ ...valid, roomId: null, participants: [{ personId: 7, role: 'principal' }], documents: [{ title: 'Deal', parties: '', signedOn: null }] });
    expect(fromForm).toEqual(fromJson);
    expect(fromForm).toMatchObject({ start: '2019-06-07T10:00', roomId: null, startOffset: undefined, participants: [{ personId: 7, role: 'principal' }], documents: [{ title: 'Deal', signedOn: null }], delegationIds: [] });
  });

  it.each([
    { name: 'a missing title', input: { title: '' }, field: 'title' },
    { name: 'an unknown kind', input: { kind: 'picnic' }, field: 'kind' },
    { name: 'a date without a time', input: { start: '2019-06-07' }, field: 'start' },
    { name: 'an unknown participant role', input: { participants: [{ personId: 7, role: 'guest' }] }, field: 'participants.0.role' },
    { name: 'an offset beyond any zone', input: { startOffset: 15 * 60 }, field: 'startOffset' },
    { name: 'a signing date that is no date', input: { documents: [{ title: 'Deal', parties: '', signedOn: 'June' }] }, field: 'documents.0.signedOn' },
  ])('refuses $name, naming the field', ({ input, field }) => {
    const result = meetingInputSchema.safeParse({ ...valid, ...input });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

describe('isMaterialChange (what raises the calendar SEQUENCE)', () => {
  const base = aMeeting({ roomId: 1, place: '' });
  it.each([
    { name: 'a new start', change: { startUtc: base.startUtc + 60_000 }, material: true },
    { name: 'a new end', change: { endUtc: base.endUtc + 60_000 }, material: true },
    { name: 'another room', change: { roomId: 2 }, material: true },
    { name: 'another place', change: { place: 'Table 7' }, material: true },
    { name: 'cancelling', change: { status: 'cancelled' as const }, material: true },
    { name: 'a new title', change: { title: 'Renamed' }, material: true },
    { name: 'briefing notes only', change: { briefing: 'New talking points' }, material: false },
    { name: 'the outcome only', change: { outcome: 'Signed' }, material: false },
    { name: 'participants only', change: { participants: [{ personId: 5, role: 'required' as const }] }, material: false },
  ])('$name: $material', ({ change, material }) => {
    expect(isMaterialChange(base, { ...base, ...change })).toBe(material);
  });
});

describe('foldOffsetChoices', () => {
  it.each([
    { name: 'a time in the Berlin fold', start: '2026-10-25T02:30', zone: 'Europe/Berlin', choices: { startOffsets: [120, 60] } },
    { name: 'a time in the Berlin gap (refused, not offered)', start: '2026-03-29T02:30', zone: 'Europe/Berlin', choices: {} },
    { name: 'an ordinary time', start: '2026-10-25T04:30', zone: 'Europe/Berlin', choices: {} },
    { name: 'Moscow, which keeps no DST', start: '2019-06-07T10:00', zone: 'Europe/Moscow', choices: {} },
    { name: 'a time typed with a space', start: '2026-10-25 02:30', zone: 'Europe/Berlin', choices: { startOffsets: [120, 60] } },
    { name: 'garbage', start: 'tomorrow', zone: 'Europe/Berlin', choices: {} },
  ])('offers offsets for $name', ({ start, zone, choices }) => {
    expect(foldOffsetChoices({ start, end: '2026-10-25T05:00' }, zone)).toEqual(choices);
  });
});
