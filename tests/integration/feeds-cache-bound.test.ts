/**
 * The cache of built feeds is bounded in bytes (CACHE_MB), least recently
 * polled first out: a flood of distinct feeds keeps it under its bound, and a
 * feed pushed out is rebuilt with the same bytes and validators.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp } from '../support/app';

jest.setTimeout(60_000);

const BOUND = 40_000;
const ctx = createTestApp({ config: { cacheBytes: BOUND } });
afterAll(() => ctx.close());
const d = ctx.demo!;

it('stays under its bound through 60 distinct feeds, and rebuilds an evicted one unchanged', async () => {
  const scopes = [
    ...Object.values(d.people).map((id) => ({ scope: 'person' as const, scopeId: id })),
    { scope: 'delegation' as const, scopeId: d.delegations.azerbaijan },
    ...Object.values(d.rooms).map((id) => ({ scope: 'room' as const, scopeId: id })),
  ];
  const first: { path: string; etag: string; body: string }[] = [];
  for (let i = 0; i < 60; i++) {
    const { secret } = ctx.services.feeds.createToken(SYSTEM_ACTOR, d.forumId, { ...scopes[i % scopes.length]!, label: `flood ${i}` });
    const path = `/s/${secret}/calendar.ics`;
    const res = await request(ctx.app).get(path).expect(200);
    first.push({ path, etag: res.headers.etag!, body: res.text });
    const use = ctx.services.feeds.cacheUse();
    expect(use.maxBytes).toBe(BOUND);
    expect(use.bytes).toBeLessThanOrEqual(BOUND);
  }
  const total = first.reduce((sum, f) => sum + Buffer.byteLength(f.body), 0);
  expect(total).toBeGreaterThan(2 * BOUND); // the flood did not fit
  expect(ctx.services.feeds.cacheUse().entries).toBeLessThan(60);

  const again = await request(ctx.app).get(first[0]!.path).set('if-none-match', first[0]!.etag).expect(304);
  expect(again.headers.etag).toBe(first[0]!.etag);
  const body = await request(ctx.app).get(first[0]!.path).expect(200);
  expect(body.text).toBe(first[0]!.body);
});
