/**
 * The meeting list's filters over a known programme (tests/support/meeting-fixture.ts):
 * each filter alone, combined, and with values a hand-edited URL might carry.
 */
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { createFixtureForum, DAY1, DAY2, type FixtureForum } from '../support/meeting-fixture';

let ctx: TestContext;
let planner: SignedIn;
let fx: FixtureForum;

beforeAll(async () => {
  ctx = createTestApp();
  fx = createFixtureForum(ctx.services);
  planner = await signIn(ctx, 'lister', 'planner');
});
afterAll(() => ctx.close());

/** The titles the list shows, in order. */
async function titlesFor(query: string): Promise<string[]> {
  const res = await planner.get(`${fx.base}${query}`);
  expect(res.status).toBe(200);
  return [...res.text.matchAll(/<td class="title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => textOf(m[1]!));
}

it('lists the whole programme by day, cancelled meetings included', async () => {
  const text = textOf((await planner.get(fx.base)).text);
  expect(text).toContain('8 meetings · times in Moscow');
  expect(text).toMatch(/Monday, 10 June 2019 .*Delegation briefing .*Call with the ministry .*Tuesday, 11 June 2019 .*Press approach .*Lunch with the embassy/);
});

it.each([
  { name: 'day', query: () => `?day=${DAY2}`, expected: ['Press approach', 'Investment panel', 'Lunch with the embassy'] },
  { name: 'person', query: () => `?person=${fx.people.governor}`, expected: ['Talks with the Governor', 'Signing of the roadmap'] },
  { name: 'delegation', query: () => `?delegation=${fx.delegations.leningrad}`, expected: ['Talks with the Governor', 'Signing of the roadmap'] },
  { name: 'kind', query: () => '?kind=bilateral', expected: ['Talks with the Governor', 'Plant follow-up', 'Call with the ministry'] },
  { name: 'status', query: () => '?status=tentative', expected: ['Plant follow-up'] },
  { name: 'status cancelled', query: () => '?status=cancelled', expected: ['Lunch with the embassy'] },
  { name: 'room', query: () => `?room=${fx.rooms.hall}`, expected: ['Signing of the roadmap', 'Investment panel'] },
  { name: 'search in titles, any case', query: () => '?q=ROADMAP', expected: ['Signing of the roadmap'] },
  { name: 'search in participant names', query: () => '?q=orlov', expected: ['Plant follow-up'] },
  { name: 'search in names in local script', query: () => `?q=${encodeURIComponent('губернатор')}`, expected: ['Talks with the Governor', 'Signing of the roadmap'] },
  { name: 'search in the place', query: () => '?q=smolny', expected: ['Press approach'] },
  { name: 'search in the room and venue', query: () => '?q=salon', expected: ['Delegation briefing', 'Lunch with the embassy'] },
  { name: 'day, person and status together', query: () => `?day=${DAY1}&person=${fx.people.deputy}&status=confirmed`, expected: ['Delegation briefing'] },
  { name: 'kind and room that never meet', query: () => `?kind=panel&room=${fx.rooms.salon}`, expected: [] },
])('filters by $name', async ({ query, expected }) => {
  expect(await titlesFor(query())).toEqual(expected);
});

it('says so when nothing matches', async () => {
  expect(textOf((await planner.get(`${fx.base}?q=nothing-like-this`)).text)).toContain('0 meetings · times in Moscow No meetings match these filters.');
});

it('shows Baku times beside Moscow times when the Azerbaijani delegation is the filter', async () => {
  const text = textOf((await planner.get(`${fx.base}?day=${DAY1}&delegation=${fx.delegations.azerbaijan}`)).text);
  expect(text).toContain('times in Moscow with Baku beside');
  expect(text).toContain('10:30–11:30 Baku 11:30–12:30 Talks with the Governor');
});

it('shows one clock when the delegation lives in the forum’s zone', async () => {
  const text = textOf((await planner.get(`${fx.base}?delegation=${fx.delegations.leningrad}`)).text);
  expect(text).not.toContain('beside');
  expect(text).not.toContain('Baku');
});

it('keeps the chosen filters selected in the form', async () => {
  const res = await planner.get(`${fx.base}?day=${DAY1}&kind=bilateral&status=confirmed&q=talks&room=${fx.rooms.roomA}`);
  expect(res.text).toContain(`<option value="${DAY1}" selected>`);
  expect(res.text).toContain('<option value="bilateral" selected>');
  expect(res.text).toContain('<option value="confirmed" selected>');
  expect(res.text).toContain(`<option value="${fx.rooms.roomA}" selected>`);
  expect(res.text).toContain('name="q" value="talks"');
});

it('marks meetings with conflicts and cancelled ones in the list', async () => {
  const res = await planner.get(`${fx.base}?day=${DAY1}`);
  expect(res.text).toMatch(/<tr class="status-tentative has-warning">[\s\S]*?Plant follow-up[\s\S]*?badge-warning/);
  expect(res.text).toMatch(/<tr class="status-proposed has-warning">[\s\S]*?Call with the ministry/);
  expect(res.text).toMatch(/<tr class="status-confirmed ">[\s\S]*?Talks with the Governor/);
  const day2 = await planner.get(`${fx.base}?day=${DAY2}`);
  expect(day2.text).toMatch(/<tr class="status-cancelled ">[\s\S]*?Lunch with the embassy/);
});

it.each([
  { name: 'an unknown kind and status', query: '?kind=picnic&status=maybe', count: 8 },
  { name: 'a day that is no date', query: '?day=friday', count: 8 },
  { name: 'a person that is no number', query: '?person=abc', count: 0 },
  { name: 'a room that does not exist', query: '?room=99999', count: 0 },
])('ignores or empties on $name instead of failing', async ({ query, count }) => {
  expect(await titlesFor(query)).toHaveLength(count);
});
