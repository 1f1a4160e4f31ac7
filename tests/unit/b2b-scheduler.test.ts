import type { B2BInput, B2BParticipant, B2BPin, B2BRequest, B2BSchedule, BusyInterval } from '../../src/domain/b2b';
import { buildSlots, greedyFirstFit, scheduleB2B, type B2BSlot } from '../../src/domain/b2b';
import { ValidationError } from '../../src/domain/errors';
import { render } from '../../src/messages';

// 10:00 Moscow = 07:00 UTC; slots of 20 minutes with 5 minutes changeover.
const START = Date.UTC(2019, 5, 7, 7, 0);
const MIN = 60_000;
const slotsOf = (count: number): B2BSlot[] =>
  buildSlots({ startUtc: START, endUtc: START + count * 25 * MIN, slotMinutes: 20, changeoverMinutes: 5, breaks: [] });
/** The whole of slot i (0-based) of `slotsOf`. */
const during = (i: number, label?: string): BusyInterval => ({ startUtc: START + i * 25 * MIN, endUtc: START + i * 25 * MIN + 20 * MIN, label });

const NAMES: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6 };
const COMPANY: Record<number, string> = { 1: 'AZPROMO', 2: 'Roscongress', 3: 'SOCAR', 4: 'Gazprombank', 5: 'Azercell', 6: 'KAMAZ' };
const company = (key: string, busy: BusyInterval[] = []): B2BParticipant => ({ id: NAMES[key]!, name: COMPANY[NAMES[key]!], busy });
/** 'A-B' with request id n; priority 1 unless given. */
const req = (id: number, pair: string, priority = 1): B2BRequest => {
  const [from, to] = pair.split('-') as [string, string];
  return { id, fromId: NAMES[from]!, toId: NAMES[to]!, priority };
};
const aSession = (overrides: Partial<B2BInput> = {}): B2BInput => ({
  slots: slotsOf(3),
  tableCount: 5,
  participants: ['A', 'B', 'C', 'D', 'E', 'F'].map((k) => company(k)),
  requests: [],
  pinned: [],
  ...overrides,
});
const placedIds = (schedule: B2BSchedule) => schedule.placements.map((p) => p.requestId).sort((a, b) => a - b);
const reasons = (schedule: B2BSchedule) => Object.fromEntries(schedule.unplaced.map((u) => [u.requestId, u.reason]));

describe('scheduleB2B: hand-built sessions', () => {
  it.each([
    {
      name: 'simple pairs share a slot at different tables',
      input: aSession({ slots: slotsOf(1), tableCount: 2, requests: [req(1, 'A-B'), req(2, 'C-D')] }),
      placed: [1, 2],
      unplaced: {},
    },
    {
      name: 'a participant meets at most once per slot',
      input: aSession({ slots: slotsOf(1), requests: [req(1, 'A-B'), req(2, 'A-C')] }),
      placed: [1],
      unplaced: { 2: 'participants_booked' },
    },
    {
      name: 'table capacity limits a slot',
      input: aSession({ slots: slotsOf(1), tableCount: 1, requests: [req(1, 'A-B'), req(2, 'C-D')] }),
      placed: [1],
      unplaced: { 2: 'no_free_table' },
    },
    {
      name: 'higher priority wins the last table',
      input: aSession({ slots: slotsOf(1), tableCount: 1, requests: [req(1, 'A-B', 1), req(2, 'C-D', 5)] }),
      placed: [2],
      unplaced: { 1: 'no_free_table' },
    },
    {
      name: 'a higher-priority request displaces a lower one when the count stays the same',
      input: aSession({
        slots: slotsOf(2),
        tableCount: 1,
        participants: [company('A', [during(0)]), company('B', [during(0)]), company('C', [during(1)]), company('D', [during(1)]), company('E'), company('F')],
        requests: [req(1, 'A-B', 1), req(2, 'C-D', 1), req(3, 'E-F', 5)],
      }),
      placed: [1, 3],
      unplaced: { 2: 'no_free_table' },
    },
    {
      name: 'a representative at a bilateral blocks that slot for the company',
      input: aSession({
        participants: [company('A', [during(1, 'Meeting with Governor Drozdenko')]), company('B'), company('C'), company('D')],
        requests: [req(1, 'A-B'), req(2, 'A-C'), req(3, 'A-D')],
      }),
      placed: [1, 2],
      unplaced: { 3: 'participants_booked' },
    },
    {
      name: 'no free slot in common',
      input: aSession({
        slots: slotsOf(2),
        participants: [company('A', [during(0, 'Meeting with Governor Drozdenko')]), company('B', [during(1, 'Press approach')])],
        requests: [req(1, 'A-B')],
      }),
      placed: [],
      unplaced: { 1: 'no_common_free_slot' },
    },
    {
      name: 'a company busy for the whole session',
      input: aSession({ slots: slotsOf(2), participants: [company('A', [{ startUtc: START, endUtc: START + 3 * 60 * MIN, label: 'Plenary session' }]), company('B')], requests: [req(1, 'A-B')] }),
      placed: [],
      unplaced: { 1: 'participant_busy' },
    },
    {
      name: 'busy time touching a slot edge does not block it (half-open)',
      input: aSession({
        slots: slotsOf(1),
        participants: [company('A', [{ startUtc: START - 30 * MIN, endUtc: START }, { startUtc: START + 20 * MIN, endUtc: START + 60 * MIN }]), company('B')],
        requests: [req(1, 'A-B')],
      }),
      placed: [1],
      unplaced: {},
    },
    {
      name: 'a company asking to meet itself',
      input: aSession({ requests: [req(1, 'A-A'), req(2, 'A-B')] }),
      placed: [2],
      unplaced: { 1: 'invalid_request' },
    },
    {
      // Sides are the service's business: the scheduler places whatever requests it is given.
      name: 'sides are not checked here',
      input: aSession({ slots: slotsOf(1), requests: [req(1, 'A-B'), req(2, 'C-D'), req(3, 'E-F')] }),
      placed: [1, 2, 3],
      unplaced: {},
    },
  ])('$name', ({ input, placed, unplaced }) => {
    const schedule = scheduleB2B(input);
    expect(placedIds(schedule)).toEqual(placed);
    expect(reasons(schedule)).toEqual(unplaced);
  });

  it('never places a meeting over a busy slot, and says what the company is busy with', () => {
    const schedule = scheduleB2B(
      aSession({
        slots: slotsOf(2),
        participants: [company('A', [during(0, 'Meeting with Governor Drozdenko')]), company('B', [during(1, 'Press approach')])],
        requests: [req(1, 'A-B')],
      }),
    );
    expect(render(schedule.unplaced[0]!.message)).toBe(
      "AZPROMO and Roscongress have no free slot in common: AZPROMO is busy in 1 of 2 slots ('Meeting with Governor Drozdenko'), " +
        "Roscongress in 1 ('Press approach'). Move one of those meetings or meet outside the session.",
    );
  });

  it('keeps slots around a lunch break, and a lunch-time engagement blocks nothing', () => {
    const slots = buildSlots({ startUtc: START, endUtc: START + 120 * MIN, slotMinutes: 20, changeoverMinutes: 5, breaks: [{ startUtc: START + 45 * MIN, endUtc: START + 90 * MIN }] });
    const lunch = { startUtc: START + 45 * MIN, endUtc: START + 90 * MIN, label: 'Lunch with the Governor' };
    const schedule = scheduleB2B(aSession({ slots, participants: [company('A', [lunch]), company('B'), company('C'), company('D')], requests: [req(1, 'A-B'), req(2, 'A-C'), req(3, 'A-D')] }));
    expect(slots.map((s) => (s.startUtc - START) / MIN)).toEqual([0, 25, 90]);
    expect(placedIds(schedule)).toEqual([1, 2, 3]);
  });

  it('rearranges meetings where greedy first-fit gets stuck', () => {
    // A path A-B-C-D-E in 2 slots: taken in this order, first-fit leaves B-C without a slot.
    const input = aSession({ slots: slotsOf(2), requests: [req(1, 'A-B'), req(2, 'D-E'), req(3, 'C-D'), req(4, 'B-C')] });
    expect(greedyFirstFit(input).stats.placed).toBe(3);
    expect(scheduleB2B(input).stats).toMatchObject({ placed: 4, upperBound: 4 });
  });

  it('keeps a company at one table across consecutive slots', () => {
    const input = aSession({ tableCount: 3, requests: [req(1, 'A-B'), req(2, 'C-D'), req(3, 'A-C'), req(4, 'B-D'), req(5, 'A-D'), req(6, 'E-F')] });
    const schedule = scheduleB2B(input);
    const tablesOfA = schedule.placements.filter((p) => [1, 3, 5].includes(p.requestId)).map((p) => p.table);
    expect(placedIds(schedule)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(tablesOfA).size).toBe(1);
  });

  it('packs a company’s meetings together instead of leaving idle slots', () => {
    const input = aSession({ slots: slotsOf(6), tableCount: 5, requests: [req(1, 'A-B'), req(2, 'A-C'), req(3, 'A-D')] });
    const slots = scheduleB2B(input).placements.map((p) => p.slotIndex).sort();
    expect(slots[2]! - slots[0]!).toBe(2);
  });

  it('gives the same schedule for the same input', () => {
    const input = aSession({ slots: slotsOf(4), tableCount: 2, requests: [req(1, 'A-B'), req(2, 'C-D'), req(3, 'A-C', 2), req(4, 'B-D'), req(5, 'A-D'), req(6, 'E-F'), req(7, 'B-E')] });
    expect(scheduleB2B(input)).toEqual(scheduleB2B(structuredClone(input)));
  });

  it('names slots by local time when the zone is known', () => {
    const input = aSession({ slots: slotsOf(1), tableCount: 1, timeZone: 'Europe/Moscow', requests: [req(1, 'A-B', 2), req(2, 'C-D')] });
    expect(render(scheduleB2B(input).unplaced[0]!.message)).toContain('the 10:00 slot');
  });
});

describe('scheduleB2B: pins', () => {
  const pin = (requestId: number, slotIndex: number, table: number): B2BPin => ({ requestId, slotIndex, table });

  it('keeps a valid pin exactly where the planner put it and schedules the rest around it', () => {
    const schedule = scheduleB2B(aSession({ slots: slotsOf(2), tableCount: 3, requests: [req(1, 'A-B'), req(2, 'A-C')], pinned: [pin(1, 0, 3)] }));
    expect(schedule.placements).toEqual([
      { requestId: 1, slotIndex: 0, table: 3, pinned: true, fromSeat: 0, toSeat: 0 },
      { requestId: 2, slotIndex: 1, table: 3, pinned: false, fromSeat: 0, toSeat: 0 },
    ]);
  });

  it.each([
    { name: 'on a slot where a side is busy', participants: [company('A', [during(0, 'Signing with SOCAR')]), company('B'), company('C'), company('D'), company('E')], pins: [pin(1, 0, 1)], invalid: 1, says: "AZPROMO is busy then ('Signing with SOCAR')" },
    { name: 'to a table the hall does not have', participants: undefined, pins: [pin(1, 0, 9)], invalid: 1, says: 'the hall has tables 1 to 3' },
    { name: 'to a slot the session does not have', participants: undefined, pins: [pin(1, 7, 1)], invalid: 1, says: 'slot index 7' },
    { name: 'to a table another pin already uses', participants: undefined, pins: [pin(1, 0, 2), pin(3, 0, 2)], invalid: 3, says: 'another pinned meeting already uses' },
    { name: 'a participant pinned twice in one slot', participants: undefined, pins: [pin(1, 0, 1), pin(2, 0, 2)], invalid: 2, says: 'AZPROMO is already pinned to meet Roscongress' },
  ])('reports a pin $name instead of moving it', ({ participants, pins, invalid, says }) => {
    const input = aSession({ slots: slotsOf(2), tableCount: 3, requests: [req(1, 'A-B'), req(2, 'A-C'), req(3, 'D-E')], pinned: pins, ...(participants ? { participants } : {}) });
    const schedule = scheduleB2B(input);
    const report = schedule.unplaced.find((u) => u.requestId === invalid);
    expect(report).toMatchObject({ reason: 'invalid_pin' });
    expect(render(report!.message)).toContain(says);
    expect(placedIds(schedule)).not.toContain(invalid);
  });

  it('refuses a request pinned twice, since the planner must choose', () => {
    expect(() => scheduleB2B(aSession({ requests: [req(1, 'A-B')], pinned: [pin(1, 0, 1), pin(1, 1, 1)] }))).toThrow(ValidationError);
  });
});

describe('scheduleB2B: input the service must not send', () => {
  it.each([
    { name: 'no tables', input: aSession({ tableCount: 0 }) },
    { name: 'a request naming an unknown company', input: aSession({ requests: [{ id: 1, fromId: 1, toId: 99, priority: 1 }] }) },
    { name: 'two requests with one id', input: aSession({ requests: [req(1, 'A-B'), req(1, 'C-D')] }) },
    { name: 'two participants with one id', input: aSession({ participants: [company('A'), company('A')] }) },
    { name: 'a busy time ending before it starts', input: aSession({ participants: [company('A', [{ startUtc: START + MIN, endUtc: START }])] }) },
  ])('throws a ValidationError for $name', ({ input }) => {
    expect(() => scheduleB2B(input)).toThrow(ValidationError);
  });
});

describe('upper bound', () => {
  it.each([
    { name: 'more requests than free slots for a popular company', slots: 2, tables: 5, requests: [req(1, 'A-B'), req(2, 'A-C'), req(3, 'A-D')], bound: 2 },
    { name: 'hall capacity', slots: 2, tables: 1, requests: [req(1, 'A-B'), req(2, 'C-D'), req(3, 'E-F')], bound: 2 },
    { name: 'a triangle in two slots (one pair per slot among three companies)', slots: 2, tables: 5, requests: [req(1, 'A-B'), req(2, 'B-C'), req(3, 'A-C')], bound: 2 },
    { name: 'nothing to place', slots: 2, tables: 5, requests: [], bound: 0 },
  ])('$name', ({ slots, tables, requests, bound }) => {
    const schedule = scheduleB2B(aSession({ slots: slotsOf(slots), tableCount: tables, requests }));
    expect(schedule.stats.upperBound).toBe(bound);
    expect(schedule.stats.placed).toBe(bound);
  });
});
