import { z } from 'zod';
import { NotFoundError, ValidationError, type Said } from '../../domain/errors';
import { MEMBER_ROLES, type Forum, type DelegationMember, type MemberRole, type ParticipantRole, type Room, type TravelTime } from '../../domain/types';
import { defaultParticipantRoles } from '../../domain/participant-roles';
import { inWriteTransaction } from '../../store/database';
import type { Store } from '../../store';
import type { DerivedCache } from '../derived-cache';
import type { Actor } from '../actor';
import { field, parseInput } from '../validation';
import { message } from '../../messages';
import { storedMessage } from '../../messages/stored';

const memberSchema = z.object({
  personId: field.id('person'),
  role: field.oneOf('role', MEMBER_ROLES),
});

/**
 * Read views across a forum's reference data (rooms of a forum, counts, the
 * travel matrix) and the two writes that are not plain records: delegation
 * membership and the travel-time matrix.
 */
export class ForumDirectory {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
    private readonly derived?: DerivedCache,
  ) {}

  /**
   * Every forum, for the header's switcher on every signed-in page: kept while the audit log's head is
   * unchanged (forum writes are audited in their transaction), so a page read costs one key lookup, not a
   * table scan and two finds. Callers must not change the array.
   */
  forums(): readonly Forum[] {
    const read = () => this.store.forums.list();
    return this.derived ? this.derived.get('forum-directory:forums', read, (all) => 512 * all.length) : read();
  }

  roomsOfForum(forumId: number): Room[] {
    return this.store.rooms.listByForum(forumId);
  }

  /** One venue's rooms, in roomsOfForum's order: a page of one venue reads no other. */
  roomsOfVenue(venueId: number): Room[] {
    return this.store.rooms.listByVenue(venueId);
  }

  /** These rooms of the forum, in the order asked; unknown ids and other forums' rooms left out. */
  roomsIn(forumId: number, ids: readonly number[]): Room[] {
    return this.store.rooms.findManyInForum(forumId, ids);
  }

  counts(forumId: number) {
    return this.store.forums.counts(forumId);
  }

  members(delegationId: number): DelegationMember[] {
    return this.store.delegations.members(delegationId);
  }

  membersOfForum(forumId: number): DelegationMember[] {
    return this.store.delegations.membersOfForum(forumId);
  }

  /** The role each person gets when added to one of the forum's meetings, from their place in its delegations. */
  defaultRoles(forumId: number): (personId: number) => ParticipantRole {
    return defaultParticipantRoles({ delegations: this.store.delegations.list({ forumId }), members: this.store.delegations.membersOfForum(forumId) });
  }

  travelTimes(forumId: number): TravelTime[] {
    return this.store.venues.travelTimes(forumId);
  }

  setMember(actor: Actor, delegationId: number, raw: unknown): void {
    const v = parseInput(memberSchema, raw);
    inWriteTransaction(this.store.db, () => {
      const delegation = this.store.delegations.find(delegationId);
      if (!delegation) throw new NotFoundError(message('delegation.not-found', {}));
      if (!this.store.people.find(v.personId)) throw new ValidationError({ personId: message('delegation.person-missing', {}) });
      const before = this.store.delegations.members(delegationId);
      this.store.delegations.setMember(delegationId, v.personId, v.role as MemberRole);
      this.store.delegations.touch(delegationId);
      this.auditMembers(actor, delegationId, delegation.forumId, delegation.name, before);
    });
  }

  removeMember(actor: Actor, delegationId: number, personId: number): void {
    inWriteTransaction(this.store.db, () => {
      const delegation = this.store.delegations.find(delegationId);
      if (!delegation) throw new NotFoundError(message('delegation.not-found', {}));
      const before = this.store.delegations.members(delegationId);
      if (!this.store.delegations.removeMember(delegationId, personId)) throw new NotFoundError(message('delegation.not-a-member', {}));
      this.store.delegations.touch(delegationId);
      this.auditMembers(actor, delegationId, delegation.forumId, delegation.name, before);
    });
  }

  /**
   * Saves the matrix from form fields named `t_<from>_<to>` (minutes; empty =
   * unknown). The matrix is symmetric: the value typed for A->B is stored for
   * both directions, so a planner fills only half of it.
   */
  saveTravelTimes(actor: Actor, forumId: number, raw: Record<string, unknown>): TravelTime[] {
    const venueIds = new Set(this.store.venues.list({ forumId }).map((v) => v.id));
    const fields: Record<string, Said> = {};
    const byPair = new Map<string, TravelTime>();
    for (const [key, value] of Object.entries(raw)) {
      const m = /^t_(\d+)_(\d+)$/.exec(key);
      if (!m) continue;
      const from = Number(m[1]);
      const to = Number(m[2]);
      if (!venueIds.has(from) || !venueIds.has(to) || from === to) continue;
      const text = typeof value === 'string' ? value.trim() : '';
      if (text === '') continue;
      const parsed = z.coerce.number().int().min(0).max(24 * 60).safeParse(text);
      if (!parsed.success) {
        fields[key] = message('travel.minutes', {});
        continue;
      }
      const [a, b] = from < to ? [from, to] : [to, from];
      byPair.set(`${a}_${b}`, { fromVenueId: a, toVenueId: b, minutes: parsed.data });
    }
    if (Object.keys(fields).length) throw new ValidationError(fields);
    const times = [...byPair.values()].flatMap((t) => [t, { fromVenueId: t.toVenueId, toVenueId: t.fromVenueId, minutes: t.minutes }]);
    return inWriteTransaction(this.store.db, () => {
      const before = this.store.venues.travelTimes(forumId);
      this.store.venues.replaceTravelTimes(forumId, times);
      this.store.audit.append({ at: this.clock(), userId: actor.userId, username: actor.username, action: 'update', entity: 'travel_matrix', entityId: forumId, forumId, summary: storedMessage(message('audit.summary.travel-times', {})), before, after: times });
      return this.store.venues.travelTimes(forumId);
    });
  }

  private auditMembers(actor: Actor, delegationId: number, forumId: number, name: string, before: DelegationMember[]): void {
    this.store.audit.append({
      at: this.clock(),
      userId: actor.userId,
      username: actor.username,
      action: 'update',
      entity: 'delegation_members',
      entityId: delegationId,
      forumId,
      summary: storedMessage(message('audit.summary.members', { name })),
      before,
      after: this.store.delegations.members(delegationId),
    });
  }
}


