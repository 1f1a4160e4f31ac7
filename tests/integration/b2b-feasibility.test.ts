/**
 * A table the B2B scheduler gives is one the conflict engine raises nothing
 * for: besides a representative's other meetings, the travel between their
 * venue and the hall's (before and after, as the engine pairs meetings), their
 * unavailability, and the hall's hours and other bookings; and no slot the
 * engine would accept is refused.
 * On the SPIEF demo: the session is on 8 June, 11:00–13:40 in the B2B area of
 * ExpoForum; Smolny is 45 minutes away, the delegation hotel 40.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import type { Meeting } from '../../src/domain/types';
import { createTestApp, type TestContext } from '../support/app';

jest.setTimeout(120_000);

let ctx: TestContext;
let sessionId: number;
const DAY = '2019-06-08';

beforeAll(() => {
  ctx = createTestApp();
  sessionId = ctx.services.b2b.sessions.list(ctx.demo!.forumId)[0]!.id;
});
afterAll(() => ctx.close());

const b2b = () => ctx.services.b2b;
const participantOf = (name: string) => b2b().views.overview(sessionId).participants.find((p) => p.name === name)!.record;
const b2bMeetings = (): Meeting[] => ctx.services.meetings.list({ forumId: ctx.demo!.forumId, kind: 'b2b' }).filter((m) => m.status !== 'cancelled');
/** The conflicts of the whole programme that name a B2B meeting of the session. */
const b2bConflicts = () => {
  const ids = new Set(b2bMeetings().map((m) => m.id));
  return ctx.services.meetings.conflicts(ctx.demo!.forumId).filter((c) => c.meetingIds.some((id) => ids.has(id)));
};
/** Re-plans the session and applies it, as a planner would. */
const replanAndApply = () => b2b().scheduling.apply(SYSTEM_ACTOR, b2b().scheduling.run(SYSTEM_ACTOR, sessionId, { mode: 'replan', timeBudgetMs: 300 }).id);
const clock = (minutes: number) => `${DAY}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Runs `body` and rolls back everything it wrote, so each case starts from the demo. */
function rolledBack(body: () => void): void {
  const db = ctx.services.store.db;
  db.exec('BEGIN');
  try {
    body();
  } finally {
    db.exec('ROLLBACK');
  }
}

const otherMeeting = (personId: number, roomId: number | null, start: number, end: number, title = 'Elsewhere') =>
  ctx.services.meetings.create(SYSTEM_ACTOR, ctx.demo!.forumId, { title, kind: 'bilateral', status: 'tentative', start: clock(start), end: clock(end), roomId, place: roomId === null ? 'Outside the venues' : '', participants: [{ personId, role: 'principal' }] });

/** The session's slots (by local start) that the scheduler is told the company is busy in. */
const busySlotsOf = (company: string): string[] => {
  const loaded = b2b().scheduling.load(sessionId);
  const busy = loaded.input.participants.find((p) => p.id === participantOf(company).id)!.busy;
  return loaded.slots.filter((slot) => busy.some((b) => b.startUtc < slot.endUtc && b.endUtc > slot.startUtc)).map((slot) => DateTime.fromMillis(slot.startUtc, { zone: 'Europe/Moscow' }).toFormat('HH:mm'));
};

const startsOf = (company: string): string[] => {
  const id = participantOf(company).id;
  const mine = new Set(b2b().requests.list(sessionId).filter((r) => (r.fromId === id || r.toId === id) && r.meetingId !== null).map((r) => r.meetingId));
  return b2bMeetings().filter((m) => mine.has(m.id)).map((m) => m.start.slice(11)).sort();
};

describe('what the scheduler treats as busy', () => {
  it('the demo as loaded: no B2B meeting has a conflict of any kind', () => {
    expect(b2bConflicts()).toEqual([]);
  });

  const cases: Array<{ name: string; room: keyof NonNullable<TestContext['demo']>['rooms'] | null; start: number; end: number; blocked: string[] }> = [
    // 11:30–12:00 at Smolny, 45 min away: busy 10:45–12:45, so the 11:00, 11:25 and 11:50 tables and the first after the coffee break (12:30) are out.
    { name: 'a meeting at Smolny blocks the slots its travel reaches', room: 'smolnyHall', start: 11 * 60 + 30, end: 12 * 60, blocked: ['11:00', '11:25', '11:50', '12:30'] },
    // The same hour at ExpoForum itself needs no travel: only the slots it overlaps.
    { name: 'a meeting at the hall’s own venue blocks only what it overlaps', room: 'bilateral1', start: 11 * 60 + 30, end: 12 * 60, blocked: ['11:25', '11:50'] },
    // Ending at 10:30 at the hotel (40 min): the 11:00 table is 30 minutes later, too soon.
    { name: 'a meeting before the session reaches into it by its travel', room: 'hotelRoom', start: 9 * 60 + 30, end: 10 * 60 + 30, blocked: ['11:00'] },
    // A place outside the venues has no travel time in the matrix: as the engine, nothing to pad.
    { name: 'a meeting outside the venues blocks only what it overlaps', room: null, start: 11 * 60 + 30, end: 12 * 60, blocked: ['11:25', '11:50'] },
  ];
  it.each(cases)('$name', ({ room, start, end, blocked }) => {
    rolledBack(() => {
      const rep = participantOf('KAMAZ').representativeIds[0]!;
      const before = busySlotsOf('KAMAZ');
      otherMeeting(rep, room === null ? null : ctx.demo!.rooms[room]!, start, end);
      expect(busySlotsOf('KAMAZ')).toEqual([...new Set([...before, ...blocked])].sort());
      replanAndApply();
      const starts = startsOf('KAMAZ');
      expect(starts.length).toBeGreaterThan(0);
      for (const slot of blocked) expect(starts).not.toContain(slot);
      expect(b2bConflicts()).toEqual([]);
    });
  });

  it('a representative’s unavailability keeps the company from a table', () => {
    rolledBack(() => {
      const rep = participantOf('KAMAZ').representativeIds[0]!;
      ctx.services.availability.create(SYSTEM_ACTOR, ctx.demo!.forumId, { subject: 'person', subjectId: rep, start: clock(11 * 60), end: clock(12 * 60 + 30), reason: 'Flight' });
      replanAndApply();
      expect(busySlotsOf('KAMAZ')).toEqual(expect.arrayContaining(['11:00', '11:25', '11:50']));
      for (const slot of ['11:00', '11:25', '11:50']) expect(startsOf('KAMAZ')).not.toContain(slot);
      expect(b2bConflicts()).toEqual([]);
    });
  });

  it('the hall’s venue closed early keeps everyone from the tables after it closes', () => {
    rolledBack(() => {
      const expo = ctx.services.venues.get(ctx.demo!.venues.expo);
      ctx.services.venues.update(SYSTEM_ACTOR, expo.id, expo.version, { forumId: expo.forumId, name: expo.name, address: expo.address, opensAt: '08:00', closesAt: '12:30' });
      replanAndApply();
      const late = b2bMeetings().filter((m) => m.start.slice(0, 10) === DAY && m.end.slice(11) > '12:30');
      expect(late).toEqual([]);
      expect(b2bConflicts()).toEqual([]);
    });
  });
});

describe('busy exactly where the conflict engine would warn', () => {
  const session = () => b2b().sessions.get(sessionId);
  const allSlots = () => b2b().scheduling.load(sessionId).slots.map((slot) => DateTime.fromMillis(slot.startUtc, { zone: 'Europe/Moscow' }).toFormat('HH:mm'));
  /** The slots every company is told is busy. */
  const busyForEveryone = () => {
    const companies = b2b().views.overview(sessionId).participants.map((p) => p.name);
    const [first, ...rest] = companies.map(busySlotsOf);
    return first!.filter((slot) => rest.every((busy) => busy.includes(slot)));
  };
  /**
   * The venue form keeps hours within a day, but the engine reads any (a
   * window to 24:00, or past midnight when it closes at or before it opens),
   * as older or imported data may hold them: stored as they are.
   */
  const setHours = (opensAt: string | null, closesAt: string | null) => {
    const expo = ctx.services.venues.get(ctx.demo!.venues.expo);
    ctx.services.store.venues.update(expo.id, expo.version, { opensAt, closesAt });
  };

  const hours: Array<{ name: string; opensAt: string | null; closesAt: string | null; closed: string[] }> = [
    { name: 'open 00:00–24:00: every slot', opensAt: '00:00', closesAt: '24:00', closed: [] },
    { name: 'no hours at all: every slot', opensAt: null, closesAt: null, closed: [] },
    // Open round the clock, but its day turns over at 11:30: the engine warns on a meeting across 11:30, as on one across midnight.
    { name: 'open round the clock from 11:30: the slot across the day’s turn is outside hours', opensAt: '11:30', closesAt: '11:30', closed: ['11:25'] },
    // Open from noon past midnight to 11:40: 11:25 runs past the closing, 11:50 starts before the opening.
    { name: 'open past midnight until 11:40 and again from noon', opensAt: '12:00', closesAt: '11:40', closed: ['11:25', '11:50'] },
    { name: 'closing at 12:30: the slots after it', opensAt: '08:00', closesAt: '12:30', closed: ['12:30', '12:55', '13:20'] },
  ];
  it.each(hours)('the hall’s venue $name', ({ opensAt, closesAt, closed }) => {
    rolledBack(() => {
      setHours(opensAt, closesAt);
      expect(busyForEveryone()).toEqual(closed.filter((slot) => allSlots().includes(slot)));
      replanAndApply();
      expect(b2bConflicts()).toEqual([]);
    });
  });

  it('another meeting booked in the hall keeps every table free while it lasts', () => {
    rolledBack(() => {
      ctx.services.meetings.create(SYSTEM_ACTOR, ctx.demo!.forumId, { title: 'Press approach', kind: 'bilateral', status: 'tentative', start: clock(11 * 60 + 30), end: clock(12 * 60), roomId: session().roomId, place: '', participants: [{ personId: ctx.demo!.people.mustafayev, role: 'principal' }] });
      expect(busyForEveryone()).toEqual(['11:25', '11:50']);
      replanAndApply();
      expect(b2bMeetings().filter((m) => m.start.slice(11) === '11:25' || m.start.slice(11) === '11:50')).toEqual([]);
      expect(b2bConflicts()).toEqual([]);
    });
  });

  it('a hall too small for a company’s team and one guest keeps that company from every table', () => {
    rolledBack(() => {
      const kamaz = participantOf('KAMAZ');
      const second = ctx.services.people.create(SYSTEM_ACTOR, { fullName: 'Olga Petrova', position: 'Export manager', languages: 'ru, en' });
      b2b().participants.update(SYSTEM_ACTOR, kamaz.id, kamaz.version, { organizationId: kamaz.organizationId, representativeIds: [...kamaz.representativeIds, second.id], side: kamaz.side, sector: kamaz.sector, offers: kamaz.offers, seeks: kamaz.seeks, notes: kamaz.notes, unavailable: [], seats: 1 });
      const hall = ctx.services.rooms.get(session().roomId);
      ctx.services.rooms.update(SYSTEM_ACTOR, hall.id, hall.version, { ...hall, capacity: 2 });
      expect(busySlotsOf('KAMAZ')).toEqual(allSlots());
      expect(busySlotsOf('Gilan Holding')).toEqual([]);
      replanAndApply();
      expect(startsOf('KAMAZ')).toEqual([]);
      expect(b2bConflicts()).toEqual([]);
    });
  });

  // The engine asks travel only between consecutive located meetings: what a person does last before the table and first after it.
  const travel: Array<{ name: string; others: Array<{ room: 'smolnyHall' | 'hotelRoom' | 'bilateral1' | null; start: number; end: number }>; blocked: string[] }> = [
    // Smolny until 10:20 (45 min), then back at ExpoForum 10:25–10:55: the 11:00 table follows the ExpoForum meeting, not Smolny.
    { name: 'back at the hall’s venue before the table: no travel from the far meeting before that', others: [{ room: 'smolnyHall', start: 9 * 60 + 45, end: 10 * 60 + 20 }, { room: 'bilateral1', start: 10 * 60 + 25, end: 10 * 60 + 55 }], blocked: [] },
    // ExpoForum 11:50–12:10, then Smolny from 12:15 (45 min): the 11:25 table comes before the ExpoForum meeting, not Smolny.
    { name: 'a meeting at the hall’s venue after the table: no travel to the far meeting after that', others: [{ room: 'bilateral1', start: 11 * 60 + 50, end: 12 * 60 + 10 }, { room: 'smolnyHall', start: 12 * 60 + 15, end: 13 * 60 }], blocked: ['11:50', '12:30', '12:55', '13:20'] },
    // A free-text place is no location: the engine looks past it to Smolny.
    { name: 'a meeting outside the venues in between does not hide the far one', others: [{ room: 'smolnyHall', start: 9 * 60 + 45, end: 10 * 60 + 30 }, { room: null, start: 10 * 60 + 35, end: 10 * 60 + 55 }], blocked: ['11:00'] },
  ];
  it.each(travel)('$name', ({ others, blocked }) => {
    rolledBack(() => {
      const rep = participantOf('KAMAZ').representativeIds[0]!;
      const before = busySlotsOf('KAMAZ');
      for (const o of others) otherMeeting(rep, o.room === null ? null : ctx.demo!.rooms[o.room]!, o.start, o.end);
      expect(busySlotsOf('KAMAZ')).toEqual([...new Set([...before, ...blocked])].sort());
      replanAndApply();
      expect(b2bConflicts()).toEqual([]);
    });
  });

  it('property: a slot is busy for a representative exactly when the engine would raise something for a table there', () => {
    const rooms = ['smolnyHall', 'hotelRoom', 'bilateral1', 'pressCentre', null] as const;
    const other = fc.record({
      room: fc.constantFrom(...rooms),
      start: fc.integer({ min: 9 * 12, max: 14 * 12 }).map((step) => step * 5),
      length: fc.integer({ min: 2, max: 18 }).map((steps) => steps * 5),
    });
    const loaded = b2b().scheduling.load(sessionId);
    fc.assert(
      fc.property(fc.array(other, { minLength: 2, maxLength: 6 }), (others) => {
        rolledBack(() => {
          const rep = participantOf('KAMAZ').representativeIds[0]!;
          // Without the session's own tables, which the scheduler rearranges: a table is asked about against everything else.
          for (const m of b2bMeetings()) ctx.services.meetings.setStatus(SYSTEM_ACTOR, m.id, null, 'cancelled');
          for (const o of others) otherMeeting(rep, o.room === null ? null : ctx.demo!.rooms[o.room]!, o.start, o.start + o.length);
          const busy = busySlotsOf('KAMAZ');
          for (const slot of loaded.slots) {
            const at = DateTime.fromMillis(slot.startUtc, { zone: 'Europe/Moscow' }).toFormat('HH:mm');
            const minutes = (ms: number) => DateTime.fromMillis(ms, { zone: 'Europe/Moscow' }).hour * 60 + DateTime.fromMillis(ms, { zone: 'Europe/Moscow' }).minute;
            const db = ctx.services.store.db;
            db.exec('SAVEPOINT probe');
            try {
              const probe = ctx.services.meetings.create(SYSTEM_ACTOR, ctx.demo!.forumId, { title: 'Probe', kind: 'b2b', status: 'tentative', start: clock(minutes(slot.startUtc)), end: clock(minutes(slot.endUtc)), roomId: session().roomId, place: 'Table 99', participants: [{ personId: rep, role: 'principal' }] });
              // What the engine says of a table there.
              const raised = probe.warnings;
              expect({ at, busy: busy.includes(at) }).toEqual({ at, busy: raised.length > 0 });
            } finally {
              db.exec('ROLLBACK TO probe');
              db.exec('RELEASE probe');
            }
          }
        });
      }),
      { numRuns: 30, seed: 20190608 },
    );
  });
});

describe('parallel meetings: a company whose representatives sit separately', () => {
  /** Gives KAMAZ a second representative and `seats` parallel meetings. */
  const twoRepresentatives = (seats: number) => {
    const kamaz = participantOf('KAMAZ');
    const second = ctx.services.people.create(SYSTEM_ACTOR, { fullName: 'Olga Petrova', position: 'Export manager', languages: 'ru, en' });
    const input = { organizationId: kamaz.organizationId, representativeIds: [...kamaz.representativeIds, second.id], side: kamaz.side, sector: kamaz.sector, offers: kamaz.offers, seeks: kamaz.seeks, notes: kamaz.notes, unavailable: [], seats };
    return { updated: b2b().participants.update(SYSTEM_ACTOR, kamaz.id, kamaz.version, input), first: kamaz.representativeIds[0]!, second: second.id };
  };

  it('every company has one seat unless the planner says otherwise', () => {
    expect(b2b().views.overview(sessionId).participants.every((p) => p.record.seats === 1)).toBe(true);
  });

  it('one busy representative blocks only their own seat; each table gets only its seat’s representative', () => {
    rolledBack(() => {
      const { updated, first, second } = twoRepresentatives(2);
      expect(updated.seats).toBe(2);
      // The first representative is at the hall's own venue 11:30–12:00: the slots it overlaps are busy for that seat only.
      otherMeeting(first, ctx.demo!.rooms.bilateral1!, 11 * 60 + 30, 12 * 60);
      const company = b2b().scheduling.load(sessionId).input.participants.find((p) => p.id === updated.id)!;
      expect(busySlotsOf('KAMAZ')).toEqual([]);
      expect(company.seats!.map((seat) => seat.representativeIds)).toEqual([[first], [second]]);
      expect(company.seats![0]!.busy.length).toBeGreaterThan(0);
      expect(company.seats![1]!.busy).toEqual([]);

      replanAndApply();
      const kamazMeetings = b2bMeetings().filter((m) => m.participants.some((x) => x.personId === first || x.personId === second));
      expect(kamazMeetings.length).toBeGreaterThan(0);
      for (const m of kamazMeetings) {
        const ours = m.participants.filter((x) => x.personId === first || x.personId === second);
        expect(ours).toHaveLength(1);
      }
      // The stored schedule keeps each placement's seats, so publishing or re-syncing seats the same people.
      const requests = new Map(b2b().requests.list(sessionId).map((r) => [r.id, r]));
      const stored = ctx.services.store.b2bSchedule.load(sessionId).placements.filter((p) => [requests.get(p.requestId)!.fromId, requests.get(p.requestId)!.toId].includes(updated.id));
      const seatOf = (p: (typeof stored)[number]) => (requests.get(p.requestId)!.fromId === updated.id ? p.fromSeat : p.toSeat);
      expect(stored.length).toBeGreaterThan(0);
      for (const p of stored) {
        expect([0, 1]).toContain(seatOf(p));
        const m = ctx.services.meetings.get(requests.get(p.requestId)!.meetingId!);
        expect(m.participants.some((x) => x.personId === (seatOf(p) === 0 ? first : second))).toBe(true);
      }
      expect(b2bConflicts()).toEqual([]);
    });
  });

  it('with one seat the team sits together: both representatives at every table, either one busy keeps the company away', () => {
    rolledBack(() => {
      const { first, second } = twoRepresentatives(1);
      otherMeeting(second, ctx.demo!.rooms.bilateral1!, 11 * 60 + 30, 12 * 60);
      expect(busySlotsOf('KAMAZ')).toEqual(['11:25', '11:50']);
      replanAndApply();
      const kamazMeetings = b2bMeetings().filter((m) => m.participants.some((x) => x.personId === first));
      for (const m of kamazMeetings) expect(m.participants.map((x) => x.personId)).toEqual(expect.arrayContaining([first, second]));
      expect(b2bConflicts()).toEqual([]);
    });
  });

  it.each([
    { name: 'more parallel meetings than representatives', seats: 3, field: 'seats' },
    { name: 'none', seats: 0, field: 'seats' },
    { name: 'over the limit', seats: 21, field: 'seats' },
  ])('refuses $name with a message on the field', ({ seats, field }) => {
    rolledBack(() => {
      let fields: Record<string, unknown> = {};
      try {
        twoRepresentatives(seats);
      } catch (err) {
        fields = (err as { fieldMessages: Record<string, unknown> }).fieldMessages;
      }
      expect(Object.keys(fields)).toEqual([field]);
    });
  });
});

it('property: whatever else the representatives do, every meeting the scheduler writes has no conflict in the programme-wide report', () => {
  const rooms = ['smolnyHall', 'hotelRoom', 'bilateral1', 'pressCentre', null] as const;
  const companies = b2b().views.overview(sessionId).participants.map((p) => p.record);
  const other = fc.record({
    company: fc.nat({ max: companies.length - 1 }),
    room: fc.constantFrom(...rooms),
    start: fc.integer({ min: 9 * 12, max: 14 * 12 }).map((step) => step * 5),
    length: fc.integer({ min: 2, max: 18 }).map((steps) => steps * 5),
  });
  fc.assert(
    fc.property(fc.array(other, { minLength: 1, maxLength: 8 }), (others) => {
      rolledBack(() => {
        for (const o of others) {
          const rep = companies[o.company]!.representativeIds[0]!;
          otherMeeting(rep, o.room === null ? null : ctx.demo!.rooms[o.room]!, o.start, o.start + o.length);
        }
        replanAndApply();
        expect(b2bConflicts()).toEqual([]);
      });
    }),
    { numRuns: 25, seed: 20190608 },
  );
});
