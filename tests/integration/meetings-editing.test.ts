/**
 * Editing that keeps what the planner meant (issue 13): a moved start keeps
 * the duration (form and API), a duration instead of an end, participant rows
 * added and found without saving, roles from the delegations, the Move form,
 * and the confirmation before a cancellation reaches subscribed calendars.
 * Real SQLite, real app, real HTTP.
 */
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { formFieldsOf, valueOf, valuesOf, withFields } from '../support/html-form';
import { createFixtureForum, DAY1, DAY2, type FixtureForum } from '../support/meeting-fixture';
import { meetingFormFields, postForm } from '../support/meeting-forms';

let ctx: TestContext;
let planner: SignedIn;
let viewer: SignedIn;
let fx: FixtureForum;
let base: string;

beforeAll(async () => {
  ctx = createTestApp();
  fx = createFixtureForum(ctx.services, { programme: false });
  base = fx.base;
  planner = await signIn(ctx, 'planner1', 'planner');
  viewer = await signIn(ctx, 'viewer1', 'viewer');
});
afterAll(() => ctx.close());

const at = (day: string, time: string) => `${day}T${time}`;
let slot = 0;
/** A meeting of its own on day 2, each in its own hour (06:00, 07:00, …) so no two tests clash. */
const aMeeting = (fields: Record<string, unknown> = {}) => {
  const hour = String(6 + (slot++ % 14)).padStart(2, '0');
  return ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: `Meeting ${slot}`, kind: 'bilateral', status: 'tentative', start: at(DAY2, `${hour}:00`), end: at(DAY2, `${hour}:45`), participants: [], ...fields }).meeting;
};
const stored = (id: number) => ctx.services.meetings.get(id);
const meetingCount = () => ctx.services.store.meetings.count(fx.forumId);

describe('the edit form keeps the duration when only the start moves', () => {
  it.each([
    { name: 'only the start changed: the end moves with it', start: '16:30', end: '17:15', duration: '', expected: ['16:30', '17:45'] },
    { name: 'only the end changed: the meeting is longer', start: '16:00', end: '17:30', duration: '', expected: ['16:00', '17:30'] },
    { name: 'both changed: as typed', start: '16:30', end: '17:00', duration: '', expected: ['16:30', '17:00'] },
    { name: 'a duration chosen: it sets the end', start: '16:30', end: '17:15', duration: '30', expected: ['16:30', '17:00'] },
    { name: 'nothing changed: as it was', start: '16:00', end: '17:15', duration: '', expected: ['16:00', '17:15'] },
  ])('$name', async ({ start, end, duration, expected }) => {
    const m = ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: 'Talks at four', kind: 'bilateral', status: 'tentative', start: at(DAY1, '16:00'), end: at(DAY1, '17:15'), participants: [] }).meeting;
    const form = await planner.get(`${base}/${m.id}/edit`);
    const fields = formFieldsOf(form.text, { action: `${base}/${m.id}/edit` });
    expect([valueOf(fields, 'loadedStart'), valueOf(fields, 'loadedEnd')]).toEqual([at(DAY1, '16:00'), at(DAY1, '17:15')]);
    const res = await postForm(planner, '', `${base}/${m.id}/edit`, withFields(fields, { start: at(DAY1, start), end: at(DAY1, end), durationMinutes: duration }));
    expect(res.status).toBe(303);
    expect([stored(m.id).start, stored(m.id).end]).toEqual(expected.map((t) => at(DAY1, t)));
    ctx.services.store.db.prepare('DELETE FROM meeting WHERE id = ?').run(m.id);
  });

  it('keeps the loaded times through a refused save, so the second try still keeps the duration', async () => {
    const m = aMeeting({ start: at(DAY1, '09:00'), end: at(DAY1, '09:40') });
    const fields = formFieldsOf((await planner.get(`${base}/${m.id}/edit`)).text, { action: `${base}/${m.id}/edit` });
    const refused = await postForm(planner, '', `${base}/${m.id}/edit`, withFields(fields, { title: '', start: at(DAY1, '09:30') }));
    expect(refused.status).toBe(422);
    const again = formFieldsOf(refused.text, { action: `${base}/${m.id}/edit` });
    expect(valueOf(again, 'loadedEnd')).toBe(at(DAY1, '09:40'));
    expect((await postForm(planner, '', `${base}/${m.id}/edit`, withFields(again, { title: 'Fixed title' }))).status).toBe(303);
    expect([stored(m.id).start, stored(m.id).end]).toEqual([at(DAY1, '09:30'), at(DAY1, '10:10')]);
  });
});

describe('a new meeting with a duration instead of an end', () => {
  it('saves the end as start plus the duration', async () => {
    const res = await postForm(planner, `${base}/new`, base, withFields(meetingFormFields({ title: 'Forty-five minutes', start: at(DAY1, '18:00'), end: '' }), { durationMinutes: '45' }));
    expect(res.status).toBe(303);
    const id = Number(/(\d+)$/.exec(res.headers.location!)![1]);
    expect([stored(id).start, stored(id).end]).toEqual([at(DAY1, '18:00'), at(DAY1, '18:45')]);
  });

  it.each([
    { name: 'neither end nor duration', fields: { end: '', durationMinutes: '' } as Record<string, string>, field: 'end', says: 'or choose a duration' },
    { name: 'a duration of 0', fields: { durationMinutes: '0' }, field: 'durationMinutes', says: 'must be at least 1' },
    { name: 'a duration over a day', fields: { durationMinutes: '1441' }, field: 'durationMinutes', says: 'must be at most 1440' },
    { name: 'a duration that is no number', fields: { durationMinutes: 'an hour' }, field: 'durationMinutes', says: 'whole number' },
  ])('refuses $name with the reason beside the field, writing nothing', async ({ fields, field, says }) => {
    const before = meetingCount();
    const res = await postForm(planner, `${base}/new`, base, withFields(meetingFormFields({ title: 'Bad length', start: at(DAY1, '18:00') }), fields));
    expect(res.status).toBe(422);
    expect(res.text).toMatch(new RegExp(`id="f-${field}-err">[^<]*${says}`));
    expect(meetingCount()).toBe(before);
  });
});

describe('the API keeps the duration the same way', () => {
  const make = async (body: Record<string, unknown>) => planner.json('post', `/api/v1/forums/${fx.forumId}/meetings`, { title: 'API meeting', kind: 'bilateral', status: 'tentative', start: at(DAY1, '16:00'), ...body });

  it.each([
    { name: 'PATCH with only start keeps the duration', patch: { start: at(DAY1, '16:30') }, expected: ['16:30', '17:45'] },
    { name: 'PATCH with start and end takes both', patch: { start: at(DAY1, '16:30'), end: at(DAY1, '17:15') }, expected: ['16:30', '17:15'] },
    { name: 'PATCH with durationMinutes sets a new end', patch: { durationMinutes: 30 }, expected: ['16:00', '16:30'] },
    { name: 'PATCH with start and durationMinutes', patch: { start: at(DAY1, '15:00'), durationMinutes: 60 }, expected: ['15:00', '16:00'] },
    { name: 'PATCH with only the title leaves the times', patch: { title: 'Renamed' }, expected: ['16:00', '17:15'] },
  ])('$name', async ({ patch, expected }) => {
    const created = await make({ end: at(DAY1, '17:15') });
    expect(created.status).toBe(201);
    const res = await planner.json('patch', `/api/v1/meetings/${created.body.meeting.id}`, patch, { 'if-match': `"v${created.body.meeting.version}"` });
    expect(res.status).toBe(200);
    expect([res.body.meeting.start, res.body.meeting.end]).toEqual(expected.map((t) => at(DAY1, t)));
  });

  it('creates with durationMinutes instead of end', async () => {
    const res = await make({ durationMinutes: 50 });
    expect(res.status).toBe(201);
    expect(res.body.meeting).toMatchObject({ start: at(DAY1, '16:00'), end: at(DAY1, '16:50') });
  });

  it.each([
    { name: 'both end and durationMinutes', body: { end: at(DAY1, '17:00'), durationMinutes: 30 }, field: 'durationMinutes' },
    { name: 'neither', body: {}, field: 'end' },
    { name: 'a duration of 0', body: { durationMinutes: 0 }, field: 'durationMinutes' },
    { name: 'a duration of 2 days', body: { durationMinutes: 2880 }, field: 'durationMinutes' },
    { name: 'a fractional duration', body: { durationMinutes: 12.5 }, field: 'durationMinutes' },
  ])('answers 422 naming the field for $name, writing nothing', async ({ body, field }) => {
    const before = meetingCount();
    const res = await make(body);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toContain(field);
    expect(meetingCount()).toBe(before);
  });
});

describe('participant rows without JavaScript', () => {
  const step = (fields: [string, string][]) => postForm(planner, `${base}/new`, base, fields);

  it('"Add another participant" comes back with one more empty row and every input kept, writing nothing', async () => {
    const before = meetingCount();
    const fields = meetingFormFields({ title: 'Kept title', participants: [[fx.people.minister, 'principal']], briefing: 'Kept notes' });
    const res = await step([...fields, ['formStep', 'add-row']]);
    expect(res.status).toBe(200);
    const back = formFieldsOf(res.text, { action: base });
    expect(valueOf(back, 'title')).toBe('Kept title');
    expect(valueOf(back, 'briefing')).toBe('Kept notes');
    expect(valuesOf(back, 'participantId')).toEqual([String(fx.people.minister), '', '', '']);
    expect(meetingCount()).toBe(before);
  });

  it.each([
    { name: 'a Cyrillic spelling', q: 'орлов', finds: 'director' },
    { name: 'a Latin part of a name, any case', q: 'ORLOV', finds: 'director' },
    { name: 'a position', q: 'deputy minister', finds: 'deputy' },
    { name: 'a local name', q: 'губернатор', finds: 'governor' },
  ] as const)('"Search" finds by $name and lists it with an Add button', async ({ q, finds }) => {
    const res = await step([...meetingFormFields({ title: 'Searching' }), ['personSearch', q], ['formStep', 'search']]);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`name="addPerson" value="${fx.people[finds]}"`);
    expect(valueOf(formFieldsOf(res.text, { action: base }), 'personSearch')).toBe(q);
  });

  it('says when nobody matches', async () => {
    const res = await step([...meetingFormFields(), ['personSearch', 'Zzyzx'], ['formStep', 'search']]);
    expect(textOf(res.text)).toContain('Nobody matches “Zzyzx”.');
  });

  it('"Add" puts the person on a new row, once, keeping the rows already filled', async () => {
    const fields = meetingFormFields({ title: 'Adding', participants: [[fx.people.minister, 'principal']] });
    const res = await step([...fields, ['addPerson', String(fx.people.director)]]);
    const back = formFieldsOf(res.text, { action: base });
    expect(valuesOf(back, 'participantId').filter(Boolean)).toEqual([String(fx.people.minister), String(fx.people.director)]);
    const twice = await postForm(planner, '', base, [...back, ['addPerson', String(fx.people.director)]]);
    expect(valuesOf(formFieldsOf(twice.text, { action: base }), 'participantId').filter(Boolean)).toEqual([String(fx.people.minister), String(fx.people.director)]);
  });

  it('Enter in a field presses Save, not a step: the first submit button is Save', async () => {
    const html = (await planner.get(`${base}/new`)).text;
    const form = /<form\b[^>]*class="form form-wide meeting-form"[^>]*>([\s\S]*?)<\/form>/.exec(html)![1]!;
    expect(/<button\b[^>]*>([^<]*)<\/button>/.exec(form)![0]).toMatch(/type="submit"[^>]*>Save</);
  });
});

describe('roles that default from the delegations (the demo)', () => {
  const demoBase = () => `/forums/${ctx.demo!.forumId}/meetings`;
  it.each([
    { name: 'the head of the delegation', person: 'mustafayev', role: 'principal' },
    { name: 'the interpreter', person: 'interpreter', role: 'interpreter' },
    { name: 'a deputy of the delegation', person: 'deputy', role: 'required' },
    { name: 'the head of another delegation', person: 'drozdenko', role: 'counterpart' },
    { name: 'a company representative in no delegation', person: 'gazprombank', role: 'counterpart' },
  ])('$name is added as $role', async ({ person, role }) => {
    const id = ctx.demo!.people[person]!;
    const res = await postForm(planner, `${demoBase()}/new`, demoBase(), [...meetingFormFields({ title: 'Roles' }), ['addPerson', String(id)]]);
    const back = formFieldsOf(res.text, { action: demoBase() });
    const row = valuesOf(back, 'participantId').indexOf(String(id));
    expect(valuesOf(back, 'participantRole')[row]).toBe(role);
    // The script's template carries the same role for the search it does in the page.
    expect(res.text).toMatch(new RegExp(`<option value="${id}" data-search="[^"]*" data-role="${role}">`));
  });
});

describe('the Move form', () => {
  /** The form as the meeting page sends it: its start prefilled, changed by `fields`. */
  const move = (id: number, fields: [string, string][]) =>
    postForm(planner, `${base}/${id}`, `${base}/${id}/move`, [['version', String(stored(id).version)], ...(fields.some(([n]) => n === 'start') ? [] : [['start', stored(id).start] as [string, string]]), ...fields]);

  it.each([
    { name: '+15 min', fields: [['shift', '15']] as [string, string][], expected: ['10:15', '11:00'] },
    { name: '−15 min', fields: [['shift', '-15']] as [string, string][], expected: ['09:45', '10:30'] },
    { name: 'a new start, keeping the 45 minutes', fields: [['start', at(DAY1, '13:20')]] as [string, string][], expected: ['13:20', '14:05'] },
  ])('moves by $name', async ({ fields, expected }) => {
    const m = ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: 'To move', kind: 'bilateral', status: 'tentative', start: at(DAY1, '10:00'), end: at(DAY1, '10:45'), participants: [[fx.people.adviser, 'required']].map(([personId, role]) => ({ personId, role })) }).meeting;
    const res = await move(m.id, fields);
    expect(res.status).toBe(303);
    expect([stored(m.id).start, stored(m.id).end]).toEqual(expected.map((t) => at(DAY1, t)));
    expect(textOf((await planner.get(`${base}/${m.id}`)).text)).toContain('“To move” moved to');
    ctx.services.store.db.prepare('DELETE FROM meeting WHERE id = ?').run(m.id);
  });

  it('"Next free slot" skips the times its person is booked or blocked, and the transfer to another venue', async () => {
    const who = [{ personId: fx.people.interpreter, role: 'interpreter' }];
    const m = ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: 'Interpreted call', kind: 'bilateral', status: 'confirmed', start: at(DAY1, '08:00'), end: at(DAY1, '08:30'), roomId: fx.rooms.roomA, participants: who }).meeting;
    // Busy 08:30–09:30 in the same venue, blocked 09:30–10:00, then at the hotel 10:00–10:30 (30 min away): free from 11:00.
    ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: 'Busy', kind: 'bilateral', status: 'tentative', start: at(DAY1, '08:30'), end: at(DAY1, '09:30'), roomId: fx.rooms.roomB, participants: who });
    ctx.services.availability.create(SYSTEM_ACTOR, fx.forumId, { subject: 'person', subjectId: fx.people.interpreter, start: at(DAY1, '09:30'), end: at(DAY1, '10:00'), reason: 'Rest' });
    ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: 'At the hotel', kind: 'bilateral', status: 'tentative', start: at(DAY1, '10:00'), end: at(DAY1, '10:30'), roomId: fx.rooms.salon, participants: who });
    const res = await move(m.id, [['shift', 'next-free']]);
    expect(res.status).toBe(303);
    expect([stored(m.id).start, stored(m.id).end]).toEqual([at(DAY1, '11:00'), at(DAY1, '11:30')]);
    expect(ctx.services.meetings.conflictsOf(stored(m.id))).toEqual([]);
  });

  it('refuses a move into an error-level clash with the reason, the form kept and nothing written', async () => {
    const who = [{ personId: fx.people.governor, role: 'counterpart' }];
    ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: 'Governor’s lunch', kind: 'reception', status: 'confirmed', start: at(DAY2, '13:00'), end: at(DAY2, '14:00'), participants: who });
    const m = ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: 'Governor’s call', kind: 'bilateral', status: 'confirmed', start: at(DAY2, '15:00'), end: at(DAY2, '15:30'), participants: who }).meeting;
    const res = await move(m.id, [['start', at(DAY2, '13:15')]]);
    expect(res.status).toBe(409);
    const page = textOf(res.text);
    expect(page).toContain('“Governor’s call” cannot be confirmed');
    expect(page).toContain('Governor’s lunch');
    expect(valueOf(formFieldsOf(res.text, { action: `${base}/${m.id}/move` }), 'start')).toBe(at(DAY2, '13:15'));
    expect(stored(m.id)).toMatchObject({ start: at(DAY2, '15:00'), version: m.version });
  });

  it.each([
    { name: 'a shift of 0', fields: [['shift', '0']], says: 'not 0' },
    { name: 'a shift beyond a day', fields: [['shift', '100000']], says: 'at most 1440' },
    { name: 'a shift that is no number', fields: [['shift', 'later']], says: 'whole number of minutes' },
    { name: 'a start that is no time', fields: [['start', 'tomorrow']], says: 'as date and time' },
  ] as { name: string; fields: [string, string][]; says: string }[])('refuses $name with a clear message', async ({ fields, says }) => {
    const m = aMeeting();
    const res = await move(m.id, fields);
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain(says);
    expect(stored(m.id).version).toBe(m.version);
  });

  it('answers a stale version with 412 and the form again', async () => {
    const m = aMeeting();
    const res = await postForm(planner, `${base}/${m.id}`, `${base}/${m.id}/move`, [['version', String(m.version - 1)], ['shift', '15']]);
    expect(res.status).toBe(412);
    expect(stored(m.id).start).toBe(m.start);
  });

  it('is shown to planners only; a viewer can neither see nor post it', async () => {
    const m = aMeeting();
    expect((await planner.get(`${base}/${m.id}`)).text).toContain(`action="${base}/${m.id}/move"`);
    expect((await viewer.get(`${base}/${m.id}`)).text).not.toContain(`/move"`);
    expect((await viewer.get(`${base}/${m.id}/move`)).status).toBe(403);
    const res = await postForm(viewer, `${base}/${m.id}`, `${base}/${m.id}/move`, [['shift', '15'], ['version', String(m.version)]]);
    expect(res.status).toBe(403);
    expect(stored(m.id).version).toBe(m.version);
  });
});

describe('cancelling asks first, saying which calendars it updates', () => {
  it('the status button only leads to the confirmation page; that page names the links and the public feed', async () => {
    const m = aMeeting({ participants: [{ personId: fx.people.minister, role: 'principal' }], delegationIds: [fx.delegations.azerbaijan], roomId: fx.rooms.hall, isPublic: true });
    ctx.services.feeds.createToken(SYSTEM_ACTOR, fx.forumId, { scope: 'person', scopeId: fx.people.minister, label: 'Minister’s phone' });
    ctx.services.feeds.createToken(SYSTEM_ACTOR, fx.forumId, { scope: 'delegation', scopeId: fx.delegations.azerbaijan, label: 'Protocol' });
    ctx.services.feeds.createToken(SYSTEM_ACTOR, fx.forumId, { scope: 'room', scopeId: fx.rooms.roomB, label: 'Another room' });
    const revoked = ctx.services.feeds.createToken(SYSTEM_ACTOR, fx.forumId, { scope: 'person', scopeId: fx.people.minister, label: 'Old phone' }).token;
    ctx.services.feeds.revoke(SYSTEM_ACTOR, revoked.id);

    const show = await planner.get(`${base}/${m.id}`);
    expect(show.text).toContain(`href="${base}/${m.id}/cancel" data-open-dialog="cancel-dialog"`);
    const viaStatus = await postForm(planner, `${base}/${m.id}`, `${base}/${m.id}/status`, [['action', 'cancel'], ['version', String(m.version)]]);
    expect(viaStatus.headers.location).toBe(`${base}/${m.id}/cancel`);
    expect(stored(m.id).status).toBe('tentative');

    const page = textOf((await planner.get(`${base}/${m.id}/cancel`)).text);
    expect(page).toContain('This will update 3 subscribed calendars');
    expect(page).toContain(`Person ${ctx.services.people.get(fx.people.minister).fullName} · “Minister’s phone”`);
    expect(page).toContain('· “Protocol”');
    expect(page).toContain('public programme');
    expect(page).not.toContain('Another room');
    expect(page).not.toContain('Old phone');
  });

  it('a meeting no feed shows says so', async () => {
    const m = aMeeting();
    expect(textOf((await planner.get(`${base}/${m.id}/cancel`)).text)).toContain('No subscribed calendar shows this meeting yet');
  });

  it('POST with the CSRF token cancels; without it, nothing changes', async () => {
    const m = aMeeting();
    const forged = await planner.agent.post(`${base}/${m.id}/cancel`).type('form').send({ version: String(m.version) });
    expect(forged.status).toBe(403);
    expect(stored(m.id).status).toBe('tentative');
    const res = await postForm(planner, `${base}/${m.id}/cancel`, `${base}/${m.id}/cancel`, [['version', String(m.version)]]);
    expect(res.status).toBe(303);
    expect(stored(m.id)).toMatchObject({ status: 'cancelled', sequence: m.sequence + 1 });
  });

  it('a stale confirmation is refused with 412, the meeting as it is now', async () => {
    const m = aMeeting();
    const res = await postForm(planner, `${base}/${m.id}/cancel`, `${base}/${m.id}/cancel`, [['version', String(m.version + 5)]]);
    expect(res.status).toBe(412);
    expect(stored(m.id).status).toBe('tentative');
  });

  it('a viewer gets neither the page nor the action', async () => {
    const m = aMeeting();
    expect((await viewer.get(`${base}/${m.id}/cancel`)).status).toBe(403);
    expect(stored(m.id).status).toBe('tentative');
  });
});
