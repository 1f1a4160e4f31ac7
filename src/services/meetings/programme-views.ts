import type { Conflict } from '../../domain/conflicts';
import { NotFoundError } from '../../domain/errors';
import { formatTime, localDateOf, zoneCity } from '../../domain/time';
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
  /** 'Baku 11:00–12:00' when a home zone is in context and reads differently; else ''. */
  homeTime: string;
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
    const rooms = byId(this.store.rooms.listByForum(forum.id));
    const venues = byId(this.store.venues.list({ forumId: forum.id }));
    const delegations = byId(this.store.delegations.list({ forumId: forum.id }));
    const members = this.store.delegations.membersOfForum(forum.id);
    const people = new Map<Id, Person>();
    const orgs = new Map<Id, Organization | null>();
    const person = (id: Id): Person => {
      const known = people.get(id) ?? this.store.people.find(id);
      // Foreign keys keep a participant's person; a database restored without them must answer 404, not a TypeError.
      if (!known) throw new NotFoundError(message('person.not-found', { id }));
      people.set(id, known);
      return known;
    };
    const org = (id: Id | null) => {
      if (id === null) return null;
      if (!orgs.has(id)) orgs.set(id, this.store.organizations.find(id) ?? null);
      return orgs.get(id)!;
    };
    const conflictsByMeeting = new Map<Id, Conflict[]>();
    for (const c of opts.conflicts ?? []) for (const id of c.meetingIds) conflictsByMeeting.set(id, [...(conflictsByMeeting.get(id) ?? []), c]);
    const home = opts.homeTimeZone && opts.homeTimeZone !== forum.timeZone ? opts.homeTimeZone : null;

    return meetings.map((m) => {
      const room = m.roomId !== null ? (rooms.get(m.roomId) ?? null) : null;
      const venue = room ? (venues.get(room.venueId) ?? null) : null;
      const delegationIds = new Set(m.delegationIds);
      const ourPeople = new Set(members.filter((x) => delegationIds.has(x.delegationId)).map((x) => x.personId));
      const conflicts = conflictsByMeeting.get(m.id) ?? [];
      const homeTime = home ? `${zoneCity(home)} ${formatTime(m.startUtc, home)}–${formatTime(m.endUtc, home)}` : '';
      return {
        meeting: m,
        room,
        venue,
        placeText: [room?.name, venue?.name, m.place].filter(Boolean).join(', '),
        address: venue?.address ?? '',
        participants: m.participants.map((p) => {
          const who = person(p.personId);
          return { person: who, organization: org(who.organizationId), role: p.role, ours: ourPeople.has(p.personId) && p.role !== 'counterpart' };
        }),
        delegations: m.delegationIds.map((id) => delegations.get(id)).filter((d): d is Delegation => d !== undefined),
        day: localDateOf(m.startUtc, forum.timeZone),
        forumTime: `${formatTime(m.startUtc, forum.timeZone)}–${formatTime(m.endUtc, forum.timeZone)}`,
        homeTime: homeTime === `${zoneCity(home ?? '')} ${formatTime(m.startUtc, forum.timeZone)}–${formatTime(m.endUtc, forum.timeZone)}` ? '' : homeTime,
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
