/**
 * Who reads an event's DESCRIPTION decides how the delegation's people are
 * introduced: "Our participants" only for the delegation's own side.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, type TestContext } from '../support/app';
import { parseWithIcalJs } from '../support/ics';

const MEETING = 'Meeting with Governor of Leningrad Region';
let ctx: TestContext;
const descriptions: Record<string, string> = {};

beforeAll(async () => {
  ctx = createTestApp();
  const d = ctx.demo!;
  const read = (text: string) => parseWithIcalJs(text).find((e) => e.summary.startsWith(MEETING))!.description;
  const link = async (name: string, scope: 'delegation' | 'person' | 'organization', scopeId: number) => {
    const { secret } = ctx.services.feeds.createToken(SYSTEM_ACTOR, d.forumId, { scope, scopeId, label: name });
    descriptions[name] = read((await request(ctx.app).get(`/s/${secret}/calendar.ics`).expect(200)).text);
  };
  await link('our delegation', 'delegation', d.delegations.azerbaijan);
  await link('our minister', 'person', d.people.mustafayev!);
  await link('the other side’s delegation', 'delegation', d.delegations.leningrad);
  await link('the counterpart (Drozdenko)', 'person', d.people.drozdenko!);
  await link('the counterpart’s organization', 'organization', d.organizations.leningrad!);
  const planner = await signIn(ctx, 'wording-planner', 'planner');
  const meeting = ctx.services.meetings.list({ forumId: d.forumId }).find((m) => m.title.startsWith(MEETING))!;
  descriptions['the .ics for forwarding'] = read((await planner.get(`/forums/${d.forumId}/meetings/${meeting.id}.ics`).expect(200)).text);
});
afterAll(() => ctx.close());

it.each([
  { reader: 'our delegation', heading: 'Our participants:' },
  { reader: 'our minister', heading: 'Our participants:' },
  { reader: 'the other side’s delegation', heading: 'Azerbaijan — Ministry of Economy:' },
  { reader: 'the counterpart (Drozdenko)', heading: 'Azerbaijan — Ministry of Economy:' },
  { reader: 'the counterpart’s organization', heading: 'Azerbaijan — Ministry of Economy:' },
  { reader: 'the .ics for forwarding', heading: 'Azerbaijan — Ministry of Economy:' },
])('$reader reads “$heading” over the Azerbaijani side', ({ heading, reader }) => {
  const lines = descriptions[reader]!.split('\n');
  expect(lines).toContain(heading);
  expect(lines[lines.indexOf(heading) + 1]).toMatch(/^- .*Mustafayev \(principal\)$/);
  if (heading !== 'Our participants:') expect(lines).not.toContain('Our participants:');
});
