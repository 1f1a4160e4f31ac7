/**
 * Every kind of feed the app serves, fetched over HTTP from the demo, as the
 * strictest clients read it: python icalendar and libical (with iTIP rules),
 * through scripts/validate-ics.py. Checks validity and what the parsers make
 * of it, not exact bytes, so feed wording can change without touching this.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import type { FeedScopeKind } from '../../src/domain/feed-scope';
import { createTestApp, signIn, type TestContext } from '../support/app';
import { LONG_RUSSIAN_TITLE, parseWithIcalJs } from '../support/ics';
import { validateIcsAll, type ValidatorVerdict } from './validate-ics';

let ctx: TestContext;
/** Feed name -> the text served. */
const feeds: Record<string, string> = {};
const verdicts: Record<string, ValidatorVerdict> = {};

beforeAll(async () => {
  ctx = createTestApp();
  const d = ctx.demo!;
  const p = d.people;
  // Beyond the demo: the statuses and the long Cyrillic text that strict readers trip over.
  const add = (fields: Record<string, unknown>) =>
    ctx.services.meetings.create(SYSTEM_ACTOR, d.forumId, { kind: 'bilateral', isPublic: false, participants: [{ personId: p.mustafayev, role: 'principal' }], delegationIds: [d.delegations.azerbaijan], briefing: 'Internal: not for the counterpart.', ...fields }).meeting;
  const cancelled = add({ title: 'Courtesy call at the consulate', status: 'tentative', start: '2019-06-06T11:00', end: '2019-06-06T11:30' });
  ctx.services.meetings.setStatus(SYSTEM_ACTOR, cancelled.id, null, 'cancelled');
  add({ title: LONG_RUSSIAN_TITLE, kind: 'signing', status: 'tentative', start: '2019-06-08T12:00', end: '2019-06-08T12:30', roomId: d.rooms.stand });

  // A company's feed holds its B2B tables once the schedule is published (the demo's is), and re-applying it changes nothing.
  const b2b = ctx.services.b2b;
  const sessionId = b2b.sessions.list(d.forumId)[0]!.id;
  b2b.scheduling.apply(SYSTEM_ACTOR, b2b.scheduling.run(SYSTEM_ACTOR, sessionId).id);
  const company = b2b.views.overview(sessionId).participants.find((x) => x.name === 'SOCAR Polymer')!.record.id;

  // Links in each language, some with reminders: the feeds carry VALARMs, Cyrillic and Azerbaijani text, and (the demo's venues have coordinates) GEO and structured locations.
  const secretFeed = async (scope: FeedScopeKind, scopeId: number, extra: { locale?: string; reminderMinutes?: number } = {}) => {
    const { secret } = ctx.services.feeds.createToken(SYSTEM_ACTOR, d.forumId, { scope, scopeId, label: `${scope} ${scopeId}`, ...extra });
    return (await request(ctx.app).get(`/s/${secret}/calendar.ics`).expect(200)).text;
  };
  feeds.delegation = await secretFeed('delegation', d.delegations.azerbaijan, { reminderMinutes: 60 });
  feeds['other side’s delegation'] = await secretFeed('delegation', d.delegations.leningrad, { locale: 'ru' });
  feeds['member (Mustafayev)'] = await secretFeed('person', p.mustafayev!, { locale: 'az', reminderMinutes: 15 });
  feeds['counterpart (Drozdenko)'] = await secretFeed('person', p.drozdenko!, { locale: 'ru', reminderMinutes: 30 });
  feeds.room = await secretFeed('room', d.rooms.bilateral1!);
  feeds['organization (Government of Leningrad Region)'] = await secretFeed('organization', d.organizations.leningrad!);
  feeds['B2B company (SOCAR Polymer)'] = (await request(ctx.app).get(`/s/${b2b.links.create(SYSTEM_ACTOR, company).secret}/calendar.ics`).expect(200)).text;
  feeds['public programme'] = (await request(ctx.app).get(`/p/${d.forumId}/programme.ics`).expect(200)).text;
  const planner = await signIn(ctx, 'interop-planner', 'planner');
  const drozdenko = ctx.services.meetings.list({ forumId: d.forumId }).find((x) => x.title.includes('Governor of Leningrad Region'))!;
  feeds['single event'] = (await planner.get(`/forums/${d.forumId}/meetings/${drozdenko.id}.ics`).expect(200)).text;

  const names = Object.keys(feeds);
  validateIcsAll(names.map((n) => feeds[n]!)).forEach((v, i) => (verdicts[names[i]!] = v));
});
afterAll(() => ctx.close());

const ALL = ['delegation', 'other side’s delegation', 'member (Mustafayev)', 'counterpart (Drozdenko)', 'room', 'organization (Government of Leningrad Region)', 'B2B company (SOCAR Polymer)', 'public programme', 'single event'];

describe.each(ALL)('the %s feed', (name) => {
  it('passes python icalendar and libical, with iTIP checks, and the octet rules', () => {
    expect(verdicts[name]!.errors).toEqual([]);
  });

  it('is read by python icalendar as ical.js reads it: the same events at the same instants', () => {
    const byIcalJs = parseWithIcalJs(feeds[name]!).map((e) => ({ uid: e.uid, start: e.start }));
    expect(byIcalJs.length).toBeGreaterThan(0);
    const byPython = Object.entries(verdicts[name]!.events).map(([uid, e]) => ({ uid, start: Date.parse(e.start ?? '') }));
    const byUid = (a: { uid: string }, b: { uid: string }) => a.uid.localeCompare(b.uid);
    expect(byPython.sort(byUid)).toEqual(byIcalJs.sort(byUid));
  });
});

it.each([
  { name: 'member (Mustafayev)', has: ['BEGIN:VALARM', 'TRIGGER:-PT15M', 'X-APPLE-TRAVEL-DURATION;VALUE=DURATION:PT40M', 'GEO:', 'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;', 'X-MICROSOFT-CDO-BUSYSTATUS:', 'CLASS:CONFIDENTIAL'] },
  { name: 'counterpart (Drozdenko)', has: ['TRIGGER:-PT30M', 'DESCRIPTION:Через 30 минут: ', 'GEO:'] },
  { name: 'public programme', has: ['GEO:', 'X-MICROSOFT-CDO-BUSYSTATUS:'] },
])('the $name feed carries what a phone makes the most of, and still passes', ({ name, has }) => {
  for (const property of has) expect(feeds[name]).toContain(property);
  expect(verdicts[name]!.errors).toEqual([]);
});

it('the B2B company feed holds the tables the schedule gave it', () => {
  expect(parseWithIcalJs(feeds['B2B company (SOCAR Polymer)']!).some((e) => e.summary.startsWith('B2B: ') && e.status === 'CONFIRMED')).toBe(true);
});
