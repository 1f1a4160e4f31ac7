import { createTestApp, signIn, type SignedIn, type TestContext } from '../support/app';

/**
 * Foreign keys keep every record a meeting or a delegation points at. A
 * database copied or restored without them can still lose one; the page that
 * needs it then says "not found" (404) instead of failing with a TypeError (500).
 */
let ctx: TestContext;
let planner: SignedIn;
beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'missing-planner');
});
afterAll(() => ctx.close());

/** Removes a person row behind the foreign keys' back, as a careless restore would. */
function losePerson(personId: number): void {
  const { db } = ctx.services.store;
  db.pragma('foreign_keys = OFF');
  try {
    db.prepare('DELETE FROM person WHERE id = ?').run(personId);
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

it('a meeting whose participant is gone, and the day grid of a delegation whose member is gone, answer 404', async () => {
  const forumId = ctx.demo!.forumId;
  const delegationId = ctx.demo!.delegations.azerbaijan;
  const member = ctx.services.store.delegations.members(delegationId)[0]!;
  const meeting = ctx.services.store.meetings.list({ forumId, personId: member.personId })[0]!;
  const day = meeting.startUtc ? new Date(meeting.startUtc).toISOString().slice(0, 10) : '2019-06-06';
  losePerson(member.personId);

  const page = await planner.get(`/forums/${forumId}/meetings/${meeting.id}`);
  expect(page.status).toBe(404);
  expect(page.text).toContain(`There is no person with id ${member.personId}.`);

  const grid = await planner.get(`/forums/${forumId}/grid/people/${day}?delegation=${delegationId}`);
  expect(grid.status).toBe(404);
  expect(grid.text).toContain(`There is no person with id ${member.personId}.`);
});
