import { buildSlots, type B2BSlot, type B2BSession } from '../../domain/b2b';
import { StaleVersionError, ValidationError, type Said } from '../../domain/errors';
import { formatTime, resolveLocalTime } from '../../domain/time';
import type { Forum, Id } from '../../domain/types';
import { inWriteTransaction } from '../../store/database';
import type { B2BSessionValues } from '../../store/repositories/b2b-sessions';
import type { Actor } from '../actor';
import type { B2BContext } from './context';
import { parseB2BInput, sessionInputSchema, type SessionInput } from './input';
import { resolveBlocks } from './time';
import { message } from '../../messages';

/**
 * B2B sessions: a hall (a room of the forum), one day, a grid of slots with
 * changeovers and breaks, and a number of tables. Every write checks the grid
 * yields at least one slot, so the scheduler never receives an empty hall.
 */
export class B2BSessionService {
  constructor(private readonly ctx: B2BContext) {}

  list(forumId: Id): B2BSession[] {
    return this.ctx.store.b2bSessions.list({ forumId });
  }

  get(id: Id): B2BSession {
    return this.ctx.session(id);
  }

  /** The session's slots, in the order pins and placements number them. */
  slots(session: B2BSession): B2BSlot[] {
    return buildSlots({ startUtc: session.startUtc, endUtc: session.endUtc, slotMinutes: session.slotMinutes, changeoverMinutes: session.changeoverMinutes, breaks: session.breaks });
  }

  create(actor: Actor, forumId: Id, raw: unknown): B2BSession {
    return inWriteTransaction(this.ctx.store.db, () => {
      const forum = this.ctx.forum(forumId);
      const session = this.ctx.store.b2bSessions.insert(this.toValues(forum, parseB2BInput(sessionInputSchema, raw)));
      this.ctx.audit(actor, { action: 'create', entity: 'b2b_session', id: session.id, forumId, summary: session.title, before: null, after: session });
      return session;
    });
  }

  update(actor: Actor, id: Id, expectedVersion: number | null, raw: unknown): B2BSession {
    return inWriteTransaction(this.ctx.store.db, () => {
      const current = this.ctx.session(id);
      const values = this.toValues(this.ctx.forum(current.forumId), parseB2BInput(sessionInputSchema, raw));
      if (expectedVersion === null || expectedVersion !== current.version) throw new StaleVersionError(current, expectedVersion);
      const updated = this.ctx.store.b2bSessions.update(id, expectedVersion, values);
      if (!updated) throw new StaleVersionError(this.ctx.session(id), expectedVersion);
      this.ctx.audit(actor, { action: 'update', entity: 'b2b_session', id, forumId: current.forumId, summary: updated.title, before: current, after: updated });
      return updated;
    });
  }

  private toValues(forum: Forum, input: SessionInput): B2BSessionValues {
    const fields: Record<string, Said> = {};
    const timeZone = forum.timeZone;
    const resolve = (key: 'start' | 'end') => {
      const r = resolveLocalTime({ local: input[key], timeZone });
      if (r.ok) return r.instant;
      fields[key] = r.message;
      return NaN;
    };
    const startUtc = resolve('start');
    const endUtc = resolve('end');
    const day = input.start.slice(0, 10);
    if (!fields.start && (day < forum.startDate || day > forum.endDate)) fields.start = message('b2b.session.day', { forum: forum.shortName, first: forum.startDate, last: forum.endDate });
    if (!fields.start && !fields.end) {
      if (input.end.slice(0, 10) !== day) fields.end = message('b2b.session.one-day', {});
      else if (endUtc <= startUtc) fields.end = message('b2b.grid.end-before-start', {});
    }

    const room = this.ctx.store.rooms.find(input.roomId);
    if (!room || this.ctx.store.venues.find(room.venueId)?.forumId !== forum.id) fields.roomId = message('b2b.session.hall', {});
    if ((input.sideALabel === null) !== (input.sideBLabel === null)) {
      fields[input.sideALabel === null ? 'sideALabel' : 'sideBLabel'] = message('b2b.session.sides', {});
    }

    let breaks: B2BSessionValues['breaks'] = [];
    if (!fields.start && !fields.end) {
      const resolved = resolveBlocks({ day, timeZone, ranges: input.breaks, kind: 'break', within: { startUtc, endUtc, text: `${formatTime(startUtc, timeZone)}–${formatTime(endUtc, timeZone)}` } });
      if ('error' in resolved) fields.breaks = resolved.error;
      else breaks = resolved.blocks;
    }
    if (Object.keys(fields).length) throw new ValidationError(fields);

    const slots = buildSlots({ startUtc, endUtc, slotMinutes: input.slotMinutes, changeoverMinutes: input.changeoverMinutes, breaks });
    if (slots.length === 0) fields.slotMinutes = message('b2b.session.no-slot-fits', { minutes: input.slotMinutes, start: input.start.slice(11), end: input.end.slice(11) });
    if (Object.keys(fields).length) throw new ValidationError(fields);

    return {
      forumId: forum.id,
      title: input.title,
      roomId: input.roomId,
      start: input.start,
      end: input.end,
      timeZone,
      startUtc,
      endUtc,
      slotMinutes: input.slotMinutes,
      changeoverMinutes: input.changeoverMinutes,
      breaks,
      tableCount: input.tableCount,
      sideALabel: input.sideALabel,
      sideBLabel: input.sideBLabel,
      description: input.description,
    };
  }
}
