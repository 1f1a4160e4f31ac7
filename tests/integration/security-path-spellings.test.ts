import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { Role } from '../../src/domain/accounts';
import { createTestApp, csrfFrom, signIn } from '../support/app';

jest.setTimeout(60_000);

/**
 * Every rule of the policy table, reached through every way of spelling its
 * path that the router reads as the same route. The outcome of a spelling must
 * be the outcome of the plain path: a planner's `POST /forums/%31/edit` is a
 * forum edit, and refused like one. (Secret links and the public feed are
 * answered only on their one spelling: security-secret-spellings.test.ts.)
 */
type Who = Role | 'anonymous';
type Outcome = 'passed' | 'forbid' | 'login';

const ctx = createTestApp();
afterAll(() => ctx.close());
const F = ctx.demo!.forumId;
const venue = ctx.demo!.venues.expo;

interface RuleCase {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  who: Who;
  outcome: Outcome;
}

const CASES: RuleCase[] = [
  { name: 'login page is public', method: 'GET', path: '/login', who: 'anonymous', outcome: 'passed' },
  { name: 'health check is public', method: 'GET', path: '/healthz', who: 'anonymous', outcome: 'passed' },
  { name: 'static files are public', method: 'GET', path: '/public/css/app.css', who: 'anonymous', outcome: 'passed' },
  { name: 'OpenAPI description is public', method: 'GET', path: '/api/v1/openapi.json', who: 'anonymous', outcome: 'passed' },
  { name: 'logout needs a sign-in', method: 'POST', path: '/logout', who: 'anonymous', outcome: 'login' },
  { name: 'admin area refuses a planner', method: 'GET', path: '/admin/users', who: 'planner', outcome: 'forbid' },
  { name: 'admin area sends the anonymous to sign in', method: 'GET', path: '/admin/audit', who: 'anonymous', outcome: 'login' },
  { name: 'admin area lets the admin in', method: 'GET', path: '/admin/users', who: 'admin', outcome: 'passed' },
  { name: 'creating a forum refuses a planner', method: 'POST', path: '/forums', who: 'planner', outcome: 'forbid' },
  { name: 'creating a forum lets the admin in', method: 'POST', path: '/forums', who: 'admin', outcome: 'passed' },
  { name: 'editing a forum refuses a planner', method: 'POST', path: `/forums/${F}/edit`, who: 'planner', outcome: 'forbid' },
  { name: 'deleting a forum refuses a planner', method: 'POST', path: `/forums/${F}/delete`, who: 'planner', outcome: 'forbid' },
  { name: 'editing a forum lets the admin in', method: 'POST', path: `/forums/${F}/edit`, who: 'admin', outcome: 'passed' },
  { name: 'new-forum form refuses a planner', method: 'GET', path: '/forums/new', who: 'planner', outcome: 'forbid' },
  { name: 'forum edit form refuses a planner', method: 'GET', path: `/forums/${F}/edit`, who: 'planner', outcome: 'forbid' },
  { name: 'forum delete form refuses a planner', method: 'GET', path: `/forums/${F}/delete`, who: 'planner', outcome: 'forbid' },
  { name: 'API forum create refuses a planner', method: 'POST', path: '/api/v1/forums', who: 'planner', outcome: 'forbid' },
  { name: 'forms refuse a viewer', method: 'GET', path: `/forums/${F}/venues/${venue}/edit`, who: 'viewer', outcome: 'forbid' },
  { name: 'forms let a planner in', method: 'GET', path: '/people/new', who: 'planner', outcome: 'passed' },
  { name: 'writes refuse a viewer', method: 'POST', path: '/people', who: 'viewer', outcome: 'forbid' },
  { name: 'writes let a planner in', method: 'POST', path: '/people', who: 'planner', outcome: 'passed' },
  { name: 'pages send the anonymous to sign in', method: 'GET', path: '/people', who: 'anonymous', outcome: 'login' },
  { name: 'pages let a viewer in', method: 'GET', path: `/forums/${F}/venues`, who: 'viewer', outcome: 'passed' },
];

const segments = (path: string) => path.split('/').slice(1);
const hex = (c: string) => '%' + c.charCodeAt(0).toString(16);
const SPELLINGS: { name: string; spell: (path: string) => string }[] = [
  { name: 'as written', spell: (p) => p },
  { name: 'first letter of each segment %-encoded', spell: (p) => '/' + segments(p).map((s) => hex(s[0]!) + s.slice(1)).join('/') },
  { name: 'last segment %-encoded in upper-case hex', spell: (p) => p.replace(/[^/]+$/, (s) => [...s].map((c) => hex(c).toUpperCase()).join('')) },
  { name: 'dot segments', spell: (p) => `/./elsewhere/..${p.replace(/\/([^/]+)$/, '/./$1')}` },
  { name: '%-encoded dot segments', spell: (p) => `/elsewhere/%2E%2e${p}` },
  { name: 'double slashes', spell: (p) => p.replace(/\//g, '//') },
  { name: 'upper case', spell: (p) => p.toUpperCase() },
  { name: 'trailing slash', spell: (p) => `${p}/` },
];

const agents = new Map<Who, { agent: TestAgent; csrf: string }>();
beforeAll(async () => {
  for (const who of ['viewer', 'planner', 'admin'] as const) {
    const { agent } = await signIn(ctx, `spelling-${who}`, who);
    agents.set(who, { agent, csrf: await csrfFrom(agent, '/people') });
  }
  const anonymous = request.agent(ctx.app);
  agents.set('anonymous', { agent: anonymous, csrf: await csrfFrom(anonymous, '/login') });
});

function outcomeOf(res: request.Response): Outcome {
  if (res.status === 401 || (res.status === 303 && String(res.headers.location).startsWith('/login'))) return 'login';
  // The CSRF refusal is a 403 too; the test sends a good token, so a 403 here is the policy's.
  if (res.status === 403) return 'forbid';
  return 'passed';
}

const TABLE = CASES.flatMap((c) => SPELLINGS.map((s) => ({ ...c, name: `${c.name}: ${s.name}`, url: s.spell(c.path) })));

describe('the policy judges the path the router matches', () => {
  it.each(TABLE)('$name ($method $url)', async ({ method, url, who, outcome }) => {
    const { agent, csrf } = agents.get(who)!;
    const res =
      method === 'GET' ? await agent.get(url) : await agent.post(url).set('x-csrf-token', csrf).type('form').send({ _csrf: csrf });
    expect({ status: res.status, outcome: outcomeOf(res) }).toEqual({ status: res.status, outcome });
  });

  it('refuses a planner the forum edit spelled POST /forums/%31/edit, and the forum stays as it was', async () => {
    const before = ctx.services.forums.get(F);
    const { agent, csrf } = agents.get('planner')!;
    const res = await agent.post(`/forums/%${(48 + F).toString(16)}/edit`).type('form').send({ _csrf: csrf, ...before, name: 'Renamed by a planner', id: undefined });
    expect(res.status).toBe(403);
    expect(ctx.services.forums.get(F).name).toBe(before.name);
  });
});

describe('broken %-escapes', () => {
  it.each([
    { name: 'percent without digits', url: '/people/%zz' },
    { name: 'truncated escape', url: '/forums/%3' },
    { name: 'escapes that are not UTF-8', url: '/people/%C3%28' },
  ])('are a 400 that says what to fix: $name', async ({ url }) => {
    const res = await agents.get('planner')!.agent.get(url);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/broken %-escape/);
  });
});
