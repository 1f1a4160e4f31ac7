/**
 * What a subscribed phone sees when planners change things: the same UID
 * with a higher SEQUENCE for a move, the same SEQUENCE for a note, a
 * cancellation that stays for FEED_CANCELLED_DAYS and then goes, and HTTP
 * validators (ETag, Last-Modified) that move exactly when the body does.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import type { Meeting } from '../../src/domain/types';
import { addUser, createTestApp, signIn, type SignedIn, type TestContext } from '../support/app';
import { parseWithIcalJs, propertyValues, type ParsedEvent } from '../support/ics';
import { meetingUid } from '../support/meeting-uid';

const DAY = 86_400_000;
let offset = 0;
/** Real time plus `offset`: tests move the app's clock forward (the cancellation window, Last-Modified's seconds). */
const clock = () => Date.now() + offset;
const later = (ms: number) => void (offset += ms);

let ctx: TestContext;
let feedPath: string;
let apiToken: string;
let planner: SignedIn;

interface Fetched {
  status: number;
  text: string;
  etag: string;
  lastModified: string;
  events: ParsedEvent[];
}

async function fetchFeed(headers: Record<string, string> = {}): Promise<Fetched> {
  const res = await request(ctx.app).get(feedPath).set(headers);
  const events = res.status === 200 ? parseWithIcalJs(res.text) : [];
  return { status: res.status, text: res.text, etag: res.headers.etag!, lastModified: res.headers['last-modified']!, events };
}

const uidOf = (meeting: Meeting) => meetingUid(ctx.services.store, meeting.id);
const eventOf = (fetched: Fetched, meeting: Meeting) => fetched.events.find((e) => e.uid === uidOf(meeting));
const titled = (words: string) => ctx.services.meetings.list({ forumId: ctx.demo!.forumId }).find((x) => x.title.includes(words))!;

/** A planner's program changes a meeting through the API, as the form would (If-Match on the version). */
async function patch(meeting: Meeting, body: Record<string, unknown>): Promise<Meeting> {
  const current = ctx.services.meetings.get(meeting.id);
  const res = await request(ctx.app).patch(`/api/v1/meetings/${meeting.id}`).set({ authorization: `Bearer ${apiToken}`, 'if-match': `"v${current.version}"` }).send(body);
  expect(res.status).toBe(200);
  return ctx.services.meetings.get(meeting.id);
}

beforeAll(async () => {
  ctx = createTestApp({ clock });
  const d = ctx.demo!;
  addUser(ctx, 'feed-program', 'planner');
  apiToken = ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'feed-program', 'feed tests').token;
  planner = await signIn(ctx, 'feed-planner', 'planner');
  const { secret } = ctx.services.feeds.createToken(SYSTEM_ACTOR, d.forumId, { scope: 'person', scopeId: d.people.mustafayev, label: 'Minister’s phone' });
  feedPath = `/s/${secret}/calendar.ics`;
});
afterAll(() => ctx.close());
// Last-Modified counts whole seconds; each change happens in a later second than the fetch before it.
beforeEach(() => later(2000));

describe('identity across fetches', () => {
  it('serves the same bytes, ETag and UIDs on every fetch while nothing changes', async () => {
    const first = await fetchFeed();
    later(60_000);
    const second = await fetchFeed();
    expect(second.text).toBe(first.text);
    expect(second.etag).toBe(first.etag);
    expect(second.lastModified).toBe(first.lastModified);
    expect(second.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
    expect(first.events.length).toBeGreaterThan(5);
  });

  it('keeps ETag and Last-Modified through a write that changes nothing in this feed', async () => {
    const before = await fetchFeed();
    ctx.services.people.create(SYSTEM_ACTOR, { fullName: 'Someone Unrelated', position: '', languages: '', notes: '', organizationId: null });
    const after = await fetchFeed({ 'if-modified-since': before.lastModified });
    expect(after.status).toBe(304);
    expect((await fetchFeed()).etag).toBe(before.etag);
  });
});

describe('SEQUENCE', () => {
  it('rises when a meeting moves, with the same UID, and the feed answers 200 to the old ETag', async () => {
    const press = titled('Press approach');
    const before = await fetchFeed();
    const moved = await patch(press, { start: '2019-06-07T11:15', end: '2019-06-07T11:35' });
    const after = await fetchFeed({ 'if-none-match': before.etag });
    expect(after.status).toBe(200);
    expect(eventOf(after, press)!.sequence).toBe(eventOf(before, press)!.sequence + 1);
    expect(eventOf(after, press)!.start).toBe(moved.startUtc);
    expect(eventOf(after, press)!.start - eventOf(before, press)!.start).toBe(5 * 60_000);
    expect(after.events.map((e) => e.uid)).toEqual(before.events.map((e) => e.uid));
  });

  it('stays when only the briefing changes, while LAST-MODIFIED and the description follow', async () => {
    const gaz = titled('Morning briefing');
    const before = await fetchFeed();
    await patch(gaz, { briefing: 'Talking points revised after the working groups met.' });
    const after = await fetchFeed({ 'if-none-match': before.etag });
    expect(after.status).toBe(200);
    expect(eventOf(after, gaz)!.sequence).toBe(eventOf(before, gaz)!.sequence);
    expect(eventOf(after, gaz)!.description).toContain('Talking points revised');
    const lastModified = (f: Fetched) => propertyValues(f.text, 'LAST-MODIFIED')[f.events.findIndex((e) => e.uid === uidOf(gaz))]!;
    expect(lastModified(after) > lastModified(before)).toBe(true);
  });
});

describe('a cancelled meeting', () => {
  let reception: Meeting;
  let cancelled: Fetched;

  beforeAll(async () => {
    reception = titled('Reception of the Embassy');
    const page = `/forums/${ctx.demo!.forumId}/meetings/${reception.id}`;
    const res = await planner.submit(`${page}/cancel`, `${page}/cancel`, { version: reception.version });
    expect(res.status).toBe(303);
    cancelled = await fetchFeed();
  });

  it('stays in the feed as STATUS:CANCELLED with a higher SEQUENCE', () => {
    expect(eventOf(cancelled, reception)).toMatchObject({ status: 'CANCELLED', sequence: reception.sequence + 1 });
  });

  it('stays for FEED_CANCELLED_DAYS (30 in tests), then drops out with a newer Last-Modified', async () => {
    later(29 * DAY);
    expect(eventOf(await fetchFeed({}), reception)?.status).toBe('CANCELLED');
    later(1 * DAY + 60_000);
    const gone = await fetchFeed({ 'if-none-match': cancelled.etag });
    expect(gone.status).toBe(200);
    expect(eventOf(gone, reception)).toBeUndefined();
    expect(gone.events.length).toBe(cancelled.events.length - 1);
    expect(Date.parse(gone.lastModified)).toBeGreaterThan(Date.parse(cancelled.lastModified));
    expect((await fetchFeed({ 'if-modified-since': cancelled.lastModified })).status).toBe(200);
  });
});

describe('a proposed meeting', () => {
  it('is not published, and appears once it is made tentative', async () => {
    const d = ctx.demo!;
    const { meeting } = ctx.services.meetings.create(SYSTEM_ACTOR, d.forumId, { title: 'Call with SOCAR Polymer', kind: 'bilateral', status: 'proposed', start: '2019-06-08T15:00', end: '2019-06-08T15:30', place: 'By phone', participants: [{ personId: d.people.mustafayev, role: 'principal' }], delegationIds: [d.delegations.azerbaijan] });
    expect(eventOf(await fetchFeed(), meeting)).toBeUndefined();
    ctx.services.meetings.setStatus(SYSTEM_ACTOR, meeting.id, null, 'tentative');
    expect(eventOf(await fetchFeed(), meeting)).toMatchObject({ status: 'TENTATIVE', sequence: 1 });
  });
});

describe('Last-Modified moves whenever the body does', () => {
  it('when the most recently changed meeting leaves the scope', async () => {
    const panel = titled('Panel: Russia and Azerbaijan');
    await patch(panel, { briefing: 'Newest edit of all.' });
    const before = await fetchFeed();
    later(2000);
    await patch(panel, { participants: panel.participants.filter((p) => p.personId !== ctx.demo!.people.mustafayev) });
    const after = await fetchFeed({ 'if-modified-since': before.lastModified });
    expect(after.status).toBe(200);
    expect(eventOf(after, panel)).toBeUndefined();
  });

  it('when a room is renamed: LOCATION changes for every subscriber without any meeting being edited', async () => {
    const roomId = ctx.demo!.rooms.bilateral1!;
    const room = ctx.services.rooms.get(roomId);
    const before = await fetchFeed();
    ctx.services.rooms.update(SYSTEM_ACTOR, roomId, room.version, { ...room, name: 'Pavilion F, room F1 (renamed)' });
    const after = await fetchFeed({ 'if-modified-since': before.lastModified });
    expect(after.status).toBe(200);
    expect(after.text).toContain('Pavilion F\\, room F1 (renamed)');
    expect(after.etag).not.toBe(before.etag);
  });
});
