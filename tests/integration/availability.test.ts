import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

/** Unavailability blocks: the list, the form with its messages, deleting, and where the blocks show up. */
let ctx: TestContext;
let planner: SignedIn;
let base: string;

beforeAll(async () => {
  ctx = createTestApp();
  base = `/forums/${ctx.demo!.forumId}/availability`;
  planner = await signIn(ctx, 'availability-planner');
});
afterAll(() => ctx.close());

const blocksOf = () => ctx.services.availability.list(ctx.demo!.forumId);

describe('the list of blocks', () => {
  it('names the person or room of each demo block with its times and reason', async () => {
    const text = textOf((await planner.get(base)).text);
    expect(text).toContain('room Congress Hall D Fri 7 Jun 08:00 09:30 Stage set-up (illustrative)');
    expect(text).toContain('person Shahin Mustafayev Sat 8 Jun 14:30 23:59 Return flight to Baku (illustrative)');
  });

  it('shows a viewer the blocks without delete buttons or the form', async () => {
    const viewer = await signIn(ctx, 'availability-viewer', 'viewer');
    const res = await viewer.get(base);
    expect(textOf(res.text)).toContain('Stage set-up');
    expect(res.text).not.toContain('/delete"');
    expect((await viewer.get(`${base}/new`)).status).toBe(403);
  });
});

describe('adding a block', () => {
  it('saves it, says which meeting now falls inside it, and shows it in the grid and on the conflicts page', async () => {
    const leyla = ctx.demo!.people.adviser!;
    const res = await planner.submit(`${base}/new`, base, { target: `person:${leyla}`, start: '2019-06-07T10:30', end: '2019-06-07T11:30', reason: 'Call with Baku' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(base);
    const list = textOf((await planner.get(base)).text);
    expect(list).toContain('Saved: Leyla Mammadova unavailable Fri 7 Jun 10:30–11:30.');
    expect(list).toContain('A meeting falls in this block: see Conflicts.');
    expect(list).toContain('person Leyla Mammadova Fri 7 Jun 10:30 11:30 Call with Baku');

    const grid = textOf((await planner.get(`/forums/${ctx.demo!.forumId}/grid/people/2019-06-07`)).text);
    expect(grid).toContain('10:30–11:30 Unavailable · Call with Baku');
    const conflicts = textOf((await planner.get(`/forums/${ctx.demo!.forumId}/conflicts`)).text);
    expect(conflicts).toContain('Leyla Mammadova is unavailable');
    expect(conflicts).toContain('(Call with Baku)');
  });

  it('offers people by delegation and rooms by venue, and takes a preset day', async () => {
    const res = await planner.get(`${base}/new?date=2019-06-08&target=room:${ctx.demo!.rooms.congressHall}`);
    expect(res.text).toContain('<optgroup label="Azerbaijan — Ministry of Economy">');
    expect(res.text).toContain('<optgroup label="Rooms · ExpoForum">');
    expect(res.text).toContain(`<option value="room:${ctx.demo!.rooms.congressHall}" selected>Congress Hall D</option>`);
    expect(res.text).toContain('value="2019-06-08T09:00"');
  });

  it.each([
    { name: 'nobody chosen', fields: { target: '' }, says: 'Choose a person or a room from the list.' },
    { name: 'a room that does not exist', fields: { target: 'room:99999' }, says: 'Choose a person or a room from the list.' },
    { name: 'the end before the start', fields: { end: '2019-06-07T09:00' }, says: 'The end must be after the start.' },
    { name: 'no start', fields: { start: '' }, says: 'Enter the start' },
  ])('refuses $name with the message beside the field and keeps the input', async ({ fields, says }) => {
    const before = blocksOf().length;
    const res = await planner.submit(`${base}/new`, base, {
      target: `person:${ctx.demo!.people.deputy}`,
      start: '2019-06-07T12:00',
      end: '2019-06-07T13:00',
      reason: 'Private appointment',
      ...fields,
    });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain(says);
    expect(res.text).toContain('value="Private appointment"');
    expect(blocksOf().length).toBe(before);
  });
});

describe('deleting a block', () => {
  it('removes it from the list and the grid', async () => {
    const block = ctx.services.availability.create(SYSTEM_ACTOR, ctx.demo!.forumId, { subject: 'room', subjectId: ctx.demo!.rooms.stand, start: '2019-06-08T08:00', end: '2019-06-08T09:00', reason: 'Stand cleaning' });
    const grid = `/forums/${ctx.demo!.forumId}/grid/rooms/2019-06-08`;
    expect(textOf((await planner.get(grid)).text)).toContain('Stand cleaning');

    const res = await planner.submit(base, `${base}/${block.id}/delete`, {});
    expect(res.status).toBe(303);
    const list = textOf((await planner.get(base)).text);
    expect(list).toContain('Removed: Azerbaijan national stand, Pavilion H unavailable Sat 8 Jun 08:00–09:00.');
    expect(list).not.toContain('Stand cleaning');
    expect(textOf((await planner.get(grid)).text)).not.toContain('Stand cleaning');
  });

  it('answers 404 for a block of another forum or none', async () => {
    const other = ctx.services.forums.create(SYSTEM_ACTOR, { name: 'Other forum', shortName: 'OF', startDate: '2019-06-07', endDate: '2019-06-07', timeZone: 'Europe/Moscow', city: '' });
    const [demoBlock] = blocksOf();
    expect((await planner.submit(base, `/forums/${other.id}/availability/${demoBlock!.id}/delete`, {})).status).toBe(404);
    expect((await planner.submit(base, `${base}/99999/delete`, {})).status).toBe(404);
    expect(blocksOf().map((b) => b.id)).toContain(demoBlock!.id);
  });
});
