import type { B2BInput, B2BMode, B2BParticipant, B2BPin, B2BRequest, B2BSchedule, B2BSeat, BusyInterval } from '../../src/domain/b2b';
import { buildSlots, scheduleB2B, type B2BSlot } from '../../src/domain/b2b';

// 10:00 Moscow = 07:00 UTC; slots of 20 minutes with 5 minutes changeover.
const START = Date.UTC(2019, 5, 7, 7, 0);
const MIN = 60_000;
const slotsOf = (count: number): B2BSlot[] => buildSlots({ startUtc: START, endUtc: START + count * 25 * MIN, slotMinutes: 20, changeoverMinutes: 5, breaks: [] });
const during = (i: number, label?: string): BusyInterval => ({ startUtc: START + i * 25 * MIN, endUtc: START + i * 25 * MIN + 20 * MIN, label });
const IDS: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6 };
const company = (key: string, extra: Partial<B2BParticipant> = {}): B2BParticipant => ({ id: IDS[key]!, name: `Company ${key}`, busy: [], ...extra });
const req = (id: number, pair: string, priority = 1): B2BRequest => {
  const [from, to] = pair.split('-') as [string, string];
  return { id, fromId: IDS[from]!, toId: IDS[to]!, priority };
};
const at = (requestId: number, slotIndex: number, table: number): B2BPin => ({ requestId, slotIndex, table });
const session = (overrides: Partial<B2BInput> = {}): B2BInput => ({
  slots: slotsOf(3),
  tableCount: 2,
  participants: ['A', 'B', 'C', 'D', 'E', 'F'].map((k) => company(k)),
  requests: [],
  ...overrides,
});
const where = (schedule: B2BSchedule) => Object.fromEntries(schedule.placements.map((p) => [p.requestId, [p.slotIndex, p.table]]));

describe('scheduleB2B: place-new keeps what was published', () => {
  it('keeps every current placement at its slot and table and places the new request around them', () => {
    const current = [at(1, 2, 2), at(2, 0, 1)];
    const schedule = scheduleB2B(session({ mode: 'place-new', current, requests: [req(1, 'A-B'), req(2, 'A-C'), req(3, 'A-D')] }));
    expect(where(schedule)).toEqual({ 1: [2, 2], 2: [0, 1], 3: [1, expect.any(Number)] });
    expect(schedule.stats).toMatchObject({ placed: 3, kept: 2, moved: 0, provenOptimal: true });
  });

  it('re-places a current placement that no longer holds (a side became busy), counting it as moved', () => {
    const participants = [company('A', { busy: [during(0, 'Meeting with the Governor')] }), company('B'), company('C')];
    const schedule = scheduleB2B(session({ mode: 'place-new', participants, current: [at(1, 0, 1)], requests: [req(1, 'A-B')] }));
    expect(schedule.placements[0]!.slotIndex).not.toBe(0);
    expect(schedule.stats).toMatchObject({ placed: 1, kept: 0, moved: 1 });
  });

  it('with no move allowed, leaves a new request out rather than move a published meeting', () => {
    // One slot for A; A-B holds it; the new A-C (higher priority) cannot get in without moving A-B.
    const input = session({ slots: slotsOf(1), mode: 'place-new', current: [at(1, 0, 1)], requests: [req(1, 'A-B'), req(2, 'A-C', 3)] });
    const schedule = scheduleB2B(input);
    expect(where(schedule)).toEqual({ 1: [0, 1] });
    expect(schedule.stats).toMatchObject({ moved: 0, kept: 1 });
  });

  it('moves a published meeting when allowed and that places one more', () => {
    // A-B sits in slot 0 where C is also free; C-B needs slot 0 (C is busy in 1), A-B can go to 1.
    const participants = [company('A'), company('B'), company('C', { busy: [during(1)] })];
    const input = session({ slots: slotsOf(2), tableCount: 1, participants, mode: 'place-new', current: [at(1, 0, 1)], requests: [req(1, 'A-B'), req(2, 'C-B')] });
    expect(scheduleB2B(input).stats).toMatchObject({ placed: 1, moved: 0 });
    const allowed = scheduleB2B({ ...input, moveLimit: 1 });
    expect(where(allowed)).toEqual({ 1: [1, 1], 2: [0, 1] });
    expect(allowed.stats).toMatchObject({ placed: 2, moved: 1, kept: 0 });
  });

  it('a re-run of its own result moves nothing', () => {
    const requests = [req(1, 'A-B'), req(2, 'C-D'), req(3, 'A-C'), req(4, 'B-D'), req(5, 'E-F'), req(6, 'A-E')];
    const first = scheduleB2B(session({ requests }));
    const mode: B2BMode = 'place-new';
    const again = scheduleB2B(session({ requests, mode, current: first.placements }));
    expect(again.placements).toEqual(first.placements);
    expect(again.stats).toMatchObject({ moved: 0, kept: first.placements.length });
  });

  it('replan reports how many published meetings it moved', () => {
    const requests = [req(1, 'A-B'), req(2, 'C-D')];
    const schedule = scheduleB2B(session({ slots: slotsOf(1), requests, current: [at(1, 0, 2), at(2, 0, 1)] }));
    expect(schedule.stats.kept + schedule.stats.moved).toBe(2);
    expect(schedule.stats.kept).toBe(2);
  });
});

describe('scheduleB2B: seats', () => {
  it('a company with two seats holds two meetings in one slot, each at its own seat', () => {
    const seats: B2BSeat[] = [
      { representativeIds: [11], busy: [] },
      { representativeIds: [12], busy: [] },
    ];
    const schedule = scheduleB2B(session({ slots: slotsOf(1), participants: [company('A', { seats }), company('B'), company('C')], requests: [req(1, 'A-B'), req(2, 'C-A')] }));
    expect(schedule.stats.placed).toBe(2);
    const seatsOfA = schedule.placements.map((p) => (p.requestId === 1 ? p.fromSeat : p.toSeat)).sort();
    expect(seatsOfA).toEqual([0, 1]);
    expect(schedule.stats.upperBound).toBe(2);
  });

  it('a busy seat blocks only itself; the company busy blocks every seat', () => {
    const seats = [
      { representativeIds: [11], busy: [during(0, 'Bilateral')] },
      { representativeIds: [12], busy: [] },
    ];
    const oneSeatBusy = scheduleB2B(session({ slots: slotsOf(1), participants: [company('A', { seats }), company('B'), company('C')], requests: [req(1, 'A-B'), req(2, 'A-C')] }));
    expect(oneSeatBusy.stats).toMatchObject({ placed: 1, upperBound: 1 });
    expect(oneSeatBusy.placements[0]!.fromSeat).toBe(1);
    const companyBusy = scheduleB2B(session({ slots: slotsOf(1), participants: [company('A', { seats, busy: [during(0)] }), company('B')], requests: [req(1, 'A-B')] }));
    expect(companyBusy.stats.placed).toBe(0);
    expect(companyBusy.unplaced[0]!.reason).toBe('participant_busy');
  });
});
