/**
 * A small forum of its own for meeting tests: Moscow forum, Baku delegation,
 * two venues 30 minutes apart, four rooms and a known programme. Tests of
 * filters, forms and the API use it so that they do not move when the demo
 * programme grows (B2B sessions, new days); tests about the demo itself use
 * ctx.demo.
 */
import { SYSTEM_ACTOR } from '../../src/services/actor';
import type { Services } from '../../src/services';

export const DAY1 = '2019-06-10';
export const DAY2 = '2019-06-11';

export interface FixtureForum {
  forumId: number;
  /** Where its meeting pages live: /forums/:id/meetings. */
  base: string;
  venues: { centre: number; hotel: number };
  rooms: { hall: number; roomA: number; roomB: number; salon: number };
  people: { minister: number; deputy: number; governor: number; director: number; adviser: number; interpreter: number };
  delegations: { azerbaijan: number; leningrad: number };
  /** Meeting ids by title, when built with the programme. */
  meetings: Record<string, number>;
}

/** The programme the list and API filter tests read: [title, day, from, to, kind, status, room | place, people, delegations, public]. */
export const FIXTURE_PROGRAMME = [
  ['Delegation briefing', DAY1, '09:00', '10:00', 'briefing', 'confirmed', 'salon', ['minister', 'deputy'], ['azerbaijan'], false],
  ['Talks with the Governor', DAY1, '10:30', '11:30', 'bilateral', 'confirmed', 'roomA', ['minister', 'governor'], ['azerbaijan', 'leningrad'], false],
  ['Signing of the roadmap', DAY1, '12:00', '12:30', 'signing', 'confirmed', 'hall', ['minister', 'governor'], ['azerbaijan', 'leningrad'], true],
  ['Plant follow-up', DAY1, '14:00', '15:00', 'bilateral', 'tentative', 'roomB', ['deputy', 'director'], ['azerbaijan'], false],
  ['Call with the ministry', DAY1, '14:30', '15:00', 'bilateral', 'proposed', 'Phone, from the hotel', ['deputy'], ['azerbaijan'], false],
  ['Press approach', DAY2, '09:00', '09:45', 'press', 'proposed', 'Smolny, main steps', ['minister'], ['azerbaijan'], false],
  ['Investment panel', DAY2, '10:00', '11:00', 'panel', 'confirmed', 'hall', ['deputy'], ['azerbaijan'], true],
  ['Lunch with the embassy', DAY2, '11:00', '12:00', 'reception', 'cancelled', 'salon', ['minister'], ['azerbaijan'], false],
] as const;

let made = 0;

export function createFixtureForum(services: Services, opts: { programme?: boolean } = {}): FixtureForum {
  const a = SYSTEM_ACTOR;
  made += 1;
  const forum = services.forums.create(a, { name: `Fixture forum ${made}`, shortName: `FIX${made}`, startDate: DAY1, endDate: DAY2, timeZone: 'Europe/Moscow', city: 'St. Petersburg' });
  const venue = (name: string, opensAt: string | null, closesAt: string | null) => services.venues.create(a, { forumId: forum.id, name, address: '', opensAt, closesAt }).id;
  const venues = { centre: venue('Congress Centre', '08:00', '20:00'), hotel: venue('Delegation hotel', null, null) };
  services.directory.saveTravelTimes(a, forum.id, { [`t_${venues.centre}_${venues.hotel}`]: '30' });
  const room = (venueId: number, name: string, capacity: number) => services.rooms.create(a, { venueId, name, capacity, kind: 'meeting_room' }).id;
  const rooms = { hall: room(venues.centre, 'Hall 1', 100), roomA: room(venues.centre, 'Room A', 10), roomB: room(venues.centre, 'Room B', 4), salon: room(venues.hotel, 'Salon', 12) };
  // The second name goes where its script says: Cyrillic is the Russian name, Latin the Azerbaijani one.
  const person = (fullName: string, otherName: string, position: string) =>
    services.people.create(a, { fullName, [/\p{Script=Cyrillic}/u.test(otherName) ? 'nameRu' : 'nameAz']: otherName, position }).id;
  const people = {
    minister: person(`Minister ${made}`, 'Nazir', 'Minister of Economy'),
    deputy: person(`Deputy ${made}`, '', 'Deputy Minister'),
    governor: person(`Governor ${made}`, 'Губернатор', 'Governor of the region'),
    director: person(`Orlov ${made}`, 'Орлов', 'Director for exports'),
    adviser: person(`Adviser ${made}`, '', 'Adviser'),
    interpreter: person(`Interpreter ${made}`, '', 'Interpreter'),
  };
  const delegation = (name: string, homeTimeZone: string) => services.delegations.create(a, { forumId: forum.id, name, country: '', homeTimeZone }).id;
  const delegations = { azerbaijan: delegation(`Azerbaijan ${made}`, 'Asia/Baku'), leningrad: delegation(`Leningrad Region ${made}`, 'Europe/Moscow') };

  const meetings: Record<string, number> = {};
  if (opts.programme !== false) {
    for (const [title, day, from, to, kind, status, where, who, of, isPublic] of FIXTURE_PROGRAMME) {
      const roomId = where in rooms ? rooms[where as keyof typeof rooms] : null;
      meetings[title] = services.meetings.create(a, forum.id, {
        title,
        kind,
        status,
        start: `${day}T${from}`,
        end: `${day}T${to}`,
        roomId,
        place: roomId === null ? where : '',
        isPublic,
        participants: who.map((key, i) => ({ personId: people[key], role: i === 0 ? 'principal' : 'required' })),
        delegationIds: of.map((key) => delegations[key]),
      }).meeting.id;
    }
  }
  return { forumId: forum.id, base: `/forums/${forum.id}/meetings`, venues, rooms, people, delegations, meetings };
}
