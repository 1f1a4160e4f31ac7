/**
 * The save check and the whole-programme report must never disagree (issue 4:
 * "used in two places with the same code"). The save check reads only the
 * meetings around one meeting that share its room or people, and the report
 * reads slim rows; this compares them meeting by meeting, on the demo and on
 * random programmes dense enough to hit every rule.
 */
import fc from 'fast-check';
import type { Meeting } from '../../src/domain/types';
import { createTestApp, type TestContext } from '../support/app';
import { disagreements, randomProgrammes } from '../support/programme-agreement';

let ctx: TestContext;
beforeAll(() => {
  ctx = createTestApp();
});
afterAll(() => ctx.close());

/** What a meeting's page (and its save) shows. */
const onItsPage = (meeting: Meeting) => ctx.services.meetings.conflictsOf(meeting);

it('agrees on every meeting of the demo programme', () => {
  expect(ctx.services.meetings.conflicts(ctx.demo!.forumId).length).toBeGreaterThan(0);
  expect(disagreements(ctx.services, ctx.demo!.forumId, onItsPage)).toEqual([]);
});

it('agrees on every meeting of random dense programmes (rooms, people, blocks, travel, hours, cancellations)', () => {
  fc.assert(
    fc.property(randomProgrammes(ctx.services), (forumId) => {
      expect(disagreements(ctx.services, forumId, onItsPage)).toEqual([]);
    }),
    { numRuns: 40, seed: 20190607 },
  );
});
