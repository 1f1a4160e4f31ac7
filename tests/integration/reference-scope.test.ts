import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type TestContext } from '../support/app';

let ctx: TestContext;
beforeAll(() => {
  ctx = createTestApp();
});
afterAll(() => ctx.close());

describe('records of one forum stay in it', () => {
  it('refuses a room posted under another forum’s venue', async () => {
    const other = ctx.services.forums.create(SYSTEM_ACTOR, { name: 'Caspian Forum', shortName: 'CF 2019', startDate: '2019-09-01', endDate: '2019-09-02', timeZone: 'Asia/Baku', city: 'Baku' });
    const foreignVenue = ctx.services.venues.create(SYSTEM_ACTOR, { forumId: other.id, name: 'Baku Expo Center', address: '', opensAt: null, closesAt: null });
    const planner = await signIn(ctx, 'scope-planner');
    const forumId = ctx.demo!.forumId;
    const before = ctx.services.directory.roomsOfForum(forumId).length;
    const res = await planner.submit(`/forums/${forumId}/rooms/new`, `/forums/${forumId}/rooms`, { venueId: foreignVenue.id, name: 'Smuggled room', capacity: 10, kind: 'meeting_room' });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('Choose a venue of this forum.');
    expect(res.text).toContain('value="Smuggled room"');
    expect(ctx.services.directory.roomsOfForum(forumId).length).toBe(before);
    expect(ctx.services.rooms.list({ venueId: foreignVenue.id })).toHaveLength(0);
  });

  it('refuses it in the service too, for any caller that names the forum it writes in', () => {
    const other = ctx.services.forums.create(SYSTEM_ACTOR, { name: 'Ganja Forum', shortName: 'GF 2019', startDate: '2019-10-01', endDate: '2019-10-02', timeZone: 'Asia/Baku', city: 'Ganja' });
    const foreignVenue = ctx.services.venues.create(SYSTEM_ACTOR, { forumId: other.id, name: 'Ganja Hall', address: '', opensAt: null, closesAt: null });
    const write = () => ctx.services.rooms.create(SYSTEM_ACTOR, { venueId: foreignVenue.id, name: 'Service-smuggled room', capacity: 10, kind: 'meeting_room' }, { forumId: ctx.demo!.forumId });
    expect(write).toThrow(expect.objectContaining({ fields: { venueId: 'Choose a venue of this forum.' } }));
    expect(ctx.services.rooms.list({ venueId: foreignVenue.id })).toHaveLength(0);
  });

  it('shows member changes in the delegation’s history', async () => {
    const planner = await signIn(ctx, 'history-planner');
    const { forumId, delegations, people } = ctx.demo!;
    const page = `/forums/${forumId}/delegations/${delegations.leningrad}`;
    const before = (textOf((await planner.get(page)).text).match(/history-planner/g) ?? []).length;
    await planner.submit(page, `${page}/members`, { personId: people.roscongress, role: 'adviser' });
    const after = textOf((await planner.get(page)).text);
    expect((after.match(/history-planner/g) ?? []).length).toBe(before + 1);
  });
});
