/**
 * Where a drop on the day grid puts a meeting: a start and an end on the
 * forum's clock (the grid's rows) and, on the by-room grid, a room. Read and
 * bounded here, before anything is checked or written, so the check endpoint
 * and the drop refuse the same input with the same field messages.
 */
import { ValidationError, type Said } from '../../domain/errors';
import { forumDays } from '../../domain/agenda';
import { dayBounds, firstInstantAt, resolveLocalTime } from '../../domain/time';
import type { Forum, Id, Instant } from '../../domain/types';
import { message } from '../../messages';

/** The longest a dropped or resized meeting may run: a day, as a typed duration may. */
export const MAX_PLACEMENT_MINUTES = 24 * 60;

export interface Placement {
  startUtc: Instant;
  endUtc: Instant;
  /** The room of the column it was dropped in; undefined keeps the meeting's own (the by-person grid, the Elsewhere column). */
  roomId: Id | undefined;
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * `raw.start` and `raw.end` are 'YYYY-MM-DDTHH:mm' on the forum's clock; a
 * time the clock skips or shows twice reads as its first instant (the grid's
 * rows are laid out the same way). `roomExists` says whether an id names a
 * room of this forum.
 */
export function readPlacement(forum: Forum, raw: unknown, roomExists: (id: Id) => boolean): Placement {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const fields: Record<string, Said> = {};
  const read = (key: 'start' | 'end'): Instant => {
    const value = body[key];
    if (typeof value !== 'string' || !LOCAL.test(value)) {
      fields[key] = message('place.time', {});
      return Number.NaN;
    }
    const reading = resolveLocalTime({ local: value, timeZone: forum.timeZone });
    if (reading.ok) return reading.instant;
    if (reading.reason === 'gap' || reading.reason === 'ambiguous') return firstInstantAt(value, forum.timeZone);
    fields[key] = message('place.time', {});
    return Number.NaN;
  };
  const startUtc = read('start');
  const endUtc = read('end');
  if (!fields.start && !fields.end) {
    const minutes = (endUtc - startUtc) / 60_000;
    if (!(minutes > 0 && minutes <= MAX_PLACEMENT_MINUTES)) fields.end = message('place.span', { max: MAX_PLACEMENT_MINUTES });
    const days = forumDays(forum);
    const first = days[0] ?? forum.startDate;
    const last = days[days.length - 1] ?? forum.endDate;
    if (startUtc < dayBounds(first, forum.timeZone).startUtc || startUtc >= dayBounds(last, forum.timeZone).endUtc) fields.start = message('place.outside-forum', { first, last });
  }
  let roomId: Id | undefined;
  const room = body.roomId;
  if (room !== undefined && room !== null && room !== '') {
    const id = typeof room === 'number' ? room : typeof room === 'string' && /^\d{1,15}$/.test(room) ? Number(room) : Number.NaN;
    if (!Number.isSafeInteger(id) || !roomExists(id)) fields.roomId = message('place.room', {});
    else roomId = id;
  }
  if (Object.keys(fields).length) throw new ValidationError(fields, message('error.fields-need-attention', {}));
  return { startUtc, endUtc, roomId };
}
