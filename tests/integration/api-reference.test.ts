import request from 'supertest';
import type { DemoIds } from '../../db/seed/demo';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, PASSWORD, signIn, type SignedIn, type TestContext } from '../support/app';

// Each file builds the demo and signs agents in: seconds, not milliseconds, on a busy two-core machine.
jest.setTimeout(30_000);

let ctx: TestContext;
let demo: DemoIds;
let viewer: SignedIn;
beforeAll(async () => {
  ctx = createTestApp();
  demo = ctx.demo!;
  viewer = await signIn(ctx, 'api-viewer', 'viewer');
});
afterAll(() => ctx.close());

type Json = Record<string, unknown>;

/** Every key, at any depth: the API speaks camelCase only. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

async function getJson(url: string): Promise<unknown> {
  const res = await viewer.get(url).set('accept', 'application/json');
  expect(res.status).toBe(200);
  expect(res.type).toBe('application/json');
  return res.body;
}

describe('GET /api/v1 reference data', () => {
  interface ListCase {
    url: () => string;
    /** Fields every item has. */
    fields: string[];
    /** One item the demo must contain. */
    contains: () => Json;
    count: () => number;
  }
  const LISTS: Record<string, ListCase> = {
    forums: {
      url: () => '/api/v1/forums',
      fields: ['id', 'version', 'name', 'shortName', 'startDate', 'endDate', 'timeZone', 'city'],
      contains: () => ({ id: demo.forumId, shortName: 'SPIEF 2019', startDate: '2019-06-06', endDate: '2019-06-08', timeZone: 'Europe/Moscow' }),
      count: () => ctx.services.forums.list().length,
    },
    venues: {
      url: () => `/api/v1/forums/${demo.forumId}/venues`,
      fields: ['id', 'version', 'forumId', 'name', 'address', 'opensAt', 'closesAt'],
      contains: () => ({ id: demo.venues.expo, name: 'ExpoForum', address: 'Peterburgskoye shosse 64/1, St. Petersburg', opensAt: '08:00', closesAt: '21:00' }),
      count: () => 3,
    },
    rooms: {
      url: () => `/api/v1/forums/${demo.forumId}/rooms`,
      fields: ['id', 'version', 'venueId', 'name', 'capacity', 'kind'],
      contains: () => ({ id: demo.rooms.congressHall, venueId: demo.venues.expo, name: 'Congress Hall D', capacity: 400, kind: 'hall' }),
      count: () => Object.keys(demo.rooms).length,
    },
    delegations: {
      url: () => `/api/v1/forums/${demo.forumId}/delegations`,
      fields: ['id', 'version', 'forumId', 'name', 'country', 'homeTimeZone', 'headPersonId', 'members'],
      contains: () => ({ id: demo.delegations.azerbaijan, homeTimeZone: 'Asia/Baku', headPersonId: demo.people.mustafayev, members: expect.arrayContaining([{ personId: demo.people.mustafayev, role: 'head' }]) }),
      count: () => 2,
    },
    organizations: {
      url: () => '/api/v1/organizations',
      fields: ['id', 'version', 'name', 'nameRu', 'nameAz', 'country', 'kind'],
      contains: () => ({ id: demo.organizations.roscongress, name: 'Roscongress Foundation', nameRu: 'Фонд «Росконгресс»', nameAz: 'Roskonqress Fondu', kind: 'foundation' }),
      count: () => ctx.services.organizations.list().length,
    },
    people: {
      url: () => '/api/v1/people',
      fields: ['id', 'version', 'fullName', 'nameRu', 'nameAz', 'position', 'positionRu', 'positionAz', 'organizationId', 'email', 'phone', 'languages', 'notes'],
      contains: () => ({ id: demo.people.mustafayev, fullName: 'Shahin Mustafayev', nameRu: 'Шахин Мустафаев', nameAz: 'Şahin Mustafayev', organizationId: demo.organizations.economy }),
      count: () => ctx.services.people.list().length,
    },
  };

  it.each(Object.entries(LISTS))('%s: an array of camelCase objects with id and their fields', async (_name, c) => {
    const body = await getJson(c.url());
    expect(Array.isArray(body)).toBe(true);
    const items = body as Json[];
    expect(items).toHaveLength(c.count());
    for (const item of items) {
      expect(typeof item.id).toBe('number');
      for (const f of c.fields) expect(item).toHaveProperty(f);
    }
    expect(items).toContainEqual(expect.objectContaining(c.contains()));
    expect(keysOf(items).filter((k) => /_/.test(k))).toEqual([]);
  });

  it('one forum, with its version as ETag', async () => {
    const res = await viewer.get(`/api/v1/forums/${demo.forumId}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ id: demo.forumId, name: '23rd St. Petersburg International Economic Forum', city: 'St. Petersburg' }));
    expect(res.headers.etag).toBe(`"v${(res.body as Json).version}"`);
  });

  it('rooms of a forum are only the rooms of its venues', async () => {
    const actor = SYSTEM_ACTOR;
    const other = ctx.services.forums.create(actor, { name: 'Caspian Oil and Gas 2020', shortName: 'Caspian 2020', startDate: '2020-06-02', endDate: '2020-06-04', timeZone: 'Asia/Baku', city: 'Baku' });
    const venue = ctx.services.venues.create(actor, { forumId: other.id, name: 'Baku Expo Center', address: '', opensAt: null, closesAt: null });
    ctx.services.rooms.create(actor, { venueId: venue.id, name: 'Hall 1', capacity: 200, kind: 'hall' });
    const spief = (await getJson(`/api/v1/forums/${demo.forumId}/rooms`)) as Json[];
    const caspian = (await getJson(`/api/v1/forums/${other.id}/rooms`)) as Json[];
    expect(spief.map((r) => r.name)).not.toContain('Hall 1');
    expect(caspian.map((r) => r.name)).toEqual(['Hall 1']);
  });

  it.each(['/api/v1/forums/99999', '/api/v1/forums/99999/venues', '/api/v1/forums/99999/rooms', '/api/v1/forums/99999/delegations', '/api/v1/forums/abc'])(
    '%s: 404 as JSON with a message',
    async (url) => {
      const res = await viewer.get(url);
      expect(res.status).toBe(404);
      expect(res.type).toBe('application/json');
      expect(res.body).toEqual({ error: expect.stringMatching(/^There is no forum/) });
    },
  );

  it('an unknown API route is a 404 in JSON, not an HTML page', async () => {
    const res = await viewer.get('/api/v1/nowhere');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'There is no API route GET /api/v1/nowhere.' });
  });

  it('asks a stranger to authenticate, in JSON', async () => {
    const res = await request(ctx.app).get('/api/v1/people');
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(/Authorization: Bearer/);
  });

  it('answers a program with an API token and no session', async () => {
    ctx.services.accounts.createUser(SYSTEM_ACTOR, { username: 'api-robot', role: 'viewer', password: PASSWORD });
    const { token } = ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'api-robot', 'reference sync');
    const res = await request(ctx.app).get('/api/v1/organizations').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect((res.body as Json[]).map((o) => o.name)).toContain('Gazprombank');
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
