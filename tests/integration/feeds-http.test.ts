/**
 * The HTTP side of feeds, as calendar clients poll them: media type, CRLF,
 * validators and conditional requests, caching rules per kind of feed.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, type TestContext } from '../support/app';
import { foldingProblems } from '../support/ics';

let ctx: TestContext;
let secretFeed: string;
let publicFeed: string;

beforeAll(() => {
  ctx = createTestApp();
  const d = ctx.demo!;
  secretFeed = `/s/${ctx.services.feeds.createToken(SYSTEM_ACTOR, d.forumId, { scope: 'delegation', scopeId: d.delegations.azerbaijan, label: 'office' }).secret}/calendar.ics`;
  publicFeed = `/p/${d.forumId}/programme.ics`;
});
afterAll(() => ctx.close());

/** Changes what both feeds show: the public signing gets a new title. */
function changeProgramme(note: string) {
  const signing = ctx.services.meetings.list({ forumId: ctx.demo!.forumId, isPublic: true })[0]!;
  ctx.services.meetings.update(SYSTEM_ACTOR, signing.id, signing.version, { ...signing, title: `${signing.title.replace(/ \(.*\)$/, '')} (${note})`, documents: [] });
}

describe.each([
  { name: 'secret feed', path: () => secretFeed, cacheControl: /^private\b/ },
  { name: 'public programme', path: () => publicFeed, cacheControl: /^public, max-age=900$/ },
])('the $name', ({ path, cacheControl }) => {
  it('is text/calendar in UTF-8 with CRLF line ends, an ETag, a Last-Modified date and its Cache-Control', async () => {
    const res = await request(ctx.app).get(path()).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(foldingProblems(res.text)).toEqual([]); // includes: no bare LF or CR, final CRLF
    expect(res.headers.etag).toMatch(/^"[\w-]{32}"$/);
    expect(new Date(res.headers['last-modified']!).toUTCString()).toBe(res.headers['last-modified']);
    expect(res.headers['cache-control']).toMatch(cacheControl);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('answers 304 with no body to If-None-Match (also in a list or weak) and to If-Modified-Since', async () => {
    const first = await request(ctx.app).get(path()).expect(200);
    const etag = first.headers.etag!;
    for (const inm of [etag, `"other", ${etag}`, `W/${etag}`, '*']) {
      const res = await request(ctx.app).get(path()).set('if-none-match', inm);
      expect({ inm, status: res.status, body: res.text ?? '' }).toEqual({ inm, status: 304, body: '' });
      expect(res.headers.etag).toBe(etag);
    }
    await request(ctx.app).get(path()).set('if-modified-since', first.headers['last-modified']!).expect(304);
    await request(ctx.app).get(path()).set('if-modified-since', new Date(Date.now() + 3600_000).toUTCString()).expect(304);
  });

  it('answers 200 to a stale ETag, an older date, or a date it cannot read; If-None-Match decides over If-Modified-Since', async () => {
    const first = await request(ctx.app).get(path()).expect(200);
    const lastModified = Date.parse(first.headers['last-modified']!);
    await request(ctx.app).get(path()).set('if-none-match', '"stale"').expect(200);
    await request(ctx.app).get(path()).set('if-modified-since', new Date(lastModified - 1000).toUTCString()).expect(200);
    await request(ctx.app).get(path()).set('if-modified-since', 'yesterday').expect(200);
    await request(ctx.app).get(path()).set({ 'if-none-match': '"stale"', 'if-modified-since': first.headers['last-modified']! }).expect(200);
  });

  it('answers 200 again, with a new ETag, once the programme changes', async () => {
    const before = await request(ctx.app).get(path()).expect(200);
    changeProgramme(`${path().slice(1, 2)} ${Date.now()}`);
    const after = await request(ctx.app).get(path()).set('if-none-match', before.headers.etag!).expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.text).not.toBe(before.text);
    await request(ctx.app).get(path()).set('if-none-match', after.headers.etag!).expect(304);
  });

  it('answers HEAD with the same validators and no body', async () => {
    const get = await request(ctx.app).get(path()).expect(200);
    const head = await request(ctx.app).head(path()).expect(200);
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.text ?? '').toBe('');
  });
});

describe('the single meeting download', () => {
  it('is an attachment in text/calendar, METHOD:PUBLISH, for signed-in staff only', async () => {
    const path = `/forums/${ctx.demo!.forumId}/meetings/1.ics`;
    expect((await request(ctx.app).get(path)).status).toBe(303);
    const planner = await signIn(ctx, 'download-planner', 'viewer');
    const res = await planner.get(path).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="meeting-1.ics"');
    expect(res.text).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(foldingProblems(res.text)).toEqual([]);
  });
});
