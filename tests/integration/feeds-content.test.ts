/**
 * Every kind of feed the app serves, fetched over HTTP from the demo and read
 * the way clients read it: ical.js, node-ical, and the raw octets (the strict
 * validator reads them in tests/interop/feeds.test.ts). Who sees the internal
 * briefing is checked feed by feed.
 */
import nodeIcal from 'node-ical';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import type { Meeting } from '../../src/domain/types';
import type { FeedScopeKind } from '../../src/domain/feed-scope';
import { createTestApp, signIn, type TestContext } from '../support/app';
import { LONG_RUSSIAN_TITLE, contentLines, foldingProblems, parseWithIcalJs, propertyValues, runInZone, unescapeText } from '../support/ics';
import { meetingUid } from '../support/meeting-uid';

let ctx: TestContext;
/** Feed name -> the text served. */
const feeds: Record<string, string> = {};
/** Meetings by a word of their title. */
const m: Record<'drozdenko' | 'signing' | 'proposed' | 'cancelled' | 'cyrillic', Meeting> = {} as never;

const DROZDENKO_BRIEFING = 'Objective: confirm the strategic partnership';
const SIGNING_BRIEFING = 'AZPROMO and Roscongress sign a cooperation agreement';

const uidOf = (meeting: Meeting) => meetingUid(ctx.services.store, meeting.id);

/** DESCRIPTION of one event, unfolded and unescaped; undefined when the event is absent. */
function descriptionOf(text: string, meeting: Meeting): string | undefined {
  return parseWithIcalJs(text).find((e) => e.uid === uidOf(meeting))?.description;
}

/** The content lines of one VEVENT. */
function eventLines(text: string, meeting: Meeting): string[] {
  const lines = contentLines(text);
  const at = lines.indexOf(`UID:${uidOf(meeting)}`);
  return lines.slice(lines.lastIndexOf('BEGIN:VEVENT', at), lines.indexOf('END:VEVENT', at));
}

function nodeIcalEvents(text: string) {
  return Object.values(nodeIcal.sync.parseICS(text)).flatMap((c) => (c?.type === 'VEVENT' ? [{ uid: c.uid, start: c.start.getTime(), end: c.end!.getTime() }] : []));
}

beforeAll(async () => {
  ctx = createTestApp();
  const d = ctx.demo!;
  const p = d.people;
  const add = (fields: Record<string, unknown>) =>
    ctx.services.meetings.create(SYSTEM_ACTOR, d.forumId, { kind: 'bilateral', isPublic: false, participants: [{ personId: p.mustafayev, role: 'principal' }], delegationIds: [d.delegations.azerbaijan], briefing: 'Internal: not for the counterpart.', ...fields }).meeting;
  m.proposed = add({ title: 'Proposed call on the Pirallahi park', status: 'proposed', start: '2019-06-06T09:00', end: '2019-06-06T09:30' });
  m.cancelled = add({ title: 'Courtesy call at the consulate', status: 'tentative', start: '2019-06-06T11:00', end: '2019-06-06T11:30' });
  m.cancelled = ctx.services.meetings.setStatus(SYSTEM_ACTOR, m.cancelled.id, null, 'cancelled').meeting;
  m.cyrillic = add({ title: LONG_RUSSIAN_TITLE, kind: 'signing', status: 'tentative', start: '2019-06-08T12:00', end: '2019-06-08T12:30', roomId: d.rooms.stand });
  const titled = (word: string) => ctx.services.meetings.list({ forumId: d.forumId }).find((x) => x.title.includes(word))!;
  m.drozdenko = titled('Governor of Leningrad Region Aleksandr Drozdenko');
  m.signing = titled('AZPROMO and the Roscongress');

  const secretFeed = async (scope: FeedScopeKind, scopeId: number) => {
    const { secret } = ctx.services.feeds.createToken(SYSTEM_ACTOR, d.forumId, { scope, scopeId, label: `${scope} ${scopeId}` });
    return (await request(ctx.app).get(`/s/${secret}/calendar.ics`).expect(200)).text;
  };
  feeds.delegation = await secretFeed('delegation', d.delegations.azerbaijan);
  feeds['other side’s delegation'] = await secretFeed('delegation', d.delegations.leningrad);
  feeds['member (Mustafayev)'] = await secretFeed('person', p.mustafayev!);
  feeds['counterpart (Drozdenko)'] = await secretFeed('person', p.drozdenko!);
  feeds.room = await secretFeed('room', d.rooms.bilateral1!);
  feeds['organization (Government of Leningrad Region)'] = await secretFeed('organization', d.organizations.leningrad!);
  feeds.public = (await request(ctx.app).get(`/p/${d.forumId}/programme.ics`).expect(200)).text;
  const planner = await signIn(ctx, 'feed-planner', 'planner');
  feeds['single event'] = (await planner.get(`/forums/${d.forumId}/meetings/${m.drozdenko.id}.ics`).expect(200)).text;
});
afterAll(() => ctx.close());

const ALL = ['delegation', 'other side’s delegation', 'member (Mustafayev)', 'counterpart (Drozdenko)', 'room', 'organization (Government of Leningrad Region)', 'public', 'single event'];
const SUBSCRIBED = ALL.filter((f) => f !== 'single event');

describe.each(ALL)('the %s feed', (name) => {
  const text = () => feeds[name]!;

  it('is read by ical.js and node-ical alike, every event at the instants stored for its meeting', () => {
    const stored = new Map(ctx.services.meetings.list({ forumId: ctx.demo!.forumId }).map((x) => [uidOf(x), { start: x.startUtc, end: x.endUtc }]));
    const byIcalJs = parseWithIcalJs(text()).map(({ uid, start, end }) => ({ uid, start, end }));
    expect(byIcalJs.length).toBeGreaterThan(0);
    expect(byIcalJs).toEqual(byIcalJs.map(({ uid }) => ({ uid, ...stored.get(uid)! })));
    expect(nodeIcalEvents(text())).toEqual(byIcalJs);
  });

  it('has unique UIDs, UTC stamps, a VTIMEZONE for every TZID, and clean folding', () => {
    const uids = propertyValues(text(), 'UID');
    expect(new Set(uids).size).toBe(uids.length);
    for (const stamp of ['DTSTAMP', 'CREATED', 'LAST-MODIFIED']) {
      expect(propertyValues(text(), stamp)).toHaveLength(uids.length);
      for (const v of propertyValues(text(), stamp)) expect(v).toMatch(/^\d{8}T\d{6}Z$/);
    }
    const used = new Set(contentLines(text()).flatMap((l) => [...l.matchAll(/;TZID=([^;:]+)/g)].map((x) => x[1]!)));
    const defined = new Set(propertyValues(text(), 'TZID'));
    expect(used.size).toBeGreaterThan(0);
    for (const zone of used) expect(defined).toContain(zone);
    expect(foldingProblems(text())).toEqual([]);
  });

  it('never publishes a proposed meeting', () => {
    expect(propertyValues(text(), 'UID')).not.toContain(uidOf(m.proposed));
  });
});

describe.each(SUBSCRIBED)('the subscribed %s feed', (name) => {
  it('asks to be polled every 15 minutes, in both spellings, and carries no METHOD', () => {
    const text = feeds[name]!;
    expect(propertyValues(text, 'REFRESH-INTERVAL')).toEqual(['PT15M']);
    expect(propertyValues(text, 'X-PUBLISHED-TTL')).toEqual(['PT15M']);
    expect(propertyValues(text, 'X-WR-TIMEZONE')).toEqual(['Europe/Moscow']);
    expect(propertyValues(text, 'METHOD')).toEqual([]);
  });
});

describe('what each feed holds', () => {
  const has = (feed: string, meeting: Meeting) => propertyValues(feeds[feed]!, 'UID').includes(uidOf(meeting));

  it.each([
    { feed: 'delegation', drozdenko: true, signing: true, cyrillic: true },
    { feed: 'member (Mustafayev)', drozdenko: true, signing: true, cyrillic: true },
    { feed: 'counterpart (Drozdenko)', drozdenko: true, signing: false, cyrillic: false },
    { feed: 'room', drozdenko: true, signing: false, cyrillic: false },
    { feed: 'organization (Government of Leningrad Region)', drozdenko: true, signing: false, cyrillic: false },
    { feed: 'public', drozdenko: false, signing: true, cyrillic: false },
  ])('$feed: the meetings of its scope only', ({ feed, drozdenko, signing, cyrillic }) => {
    expect({ drozdenko: has(feed, m.drozdenko), signing: has(feed, m.signing), cyrillic: has(feed, m.cyrillic) }).toEqual({ drozdenko, signing, cyrillic });
  });

  it('keeps a cancelled meeting as STATUS:CANCELLED, marked in its title and not busy', () => {
    const event = parseWithIcalJs(feeds.delegation!).find((e) => e.uid === uidOf(m.cancelled))!;
    expect(event).toMatchObject({ status: 'CANCELLED', summary: 'Cancelled: Courtesy call at the consulate', sequence: m.cancelled.sequence });
    expect(m.cancelled.sequence).toBeGreaterThan(0); // the cancellation itself is a material change
    expect(eventLines(feeds.delegation!, m.cancelled)).toContain('TRANSP:TRANSPARENT');
    expect(eventLines(feeds.delegation!, m.drozdenko)).toContain('TRANSP:OPAQUE');
    const statuses = new Set(parseWithIcalJs(feeds.delegation!).map((e) => e.status));
    expect([...statuses].sort()).toEqual(['CANCELLED', 'CONFIRMED', 'TENTATIVE']);
  });

  it('folds a long Cyrillic title on octets and gives it back whole', () => {
    const text = feeds['member (Mustafayev)']!;
    expect(Buffer.byteLength(LONG_RUSSIAN_TITLE, 'utf8')).toBeGreaterThan(3 * 75);
    expect(foldingProblems(text)).toEqual([]);
    expect(propertyValues(text, 'SUMMARY').map(unescapeText)).toContain(LONG_RUSSIAN_TITLE);
    expect(parseWithIcalJs(text).find((e) => e.uid === uidOf(m.cyrillic))?.summary).toBe(LONG_RUSSIAN_TITLE);
    const byNodeIcal = Object.values(nodeIcal.sync.parseICS(text)).find((c) => c?.type === 'VEVENT' && c.uid === uidOf(m.cyrillic));
    expect(byNodeIcal && 'summary' in byNodeIcal ? String(byNodeIcal.summary) : '').toBe(LONG_RUSSIAN_TITLE);
  });
});

describe('the briefing and documents to sign are for our side only', () => {
  it.each([
    { feed: 'delegation', sees: true },
    { feed: 'member (Mustafayev)', sees: true },
    { feed: 'counterpart (Drozdenko)', sees: false },
    { feed: 'other side’s delegation', sees: false },
    { feed: 'room', sees: false },
    { feed: 'organization (Government of Leningrad Region)', sees: false },
    { feed: 'single event', sees: false },
  ])('$feed: briefing shown = $sees', ({ feed, sees }) => {
    const description = descriptionOf(feeds[feed]!, m.drozdenko)!;
    expect(description).toContain('Counterparts:\n- Aleksandr Drozdenko, Governor of Leningrad Region');
    expect(description.includes(DROZDENKO_BRIEFING)).toBe(sees);
    expect(description.includes('Documents to sign:')).toBe(sees);
  });

  it('public: the public signing without its briefing', () => {
    const description = descriptionOf(feeds.public!, m.signing)!;
    expect(description).toContain('Signing ceremony');
    expect(description).not.toContain(SIGNING_BRIEFING);
    expect(descriptionOf(feeds.delegation!, m.signing)).toContain(SIGNING_BRIEFING);
  });

  it('no feed but our side’s carries any briefing of our delegation’s meetings', () => {
    const d = ctx.demo!;
    const theirs = new Set([d.people.drozdenko, d.people['len-economy']]);
    const ours = ctx.services.meetings.list({ forumId: d.forumId, delegationId: d.delegations.azerbaijan }).filter((x) => x.participants.every((p) => !theirs.has(p.personId) || p.role === 'counterpart'));
    const briefings = ours.map((x) => x.briefing.split('\n')[0]!.slice(0, 40));
    for (const feed of ['counterpart (Drozdenko)', 'other side’s delegation', 'room', 'organization (Government of Leningrad Region)', 'public', 'single event']) {
      const text = parseWithIcalJs(feeds[feed]!).map((e) => e.description).join('\n');
      expect({ feed, leaked: briefings.filter((b) => b && text.includes(b)) }).toEqual({ feed, leaked: [] });
    }
  });
});

describe('the machine’s time zone', () => {
  // A fresh process per zone, so TZ is really the machine zone of the parser.
  const script = `
    const nodeIcal = require('node-ical');
    const { parseWithIcalJs } = require('./tests/support/ics.ts');
    const text = process.env.FEED_TEXT;
    process.stdout.write(JSON.stringify({
      offsetInJune: new Date(2019, 5, 7).getTimezoneOffset(),
      nodeIcal: Object.values(nodeIcal.sync.parseICS(text)).filter((c) => c.type === 'VEVENT').map((e) => [e.uid, e.start.getTime(), e.end.getTime()]),
      icalJs: parseWithIcalJs(text).map((e) => [e.uid, e.start, e.end]),
    }));
  `;

  it('changes nothing: parsers in TZ=UTC and TZ=America/Los_Angeles read the same instants', () => {
    const text = feeds.delegation!;
    const utc = runInZone<{ offsetInJune: number; nodeIcal: unknown[]; icalJs: unknown[] }>('UTC', script, { FEED_TEXT: text });
    const la = runInZone<typeof utc>('America/Los_Angeles', script, { FEED_TEXT: text });
    expect([utc.offsetInJune, la.offsetInJune]).toEqual([0, 420]);
    const stored = parseWithIcalJs(text).map((e) => [e.uid, e.start, e.end]);
    expect(utc.nodeIcal).toEqual(stored);
    expect(la.nodeIcal).toEqual(stored);
    expect(utc.icalJs).toEqual(stored);
    expect(la.icalJs).toEqual(stored);
  }, 60_000);
});
