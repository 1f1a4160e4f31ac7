import type { Conflict } from '../../domain/conflicts';
import { NotFoundError } from '../../domain/errors';
import { formatTime, localDateOf, type ZoneTime } from '../../domain/time';
import type { Delegation, Forum, Id, Meeting, Organization, Person, Room, Venue } from '../../domain/types';
import type { Store } from '../../store';
import { message } from '../../messages';

export interface ParticipantView {
  person: Person;
  organization: Organization | null;
  role: Meeting['participants'][number]['role'];
  /** True when the person belongs to one of the forum's delegations that the meeting belongs to. */
  ours: boolean;
}

/** A meeting with everything a page or a feed needs to show it, resolved once. */
export interface MeetingView {
  meeting: Meeting;
  room: Room | null;
  venue: Venue | null;
  /** 'Room, Venue' or the free-text place. */
  placeText: string;
  address: string;
  participants: ParticipantView[];
  delegations: Delegation[];
  /** Local date of the start in the forum's zone. */
  day: string;
  /** '10:00–11:00' in the forum's zone. */
  forumTime: string;
  /** { zone: 'Asia/Baku', time: '11:00–12:00' } when a home zone is in context and reads differently; else null (a view names the city). */
  homeTime: ZoneTime | null;
  conflicts: Conflict[];
  hasError: boolean;
  hasWarning: boolean;
}

/**
 * Resolves ids in meetings to the rooms, venues, people and delegations they
 * name, loading each kind once per call rather than once per meeting.
 */
export class ProgrammeViews {
  constructor(private readonly store: Store) {}

  describe(forum: Forum, meetings: Meeting[], opts: { homeTimeZone?: string | null; conflicts?: Conflict[] } = {}): MeetingView[] {
    // Only the rooms, venues and delegations these meetings name (of this forum), so a page costs what its own meetings cost, not the forum's.
    const roomIds = new Set<Id>();
    const delegationIds = new Set<Id>();
    for (const m of meetings) {
      if (m.roomId !== null) roomIds.add(m.roomId);
      for (const d of m.delegationIds) delegationIds.add(d);
    }
    const named = this.store.rooms.findManyWithVenues([...roomIds]);
    const venues = byId(named.venues.filter((v) => v.forumId === forum.id));
    const rooms = byId(named.rooms.filter((r) => venues.has(r.venueId)));
    const delegations = byId(delegationIds.size ? this.store.delegations.findMany([...delegationIds]).filter((d) => d.forumId === forum.id) : []);
    // Each delegation's members as a set, built once: scanning every member per meeting costs 20k x 1k on a forum-sized programme.
    const membersOf = new Map<Id, Set<Id>>();
    for (const x of this.store.delegations.membersOfDelegations([...delegations.keys()])) {
      const members = membersOf.get(x.delegationId);
      if (members === undefined) membersOf.set(x.delegationId, new Set([x.personId]));
      else members.add(x.personId);
    }
    // The people and organizations these meetings name, in one query each rather than one per person.
    const personIds = new Set<Id>();
    for (const m of meetings) for (const p of m.participants) personIds.add(p.personId);
    const people = byId(personIds.size ? this.store.people.findMany([...personIds]) : []);
    const orgIds = new Set<Id>();
    for (const p of people.values()) if (p.organizationId !== null) orgIds.add(p.organizationId);
    const orgs = byId(orgIds.size ? this.store.organizations.findMany([...orgIds]) : []);
    const person = (id: Id): Person => {
      const known = people.get(id);
      // Foreign keys keep a participant's person; a database restored without them must answer 404, not a TypeError.
      if (!known) throw new NotFoundError(message('person.not-found', { id }));
      return known;
    };
    const org = (id: Id | null): Organization | null => (id === null ? null : (orgs.get(id) ?? null));
    const isOurs = (m: Meeting, personId: Id): boolean => m.delegationIds.some((d) => membersOf.get(d)?.has(personId) === true);
    const conflictsByMeeting = new Map<Id, Conflict[]>();
    for (const c of opts.conflicts ?? []) {
      for (const id of c.meetingIds) {
        const known = conflictsByMeeting.get(id);
        if (known === undefined) conflictsByMeeting.set(id, [c]);
        else known.push(c);
      }
    }
    const home = opts.homeTimeZone && opts.homeTimeZone !== forum.timeZone ? opts.homeTimeZone : null;

    return meetings.map((m) => {
      const room = m.roomId !== null ? (rooms.get(m.roomId) ?? null) : null;
      const venue = room ? (venues.get(room.venueId) ?? null) : null;
      const conflicts = conflictsByMeeting.get(m.id) ?? [];
      const forumTime = `${formatTime(m.startUtc, forum.timeZone)}–${formatTime(m.endUtc, forum.timeZone)}`;
      const homeTime = home ? `${formatTime(m.startUtc, home)}–${formatTime(m.endUtc, home)}` : '';
      return {
        meeting: m,
        room,
        venue,
        placeText: [room?.name, venue?.name, m.place].filter(Boolean).join(', '),
        address: venue?.address ?? '',
        participants: m.participants.map((p) => {
          const who = person(p.personId);
          return { person: who, organization: org(who.organizationId), role: p.role, ours: p.role !== 'counterpart' && isOurs(m, p.personId) };
        }),
        delegations: m.delegationIds.map((id) => delegations.get(id)).filter((d): d is Delegation => d !== undefined),
        day: localDateOf(m.startUtc, forum.timeZone),
        forumTime,
        homeTime: home && homeTime !== forumTime ? { zone: home, time: homeTime } : null,
        conflicts,
        hasError: conflicts.some((c) => c.severity === 'error'),
        hasWarning: conflicts.some((c) => c.severity === 'warning'),
      };
    });
  }
}

function byId<T extends { id: Id }>(items: T[]): Map<Id, T> {
  return new Map(items.map((i) => [i.id, i]));
}
