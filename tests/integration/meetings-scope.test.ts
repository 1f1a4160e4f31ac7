import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, type TestContext } from '../support/app';

let ctx: TestContext;
beforeAll(() => {
  ctx = createTestApp();
});
afterAll(() => ctx.close());

it('does not copy a meeting of another forum into this one', async () => {
  const other = ctx.services.forums.create(SYSTEM_ACTOR, { name: 'Caspian Forum', shortName: 'CF 2019', startDate: '2019-09-01', endDate: '2019-09-02', timeZone: 'Asia/Baku', city: 'Baku' });
  const foreign = ctx.services.meetings.create(SYSTEM_ACTOR, other.id, { title: 'Confidential talks in Baku', kind: 'bilateral', status: 'tentative', start: '2019-09-01T10:00', end: '2019-09-01T11:00' }).meeting;
  const planner = await signIn(ctx, 'copy-planner');
  const res = await planner.get(`/forums/${ctx.demo!.forumId}/meetings/new?from=${foreign.id}`);
  expect(res.status).toBe(404);
  expect(res.text).not.toContain('Confidential talks in Baku');
  const own = ctx.services.meetings.list({ forumId: ctx.demo!.forumId })[0]!;
  expect((await planner.get(`/forums/${ctx.demo!.forumId}/meetings/new?from=${own.id}`)).text).toContain(`${own.title} (copy)`);
});
