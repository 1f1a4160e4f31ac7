/**
 * Confirming an import: the plan is made again inside one write transaction
 * (so it reflects the records as they are at that moment, not at the
 * preview), and every create and update row is written through the reference
 * services, each with its audit row. Error rows are left out; a failure of
 * any accepted row rolls the whole import back.
 */
import { inWriteTransaction } from '../../store/database';
import type { Id, Organization, Person } from '../../domain/types';
import type { Actor } from '../actor';
import type { RecordService } from '../reference';
import type { ReadTable } from './table';
import { planImport, type ColumnMapping, type ImportPlan, type PlanServices, type RecordKind } from './plan';

export interface ImportResult {
  plan: ImportPlan;
  created: Id[];
  updated: Id[];
}

export function applyImport(services: PlanServices, actor: Actor, kind: RecordKind, table: Pick<ReadTable, 'rows'>, mapping: ColumnMapping, before?: () => boolean, forumId: Id | null = null): ImportResult | null {
  return inWriteTransaction(services.store.db, () => {
    // A batch confirmed twice (a double click, a replayed post) is written once.
    if (before && !before()) return null;
    const plan = planImport(services, kind, table, mapping, forumId);
    const service = (kind === 'people' ? services.people : services.organizations) as RecordService<Person | Organization>;
    const created: Id[] = [];
    const updated: Id[] = [];
    for (const row of plan.rows) {
      if (row.status === 'error' || !row.values) continue;
      let id = row.recordId;
      // The plan has just validated these values with the forms' rules, in this same transaction.
      const values = row.values as Parameters<typeof service.createValidated>[1];
      if (row.status === 'create') {
        id = service.createValidated(actor, values).id;
        created.push(id);
      } else if (row.status === 'update' && id !== null) {
        // A person whose only change is their place in a delegation keeps their record (and its version) as it is.
        if (row.changed.some((f) => f !== 'delegation')) service.updateValidated(actor, service.get(id), values);
        updated.push(id);
      }
      if (row.externalId && id !== null) services.store.imports.setKey(kind, row.externalId, id);
      // The person's place in the delegation, audited as the delegation page's member form is.
      if (row.membership && id !== null && (row.status === 'create' || row.changed.includes('delegation'))) services.directory.setMember(actor, row.membership.delegationId, { personId: id, role: row.membership.role });
    }
    return { plan, created, updated };
  });
}
