/**
 * Lists a page at a time (src/web/list-query.ts): page boundaries, the filters
 * and sort kept in the links, counts, bad page sizes and cursors (a 400 with a
 * sentence, never a 500), and a row inserted before the cursor between two
 * pages, which must neither repeat nor skip a row that was there before.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { addUser, createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { createFixtureForum, DAY1, DAY2, type FixtureForum } from '../support/meeting-fixture';

let ctx: TestContext;
let planner: SignedIn;
let admin: SignedIn;
let fx: FixtureForum;
let auth: { Authorization: string };

/** Seven meetings on day 1 at 09:00, 09:10, ... and three on day 2, none clashing (no room, no people). */
const DAY1_TIMES = ['09:00', '09:10', '09:20', '09:30', '09:40', '09:50', '10:00'];
const DAY2_TIMES = ['09:00', '09:10', '09:20'];

function addMeeting(day: string, time: string, title: string) {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const end = `${String(h).padStart(2, '0')}:${String(m + 5).padStart(2, '0')}`;
  return ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title, kind: 'bilateral', status: 'tentative', start: `${day}T${time}`, end: `${day}T${end}`, place: 'Outside', participants: [] }).meeting.id;
}

beforeAll(async () => {
  ctx = createTestApp({ demo: false });
  fx = createFixtureForum(ctx.services, { programme: false });
  DAY1_TIMES.forEach((t, i) => addMeeting(DAY1, t, `Talk ${i + 1}`));
  DAY2_TIMES.forEach((t, i) => addMeeting(DAY2, t, `Day two talk ${i + 1}`));
  planner = await signIn(ctx, 'pager', 'planner');
  admin = await signIn(ctx, 'pager-admin', 'admin');
  addUser(ctx, 'pager-robot', 'planner');
  auth = { Authorization: `Bearer ${ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'pager-robot', 'paging tests').token}` };
});
afterAll(() => ctx.close());

const unescape = (href: string) => href.replace(/&amp;/g, '&');
const linkOf = (html: string, rel: 'next' | 'prev') => {
  const m = new RegExp(`<a href="([^"]+)" rel="${rel}">`).exec(html);
  return m ? unescape(m[1]!) : null;
};
const titlesOn = (html: string) => [...html.matchAll(/<td class="title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => textOf(m[1]!));

/** Every page from `url` on, following rel="next": the titles of each. */
async function walk(url: string): Promise<{ pages: string[][]; counts: string[] }> {
  const pages: string[][] = [];
  const counts: string[] = [];
  let next: string | null = url;
  while (next) {
    const res = await planner.get(next);
    expect(res.status).toBe(200);
    pages.push(titlesOn(res.text));
    counts.push(/Showing [\d,]+–[\d,]+ of [\d,]+/.exec(textOf(res.text))?.[0] ?? '');
    next = linkOf(res.text, 'next');
  }
  return { pages, counts };
}

describe('the meetings list, a page at a time', () => {
  const all = [...DAY1_TIMES.map((_, i) => `Talk ${i + 1}`), ...DAY2_TIMES.map((_, i) => `Day two talk ${i + 1}`)];

  it.each([
    { name: 'pages of 3 over 10: 3, 3, 3, 1', query: '?limit=3', sizes: [3, 3, 3, 1], counts: ['Showing 1–3 of 10', 'Showing 4–6 of 10', 'Showing 7–9 of 10', 'Showing 10–10 of 10'] },
    { name: 'pages of 5 over 10: exactly two, no empty third', query: '?limit=5', sizes: [5, 5], counts: ['Showing 1–5 of 10', 'Showing 6–10 of 10'] },
    { name: 'a page larger than the list: one page, no links', query: '?limit=50', sizes: [10], counts: ['Showing 1–10 of 10'] },
    { name: 'one row a page', query: '?limit=1', sizes: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], counts: all.map((_, i) => `Showing ${i + 1}–${i + 1} of 10`) },
    { name: 'the default page size (50) holds the whole fixture', query: '', sizes: [10], counts: ['Showing 1–10 of 10'] },
  ])('$name', async ({ query, sizes, counts }) => {
    const walked = await walk(`${fx.base}${query}`);
    expect(walked.pages.map((p) => p.length)).toEqual(sizes);
    expect(walked.pages.flat()).toEqual(all);
    expect(walked.counts).toEqual(counts);
  });

  it('goes back with rel="prev" to exactly the page before, and the first page has no prev', async () => {
    const first = await planner.get(`${fx.base}?limit=4`);
    expect(linkOf(first.text, 'prev')).toBeNull();
    const second = await planner.get(linkOf(first.text, 'next')!);
    const third = await planner.get(linkOf(second.text, 'next')!);
    const back = await planner.get(linkOf(third.text, 'prev')!);
    expect(titlesOn(back.text)).toEqual(titlesOn(second.text));
    const backToFirst = await planner.get(linkOf(back.text, 'prev')!);
    expect(titlesOn(backToFirst.text)).toEqual(titlesOn(first.text));
    expect(linkOf(backToFirst.text, 'prev')).toBeNull();
  });

  it.each([
    { name: 'the day', query: `?day=${DAY1}&limit=2`, kept: { day: DAY1, limit: '2' }, titles: DAY1_TIMES.map((_, i) => `Talk ${i + 1}`) },
    { name: 'the kind and status', query: '?kind=bilateral&status=tentative&limit=4', kept: { kind: 'bilateral', status: 'tentative' }, titles: all },
    { name: 'a search', query: '?q=two&limit=2', kept: { q: 'two' }, titles: DAY2_TIMES.map((_, i) => `Day two talk ${i + 1}`) },
  ])('keeps $name in every next link', async ({ query, kept, titles }) => {
    const first = await planner.get(`${fx.base}${query}`);
    const next = new URL(linkOf(first.text, 'next')!, 'http://x');
    for (const [name, value] of Object.entries(kept)) expect(next.searchParams.get(name)).toBe(value);
    expect((await walk(`${fx.base}${query}`)).pages.flat()).toEqual(titles);
  });

  it('works through the JSON API with Link headers and X-Total-Count, the body still an array', async () => {
    const ids: number[] = [];
    let url: string | null = `/api/v1/forums/${fx.forumId}/meetings?limit=4`;
    const totals: string[] = [];
    while (url) {
      const res: request.Response = await request(ctx.app).get(url).set(auth);
      expect(res.status).toBe(200);
      expect(Array.isArray(res.body)).toBe(true);
      ids.push(...res.body.map((m: { id: number }) => m.id));
      totals.push(String(res.headers['x-total-count']));
      url = /<([^>]+)>; rel="next"/.exec(res.headers.link ?? '')?.[1] ?? null;
    }
    const expected = ctx.services.meetings.list({ forumId: fx.forumId }).map((m) => m.id);
    expect(ids).toEqual(expected);
    expect(totals).toEqual(['10', '10', '10']);
  });
});

describe('a row inserted before the cursor between two pages', () => {
  it('shifts nothing on the meetings list: page 2 neither repeats nor skips a row that was there', async () => {
    const local = createTestApp({ demo: false });
    try {
      const forum = createFixtureForum(local.services, { programme: false });
      const make = (time: string, title: string) =>
        local.services.meetings.create(SYSTEM_ACTOR, forum.forumId, { title, kind: 'bilateral', status: 'tentative', start: `${DAY1}T${time}`, end: `${DAY1}T${time.slice(0, 3)}55`, place: 'Outside', participants: [] });
      ['10', '11', '12', '13', '14', '15'].forEach((h) => make(`${h}:00`, `At ${h}`));
      const agent = await signIn(local, 'racer');
      const first = await agent.get(`${forum.base}?limit=3`);
      expect(titlesOn(first.text)).toEqual(['At 10', 'At 11', 'At 12']);
      make('09:00', 'Early, added between the pages');
      make('11:30', 'Mid, added between the pages');
      const second = await agent.get(linkOf(first.text, 'next')!);
      expect(titlesOn(second.text)).toEqual(['At 13', 'At 14', 'At 15']);
      expect(textOf(second.text)).toContain('Showing 6–8 of 8');
    } finally {
      local.close();
    }
  });

  it('shifts nothing on the people list, sorted by a collated name', async () => {
    const local = createTestApp({ demo: false });
    try {
      for (const name of ['Aliyev', 'Babayev', 'Çələbi', 'Dadashova', 'Əliyeva', 'Fərzəliyev']) local.services.people.create(SYSTEM_ACTOR, { fullName: name, position: '' });
      const agent = await signIn(local, 'racer', 'admin');
      const names = (html: string) => [...html.matchAll(/<td><a href="\/people\/\d+">([^<]+)<\/a>/g)].map((m) => textOf(m[1]!));
      const first = await agent.get('/people?limit=3');
      expect(names(first.text)).toEqual(['Aliyev', 'Babayev', 'Çələbi']);
      local.services.people.create(SYSTEM_ACTOR, { fullName: 'Abbasov', position: '' });
      local.services.people.create(SYSTEM_ACTOR, { fullName: 'Cəfərov', position: '' });
      const second = await agent.get(linkOf(first.text, 'next')!);
      expect(names(second.text)).toEqual(['Dadashova', 'Əliyeva', 'Fərzəliyev']);
    } finally {
      local.close();
    }
  });
});

describe('bad page sizes and cursors', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const people = async () => {
    const res = await admin.get('/people?limit=1&sort=name');
    return new URL(linkOf(res.text, 'next')!, 'http://x').searchParams.get('cursor')!;
  };

  it.each([
    { name: 'a page size of 0', url: () => `${fx.base}?limit=0`, says: 'A page shows from 1 to 200 rows' },
    { name: 'a page size over the largest', url: () => `${fx.base}?limit=201`, says: 'A page shows from 1 to 200 rows' },
    { name: 'a page size that is not a number', url: () => `${fx.base}?limit=ten`, says: '“ten” is not a page size' },
    { name: 'a negative page size', url: () => `${fx.base}?limit=-5`, says: 'A page shows from 1 to 200 rows' },
    { name: 'a cursor that is not base64url', url: () => `${fx.base}?cursor=${encodeURIComponent('not a cursor!')}`, says: 'This page link is not valid for this list' },
    { name: 'a cursor that is not JSON', url: () => `${fx.base}?cursor=${Buffer.from('{{{').toString('base64url')}`, says: 'This page link is not valid for this list' },
    { name: 'a cursor of another list', url: () => `${fx.base}?cursor=${b64(['audit', 'a', 5])}`, says: 'This page link is not valid for this list' },
    { name: 'a cursor with an object in its key', url: () => `${fx.base}?cursor=${b64(['meetings', 'a', { x: 1 }, 2, 3])}`, says: 'This page link is not valid for this list' },
    { name: 'a cursor with an unknown direction', url: () => `${fx.base}?cursor=${b64(['meetings', 'sideways', 1, 2, 3])}`, says: 'This page link is not valid for this list' },
    { name: 'a cursor far too long', url: () => `${fx.base}?cursor=${'A'.repeat(5000)}`, says: 'This page link is not valid for this list' },
    { name: 'a people cursor under another sort order', url: async () => `/people?limit=1&sort=position&cursor=${await people()}`, says: 'This page link is not valid for this list' },
    { name: 'a conflicts kind that does not exist', url: () => `/forums/${fx.forumId}/conflicts?kind=teleport`, says: '“teleport” is not a kind of conflict' },
  ])('refuses $name with a 400 page that says why', async ({ url, says }) => {
    const res = await admin.get(await url());
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain(says);
  });

  it.each([
    { name: 'limit over 1000', query: '?limit=1001' },
    { name: 'limit 0', query: '?limit=0' },
    { name: 'a tampered cursor', query: `?cursor=${b64(['meetings', 'a', 'x'])}X` },
    { name: 'a page cursor of another list', query: `?cursor=${b64(['people', 'a', 1])}` },
  ])('answers the API with 400 JSON for $name', async ({ query }) => {
    const res = await request(ctx.app).get(`/api/v1/forums/${fx.forumId}/meetings${query}`).set(auth);
    expect(res.status).toBe(400);
    expect(typeof res.body.error).toBe('string');
  });

  it('serves a cursor whose row was deleted: the page after where it was', async () => {
    const cursor = b64(['meetings', 'a', 0, 0, 0]);
    const res = await planner.get(`${fx.base}?limit=2&cursor=${cursor}`);
    expect(res.status).toBe(200);
    expect(titlesOn(res.text)).toEqual(['Talk 1', 'Talk 2']);
  });
});

describe('the conflicts page', () => {
  it('sums conflicts by day and kind, each count a link to that part of the list', async () => {
    const demo = createTestApp();
    try {
      const agent = await signIn(demo, 'conflict-summary', 'viewer');
      const base = `/forums/${demo.demo!.forumId}/conflicts`;
      const res = await agent.get(base);
      expect(res.status).toBe(200);
      expect(textOf(res.text)).toMatch(/By day and kind Day Travel time too short All Fri 7 Jun 1 1 All days 1 1/);
      expect(res.text).toContain(`href="${base}?day=2019-06-07&amp;kind=travel_time#list"`);
      const travel = await agent.get(`${base}?day=2019-06-07&kind=travel_time`);
      expect(textOf(travel.text)).toContain('Showing 1–1 of 1');
      expect(textOf(travel.text)).toContain('Rashad Hasanov is in');
      const none = await agent.get(`${base}?kind=room_double_booked`);
      expect(textOf(none.text)).toContain('No conflicts');
      expect(textOf(none.text)).not.toContain('Rashad Hasanov is in');
    } finally {
      demo.close();
    }
  });
});
