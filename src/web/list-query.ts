/**
 * Search and sort for lists, by name in any script. Intl.Collator sorts
 * Cyrillic and Azerbaijani Latin (ə, ş, ğ, ı) sensibly; search folds case
 * and diacritics so "mustafa" finds "Mustafayev" and "şahin" finds "Shahin"'s
 * Azerbaijani spelling "Şahin".
 */
const collator = new Intl.Collator(['en', 'ru', 'az'], { sensitivity: 'base', numeric: true });

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ə/g, 'e')
    .toLocaleLowerCase('en');
}

export function matches(haystack: string[], q: string): boolean {
  const needle = fold(q.trim());
  if (!needle) return true;
  return needle.split(/\s+/).every((word) => haystack.some((h) => fold(h).includes(word)));
}

interface SortableColumn<T> {
  key: string;
  value: (r: T) => string;
  sortValue?: (r: T) => string | number;
}

export function searchAndSort<T>(
  rows: T[],
  opts: { q: string; sort: string; dir: string; columns: SortableColumn<T>[]; search: (r: T) => string[] },
): { rows: T[]; sort: string; dir: 'asc' | 'desc' } {
  const column = opts.columns.find((c) => c.key === opts.sort) ?? opts.columns[0];
  const dir = opts.dir === 'desc' ? 'desc' : 'asc';
  const filtered = rows.filter((r) => matches(opts.search(r), opts.q));
  if (!column) return { rows: filtered, sort: '', dir };
  const key = column.sortValue ?? column.value;
  const sorted = [...filtered].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return dir === 'asc' ? c : -c;
  });
  return { rows: sorted, sort: column.key, dir };
}

export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}
