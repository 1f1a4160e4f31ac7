import type { AgendaScopeKind } from '../../domain/agenda';
import type { Id, Instant, Meeting } from '../../domain/types';

/** A stretch of time, as the meetings filter takes it. */
export interface Span {
  fromUtc: Instant;
  toUtc: Instant;
}
import type { Store } from '../../store';
import type { FeedScopeKind } from '../../domain/feed-scope';
import { namesOf, type NameForms } from '../../domain/names';

/**
 * Every scope a feed or a printed agenda can show, one entry each: where its
 * forum is, whether its record exists, what it is called, which meetings it
 * sees and which of their notes. Adding a scope means adding an entry here
 * (and, for one a secret link opens, to FEED_SCOPES and the feed_token and
 * print_snapshot CHECK lists): the type of SCOPES makes a missing entry a
 * compile error, so no caller can fall through to another scope's branch.
 */

/** A scope a secret link opens (a feed_token row), plus the forum's public programme, whose id is the forum's. */
export type ScopeKind = FeedScopeKind | 'public';

/** What a scope's record says about it, when it exists. */
export interface ScopeRecord {
  /** "Shahin Mustafayev", "Governor’s meeting room". */
  name: string;
  /** The name by language, where the record has names in several (a person, an organization, a company at a B2B session): pages head with the reader's. */
  names?: NameForms;
  homeTimeZone: string | null;
  /** Private scopes (a delegation, one of its members) may see briefings and documents: which ones, `notesVisibleTo` decides. */
  isPrivate: boolean;
}

export interface ScopeEntry {
  /** Whether a secret link can open it: such scopes are stored in feed_token and listed in its CHECK constraint (and print_snapshot's). */
  linkable: boolean;
  /**
   * The printed agenda of this scope, or null when none is printed. `staffRoute`:
   * staff open it at /forums/:id/agenda/:scope/:id; `mayBePrivate`: a sheet may
   * carry briefings (staff always see them; a link only when its scope is private).
   */
  agenda: { kind: AgendaScopeKind; staffRoute: boolean; mayBePrivate: boolean } | null;
  /** The forum the record belongs to, or null when it does not say (people and organizations are shared). */
  ownForum: (store: Store, id: Id) => Id | null;
  /** Whether `id` names a record of this forum. */
  exists: (store: Store, id: Id, forumId: Id) => boolean;
  /** The record's name and zone, or null when it is gone. */
  find: (store: Store, id: Id, forumId: Id) => ScopeRecord | null;
  /**
   * Every meeting of the forum the scope takes part in, proposed ones included (callers publish none of those);
   * `within`: only those overlapping [fromUtc, toUtc) (a day's agenda reads its days, not the forum's).
   */
  meetings: (store: Store, id: Id, forumId: Id, within?: Span) => Meeting[];
  /** Whether `meetings` includes this one meeting, asked without loading the others (who a cancellation reaches). */
  shows: (store: Store, id: Id, meeting: Meeting) => boolean;
  /**
   * Which meetings' briefing and documents a private scope may read: those of
   * its own side. A meeting often lists the other side's delegation too
   * (Leningrad Region at the meeting with Governor Drozdenko), so a delegation
   * whose members take part only as counterparts is the other side, and so is
   * a person who takes part as a counterpart: the briefing is about them.
   */
  notesVisibleTo: (store: Store, id: Id, forumId: Id) => (meeting: Meeting) => boolean;
  /** The delegations the scope travels with: the agenda's header and its contact on site. */
  delegationIds: (store: Store, id: Id, forumId: Id) => Id[];
  /** The agenda header's second line: a person's delegations, a door sheet's venue and address. */
  subtitle: (store: Store, id: Id, forumId: Id) => string;
}

/** A company's names by language with its session's title after each ('SIBUR · B2B Petrochemicals'). */
function withSuffix(forms: NameForms, suffix: string): NameForms {
  const out: NameForms = { en: forms.en + suffix };
  for (const lang of ['ru', 'az'] as const) if (forms[lang]) out[lang] = forms[lang] + suffix;
  return out;
}

const none = () => false;
const noDelegations = (): Id[] => [];
const noSubtitle = () => '';

/** The delegations of this forum a person is a member of, in the forum's order. */
export function delegationsOfPerson(store: Store, forumId: Id, personId: Id) {
  const ids = new Set(store.delegations.membersOfForum(forumId).filter((m) => m.personId === personId).map((m) => m.delegationId));
  return store.delegations.list({ forumId }).filter((d) => ids.has(d.id));
}

/** The ids of the delegations a person is a member of in this forum, in membership order. */
function membershipsOfPerson(store: Store, personId: Id, forumId: Id): Id[] {
  return store.delegations.membersOfForum(forumId).filter((m) => m.personId === personId).map((m) => m.delegationId);
}

// Annotated rather than `satisfies`: a missing or unknown key is a compile error either way, and callers see each entry as a full ScopeEntry.
export const SCOPES: Readonly<Record<ScopeKind, ScopeEntry>> = {
  delegation: {
    linkable: true,
    agenda: { kind: 'delegation', staffRoute: true, mayBePrivate: true },
    ownForum: (store, id) => store.delegations.find(id)?.forumId ?? null,
    exists: (store, id, forumId) => store.delegations.find(id)?.forumId === forumId,
    find: (store, id) => {
      const d = store.delegations.find(id);
      return d ? { name: d.name, homeTimeZone: d.homeTimeZone, isPrivate: true } : null;
    },
    meetings: (store, id, forumId, within) => store.meetings.list({ forumId, delegationId: id, ...within }),
    shows: (_store, id, meeting) => meeting.delegationIds.includes(id),
    notesVisibleTo: (store, id) => {
      const members = new Set(store.delegations.members(id).map((m) => m.personId));
      return (m) => {
        const roles = m.participants.filter((p) => members.has(p.personId)).map((p) => p.role);
        return m.delegationIds.includes(id) && !(roles.length > 0 && roles.every((r) => r === 'counterpart'));
      };
    },
    delegationIds: (_store, id) => [id],
    subtitle: noSubtitle,
  },
  person: {
    linkable: true,
    agenda: { kind: 'person', staffRoute: true, mayBePrivate: true },
    ownForum: () => null,
    exists: (store, id) => store.people.find(id) !== undefined,
    find: (store, id, forumId) => {
      const p = store.people.find(id);
      if (!p) return null;
      const delegation = delegationsOfPerson(store, forumId, p.id)[0];
      return { name: p.fullName, names: namesOf(p), homeTimeZone: delegation?.homeTimeZone ?? null, isPrivate: delegation !== undefined };
    },
    meetings: (store, id, forumId, within) => store.meetings.list({ forumId, personId: id, ...within }),
    shows: (_store, id, meeting) => meeting.participants.some((p) => p.personId === id),
    notesVisibleTo: (store, id, forumId) => {
      const mine = new Set(delegationsOfPerson(store, forumId, id).map((d) => d.id));
      return (m) => m.delegationIds.some((d) => mine.has(d)) && m.participants.some((p) => p.personId === id && p.role !== 'counterpart');
    },
    delegationIds: membershipsOfPerson,
    subtitle: (store, id, forumId) =>
      membershipsOfPerson(store, id, forumId)
        .map((d) => store.delegations.find(d)?.name ?? '')
        .filter(Boolean)
        .join(' · '),
  },
  room: {
    linkable: true,
    agenda: { kind: 'room', staffRoute: true, mayBePrivate: false },
    ownForum: (store, id) => {
      const room = store.rooms.find(id);
      return (room && store.venues.find(room.venueId)?.forumId) ?? null;
    },
    exists: (store, id, forumId) => store.rooms.listByForum(forumId).some((r) => r.id === id),
    find: (store, id) => {
      const r = store.rooms.find(id);
      return r ? { name: r.name, homeTimeZone: null, isPrivate: false } : null;
    },
    meetings: (store, id, forumId, within) => store.meetings.list({ forumId, roomId: id, ...within }),
    shows: (_store, id, meeting) => meeting.roomId === id,
    notesVisibleTo: () => none,
    delegationIds: noDelegations,
    subtitle: (store, id) => {
      const room = store.rooms.find(id);
      const venue = room ? store.venues.find(room.venueId) : undefined;
      return venue ? [venue.name, venue.address].filter(Boolean).join(', ') : '';
    },
  },
  organization: {
    linkable: true,
    agenda: null,
    ownForum: () => null,
    exists: (store, id) => store.organizations.find(id) !== undefined,
    find: (store, id) => {
      const o = store.organizations.find(id);
      return o ? { name: o.name, names: namesOf(o), homeTimeZone: null, isPrivate: false } : null;
    },
    meetings: (store, id, forumId, within) => store.meetings.list({ forumId, organizationId: id, ...within }),
    shows: (store, id, meeting) => store.people.findMany(meeting.participants.map((p) => p.personId)).some((person) => person.organizationId === id),
    notesVisibleTo: () => none,
    delegationIds: noDelegations,
    subtitle: noSubtitle,
  },
  b2b_participant: {
    linkable: true,
    agenda: { kind: 'b2b_participant', staffRoute: false, mayBePrivate: true },
    // Its session says the forum, but a link to one has always been named by forum (or the only one): kept so.
    ownForum: () => null,
    exists: (store, id, forumId) => {
      const participant = store.b2bParticipants.find(id);
      return participant !== undefined && store.b2bSessions.find(participant.sessionId)?.forumId === forumId;
    },
    find: (store, id, forumId) => {
      // A company at a B2B session: its table times in the forum's zone, and its delegation's zone beside them when a representative belongs to one.
      const p = store.b2bParticipants.find(id);
      const session = p ? store.b2bSessions.find(p.sessionId) : undefined;
      if (!p || !session) return null;
      const delegation = p.representativeIds.map((rep) => delegationsOfPerson(store, forumId, rep)[0]).find((d) => d !== undefined);
      const organization = store.organizations.find(p.organizationId);
      const names = organization ? withSuffix(namesOf(organization), ` · ${session.title}`) : undefined;
      return { name: `${organization?.name ?? `Participant ${p.id}`} · ${session.title}`, ...(names ? { names } : {}), homeTimeZone: delegation?.homeTimeZone ?? null, isPrivate: false };
    },
    meetings: (store, id, forumId, within) => store.meetings.list({ forumId, ids: store.b2bRequests.meetingIdsOf(id), ...within }),
    shows: (store, id, meeting) => store.b2bRequests.meetingIdsOf(id).includes(meeting.id),
    notesVisibleTo: () => none,
    delegationIds: noDelegations,
    subtitle: noSubtitle,
  },
  public: {
    linkable: false,
    agenda: null,
    ownForum: (_store, id) => id,
    exists: (store, id, forumId) => id === forumId && store.forums.find(forumId) !== undefined,
    // Named by its forum: the words 'public programme' are the reader's language's (label.scope-kind), chosen where a feed is built.
    find: (store, id) => {
      const forum = store.forums.find(id);
      return forum ? { name: forum.name, homeTimeZone: null, isPrivate: false } : null;
    },
    meetings: (store, _id, forumId, within) => store.meetings.list({ forumId, isPublic: true, ...within }),
    shows: (_store, _id, meeting) => meeting.isPublic,
    notesVisibleTo: () => none,
    delegationIds: noDelegations,
    subtitle: noSubtitle,
  },
};

export const SCOPE_KINDS = Object.keys(SCOPES) as ScopeKind[];

/** The entry for a kind read from outside (a URL, a stored row), or undefined for a string that names none. */
export function scopeEntryOf(kind: string): ScopeEntry | undefined {
  return Object.hasOwn(SCOPES, kind) ? SCOPES[kind as ScopeKind] : undefined;
}

/** The scopes staff print agendas for at /forums/:id/agenda/:scope/:id. */
export const AGENDA_SCOPES: readonly ScopeKind[] = SCOPE_KINDS.filter((k) => SCOPES[k].agenda?.staffRoute);
