/**
 * A link in an event must open for whoever reads it: the planners' meeting
 * page needs a sign-in that link holders and the public do not have. Link
 * feeds point to the link's own page; the public feed and the single .ics
 * (forwarded to a counterpart) carry no link at all.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, type TestContext } from '../support/app';
import { propertyValues, unescapeText } from '../support/ics';

const BASE = 'https://planner.example.org';
let ctx: TestContext;
const texts: Record<string, string> = {};
const secrets: Record<string, string> = {};

beforeAll(async () => {
  ctx = createTestApp();
  const d = ctx.demo!;
  const link = async (name: string, scope: 'delegation' | 'person' | 'room', scopeId: number) => {
    secrets[name] = ctx.services.feeds.createToken(SYSTEM_ACTOR, d.forumId, { scope, scopeId, label: name }).secret;
    texts[name] = (await request(ctx.app).get(`/s/${secrets[name]}/calendar.ics`).expect(200)).text;
  };
  await link('delegation link', 'delegation', d.delegations.azerbaijan);
  await link('counterpart’s link', 'person', d.people.drozdenko!);
  await link('room link', 'room', d.rooms.bilateral1!);
  texts['public programme'] = (await request(ctx.app).get(`/p/${d.forumId}/programme.ics`).expect(200)).text;
  const planner = await signIn(ctx, 'links-planner', 'planner');
  const meeting = ctx.services.meetings.list({ forumId: d.forumId }).find((m) => m.title.includes('Governor of Leningrad Region'))!;
  texts['single .ics'] = (await planner.get(`/forums/${d.forumId}/meetings/${meeting.id}.ics`).expect(200)).text;
});
afterAll(() => ctx.close());

describe.each([
  { name: 'delegation link', url: 'the link’s page' },
  { name: 'counterpart’s link', url: 'the link’s page' },
  { name: 'room link', url: 'the link’s page' },
  { name: 'public programme', url: 'none' },
  { name: 'single .ics', url: 'none' },
])('the $name', ({ name, url }) => {
  it('never points to the planners’ login-only pages', () => {
    expect(texts[name]).not.toMatch(/\/forums\/\d+\/meetings/);
  });

  it(`gives each event URL: ${url}`, () => {
    const urls = propertyValues(texts[name]!, 'URL');
    const events = propertyValues(texts[name]!, 'UID').length;
    expect(events).toBeGreaterThan(0);
    if (url === 'none') expect(urls).toEqual([]);
    else expect(urls).toEqual(Array(events).fill(`${BASE}/s/${secrets[name]}`));
  });

  it('names in DESCRIPTION only a page the reader can open', () => {
    const descriptions = propertyValues(texts[name]!, 'DESCRIPTION').map(unescapeText).join('\n');
    if (url === 'none') expect(descriptions).not.toContain(BASE);
    else expect(descriptions).toContain(`${BASE}/s/${secrets[name]}`);
  });
});

it('the link’s page, which the URL names, opens without signing in', async () => {
  await request(ctx.app).get(`/s/${secrets['counterpart’s link']}`).expect(200);
});
