import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

/**
 * The whole-forum conflict report is made on a worker thread when it is not
 * kept (services/meetings/off-thread.ts), so the request that needs it waits
 * without holding the event loop. What must hold: the worker's report is the
 * in-process report; it is kept under the version it was read at, so a save
 * shows on the next look; two looks at once share one run; and the conflicts
 * page and the API answer from it.
 */
let ctx: TestContext;
let planner: SignedIn;
let forumId: number;
const DAY = '2019-06-07';

beforeAll(async () => {
  ctx = createTestApp({ conflictThread: true });
  forumId = ctx.demo!.forumId;
  planner = await signIn(ctx, 'thread-planner');
});
afterAll(() => ctx.close());

const thread = () => ctx.services.conflictThread!;

it('makes the report on the worker, equal to the one made in process, and keeps it', async () => {
  const made = thread().made;
  const offThread = await ctx.services.meetings.datedConflictsReady(forumId);
  expect(thread().made).toBe(made + 1);
  const inProcess = createTestApp({ demo: true });
  try {
    expect(offThread).toEqual(inProcess.services.meetings.datedConflicts(inProcess.demo!.forumId));
  } finally {
    inProcess.close();
  }
  // Kept: the next look makes nothing.
  expect(await ctx.services.meetings.datedConflictsReady(forumId)).toBe(offThread);
  expect(thread().made).toBe(made + 1);
});

it('shows a clash a save makes on the very next look, made again on the worker, and two looks at once share one run', async () => {
  const before = await ctx.services.meetings.datedConflictsReady(forumId);
  ctx.services.meetings.create(SYSTEM_ACTOR, forumId, {
    title: 'Clash made on purpose',
    kind: 'bilateral',
    status: 'tentative',
    start: `${DAY}T10:15`,
    end: `${DAY}T10:45`,
    roomId: ctx.demo!.rooms.bilateral1,
    participants: [{ personId: ctx.demo!.people.mustafayev, role: 'principal' }],
    delegationIds: [ctx.demo!.delegations.azerbaijan],
  });
  const made = thread().made;
  const [a, b] = await Promise.all([ctx.services.meetings.datedConflictsReady(forumId), ctx.services.meetings.datedConflictsReady(forumId)]);
  expect(a).toBe(b);
  expect(thread().made).toBe(made + 1);
  expect(a.length).toBeGreaterThan(before.length);
  const page = await planner.get(`/forums/${forumId}/conflicts?day=${DAY}`);
  expect(page.status).toBe(200);
  expect(textOf(page.text)).toContain('Clash made on purpose');
  const api = await planner.get(`/api/v1/forums/${forumId}/conflicts`);
  expect(api.status).toBe(200);
  expect(api.body).toHaveLength(a.length);
});

it('computes in process, starting no worker, for a database in memory', () => {
  expect(thread().available(':memory:')).toBe(false);
  expect(thread().available('')).toBe(false);
});
