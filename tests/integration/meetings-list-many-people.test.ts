import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

/**
 * Past a few hundred people, the meetings list's person filter would be most
 * of the page (a forum of 5,000 people: 250 KB of options on every look). It
 * then offers only the person already chosen, and the search finds the rest.
 */
let ctx: TestContext;
let planner: SignedIn;
let forumId: number;
const DAY = '2019-06-07';
const optionsOf = (html: string) => [.../<select id="fl-person"[^>]*>([\s\S]*?)<\/select>/.exec(html)![1]!.matchAll(/<option value="(\d*)"/g)].map((m) => m[1]);

beforeAll(async () => {
  ctx = createTestApp();
  forumId = ctx.demo!.forumId;
  planner = await signIn(ctx, 'list-planner');
});
afterAll(() => ctx.close());

it('lists every person while the contact book is short', async () => {
  const res = await planner.get(`/forums/${forumId}/meetings?day=${DAY}`);
  expect(optionsOf(res.text).length).toBe(ctx.services.people.count() + 1);
  expect(res.text).not.toContain('Too many people to list');
});

it('offers only the chosen person past 300 people, and the search still finds anyone', async () => {
  for (let i = ctx.services.people.count(); i <= 300; i++) ctx.services.people.create(SYSTEM_ACTOR, { fullName: `Visitor ${String(i).padStart(3, '0')}`, languages: 'en' });
  const mustafayev = ctx.demo!.people.mustafayev;
  const all = await planner.get(`/forums/${forumId}/meetings?day=${DAY}`);
  expect(optionsOf(all.text)).toEqual(['']);
  expect(textOf(all.text)).toContain('Too many people to list: type a name in Search.');
  const chosen = await planner.get(`/forums/${forumId}/meetings?day=${DAY}&person=${mustafayev}`);
  expect(optionsOf(chosen.text)).toEqual(['', String(mustafayev)]);
  expect(chosen.text).toMatch(new RegExp(`<option value="${mustafayev}" selected`));
  const searched = await planner.get(`/forums/${forumId}/meetings?day=${DAY}&q=Drozdenko`);
  expect(textOf(searched.text)).toContain('Meeting with Governor of Leningrad Region Aleksandr Drozdenko');
});
