/**
 * Lays one day out as an HTML table: a row per 15 minutes of the forum's wall
 * clock, a column per resource (a room, a person), and each entry (a meeting,
 * an unavailability block) one cell spanning its rows. A table with rowspans
 * needs no inline style, which the CSP forbids, prints as it looks, and reads
 * in time order to a screen reader.
 *
 * Where a resource's entries overlap (a double booking, a meeting during a
 * block) its column splits into lanes, so that nothing is hidden behind
 * anything else. Pure: instants and zones in, rows of cells out.
 */
import { firstInstantAt, localDateTimeOf } from '../../domain/time';
import type { Instant, LocalDate } from '../../domain/types';

export const SLOT_MINUTES = 15;
const DAY_MINUTES = 24 * 60;
/** The hours shown on a quiet day; a day's meetings widen them, never narrow them. */
const DEFAULT_HOURS = { from: 8 * 60, to: 20 * 60 };

export interface Span {
  startUtc: Instant;
  endUtc: Instant;
}

export interface LayoutColumn<T extends Span> {
  key: string;
  entries: readonly T[];
}

/** A cell that starts in its row; rows a spanning cell covers get no cell at all. A free cell names its column (its key), for a link that plans a meeting there. */
export type LayoutCell<T> = { type: 'entry'; entry: T; rowspan: number } | { type: 'free'; column: string };

export interface LayoutRow<T> {
  /** Wall-clock 'HH:mm' in the forum's zone. */
  time: string;
  /** The row's start as an instant, for a second clock beside it. */
  startUtc: Instant;
  isHour: boolean;
  /** One cell per lane of each column that starts here (free or an entry), in column order. */
  cells: LayoutCell<T>[];
}

export interface DayLayout<T> {
  /** Lanes per column, in the order given; the header spans each column over its lanes. */
  lanes: Map<string, number>;
  rows: LayoutRow<T>[];
}

export interface LayoutInput<T extends Span> {
  date: LocalDate;
  timeZone: string;
  columns: readonly LayoutColumn<T>[];
  /** The spans the visible hours must include (the day's meetings, not the long blocks around them). */
  mustShow: readonly Span[];
}

export function layoutDay<T extends Span>({ date, timeZone, columns, mustShow }: LayoutInput<T>): DayLayout<T> {
  const minuteOf = (instant: Instant) => minuteOfDay(instant, date, timeZone);
  const from = Math.min(DEFAULT_HOURS.from, ...mustShow.map((s) => Math.floor(minuteOf(s.startUtc) / 60) * 60));
  const to = Math.max(DEFAULT_HOURS.to, ...mustShow.map((s) => Math.ceil(minuteOf(s.endUtc) / 60) * 60));
  const rowCount = (to - from) / SLOT_MINUTES;

  const placed = columns.map((column) => placeInLanes(column.entries, (entry) => slotsOf(entry, { minuteOf, from, rowCount })));
  const rows: LayoutRow<T>[] = [];
  for (let row = 0; row < rowCount; row += 1) {
    const minute = from + row * SLOT_MINUTES;
    const time = `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
    const cells = placed.flatMap((lanes, c) =>
      lanes.flatMap((lane): LayoutCell<T>[] => {
        const starting = lane.find((p) => p.first === row);
        if (starting) return [{ type: 'entry', entry: starting.entry, rowspan: starting.last - starting.first }];
        return lane.some((p) => p.first < row && row < p.last) ? [] : [{ type: 'free', column: columns[c]!.key }];
      }),
    );
    rows.push({ time, startUtc: firstInstantAt(`${date}T${time}`, timeZone), isHour: minute % 60 === 0, cells });
  }
  return { lanes: new Map(columns.map((column, i) => [column.key, placed[i]!.length])), rows };
}

interface Placed<T> {
  entry: T;
  /** First row, and the row after the last: half-open like the times. */
  first: number;
  last: number;
}

/**
 * Greedy interval colouring on row ranges, not on instants: two meetings that
 * do not overlap in time can still share a 15-minute row (11:00–11:10 and
 * 11:10–11:30), and two cells cannot share a table cell.
 */
function placeInLanes<T>(entries: readonly T[], slots: (entry: T) => { first: number; last: number } | null): Placed<T>[][] {
  const shown = entries
    .map((entry) => ({ entry, ...slots(entry) }))
    .filter((p): p is Placed<T> => p.first !== undefined && p.last !== undefined)
    .sort((a, b) => a.first - b.first || b.last - a.last);
  const lanes: Placed<T>[][] = [[]];
  for (const p of shown) {
    const lane = lanes.find((l) => (l[l.length - 1]?.last ?? 0) <= p.first);
    if (lane) lane.push(p);
    else lanes.push([p]);
  }
  return lanes;
}

/** The rows an entry covers, at least one; null when it lies wholly outside the visible hours. */
function slotsOf(span: Span, grid: { minuteOf: (instant: Instant) => number; from: number; rowCount: number }): { first: number; last: number } | null {
  const start = grid.minuteOf(span.startUtc) - grid.from;
  const end = grid.minuteOf(span.endUtc) - grid.from;
  if (start >= grid.rowCount * SLOT_MINUTES || (end <= 0 && start < 0)) return null;
  const first = Math.max(0, Math.floor(start / SLOT_MINUTES));
  const last = Math.min(grid.rowCount, Math.max(first + 1, Math.ceil(end / SLOT_MINUTES)));
  return { first, last };
}

/** Minutes since local midnight of `date`, clamped to the day: what started yesterday starts at 00:00, what ends tomorrow ends at 24:00. */
function minuteOfDay(instant: Instant, date: LocalDate, timeZone: string): number {
  const local = localDateTimeOf(instant, timeZone);
  const day = local.slice(0, 10);
  if (day < date) return 0;
  if (day > date) return DAY_MINUTES;
  return Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
