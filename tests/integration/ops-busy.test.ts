import Database from 'better-sqlite3';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { appOver, createTestApp, csrfFrom, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

/**
 * Another process holding SQLite's write lock (the CLI, a second app process,
 * a sqlite3 shell): a second connection in BEGIN IMMEDIATE stands in for it.
 * The lock is released from a timer of this process, so a write that waited
 * on the event loop would never see it go.
 */
jest.setTimeout(30_000);

let now = Date.parse('2026-05-01T09:00:00Z');
let ctx: TestContext;
let planner: SignedIn;
let locker: Database.Database;
beforeAll(async () => {
  ctx = createTestApp({ clock: () => now, busyRetry: { firstDelayMs: 20, maxDelayMs: 200, deadlineMs: 10_000 } });
  planner = await signIn(ctx, 'busy-planner');
  locker = new Database(ctx.dbPath);
});
afterAll(() => {
  if (locker.inTransaction) locker.exec('ROLLBACK');
  locker.close();
  ctx.close();
});
afterEach(() => {
  if (locker.inTransaction) locker.exec('ROLLBACK');
});

const organizationsNamed = (name: string) => ctx.services.organizations.list().filter((o) => o.name === name).length;

describe('a write lock held by another process', () => {
  it('leaves /healthz and page reads answering while a write waits, and the write saves once the lock goes', async () => {
    const csrf = await csrfFrom(planner.agent, '/organizations/new');
    const answered: string[] = [];
    locker.exec('BEGIN IMMEDIATE');
    const write = planner.agent
      .post('/organizations')
      .type('form')
      .send({ _csrf: csrf, name: 'Lock-waiting Bank', kind: 'bank' })
      .then((res) => (answered.push('write'), res));
    const health = await request(ctx.app).get('/healthz');
    answered.push('healthz');
    const page = await planner.get('/organizations');
    answered.push('page');
    locker.exec('ROLLBACK');
    const saved = await write;

    expect(health.status).toBe(200);
    expect(page.status).toBe(200);
    expect(answered).toEqual(['healthz', 'page', 'write']);
    expect(saved.status).toBe(303);
    expect(organizationsNamed('Lock-waiting Bank')).toBe(1);
  });

  it('answers a write 503 with Retry-After and a message when the lock outlives the deadline, and saves nothing', async () => {
    const impatient = appOver(ctx.services.store.db, { clock: () => now, busyRetry: { firstDelayMs: 20, maxDelayMs: 100, deadlineMs: 300 } });
    const agent = await signIn({ ...ctx, ...impatient }, 'impatient-planner');
    const csrf = await csrfFrom(agent.agent, '/organizations/new');
    locker.exec('BEGIN IMMEDIATE');
    const res = await agent.agent.post('/organizations').type('form').send({ _csrf: csrf, name: 'Never Saved Bank', kind: 'bank' });
    locker.exec('ROLLBACK');

    expect(res.status).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(textOf(res.text)).toContain('The database is busy with another task');
    expect(textOf(res.text)).toContain('Try again in a few seconds.');
    expect(organizationsNamed('Never Saved Bank')).toBe(0);
  });
  it('serves a feed whose dates it cannot record while the lock is held, and records them once it goes', async () => {
    const feed = `/p/${ctx.demo!.forumId}/programme.ics`;
    locker.exec('BEGIN IMMEDIATE');
    const locked = await request(ctx.app).get(feed);
    locker.exec('ROLLBACK');
    const free = await request(ctx.app).get(feed);
    const again = await request(ctx.app).get(feed);

    expect(locked.status).toBe(200);
    expect(locked.text).toContain('BEGIN:VEVENT');
    expect(free.status).toBe(200);
    expect(again.headers.etag).toBe(free.headers.etag);
    expect(again.headers['last-modified']).toBe(free.headers['last-modified']);
  });
});

describe('API token bookkeeping', () => {
  interface UseCase {
    name: string;
    /** Each use: seconds after the first, and whether another process holds the lock meanwhile. */
    uses: { after: number; locked?: boolean }[];
    /** The last_used_at expected afterwards, in seconds after the first use. */
    lastUsedAfter: number;
  }
  const cases: UseCase[] = [
    { name: 'the first use is written', uses: [{ after: 0 }], lastUsedAfter: 0 },
    { name: 'a second use within the minute is not written', uses: [{ after: 0 }, { after: 30 }, { after: 59 }], lastUsedAfter: 0 },
    { name: 'a use a minute later is written', uses: [{ after: 0 }, { after: 30 }, { after: 60 }], lastUsedAfter: 60 },
    { name: 'a use while the database is locked answers and is not written', uses: [{ after: 0 }, { after: 61, locked: true }], lastUsedAfter: 0 },
  ];

  it.each(cases)('$name', async ({ name, uses, lastUsedAfter }) => {
    const { id, token } = ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'busy-planner', name.slice(0, 40));
    const first = (now += 3600_000);
    for (const use of uses) {
      now = first + use.after * 1000;
      if (use.locked) locker.exec('BEGIN IMMEDIATE');
      const res = await request(ctx.app).get('/api/v1/forums').set('authorization', `Bearer ${token}`);
      if (use.locked) locker.exec('ROLLBACK');
      expect(res.status).toBe(200);
    }
    expect(ctx.services.accounts.listApiTokens('busy-planner').find((t) => t.id === id)?.lastUsedAt).toBe(first + lastUsedAfter * 1000);
  });
});
