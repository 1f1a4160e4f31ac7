/**
 * The board and the grid pages read only what their page shows: one venue's
 * rooms, the chosen rooms, for the board the rooms, venues and travel times
 * around the chosen people's and rooms' meetings, the day tabs' counts kept
 * per programme version, and meeting views that read only the rooms, venues
 * and delegations their meetings name (issue 12: flat growth).
 * Each scoped read is held here to the whole-forum read it replaces, on the
 * SPIEF demo beside a second forum: same rooms in the same order, and the same
 * board as the whole forum's rooms, venues and travel matrix would give.
 */
import fc from 'fast-check';
import { forumDays } from '../../src/domain/agenda';
import { buildBoard } from '../../src/domain/board';
import type { Programme } from '../../src/domain/conflicts';
import { dayBounds } from '../../src/domain/time';
import type { Forum, Id } from '../../src/domain/types';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createStore, type Store } from '../../src/store';
import { openDatabase, type Db } from '../../src/store/database';
import { APP_BUSY_TIMEOUT_MS, createTestApp, type TestContext } from '../support/app';
import { createFixtureForum, type FixtureForum } from '../support/meeting-fixture';

let ctx: TestContext;
let forum: Forum;
let other: FixtureForum;
/** A second connection for the whole-forum reads the services do not offer (every meeting, no window). */
let db: Db;
let store: Store;

beforeAll(() => {
  ctx = createTestApp();
  forum = ctx.services.forums.get(ctx.demo!.forumId);
  other = createFixtureForum(ctx.services);
  db = openDatabase(ctx.dbPath, { readonly: true, busyTimeoutMs: APP_BUSY_TIMEOUT_MS });
  store = createStore(db);
});
afterAll(() => {
  db.close();
  ctx.close();
});

const wholeForumRooms = (forumId: Id) => ctx.services.directory.roomsOfForum(forumId);

describe('one venue’s rooms (roomsOfVenue)', () => {
  it('are the whole forum’s rooms of that venue, in the same order, for every venue of both forums', () => {
    for (const forumId of [forum.id, other.forumId]) {
      const venues = ctx.services.venues.list({ forumId });
      expect(venues.length).toBeGreaterThan(1);
      for (const venue of venues) {
        const expected = wholeForumRooms(forumId).filter((r) => r.venueId === venue.id);
        expect(expected.length).toBeGreaterThan(0);
        expect(ctx.services.directory.roomsOfVenue(venue.id)).toEqual(expected);
      }
    }
  });
});

describe('chosen rooms (roomsIn)', () => {
  const demoRooms = () => wholeForumRooms(forum.id);
  const otherRoom = () => wholeForumRooms(other.forumId)[0]!.id;
  const cases: [string, () => Id[]][] = [
    ['none', () => []],
    ['one', () => [demoRooms()[2]!.id]],
    ['several, in the order asked (not the list’s)', () => demoRooms().slice(0, 4).map((r) => r.id).reverse()],
    ['an id asked twice', () => [demoRooms()[1]!.id, demoRooms()[1]!.id]],
    ['an unknown id among them', () => [demoRooms()[0]!.id, 999_999]],
    ['another forum’s room among them', () => [otherRoom(), demoRooms()[0]!.id]],
  ];
  it.each(cases)('%s: as the whole forum’s list filtered by id', (_name, ids) => {
    const asked = ids();
    const expected = asked.flatMap((id) => demoRooms().filter((r) => r.id === id));
    expect(ctx.services.directory.roomsIn(forum.id, asked)).toEqual(expected);
  });
});

describe('the board’s slice of the programme', () => {
  /** The whole forum as the engine reads it: every meeting, room, venue and travel time, no window. */
  const wholeForum = (): Programme => ({
    meetings: store.meetings.programme({ forumId: forum.id }),
    rooms: wholeForumRooms(forum.id),
    venues: ctx.services.venues.list({ forumId: forum.id }),
    people: [],
    availability: store.availability.list({ forumId: forum.id }),
    travelTimes: ctx.services.directory.travelTimes(forum.id),
    forumTimeZone: forum.timeZone,
  });

  it('reads only the rooms and venues around the chosen ones, not the forum’s', () => {
    const room = wholeForumRooms(forum.id)[0]!;
    const { programme } = ctx.services.board.sliceOf(forum, [forum.startDate], { personIds: [], roomIds: [room.id], date: forum.startDate });
    expect(programme.venues.map((v) => v.id)).toEqual([room.venueId]);
    expect(programme.travelTimes).toEqual([]);
    expect(new Set(programme.rooms.map((r) => r.id))).toEqual(new Set([room.id]));
  });

  it('gives the board the whole forum gives, for any people and rooms on any day (property)', () => {
    const people = [...new Set(wholeForum().meetings.flatMap((m) => m.participants.map((p) => p.personId)))];
    const rooms = wholeForumRooms(forum.id).map((r) => r.id);
    const days = forumDays(forum);
    const whole = wholeForum();
    fc.assert(
      fc.property(fc.subarray(people, { maxLength: 12 }), fc.subarray(rooms, { maxLength: 4 }), fc.constantFrom(...days, 'all'), (personIds, roomIds, date) => {
        const dates = date === 'all' ? days : [date];
        const request = { personIds, roomIds, days: dates };
        const { programme } = ctx.services.board.sliceOf(forum, dates, { personIds, roomIds, date });
        expect(buildBoard(programme, request)).toEqual(buildBoard(whole, request));
      }),
      { numRuns: 60 },
    );
  });
});

describe('the day tabs’ counts (dayCounts), kept until the programme changes', () => {
  /** What one count per day over the whole forum says: the meetings starting on each day, on the forum's clock. */
  const counted = () => {
    const all = store.meetings.programme({ forumId: forum.id });
    return forumDays(forum).map((date) => {
      const { startUtc, endUtc } = dayBounds(date, forum.timeZone);
      return { date, meetings: all.filter((m) => m.startUtc >= startUtc && m.startUtc < endUtc).length };
    });
  };

  it('say what counting every meeting says, and follow a save and a move at once', () => {
    expect(ctx.services.grids.dayCounts(forum)).toEqual(counted());
    const [first, second] = forumDays(forum) as [string, string];
    const { meeting } = ctx.services.meetings.create(SYSTEM_ACTOR, forum.id, {
      title: 'Day-tab count check',
      kind: 'bilateral',
      status: 'tentative',
      start: `${first}T07:00`,
      end: `${first}T07:30`,
      roomId: null,
      place: 'Somewhere',
      participants: [{ personId: ctx.demo!.people.mustafayev, role: 'principal' }],
      delegationIds: [],
    });
    const afterSave = ctx.services.grids.dayCounts(forum);
    expect(afterSave).toEqual(counted());
    const m = ctx.services.meetings.get(meeting.id);
    ctx.services.meetings.update(SYSTEM_ACTOR, m.id, m.version, { title: m.title, kind: m.kind, status: m.status, start: `${second}T07:00`, end: `${second}T07:30`, roomId: m.roomId, place: m.place, participants: m.participants, delegationIds: m.delegationIds });
    const afterMove = ctx.services.grids.dayCounts(forum);
    expect(afterMove).toEqual(counted());
    expect(afterMove.find((d) => d.date === first)!.meetings).toBe(afterSave.find((d) => d.date === first)!.meetings - 1);
  });
});

describe('meeting views (ProgrammeViews.describe) read only what their meetings name', () => {
  const demoDelegations = () => ctx.services.delegations.list({ forumId: forum.id });

  it.each([
    ['no delegation', () => []],
    ['one', () => [demoDelegations()[0]!.id]],
    ['all of the forum’s', () => demoDelegations().map((d) => d.id)],
    ['another forum’s beside one of ours', () => [demoDelegations()[0]!.id, ctx.services.delegations.list({ forumId: other.forumId })[0]!.id]],
  ] as [string, () => Id[]][])('delegation members of %s: as the forum’s members filtered', (_name, ids) => {
    const asked = ids();
    const everyMember = [forum.id, other.forumId].flatMap((id) => store.delegations.membersOfForum(id));
    const byKey = (a: { delegationId: Id; personId: Id }, b: { delegationId: Id; personId: Id }) => a.delegationId - b.delegationId || a.personId - b.personId;
    expect(store.delegations.membersOfDelegations(asked).sort(byKey)).toEqual(everyMember.filter((m) => asked.includes(m.delegationId)).sort(byKey));
  });

  it('name the same room, venue, delegations and our people as the whole forum’s lists, for one meeting at a time and all at once', () => {
    const meetings = ctx.services.meetings.list({ forumId: forum.id });
    const rooms = new Map(wholeForumRooms(forum.id).map((r) => [r.id, r]));
    const venues = new Map(ctx.services.venues.list({ forumId: forum.id }).map((v) => [v.id, v]));
    const delegations = new Map(demoDelegations().map((d) => [d.id, d]));
    const members = store.delegations.membersOfForum(forum.id);
    const expected = meetings.map((m) => {
      const room = m.roomId === null ? null : (rooms.get(m.roomId) ?? null);
      return {
        room,
        venue: room ? (venues.get(room.venueId) ?? null) : null,
        delegations: m.delegationIds.flatMap((id) => delegations.get(id) ?? []),
        ours: m.participants.map((p) => p.role !== 'counterpart' && members.some((x) => x.personId === p.personId && m.delegationIds.includes(x.delegationId))),
      };
    });
    const seen = (views: ReturnType<typeof ctx.services.views.describe>) => views.map((v) => ({ room: v.room, venue: v.venue, delegations: v.delegations, ours: v.participants.map((p) => p.ours) }));
    expect(meetings.length).toBeGreaterThan(20);
    expect(expected.some((e) => e.ours.includes(true))).toBe(true);
    expect(seen(ctx.services.views.describe(forum, meetings))).toEqual(expected);
    expect(meetings.flatMap((m) => seen(ctx.services.views.describe(forum, [m])))).toEqual(expected);
  });
});
