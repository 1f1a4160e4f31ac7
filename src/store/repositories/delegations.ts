import type { Db } from '../database';
import { inList, prepared } from '../statements';
import { RecordTable } from '../record-table';
import { MEETING_LABEL, referencesBy, type References } from '../references';
import type { Delegation, DelegationMember, MemberRole } from '../../domain/types';

export class DelegationRepository extends RecordTable<Delegation> {
  constructor(db: Db) {
    super(db, {
      table: 'delegation',
      columns: { forumId: 'forum_id', name: 'name', country: 'country', homeTimeZone: 'home_time_zone', headPersonId: 'head_person_id' },
      orderBy: 'name COLLATE NOCASE, id',
      timestamps: true,
    });
  }

  usage(id: number): References[] {
    return [
      referencesBy(this.db, `SELECT ${MEETING_LABEL} FROM meeting_delegation d JOIN meeting ON meeting.id = d.meeting_id WHERE d.delegation_id = ? ORDER BY start_utc`, id, 'meeting'),
    ];
  }

  members(delegationId: number): DelegationMember[] {
    return prepared(this.db, 'SELECT delegation_id AS delegationId, person_id AS personId, role FROM delegation_member WHERE delegation_id = ?').all(delegationId) as DelegationMember[];
  }

  /** The members of these delegations only, by the member table's key: what a few meetings' views need, whatever the forum's size. */
  membersOfDelegations(delegationIds: readonly number[]): DelegationMember[] {
    if (!delegationIds.length) return [];
    const list = inList(delegationIds);
    return prepared(this.db, `SELECT delegation_id AS delegationId, person_id AS personId, role FROM delegation_member WHERE delegation_id IN ${list.sql}`).all(...list.params) as DelegationMember[];
  }

  membersOfForum(forumId: number): DelegationMember[] {
    return prepared(
      this.db,
      `SELECT m.delegation_id AS delegationId, m.person_id AS personId, m.role
         FROM delegation_member m JOIN delegation d ON d.id = m.delegation_id WHERE d.forum_id = ?`,
    ).all(forumId) as DelegationMember[];
  }

  setMember(delegationId: number, personId: number, role: MemberRole): void {
    prepared(
      this.db,
      `INSERT INTO delegation_member (delegation_id, person_id, role) VALUES (?, ?, ?)
       ON CONFLICT (delegation_id, person_id) DO UPDATE SET role = excluded.role`,
    ).run(delegationId, personId, role);
  }

  removeMember(delegationId: number, personId: number): boolean {
    return prepared(this.db, 'DELETE FROM delegation_member WHERE delegation_id = ? AND person_id = ?').run(delegationId, personId).changes === 1;
  }

  /** Marks the record changed (version + 1) when its members change. */
  touch(id: number): void {
    prepared(this.db, 'UPDATE delegation SET version = version + 1, updated_at = ? WHERE id = ?').run(Date.now(), id);
  }
}
