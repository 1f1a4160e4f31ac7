/**
 * Without PUBLIC_URL, links must not be built from whatever Host header a
 * request brings: a feed or page cached by a shared proxy would hand the
 * attacker's host to every later reader. Only a configured host
 * (ALLOWED_HOSTS) or loopback is used; otherwise links are relative, and a
 * feed, whose URL property must be absolute, leaves it out.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, type TestContext } from '../support/app';
import { propertyValues } from '../support/ics';

const contexts: TestContext[] = [];
afterAll(() => contexts.forEach((c) => c.close()));

function app(config: { publicUrl?: string; allowedHosts?: string[] }) {
  const ctx = createTestApp({ config: { publicUrl: undefined, ...config } });
  contexts.push(ctx);
  const { secret } = ctx.services.feeds.createToken(SYSTEM_ACTOR, ctx.demo!.forumId, { scope: 'delegation', scopeId: ctx.demo!.delegations.azerbaijan, label: 'host test' });
  return { ctx, secret };
}

describe.each([
  { name: 'an unlisted Host, no PUBLIC_URL', config: {}, host: 'attacker.example', base: null },
  { name: 'an unlisted Host with a port, no PUBLIC_URL', config: { allowedHosts: ['planner.ministry.az'] }, host: 'attacker.example:443', base: null },
  { name: 'a Host that only ends like a listed one', config: { allowedHosts: ['planner.ministry.az'] }, host: 'evilplanner.ministry.az', base: null },
  { name: 'a listed Host', config: { allowedHosts: ['planner.ministry.az'] }, host: 'Planner.Ministry.AZ', base: 'http://planner.ministry.az' },
  { name: 'loopback (localhost:3000)', config: {}, host: 'localhost:3000', base: 'http://localhost:3000' },
  { name: 'loopback (127.0.0.1)', config: {}, host: '127.0.0.1:8080', base: 'http://127.0.0.1:8080' },
  { name: 'PUBLIC_URL set, whatever the Host', config: { publicUrl: 'https://planner.gov.az' }, host: 'attacker.example', base: 'https://planner.gov.az' },
])('$name', ({ config, host, base }) => {
  let ctx: TestContext;
  let secret: string;
  beforeAll(() => ({ ctx, secret } = app(config)));

  it('the link feed’s URLs use only a trusted base, or are left out', async () => {
    const text = (await request(ctx.app).get(`/s/${secret}/calendar.ics`).set('Host', host).expect(200)).text;
    expect(text.toLowerCase()).not.toContain('attacker');
    expect(text.toLowerCase()).not.toContain('evilplanner');
    const urls = propertyValues(text, 'URL');
    if (base === null) expect(urls).toEqual([]);
    else expect(new Set(urls)).toEqual(new Set([`${base}/s/${secret}`]));
  });

  it('the public programme (Cache-Control: public) carries no Host it was not given to trust', async () => {
    const res = await request(ctx.app).get(`/p/${ctx.demo!.forumId}/programme.ics`).set('Host', host).expect(200);
    expect(res.headers['cache-control']).toMatch(/^public/);
    expect(res.text.toLowerCase()).not.toMatch(/attacker|evilplanner/);
  });

  it('the link’s page and the planners’ links page show feed addresses on a trusted base, or relative ones', async () => {
    const page = (await request(ctx.app).get(`/s/${secret}`).set('Host', host).expect(200)).text;
    const planner = await signIn(ctx, `host-planner-${contexts.indexOf(ctx)}`, 'planner');
    const links = (await planner.get(`/forums/${ctx.demo!.forumId}/links`).set('Host', host).expect(200)).text;
    for (const html of [page, links]) {
      expect(html.toLowerCase()).not.toMatch(/attacker|evilplanner/);
      if (base !== null) expect(html).toContain(`${base.replace(/^https?:/, '')}/`);
    }
    expect(page).toContain(base === null ? `"/s/${secret}/calendar.ics"` : `${base}/s/${secret}/calendar.ics`);
  });
});
