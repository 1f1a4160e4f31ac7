/**
 * An import plan's rows in words: each problem as the sentence the preview
 * and the command line show ("row 14: 'Ləman Əliyeva' — organization
 * 'AZPROMO ' not found; did you mean 'AZPROMO'?"), in the reader's language.
 */
import { render, type MessageKey } from '../../messages';
import { translate, type Locale } from '../../messages/catalogue';
import { importFields } from './fields';
import type { PlannedKind, PlanRow, RowProblem } from './plan';

/** A field's name as the mapping page shows it. */
export function fieldLabel(kind: PlannedKind, field: string, locale: Locale): string {
  const known = importFields(kind).find((f) => f.field === field);
  if (known) return translate(locale, known.labelKey);
  // The record's own field names the service's validation speaks of (fullName, patronymicRu, organizationId).
  const own: Record<string, MessageKey> = { fullName: 'import.field.full-name', patronymicRu: 'import.field.patronymic', organizationId: 'import.field.organization' };
  return own[field] ? translate(locale, own[field]) : field;
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
  }
}
