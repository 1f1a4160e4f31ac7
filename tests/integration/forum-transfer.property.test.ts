import fc from 'fast-check';
import { createTestApp, type TestContext } from '../support/app';
import { randomProgrammes } from '../support/programme-agreement';
import { canonicalDocument } from '../support/forum-document';
import { render } from '../../src/messages';
import { SYSTEM_ACTOR } from '../../src/services/actor';

/**
 * Over generated programmes (rooms, people, unavailability, travel, opening
 * hours, cancellations, clashes; tests/support/programme-agreement.ts): an
 * export imported into another installation exports again as the same
 * document, ids aside, and has the same conflict report.
 */
let source: TestContext;
let target: TestContext;
beforeAll(() => {
  source = createTestApp({ demo: false });
  target = createTestApp({ demo: false });
  // Rows of the target's own first, so every imported row gets another id than it had.
  target.services.organizations.create(SYSTEM_ACTOR, { name: 'Target’s own ministry', kind: 'ministry' });
});
afterAll(() => {
  source.close();
  target.close();
});

const conflictLines = (ctx: TestContext, forumId: number) =>
  ctx.services.meetings
    .conflicts(forumId)
    .map((c) => `${c.kind} ${c.severity}: ${render(c.message)}`)
    .sort();

it('a generated forum survives the move: same document, same conflicts', () => {
  fc.assert(
    fc.property(randomProgrammes(source.services), (forumId) => {
      const doc = source.services.forumTransfer.exportForum(forumId);
      // Each generated forum has the fixture's name and dates: named apart, or the second would be refused as already here.
      doc.forum.name = `${doc.forum.name} #${forumId}`;
      const outcome = target.services.forumTransfer.importForum(SYSTEM_ACTOR, JSON.stringify(doc));
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems.slice(0, 3)));
      const again = target.services.forumTransfer.exportForum(outcome.result.forumId);
      expect(canonicalDocument(again)).toEqual(canonicalDocument(doc));
      expect(conflictLines(target, outcome.result.forumId)).toEqual(conflictLines(source, forumId));
    }),
    { numRuns: 15, seed: 20190606 },
  );
});
