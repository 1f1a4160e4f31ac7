/**
 * ICSx⁵ (Android) replaces its copy of an event only when LAST-MODIFIED rose,
 * so every change to an event's bytes must raise it, whatever caused the
 * change, and nothing else may: an internal edit must leave a feed that does
 * not show it byte for byte as it was.
 */
import request from 'supertest';
import { createServices } from '../../src/services';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import type { Meeting } from '../../src/domain/types';
import { addUser, createTestApp, type TestContext } from '../support/app';
import { contentLines, parseWithIcalJs } from '../support/ics';

let offset = 0;
const clock = () => Date.now() + offset;

let ctx: TestContext;
let panel: Meeting;
let apiToken: string;
/** Feed name -> path. */
const feeds: Record<string, string> = {};

interface Fetched {
  text: string;
  etag: string;
  lastModifiedHeader: string;
  /** The panel's LAST-MODIFIED and DTSTAMP lines as printed. */
  lastModified: string;
  stamp: string;
}

/** The lines of one VEVENT, found by its UID as ical.js reads it. */
function eventLines(text: string, uid: string): string[] {
  const lines = contentLines(text);
  const events: string[][] = [];
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') events.push([]);
    else if (events.length > 0 && events[events.length - 1]![events[events.length - 1]!.length - 1] !== 'END:VEVENT') events[events.length - 1]!.push(line);
  }
  const event = events.find((e) => e.includes(`UID:${uid}`));
  if (!event) throw new Error(`no event ${uid}`);
  return event;
}

async function fetchAll(): Promise<Record<string, Fetched>> {
  const out: Record<string, Fetched> = {};
  for (const [name, path] of Object.entries(feeds)) {
    const res = await request(ctx.app).get(path).expect(200);
    const uid = parseWithIcalJs(res.text).find((e) => e.summary === panel.title)!.uid;
    const lines = eventLines(res.text, uid);
    const value = (prop: string) => lines.find((l) => l.startsWith(`${prop}:`))!.slice(prop.length + 1);
    out[name] = { text: res.text, etag: res.headers.etag!, lastModifiedHeader: res.headers['last-modified']!, lastModified: value('LAST-MODIFIED'), stamp: value('DTSTAMP') };
  }
  return out;
}

const rename = <T extends { version: number; name: string }>(svc: { get(id: number): T; update(a: typeof SYSTEM_ACTOR, id: number, v: number, raw: unknown): unknown }, id: number, name: string) => {
  const current = svc.get(id);
  svc.update(SYSTEM_ACTOR, id, current.version, { ...current, name });
};

beforeAll(() => {
  ctx = createTestApp({ clock });
  const d = ctx.demo!;
  addUser(ctx, 'lastmod-program', 'planner');
  apiToken = ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'lastmod-program', 'feed tests').token;
  panel = ctx.services.meetings.list({ forumId: d.forumId }).find((m) => m.title.startsWith('Panel: Russia and Azerbaijan'))!;
  const link = (scope: 'delegation' | 'room' | 'person', scopeId: number) => `/s/${ctx.services.feeds.createToken(SYSTEM_ACTOR, d.forumId, { scope, scopeId, label: scope }).secret}/calendar.ics`;
  feeds.delegation = link('delegation', d.delegations.azerbaijan);
  feeds.room = link('room', d.rooms.congressHall!);
  feeds.counterpart = link('person', d.people.gazprombank!);
  feeds.public = `/p/${d.forumId}/programme.ics`;
});
afterAll(() => ctx.close());

const ALL = ['delegation', 'room', 'counterpart', 'public'];

describe.each([
  {
    name: 'rename the room',
    change: () => rename(ctx.services.rooms, panel.roomId!, 'Congress Hall A (renamed)'),
    rose: ALL,
  },
  {
    name: 'rename the venue',
    change: () => rename(ctx.services.venues, ctx.services.rooms.get(panel.roomId!).venueId, 'ExpoForum (renamed)'),
    rose: ALL,
  },
  {
    name: 'rename a participant',
    change: () => {
      const person = ctx.services.people.get(ctx.demo!.people.mustafayev!);
      ctx.services.people.update(SYSTEM_ACTOR, person.id, person.version, { ...person, fullName: `${person.fullName} (renamed)` });
    },
    rose: ALL,
  },
  {
    name: 'rename the counterpart’s organization',
    change: () => rename(ctx.services.organizations, ctx.services.people.get(ctx.demo!.people.gazprombank!).organizationId!, 'Gazprombank (renamed)'),
    rose: ALL,
  },
  {
    name: 'change the briefing (internal only)',
    change: async () => {
      const version = ctx.services.meetings.get(panel.id).version;
      await request(ctx.app).patch(`/api/v1/meetings/${panel.id}`).set({ authorization: `Bearer ${apiToken}`, 'if-match': `"v${version}"` }).send({ briefing: 'Revised speaking points.' }).expect(200);
    },
    rose: ['delegation'],
  },
])('$name', ({ change, rose }) => {
  let before: Record<string, Fetched>;
  let after: Record<string, Fetched>;

  beforeAll(async () => {
    offset += 5_000;
    before = await fetchAll();
    offset += 5_000;
    await change();
    offset += 5_000;
    after = await fetchAll();
  });

  it.each(ALL.map((feed) => ({ feed, rises: rose.includes(feed) })))('$feed feed: the event’s LAST-MODIFIED rises: $rises', ({ feed, rises }) => {
    const [b, a] = [before[feed]!, after[feed]!];
    if (rises) {
      expect(a.lastModified > b.lastModified).toBe(true);
      expect(a.etag).not.toBe(b.etag);
      expect(Date.parse(a.lastModifiedHeader)).toBeGreaterThan(Date.parse(b.lastModifiedHeader));
    } else {
      expect(a.text).toBe(b.text);
      expect(a.etag).toBe(b.etag);
      expect(a.lastModifiedHeader).toBe(b.lastModifiedHeader);
    }
    // A METHOD-less feed's DTSTAMP is the event's last revision (RFC 5545 §3.8.7.2).
    expect(a.stamp).toBe(a.lastModified);
  });
});

it('keeps an event’s LAST-MODIFIED across a restart of the app (a new FeedService over the same database)', async () => {
  const before = await fetchAll();
  offset += 5_000;
  const fresh = createServices(ctx.services.store, { config: { feedRefreshMinutes: 15, feedCancelledDays: 30, publicUrl: 'https://planner.example.org' }, clock });
  const doc = fresh.feeds.publicFeed(ctx.demo!.forumId, 'en');
  expect(doc.etag).toBe(before.public!.etag);
  expect(new Date(Math.floor(doc.lastModified / 1000) * 1000).toUTCString()).toBe(before.public!.lastModifiedHeader);
});
