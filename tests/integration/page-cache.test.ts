import request from 'supertest';
import { createTestApp, csrfFrom, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

/**
 * Rendered pages are kept per programme version and shared by every reader of
 * the same role (services/page-cache.ts, web/middleware/page-cache.ts). What
 * must hold: each reader gets their own CSRF token and name in a shared page,
 * a role never gets another role's page, a flash message is never kept, a
 * save shows at once, and the API's headers come back as they were.
 */
let ctx: TestContext;
let forumId: number;
let alice: SignedIn;
let bob: SignedIn;
const DAY = '2019-06-07';
const grid = () => `/forums/${forumId}/grid/rooms/${DAY}`;
const list = () => `/forums/${forumId}/meetings?day=${DAY}`;

beforeAll(async () => {
  ctx = createTestApp();
  forumId = ctx.demo!.forumId;
  alice = await signIn(ctx, 'alice-planner');
  bob = await signIn(ctx, 'bob-planner');
});
afterAll(() => ctx.close());

const tokensOf = (html: string) => new Set([...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]!));
const userNameOf = (html: string) => /<span class="user-name"[^>]*>([^<]*)</.exec(html)?.[1]?.trim();

it('serves one kept page to two planners, each with their own token and name, and each token works only for its owner', async () => {
  const before = ctx.services.pages.stats();
  const a = await alice.get(grid());
  const b = await bob.get(grid());
  expect([a.status, b.status]).toEqual([200, 200]);
  const after = ctx.services.pages.stats();
  expect(after.hits - before.hits).toBeGreaterThanOrEqual(1);
  expect([userNameOf(a.text), userNameOf(b.text)]).toEqual(['alice-planner', 'bob-planner']);
  const [ta, tb] = [tokensOf(a.text), tokensOf(b.text)];
  expect([ta.size, tb.size]).toEqual([1, 1]);
  expect([...ta][0]).not.toBe([...tb][0]);
  expect(a.text).not.toMatch(/fpcsrf|fpname/);
  expect(b.text).not.toMatch(/fpcsrf|fpname/);
  // Bob's token from the shared page signs Bob out; Alice's would not.
  const refused = await bob.agent.post('/logout').type('form').send({ _csrf: [...ta][0] });
  expect(refused.status).toBe(403);
  const accepted = await bob.agent.post('/logout').type('form').send({ _csrf: [...tb][0] });
  expect(accepted.status).toBe(303);
  bob = await signIn(ctx, 'bob-planner');
});

it('keeps a page per role: a viewer never gets the planner’s buttons', async () => {
  const viewer = await signIn(ctx, 'vera-viewer', 'viewer');
  const planner = await alice.get(grid());
  const seen = await viewer.get(grid());
  expect(planner.text).toContain('data-drag-grid');
  expect(seen.status).toBe(200);
  expect(seen.text).not.toContain('data-drag-grid');
  expect(userNameOf(seen.text)).toBe('vera-viewer');
});

it('never keeps a page that carries a flash message, and shows the next save at once', async () => {
  const meetings = ctx.services.meetings.list({ forumId }).filter((m) => m.start.startsWith(DAY) && m.status !== 'cancelled');
  const target = meetings[0]!;
  await alice.get(list());
  const csrf = await csrfFrom(alice.agent, `/forums/${forumId}/meetings/${target.id}`);
  const cancelled = await alice.agent.post(`/forums/${forumId}/meetings/${target.id}/cancel`).type('form').send({ _csrf: csrf, version: target.version });
  expect(cancelled.status).toBe(303);
  const withFlash = await alice.get(list());
  expect(textOf(withFlash.text)).toContain(`“${target.title}”`);
  expect(withFlash.text).toContain('class="flash flash-success"');
  // Bob opens the same list: the change is there, Alice's message is not.
  const bobs = await bob.get(list());
  expect(bobs.text).not.toContain('class="flash flash-success"');
  const rowOf = (html: string) => [...html.matchAll(/<tr class="status-[^"]*"[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((row) => row.includes(`/meetings/${target.id}"`));
  expect(rowOf(bobs.text)).toContain('status-cancelled');
  // And Alice's next look is without it.
  expect((await alice.get(list())).text).not.toContain('class="flash flash-success"');
});

it('gives the API its paging headers back from a kept page', async () => {
  const { token } = ctx.services.accounts.createApiToken({ userId: null, username: 'test', role: 'admin' }, 'alice-planner', 'page cache test');
  const url = `/api/v1/forums/${forumId}/meetings?limit=2`;
  const first = await request(ctx.app).get(url).set('authorization', `Bearer ${token}`);
  const again = await request(ctx.app).get(url).set('authorization', `Bearer ${token}`);
  expect(first.status).toBe(200);
  expect(again.body).toEqual(first.body);
  expect(again.headers.link).toBe(first.headers.link);
  expect(again.headers['x-total-count']).toBe(first.headers['x-total-count']);
  expect(again.headers['content-type']).toMatch(/application\/json/);
});

it('keeps an agenda only within the minute it prints as its time, and any other page for the day', async () => {
  let now = Date.UTC(2019, 5, 7, 7, 0, 10);
  const timed = createTestApp({ clock: () => now });
  try {
    const planner = await signIn(timed, 'timed-planner');
    const agenda = `/forums/${timed.demo!.forumId}/agenda/delegation/${timed.demo!.delegations.azerbaijan}/${DAY}`;
    const printedAt = async () => /Printed ([^·]+)·/.exec(textOf((await planner.get(agenda)).text))?.[1]?.trim();
    const first = await printedAt();
    now += 20_000;
    expect(await printedAt()).toBe(first);
    now += 60_000;
    const later = await printedAt();
    expect(later).toBeDefined();
    expect(later).not.toBe(first);
  } finally {
    timed.close();
  }
});

it('answers a kept page as HTML with an ETag of its own per reader, and a 304 to the reader who already has it', async () => {
  const first = await alice.get(list());
  const kept = await alice.get(list());
  expect(kept.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(kept.text).toBe(first.text);
  expect(kept.headers.etag).toMatch(/^W\/"[\w-]+\.[\w-]+"$/);
  expect(kept.headers.etag).toBe(first.headers.etag);
  const bobs = await bob.get(list());
  expect(bobs.headers.etag).not.toBe(kept.headers.etag); // Bob's token and name are in his copy
  const again = await alice.agent.get(list()).set('If-None-Match', kept.headers.etag!);
  expect(again.status).toBe(304);
  const api = await alice.get(`/api/v1/forums/${forumId}/meetings?day=${DAY}`);
  const apiKept = await alice.get(`/api/v1/forums/${forumId}/meetings?day=${DAY}`);
  expect(apiKept.headers['content-type']).toMatch(/^application\/json/);
  expect(apiKept.body).toEqual(api.body);
});
