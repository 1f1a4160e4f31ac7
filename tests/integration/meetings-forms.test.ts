/**
 * The meeting form, page and status actions as a planner uses them: real
 * SQLite, real app, assertions on what the rendered pages say and what the
 * returned forms would send back. Most tests work in an empty forum of their
 * own (free slots stay free whatever the demo gains); the demo is used where
 * the demo itself is the point.
 */
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { fieldErrorOf, formFieldsOf, valueOf, valuesOf, withFields } from '../support/html-form';
import { createFixtureForum, DAY1, DAY2, type FixtureForum } from '../support/meeting-fixture';
import { meetingFormFields, postForm, type MeetingFormOptions } from '../support/meeting-forms';

let ctx: TestContext;
let planner: SignedIn;
let fx: FixtureForum;
let base: string;
const demo = () => ctx.demo!;

beforeAll(async () => {
  ctx = createTestApp();
  fx = createFixtureForum(ctx.services, { programme: false });
  base = fx.base;
  planner = await signIn(ctx, 'planner1', 'planner');
});
afterAll(() => ctx.close());

const at = (day: string, time: string) => `${day}T${time}`;
const meetingCount = (forumId = fx.forumId) => ctx.services.store.meetings.count(forumId);
const idFrom = (location: string | undefined) => Number(/\/meetings\/(\d+)$/.exec(location ?? '')?.[1]);
const create = (o: MeetingFormOptions, forumBase = base) => postForm(planner, `${forumBase}/new`, forumBase, meetingFormFields(o));
/** A meeting stored directly, for a test to clash with. */
const anchor = (fields: Record<string, unknown>) => ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { kind: 'bilateral', status: 'confirmed', participants: [], ...fields }).meeting;

/** The error shown under a participant row's select (rows have no per-field id on the message). */
function participantRowError(html: string, row: number): string | undefined {
  return new RegExp(`id="p-${row}"[\\s\\S]*?</select>\\s*(?:<p class="error-text">([^<]*)</p>)?`).exec(html)?.[1];
}

/** A forum in a zone with DST, for the gap and fold rules: its id and the address of its meetings. */
function berlinForum(startDate: string, endDate: string): { forumId: number; berlin: string } {
  const forum = ctx.services.forums.create(SYSTEM_ACTOR, { name: `Berlin forum ${startDate}`, shortName: `BER ${startDate}`, startDate, endDate, timeZone: 'Europe/Berlin', city: 'Berlin' });
  return { forumId: forum.id, berlin: `/forums/${forum.id}/meetings` };
}

describe('creating a meeting with the form', () => {
  it('saves it, redirects to its page, and the page shows Moscow time with Baku beside, participants and documents', async () => {
    const res = await create({
      title: 'Meeting with SOCAR Polymer',
      status: 'confirmed',
      start: at(DAY1, '10:30'),
      end: at(DAY1, '11:30'),
      roomId: fx.rooms.roomA,
      participants: [
        [fx.people.minister, 'principal'],
        [fx.people.director, 'counterpart'],
      ],
      delegationIds: [fx.delegations.azerbaijan],
      documents: [{ title: 'Memorandum on polymer supplies', parties: 'Ministry of Economy; SOCAR Polymer', signedOn: DAY1 }],
      briefing: 'Objective: supply contract for 2020.',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^${base}/\\d+$`));

    const page = textOf((await planner.get(res.headers.location!)).text);
    expect(page).toContain('“Meeting with SOCAR Polymer” created.');
    expect(page).toContain('Monday, 10 June 2019 · 10:30–11:30');
    expect(page).toContain('10:30–11:30 (Europe/Moscow) Baku 11:30–12:30');
    expect(page).toContain('Room A, Congress Centre');
    expect(page).toMatch(/Minister \d+ Nazir Minister of Economy Principal/);
    expect(page).toMatch(/Orlov \d+ Орлов Director for exports Counterpart/);
    // The documents as the agreements register has them: kind, parties, status and date of signing.
    expect(page).toContain('Memorandum on polymer supplies Memorandum Ministry of Economy; SOCAR Polymer Signed Mon 10 Jun');
    expect(page).toContain('Objective: supply contract for 2020.');
    expect(page).toMatch(/History .* planner1 · Create/);

    const stored = ctx.services.meetings.get(idFrom(res.headers.location));
    expect(stored).toMatchObject({ status: 'confirmed', start: at(DAY1, '10:30'), timeZone: 'Europe/Moscow', startUtc: Date.UTC(2019, 5, 10, 7, 30), delegationIds: [fx.delegations.azerbaijan] });
    expect(stored.participants).toEqual([
      { personId: fx.people.minister, role: 'principal' },
      { personId: fx.people.director, role: 'counterpart' },
    ]);
    expect(stored.documents).toEqual([expect.objectContaining({ title: 'Memorandum on polymer supplies', signedOn: DAY1 })]);
  });

  it('shows field messages beside the fields, keeps every input including participant rows, and writes nothing', async () => {
    const before = meetingCount();
    const res = await create({
      title: '',
      start: at(DAY1, '10:00'),
      end: 'tomorrow',
      participants: [
        [fx.people.deputy, 'principal'],
        [fx.people.director, 'counterpart'],
      ],
      documents: [{ title: 'Protocol of intent', parties: 'The plant', signedOn: '' }],
      briefing: 'Keep this text',
    });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('Some fields need attention');
    expect(fieldErrorOf(res.text, 'f-title')).toMatch(/title/i);
    expect(fieldErrorOf(res.text, 'f-end')).toBe('Enter the end as date and time, e.g. 2019-06-07T10:00.');
    expect(fieldErrorOf(res.text, 'f-start')).toBeUndefined();

    const kept = formFieldsOf(res.text, { action: base });
    expect(valueOf(kept, 'start')).toBe(at(DAY1, '10:00'));
    expect(valueOf(kept, 'end')).toBe('tomorrow');
    expect(valuesOf(kept, 'participantId').slice(0, 2)).toEqual([fx.people.deputy, fx.people.director].map(String));
    expect(valuesOf(kept, 'participantRole').slice(0, 2)).toEqual(['principal', 'counterpart']);
    expect(valuesOf(kept, 'docTitle')[0]).toBe('Protocol of intent');
    expect(valueOf(kept, 'briefing')).toBe('Keep this text');
    expect(meetingCount()).toBe(before);
  });

  it('marks a participant listed twice on its own row', async () => {
    const before = meetingCount();
    const res = await create({ title: 'Twice', participants: [[fx.people.deputy, 'principal'], [fx.people.director, 'counterpart'], [fx.people.deputy, 'note_taker']] });
    expect(res.status).toBe(422);
    expect(participantRowError(res.text, 2)).toMatch(/^Deputy \d+ is listed twice; keep one line per person\.$/);
    expect(participantRowError(res.text, 0)).toBeUndefined();
    expect(participantRowError(res.text, 1)).toBeUndefined();
    expect(valuesOf(formFieldsOf(res.text, { action: base }), 'participantId').slice(0, 3)).toEqual([fx.people.deputy, fx.people.director, fx.people.deputy].map(String));
    expect(meetingCount()).toBe(before);
  });

  it('refuses an end before the start, beside the end field', async () => {
    const before = meetingCount();
    const res = await create({ title: 'Backwards', start: at(DAY1, '15:00'), end: at(DAY1, '14:00') });
    expect(res.status).toBe(422);
    expect(fieldErrorOf(res.text, 'f-end')).toBe('The end must be after the start.');
    expect(meetingCount()).toBe(before);
  });

  it('refuses a time in the DST gap with a message naming the gap', async () => {
    const { forumId, berlin } = berlinForum('2026-03-28', '2026-03-30');
    const res = await create({ title: 'Night call', start: '2026-03-29T02:30', end: '2026-03-29T03:30' }, berlin);
    expect(res.status).toBe(422);
    expect(fieldErrorOf(res.text, 'f-start')).toBe('02:30 does not exist on 29 March 2026 in Europe/Berlin: clocks jump from 02:00 to 03:00. Choose a time before 02:00 or from 03:00 on.');
    expect(fieldErrorOf(res.text, 'f-end')).toBeUndefined();
    expect(meetingCount(forumId)).toBe(0);
  });

  it('refuses an ambiguous time in the DST fold until the offset is chosen, offering the two offsets', async () => {
    const { forumId, berlin } = berlinForum('2026-10-24', '2026-10-26');
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
    const { berlin } = berlinForum('2026-10-23', '2026-10-26');
    const res = await postForm(planner, `${berlin}/new`, berlin, [...meetingFormFields({ title: 'Early call', start: '2026-10-25T02:10', end: '2026-10-25T02:20' }), ['startOffset', '120'], ['endOffset', '120']]);
    expect(res.status).toBe(303);
    expect(ctx.services.meetings.get(idFrom(res.headers.location))).toMatchObject({ startUtc: Date.UTC(2026, 9, 25, 0, 10), endUtc: Date.UTC(2026, 9, 25, 0, 20) });
  });
});

describe('conflicts on save', () => {
  it('refuses a confirmed meeting that clashes with a confirmed one (409, sentences listed, input kept); "Save as tentative" saves it with the warning on its page', async () => {
    const talks = anchor({ title: 'Talks with the Governor', start: at(DAY1, '13:00'), end: at(DAY1, '14:00'), roomId: fx.rooms.roomA, participants: [{ personId: fx.people.governor, role: 'principal' }] });
    const before = meetingCount();
    const refused = await create({ title: 'Call with the plant', status: 'confirmed', start: at(DAY1, '13:30'), end: at(DAY1, '14:00'), roomId: fx.rooms.roomA, participants: [[fx.people.interpreter, 'interpreter']] });
    expect(refused.status).toBe(409);
    const text = textOf(refused.text);
    expect(text).toContain('“Call with the plant” cannot be confirmed: it clashes with other confirmed meetings. Change the time, room or people, or save it as tentative.');
    expect(text).toContain("error Room A at Congress Centre is booked for 'Talks with the Governor' (13:00–14:00) and 'Call with the plant' (13:30–14:00) at the same time.");
    expect(text).toContain('Save as tentative');
    const kept = formFieldsOf(refused.text, { action: base });
    expect(valueOf(kept, 'title')).toBe('Call with the plant');
    expect(valueOf(kept, 'status')).toBe('confirmed');
    expect(valueOf(kept, 'roomId')).toBe(String(fx.rooms.roomA));
    expect(valuesOf(kept, 'participantId')[0]).toBe(String(fx.people.interpreter));
    expect(valuesOf(kept, 'participantRole')[0]).toBe('interpreter');
    expect(meetingCount()).toBe(before);

    const tentative = await postForm(planner, `${base}/new`, base, formFieldsOf(refused.text, { action: base, submitter: 'saveAs=tentative' }));
    expect(tentative.status).toBe(303);
    const page = textOf((await planner.get(tentative.headers.location!)).text);
    expect(page).toContain('“Call with the plant” created.');
    expect(page).toContain('It has a warning: see “Conflicts” below.');
    expect(page).toMatch(/Tentative .*1 warning/);
    expect(page).toContain(
      "Conflicts warning Room A at Congress Centre is booked for 'Talks with the Governor' (13:00–14:00) and 'Call with the plant' (13:30–14:00) at the same time. — open “Talks with the Governor”",
    );
    expect(ctx.services.meetings.get(idFrom(tentative.headers.location)).status).toBe('tentative');

    // The warning stays on both meetings' pages, not only in the flash after saving.
    expect(textOf((await planner.get(tentative.headers.location!)).text)).not.toContain('It has a warning');
    expect(textOf((await planner.get(tentative.headers.location!)).text)).toContain("warning Room A at Congress Centre is booked for 'Talks with the Governor'");
    expect(textOf((await planner.get(`${base}/${talks.id}`)).text)).toContain("warning Room A at Congress Centre is booked for 'Talks with the Governor' (13:00–14:00) and 'Call with the plant'");
  });

  it('saves a confirmed meeting that only has warnings, and shows them after saving and on the page', async () => {
    const crowd = (['minister', 'deputy', 'governor', 'director', 'adviser'] as const).map((k): [number, string] => [fx.people[k], 'required']);
    const res = await create({ title: 'Crowded room', status: 'confirmed', start: at(DAY1, '16:00'), end: at(DAY1, '16:30'), roomId: fx.rooms.roomB, participants: crowd });
    expect(res.status).toBe(303);
    const page = textOf((await planner.get(res.headers.location!)).text);
    expect(page).toContain('“Crowded room” created. It has a warning: see “Conflicts” below.');
    expect(page).toContain("warning 'Crowded room' (16:00–16:30) has 5 participants but Room B at Congress Centre seats 4.");
    expect(textOf((await planner.get(res.headers.location!)).text)).toContain("'Crowded room' (16:00–16:30) has 5 participants but Room B at Congress Centre seats 4.");
  });

  it("shows the demo's deliberate too-short transfer on the meeting page", async () => {
    const fairs = ctx.services.meetings.list({ forumId: demo().forumId }).find((m) => m.title.startsWith('Working meeting at the Government'))!;
    const page = textOf((await planner.get(`/forums/${demo().forumId}/meetings/${fairs.id}`)).text);
    expect(page).toContain("Rashad Hasanov is in 'Meeting with GAZ Group on the Hajigabul plant' (13:30–14:15, ExpoForum) and needs 45 min to reach Smolny");
    expect(page).toContain('— open “Meeting with GAZ Group on the Hajigabul plant”');
  });
});

describe('status actions', () => {
  const act = (id: number, action: string) => postForm(planner, `${base}/${id}`, `${base}/${id}/status`, [['action', action], ['version', String(ctx.services.meetings.get(id).version)]]);

  it('confirms, cancels (record kept, struck through, never conflicting) and reinstates a meeting', async () => {
    const made = await create({ title: 'Tea with the embassy', start: at(DAY2, '12:00'), end: at(DAY2, '12:45'), roomId: fx.rooms.salon, participants: [[fx.people.adviser, 'principal']] });
    const id = idFrom(made.headers.location);

    expect((await act(id, 'confirm')).status).toBe(303);
    let page = await planner.get(`${base}/${id}`);
    expect(textOf(page.text)).toContain('“Tea with the embassy” confirmed.');
    expect(ctx.services.meetings.get(id).status).toBe('confirmed');

    // Cancel is asked for on its confirmation page; the status button leads there and changes nothing.
    expect((await act(id, 'cancel')).headers.location).toBe(`${base}/${id}/cancel`);
    expect(ctx.services.meetings.get(id).status).toBe('confirmed');
    expect((await postForm(planner, `${base}/${id}/cancel`, `${base}/${id}/cancel`, [['version', String(ctx.services.meetings.get(id).version)]])).status).toBe(303);
    page = await planner.get(`${base}/${id}`);
    expect(textOf(page.text)).toContain('“Tea with the embassy” cancelled; it stays in the programme, struck through.');
    expect(page.text).toContain('<div class="page-head status-cancelled">');
    expect(page.text).toContain('<span class="badge badge-cancelled">Cancelled</span>');
    expect(textOf(page.text)).toContain('Reinstate');
    expect(textOf(page.text)).not.toContain('Cancel meeting');
    const listed = await planner.get(`${base}?day=${DAY2}&status=cancelled`);
    expect(listed.text).toMatch(/<tr class="status-cancelled[^"]*">[\s\S]*?Tea with the embassy/);

    // The room and the adviser are free again: a confirmed meeting at the same time saves without a word about the cancelled one.
    const replacement = await create({ title: 'Salon interview', status: 'confirmed', start: at(DAY2, '12:00'), end: at(DAY2, '12:45'), roomId: fx.rooms.salon, participants: [[fx.people.adviser, 'principal']] });
    expect(replacement.status).toBe(303);
    expect(textOf((await planner.get(replacement.headers.location!)).text)).not.toContain('Tea with the embassy');

    await act(id, 'reinstate');
    page = await planner.get(`${base}/${id}`);
    expect(textOf(page.text)).toContain('“Tea with the embassy” reinstated as tentative.');
    expect(ctx.services.meetings.get(id).status).toBe('tentative');
    expect(textOf(page.text)).toContain("warning Salon at Delegation hotel is booked for 'Tea with the embassy' (12:00–12:45) and 'Salon interview' (12:00–12:45) at the same time.");
    expect(textOf(page.text)).toMatch(/History .*Update .*Update .*Update .*Create/);
  });

  it('refuses to confirm a meeting that clashes with a confirmed one and says why', async () => {
    anchor({ title: 'Investment panel', start: at(DAY2, '09:00'), end: at(DAY2, '10:00'), roomId: fx.rooms.hall });
    const made = await create({ title: 'Second booking of Hall 1', start: at(DAY2, '09:15'), end: at(DAY2, '09:45'), roomId: fx.rooms.hall });
    const id = idFrom(made.headers.location);
    expect((await act(id, 'confirm')).status).toBe(303);
    const page = textOf((await planner.get(`${base}/${id}`)).text);
    expect(page).toContain('“Second booking of Hall 1” cannot be confirmed: it clashes with other confirmed meetings.');
    expect(page).toContain("Hall 1 at Congress Centre is booked for 'Investment panel' (09:00–10:00) and 'Second booking of Hall 1' (09:15–09:45) at the same time.");
    expect(ctx.services.meetings.get(id).status).toBe('tentative');
  });

  it.each([
    { name: 'confirm a cancelled meeting (it comes back only by reinstating)', from: 'cancelled', action: 'confirm' },
    { name: 'reinstate a meeting that is not cancelled', from: 'tentative', action: 'reinstate' },
    { name: 'cancel a cancelled meeting', from: 'cancelled', action: 'cancel' },
  ] as const)('refuses an action its page does not offer: $name', async ({ from, action }) => {
    const m = anchor({ title: `Not offered: ${action} from ${from}`, start: at(DAY2, '19:00'), end: at(DAY2, '19:30'), status: from });
    expect((await planner.get(`${base}/${m.id}`)).text).not.toContain(`name="action" value="${action}"`);
    if (action === 'cancel') {
      // Cancelling has its own confirmation route: it refuses there, on its page.
      const res = await postForm(planner, `${base}/${m.id}/cancel`, `${base}/${m.id}/cancel`, [['version', String(m.version)]]);
      expect(res.status).toBe(422);
      expect(textOf(res.text)).toContain(`This meeting is ${from}, so it cannot be given “${action}”`);
    } else {
      const res = await act(m.id, action);
      expect(res.status).toBe(303);
      expect(textOf((await planner.get(`${base}/${m.id}`)).text)).toContain(`This meeting is ${from}, so it cannot be given “${action}”`);
    }
    expect(ctx.services.meetings.get(m.id)).toMatchObject({ status: from, version: m.version });
  });

  it('refuses an unknown action', async () => {
    const m = anchor({ title: 'Unarchivable', start: at(DAY2, '18:00'), end: at(DAY2, '18:30') });
    const res = await postForm(planner, `${base}/${m.id}`, `${base}/${m.id}/status`, [['action', 'archive']]);
    expect(res.status).toBe(422);
    expect(ctx.services.meetings.get(m.id).version).toBe(1);
  });
});

describe('duplicating and editing', () => {
  it('duplicates a meeting of the demo into a tentative copy with the same people, room and documents', async () => {
    const demoBase = `/forums/${demo().forumId}/meetings`;
    const source = ctx.services.meetings.list({ forumId: demo().forumId }).find((m) => m.title.startsWith('Meeting with Governor'))!;
    const form = await planner.get(`${demoBase}/new?from=${source.id}`);
    expect(form.status).toBe(200);
    const fields = formFieldsOf(form.text, { action: demoBase });
    expect(valueOf(fields, 'title')).toBe(`${source.title} (copy)`);
    expect(valueOf(fields, 'status')).toBe('tentative');
    expect(valueOf(fields, 'roomId')).toBe(String(source.roomId));
    expect(valuesOf(fields, 'participantId').slice(0, source.participants.length)).toEqual(source.participants.map((p) => String(p.personId)));
    expect(valuesOf(fields, 'participantRole').slice(0, source.participants.length)).toEqual(source.participants.map((p) => p.role));
    expect(valuesOf(fields, 'delegationIds')).toEqual(source.delegationIds.map(String));
    expect(valuesOf(fields, 'docTitle')[0]).toBe(source.documents[0]!.title);

    const saved = await postForm(planner, `${demoBase}/new?from=${source.id}`, demoBase, withFields(fields, { start: '2019-06-08T15:00', end: '2019-06-08T16:00' }));
    expect(saved.status).toBe(303);
    const copy = ctx.services.meetings.get(idFrom(saved.headers.location));
    expect(copy).toMatchObject({ title: `${source.title} (copy)`, status: 'tentative', roomId: source.roomId, participants: source.participants, delegationIds: source.delegationIds, briefing: source.briefing });
    expect(copy.documents.map((d) => d.title)).toEqual(source.documents.map((d) => d.title));
    expect(ctx.services.meetings.get(source.id)).toEqual(source);
  });

  it('comes back with 412 and what is stored now when someone saved meanwhile, keeping what the planner typed', async () => {
    const made = await create({ title: 'Lunch with Gazprombank', start: at(DAY2, '13:00'), end: at(DAY2, '14:00'), place: 'Restaurant Palkin', participants: [[fx.people.minister, 'principal']] });
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
    const { berlin } = berlinForum('2026-10-22', '2026-10-26');
    const made = await postForm(planner, `${berlin}/new`, berlin, [...meetingFormFields({ title: 'Second 02:30', start: '2026-10-25T02:30', end: '2026-10-25T03:15' }), ['startOffset', '60']]);
    expect(made.status).toBe(303);
    const id = idFrom(made.headers.location);
    const edit = await planner.get(`${berlin}/${id}/edit`);
    const res = await postForm(planner, `${berlin}/${id}/edit`, `${berlin}/${id}/edit`, withFields(formFieldsOf(edit.text, { action: `${berlin}/${id}/edit` }), { title: 'Second 02:30, renamed' }));
    expect(res.status).toBe(303);
    expect(ctx.services.meetings.get(id)).toMatchObject({ title: 'Second 02:30, renamed', startUtc: Date.UTC(2026, 9, 25, 1, 30) });
  });

  it('answers 404 for a meeting of another forum under this forum’s address', async () => {
    const other = anchor({ title: 'Elsewhere', start: at(DAY2, '19:00'), end: at(DAY2, '19:30') });
    expect((await planner.get(`/forums/${demo().forumId}/meetings/${other.id}`)).status).toBe(404);
    expect((await planner.get(`/forums/${demo().forumId}/meetings/${other.id}/edit`)).status).toBe(404);
  });
});
