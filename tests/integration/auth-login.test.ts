import pino from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app';
import { openDatabase } from '../../src/store/database';
import { migrate } from '../../src/store/migrate';
import { SqliteSessionStore } from '../../src/store/session-store';
import { safeNext } from '../../src/web/routes/auth';
import { addUser, createTestApp, csrfFrom, PASSWORD, signIn, type TestContext } from '../support/app';
import { SYSTEM_ACTOR } from '../../src/services/actor';

// A fresh database with the demo, and real scrypt and HTTP round trips: seconds, not milliseconds, on a busy machine.
jest.setTimeout(30_000);

let ctx: TestContext;
beforeAll(() => {
  ctx = createTestApp();
});
afterAll(() => ctx.close());


function sessionCookie(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return cookies.find((c) => c.startsWith('fp.sid='))?.split(';')[0];
}

/** Signs in through the form, returning the session cookie from before and after. */
async function loginCapturingCookie(username: string) {
  addUser(ctx, username, 'planner');
  const agent = request.agent(ctx.app);
  const loginPage = await agent.get('/login');
  // No session before sign-in (auth-sessions.test.ts): the login form's token is in a signed cookie.
  const before = sessionCookie(loginPage);
  expect(before).toBeUndefined();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(loginPage.text)![1]!;
  const login = await agent.post('/login').type('form').send({ _csrf: csrf, username, password: PASSWORD });
  expect(login.status).toBe(303);
  const cookie = sessionCookie(login)!;
  expect(cookie).toBeDefined();
  return { agent, before, cookie };
}

/** Reads a page with nothing but the given cookie, as a second browser holding a copied id would. */
const withCookie = (cookie: string, url = '/people') => request(ctx.app).get(url).set('Cookie', cookie);

describe('sessions', () => {
  it('gives a new session id on login; an id planted before login is worth nothing', async () => {
    addUser(ctx, 'fixation', 'planner');
    const page = await request(ctx.app).get('/login');
    const csrfCookie = ([] as string[]).concat(page.headers['set-cookie'] ?? []).find((c) => c.startsWith('fp.csrf='))!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const planted = 'fp.sid=s%3Aplanted-by-someone.x';
    const login = await request(ctx.app).post('/login').set('Cookie', `${csrfCookie}; ${planted}`).type('form').send({ _csrf: csrf, username: 'fixation', password: PASSWORD });
    expect(login.status).toBe(303);
    const after = sessionCookie(login)!;
    expect(after).toBeDefined();
    expect(after).not.toBe(planted);
    expect((await withCookie(planted)).headers.location).toMatch(/^\/login/);
    expect((await withCookie(after)).status).toBe(200);
  });

  it('sets the session and login-form cookies HttpOnly and SameSite=Lax, and Secure behind an HTTPS proxy', async () => {
    const signInThrough = async (app: ReturnType<typeof createApp>, username: string, headers: Record<string, string>) => {
      addUser(ctx, username, 'planner');
      const page = await request(app).get('/login').set(headers);
      const csrfCookie = ([] as string[]).concat(page.headers['set-cookie'] ?? []).find((c) => c.startsWith('fp.csrf='))!;
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
      const login = await request(app).post('/login').set(headers).set('Cookie', csrfCookie.split(';')[0]!).type('form').send({ _csrf: csrf, username, password: PASSWORD });
      expect(login.status).toBe(303);
      return [csrfCookie, ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('fp.sid='))!];
    };
    for (const cookie of await signInThrough(ctx.app, 'plain-cookies', {})) {
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
      expect(cookie).not.toMatch(/; Secure/i);
    }
    const proxied = createApp({ services: ctx.services, logger: pino({ level: 'silent' }), sessionSecret: 'another-test-secret', trustProxy: true, cookieSecure: 'auto' });
    for (const cookie of await signInThrough(proxied, 'secure-cookies', { 'X-Forwarded-Proto': 'https' })) {
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
    }
  });

  it('logs out only by POST with the CSRF token, and the session is over afterwards', async () => {
    const { agent, cookie } = await loginCapturingCookie('leaving');
    expect((await agent.get('/logout')).status).toBe(404);
    expect((await agent.post('/logout').type('form').send({})).status).toBe(403);
    expect((await agent.get('/people')).status).toBe(200);

    const out = await agent.post('/logout').type('form').send({ _csrf: await csrfFrom(agent, '/people') });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/login');
    expect((await agent.get('/people')).headers.location).toMatch(/^\/login/);
    expect((await withCookie(cookie)).headers.location).toMatch(/^\/login/);
  });

  it('reports a database failure during touch through the callback instead of throwing', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const store = new SqliteSessionStore(db, 60_000);
    db.close();
    const errors: unknown[] = [];
    expect(() => store.touch('some-id', { cookie: { originalMaxAge: 60_000 } } as never, (err) => errors.push(err))).not.toThrow();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/database connection is not open/);
  });

  it('ends a session when it expires in the store', async () => {
    const planner = await signIn(ctx, 'expiring', 'planner');
    expect((await planner.get('/people')).status).toBe(200);
    ctx.services.store.db.prepare("UPDATE web_session SET expires_at = 0 WHERE json_extract(data, '$.userId') = ?").run(ctx.services.accounts.getByName('expiring').id);
    expect((await planner.get('/people')).headers.location).toMatch(/^\/login/);
  });

  it('signs a disabled user out at once, and a new password ends every open session', async () => {
    const planner = await signIn(ctx, 'soon-disabled', 'planner');
    ctx.services.accounts.setDisabled(SYSTEM_ACTOR, 'soon-disabled', true);
    expect((await planner.get('/people')).headers.location).toMatch(/^\/login/);
    const relogin = await request(ctx.app).get('/login');
    expect(relogin.status).toBe(200);

    const other = await signIn(ctx, 'new-password', 'planner');
    ctx.services.accounts.setPassword(SYSTEM_ACTOR, 'new-password', 'Another-long-password');
    expect((await other.get('/people')).headers.location).toMatch(/^\/login/);
  });

  it('applies a role change to the open session at once', async () => {
    const planner = await signIn(ctx, 'demoted', 'planner');
    expect((await planner.get('/people/new')).status).toBe(200);
    ctx.services.accounts.setRole(SYSTEM_ACTOR, 'demoted', 'viewer');
    expect((await planner.get('/people/new')).status).toBe(403);
  });
});

describe('the login form', () => {
  async function tryLogin(agent: TestAgent, username: string, password: string, next?: string) {
    const csrf = await csrfFrom(agent, '/login');
    return agent.post('/login').type('form').send({ _csrf: csrf, username, password, ...(next === undefined ? {} : { next }) });
  }

  it('says the same for an unknown user, a wrong password and a disabled account', async () => {
    addUser(ctx, 'switched-off', 'viewer');
    ctx.services.accounts.setDisabled(SYSTEM_ACTOR, 'switched-off', true);
    addUser(ctx, 'known', 'viewer');
    for (const [username, password] of [
      ['nobody-here', PASSWORD],
      ['known', 'Wrong-password-1'],
      ['switched-off', PASSWORD],
    ]) {
      const res = await tryLogin(request.agent(ctx.app), username!, password!);
      expect(res.status).toBe(401);
      expect(res.text).toContain('The user name or password is not right.');
    }
  });

  it('refuses a login without the CSRF token (no login CSRF)', async () => {
    addUser(ctx, 'csrf-login', 'viewer');
    const agent = request.agent(ctx.app);
    await agent.get('/login');
    const res = await agent.post('/login').type('form').send({ username: 'csrf-login', password: PASSWORD });
    expect(res.status).toBe(403);
  });

  it('goes back to the page asked for after login', async () => {
    addUser(ctx, 'returning', 'viewer');
    const res = await tryLogin(request.agent(ctx.app), 'returning', PASSWORD, '/forums/1/venues?sort=name');
    expect(res.headers.location).toBe('/forums/1/venues?sort=name');
  });

  it.each([
    { name: 'protocol-relative', next: '//evil.example/x' },
    { name: 'backslash', next: '/\\evil.example' },
    { name: 'absolute URL', next: 'https://evil.example/' },
    { name: 'tab before slashes', next: '/\t/evil.example' },
    { name: 'newline before slashes', next: '/\n/evil.example' },
    { name: 'javascript scheme', next: 'javascript:alert(1)' },
    { name: 'dot segments folding into //', next: '/..//evil.example' },
    { name: 'not a string', next: ['/people'] },
  ])('never redirects off the site after login: $name', ({ next }) => {
    expect(safeNext(next)).toBe('');
  });

  it.each([
    { name: 'path and query', next: '/forums/1/venues?sort=name', safe: '/forums/1/venues?sort=name' },
    { name: 'encoded slashes stay a path', next: '/%2F%2Fevil.example', safe: '/%2F%2Fevil.example' },
    { name: 'dot segments resolved', next: '/people/../organizations', safe: '/organizations' },
  ])('keeps a path on this site: $name', ({ next, safe }) => {
    expect(safeNext(next)).toBe(safe);
  });

  it('redirects home when next is unsafe', async () => {
    addUser(ctx, 'bounced', 'viewer');
    const res = await tryLogin(request.agent(ctx.app), 'bounced', PASSWORD, '//evil.example/');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const page = await request(ctx.app).get('/login?next=%2F%2Fevil.example');
    expect(page.text).not.toContain('evil.example');
  });
});

// Throttling of failed sign-ins: auth-throttle.test.ts.
