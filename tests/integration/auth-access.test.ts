import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { decide } from '../../src/web/middleware/policy';
import type { Role } from '../../src/domain/accounts';
import { createTestApp, csrfFrom, signIn } from '../support/app';

// A fresh database with the demo, and real scrypt and HTTP round trips: seconds, not milliseconds, on a busy machine.
jest.setTimeout(30_000);

/**
 * Every role against a table of routes. "ok" means the policy let the request
 * through to its handler (which answered `ok`, the status that handler gives
 * when all goes well); "forbid" is 403; "login" is a redirect to /login for
 * pages and 401 for the API.
 */
type Who = Role | 'anonymous';
type Outcome = 'ok' | 'forbid' | 'login';
const WHO: readonly Who[] = ['anonymous', 'viewer', 'planner', 'admin'];

const EVERYONE: Record<Who, Outcome> = { anonymous: 'login', viewer: 'ok', planner: 'ok', admin: 'ok' };
const PLANNERS: Record<Who, Outcome> = { ...EVERYONE, viewer: 'forbid' };
const ADMINS: Record<Who, Outcome> = { ...PLANNERS, planner: 'forbid' };
const PUBLIC: Record<Who, Outcome> = { anonymous: 'ok', viewer: 'ok', planner: 'ok', admin: 'ok' };

interface RouteCase {
  name: string;
  method: 'GET' | 'POST';
  url: string;
  /** Built when sent, so that edits carry the version stored at that moment. */
  body?: (who: Who) => Record<string, string | number>;
  ok: number;
  access: Record<Who, Outcome>;
}

const ctx = createTestApp();
afterAll(() => ctx.close());
const demo = ctx.demo!;
const F = demo.forumId;
const person = demo.people.adviser!;
const head = ctx.services.delegations.get(demo.delegations.azerbaijan).headPersonId!;
const D = demo.delegations.azerbaijan;
const version = (service: { get(id: number): { version: number } }, id: number) => service.get(id).version;
/** The demo forum as its edit form sends it back, at the version stored when sent. */
const unchangedForum = () => ({ ...ctx.services.forums.get(F), id: undefined });

const ROUTES: RouteCase[] = [
  // Pages anyone signed in may read.
  { name: 'forum list', method: 'GET', url: '/forums', ok: 200, access: EVERYONE },
  { name: 'forum home', method: 'GET', url: `/forums/${F}`, ok: 200, access: EVERYONE },
  { name: 'venue list', method: 'GET', url: `/forums/${F}/venues`, ok: 200, access: EVERYONE },
  { name: 'venue page', method: 'GET', url: `/forums/${F}/venues/${demo.venues.expo}`, ok: 200, access: EVERYONE },
  { name: 'room list', method: 'GET', url: `/forums/${F}/rooms`, ok: 200, access: EVERYONE },
  { name: 'delegation list', method: 'GET', url: `/forums/${F}/delegations`, ok: 200, access: EVERYONE },
  { name: 'delegation page', method: 'GET', url: `/forums/${F}/delegations/${D}`, ok: 200, access: EVERYONE },
  { name: 'travel times', method: 'GET', url: `/forums/${F}/travel`, ok: 200, access: EVERYONE },
  { name: 'people list', method: 'GET', url: '/people', ok: 200, access: EVERYONE },
  { name: 'person page', method: 'GET', url: `/people/${person}`, ok: 200, access: EVERYONE },
  { name: 'organization list', method: 'GET', url: '/organizations', ok: 200, access: EVERYONE },
  { name: 'start page', method: 'GET', url: '/', ok: 303, access: EVERYONE },
  // Forms that change things, and the changes themselves: planners and admins.
  { name: 'new person form', method: 'GET', url: '/people/new', ok: 200, access: PLANNERS },
  { name: 'new organization form', method: 'GET', url: '/organizations/new', ok: 200, access: PLANNERS },
  { name: 'new venue form', method: 'GET', url: `/forums/${F}/venues/new`, ok: 200, access: PLANNERS },
  { name: 'new room form', method: 'GET', url: `/forums/${F}/rooms/new`, ok: 200, access: PLANNERS },
  { name: 'new delegation form', method: 'GET', url: `/forums/${F}/delegations/new`, ok: 200, access: PLANNERS },
  { name: 'person edit form', method: 'GET', url: `/people/${person}/edit`, ok: 200, access: PLANNERS },
  { name: 'person delete form', method: 'GET', url: `/people/${person}/delete`, ok: 200, access: PLANNERS },
  { name: 'create person', method: 'POST', url: '/people', body: (who) => ({ fullName: `Created by ${who}` }), ok: 303, access: PLANNERS },
  { name: 'create organization', method: 'POST', url: '/organizations', body: (who) => ({ name: `Org of ${who}`, kind: 'company' }), ok: 303, access: PLANNERS },
  { name: 'create venue', method: 'POST', url: `/forums/${F}/venues`, body: (who) => ({ name: `Venue of ${who}` }), ok: 303, access: PLANNERS },
  { name: 'create room', method: 'POST', url: `/forums/${F}/rooms`, body: (who) => ({ name: `Room of ${who}`, venueId: demo.venues.expo, capacity: 4, kind: 'meeting_room' }), ok: 303, access: PLANNERS },
  { name: 'create delegation', method: 'POST', url: `/forums/${F}/delegations`, body: (who) => ({ name: `Delegation of ${who}`, homeTimeZone: 'Asia/Baku' }), ok: 303, access: PLANNERS },
  {
    name: 'edit person',
    method: 'POST',
    url: `/people/${person}/edit`,
    body: (who) => ({ fullName: 'Leyla Mammadova', position: `Edited by ${who}`, version: version(ctx.services.people, person) }),
    ok: 303,
    access: PLANNERS,
  },
  { name: 'delete a person still in use', method: 'POST', url: `/people/${head}/delete`, ok: 409, access: PLANNERS },
  { name: 'save travel times', method: 'POST', url: `/forums/${F}/travel`, body: () => ({ [`t_${demo.venues.expo}_${demo.venues.hotel}`]: 35 }), ok: 303, access: PLANNERS },
  { name: 'add delegation member', method: 'POST', url: `/forums/${F}/delegations/${D}/members`, body: () => ({ personId: demo.people.roscongress!, role: 'member' }), ok: 303, access: PLANNERS },
  // Forums themselves and the admin pages: admins only.
  { name: 'new forum form', method: 'GET', url: '/forums/new', ok: 200, access: ADMINS },
  { name: 'forum edit form', method: 'GET', url: `/forums/${F}/edit`, ok: 200, access: ADMINS },
  {
    name: 'create forum',
    method: 'POST',
    url: '/forums',
    body: (who) => ({ name: `Forum of ${who}`, shortName: who, startDate: '2020-06-03', endDate: '2020-06-06', timeZone: 'Europe/Moscow' }),
    ok: 303,
    access: ADMINS,
  },
  {
    name: 'edit forum',
    method: 'POST',
    url: `/forums/${F}/edit`,
    body: unchangedForum,
    ok: 303,
    access: ADMINS,
  },
  { name: 'delete a forum still in use', method: 'POST', url: `/forums/${F}/delete`, ok: 409, access: ADMINS },
  { name: 'users page', method: 'GET', url: '/admin/users', ok: 200, access: ADMINS },
  { name: 'create user', method: 'POST', url: '/admin/users', body: (who) => ({ username: `made-by-${who}`, role: 'viewer', password: 'Long-enough-pass-1' }), ok: 303, access: ADMINS },
  { name: 'audit log', method: 'GET', url: '/admin/audit', ok: 200, access: ADMINS },
  { name: 'audit entry', method: 'GET', url: '/admin/audit/1', ok: 200, access: ADMINS },
  // Spellings the routers accept must be judged like the canonical path.
  { name: 'users page in capitals', method: 'GET', url: '/ADMIN/users', ok: 200, access: ADMINS },
  { name: 'audit log with a trailing slash', method: 'GET', url: '/admin/audit/', ok: 200, access: ADMINS },
  { name: 'new person form with a trailing slash', method: 'GET', url: '/people/new/', ok: 200, access: PLANNERS },
  {
    name: 'edit forum in mixed case',
    method: 'POST',
    url: `/Forums/${F}/Edit`,
    body: unchangedForum,
    ok: 303,
    access: ADMINS,
  },
  {
    name: 'edit forum with a trailing slash',
    method: 'POST',
    url: `/forums/${F}/edit/`,
    body: unchangedForum,
    ok: 303,
    access: ADMINS,
  },
  // The JSON API reads: everyone signed in; anonymous gets 401, not a redirect.
  { name: 'API forums', method: 'GET', url: '/api/v1/forums', ok: 200, access: EVERYONE },
  { name: 'API forum', method: 'GET', url: `/api/v1/forums/${F}`, ok: 200, access: EVERYONE },
  { name: 'API venues', method: 'GET', url: `/api/v1/forums/${F}/venues`, ok: 200, access: EVERYONE },
  { name: 'API rooms', method: 'GET', url: `/api/v1/forums/${F}/rooms`, ok: 200, access: EVERYONE },
  { name: 'API delegations', method: 'GET', url: `/api/v1/forums/${F}/delegations`, ok: 200, access: EVERYONE },
  { name: 'API people', method: 'GET', url: '/api/v1/people', ok: 200, access: EVERYONE },
  { name: 'API organizations', method: 'GET', url: '/api/v1/organizations', ok: 200, access: EVERYONE },
  { name: 'API in capitals', method: 'GET', url: '/API/v1/people', ok: 200, access: EVERYONE },
  // No login needed.
  { name: 'health check', method: 'GET', url: '/healthz', ok: 200, access: PUBLIC },
];

const clients = {} as Record<Who, { agent: TestAgent; csrf: () => Promise<string> }>;
beforeAll(async () => {
  const anonymous = request.agent(ctx.app);
  clients.anonymous = { agent: anonymous, csrf: () => csrfFrom(anonymous, '/login') };
  for (const role of ['viewer', 'planner', 'admin'] as const) {
    const { agent } = await signIn(ctx, `the-${role}`, role);
    clients[role] = { agent, csrf: () => csrfFrom(agent, '/people') };
  }
});

const table = ROUTES.flatMap((route) => WHO.map((who) => ({ ...route, who, outcome: route.access[who] })));

describe('who may reach which route', () => {
  it.each(table)('$who: $method $url ($name) -> $outcome', async ({ who, method, url, body, ok, outcome }) => {
    const { agent, csrf } = clients[who];
    const res =
      method === 'GET'
        ? await agent.get(url)
        : await agent
            .post(url)
            .type('form')
            .send({ _csrf: await csrf(), ...body?.(who) });
    const api = url.toLowerCase().startsWith('/api/');
    if (outcome === 'ok') {
      expect(res.status).toBe(ok);
      if (res.status === 303) expect(res.headers.location).not.toMatch(/^\/login/);
    } else if (outcome === 'forbid') {
      expect(res.status).toBe(403);
    } else if (api) {
      expect(res.status).toBe(401);
      expect(res.body.error).toMatch(/API token/);
    } else {
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(/^\/login/);
    }
  });

  it('refused writes changed nothing', () => {
    for (const who of ['anonymous', 'viewer'] as const) {
      expect(ctx.services.people.list().some((p) => p.fullName === `Created by ${who}`)).toBe(false);
      expect(ctx.services.accounts.list().some((u) => u.username === `made-by-${who}`)).toBe(false);
    }
    expect(ctx.services.forums.list().map((f) => f.name)).toEqual(expect.not.arrayContaining(['Forum of planner', 'Forum of viewer']));
    expect(ctx.services.accounts.list().some((u) => u.username === 'made-by-planner')).toBe(false);
    expect(ctx.services.forums.get(F).name).toBe('23rd St. Petersburg International Economic Forum');
  });

  it('answers the API in JSON however its path is spelled', async () => {
    const missing = await clients.viewer.agent.get('/API/v1/forums/99999');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('There is no forum with id 99999.');
    const refused = await clients.viewer.agent.post('/Api/v1/forums').send({});
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/role does not allow/);
  });

  it('sends a signed-out reader to the login page with the page to come back to', async () => {
    const res = await request(ctx.app).get(`/forums/${F}/venues?sort=name`);
    expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(`/forums/${F}/venues?sort=name`)}`);
  });
});

describe('the policy table for API writes that later issues add', () => {
  it.each([
    { name: 'forum create', method: 'POST', path: '/api/v1/forums', planner: 'forbid', admin: 'allow' },
    { name: 'forum create, capitals', method: 'POST', path: '/API/V1/FORUMS/', planner: 'forbid', admin: 'allow' },
    { name: 'meeting create', method: 'POST', path: `/api/v1/forums/${F}/meetings`, planner: 'allow', admin: 'allow' },
    { name: 'meeting patch', method: 'PATCH', path: `/api/v1/forums/${F}/meetings/1`, planner: 'allow', admin: 'allow' },
    { name: 'admin API', method: 'GET', path: '/admin/users', planner: 'forbid', admin: 'allow' },
    { name: 'unknown method', method: 'OPTIONS', path: '/people', planner: 'forbid', admin: 'forbid' },
  ] as const)('$name: $method $path', ({ method, path, planner, admin }) => {
    expect(decide(method, path, 'viewer')).toBe('forbid');
    expect(decide(method, path, 'planner')).toBe(planner);
    expect(decide(method, path, 'admin')).toBe(admin);
    expect(decide(method, path, null)).toBe('login');
  });
});
