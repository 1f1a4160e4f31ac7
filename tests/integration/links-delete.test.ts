/**
 * A record that a live secret link opens cannot be deleted from under it: the
 * delete is refused naming the links, and once they are revoked it goes, while
 * the links page keeps listing (and answering) with the record gone.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import type { FeedScopeKind } from '../../src/domain/feed-scope';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { databaseState } from '../support/db-state';

let ctx: TestContext;
let planner: SignedIn;
beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'links-delete-planner', 'planner');
});
afterAll(() => ctx.close());

const demo = () => ctx.demo!;
const linksPage = () => `/forums/${demo().forumId}/links`;
const a = SYSTEM_ACTOR;

/** A record of each kind that nothing but a link points at, and the page that deletes it. */
const KINDS: { name: string; scope: FeedScopeKind; make: () => number; base: () => string }[] = [
  { name: 'delegation', scope: 'delegation', make: () => ctx.services.delegations.create(a, { forumId: demo().forumId, name: 'Delegation of Georgia', homeTimeZone: 'Asia/Tbilisi' }).id, base: () => `/forums/${demo().forumId}/delegations` },
  { name: 'person', scope: 'person', make: () => ctx.services.people.create(a, { fullName: 'Nino Beridze' }).id, base: () => '/people' },
  { name: 'organization', scope: 'organization', make: () => ctx.services.organizations.create(a, { name: 'Georgian Railway', kind: 'company' }).id, base: () => '/organizations' },
  { name: 'room', scope: 'room', make: () => ctx.services.rooms.create(a, { venueId: demo().venues.expo, name: 'Pavilion G, room 7', capacity: 8, kind: 'meeting_room' }).id, base: () => `/forums/${demo().forumId}/rooms` },
];

describe.each(KINDS)('deleting a $name a secret link opens', ({ name, scope, make, base }) => {
  let id: number;
  let tokenId: number;
  let secret: string;
  beforeAll(() => {
    id = make();
    const created = ctx.services.feeds.createToken(a, demo().forumId, { scope, scopeId: id, label: `For the ${name}` });
    tokenId = created.token.id;
    secret = created.secret;
  });

  it('is refused with a message naming the link, and nothing is written', async () => {
    const before = databaseState(ctx.services.store.db);
    const res = await planner.submit(`${base()}/${id}/delete`, `${base()}/${id}/delete`, {});
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain(`1 live calendar link (revoke it under Calendar links) (“For the ${name} in SPIEF 2019”)`);
    expect(databaseState(ctx.services.store.db)).toEqual(before);
    expect((await request(ctx.app).get(`/s/${secret}`)).status).toBe(200);
  });

  it('goes once the link is revoked, and the links page still answers, naming what was deleted', async () => {
    ctx.services.feeds.revoke(a, tokenId);
    const res = await planner.submit(`${base()}/${id}/delete`, `${base()}/${id}/delete`, {});
    expect(res.status).toBe(303);
    const page = await planner.get(linksPage());
    expect(page.status).toBe(200);
    expect(textOf(page.text)).toContain(`Deleted ${name} (id ${id})`);
  });
});

describe('a link whose record is already gone (a row from before deletes were refused)', () => {
  it.each([
    { name: 'delegation', scope: 'delegation' },
    { name: 'person', scope: 'person' },
    { name: 'organization', scope: 'organization' },
    { name: 'room', scope: 'room' },
    { name: 'B2B participant', scope: 'b2b_participant' },
  ] as const)('$name: the links page answers 200, the link itself 404, its feed 404', async ({ scope }) => {
    const { secret, token } = ctx.services.feeds.createToken(a, demo().forumId, { scope: 'delegation', scopeId: demo().delegations.azerbaijan });
    // Point the link at an id nothing has, as a delete before this check would have left it.
    ctx.services.store.db.prepare('UPDATE feed_token SET scope = ?, scope_id = 999999 WHERE id = ?').run(scope, token.id);
    expect((await planner.get(linksPage())).status).toBe(200);
    expect((await request(ctx.app).get(`/s/${secret}`)).status).toBe(404);
    expect((await request(ctx.app).get(`/s/${secret}/calendar.ics`)).status).toBe(404);
    expect((await request(ctx.app).get(`/s/${secret}/agenda`)).status).toBe(404);
    expect((await request(ctx.app).get(`/api/v1/forums/${demo().forumId}/feed-tokens`).set('authorization', `Bearer ${apiToken()}`)).status).toBe(200);
    ctx.services.feeds.revoke(a, token.id);
  });

  it('a B2B company with a live link cannot be deleted while it takes part', async () => {
    const participant = ctx.services.store.db.prepare('SELECT id, organization_id AS organizationId FROM b2b_participant ORDER BY id LIMIT 1').get() as { id: number; organizationId: number };
    ctx.services.feeds.createToken(a, demo().forumId, { scope: 'b2b_participant', scopeId: participant.id, label: 'Company link' });
    const before = databaseState(ctx.services.store.db);
    const url = `/organizations/${participant.organizationId}/delete`;
    const res = await planner.submit(url, url, {});
    expect(res.status).toBe(409);
    expect(databaseState(ctx.services.store.db)).toEqual(before);
    expect((await planner.get(linksPage())).status).toBe(200);
  });
});

let token: string | undefined;
function apiToken(): string {
  token ??= ctx.services.accounts.createApiToken(a, 'links-delete-planner', 'links delete').token;
  return token;
}
