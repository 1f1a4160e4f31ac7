import request from 'supertest';
import { addUser, createTestApp, csrfFrom, PASSWORD } from '../support/app';

jest.setTimeout(120_000);

/**
 * A session row is written only when there is something to keep (a signed-in
 * user); the login form's CSRF token lives in a signed cookie until then. A
 * session ends SESSION_MAX_HOURS (168 by default) after sign-in, checked on
 * the server, however often its cookie is refreshed or replayed.
 */
let now = Date.parse('2026-06-01T09:00:00Z');
const ctx = createTestApp({ demo: false, clock: () => now });
afterAll(() => ctx.close());
const sessionRows = () => ctx.services.store.db.prepare('SELECT count(*) FROM web_session').pluck().get() as number;
const HOUR = 3600_000;

describe('anonymous visitors', () => {
  it('add no session row with 1,000 GET /login, and get no session cookie', async () => {
    const before = sessionRows();
    for (let i = 0; i < 1000; i++) {
      const res = await request(ctx.app).get('/login');
      expect(res.status).toBe(200);
      if (i === 0) expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).filter((c) => c.startsWith('fp.sid='))).toEqual([]);
    }
    expect(sessionRows() - before).toBe(0);
  });
});

describe('signing in', () => {
  it('still works, and stores exactly one session row', async () => {
    addUser(ctx, 'anna', 'planner');
    const before = sessionRows();
    const agent = request.agent(ctx.app);
    const csrf = await csrfFrom(agent, '/login');
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'anna', password: PASSWORD });
    expect(res.status).toBe(303);
    expect((await agent.get('/people')).status).toBe(200);
    expect(sessionRows() - before).toBe(1);
  });

  const forge = async (how: (own: { csrf: string; cookie: string }, other: { csrf: string; cookie: string }) => { csrf?: string; cookie?: string }) => {
    const read = async () => {
      const res = await request(ctx.app).get('/login');
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!).join('; ');
      return { csrf: /name="_csrf" value="([^"]+)"/.exec(res.text)![1]!, cookie };
    };
    const sent = how(await read(), await read());
    const req = request(ctx.app).post('/login').type('form');
    if (sent.cookie) req.set('Cookie', sent.cookie);
    return req.send({ ...(sent.csrf === undefined ? {} : { _csrf: sent.csrf }), username: 'anna', password: PASSWORD });
  };

  it.each([
    { name: 'no token, no cookie', how: () => ({}) },
    { name: 'the token without its cookie', how: (own: { csrf: string }) => ({ csrf: own.csrf }) },
    { name: 'the cookie without its token', how: (own: { cookie: string }) => ({ cookie: own.cookie }) },
    { name: 'another visitor’s token', how: (own: { cookie: string }, other: { csrf: string }) => ({ cookie: own.cookie, csrf: other.csrf }) },
    { name: 'a cookie with a forged signature', how: (own: { csrf: string; cookie: string }) => ({ csrf: own.csrf, cookie: own.cookie.replace(/\.[^.;]+(;|$)/, '.forged$1') }) },
    { name: 'a cookie and token made up together', how: () => ({ csrf: 'made-up', cookie: 'fp.csrf=made-up' }) },
  ])('refuses a forged sign-in: $name', async ({ how }) => {
    const before = sessionRows();
    const res = await forge(how as never);
    expect(res.status).toBe(403);
    expect(res.text).toContain('The form has expired or did not come from this site');
    expect(sessionRows()).toBe(before);
  });

  it('accepts the token with its own cookie', async () => {
    expect((await forge((own) => own)).status).toBe(303);
  });
});

describe('the absolute lifetime', () => {
  it('ends a session 168 hours after sign-in, even while it is in use and its cookie replayed', async () => {
    addUser(ctx, 'bert', 'viewer');
    const agent = request.agent(ctx.app);
    const csrf = await csrfFrom(agent, '/login');
    const login = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'bert', password: PASSWORD });
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('fp.sid='))!.split(';')[0]!;

    // Used every ten hours for 160 hours: the idle timeout never strikes, the absolute one does.
    for (let h = 10; h <= 160; h += 10) {
      now += 10 * HOUR;
      expect((await agent.get('/people')).status).toBe(200);
    }
    now += 9 * HOUR;
    const replayed = await request(ctx.app).get('/people').set('Cookie', cookie);
    expect(replayed.status).toBe(303);
    expect(replayed.headers.location).toMatch(/^\/login/);
    expect((await agent.get('/people')).status).toBe(303);
  });
});
