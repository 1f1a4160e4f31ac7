import fc from 'fast-check';
import type { Conflict } from '../../src/domain/conflicts';
import { MeetingService } from '../../src/services/meetings';
import { DerivedCache } from '../../src/services/derived-cache';
import { createTestApp, type TestContext } from '../support/app';
import { randomProgrammes } from '../support/programme-agreement';

/**
 * An agenda, a grid page or the meetings list computes the conflicts of its
 * own meetings over those meetings and the ones that could clash with them
 * (MeetingService.conflictsAmong). Whatever the scope, the answer must be the
 * whole-programme report filtered to the scope: the same conflicts, in the
 * same order, with the same sentences.
 */
let ctx: TestContext;
/** A service that keeps nothing, so every answer is computed around the scope, never filtered from a kept report. */
let scopedOnly: MeetingService;
beforeAll(() => {
  ctx = createTestApp({ demo: false });
  scopedOnly = new MeetingService(ctx.services.store, Date.now, new DerivedCache(() => 0, { entries: 0, bytes: 0 }));
});
afterAll(() => ctx.close());

const key = (c: Conflict) => JSON.stringify([c.kind, c.severity, c.meetingIds, c.personId ?? null, c.roomId ?? null, c.message]);

it('says of any set of meetings what the whole report says of them', () => {
  fc.assert(
    fc.property(randomProgrammes(ctx.services), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (forumId, picks) => {
      const meetings = ctx.services.meetings.list({ forumId });
      const scope = [...new Set(picks.map((p) => meetings[p % meetings.length]!))];
      const ids = new Set(scope.map((m) => m.id));
      const scoped = scopedOnly.conflictsAmong(forumId, scope).map(key);
      const fromReport = ctx.services.meetings
        .conflicts(forumId)
        .filter((c) => c.meetingIds.some((id) => ids.has(id)))
        .map(key);
      expect(scoped).toEqual(fromReport);
    }),
    { numRuns: 60, seed: 20190608 },
  );
});

it('says nothing of no meetings, without reading the programme', () => {
  expect(scopedOnly.conflictsAmong(1, [])).toEqual([]);
});
