/**
 * Finding what a cell names among the forum's records: a room, a person, a
 * delegation by any of its names (compared loosely: case, spaces and
 * punctuation do not count), with a did-you-mean when nothing matches; and a
 * word for a kind, a status or a role in any of the three languages
 * ("Двусторонняя встреча", "İlkin", "principal").
 */
import { LOCALES, translate } from '../../messages/catalogue';

/** Lower case, without spaces or punctuation: how names are compared for a did-you-mean and for matching by name. */
export function looseKey(text: string): string {
  // toLowerCase, not toLocaleLowerCase: the same for Cyrillic, many times faster; İ's dot goes with the punctuation.
  return text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** What a lookup gives: the one record, several (the name is ambiguous), or none with the nearest name. */
export type Found<T> = { ok: true; record: T } | { ok: false; count: number; suggestion: string | null };

export class NameIndex<T> {
  private readonly byKey = new Map<string, T[]>();
  private readonly entries: { key: string; record: T; shown: string }[] = [];

  /** `names(record)`: every name it is known by; `shown(record)`: the one a suggestion says. */
  constructor(
    records: readonly T[],
    names: (record: T) => readonly string[],
    private readonly shown: (record: T) => string,
  ) {
    for (const record of records) {
      for (const name of new Set(names(record).map(looseKey).filter(Boolean))) {
        const list = this.byKey.get(name);
        if (list) list.push(record);
        else this.byKey.set(name, [record]);
        this.entries.push({ key: name, record, shown: shown(record) });
      }
    }
  }

  /** The records one of `names` names (the first that names any), else the nearest name to any of them, the first's first. */
  find(...names: string[]): Found<T> {
    for (const name of names) {
      const found = this.byKey.get(looseKey(name));
      if (found?.length === 1) return { ok: true, record: found[0]! };
      if (found && found.length > 1) return { ok: false, count: new Set(found).size, suggestion: null };
    }
    for (const name of names) {
      const suggestion = this.suggest(name);
      if (suggestion) return { ok: false, count: 0, suggestion };
    }
    return { ok: false, count: 0, suggestion: null };
  }

  /** A name at most two letters off (one, for a short one), else the one name that holds these letters whole ('F1' for '… room F1'). */
  private suggest(name: string): string | null {
    const key = looseKey(name);
    if (!key) return null;
    const max = key.length < 5 ? 1 : 2;
    let best: { shown: string; distance: number } | null = null;
    for (const e of this.entries) {
      const distance = editDistance(key, e.key, max);
      if (distance <= max && (!best || distance < best.distance)) best = { shown: e.shown, distance };
    }
    if (best) return best.shown;
    const holding = new Set(this.entries.filter((e) => key.length >= 2 && e.key.includes(key)).map((e) => e.record));
    return holding.size === 1 ? this.shown([...holding][0]!) : null;
  }
}

/**
 * The code a word means among `codes`, in any language: the code itself
 * ('note_taker', 'note taker'), or its label as the catalogues render it
 * (`labelKey` with `{param: code}`, and any `extraKeys` of the same shape).
 */
export function wordTable<C extends string>(codes: readonly C[], param: string, labelKeys: readonly string[]): (word: string) => C | null {
  const table = new Map<string, C>();
  for (const code of codes) {
    table.set(looseKey(code), code);
    for (const locale of LOCALES) for (const key of labelKeys) {
      const word = looseKey(translate(locale, key, { [param]: code }));
      if (word && !table.has(word)) table.set(word, code);
    }
  }
  return (word) => table.get(looseKey(word)) ?? null;
}
