import request from 'supertest';
import { createTestApp, csrfFrom, signIn, type SignedIn, type TestContext } from '../support/app';
import { SYSTEM_ACTOR } from '../../src/services/actor';

// A fresh database with the demo, and real scrypt and HTTP round trips: seconds, not milliseconds, on a busy machine.
jest.setTimeout(30_000);

let ctx: TestContext;
let planner: SignedIn;
let otherToken: string;
beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'csrf-planner', 'planner');
  const other = await signIn(ctx, 'csrf-other', 'planner');
  otherToken = await csrfFrom(other.agent, '/people');
});
afterAll(() => ctx.close());

const counts = () => ({ people: ctx.services.people.list().length, audit: ctx.services.audit.list({ limit: 100_000 }).length });

describe('CSRF: a form post without proof that it came from our page is refused', () => {
  it.each([
    { name: 'missing token', token: () => undefined, headers: {} },
    { name: 'wrong token', token: () => 'x'.repeat(64), headers: {} },
    { name: "another session's token", token: () => otherToken, headers: {} },
    { name: 'cross-origin Origin header', token: 'valid', headers: { Origin: 'https://evil.example' } },
    { name: 'Sec-Fetch-Site: cross-site', token: 'valid', headers: { 'Sec-Fetch-Site': 'cross-site' } },
    { name: 'Sec-Fetch-Site: same-site (a sibling subdomain)', token: 'valid', headers: { 'Sec-Fetch-Site': 'same-site' } },
    // Browsers send Origin: null on our own forms under Referrer-Policy no-referrer, so the token decides.
    { name: 'opaque Origin: null without a token', token: () => undefined, headers: { Origin: 'null' } },
    { name: 'cross-origin and no token', token: () => undefined, headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } },
  ] as const)('$name -> 403, nothing changes', async ({ token, headers }) => {
    const before = counts();
    const _csrf = token === 'valid' ? await csrfFrom(planner.agent, '/people/new') : token();
    const res = await planner.agent
      .post('/people')
      .set(headers)
      .type('form')
      .send({ ...(_csrf === undefined ? {} : { _csrf }), fullName: 'Forged Person' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('did not come from this site');
    expect(counts()).toEqual(before);
    expect(ctx.services.people.list().some((p) => p.fullName === 'Forged Person')).toBe(false);
  });

  it('accepts the same post from our own page (the control case)', async () => {
    const res = await planner.agent
      .post('/people')
      .set({ Host: 'planner.example.org', Origin: 'https://planner.example.org', 'Sec-Fetch-Site': 'same-origin' })
      .type('form')
      .send({ _csrf: await csrfFrom(planner.agent, '/people/new'), fullName: 'Genuine Person' });
    expect(res.status).toBe(303);
    expect(ctx.services.people.list().some((p) => p.fullName === 'Genuine Person')).toBe(true);
  });

  it('accepts Origin: null with a valid token: browsers send it on our own forms under Referrer-Policy no-referrer', async () => {
    const res = await planner.agent
      .post('/people')
      .set({ Origin: 'null', 'Sec-Fetch-Site': 'same-origin' })
      .type('form')
      .send({ _csrf: await csrfFrom(planner.agent, '/people/new'), fullName: 'Posted from our page' });
    expect(res.status).toBe(303);
  });

  it('refuses JSON with a session but without the X-CSRF-Token header, and accepts it with the header', async () => {
    const before = counts();
    const refused = await planner.agent.post('/people').set('Accept', 'application/json').send({ fullName: 'JSON Forged' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/did not come from this site/);
    expect(counts()).toEqual(before);
    const accepted = await planner.json('post', '/people', { fullName: 'JSON Genuine' });
    expect(accepted.status).toBe(303);
  });

  it('refuses a cross-site logout, so a stranger cannot sign a user out', async () => {
    const res = await planner.agent.post('/logout').set('Sec-Fetch-Site', 'cross-site').type('form').send({ _csrf: await csrfFrom(planner.agent, '/people') });
    expect(res.status).toBe(403);
    expect((await planner.get('/people')).status).toBe(200);
  });
});

describe('API tokens', () => {
  let token: string;
  beforeAll(() => {
    token = ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'csrf-planner', 'script').token;
  });

  it('need no CSRF token (a browser never adds the header by itself), and start no session', async () => {
    const res = await request(ctx.app).post('/people').set('Authorization', `Bearer ${token}`).type('form').send({ fullName: 'Made by a script' });
    expect(res.status).toBe(303);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(ctx.services.people.list().some((p) => p.fullName === 'Made by a script')).toBe(true);
    const api = await request(ctx.app).get('/api/v1/people').set('Authorization', `Bearer ${token}`);
    expect(api.status).toBe(200);
    expect(api.headers['set-cookie']).toBeUndefined();
  });

  it('are read whatever the case of the scheme name, and have no session to sign out of', async () => {
    expect((await request(ctx.app).get('/api/v1/people').set('Authorization', `bearer ${token}`)).status).toBe(200);
    const logout = await request(ctx.app).post('/logout').set('Authorization', `Bearer ${token}`);
    expect(logout.status).toBe(400);
    expect(logout.body.error).toMatch(/revoke it: npm run cli -- token revoke ID/);
  });

  it('answer 401 when wrong, revoked or of a disabled user, even with a valid session beside them', async () => {
    const wrong = await planner.agent.get('/api/v1/people').set('Authorization', 'Bearer fpt_not-a-real-token');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatch(/not valid/);

    const { id, token: revoked } = ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'csrf-planner', 'to revoke');
    expect((await request(ctx.app).get('/api/v1/people').set('Authorization', `Bearer ${revoked}`)).status).toBe(200);
    ctx.services.accounts.revokeApiToken(SYSTEM_ACTOR, id);
    expect((await request(ctx.app).get('/api/v1/people').set('Authorization', `Bearer ${revoked}`)).status).toBe(401);

    ctx.services.accounts.createUser(SYSTEM_ACTOR, { username: 'short-lived', role: 'planner', password: 'Long-enough-pass-1' });
    const { token: disabledToken } = ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'short-lived', 'x');
    ctx.services.accounts.setDisabled(SYSTEM_ACTOR, 'short-lived', true);
    expect((await request(ctx.app).get('/api/v1/people').set('Authorization', `Bearer ${disabledToken}`)).status).toBe(401);
  });

  it("carry their user's role: a viewer's token cannot write", async () => {
    ctx.services.accounts.createUser(SYSTEM_ACTOR, { username: 'token-viewer', role: 'viewer', password: 'Long-enough-pass-1' });
    const { token: viewerToken } = ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'token-viewer', 'reader');
    const res = await request(ctx.app).post('/people').set('Authorization', `Bearer ${viewerToken}`).type('form').send({ fullName: 'Viewer write' });
    expect(res.status).toBe(403);
    expect((await request(ctx.app).get('/api/v1/forums').set('Authorization', `Bearer ${viewerToken}`)).status).toBe(200);
  });
});
