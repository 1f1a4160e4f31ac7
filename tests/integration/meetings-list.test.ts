/**
 * The meeting list's filters over the demo programme (SPIEF 2019): each filter
 * alone, combined, and with values a hand-edited URL might carry.
 */
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

let ctx: TestContext;
let planner: SignedIn;
const demo = () => ctx.demo!;

beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'lister', 'planner');
});
afterAll(() => ctx.close());

const DROZDENKO = 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko';
const PRESS = 'Press approach after the meeting with Governor Drozdenko';
const FAIRS = 'Working meeting at the Government of Leningrad Region on joint food fairs';
const GAZ = 'Meeting with GAZ Group on the Hajigabul plant';
const SIGNING = 'Signing of the cooperation agreement between AZPROMO and the Roscongress Foundation';
const RECEPTION = 'Reception of the Embassy of Azerbaijan';
const OPENING = 'Opening of the meeting of Azerbaijani and Russian entrepreneurs';

/** The titles the list shows, in order. */
async function titlesFor(query: string): Promise<string[]> {
  const res = await planner.get(`/forums/${demo().forumId}/meetings${query}`);
  expect(res.status).toBe(200);
  return [...res.text.matchAll(/<td class="title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => textOf(m[1]!));
}

it('lists the whole programme by day without filters', async () => {
  const res = await planner.get(`/forums/${demo().forumId}/meetings`);
  const text = textOf(res.text);
  expect(text).toContain('12 meetings · times in Europe/Moscow');
  expect(text).toMatch(/Thursday, 6 June 2019 .*Arrival briefing of the delegation .*Friday, 7 June 2019 .*Morning briefing .*Saturday, 8 June 2019 .*Morning briefing/);
});

it.each([
  { name: 'day', query: () => '?day=2019-06-08', expected: ['Morning briefing', OPENING] },
  { name: 'person (Governor Drozdenko)', query: () => `?person=${demo().people.drozdenko}`, expected: [DROZDENKO] },
  { name: 'delegation (Leningrad Region)', query: () => `?delegation=${demo().delegations.leningrad}`, expected: [DROZDENKO, FAIRS] },
  { name: 'kind', query: () => '?kind=signing', expected: [SIGNING] },
  { name: 'status', query: () => '?status=tentative', expected: [FAIRS, RECEPTION] },
  { name: 'room', query: () => `?room=${demo().rooms.bilateral2}`, expected: [GAZ] },
  { name: 'search in titles', query: () => '?q=drozdenko', expected: [DROZDENKO, PRESS] },
  { name: 'search in participant names', query: () => '?q=Orlov', expected: [GAZ] },
  { name: 'search in names in local script', query: () => `?q=${encodeURIComponent('Дрозденко')}`, expected: [DROZDENKO] },
  { name: 'search in the place', query: () => '?q=smolny', expected: [FAIRS] },
  {
    name: 'day, person and status together',
    query: () => `?day=2019-06-07&person=${demo().people.deputy}&status=confirmed`,
    expected: ['Morning briefing', 'Transfer to ExpoForum', DROZDENKO, GAZ],
  },
  { name: 'kind and room that never meet', query: () => `?kind=panel&room=${demo().rooms.hotelRoom}`, expected: [] },
])('filters by $name', async ({ query, expected }) => {
  expect(await titlesFor(query())).toEqual(expected);
});

it('says so when nothing matches', async () => {
  expect(textOf((await planner.get(`/forums/${demo().forumId}/meetings?q=nothing-like-this`)).text)).toContain('0 meetings · times in Europe/Moscow No meetings match these filters.');
});

it('shows Baku times beside Moscow times when the Azerbaijani delegation is the filter', async () => {
  const text = textOf((await planner.get(`/forums/${demo().forumId}/meetings?day=2019-06-07&delegation=${demo().delegations.azerbaijan}`)).text);
  expect(text).toContain('times in Europe/Moscow with Asia/Baku beside');
  expect(text).toContain(`10:00–11:00 Baku 11:00–12:00 ${DROZDENKO}`);
});

it('keeps the chosen filters selected in the form', async () => {
  const res = await planner.get(`/forums/${demo().forumId}/meetings?day=2019-06-07&kind=bilateral&status=confirmed&q=gaz`);
  expect(res.text).toMatch(/<option value="2019-06-07" selected>/);
  expect(res.text).toMatch(/<option value="bilateral" selected>/);
  expect(res.text).toMatch(/<option value="confirmed" selected>/);
  expect(res.text).toContain('name="q" value="gaz"');
});

it('marks meetings with conflicts in the list', async () => {
  const res = await planner.get(`/forums/${demo().forumId}/meetings?status=tentative`);
  expect(res.text).toMatch(new RegExp(`<tr class="status-tentative has-warning">[\\s\\S]*?${FAIRS}[\\s\\S]*?badge-warning`));
});

it.each([
  { name: 'an unknown kind and status', query: '?kind=picnic&status=maybe' },
  { name: 'a day that is no date', query: '?day=friday' },
  { name: 'a person that is no number', query: '?person=abc' },
  { name: 'a room that does not exist', query: '?room=99999' },
])('ignores or empties on $name instead of failing', async ({ query }) => {
  const res = await planner.get(`/forums/${demo().forumId}/meetings${query}`);
  expect(res.status).toBe(200);
});
