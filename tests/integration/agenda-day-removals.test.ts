/**
 * A day's sheet reads only the meetings near its day, and those the last
 * print showed: a meeting printed on 6 June and then moved two days on, to
 * 8 June, is far from the 6 June sheet's day, yet that sheet must still say
 * where it went.
 */
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { toInput } from '../../src/services/meetings';
import { localDateOf } from '../../src/domain/time';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

let now = Date.UTC(2019, 5, 5, 18, 0);
let ctx: TestContext;
let planner: SignedIn;
const base = () => `/forums/${ctx.demo!.forumId}/agenda/delegation/${ctx.demo!.delegations.azerbaijan}`;

beforeAll(async () => {
  ctx = createTestApp({ clock: () => now });
  planner = await signIn(ctx, 'day-planner', 'planner');
});
afterAll(() => ctx.close());

it('says on the first day that a printed meeting moved to the last day', async () => {
  const zone = 'Europe/Moscow';
  const sheet = await planner.get(`${base()}/2019-06-06`);
  const titles = [...sheet.text.matchAll(/<strong class="title">([^<]*)<\/strong>/g)].map((m) => textOf(m[1]!));
  const onFirstDay = ctx.services.meetings
    .list({ forumId: ctx.demo!.forumId })
    .find((m) => m.status !== 'cancelled' && localDateOf(m.startUtc, zone) === '2019-06-06' && titles.includes(m.title));
  expect(onFirstDay).toBeDefined();
  const printed = await planner.submit(`${base()}/2019-06-06`, `${base()}/printed`, { day: '2019-06-06' });
  expect(printed.status).toBeLessThan(400);

  now += 3600_000;
  const m = onFirstDay!;
  // Two days on, as a tentative meeting so that no clash on 8 June refuses the move.
  const shift = (iso: string) => iso.replace('2019-06-06', '2019-06-08');
  ctx.services.meetings.update(SYSTEM_ACTOR, m.id, m.version, { ...toInput(m), status: 'tentative', start: shift(m.start), end: shift(m.end) });

  const after = textOf((await planner.get(`${base()}/2019-06-06`)).text);
  expect(after).toContain('No longer on this day since the last print');
  expect(after).toMatch(new RegExp(`${m.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.{0,5}moved to .*8 June`));
});
