import { SYSTEM_ACTOR } from '../../src/services/actor';
import { SESSION_EXPIRY_SLACK_MS } from '../../src/store/session-store';
import request from 'supertest';
import { addUser, createTestApp, signIn, type SignedIn } from '../support/app';

/**
 * A read never writes on the request path. The rolling session and an API
 * token's `last_used_at` are bookkeeping, written at most once a minute each
 * (like a feed's fetch count), so 200 signed-in GETs are not 200 fsyncs.
 * Writes are counted by SQLite itself: total_changes() counts every row
 * the app's connection inserted, updated or deleted.
 */
jest.setTimeout(60_000);

let now = Date.parse('2026-06-01T09:00:00Z');
const ctx = createTestApp({ demo: true, clock: () => now });
afterAll(() => ctx.close());
const db = ctx.services.store.db;
const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number;
const HOUR = 3600_000;

describe('a signed-in browser', () => {
  let planner: SignedIn;
  const expiry = () => db.prepare('SELECT expires_at FROM web_session').pluck().all() as number[];
  beforeAll(async () => {
    planner = await signIn(ctx, 'reader', 'planner');
    // The first page after sign-in keeps its CSRF token in the session: that is a change, made once.
    expect((await planner.get('/people')).status).toBe(200);
  });

  it('writes the session at most once for 200 GETs within a minute', async () => {
    const before = changes();
    for (let i = 0; i < 200; i++) expect((await planner.get(i % 2 ? '/people' : `/forums/${ctx.demo!.forumId}/meetings`)).status).toBe(200);
    expect(changes() - before).toBeLessThanOrEqual(1);
  });

  it('keeps a stored expiry no earlier than the cookie’s, and at most a minute later', async () => {
    const res = await planner.get('/people');
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('fp.sid='))!;
    const cookieExpires = Date.parse(/Expires=([^;]+)/i.exec(cookie)![1]!);
    const [stored] = expiry();
    // The cookie's date is in whole seconds.
    expect(stored!).toBeGreaterThanOrEqual(cookieExpires - 1000);
    expect(stored! - cookieExpires).toBeLessThanOrEqual(SESSION_EXPIRY_SLACK_MS + 1000);
    expect(stored! - Date.now()).toBeGreaterThanOrEqual(12 * HOUR);
  });

  it('writes the expiry once when a minute has passed since it was last written, then not again', async () => {
    // As if the last write were a minute and a second ago: the stored expiry now falls short of the cookie's.
    db.prepare('UPDATE web_session SET expires_at = expires_at - ?').run(SESSION_EXPIRY_SLACK_MS + 1000);
    const before = changes();
    for (let i = 0; i < 50; i++) expect((await planner.get('/people')).status).toBe(200);
    expect(changes() - before).toBe(1);
    expect(expiry()[0]! - Date.now()).toBeGreaterThanOrEqual(12 * HOUR);
  });

  it('still ends at its idle timeout: a session stored as expired is signed out', async () => {
    const other = await signIn(ctx, 'idle', 'viewer');
    expect((await other.get('/people')).status).toBe(200);
    db.prepare("UPDATE web_session SET expires_at = ? WHERE json_extract(data, '$.userId') = ?").run(Date.now() - 1, ctx.services.accounts.getByName('idle').id);
    const res = await other.get('/people');
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/login/);
  });
});

describe('a program with an API token', () => {
  let bearer: { authorization: string };
  const lastUsed = () => db.prepare("SELECT last_used_at FROM api_token WHERE label = 'reads'").pluck().get() as number | null;
  beforeAll(() => {
    addUser(ctx, 'robot', 'planner');
    bearer = { authorization: `Bearer ${ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'robot', 'reads').token}` };
  });

  it('writes last_used_at once for 200 GETs within a minute', async () => {
    const before = changes();
    for (let i = 0; i < 200; i++) {
      now += 250; // 200 requests over 50 seconds
      expect((await request(ctx.app).get(`/api/v1/forums/${ctx.demo!.forumId}/meetings`).set(bearer)).status).toBe(200);
    }
    expect(changes() - before).toBe(1);
    expect(lastUsed()).toBe(now - 199 * 250);
  });

  it('writes it again once a minute has passed', async () => {
    now += 60_000;
    const before = changes();
    for (let i = 0; i < 10; i++) expect((await request(ctx.app).get('/api/v1/forums').set(bearer)).status).toBe(200);
    expect(changes() - before).toBe(1);
    expect(lastUsed()).toBe(now);
  });

  it('gets no session cookie and writes no session row', async () => {
    const res = await request(ctx.app).get('/api/v1/forums').set(bearer);
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).filter((c) => c.startsWith('fp.sid='))).toEqual([]);
  });
});
