import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

/**
 * The conflict report and the day grids are kept between requests until the
 * programme changes (services/derived-cache.ts). A kept view must never show
 * a stale conflict: a save that makes a clash shows it on the very next page,
 * and a save that removes it takes it away, on every view that shows it.
 */
let ctx: TestContext;
let planner: SignedIn;
let forumId: number;
const DAY = '2019-06-07';
const TITLE = 'Stale-check visit';
const DROZDENKO = 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko';

beforeAll(async () => {
  ctx = createTestApp();
  forumId = ctx.demo!.forumId;
  planner = await signIn(ctx, 'fresh-planner');
});
afterAll(() => ctx.close());

/** The double-booking sentences of a page that name the new meeting. */
const clashesNamingIt = (html: string) => [...textOf(html).matchAll(/is booked (?:for|in) .*?at the same time\./g)].map((m) => m[0]).filter((s) => s.includes(TITLE));

const pages = {
  'the day grid': () => `/forums/${forumId}/grid/rooms/${DAY}`,
  'the conflicts page': () => `/forums/${forumId}/conflicts`,
  'the delegation’s agenda for the day': () => `/forums/${forumId}/agenda/delegation/${ctx.demo!.delegations.azerbaijan}/${DAY}`,
  'the meetings list of the day': () => `/forums/${forumId}/meetings?day=${DAY}`,
};

/** What each page says of the new meeting's clashes; the grid and the list say it in the Governor's meeting's cell or row (its tooltip). */
async function clashesOnEachPage(): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const [name, url] of Object.entries(pages)) {
    const res = await planner.get(url());
    expect(res.status).toBe(200);
    const inElement = name === 'the day grid' ? elementOf(res.text, /<td rowspan="\d+" class="grid-entry[\s\S]*?<\/td>/g) : name === 'the meetings list of the day' ? elementOf(res.text, /<tr class="status-[\s\S]*?<\/tr>/g) : null;
    found[name] = inElement === null ? clashesNamingIt(res.text).length : inElement.split(TITLE).length - 1;
  }
  return found;
}

/** The Governor's meeting's grid cell or list row. */
function elementOf(html: string, elements: RegExp): string {
  const found = [...html.matchAll(elements)].map((m) => m[0]).find((element) => element.includes(DROZDENKO));
  expect(found).toBeDefined();
  return found!;
}

const none = Object.fromEntries(Object.keys(pages).map((name) => [name, 0]));

it('shows a clash as soon as a save makes it, and drops it as soon as a save removes it', async () => {
  // Every view built and kept before the save.
  expect(await clashesOnEachPage()).toEqual(none);
  expect(await clashesOnEachPage()).toEqual(none);

  const { meeting } = ctx.services.meetings.create(SYSTEM_ACTOR, forumId, {
    title: TITLE,
    kind: 'bilateral',
    status: 'tentative',
    start: `${DAY}T10:15`,
    end: `${DAY}T10:45`,
    roomId: ctx.demo!.rooms.bilateral1,
    participants: [{ personId: ctx.demo!.people.mustafayev, role: 'principal' }],
    delegationIds: [ctx.demo!.delegations.azerbaijan],
  });
  const made = await clashesOnEachPage();
  for (const [name, count] of Object.entries(made)) expect([name, count > 0]).toEqual([name, true]);

  ctx.services.meetings.update(SYSTEM_ACTOR, meeting.id, meeting.version, { ...meetingInput(meeting.id), start: `${DAY}T07:00`, end: `${DAY}T07:30` });
  expect(await clashesOnEachPage()).toEqual(none);
});

function meetingInput(id: number): Record<string, unknown> {
  const m = ctx.services.meetings.get(id);
  return { title: m.title, kind: m.kind, status: m.status, start: m.start, end: m.end, roomId: m.roomId, participants: m.participants, delegationIds: m.delegationIds };
}

it('shows a forum renamed or added in the header’s switcher on the very next page (the kept forum list follows the audit log)', async () => {
  const switcher = async () => {
    const html = (await planner.get(`/forums/${forumId}/meetings`)).text;
    return [...(/<form class="forum-switcher"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '').matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);
  };
  const before = await switcher();
  expect(before).toContain(ctx.services.forums.get(forumId).shortName);
  const forum = ctx.services.forums.get(forumId);
  const { id: _id, version, ...values } = forum;
  ctx.services.forums.update(SYSTEM_ACTOR, forumId, version, { ...values, shortName: 'SPIEF renamed' });
  expect(await switcher()).toContain('SPIEF renamed');
  ctx.services.forums.create(SYSTEM_ACTOR, { ...values, shortName: 'Second forum', name: 'A second forum' });
  expect(await switcher()).toEqual(expect.arrayContaining(['SPIEF renamed', 'Second forum']));
});
