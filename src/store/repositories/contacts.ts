import type { Db } from '../database';
import { RecordTable } from '../record-table';
import type { Organization, Person } from '../../domain/types';

export class OrganizationRepository extends RecordTable<Organization> {
  constructor(db: Db) {
    super(db, {
      table: 'organization',
      columns: { name: 'name', localName: 'local_name', country: 'country', kind: 'kind' },
      timestamps: true,
    });
  }

  usage(id: number): Record<string, number> {
    return {
      person: this.db.prepare('SELECT count(*) FROM person WHERE organization_id = ?').pluck().get(id) as number,
    };
  }
}

export class PersonRepository extends RecordTable<Person> {
  constructor(db: Db) {
    super(db, {
      table: 'person',
      columns: {
        fullName: 'full_name',
        localName: 'local_name',
        position: 'position',
        organizationId: 'organization_id',
        email: 'email',
        phone: 'phone',
        languages: 'languages',
        notes: 'notes',
      },
      timestamps: true,
    });
  }

  usage(id: number): Record<string, number> {
    const q = (sql: string) => this.db.prepare(sql).pluck().get(id) as number;
    return {
      'delegation membership': q('SELECT count(*) FROM delegation_member WHERE person_id = ?'),
      'delegation headed': q('SELECT count(*) FROM delegation WHERE head_person_id = ?'),
      meeting: q('SELECT count(*) FROM meeting_participant WHERE person_id = ?'),
      'user account': q('SELECT count(*) FROM app_user WHERE person_id = ?'),
    };
  }
}
