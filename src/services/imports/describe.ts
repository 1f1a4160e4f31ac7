/**
 * An import plan's rows in words: each problem as the sentence the preview
 * and the command line show ("row 14: 'Ləman Əliyeva' — organization
 * 'AZPROMO ' not found; did you mean 'AZPROMO'?"), in the reader's language.
 */
import { render, type MessageKey } from '../../messages';
import { translate, type Locale } from '../../messages/catalogue';
import { importFields } from './fields';
import type { PlannedKind, PlanRow, RowProblem } from './plan';

/** The services' own field names (what their validation speaks of) as the import's fields. */
const OWN_FIELDS: Record<string, MessageKey> = {
  fullName: 'import.field.full-name',
  patronymicRu: 'import.field.patronymic',
  organizationId: 'import.field.organization',
  roomId: 'import.field.room',
  durationMinutes: 'import.field.duration',
  timeZone: 'import.field.time-zone',
  participants: 'import.field.participants',
  delegationIds: 'import.field.delegations',
  subjectId: 'import.field.person',
  externalId: 'import.field.external-id',
};

/** A field's name as the mapping page shows it. */
export function fieldLabel(kind: PlannedKind, field: string, locale: Locale): string {
  const known = importFields(kind).find((f) => f.field === field);
  if (known) return translate(locale, known.labelKey);
  // 'participants.2.personId', 'delegationIds.0': the list the row's cell fills.
  const own = OWN_FIELDS[field] ?? OWN_FIELDS[field.replace(/\..*$/, '')];
  return own ? translate(locale, own) : field;
}

/** What an unreadable cell should look like, by its field. */
function hintOf(field: string): string {
  if (field === 'date') return 'date';
  if (field === 'start' || field === 'end') return 'time';
  if (field === 'duration') return 'duration';
  return ['kind', 'status', 'role'].includes(field) ? field : 'other';
}

export function problemText(locale: Locale, kind: PlannedKind, row: Pick<PlanRow, 'line' | 'label'>, p: RowProblem): string {
  const base = { line: row.line, label: row.label || '—' };
  switch (p.code) {
    case 'missing':
      return translate(locale, 'ui.imports.problem.missing', { ...base, field: fieldLabel(kind, p.field, locale) });
    case 'organization-not-found':
      return p.suggestion
        ? translate(locale, 'ui.imports.problem.organization-suggest', { ...base, value: p.value, suggestion: p.suggestion })
        : translate(locale, 'ui.imports.problem.organization-missing', { ...base, value: p.value });
    case 'bad-kind':
      return translate(locale, 'ui.imports.problem.bad-kind', { ...base, value: p.value });
    case 'invalid':
      return translate(locale, 'ui.imports.problem.invalid', { ...base, field: fieldLabel(kind, p.field, locale), reason: render(p.said, locale) });
    case 'duplicate':
      return translate(locale, 'ui.imports.problem.duplicate', { ...base, key: p.key, first: p.firstLine });
    case 'ambiguous':
      return translate(locale, 'ui.imports.problem.ambiguous', { ...base, key: p.key, count: p.count });
    case 'not-found':
      return p.suggestion
        ? translate(locale, 'ui.imports.problem.not-found-suggest', { ...base, field: fieldLabel(kind, p.field, locale), value: p.value, suggestion: p.suggestion })
        : translate(locale, 'ui.imports.problem.not-found', { ...base, field: fieldLabel(kind, p.field, locale), value: p.value });
    case 'unreadable':
      // A meeting's role is a participant's, written after the name; a person's the one they have in their delegation.
      if (p.field === 'role' && kind === 'meetings') return translate(locale, 'ui.imports.problem.unreadable', { ...base, field: translate(locale, 'ui.imports.participant-role'), value: p.value, hint: 'role' });
      return translate(locale, 'ui.imports.problem.unreadable', { ...base, field: fieldLabel(kind, p.field, locale), value: p.value, hint: p.field === 'role' ? 'membership' : hintOf(p.field) });
    case 'conflict':
      return translate(locale, 'ui.imports.problem.conflict', { ...base, reason: render(p.said, locale) });
    case 'refused':
      return translate(locale, 'ui.imports.problem.refused', { ...base, reason: render(p.said, locale) });
    case 'needs-forum':
      return translate(locale, 'ui.imports.problem.needs-forum', { ...base, field: fieldLabel(kind, p.field, locale) });
  }
}
