/**
 * Keyset pages: a page is "the `limit` rows after (or before) this key" in a
 * total order, never "rows 51 to 100". A row inserted or deleted before the
 * key does not move the next page, and a deep page costs what the first one
 * costs (an index range), where OFFSET would read every row before it.
 */
export type KeyPart = string | number;
export type Key = readonly KeyPart[];

/** Which page: the first (neither), the rows after `after`, or the rows before `before`. */
export interface Keyset {
  after?: Key;
  before?: Key;
  limit: number;
}

export interface KeyedPage<T> {
  rows: T[];
  /** Rows that match the filter, on every page. */
  total: number;
  /** How many matching rows sort before this page's first: "Showing offset+1–offset+rows.length". */
  offset: number;
  hasNext: boolean;
  hasPrev: boolean;
}

/** The page's counts once its rows are read: `before` is how many matching rows sort before its first row. */
export function keyedPage<T>(rows: T[], total: number, before: number): KeyedPage<T> {
  return { rows, total, offset: before, hasPrev: before > 0, hasNext: before + rows.length < total };
}

/** Keys of the same shape compared part by part: numbers as numbers, text by code point. */
export function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * The keyset page of rows already sorted by `keyOf` under `compare`: found by
 * binary search, so a page of a sorted list costs a log, not a scan.
 */
export function pageOfSorted<T>(sorted: readonly T[], keyOf: (r: T) => Key, compare: (a: Key, b: Key) => number, ks: Keyset): KeyedPage<T> {
  // The first index whose key is > key (strict) or >= key.
  const bound = (key: Key, strict: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compare(keyOf(sorted[mid]!), key);
      if (c < 0 || (strict && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let start: number;
  let end: number;
  if (ks.before) {
    end = bound(ks.before, false);
    start = Math.max(0, end - ks.limit);
  } else {
    start = ks.after ? bound(ks.after, true) : 0;
    end = Math.min(sorted.length, start + ks.limit);
  }
  return keyedPage(sorted.slice(start, end), sorted.length, start);
}
