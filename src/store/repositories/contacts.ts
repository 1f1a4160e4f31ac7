import type { Db } from '../database';
import { RecordTable } from '../record-table';
import { AVAILABILITY_LABEL, MEETING_LABEL, referencesBy, type References } from '../references';
import type { Organization, Person } from '../../domain/types';

export class OrganizationRepository extends RecordTable<Organization> {
  constructor(db: Db) {
    super(db, {
      table: 'organization',
      columns: { name: 'name', nameRu: 'name_ru', nameAz: 'name_az', country: 'country', kind: 'kind' },
      timestamps: true,
    });
  }

  usage(id: number): References[] {
    return [referencesBy(this.db, 'SELECT full_name FROM person WHERE organization_id = ? ORDER BY full_name', id, 'person', 'people')];
  }
}

export class PersonRepository extends RecordTable<Person> {
  constructor(db: Db) {
    super(db, {
      table: 'person',
      columns: {
        fullName: 'full_name',
        nameRu: 'name_ru',
        nameAz: 'name_az',
        patronymicRu: 'patronymic_ru',
        position: 'position',
        positionRu: 'position_ru',
        positionAz: 'position_az',
        organizationId: 'organization_id',
        email: 'email',
        phone: 'phone',
        languages: 'languages',
        notes: 'notes',
      },
      timestamps: true,
    });
  }

  usage(id: number): References[] {
    return [
      referencesBy(this.db, 'SELECT d.name FROM delegation_member m JOIN delegation d ON d.id = m.delegation_id WHERE m.person_id = ? ORDER BY d.name', id, 'delegation membership'),
      referencesBy(this.db, 'SELECT name FROM delegation WHERE head_person_id = ? ORDER BY name', id, 'delegation as its head', 'delegations as their head'),
      referencesBy(this.db, `SELECT ${MEETING_LABEL} FROM meeting_participant p JOIN meeting ON meeting.id = p.meeting_id WHERE p.person_id = ? ORDER BY start_utc`, id, 'meeting'),
      referencesBy(this.db, `SELECT ${AVAILABILITY_LABEL} FROM availability_block WHERE subject = 'person' AND subject_id = ? ORDER BY start_utc`, id, 'unavailability block'),
      referencesBy(this.db, 'SELECT username FROM app_user WHERE person_id = ? ORDER BY username', id, 'user account'),
    ];
  }
}
