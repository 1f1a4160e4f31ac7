/**
 * The meeting form, page and status actions as a planner uses them: real
 * SQLite, real app, assertions on what the rendered pages say and what the
 * returned forms would send back.
 */
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { toInput } from '../../src/services/meetings';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { fieldErrorOf, formFieldsOf, valueOf, valuesOf, withFields } from '../support/html-form';
import { meetingFormFields, postForm, type MeetingFormOptions } from '../support/meeting-forms';

let ctx: TestContext;
let planner: SignedIn;
let base: string;
const demo = () => ctx.demo!;

beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'planner1', 'planner');
  base = `/forums/${demo().forumId}/meetings`;
});
afterAll(() => ctx.close());

const meetingCount = (forumId = demo().forumId) => ctx.services.store.meetings.count(forumId);
const idFrom = (location: string | undefined) => Number(/\/meetings\/(\d+)$/.exec(location ?? '')?.[1]);
const create = (o: MeetingFormOptions, forumBase = base) => postForm(planner, `${forumBase}/new`, forumBase, meetingFormFields(o));
const drozdenkoMeeting = () => ctx.services.meetings.list({ forumId: demo().forumId }).find((m) => m.title.startsWith('Meeting with Governor'))!;

/** The error shown under a participant row's select (rows have no per-field id on the message). */
function participantRowError(html: string, row: number): string | undefined {
  return new RegExp(`id="p-${row}"[\\s\\S]*?</select>\\s*(?:<p class="error-text">([^<]*)</p>)?`).exec(html)?.[1];
}

/** A forum in a zone with DST, for the gap and fold rules. */
function berlinForum(startDate: string, endDate: string): string {
  const forum = ctx.services.forums.create(SYSTEM_ACTOR, { name: `Berlin forum ${startDate}`, shortName: `BER ${startDate}`, startDate, endDate, timeZone: 'Europe/Berlin', city: 'Berlin' });
  return `/forums/${forum.id}/meetings`;
}

describe('creating a meeting with the form', () => {
  it('saves it, redirects to its page, and the page shows Moscow time with Baku beside, participants and documents', async () => {
    const d = demo();
    const res = await create({
      title: 'Meeting with SOCAR Polymer',
      status: 'confirmed',
      start: '2019-06-06T10:30',
      end: '2019-06-06T11:30',
      roomId: d.rooms.bilateral1,
      participants: [
        [d.people.mustafayev!, 'principal'],
        [d.people['socar-polymer']!, 'counterpart'],
      ],
      delegationIds: [d.delegations.azerbaijan],
      documents: [{ title: 'Memorandum on polymer supplies', parties: 'Ministry of Economy; SOCAR Polymer', signedOn: '2019-06-06' }],
      briefing: 'Objective: supply contract for 2020.',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^${base}/\\d+$`));

    const page = textOf((await planner.get(res.headers.location!)).text);
    expect(page).toContain('“Meeting with SOCAR Polymer” created.');
    expect(page).toContain('Thursday, 6 June 2019 · 10:30–11:30');
    expect(page).toContain('10:30–11:30 (Europe/Moscow) Baku 11:30–12:30');
    expect(page).toContain('Pavilion F, bilateral meeting room F1, ExpoForum');
    expect(page).toMatch(/Shahin Mustafayev .*Principal/);
    expect(page).toMatch(/Anar Huseynov .*Counterpart SOCAR Polymer/);
    expect(page).toContain('Memorandum on polymer supplies Ministry of Economy; SOCAR Polymer Thursday, 6 June 2019');
    expect(page).toContain('Objective: supply contract for 2020.');
    expect(page).toMatch(/History .* planner1 · Create/);

    const stored = ctx.services.meetings.get(idFrom(res.headers.location));
    expect(stored).toMatchObject({ status: 'confirmed', start: '2019-06-06T10:30', timeZone: 'Europe/Moscow', startUtc: Date.UTC(2019, 5, 6, 7, 30) });
    expect(stored.participants).toEqual([
      { personId: d.people.mustafayev, role: 'principal' },
      { personId: d.people['socar-polymer'], role: 'counterpart' },
    ]);
  });

  it('shows field messages beside the fields, keeps every input including participant rows, and writes nothing', async () => {
    const d = demo();
    const before = meetingCount();
    const res = await create({
      title: '',
      start: '2019-06-06T10:00',
      end: 'tomorrow',
      participants: [
        [d.people.deputy!, 'principal'],
        [d.people.deputy!, 'note_taker'],
        [d.people.gaz!, 'counterpart'],
      ],
      documents: [{ title: 'Protocol of intent', parties: 'GAZ Group', signedOn: '' }],
      briefing: 'Keep this text',
    });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('Some fields need attention');
    expect(fieldErrorOf(res.text, 'f-title')).toMatch(/title/i);
    expect(fieldErrorOf(res.text, 'f-end')).toBe('Enter the end as date and time, e.g. 2019-06-07T10:00.');

    const kept = formFieldsOf(res.text, { action: base });
    expect(valueOf(kept, 'start')).toBe('2019-06-06T10:00');
    expect(valueOf(kept, 'end')).toBe('tomorrow');
    expect(valuesOf(kept, 'participantId').slice(0, 3)).toEqual([d.people.deputy, d.people.deputy, d.people.gaz].map(String));
    expect(valuesOf(kept, 'participantRole').slice(0, 3)).toEqual(['principal', 'note_taker', 'counterpart']);
    expect(valuesOf(kept, 'docTitle')[0]).toBe('Protocol of intent');
    expect(valueOf(kept, 'briefing')).toBe('Keep this text');
    expect(meetingCount()).toBe(before);
  });

  it('marks a participant listed twice on its own row', async () => {
    const d = demo();
    const before = meetingCount();
    const res = await create({ title: 'Twice', participants: [[d.people.deputy!, 'principal'], [d.people.gaz!, 'counterpart'], [d.people.deputy!, 'note_taker']] });
    expect(res.status).toBe(422);
    expect(participantRowError(res.text, 2)).toBe('Rashad Hasanov is listed twice; keep one line per person.');
    expect(participantRowError(res.text, 0)).toBeUndefined();
    expect(participantRowError(res.text, 1)).toBeUndefined();
    expect(valuesOf(formFieldsOf(res.text, { action: base }), 'participantId').slice(0, 3)).toEqual([d.people.deputy, d.people.gaz, d.people.deputy].map(String));
    expect(meetingCount()).toBe(before);
  });

  it('refuses an end before the start, beside the end field', async () => {
    const before = meetingCount();
    const res = await create({ title: 'Backwards', start: '2019-06-06T15:00', end: '2019-06-06T14:00' });
    expect(res.status).toBe(422);
    expect(fieldErrorOf(res.text, 'f-end')).toBe('The end must be after the start.');
    expect(meetingCount()).toBe(before);
  });

  it('refuses a time in the DST gap with a message naming the gap', async () => {
    const berlin = berlinForum('2026-03-28', '2026-03-30');
    const forumId = Number(berlin.split('/')[2]);
    const res = await create({ title: 'Night call', start: '2026-03-29T02:30', end: '2026-03-29T03:30' }, berlin);
    expect(res.status).toBe(422);
    expect(fieldErrorOf(res.text, 'f-start')).toBe('02:30 does not exist on 29 March 2026 in Europe/Berlin: clocks jump from 02:00 to 03:00. Choose a time before 02:00 or from 03:00 on.');
    expect(fieldErrorOf(res.text, 'f-end')).toBeUndefined();
    expect(meetingCount(forumId)).toBe(0);
  });

  it('refuses an ambiguous time in the DST fold until the offset is chosen, offering the two offsets', async () => {
    const berlin = berlinForum('2026-10-24', '2026-10-26');
    const forumId = Number(berlin.split('/')[2]);
    const refused = await create({ title: 'Late call', start: '2026-10-25T02:30', end: '2026-10-25T03:15' }, berlin);
    expect(refused.status).toBe(422);
    expect(fieldErrorOf(refused.text, 'f-start')).toBe(
      '02:30 on 25 October 2026 in Europe/Berlin happens twice: clocks go back from 03:00 to 02:00. Say which one is meant: UTC+02:00 (the first) or UTC+01:00 (the second).',
    );
    expect(textOf(refused.text)).toContain('Which start time do you mean? UTC+02:00 UTC+01:00');
    expect(meetingCount(forumId)).toBe(0);

    // The planner picks the second reading (after the clocks went back) and saves the same form again.
    const form = withFields(formFieldsOf(refused.text, { action: berlin }), { startOffset: '60' });
    const saved = await postForm(planner, `${berlin}/new`, berlin, form);
    expect(saved.status).toBe(303);
    const meeting = ctx.services.meetings.get(idFrom(saved.headers.location));
    expect(meeting).toMatchObject({ start: '2026-10-25T02:30', timeZone: 'Europe/Berlin', startUtc: Date.UTC(2026, 9, 25, 1, 30), endUtc: Date.UTC(2026, 9, 25, 2, 15) });
    expect(textOf((await planner.get(saved.headers.location!)).text)).toContain('02:30–03:15 (Europe/Berlin)');
  });

  it('accepts a fold time at once when the offset is given with it', async () => {
    const berlin = berlinForum('2026-10-23', '2026-10-26');
    const res = await create({ title: 'Early call', start: '2026-10-25T02:10', end: '2026-10-25T02:20' }, berlin).then(async (r) =>
      r.status === 422 ? postForm(planner, `${berlin}/new`, berlin, [...meetingFormFields({ title: 'Early call', start: '2026-10-25T02:10', end: '2026-10-25T02:20' }), ['startOffset', '120'], ['endOffset', '120']]) : r,
    );
    expect(res.status).toBe(303);
    expect(ctx.services.meetings.get(idFrom(res.headers.location))).toMatchObject({ startUtc: Date.UTC(2026, 9, 25, 0, 10), endUtc: Date.UTC(2026, 9, 25, 0, 20) });
  });
});

describe('conflicts on save', () => {
  it('refuses a confirmed meeting that clashes with a confirmed one (409, sentences listed, input kept); "Save as tentative" saves it with the warning on its page', async () => {
    const d = demo();
    const before = meetingCount();
    const refused = await create({
      title: 'Call with Azerikimya',
      status: 'confirmed',
      start: '2019-06-07T10:30',
      end: '2019-06-07T11:00',
      roomId: d.rooms.bilateral1,
      participants: [[d.people.azerikimya!, 'counterpart']],
    });
    expect(refused.status).toBe(409);
    const text = textOf(refused.text);
    expect(text).toContain('“Call with Azerikimya” cannot be confirmed: it clashes with other confirmed meetings.');
    expect(text).toContain(
      "error Pavilion F, bilateral meeting room F1 at ExpoForum is booked for 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko' (10:00–11:00) and 'Call with Azerikimya' (10:30–11:00) at the same time.",
    );
    expect(text).toContain('Save as tentative');
    const kept = formFieldsOf(refused.text, { action: base });
    expect(valueOf(kept, 'title')).toBe('Call with Azerikimya');
    expect(valueOf(kept, 'status')).toBe('confirmed');
    expect(valueOf(kept, 'roomId')).toBe(String(d.rooms.bilateral1));
    expect(valuesOf(kept, 'participantId')[0]).toBe(String(d.people.azerikimya));
    expect(meetingCount()).toBe(before);

    const tentative = await postForm(planner, `${base}/new`, base, formFieldsOf(refused.text, { action: base, submitter: 'saveAs=tentative' }));
    expect(tentative.status).toBe(303);
    const page = textOf((await planner.get(tentative.headers.location!)).text);
    expect(page).toContain('“Call with Azerikimya” created.');
    expect(page).toContain('It has a warning: see “Conflicts” below.');
    expect(page).toMatch(/Tentative .*1 warning/);
    expect(page).toContain(
      "Conflicts warning Pavilion F, bilateral meeting room F1 at ExpoForum is booked for 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko' (10:00–11:00) and 'Call with Azerikimya' (10:30–11:00) at the same time. — open “Meeting with Governor of Leningrad Region Aleksandr Drozdenko”",
    );
    expect(ctx.services.meetings.get(idFrom(tentative.headers.location)).status).toBe('tentative');

    // The warning stays on the page, not only in the flash after saving.
    const again = textOf((await planner.get(tentative.headers.location!)).text);
    expect(again).not.toContain('It has a warning');
    expect(again).toContain("warning Pavilion F, bilateral meeting room F1 at ExpoForum is booked for 'Meeting with Governor");
  });

  it('saves a confirmed meeting that only has warnings, and shows them after saving and on the page', async () => {
    const d = demo();
    const crowd = ['deputy', 'adviser', 'protocol', 'interpreter', 'press', 'security', 'azpromo', 'gaz', 'hajigabul'].map((k): [number, string] => [d.people[k]!, 'required']);
    const res = await create({ title: 'Crowded room', status: 'confirmed', start: '2019-06-06T12:00', end: '2019-06-06T12:30', roomId: d.rooms.bilateral2, participants: crowd });
    expect(res.status).toBe(303);
    const page = textOf((await planner.get(res.headers.location!)).text);
    expect(page).toContain('It has a warning: see “Conflicts” below.');
    expect(page).toContain("warning 'Crowded room' (12:00–12:30) has 9 participants but Pavilion F, bilateral meeting room F2 at ExpoForum seats 8.");
    expect(textOf((await planner.get(res.headers.location!)).text)).toContain('has 9 participants but Pavilion F, bilateral meeting room F2 at ExpoForum seats 8.');
  });

  it("shows the demo's deliberate too-short transfer on the meeting page", async () => {
    const fairs = ctx.services.meetings.list({ forumId: demo().forumId }).find((m) => m.title.startsWith('Working meeting at the Government'))!;
    const page = textOf((await planner.get(`${base}/${fairs.id}`)).text);
    expect(page).toContain("Rashad Hasanov is in 'Meeting with GAZ Group on the Hajigabul plant' (13:30–14:15, ExpoForum) and needs 45 min to reach Smolny");
    expect(page).toContain('— open “Meeting with GAZ Group on the Hajigabul plant”');
  });
});

describe('status actions', () => {
  const act = (id: number, action: string) => postForm(planner, `${base}/${id}`, `${base}/${id}/status`, [['action', action], ['version', String(ctx.services.meetings.get(id).version)]]);

  it('confirms, cancels (record kept, struck through, never conflicting) and reinstates a meeting', async () => {
    const d = demo();
    const made = await create({ title: 'Tea with the embassy', start: '2019-06-08T12:00', end: '2019-06-08T12:45', roomId: d.rooms.stand, participants: [[d.people.adviser!, 'principal']] });
    const id = idFrom(made.headers.location);

    const confirmed = await act(id, 'confirm');
    expect(confirmed.status).toBe(303);
    let page = await planner.get(`${base}/${id}`);
    expect(textOf(page.text)).toContain('“Tea with the embassy” confirmed.');
    expect(ctx.services.meetings.get(id).status).toBe('confirmed');

    await act(id, 'cancel');
    page = await planner.get(`${base}/${id}`);
    expect(textOf(page.text)).toContain('“Tea with the embassy” cancelled; it stays in the programme, struck through.');
    expect(page.text).toContain('<div class="page-head status-cancelled">');
    expect(page.text).toContain('<span class="badge badge-cancelled">Cancelled</span>');
    expect(textOf(page.text)).toContain('Reinstate');
    expect(textOf(page.text)).not.toContain('Cancel meeting');
    const listed = await planner.get(`${base}?day=2019-06-08&status=cancelled`);
    expect(listed.text).toMatch(/<tr class="status-cancelled[^"]*">[\s\S]*?Tea with the embassy/);

    // The room is free again: a confirmed meeting at the same time saves without a word about the cancelled one.
    const replacement = await create({ title: 'Stand interview', status: 'confirmed', start: '2019-06-08T12:00', end: '2019-06-08T12:45', roomId: d.rooms.stand, participants: [[d.people.adviser!, 'principal']] });
    expect(replacement.status).toBe(303);
    expect(textOf((await planner.get(replacement.headers.location!)).text)).not.toContain('Tea with the embassy');

    await act(id, 'reinstate');
    page = await planner.get(`${base}/${id}`);
    expect(textOf(page.text)).toContain('“Tea with the embassy” reinstated as tentative.');
    expect(ctx.services.meetings.get(id).status).toBe('tentative');
    expect(textOf(page.text)).toContain("Azerbaijan national stand, Pavilion H at ExpoForum is booked for 'Tea with the embassy' (12:00–12:45) and 'Stand interview' (12:00–12:45) at the same time.");
    expect(textOf(page.text)).toMatch(/History .*Update .*Update .*Update .*Create/);
  });

  it('refuses to confirm a meeting that clashes with a confirmed one and says why', async () => {
    const d = demo();
    const made = await create({ title: 'Second booking of F1', start: '2019-06-07T10:15', end: '2019-06-07T10:45', roomId: d.rooms.bilateral1 });
    const id = idFrom(made.headers.location);
    const res = await act(id, 'confirm');
    expect(res.status).toBe(303);
    const page = textOf((await planner.get(`${base}/${id}`)).text);
    expect(page).toContain('“Second booking of F1” cannot be confirmed: it clashes with other confirmed meetings.');
    expect(page).toContain("Pavilion F, bilateral meeting room F1 at ExpoForum is booked for 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko'");
    expect(ctx.services.meetings.get(id).status).toBe('tentative');
  });

  it('refuses an unknown action', async () => {
    const res = await postForm(planner, `${base}/${drozdenkoMeeting().id}`, `${base}/${drozdenkoMeeting().id}/status`, [['action', 'archive']]);
    expect(res.status).toBe(422);
  });
});

describe('duplicating and editing', () => {
  it('duplicates a meeting into a tentative copy with the same people, room and documents', async () => {
    const source = drozdenkoMeeting();
    const form = await planner.get(`${base}/new?from=${source.id}`);
    expect(form.status).toBe(200);
    const fields = formFieldsOf(form.text, { action: base });
    expect(valueOf(fields, 'title')).toBe(`${source.title} (copy)`);
    expect(valueOf(fields, 'status')).toBe('tentative');
    expect(valueOf(fields, 'roomId')).toBe(String(source.roomId));
    expect(valuesOf(fields, 'participantId').slice(0, source.participants.length)).toEqual(source.participants.map((p) => String(p.personId)));
    expect(valuesOf(fields, 'docTitle')[0]).toBe(source.documents[0]!.title);

    const saved = await postForm(planner, `${base}/new?from=${source.id}`, base, withFields(fields, { start: '2019-06-08T15:00', end: '2019-06-08T16:00' }));
    expect(saved.status).toBe(303);
    const copy = ctx.services.meetings.get(idFrom(saved.headers.location));
    expect(copy).toMatchObject({ title: `${source.title} (copy)`, status: 'tentative', roomId: source.roomId, participants: source.participants, delegationIds: source.delegationIds });
    expect(ctx.services.meetings.get(source.id)).toEqual(source);
  });

  it('comes back with 412 and what is stored now when someone saved meanwhile, keeping what the planner typed', async () => {
    const d = demo();
    const made = await create({ title: 'Lunch with Gazprombank', start: '2019-06-08T13:00', end: '2019-06-08T14:00', place: 'Restaurant Palkin', participants: [[d.people.mustafayev!, 'principal']] });
    const id = idFrom(made.headers.location);
    const editForm = await planner.get(`${base}/${id}/edit`);
    const mine = withFields(formFieldsOf(editForm.text, { action: `${base}/${id}/edit` }), { title: 'Lunch with Gazprombank and VTB' });

    const other = await signIn(ctx, 'planner2', 'planner');
    const theirs = withFields(formFieldsOf((await other.get(`${base}/${id}/edit`)).text, { action: `${base}/${id}/edit` }), { place: 'Restaurant Palkin, private room' });
    expect((await postForm(other, `${base}/${id}/edit`, `${base}/${id}/edit`, theirs)).status).toBe(303);

    const stale = await postForm(planner, `${base}/${id}/edit`, `${base}/${id}/edit`, mine);
    expect(stale.status).toBe(412);
    const text = textOf(stale.text);
    expect(text).toContain('Someone else changed this record while you were editing it.');
    expect(text).toContain('Stored now (version 2)');
    expect(text).toContain('Title Lunch with Gazprombank Lunch with Gazprombank and VTB');
    expect(text).toContain('Place Restaurant Palkin, private room Restaurant Palkin');
    expect(ctx.services.meetings.get(id)).toMatchObject({ title: 'Lunch with Gazprombank', place: 'Restaurant Palkin, private room', version: 2 });
    const kept = formFieldsOf(stale.text, { action: `${base}/${id}/edit` });
    expect(valueOf(kept, 'title')).toBe('Lunch with Gazprombank and VTB');
    expect(valueOf(kept, 'version')).toBe('2');

    // Saving the returned form again is a deliberate overwrite of version 2.
    const resaved = await postForm(planner, `${base}/${id}/edit`, `${base}/${id}/edit`, kept);
    expect(resaved.status).toBe(303);
    expect(ctx.services.meetings.get(id)).toMatchObject({ title: 'Lunch with Gazprombank and VTB', place: 'Restaurant Palkin', version: 3 });
  });

  it('keeps a DST-fold meeting on its chosen reading when it is edited without touching the time', async () => {
    const berlin = berlinForum('2026-10-22', '2026-10-26');
    const made = await postForm(planner, `${berlin}/new`, berlin, [...meetingFormFields({ title: 'Second 02:30', start: '2026-10-25T02:30', end: '2026-10-25T03:15' }), ['startOffset', '60']]);
    expect(made.status).toBe(303);
    const id = idFrom(made.headers.location);
    const edit = await planner.get(`${berlin}/${id}/edit`);
    const res = await postForm(planner, `${berlin}/${id}/edit`, `${berlin}/${id}/edit`, withFields(formFieldsOf(edit.text, { action: `${berlin}/${id}/edit` }), { title: 'Second 02:30, renamed' }));
    expect(res.status).toBe(303);
    expect(ctx.services.meetings.get(id)).toMatchObject({ title: 'Second 02:30, renamed', startUtc: Date.UTC(2026, 9, 25, 1, 30) });
  });

  it('answers 404 for a meeting of another forum under this forum’s address', async () => {
    const berlin = berlinForum('2026-05-01', '2026-05-02');
    const other = ctx.services.meetings.create(SYSTEM_ACTOR, Number(berlin.split('/')[2]), { ...toInput(drozdenkoMeeting()), roomId: null, delegationIds: [], participants: [], timeZone: 'Europe/Berlin', start: '2026-05-01T10:00', end: '2026-05-01T11:00' });
    expect((await planner.get(`${base}/${other.meeting.id}`)).status).toBe(404);
  });
});
