import type { Services } from '../../src/services';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { inWriteTransaction } from '../../src/store/database';
import { DEMO_ORGANIZATIONS, DEMO_PEOPLE } from './demo-contacts';
import { loadDemoProgramme } from './demo-programme';
import { loadDemoB2B } from './demo-b2b';
import { loadDemoOutcome } from './demo-outcome';

/**
 * The SPIEF 2019 demo: the Azerbaijani delegation at the 23rd St. Petersburg
 * International Economic Forum, 6–8 June 2019, as the Trend report of
 * 8 June 2019 describes it. Everyone and everything the
 * report names is here; staff names, rooms and times that the report does not
 * give are illustrative and say so in their notes.
 *
 * Loaded through the services, so the demo passes the same validation as a
 * planner's input and leaves the same audit trail. `b2b: false` leaves the
 * B2B session out (a test of a database at an old schema, which has the
 * programme's tables but not today's B2B ones).
 */
export function loadDemo(services: Services, options: { b2b?: boolean } = {}): DemoIds {
  const a = SYSTEM_ACTOR;
  return inWriteTransaction(services.store.db, () => {
    const forum = services.forums.create(a, {
      name: '23rd St. Petersburg International Economic Forum',
      shortName: 'SPIEF 2019',
      startDate: '2019-06-06',
      endDate: '2019-06-08',
      timeZone: 'Europe/Moscow',
      city: 'St. Petersburg',
    });
    // Coordinates (WGS 84) put each venue on a phone's map: the feeds' GEO, the agenda's map link.
    const venue = (name: string, address: string, opensAt: string | null, closesAt: string | null, [latitude, longitude]: [number, number]) =>
      services.venues.create(a, { forumId: forum.id, name, address, opensAt, closesAt, latitude, longitude });
    const expo = venue('ExpoForum', 'Peterburgskoye shosse 64/1, St. Petersburg', '08:00', '21:00', [59.7636, 30.3622]);
    const smolny = venue('Smolny (Government of Leningrad Region)', 'Suvorovsky prospekt 67, St. Petersburg', '08:00', '20:00', [59.9463, 30.3967]);
    const hotel = venue('Hotel Astoria (delegation hotel)', 'Bolshaya Morskaya ulitsa 39, St. Petersburg', null, null, [59.9333, 30.3086]);
    services.directory.saveTravelTimes(a, forum.id, {
      [`t_${expo.id}_${smolny.id}`]: '45',
      [`t_${expo.id}_${hotel.id}`]: '40',
      [`t_${smolny.id}_${hotel.id}`]: '20',
    });

    const room = (venueId: number, name: string, capacity: number, kind: string) => services.rooms.create(a, { venueId, name, capacity, kind });
    const rooms = {
      bilateral1: room(expo.id, 'Pavilion F, bilateral meeting room F1', 12, 'meeting_room'),
      bilateral2: room(expo.id, 'Pavilion F, bilateral meeting room F2', 8, 'meeting_room'),
      congressHall: room(expo.id, 'Congress Hall D', 400, 'hall'),
      stand: room(expo.id, 'Azerbaijan national stand, Pavilion H', 15, 'stand'),
      b2bArea: room(expo.id, 'B2B area, Pavilion G', 120, 'b2b_area'),
      pressCentre: room(expo.id, 'Press centre, briefing room 2', 40, 'meeting_room'),
      smolnyHall: room(smolny.id, 'Governor’s meeting room', 20, 'meeting_room'),
      hotelRoom: room(hotel.id, 'Delegation briefing room, 2nd floor', 12, 'meeting_room'),
    };

    const orgIds = new Map<string, number>();
    for (const o of DEMO_ORGANIZATIONS) orgIds.set(o.key, services.organizations.create(a, o).id);
    const personIds = new Map<string, number>();
    for (const p of DEMO_PEOPLE) {
      const { key, org, ...fields } = p;
      personIds.set(key, services.people.create(a, { ...fields, organizationId: org ? orgIds.get(org) : null }).id);
    }
    const pid = (key: string) => personIds.get(key)!;

    const azDelegation = services.delegations.create(a, {
      forumId: forum.id,
      name: 'Azerbaijan — Ministry of Economy',
      country: 'Azerbaijan',
      homeTimeZone: 'Asia/Baku',
      headPersonId: pid('mustafayev'),
    });
    const members: [string, string][] = [
      ['mustafayev', 'head'],
      ['deputy', 'deputy'],
      ['adviser', 'adviser'],
      ['protocol', 'protocol_officer'],
      ['interpreter', 'interpreter'],
      ['press', 'press'],
      ['security', 'security'],
      ['azpromo', 'member'],
    ];
    for (const [key, role] of members) services.directory.setMember(a, azDelegation.id, { personId: pid(key), role });

    const lenDelegation = services.delegations.create(a, {
      forumId: forum.id,
      name: 'Leningrad Region',
      country: 'Russia',
      homeTimeZone: 'Europe/Moscow',
      headPersonId: pid('drozdenko'),
    });
    for (const [key, role] of [['drozdenko', 'head'], ['len-economy', 'deputy']] as const) services.directory.setMember(a, lenDelegation.id, { personId: pid(key), role });

    const ids: DemoIds = { forumId: forum.id, venues: { expo: expo.id, smolny: smolny.id, hotel: hotel.id }, rooms: mapIds(rooms), people: Object.fromEntries(personIds), organizations: Object.fromEntries(orgIds), delegations: { azerbaijan: azDelegation.id, leningrad: lenDelegation.id } };
    loadDemoProgramme(services, ids);
    if (options.b2b !== false) loadDemoB2B(services, ids);
    // After the forum: the agreements signed and the meetings held (issue 17).
    if (options.b2b !== false) loadDemoOutcome(services, ids);
    return ids;
  });
}

export interface DemoIds {
  forumId: number;
  venues: Record<'expo' | 'smolny' | 'hotel', number>;
  rooms: Record<string, number>;
  people: Record<string, number>;
  organizations: Record<string, number>;
  delegations: Record<'azerbaijan' | 'leningrad', number>;
}

function mapIds<K extends string>(records: Record<K, { id: number }>): Record<K, number> {
  return Object.fromEntries(Object.entries(records).map(([k, v]) => [k, (v as { id: number }).id])) as Record<K, number>;
}
