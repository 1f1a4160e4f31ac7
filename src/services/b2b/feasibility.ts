/**
 * What the B2B scheduler is told is busy, so that every table it gives is one
 * the conflict engine would raise nothing for. A company cannot sit at a
 * table while any of its representatives is
 * - in another meeting of the programme, or travelling to or from it: a
 *   meeting at another venue is padded on both sides by the travel time
 *   between that venue and the hall's (the engine's own matrix, read either
 *   way), so a representative at Smolny until 11:00 with 45 minutes to
 *   ExpoForum is not booked at 11:25;
 * - unavailable (a block of their own);
 * nor while the company marked itself unavailable, the hall's venue is closed
 * or the hall itself is blocked. A company with several seats (parallel
 * meetings) is told per seat: a busy representative blocks only their own.
 *
 * Padding both sides of every meeting is stricter than the engine, which
 * asks only for the travel between consecutive meetings; it is never looser,
 * and a representative rarely has another meeting between a far-away one and
 * a table.
 */
import { seatGroups, type B2BParticipant, type B2BParticipantRecord, type B2BSession, type BusyInterval } from '../../domain/b2b';
import { travelLookup, venueClosed } from '../../domain/time-finder';
import type { Id } from '../../domain/types';
import { message, render } from '../../messages';
import type { B2BContext } from './context';

const MINUTE = 60_000;

export function feasibleParticipants(ctx: B2BContext, session: B2BSession, participants: readonly B2BParticipantRecord[], ownMeetings: ReadonlySet<Id>): B2BParticipant[] {
  const { store } = ctx;
  const forumId = session.forumId;
  const rooms = new Map(store.rooms.listByForum(forumId).map((r) => [r.id, r]));
  const venues = new Map(store.venues.list({ forumId }).map((v) => [v.id, v]));
  const travelTimes = store.venues.travelTimes(forumId);
  const travel = travelLookup(travelTimes);
  const hallVenueId = rooms.get(session.roomId)?.venueId;
  const hallVenue = hallVenueId === undefined ? undefined : venues.get(hallVenueId);

  // Meetings a little before or after the session matter too: their travel reaches into it.
  const reach = Math.max(0, ...travelTimes.filter((t) => t.fromVenueId === hallVenueId || t.toVenueId === hallVenueId).map((t) => t.minutes)) * MINUTE;
  const window = { forumId, fromUtc: session.startUtc - reach, toUtc: session.endUtc + reach };
  const others = store.meetings.list(window).filter((m) => m.status !== 'cancelled' && !ownMeetings.has(m.id) && m.startUtc < m.endUtc);
  const blocks = store.availability.inWindow(forumId, session.startUtc, session.endUtc);

  const everyone: BusyInterval[] = [
    ...(hallVenue ? venueClosed(hallVenue, session.startUtc, session.endUtc, session.timeZone).map((c) => ({ startUtc: c.startUtc, endUtc: c.endUtc, label: render(message('b2b.busy.hall-closed', { venue: hallVenue.name })) })) : []),
    ...blocks.filter((b) => b.subject === 'room' && b.subjectId === session.roomId).map((b) => ({ startUtc: b.startUtc, endUtc: b.endUtc, label: render(message('b2b.busy.hall-unavailable', { reason: b.reason ?? '' })) })),
  ];

  const busyOfMeeting = (m: (typeof others)[number]): BusyInterval => {
    const venueId = m.roomId === null ? undefined : rooms.get(m.roomId)?.venueId;
    const minutes = venueId === undefined || hallVenueId === undefined || venueId === hallVenueId ? undefined : travel(venueId, hallVenueId);
    if (!minutes || minutes <= 0) return { startUtc: m.startUtc, endUtc: m.endUtc, label: m.title };
    return { startUtc: m.startUtc - minutes * MINUTE, endUtc: m.endUtc + minutes * MINUTE, label: render(message('b2b.busy.travel', { title: m.title, venue: venues.get(venueId!)?.name ?? '', minutes })) };
  };

  /** When any of `ids` is in another meeting (or travelling to or from it) or unavailable. */
  const busyOfPeople = (ids: readonly Id[]): BusyInterval[] => {
    const people = new Set(ids);
    return [
      ...others.filter((m) => m.participants.some((x) => people.has(x.personId))).map(busyOfMeeting),
      ...blocks.filter((b) => b.subject === 'person' && people.has(b.subjectId)).map((b) => ({ startUtc: b.startUtc, endUtc: b.endUtc, label: b.reason || 'unavailable' })),
    ];
  };

  return participants.map((p) => {
    const own: BusyInterval[] = [...p.unavailable.map((b) => ({ startUtc: b.startUtc, endUtc: b.endUtc, label: b.label || 'not available' })), ...everyone];
    const groups = seatGroups(p);
    // One seat: the whole team sits together, so any representative's other meeting keeps the company away.
    if (groups.length === 1) return { id: p.id, name: ctx.nameOf(p), busy: [...own, ...busyOfPeople(p.representativeIds)] };
    // Several: each seat is busy when its own representatives are; the company's own times block every seat.
    return { id: p.id, name: ctx.nameOf(p), busy: own, seats: groups.map((representativeIds) => ({ representativeIds, busy: busyOfPeople(representativeIds) })) };
  });
}
