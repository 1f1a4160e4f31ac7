/**
 * Handing out secret links: the planners' page (/forums/:id/links) and the
 * API (/api/v1/feed-tokens). The secret is shown once, in the answer that
 * creates it; afterwards planners see who fetched, not the secret.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { addUser, createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

let ctx: TestContext;
let planner: SignedIn;
const bearer: Record<'planner' | 'viewer', Record<string, string>> = { planner: {}, viewer: {} };
let linksPage: string;

/** The secret of the link shown on a creation page. */
const shownSecret = (html: string) => /\/s\/([\w-]{32})\/calendar\.ics/.exec(html)?.[1];

beforeAll(async () => {
  ctx = createTestApp();
  linksPage = `/forums/${ctx.demo!.forumId}/links`;
  planner = await signIn(ctx, 'links-planner', 'planner');
  for (const role of ['planner', 'viewer'] as const) {
    addUser(ctx, `api-${role}`, role);
    bearer[role] = { authorization: `Bearer ${ctx.services.accounts.createApiToken(SYSTEM_ACTOR, `api-${role}`, 'links tests').token}` };
  }
});
afterAll(() => ctx.close());

describe('the API', () => {
  const create = (who: 'planner' | 'viewer', body: Record<string, unknown>) => request(ctx.app).post('/api/v1/feed-tokens').set(bearer[who]).send(body);

  it('creates a link and answers with its secret once, as https, webcal and page URLs', async () => {
    const res = await create('planner', { scope: 'delegation', scopeId: ctx.demo!.delegations.azerbaijan, label: 'Delegation office' });
    expect(res.status).toBe(201);
    const { id, token, url, webcalUrl, pageUrl } = res.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(res.body).toMatchObject({ forumId: ctx.demo!.forumId, scope: 'delegation', label: 'Delegation office', revokedAt: null, lastFetchedAt: null });
    expect(url).toBe(`https://planner.example.org/s/${token}/calendar.ics`);
    expect(webcalUrl).toBe(`webcal://planner.example.org/s/${token}/calendar.ics`);
    expect(pageUrl).toBe(`https://planner.example.org/s/${token}`);
    await request(ctx.app).get(new URL(url).pathname).expect(200);

    const list = await request(ctx.app).get(`/api/v1/forums/${ctx.demo!.forumId}/feed-tokens`).set(bearer.viewer).expect(200);
    expect(list.body.map((t: { id: number }) => t.id)).toContain(id);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(JSON.stringify(list.body)).not.toMatch(/hash/i);
  });

  it('takes the forum from the scope when none is named (a room belongs to one forum)', async () => {
    const res = await create('planner', { scope: 'room', scopeId: ctx.demo!.rooms.stand, label: 'Stand screen' });
    expect(res.status).toBe(201);
    expect(res.body.forumId).toBe(ctx.demo!.forumId);
  });

  it('revokes with DELETE: 204, and the link is dead at once', async () => {
    const { id, url } = (await create('planner', { scope: 'person', scopeId: ctx.demo!.people.press, label: 'Press secretary' })).body;
    await request(ctx.app).get(new URL(url).pathname).expect(200);
    await request(ctx.app).delete(`/api/v1/feed-tokens/${id}`).set(bearer.viewer).expect(403);
    await request(ctx.app).delete(`/api/v1/feed-tokens/${id}`).set(bearer.planner).expect(204);
    await request(ctx.app).get(new URL(url).pathname).expect(404);
    const listed = (await request(ctx.app).get(`/api/v1/forums/${ctx.demo!.forumId}/feed-tokens`).set(bearer.planner)).body.find((t: { id: number }) => t.id === id);
    expect(listed.revokedAt).toMatch(/Z$/);
    await request(ctx.app).delete('/api/v1/feed-tokens/999999').set(bearer.planner).expect(404);
  });

  it('refuses a viewer (403) and creates nothing', async () => {
    const before = ctx.services.feeds.list(ctx.demo!.forumId).length;
    const res = await create('viewer', { scope: 'person', scopeId: ctx.demo!.people.press, label: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.token).toBeUndefined();
    expect(ctx.services.feeds.list(ctx.demo!.forumId)).toHaveLength(before);
  });

  it.each([
    { name: 'an unknown scope', body: { scope: 'country', scopeId: 1 }, field: 'scope' },
    { name: 'a room that does not exist', body: { scope: 'room', scopeId: 9999, forumId: 1 }, field: 'scopeId' },
    { name: 'a person who does not exist', body: { scope: 'person', scopeId: 99999 }, field: 'scopeId' },
    { name: 'a delegation of another forum', body: { scope: 'delegation', scopeId: 1, forumId: 99 }, field: null },
    { name: 'an expiry in the past', body: { scope: 'person', scopeId: 1, expiresOn: '2019-06-01' }, field: 'expiresOn' },
  ])('refuses $name: 422 naming the field, or 404 for a forum that does not exist', async ({ body, field }) => {
    const res = await create('planner', { label: 'x', ...body });
    expect(res.status).toBe(field ? 422 : 404);
    if (field) expect(Object.keys(res.body.fields)).toContain(field);
  });

  it('works with a session and the CSRF header too', async () => {
    const res = await planner.json('post', '/api/v1/feed-tokens', { scope: 'person', scopeId: ctx.demo!.people.adviser, label: 'Adviser' });
    expect(res.status).toBe(201);
  });
});

describe('the planners’ links page', () => {
  let created: string;
  let secret: string;

  beforeAll(async () => {
    const res = await planner.submit(linksPage, linksPage, { scope: 'person', scopeId_person: ctx.demo!.people.mustafayev, scopeId_room: ctx.demo!.rooms.stand, label: 'Minister’s phone', expiresOn: '' });
    created = res.text;
    expect(res.status).toBe(201);
    secret = shownSecret(created)!;
  });

  it('shows a new link once: https, webcal and a QR code, for the scope chosen in “For a”', async () => {
    expect(secret).toMatch(/^[\w-]{32}$/);
    expect(textOf(created)).toContain('New link for Shahin Mustafayev · “Minister’s phone”');
    expect(created).toContain(`webcal://planner.example.org/s/${secret}/calendar.ics`);
    expect(created).toMatch(/<img class="qr" src="data:image\/png;base64,/);
    const row = ctx.services.feeds.list(ctx.demo!.forumId).find((t) => t.label === 'Minister’s phone')!;
    expect(row).toMatchObject({ scope: 'person', scopeId: ctx.demo!.people.mustafayev });
    expect((await planner.get(linksPage)).text).not.toContain(secret);
  });

  it('shows “last fetched” and how often once the phone has fetched the feed', async () => {
    const row = async () => textOf(/<tr\b(?:(?!<\/tr>)[\s\S])*Minister’s phone[\s\S]*?<\/tr>/.exec((await planner.get(linksPage)).text)![0]);
    expect(await row()).toContain('never');
    await request(ctx.app).get(`/s/${secret}/calendar.ics`).expect(200);
    await request(ctx.app).get(`/s/${secret}/calendar.ics`).expect(200);
    expect(await row()).toMatch(/Minister’s phone [\d-]{10} \d{2}:\d{2} by links-planner [\d-]{10} \d{2}:\d{2} 2 fetches Active/);
  });

  it('“New secret” shows a new link and kills the old one', async () => {
    const id = ctx.services.feeds.list(ctx.demo!.forumId).find((t) => t.label === 'Minister’s phone' && !t.revokedAt)!.id;
    const res = await planner.submit(linksPage, `${linksPage}/${id}/rotate`, {});
    expect(res.status).toBe(201);
    const fresh = shownSecret(res.text)!;
    expect(fresh).not.toBe(secret);
    await request(ctx.app).get(`/s/${secret}/calendar.ics`).expect(404);
    await request(ctx.app).get(`/s/${fresh}/calendar.ics`).expect(200);
    secret = fresh;
  });

  it('“Revoke” kills the link and marks it revoked in the list', async () => {
    const id = ctx.services.feeds.list(ctx.demo!.forumId).find((t) => t.label === 'Minister’s phone' && !t.revokedAt)!.id;
    const res = await planner.submit(linksPage, `${linksPage}/${id}/revoke`, {});
    expect(res.status).toBe(303);
    await request(ctx.app).get(`/s/${secret}`).expect(404);
    const page = await planner.get(linksPage);
    expect(textOf(page.text)).toMatch(/Minister’s phone .*Revoked/);
  });

  it('asks again, with the message beside the list, when no one is chosen', async () => {
    const res = await planner.submit(linksPage, linksPage, { scope: 'room', scopeId_room: '', label: 'Nobody' });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/<select id="l-room"[\s\S]*?<\/select>\s*<p class="error-text">Choose a person, delegation, room or organization\.<\/p>/);
  });

  it('lets a viewer see the list but not create, rotate or revoke', async () => {
    const viewer = await signIn(ctx, 'links-viewer', 'viewer');
    const page = await viewer.get(linksPage).expect(200);
    expect(page.text).not.toContain(`action="${linksPage}"`);
    expect(page.text).not.toMatch(/\/(rotate|revoke)"/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await viewer.get('/forums')).text)?.[1] ?? '';
    await viewer.agent.post(linksPage).type('form').send({ _csrf: csrf, scope: 'person', scopeId_person: '1', label: 'x' }).expect(403);
  });
});
