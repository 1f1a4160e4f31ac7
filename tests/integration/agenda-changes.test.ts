/**
 * "Changed since last print": a planner marks the delegation's agenda printed
 * on the eve of 7 June; the programme then moves on, and the next printout
 * marks each difference against what the paper in people's pockets says.
 */
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { toInput } from '../../src/services/meetings';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

/** 21:15 Moscow on 6 June: the first print. Later steps move the clock on. */
let now = Date.UTC(2019, 5, 6, 18, 15);

let ctx: TestContext;
let planner: SignedIn;
const demo = () => ctx.demo!;
const base = () => `/forums/${demo().forumId}/agenda/delegation/${demo().delegations.azerbaijan}`;

beforeAll(async () => {
  ctx = createTestApp({ clock: () => now });
  planner = await signIn(ctx, 'print-planner', 'planner');
});
afterAll(() => ctx.close());

const PRESS = 'Press approach after the meeting with Governor Drozdenko';
const SIGNING = 'Signing of the cooperation agreement between AZPROMO and the Roscongress Foundation';
const FAIRS = 'Working meeting at the Government of Leningrad Region on joint food fairs';
const PANEL = 'Panel: Russia and Azerbaijan, from trade to strategic partnership';
const PANEL_RENAMED = 'Panel: Russia and Azerbaijan — from trade to strategic partnership';
const RECEPTION = 'Reception of the Embassy of Azerbaijan';
const CALL = 'Call with the Embassy on the reception guest list';

/** Each entry of a day sheet as [time, title, marks], and whether its title is struck through. */
async function entriesOn(day: string): Promise<{ rows: [string, string, string][]; struck: string[]; page: string }> {
  const res = await planner.get(`${base()}/${day}`);
  expect(res.status).toBe(200);
  const rows = [...res.text.matchAll(/<tr class="entry status-(\w+)[^"]*">([\s\S]*?)<\/tr>/g)].map((m) => ({
    status: m[1]!,
    time: textOf(/<span class="t-forum">([^<]*)<\/span>/.exec(m[2]!)![1]!),
    title: textOf(/<strong class="title">([^<]*)<\/strong>/.exec(m[2]!)![1]!),
    marks: [...m[2]!.matchAll(/<span class="mark mark-(?:new|moved|changed|cancelled)">(\w+)<\/span>/g)].map((x) => x[1]!).join(' '),
  }));
  return { rows: rows.map((r) => [r.time, r.title, r.marks]), struck: rows.filter((r) => r.status === 'cancelled').map((r) => r.title), page: textOf(res.text) };
}

const meeting = (title: string) => ctx.services.meetings.list({ forumId: demo().forumId }).find((m) => m.title === title)!;
const edit = (title: string, changes: Record<string, unknown>) => {
  const m = meeting(title);
  return ctx.services.meetings.update(SYSTEM_ACTOR, m.id, m.version, { ...toInput(m), ...changes });
};

it('marks nothing before the first print, and leaves out a meeting cancelled before it', async () => {
  ctx.services.meetings.setStatus(SYSTEM_ACTOR, meeting(RECEPTION).id, null, 'cancelled');
  const { rows, struck, page } = await entriesOn('2019-06-07');
  expect(rows.map(([, title]) => title)).not.toContain(RECEPTION);
  expect(rows.every(([, , marks]) => marks === '')).toBe(true);
  expect(struck).toEqual([]);
  expect(page).toContain('not printed before');
});

it('records the print through the page’s form and says so', async () => {
  const res = await planner.submit(`${base()}/2019-06-07`, `${base()}/printed`, { day: '2019-06-07' });
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe(`${base()}/2019-06-07`);
  const after = await planner.get(res.headers.location!);
  expect(textOf(after.text)).toContain('Marked as printed: the next printout marks what changed since now.');
  expect(textOf(after.text)).toContain('changes marked since the print of Thursday, 6 June 2019, 21:15 Moscow by print-planner');
  const { rows } = await entriesOn('2019-06-07');
  expect(rows.every(([, , marks]) => marks === '')).toBe(true);
});

describe('after the programme changes', () => {
  let stampBefore: string;

  beforeAll(async () => {
    stampBefore = /version ([0-9a-f]{8})/.exec((await entriesOn('2019-06-07')).page)![1]!;
    now = Date.UTC(2019, 5, 6, 19, 40);
    edit(PRESS, { start: '2019-06-07T11:15', end: '2019-06-07T11:35' });
    ctx.services.meetings.setStatus(SYSTEM_ACTOR, meeting(SIGNING).id, null, 'cancelled');
    edit(PANEL, { title: PANEL_RENAMED });
    edit(FAIRS, { start: '2019-06-08T12:00', end: '2019-06-08T12:45' });
    ctx.services.meetings.create(SYSTEM_ACTOR, demo().forumId, {
      title: CALL,
      kind: 'briefing',
      status: 'confirmed',
      start: '2019-06-07T18:00',
      end: '2019-06-07T18:20',
      place: 'By telephone',
      participants: [{ personId: demo().people.adviser!, role: 'principal' }],
      delegationIds: [demo().delegations.azerbaijan],
    });
  });

  it('marks each entry new, moved, changed or cancelled against the last print', async () => {
    const { rows } = await entriesOn('2019-06-07');
    expect(rows).toEqual([
      ['08:00–08:40', 'Morning briefing', ''],
      ['08:45–09:30', 'Transfer to ExpoForum', ''],
      ['10:00–11:00', 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko', ''],
      ['11:15–11:35', PRESS, 'MOVED'],
      ['12:00–12:30', SIGNING, 'CANCELLED'],
      ['13:30–14:15', 'Meeting with GAZ Group on the Hajigabul plant', ''],
      ['16:00–17:15', PANEL_RENAMED, 'CHANGED'],
      ['18:00–18:20', CALL, 'NEW'],
    ]);
  });

  it('strikes through the cancellation that the last paper still shows', async () => {
    const { struck } = await entriesOn('2019-06-07');
    expect(struck).toEqual([SIGNING]);
    const html = (await planner.get(`${base()}/2019-06-07`)).text;
    expect(html).toMatch(/<tr class="entry status-cancelled changed-cancelled[^"]*">/);
  });

  it('says which meeting left the day and where it went', async () => {
    const { page } = await entriesOn('2019-06-07');
    expect(page).toContain(`Removed No longer on this day since the last print 14:30–15:15 ${FAIRS} — moved to Saturday, 8 June 2019 12:00–12:45`);
    const saturday = await entriesOn('2019-06-08');
    expect(saturday.rows).toContainEqual(['12:00–12:45', FAIRS, 'MOVED']);
  });

  it('dates the comparison and changes the version stamp', async () => {
    const { page } = await entriesOn('2019-06-07');
    expect(page).toContain('Marks: changes since the print of Thursday, 6 June 2019, 21:15 Moscow');
    expect(page).toContain('Printed Thursday, 6 June 2019, 22:40 Moscow');
    expect(/version ([0-9a-f]{8})/.exec(page)![1]).not.toBe(stampBefore);
  });

  it('drops the marks and the struck cancellation once the new sheet is marked printed', async () => {
    now = Date.UTC(2019, 5, 6, 19, 50);
    expect((await planner.submit(`${base()}/2019-06-07`, `${base()}/printed`, { day: '2019-06-07' })).status).toBe(303);
    const { rows, struck, page } = await entriesOn('2019-06-07');
    expect(rows.map(([, title]) => title)).not.toContain(SIGNING);
    expect(rows.every(([, , marks]) => marks === '')).toBe(true);
    expect(struck).toEqual([]);
    expect(page).not.toContain('No longer on this day');
    expect(page).toContain('changes marked since the print of Thursday, 6 June 2019, 22:50 Moscow');
  });
});
