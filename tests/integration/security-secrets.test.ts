import fs from 'node:fs';
import request from 'supertest';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPassword } from '../../src/services/accounts/passwords';
import { createTestApp, csrfFrom, PASSWORD, signIn, TEST_SCRYPT, type TestContext } from '../support/app';
import { SYSTEM_ACTOR } from '../../src/services/actor';

// A fresh database with the demo, and real scrypt and HTTP round trips: seconds, not milliseconds, on a busy machine.
jest.setTimeout(30_000);

let ctx: TestContext;
beforeAll(() => {
  ctx = createTestApp();
});
afterAll(() => ctx.close());

const NEW_PASSWORD = 'Typed-by-the-admin-4417';

/** The session id inside a signed express-session cookie value ("s:<id>.<signature>", URL-encoded). */
function sessionIdOf(setCookie: string[] | string | undefined): { raw: string; id: string } {
  const cookie = ([] as string[]).concat(setCookie ?? []).find((c) => c.startsWith('fp.sid='))!;
  const raw = cookie.split(';')[0]!.slice('fp.sid='.length);
  const id = /^s:([^.]+)\./.exec(decodeURIComponent(raw))![1]!;
  return { raw, id };
}

describe('passwords', () => {
  it('are stored as scrypt hashes with their parameters, never in clear', async () => {
    const admin = await signIn(ctx, 'hash-admin', 'admin');
    const user = ctx.services.accounts.getByName('hash-admin');
    expect(user.passwordHash).toMatch(/^scrypt\$\d+\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect((await admin.get('/admin/users')).text).not.toContain(user.passwordHash);
  });

  it('use N = 2^17, r = 8, p = 1 by default (OWASP), and weaker hashes are marked for re-hashing', () => {
    // One slow hash (128 MiB, about a second): it also proves maxmem is large enough.
    const hash = hashPassword(PASSWORD, DEFAULT_SCRYPT);
    expect(hash.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(needsRehash(hash)).toBe(false);
    const weak = hashPassword(PASSWORD, TEST_SCRYPT);
    expect(needsRehash(weak)).toBe(true);
    expect(verifyPassword(PASSWORD, weak)).toBe(true);
    expect(verifyPassword('Correct-horse-8', weak)).toBe(false);
  });
});

describe('nothing secret reaches the log or the database in clear', () => {
  const secrets: Record<string, string> = {};

  beforeAll(async () => {
    // A login (password in the body), then the session at work.
    const agent = request.agent(ctx.app);
    const csrf = await csrfFrom(agent, '/login');
    ctx.services.accounts.createUser(SYSTEM_ACTOR, { username: 'log-admin', role: 'admin', password: PASSWORD });
    const login = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'log-admin', password: PASSWORD });
    const session = sessionIdOf(login.headers['set-cookie']);
    Object.assign(secrets, { sessionCookie: session.raw, sessionId: session.id });
    // A wrong password is a secret too: it is often the right one mistyped.
    await request.agent(ctx.app).post('/login').type('form').send({ _csrf: csrf, username: 'log-admin', password: 'Almost-right-passw0rd' });
    secrets.wrongPassword = 'Almost-right-passw0rd';

    // A POST that carries a new password.
    const target = ctx.services.accounts.createUser(SYSTEM_ACTOR, { username: 'log-target', role: 'viewer', password: 'Initial-password-1' });
    const res = await agent.post(`/admin/users/${target.id}`).type('form').send({ _csrf: await csrfFrom(agent, '/admin/users'), action: 'password', password: NEW_PASSWORD });
    expect(res.status).toBe(303);
    secrets.newPassword = NEW_PASSWORD;
    secrets.password = PASSWORD;

    // API calls with a bearer token, one of them with the token also in the query string.
    const { token } = ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'log-admin', 'logging test');
    secrets.apiToken = token;
    expect((await request(ctx.app).get('/api/v1/people').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    await request(ctx.app).get(`/api/v1/forums?token=${token}`).set('Authorization', `Bearer ${token}`);
    await request(ctx.app).get(`/login?password=${PASSWORD}`);
    await request(ctx.app).get('/s/secret-feed-token-abc123/calendar.ics');
    secrets.feedToken = 'secret-feed-token-abc123';
  });

  it('logs requests, but no password, session id, cookie or token', () => {
    const log = ctx.logLines.join('\n');
    expect(log).toContain('"url":"/api/v1/people"');
    expect(log).toContain('/s/[redacted]');
    for (const [what, value] of Object.entries(secrets)) {
      expect({ what, found: log.includes(value) }).toEqual({ what, found: false });
    }
    expect(log).not.toMatch(/authorization|cookie/i);
  });

  it('stores only hashes of passwords, session ids and API tokens', () => {
    ctx.services.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = [ctx.dbPath, `${ctx.dbPath}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1'));
    for (const [what, value] of Object.entries(secrets)) {
      expect({ what, found: files.some((bytes) => bytes.includes(value)) }).toEqual({ what, found: false });
    }
  });

  it('keeps the password hash out of the audit log', () => {
    const target = ctx.services.accounts.getByName('log-target');
    const entries = ctx.services.audit.list({ entity: 'user', entityId: target.id });
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0]!.after).toMatchObject({ passwordHash: '[redacted]' });
    expect(JSON.stringify(entries)).not.toContain(target.passwordHash.split('$').pop()!);
  });
});

describe('response headers', () => {
  it.each([
    { name: 'login page', url: '/login' },
    { name: 'a page behind login (redirect)', url: '/people' },
    { name: 'not found', url: '/no-such-page' },
    { name: 'API', url: '/api/v1/people' },
    { name: 'health check', url: '/healthz' },
  ])('carry a strict CSP and no referrer: $name', async ({ url }) => {
    const res = await request(ctx.app).get(url);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toMatch(/(^|;)\s*script-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|;)\s*default-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('/healthz', () => {
  it('answers without login, shows no data and starts no session', async () => {
    const res = await request(ctx.app).get('/healthz');
    expect(res.status).toBe(200);
    // The database's state only (what an operator's monitor needs), no records.
    expect(res.body).toEqual({ status: 'ok', database: { readable: true, writable: true, busy: false, problem: null, freeBytes: expect.any(Number) } });
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
