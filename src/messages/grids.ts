/**
 * The keys of what a day grid's headers and cells say beyond names and times:
 * a room's seats, the column for places outside the venues, and the lines of
 * a cell's tooltip. The sentences are in catalogues/<locale>/domain-grids.json.
 */
import type { MeetingStatus } from '../domain/types';

export interface GridMessages {
  'grid.room-seats': { capacity: number };
  'grid.elsewhere': Record<string, never>;
  'grid.elsewhere-detail': Record<string, never>;
  'grid.other-places': Record<string, never>;
  /** A meeting cell's first tooltip line: '10:00–11:00 · confirmed'. */
  'grid.meeting-heading': { time: string; status: MeetingStatus };
  'grid.with-counterparts': { names: string[] };
  'grid.unavailable-heading': { time: string };
  'grid.b2b-heading': { time: string };
  /** '18 meetings at 9 tables'. */
  'grid.b2b-count': { meetings: number; tables: number };
  'grid.not-confirmed': { count: number };
  'grid.cancelled': { count: number };
}
