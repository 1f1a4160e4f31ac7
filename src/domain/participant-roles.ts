/**
 * The role a person gets when a planner adds them to a meeting, before anyone
 * chooses: what their place in the forum's delegations says. The forum's
 * first delegation is the planners' own (the demo's Azerbaijani one): its
 * head is the principal, its other members are required; an interpreter of
 * any delegation interprets; everyone else (another delegation, a company, a
 * governor's office) is the other side, a counterpart.
 */
import type { Delegation, DelegationMember, Id, ParticipantRole } from './types';

export interface ForumSides {
  delegations: readonly Pick<Delegation, 'id' | 'headPersonId'>[];
  members: readonly DelegationMember[];
}

export function defaultParticipantRoles(sides: ForumSides): (personId: Id) => ParticipantRole {
  const own = sides.delegations.reduce<Pick<Delegation, 'id' | 'headPersonId'> | undefined>((first, d) => (first === undefined || d.id < first.id ? d : first), undefined);
  const interpreters = new Set(sides.members.filter((m) => m.role === 'interpreter').map((m) => m.personId));
  const ownMembers = new Map(sides.members.filter((m) => m.delegationId === own?.id).map((m) => [m.personId, m.role]));
  return (personId) => {
    if (interpreters.has(personId)) return 'interpreter';
    if (own && (own.headPersonId === personId || ownMembers.get(personId) === 'head')) return 'principal';
    if (ownMembers.has(personId)) return 'required';
    return 'counterpart';
  };
}
