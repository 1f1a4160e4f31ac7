/**
 * A calendar's poll of a feed it already has is answered 304 first thing,
 * from the feed as last built, before the link is looked up, the meetings
 * loaded or anything built (web/not-modified-feeds.ts). It must never answer
 * 304 for a feed that is no longer what the whole way would answer, must
 * carry the same headers, and must still count the fetch.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, type TestContext } from '../support/app';

jest.setTimeout(60_000);

const DAY = 86_400_000;
let now = Date.parse('2019-06-01T09:00:00Z');
const ctx: TestContext = createTestApp({ clock: () => now });
afterAll(() => ctx.close());
const d = ctx.demo!;
const feeds = ctx.services.feeds;

/** A new link to the delegation's feed, polled once so its feed is built; and that answer's validators. */
async function subscribed(opts: { expiresOn?: string; scope?: 'delegation' | 'person'; scopeId?: number } = {}) {
  const { token, secret } = feeds.createToken(SYSTEM_ACTOR, d.forumId, { scope: opts.scope ?? 'delegation', scopeId: opts.scopeId ?? d.delegations.azerbaijan, label: 'phone', expiresOn: opts.expiresOn });
  const path = `/s/${secret}/calendar.ics`;
  const first = await request(ctx.app).get(path).expect(200);
  return { token, secret, path, etag: first.headers.etag!, lastModified: first.headers['last-modified']!, body: first.text };
}

/** Calls to what the whole way does: resolve the link, load its meetings, describe and build them. */
function spies() {
  const all = [jest.spyOn(feeds, 'resolve'), jest.spyOn(feeds, 'meetingsOf'), jest.spyOn(feeds, 'feedFor'), jest.spyOn(ctx.services.views, 'describe')];
  return {
    calls: () => all.reduce((sum, s) => sum + s.mock.calls.length, 0),
    restore: () => all.forEach((s) => s.mockRestore()),
  };
}

/**
 * What a 304 must carry of the 200's headers (RFC 9110 15.4.5: the validators,
 * Cache-Control, Vary, Expires, Content-Location), and no cookie. The page
 * security headers (helmet's) of the whole way are not among them: a 304 has
 * no content they could apply to.
 */
const headersOf = (res: request.Response) =>
  Object.fromEntries(['etag', 'last-modified', 'cache-control', 'vary', 'expires', 'content-location', 'set-cookie', 'content-length'].map((h) => [h, res.headers[h]]));

describe('a poll with the current ETag', () => {
  it('is answered 304 without resolving the link, loading its meetings or building anything', async () => {
    const feed = await subscribed();
    const spy = spies();
    try {
      for (let i = 0; i < 50; i++) {
        const res = await request(ctx.app).get(feed.path).set('if-none-match', feed.etag);
        expect({ status: res.status, body: res.text ?? '' }).toEqual({ status: 304, body: '' });
      }
      expect(spy.calls()).toBe(0);
      // A poll that does not match still goes the whole way.
      expect((await request(ctx.app).get(feed.path).set('if-none-match', '"other"')).status).toBe(200);
      expect(spy.calls()).toBeGreaterThan(0);
    } finally {
      spy.restore();
    }
  });

  it.each([
    { name: 'If-None-Match', headers: (f: { etag: string }) => ({ 'if-none-match': f.etag }) },
    { name: 'If-Modified-Since', headers: (f: { lastModified: string }) => ({ 'if-modified-since': f.lastModified }) },
  ])('carries the same headers as the 304 the whole way gives ($name)', async ({ headers }) => {
    const feed = await subscribed();
    const fast = await request(ctx.app).get(feed.path).set(headers(feed)).expect(304);
    // A write elsewhere makes the cached feed stale: the next poll goes the whole way, rebuilds the same bytes and answers 304 too.
    ctx.services.people.create(SYSTEM_ACTOR, { fullName: `Someone ${Math.random()}`, position: '', languages: '', notes: '', organizationId: null });
    const spy = spies();
    try {
      const whole = await request(ctx.app).get(feed.path).set(headers(feed)).expect(304);
      expect(spy.calls()).toBeGreaterThan(0);
      expect(headersOf(fast)).toEqual(headersOf(whole));
    } finally {
      spy.restore();
    }
  });

  it('answers the public programme the same way', async () => {
    const path = `/p/${d.forumId}/programme.ics`;
    const etag = (await request(ctx.app).get(path).expect(200)).headers.etag!;
    const spy = jest.spyOn(feeds, 'publicFeed');
    try {
      const res = await request(ctx.app).get(path).set('if-none-match', etag).expect(304);
      expect(res.headers['cache-control']).toBe('public, max-age=900');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('never a 304 for a feed that changed since it was built', () => {
  it.each([
    {
      name: 'the programme changed (200, a new ETag)',
      change: () => {
        const m = ctx.services.meetings.list({ forumId: d.forumId, delegationId: d.delegations.azerbaijan })[0]!;
        ctx.services.meetings.update(SYSTEM_ACTOR, m.id, m.version, { ...m, title: `${m.title} (moved)`, documents: m.documents });
      },
      status: 200,
    },
    { name: 'the link was revoked (404)', change: (f: { token: { id: number } }) => void feeds.revoke(SYSTEM_ACTOR, f.token.id), status: 404 },
    { name: 'the link was given a new secret (404 for the old one)', change: (f: { token: { id: number } }) => void feeds.rotate(SYSTEM_ACTOR, f.token.id), status: 404 },
  ])('$name', async ({ change, status }) => {
    const feed = await subscribed();
    await request(ctx.app).get(feed.path).set('if-none-match', feed.etag).expect(304);
    change(feed as never);
    const res = await request(ctx.app).get(feed.path).set('if-none-match', feed.etag);
    expect(res.status).toBe(status);
    if (status === 200) expect(res.headers.etag).not.toBe(feed.etag);
  });

  it('the link expired since (404), with no write in between', async () => {
    const feed = await subscribed({ expiresOn: '2019-06-10' });
    await request(ctx.app).get(feed.path).set('if-none-match', feed.etag).expect(304);
    now = Date.parse('2019-06-11T00:00:00Z');
    await request(ctx.app).get(feed.path).set('if-none-match', feed.etag).expect(404);
  });

  it('a cancelled meeting dropped out (200 without it), with no write in between', async () => {
    const person = ctx.services.people.create(SYSTEM_ACTOR, { fullName: 'Cancelling Delegate', position: '', languages: '', notes: '', organizationId: null });
    const meeting = ctx.services.meetings.create(SYSTEM_ACTOR, d.forumId, {
      title: 'Meeting that will be called off',
      kind: 'bilateral',
      status: 'tentative',
      start: '2019-06-07T18:00',
      end: '2019-06-07T18:30',
      roomId: null,
      participants: [{ personId: person.id, role: 'principal' }],
    }).meeting;
    ctx.services.meetings.setStatus(SYSTEM_ACTOR, meeting.id, null, 'cancelled');
    const feed = await subscribed({ scope: 'person', scopeId: person.id });
    expect(feed.body).toContain('STATUS:CANCELLED');
    await request(ctx.app).get(feed.path).set('if-none-match', feed.etag).expect(304);
    now += 31 * DAY;
    const res = await request(ctx.app).get(feed.path).set('if-none-match', feed.etag).expect(200);
    expect(res.text).not.toContain('Meeting that will be called off');
  });
});

describe('fetch counts', () => {
  it('count every poll once, whichever way it was answered, and are written at most once a minute', async () => {
    const feed = await subscribed(); // 1 fetch, written (the first)
    for (let i = 0; i < 20; i++) await request(ctx.app).get(feed.path).set('if-none-match', feed.etag).expect(304);
    for (let i = 0; i < 5; i++) await request(ctx.app).get(feed.path).expect(200);
    const listed = () => feeds.list(d.forumId).find((t) => t.id === feed.token.id)!;
    const stored = () => ctx.services.store.db.prepare('SELECT fetch_count FROM feed_token WHERE id = ?').pluck().get(feed.token.id) as number;
    expect(listed().fetchCount).toBe(26);
    expect(stored()).toBe(1);
    now += 60_000;
    await request(ctx.app).get(feed.path).set('if-none-match', feed.etag).expect(304);
    expect(stored()).toBe(27);
    expect(listed().fetchCount).toBe(27);
  });
});
