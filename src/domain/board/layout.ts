/**
 * The board as an HTML table: a row per stretch between two edges (every
 * half hour of the shown day, and every start and end of what is shown, to
 * the minute), a column per person or room, and each entry one cell spanning
 * its rows. A row says how many minutes it lasts, so a style can make its
 * height follow the clock; a table with rowspans needs no inline style
 * (the CSP forbids it) and reads in time order to a screen reader.
 *
 * Where a column's entries overlap (a meeting during an unavailability block,
 * a double booking) the column splits into lanes, so nothing hides another.
 * Pure: instants in, rows of cells out.
 */
import type { Instant } from '../types';

const MINUTE = 60_000;
/** The rows' regular edges: every half hour from the shown day's start. */
export const BOARD_STEP_MINUTES = 30;

export interface Span {
  startUtc: Instant;
  endUtc: Instant;
}

export interface TableColumn<T extends Span> {
  key: string;
  entries: readonly T[];
}

/** A cell that starts in its row; rows a spanning cell covers get no cell for that lane. */
export type TableCell<T> = { type: 'entry'; entry: T; rowspan: number } | { type: 'empty' };

export interface TableRow<T> {
  startUtc: Instant;
  endUtc: Instant;
  minutes: number;
  /** On the regular half-hour edges (the time is printed large). */
  onStep: boolean;
  /** One cell per lane of each column that starts here, in column order. */
  cells: TableCell<T>[];
}

export interface Table<T> {
  /** Lanes per column key, in the order given. */
  lanes: Map<string, number>;
  rows: TableRow<T>[];
}

/** Lays `columns` out over [fromUtc, toUtc): entries outside are dropped, entries across an edge are clipped to it. */
export function layoutTable<T extends Span>(fromUtc: Instant, toUtc: Instant, columns: readonly TableColumn<T>[]): Table<T> {
  const edges = new Set<Instant>([fromUtc, toUtc]);
  const steps = new Set<Instant>();
  for (let t = fromUtc; t < toUtc; t += BOARD_STEP_MINUTES * MINUTE) {
    edges.add(t);
    steps.add(t);
  }
  const clipped = columns.map((column) => ({
    key: column.key,
    entries: column.entries
      .filter((e) => e.endUtc > fromUtc && e.startUtc < toUtc && e.endUtc > e.startUtc)
      .map((entry) => ({ entry, startUtc: Math.max(entry.startUtc, fromUtc), endUtc: Math.min(entry.endUtc, toUtc) }))
      .sort((a, b) => a.startUtc - b.startUtc || b.endUtc - a.endUtc),
  }));
  for (const column of clipped) {
    for (const e of column.entries) {
      edges.add(e.startUtc);
      edges.add(e.endUtc);
    }
  }
  const sortedEdges = [...edges].sort((a, b) => a - b);
  const rowOf = new Map(sortedEdges.map((edge, i) => [edge, i]));
  const rowCount = sortedEdges.length - 1;

  // Greedy lanes: each entry in the first lane free at its start.
  type Placed = { entry: T; first: number; last: number };
  const lanesOf = clipped.map((column) => {
    const lanes: Placed[][] = [];
    for (const e of column.entries) {
      const first = rowOf.get(e.startUtc)!;
      const last = rowOf.get(e.endUtc)! - 1;
      const lane = lanes.find((placed) => placed[placed.length - 1]!.last < first);
      if (lane) lane.push({ entry: e.entry, first, last });
      else lanes.push([{ entry: e.entry, first, last }]);
    }
    return lanes.length ? lanes : [[]];
  });

  const rows: TableRow<T>[] = [];
  const cursors = lanesOf.map((lanes) => lanes.map(() => 0));
  for (let r = 0; r < rowCount; r += 1) {
    const cells: TableCell<T>[] = [];
    lanesOf.forEach((lanes, c) => {
      lanes.forEach((lane, l) => {
        let at = cursors[c]![l]!;
        while (at < lane.length && lane[at]!.last < r) at += 1;
        cursors[c]![l] = at;
        const placed = lane[at];
        if (placed === undefined || placed.first > r) cells.push({ type: 'empty' });
        else if (placed.first === r) cells.push({ type: 'entry', entry: placed.entry, rowspan: placed.last - placed.first + 1 });
      });
    });
    const startUtc = sortedEdges[r]!;
    const endUtc = sortedEdges[r + 1]!;
    rows.push({ startUtc, endUtc, minutes: Math.round((endUtc - startUtc) / MINUTE), onStep: steps.has(startUtc), cells });
  }
  return { lanes: new Map(clipped.map((column, c) => [column.key, lanesOf[c]!.length])), rows };
}
