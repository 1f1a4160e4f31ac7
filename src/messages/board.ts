/**
 * The keys of what the availability board says beyond names and times: the
 * bounds of a board, what a shaded cell is, a room too small for the people
 * shown. The sentences are in catalogues/<locale>/domain-board.json.
 */
export interface BoardMessages {
  'board.too-many-people': { count: number; max: number };
  'board.too-many-rooms': { count: number; max: number };
  'board.person-missing': { id: number };
  'board.not-a-day': { date: string; first: string; last: string };
  'board.travel-before': { venue: string; minutes: number };
  'board.travel-after': { venue: string; minutes: number };
  'board.venue-closed': { venue: string };
  'board.unavailable': { reason: string };
  'board.cancelled': { title: string };
  'board.free': Record<string, never>;
  /** The column of stretches free for everyone shown, and who that is. */
  'board.free-column': Record<string, never>;
  'board.free-column-detail': { people: number; name: string };
  'board.room-too-small': { seats: number; people: number };
}
