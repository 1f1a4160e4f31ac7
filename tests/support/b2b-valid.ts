import type { B2BInput, B2BSchedule } from '../../src/domain/b2b';
import { render } from '../../src/messages';

const overlaps = (a: { startUtc: number; endUtc: number }, b: { startUtc: number; endUtc: number }) => a.startUtc < b.endUtc && b.startUtc < a.endUtc;

/**
 * Every hard rule from the input: each request placed once or reported, a
 * table holds one meeting per slot, a representative seat one meeting per
 * slot, a company no more meetings in a slot than its parallel number, and
 * no meeting overlaps a busy time of either company or of the seat it sits at.
 * Checked from the input alone, without trusting the scheduler's own
 * bookkeeping.
 */
export function expectValidSchedule(input: B2BInput, schedule: B2BSchedule): void {
  const requests = new Map(input.requests.map((r) => [r.id, r]));
  const participants = new Map(input.participants.map((p) => [p.id, p]));
  const slots = new Map(input.slots.map((s) => [s.index, s]));
  const seen = [...schedule.placements.map((p) => p.requestId), ...schedule.unplaced.map((u) => u.requestId)].sort((a, b) => a - b);
  expect(seen).toEqual([...requests.keys()].sort((a, b) => a - b));

  const tables = new Set<string>();
  const seats = new Set<string>();
  const perCompany = new Map<string, number>();
  for (const placement of schedule.placements) {
    const request = requests.get(placement.requestId)!;
    const slot = slots.get(placement.slotIndex)!;
    expect(slot).toBeDefined();
    expect(placement.table >= 1 && placement.table <= input.tableCount).toBe(true);
    const table = `${placement.slotIndex}:${placement.table}`;
    expect(tables.has(table)).toBe(false);
    tables.add(table);
    for (const [id, seat] of [
      [request.fromId, placement.fromSeat],
      [request.toId, placement.toSeat],
    ] as const) {
      const company = participants.get(id)!;
      const parallel = Math.max(1, company.seats?.length ?? 0);
      expect(Number.isInteger(seat) && seat >= 0 && seat < parallel).toBe(true);
      expect(company.busy.filter((b) => overlaps(b, slot))).toEqual([]);
      expect((company.seats?.[seat]?.busy ?? []).filter((b) => overlaps(b, slot))).toEqual([]);
      const sitting = `${id}:${seat}:${placement.slotIndex}`;
      expect(seats.has(sitting)).toBe(false);
      seats.add(sitting);
      const key = `${id}:${placement.slotIndex}`;
      perCompany.set(key, (perCompany.get(key) ?? 0) + 1);
      expect(perCompany.get(key)!).toBeLessThanOrEqual(parallel);
    }
  }
  expect(schedule.placements.every((p) => requests.get(p.requestId)!.fromId !== requests.get(p.requestId)!.toId)).toBe(true);
}

/** Pins kept where they were put (or refused with a reason), nothing pinned that was not asked, every unplaced request explained. */
export function expectPinsKept(input: B2BInput, schedule: B2BSchedule): void {
  const placedAt = new Map(schedule.placements.map((p) => [p.requestId, p]));
  for (const pin of input.pinned ?? []) {
    const placement = placedAt.get(pin.requestId);
    if (placement) expect(placement).toMatchObject({ requestId: pin.requestId, slotIndex: pin.slotIndex, table: pin.table, pinned: true });
    else expect(schedule.unplaced.find((u) => u.requestId === pin.requestId)?.reason).toMatch(/^invalid_(pin|request)$/);
  }
  for (const placement of schedule.placements) if (placement.pinned) expect(input.pinned?.some((p) => p.requestId === placement.requestId)).toBe(true);
  for (const u of schedule.unplaced) expect(render(u.message).length).toBeGreaterThan(20);
}
