/**
 * After publishing, a company's own page says what changed at its tables
 * since that link last showed them — once: the next look shows nothing new.
 */
import request from 'supertest';
import { ValidationError } from '../../src/domain/errors';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, textOf, type TestContext } from '../support/app';

let ctx: TestContext;
let sessionId: number;
let secret: string;

const b2b = () => ctx.services.b2b;
const kamaz = () => b2b().views.overview(sessionId).participants.find((p) => p.name === 'KAMAZ')!.record;
const page = async () => textOf((await request(ctx.app).get(`/s/${secret}/b2b`)).text);

beforeAll(() => {
  ctx = createTestApp();
  sessionId = b2b().sessions.list(ctx.demo!.forumId)[0]!.id;
  secret = b2b().links.create(SYSTEM_ACTOR, kamaz().id).secret;
});
afterAll(() => ctx.close());

it('shows a moved table once, as was and now, and nothing on the next look', async () => {
  const first = await page();
  expect(first).not.toContain('Changed since you last looked');
  expect(first).not.toContain('Provisional');

  // Move one of KAMAZ's meetings: pin it to the last table of the latest slot that takes it, and apply.
  const id = kamaz().id;
  const placement = b2b().scheduling.state(sessionId).placements.find((p) => b2b().requests.list(sessionId).some((r) => r.id === p.requestId && (r.fromId === id || r.toId === id)))!;
  const { tableCount } = b2b().sessions.get(sessionId);
  const slotCount = b2b().sessions.slots(b2b().sessions.get(sessionId)).length;
  let moved = false;
  for (let slot = slotCount - 1; slot >= 0 && !moved; slot--) {
    if (slot === placement.slotIndex) continue;
    try {
      b2b().scheduling.apply(SYSTEM_ACTOR, b2b().scheduling.pin(SYSTEM_ACTOR, placement.requestId, { slotIndex: slot, table: tableCount }).id);
      moved = true;
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
    }
  }
  expect(moved).toBe(true);

  const second = await page();
  expect(second).toContain('Changed since you last looked');
  expect(second).toMatch(new RegExp(`was \\d\\d:\\d\\d.*table ${placement.table}.*now \\d\\d:\\d\\d.*table ${tableCount}`));
  expect(await page()).not.toContain('Changed since you last looked');
});
