import request from 'supertest';
import type { Express } from 'express';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { openDatabase } from '../../src/store/database';
import { appOver, APP_BUSY_TIMEOUT_MS, createTestApp, signIn, textOf, type TestContext } from '../support/app';

/**
 * A database that cannot take writes: the disk is full (simulated with
 * max_page_count, which SQLite enforces like a full disk) or the file is
 * read-only (a second app over a read-only connection, since root ignores
 * chmod). Reads must keep working and every refusal must say what is wrong.
 */
jest.setTimeout(30_000);

let ctx: TestContext;
let cookie: string;
let csrf: string;
let token: string;
/** Never used before, so its first read is due a last_used_at write, which the storage cannot take. */
const unusedTokens = new Map<string, string>();
beforeAll(async () => {
  ctx = createTestApp();
  const planner = await signIn(ctx, 'storage-planner');
  const page = await planner.get('/organizations/new');
  cookie = (page.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
  csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
  token = ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'storage-planner', 'storage tests').token;
  for (const { name } of conditions) unusedTokens.set(name, ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'storage-planner', name).token);
});
afterAll(() => ctx.close());

it('/healthz reports a database that can be read and written', async () => {
  const res = await request(ctx.app).get('/healthz');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ status: 'ok', database: { readable: true, writable: true, busy: false, problem: null } });
});

interface Condition {
  name: string;
  /** Breaks the storage; returns the app to ask and how to mend it. */
  make: () => { app: Express; mend: () => void };
  /** What the refusal tells the user. */
  says: string;
  reason: string;
}

const conditions: Condition[] = [
  {
    name: 'disk full',
    make: () => {
      const db = ctx.services.store.db;
      const max = db.pragma('max_page_count', { simple: true }) as number;
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      return { app: ctx.app, mend: () => void db.pragma(`max_page_count = ${max}`) };
    },
    says: 'The server has run out of disk space, so nothing was saved.',
    reason: 'full',
  },
  {
    name: 'read-only database file',
    make: () => {
      const db = openDatabase(ctx.dbPath, { readonly: true, busyTimeoutMs: APP_BUSY_TIMEOUT_MS });
      return { app: appOver(db).app, mend: () => db.close() };
    },
    says: 'The database can be read but not written right now, so nothing was saved.',
    reason: 'read-only',
  },
];

describe.each(conditions)('$name', ({ name, make, says, reason }) => {
  let app: Express;
  let mend: () => void;
  beforeAll(() => ({ app, mend } = make()));
  afterAll(() => mend());

  const organizations = () => ctx.services.organizations.list().length;
  const meetingBody = () => ({ title: 'Storage meeting', kind: 'bilateral', status: 'tentative', start: '2019-06-06T10:00', end: '2019-06-06T10:30', roomId: ctx.demo!.rooms.bilateral2, participants: [] });

  it('answers a form write 503 with what is wrong, and saves nothing', async () => {
    const before = organizations();
    const res = await request(app).post('/organizations').set('cookie', cookie).type('form').send({ _csrf: csrf, name: 'Full Disk Bank', kind: 'bank' });
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(textOf(res.text)).toContain(says);
    expect(organizations()).toBe(before);
  });

  it('answers an API write 503 with the reason', async () => {
    const res = await request(app).post(`/api/v1/forums/${ctx.demo!.forumId}/meetings`).set('authorization', `Bearer ${token}`).send(meetingBody());
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: expect.stringContaining(says), reason });
  });

  it.each([
    { name: 'a page read', url: '/organizations', auth: 'session' },
    { name: 'a meeting list', url: '/forums/1/meetings', auth: 'session' },
    { name: 'an API token read', url: '/api/v1/forums', auth: 'token' },
    { name: 'the first read of an unused API token', url: '/api/v1/forums', auth: 'unused token' },
  ])('keeps $name answering', async ({ url, auth }) => {
    const req = request(app).get(url);
    const bearer = auth === 'token' ? token : unusedTokens.get(name);
    const res = await (auth === 'session' ? req.set('cookie', cookie) : req.set('authorization', `Bearer ${bearer}`));
    expect(res.status).toBe(200);
  });

  it('says at sign-in that the service cannot save right now, not that the form expired', async () => {
    const agent = request.agent(app);
    const page = await agent.get('/login');
    expect(page.status).toBe(200);
    const loginCsrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const res = await agent.post('/login').type('form').send({ _csrf: loginCsrf, username: 'storage-planner', password: 'whatever-it-is' });
    expect(res.status).toBe(503);
    expect(textOf(res.text)).toContain('You cannot sign in right now');
    expect(textOf(res.text)).toContain(says);
    expect(textOf(res.text)).not.toContain('expired');
  });

  it('/healthz answers 503 and says the database is not writable', async () => {
    const res = await request(app).get('/healthz');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'unavailable', database: { readable: true, writable: false, problem: { reason, message: expect.stringContaining(says) } } });
  });
});
