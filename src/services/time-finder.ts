import { z } from 'zod';
import { daysBetween } from '../domain/calendar-date';
import type { Programme, ProgrammeMeeting } from '../domain/conflicts';
import { NotFoundError, ValidationError, type Said } from '../domain/errors';
import { allowedRooms, candidateWindows, findTimes, FINDER_LIMITS, type FinderRequest, type FinderResult, type FinderWhere } from '../domain/time-finder';
import { firstInstantAt } from '../domain/time';
import type { Forum, Id, Room, Venue } from '../domain/types';
import type { Store } from '../store';
import { field, parseInput, said } from './validation';
import { message } from '../messages';

const MINUTE = 60_000;
const DAY = 86_400_000;
const MAX_PARTICIPANTS = 30;
const MAX_PLACES = 100;


const ids = (label: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
    z.array(field.id(label), { error: said('field.choose-from-list', { label }) }).max(MAX_PLACES, said('field.at-most', { label: `${label}s`, max: MAX_PLACES })),
  );

/** A search as a planner's form or a program sends it (the form's fields are mapped to this shape by the route). */
const finderSchema = z.object({
  participants: z
    .array(z.object({ personId: field.id('person'), required: z.preprocess((v) => v === undefined || v === true || v === 'on' || v === 'true' || v === '1', z.boolean()) }), {
      error: said('field.list-participants', {}),
    })
    .min(1, said('field.required', { label: 'participants' }))
    .max(MAX_PARTICIPANTS, said('field.at-most', { label: 'participants', max: MAX_PARTICIPANTS })),
  durationMinutes: field.int('duration in minutes', { min: FINDER_LIMITS.gridMinutes, max: FINDER_LIMITS.maxDurationMinutes }),
  roomIds: ids('room'),
  venueIds: ids('venue'),
  minSeats: z.preprocess((v) => (v === '' || v === null ? undefined : v), field.int('seats', { min: 1, max: 100_000 }).optional()),
  place: field.optionalText('place', 300),
  /** A place outside the venues (named by `place`); a place given alone means so too. */
  outside: field.checkbox(),
  from: field.date('first day'),
  to: field.date('last day'),
  earliest: z.preprocess((v) => (v === undefined ? '08:00' : v), field.optionalTimeOfDay('earliest time')),
  latest: z.preprocess((v) => (v === undefined ? '20:00' : v), field.optionalTimeOfDay('latest time')),
  bufferMinutes: z.preprocess((v) => (v === undefined || v === '' ? 0 : v), field.int('buffer in minutes', { min: 0, max: FINDER_LIMITS.maxBufferMinutes })),
  limit: z.preprocess((v) => (v === undefined || v === '' ? 10 : v), field.int('number of slots', { min: 1, max: FINDER_LIMITS.maxLimit })),
  title: field.optionalText('title', 300),
});

export type FinderInput = z.output<typeof finderSchema>;

/** The forum's rooms and venues, as the check and the search both read them. */
interface Places {
  rooms: Room[];
  venues: Venue[];
}

export interface FinderAnswer {
  forum: Forum;
  input: FinderInput;
  result: FinderResult;
}

/**
 * "Find a time": checks the search, loads only the part of the programme that
 * can conflict with a meeting of these people in these rooms in this window
 * (widened by the longest travel time and the buffer), and lets the domain's
 * finder rank the slots (src/domain/time-finder). Reads only; writes nothing.
 */
export class TimeFinderService {
  constructor(private readonly store: Store) {}

  find(forumId: Id, raw: unknown, untitled: string): FinderAnswer {
    const forum = this.store.forums.find(forumId);
    if (!forum) throw new NotFoundError(message('forum.not-found-id', { id: forumId }));
    const input = parseInput(finderSchema, raw);
    // Read once for the check and the search.
    const places = { rooms: this.store.rooms.listByForum(forum.id), venues: this.store.venues.list({ forumId: forum.id }) };
    const where = this.check(input, places);
    const request: FinderRequest = {
      participants: input.participants,
      durationMinutes: input.durationMinutes,
      where,
      from: input.from,
      to: input.to,
      earliest: input.earliest ?? '08:00',
      latest: input.latest ?? '20:00',
      bufferMinutes: input.bufferMinutes,
      limit: input.limit,
      title: input.title || untitled,
    };
    const result = findTimes(this.programmeFor(forum, request, places, 'times'), request);
    // A warning that a room is booked names the room's other meeting, which was read by its time alone: the
    // search again over just the rooms offered, read in full, gives the same slots (a subset keeps their order) with whole sentences.
    const offered = [...new Set(result.candidates.flatMap((c) => (c.warnings.some((w) => w.kind === 'room_double_booked') && c.roomId !== null ? [c.roomId] : [])))];
    if (!offered.length) return { forum, input, result };
    const rooms = [...new Set(result.candidates.flatMap((c) => (c.roomId === null ? [] : [c.roomId])))];
    const again: FinderRequest = { ...request, where: { kind: 'rooms', roomIds: rooms } };
    return { forum, input, result: findTimes(this.programmeFor(forum, again, places, 'full'), again) };
  }

  /** What needs the store or more than one field; every problem at once, by field. */
  private check(input: FinderInput, places: Places): FinderWhere {
    const fields: Record<string, Said> = {};
    if (input.to < input.from) fields.to = message('finder.to-before-from', {});
    else if (daysBetween(input.from, input.to) + 1 > FINDER_LIMITS.maxDays) fields.to = message('finder.window-too-long', { days: daysBetween(input.from, input.to) + 1, max: FINDER_LIMITS.maxDays });
    if (input.earliest !== null && input.latest !== null && input.latest <= input.earliest) fields.latest = message('finder.latest-before-earliest', {});

    const people = new Map(this.store.people.findMany([...new Set(input.participants.map((p) => p.personId))]).map((person) => [person.id, person]));
    const seen = new Set<Id>();
    input.participants.forEach((p, i) => {
      const person = people.get(p.personId);
      if (!person) fields[`participants.${i}.personId`] = message('meeting.participant-missing', { number: i + 1 });
      else if (seen.has(p.personId)) fields[`participants.${i}.personId`] = message('meeting.participant-twice', { person: person.fullName });
      seen.add(p.personId);
    });
    if (!input.participants.some((p) => p.required)) fields.participants = message('finder.no-required', {});

    const rooms = new Set(places.rooms.map((room) => room.id));
    input.roomIds.forEach((id, i) => {
      if (!rooms.has(id)) fields[`roomIds.${i}`] = message('meeting.room-not-in-forum', {});
    });
    const venues = new Set(places.venues.map((venue) => venue.id));
    input.venueIds.forEach((id, i) => {
      if (!venues.has(id)) fields[`venueIds.${i}`] = message('finder.venue-not-in-forum', {});
    });
    const outside = input.outside || input.place !== '';
    if (outside && input.place === '') fields.place = message('field.required', { label: 'place' });
    else if (outside && (input.roomIds.length || input.venueIds.length || input.minSeats !== undefined)) fields.place = message('finder.place-or-rooms', {});
    if (Object.keys(fields).length) throw new ValidationError(fields, message('error.fields-need-attention', {}));
    return outside ? { kind: 'outside', place: input.place } : { kind: 'rooms', roomIds: input.roomIds, venueIds: input.venueIds, minSeats: input.minSeats };
  }

  /**
   * The slice the finder needs, as a save check loads it: the window widened
   * by the longest travel and the buffer; the meetings of the people asked
   * for (with who takes part, for travel) and the rooms allowed (by time
   * only: see RoomOccupancyRepository); the blocks of those people and rooms.
   */
  private programmeFor(forum: Forum, request: FinderRequest, places: Places, read: 'times' | 'full'): Programme {
    const margin = Math.min(this.store.venues.longestTravel(forum.id) * MINUTE, DAY) + request.bufferMinutes * MINUTE;
    const fromUtc = firstInstantAt(`${request.from}T00:00`, forum.timeZone) - margin;
    const toUtc = firstInstantAt(`${request.to}T23:59`, forum.timeZone) + MINUTE + margin;
    const allRooms = places.rooms;
    const roomIds = allowedRooms({ rooms: allRooms }, request.where).flatMap((option) => (option.roomId === null ? [] : [option.roomId]));
    const personIds = [...new Set(request.participants.map((p) => p.personId))];
    const theirs = this.store.meetings.programme({ forumId: forum.id, fromUtc, toUtc, sharingWith: { roomIds: [], personIds } });
    // The rooms' meetings only where a candidate can lie: where the required people are free.
    const windows = candidateWindows({ meetings: theirs, forumTimeZone: forum.timeZone }, request);
    const meetings = new Map<Id, ProgrammeMeeting>();
    for (const m of this.store.roomOccupancy.inWindows({ roomIds, windows }, read)) meetings.set(m.id, m);
    // The people's meetings last, so a room's meeting they attend carries its participants.
    for (const m of theirs) meetings.set(m.id, m);
    return {
      meetings: [...meetings.values()],
      rooms: allRooms,
      venues: places.venues,
      people: this.store.meetings.participantNames(personIds),
      availability: this.store.availability.ofSubjectsInWindow({ forumId: forum.id, fromUtc, toUtc, personIds, roomIds }),
      travelTimes: this.store.venues.travelTimes(forum.id),
      forumTimeZone: forum.timeZone,
    };
  }
}
