/**
 * Without PUBLIC_URL, links must not be built from whatever Host header a
 * request brings: a feed or page cached by a shared proxy would hand the
 * attacker's host to every later reader, and a Host that changes per request
 * would make every feed poll a cache miss and a new feed_state row. Only a
 * configured host (ALLOWED_HOSTS) or loopback on the port the server listens
 * on is used; otherwise links are relative, and a feed, whose URL property
 * must be absolute, leaves it out.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { addUser, createTestApp, csrfFrom, PASSWORD, type TestContext } from '../support/app';
import { propertyValues } from '../support/ics';

jest.setTimeout(60_000);

interface Served {
  ctx: TestContext;
  server: http.Server;
  port: number;
  secret: string;
}
const served: Served[] = [];
afterAll(async () => {
  for (const s of served) {
    s.server.closeAllConnections();
    await new Promise((resolve) => s.server.close(resolve));
    s.ctx.close();
  }
});

/** The app listening on a port of its own, so a Host can name (or miss) the port it really listens on. */
async function serve(config: { publicUrl?: string; allowedHosts?: string[] }, trustProxy = false): Promise<Served> {
  const ctx = createTestApp({ config: { publicUrl: undefined, ...config }, trustProxy });
  const { secret } = ctx.services.feeds.createToken(SYSTEM_ACTOR, ctx.demo!.forumId, { scope: 'delegation', scopeId: ctx.demo!.delegations.azerbaijan, label: 'host test' });
  const server = http.createServer(ctx.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const s = { ctx, server, port: (server.address() as AddressInfo).port, secret };
  served.push(s);
  return s;
}

/** `{port}` is the port the app listens on, `{other}` one it does not. */
const spell = (text: string, port: number) => text.replace('{port}', String(port)).replace('{other}', String(port === 65535 ? 1 : port + 1));

describe.each([
  { name: 'an unlisted Host, no PUBLIC_URL', config: {}, host: 'attacker.example', base: null },
  { name: 'an unlisted Host with a port, no PUBLIC_URL', config: { allowedHosts: ['planner.ministry.az'] }, host: 'attacker.example:443', base: null },
  { name: 'a Host that only ends like a listed one', config: { allowedHosts: ['planner.ministry.az'] }, host: 'evilplanner.ministry.az', base: null },
  { name: 'a listed Host', config: { allowedHosts: ['planner.ministry.az'] }, host: 'Planner.Ministry.AZ', base: 'http://planner.ministry.az' },
  { name: 'a listed name with a port it was not listed with', config: { allowedHosts: ['planner.ministry.az'] }, host: 'planner.ministry.az:8443', base: null },
  { name: 'a listed name:port', config: { allowedHosts: ['planner.ministry.az:8443'] }, host: 'planner.ministry.az:8443', base: 'http://planner.ministry.az:8443' },
  { name: 'loopback on the port the app listens on (localhost)', config: {}, host: 'localhost:{port}', base: 'http://localhost:{port}' },
  { name: 'loopback on the port the app listens on (127.0.0.1)', config: {}, host: '127.0.0.1:{port}', base: 'http://127.0.0.1:{port}' },
  { name: 'loopback on another port', config: {}, host: 'localhost:{other}', base: null },
  { name: 'loopback without a port (port 80, which the app is not on)', config: {}, host: 'localhost', base: null },
  { name: 'PUBLIC_URL set, whatever the Host', config: { publicUrl: 'https://planner.gov.az' }, host: 'attacker.example', base: 'https://planner.gov.az' },
])('$name', ({ config, host: hostSpelling, base: baseSpelling }) => {
  let app: Served;
  let host: string;
  let base: string | null;
  let secret: string;
  beforeAll(async () => {
    app = await serve(config);
    host = spell(hostSpelling, app.port);
    base = baseSpelling === null ? null : spell(baseSpelling, app.port);
    secret = app.secret;
  });

  it('the link feed’s URLs use only a trusted base, or are left out', async () => {
    const text = (await request(app.server).get(`/s/${secret}/calendar.ics`).set('Host', host).expect(200)).text;
    expect(text.toLowerCase()).not.toContain('attacker');
    expect(text.toLowerCase()).not.toContain('evilplanner');
    const urls = propertyValues(text, 'URL');
    if (base === null) expect(urls).toEqual([]);
    else expect(new Set(urls)).toEqual(new Set([`${base}/s/${secret}`]));
  });

  it('the public programme (Cache-Control: public) carries no Host it was not given to trust', async () => {
    const res = await request(app.server).get(`/p/${app.ctx.demo!.forumId}/programme.ics`).set('Host', host).expect(200);
    expect(res.headers['cache-control']).toMatch(/^public/);
    expect(res.text.toLowerCase()).not.toMatch(/attacker|evilplanner/);
  });

  it('the link’s page and the planners’ links page show feed addresses on a trusted base, or relative ones', async () => {
    const page = (await request(app.server).get(`/s/${secret}`).set('Host', host).expect(200)).text;
    const planner = request.agent(app.server);
    addUser(app.ctx, 'host-planner', 'planner');
    const csrf = await csrfFrom(planner, '/login');
    expect((await planner.post('/login').type('form').send({ _csrf: csrf, username: 'host-planner', password: PASSWORD })).status).toBe(303);
    const links = (await planner.get(`/forums/${app.ctx.demo!.forumId}/links`).set('Host', host).expect(200)).text;
    for (const html of [page, links]) {
      expect(html.toLowerCase()).not.toMatch(/attacker|evilplanner/);
      if (base !== null) expect(html).toContain(`${base.replace(/^https?:/, '')}/`);
    }
    expect(page).toContain(base === null ? `"/s/${secret}/calendar.ics"` : `${base}/s/${secret}/calendar.ics`);
  });
});

describe('behind a proxy (TRUST_PROXY=true), the scheme', () => {
  it.each([
    { name: 'https, as the proxy says', proto: 'https', base: 'https://planner.ministry.az' },
    { name: 'http', proto: 'http', base: 'http://planner.ministry.az' },
    { name: 'anything else is http', proto: 'javascript', base: 'http://planner.ministry.az' },
  ])('$name', async ({ proto, base }) => {
    const app = await serve({ allowedHosts: ['planner.ministry.az'] }, true);
    const text = (await request(app.server).get(`/s/${app.secret}/calendar.ics`).set({ Host: 'planner.ministry.az', 'X-Forwarded-Proto': proto }).expect(200)).text;
    expect(new Set(propertyValues(text, 'URL'))).toEqual(new Set([`${base}/s/${app.secret}`]));
  });
});

describe('a Host that changes on every request', () => {
  it.each([
    { name: 'loopback with a random port', host: (i: number) => `localhost:${1024 + ((i * 7919) % 60000)}` },
    { name: 'a random name', host: (i: number) => `h${i}.attacker.example` },
    { name: 'a listed name with a random port', host: (i: number) => `planner.ministry.az:${1024 + i}` },
  ])('$name: one feed is built and remembered, not one per Host', async ({ host }) => {
    const app = await serve({ allowedHosts: ['planner.ministry.az'] });
    const feedRows = () => app.ctx.services.store.db.prepare("SELECT count(*) FROM feed_state WHERE feed_key LIKE 't%'").pluck().get() as number;
    const bodies = new Set<string>();
    for (let i = 0; i < 100; i++) bodies.add((await request(app.server).get(`/s/${app.secret}/calendar.ics`).set('Host', host(i)).expect(200)).text);
    expect(bodies.size).toBe(1);
    expect(feedRows()).toBe(1);
  });
});
