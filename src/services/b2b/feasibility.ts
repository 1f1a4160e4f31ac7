/**
 * What the B2B scheduler is told is busy, so that every table it gives is one
 * the conflict engine would raise nothing for, and no slot the engine would
 * accept is refused. A company cannot sit at a table while any of its
 * representatives is
 * - in another meeting of the programme;
 * - travelling, exactly as the engine asks: only between consecutive located
 *   meetings (what a person does last before the table, and first after it).
 *   A meeting at another venue makes busy the travel time after it, up to
 *   when the person's next located meeting ends (after that, it is no longer
 *   what they do last), and the travel time before it, from when their
 *   previous located meeting ended. A representative at Smolny until 11:00
 *   with 45 minutes to ExpoForum is not booked at 11:25, but one who is back
 *   at ExpoForum for a meeting ending 11:20 may be;
 * - unavailable (a block of their own);
 * nor while the company marked itself unavailable. Every company is kept
 * away from a slot the hall's venue hours do not hold (the engine's own
 * check, slot by slot: a slot across the venue's day boundary is outside
 * hours even when the venue is open round the clock), while the hall itself
 * is blocked or booked for another meeting, and throughout when one of its
 * tables would seat more people than the hall holds. A company with several
 * seats (parallel meetings) is told per seat: a busy representative blocks
 * only their own.
 */
import { seatGroups, type B2BParticipant, type B2BParticipantRecord, type B2BSession, type BusyInterval } from '../../domain/b2b';
import { hasOpeningHours, openingHoursCheck } from '../../domain/conflicts';
import type { B2BSlot } from '../../domain/b2b';
import { travelLookup } from '../../domain/time-finder';
import type { Id } from '../../domain/types';
import { message } from '../../messages';
import { storedMessage } from '../../messages/stored';
import type { B2BContext } from './context';

const MINUTE = 60_000;

export function feasibleParticipants(ctx: B2BContext, session: B2BSession, slots: readonly B2BSlot[], participants: readonly B2BParticipantRecord[], ownMeetings: ReadonlySet<Id>): B2BParticipant[] {
  const { store } = ctx;
  const forumId = session.forumId;
  const rooms = new Map(store.rooms.listByForum(forumId).map((r) => [r.id, r]));
  const venues = new Map(store.venues.list({ forumId }).map((v) => [v.id, v]));
  const travelTimes = store.venues.travelTimes(forumId);
  const travel = travelLookup(travelTimes);
  const hall = rooms.get(session.roomId);
  const hallVenueId = hall?.venueId;
  const hallVenue = hallVenueId === undefined ? undefined : venues.get(hallVenueId);

  // Meetings a little before or after the session matter too: their travel reaches into it.
  const reach = Math.max(0, ...travelTimes.filter((t) => t.fromVenueId === hallVenueId || t.toVenueId === hallVenueId).map((t) => t.minutes)) * MINUTE;
  const window = { forumId, fromUtc: session.startUtc - reach, toUtc: session.endUtc + reach };
  const others = store.meetings.list(window).filter((m) => m.status !== 'cancelled' && !ownMeetings.has(m.id) && m.startUtc < m.endUtc);
  const blocks = store.availability.inWindow(forumId, session.startUtc, session.endUtc);
  const venueOf = (m: (typeof others)[number]): Id | undefined => (m.roomId === null ? undefined : rooms.get(m.roomId)?.venueId);

  const isOutsideHours = openingHoursCheck(session.timeZone);
  const everyone: BusyInterval[] = [
    ...(hallVenue && hasOpeningHours(hallVenue) ? slots.filter((slot) => isOutsideHours(hallVenue.id, hallVenue, slot)).map((slot) => ({ startUtc: slot.startUtc, endUtc: slot.endUtc, label: storedMessage(message('b2b.busy.hall-closed', { venue: hallVenue.name })) })) : []),
    ...blocks.filter((b) => b.subject === 'room' && b.subjectId === session.roomId).map((b) => ({ startUtc: b.startUtc, endUtc: b.endUtc, label: storedMessage(message('b2b.busy.hall-unavailable', { reason: b.reason ?? '' })) })),
    // Any other meeting in the hall shares its space with every table (the engine's room double booking); another session's tables are told apart by their place.
    ...others.filter((m) => m.roomId === session.roomId && m.kind !== 'b2b').map((m) => ({ startUtc: m.startUtc, endUtc: m.endUtc, label: storedMessage(message('b2b.busy.hall-booked', { title: m.title })) })),
  ];

  /** One person's other meetings, and the travel the engine would ask of a table between them. */
  const busyOfPerson = (personId: Id): BusyInterval[] => {
    const mine = others.filter((m) => m.participants.some((x) => x.personId === personId));
    const located = mine.filter((m) => venueOf(m) !== undefined);
    const busy: BusyInterval[] = mine.map((m) => ({ startUtc: m.startUtc, endUtc: m.endUtc, label: m.title }));
    if (hallVenueId === undefined) return busy;
    for (const m of located) {
      const venueId = venueOf(m)!;
      if (venueId === hallVenueId) continue;
      const venue = venues.get(venueId)?.name ?? '';
      const label = (minutes: number) => storedMessage(message('b2b.busy.travel', { title: m.title, venue, minutes }));
      const from = travel(venueId, hallVenueId);
      if (from !== undefined && from > 0) {
        // After m, until the next located meeting ends: a table starting later follows that one, not m.
        const nextEnd = Math.min(Infinity, ...located.filter((o) => o.endUtc > m.endUtc).map((o) => o.endUtc));
        const endUtc = Math.min(m.endUtc + from * MINUTE, nextEnd);
        if (m.endUtc < endUtc) busy.push({ startUtc: m.endUtc, endUtc, label: label(from) });
      }
      const to = travel(hallVenueId, venueId);
      if (to !== undefined && to > 0) {
        // Before m, from when the previous located meeting ended: a table ending earlier comes before that one, not m.
        const previousEnd = Math.max(-Infinity, ...located.filter((o) => o !== m && o.endUtc <= m.startUtc).map((o) => o.endUtc));
        const startUtc = Math.max(m.startUtc - to * MINUTE, previousEnd);
        if (startUtc < m.startUtc) busy.push({ startUtc, endUtc: m.startUtc, label: label(to) });
      }
    }
    return busy;
  };

  /** When any of `ids` is in another meeting (or travelling to or from it) or unavailable. */
  const busyOfPeople = (ids: readonly Id[]): BusyInterval[] => {
    const people = new Set(ids);
    return [
      ...ids.flatMap(busyOfPerson),
      ...blocks.filter((b) => b.subject === 'person' && people.has(b.subjectId)).map((b) => ({ startUtc: b.startUtc, endUtc: b.endUtc, label: b.reason || storedMessage(message('b2b.busy.unavailable', {})) })),
    ];
  };

  // A table seats the company's seat and at least one person of the other side: more than the hall holds is over capacity at any time.
  const tooBig = (seat: readonly Id[]): boolean => hall !== undefined && seat.length + 1 > hall.capacity;
  const wholeSession = (): BusyInterval => ({ startUtc: session.startUtc, endUtc: session.endUtc, label: storedMessage(message('b2b.busy.hall-too-small', { capacity: hall?.capacity ?? 0 })) });

  return participants.map((p) => {
    const own: BusyInterval[] = [...p.unavailable.map((b) => ({ startUtc: b.startUtc, endUtc: b.endUtc, label: b.label || storedMessage(message('b2b.busy.not-available', {})) })), ...everyone];
    const groups = seatGroups(p);
    // One seat: the whole team sits together, so any representative's other meeting keeps the company away.
    if (groups.length === 1) return { id: p.id, name: ctx.nameOf(p), busy: [...own, ...(tooBig(groups[0]!) ? [wholeSession()] : []), ...busyOfPeople(p.representativeIds)] };
    // Several: each seat is busy when its own representatives are; the company's own times block every seat.
    return { id: p.id, name: ctx.nameOf(p), busy: own, seats: groups.map((representativeIds) => ({ representativeIds, busy: [...(tooBig(representativeIds) ? [wholeSession()] : []), ...busyOfPeople(representativeIds)] })) };
  });
}
