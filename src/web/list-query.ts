import type { Request, Response } from 'express';
import { DomainError } from '../domain/errors';
import { pageOfSorted, type Key, type KeyedPage, type KeyPart, type Keyset } from '../domain/keyset';
import { DEFAULT_LOCALE, translate, type Locale } from '../messages/catalogue';
import { queryString } from './form';
import { readerLocale } from './locale';

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

export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/*
 * Pages of a list. A list is read a page at a time by keyset (src/domain/keyset.ts):
 * the cursor in a next/previous link names the key of the row the page starts
 * after (or ends before), never an offset, so a row inserted or deleted
 * before it does not shift the page. The cursor is opaque to the reader (base64url of
 * the list's name, a direction and the key) and checked on the way in: a
 * cursor from another list or sort, or one edited by hand, is a 400 with a
 * sentence, never a 500 or a silently wrong page.
 */

/** A list address that cannot be served (a bad cursor or page size): a 400 page, or a 400 JSON answer on the API. */
export class BadListRequest extends DomainError {}

export interface PageSize {
  /** Rows a page shows when the address does not say. */
  default: number;
  max: number;
}

/** Pages: enough that the SPIEF demo's lists (about 40 meetings a day, 60 people) fit on one. */
export const PAGE_SIZE: PageSize = { default: 50, max: 200 };
/** The JSON API: a client asks for fewer or more, up to max, and follows Link rel="next". */
export const API_PAGE_SIZE: PageSize = { default: 100, max: 1000 };

const MAX_CURSOR_LENGTH = 1024;

/** The language a refused list address is explained in: the reader's on a page, English on the API (its error bodies stay English). */
function listLocale(req: Request): Locale {
  return req.originalUrl.startsWith('/api/') ? DEFAULT_LOCALE : readerLocale(req);
}

/** What a list page's address asks for: the page size and which page. */
export function readPageRequest(req: Request, list: string, size: PageSize): Keyset {
  const rawLimit = queryString(req, 'limit');
  let limit = size.default;
  if (rawLimit !== '') {
    if (!/^\d{1,6}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > size.max) {
      throw new BadListRequest(translate(listLocale(req), 'ui.form.list.bad-limit', { max: size.max, limit: rawLimit.slice(0, 20), default: size.default }));
    }
    limit = Number(rawLimit);
  }
  const cursor = queryString(req, 'cursor');
  if (cursor === '') return { limit };
  const decoded = decodeCursor(cursor, list, () => new BadListRequest(translate(listLocale(req), 'ui.form.list.bad-cursor')));
  return decoded.dir === 'after' ? { limit, after: decoded.key } : { limit, before: decoded.key };
}

function encodeCursor(list: string, dir: 'after' | 'before', key: Key): string {
  return Buffer.from(JSON.stringify([list, dir === 'after' ? 'a' : 'b', ...key]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, list: string, refuse: () => BadListRequest): { dir: 'after' | 'before'; key: Key } {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length < 3 || parsed[0] !== list || (parsed[1] !== 'a' && parsed[1] !== 'b')) throw refuse();
  const key = parsed.slice(2) as unknown[];
  if (!key.every((k) => (typeof k === 'number' && Number.isSafeInteger(k)) || (typeof k === 'string' && k.length <= 300))) throw refuse();
  return { dir: parsed[1] === 'a' ? 'after' : 'before', key: key as KeyPart[] };
}

export interface Pager {
  /** 1-based position of the page's first row (0 when the page is empty). */
  first: number;
  last: number;
  total: number;
  nextHref: string | null;
  prevHref: string | null;
  /** The first page with the same filters, when this is not it. */
  firstHref: string | null;
  /** The cursor of the next page, for an API body that wants it. */
  nextCursor: string | null;
}

/**
 * The links of a page: the same address (path, filters, sort, page size)
 * with the cursor of the next or previous page. `keyOf` is the key the list
 * sorts by, the same one readPageRequest gives back.
 */
export function pagerOf<T>(req: Request, list: string, page: KeyedPage<T>, keyOf: (row: T) => Key): Pager {
  const path = req.originalUrl.split('?')[0] ?? '';
  const kept = new URLSearchParams();
  for (const [name, value] of Object.entries(req.query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (name !== 'cursor' && typeof first === 'string' && first !== '') kept.append(name, first);
  }
  const href = (cursor: string | null) => {
    const q = new URLSearchParams(kept);
    if (cursor) q.set('cursor', cursor);
    const text = q.toString();
    return text ? `${path}?${text}` : path;
  };
  const head = page.rows[0];
  const tail = page.rows[page.rows.length - 1];
  const nextCursor = page.hasNext && tail !== undefined ? encodeCursor(list, 'after', keyOf(tail)) : null;
  const prevCursor = page.hasPrev && head !== undefined ? encodeCursor(list, 'before', keyOf(head)) : null;
  return {
    first: page.rows.length ? page.offset + 1 : 0,
    last: page.offset + page.rows.length,
    total: page.total,
    nextHref: nextCursor ? href(nextCursor) : null,
    prevHref: prevCursor ? href(prevCursor) : null,
    firstHref: page.hasPrev || (page.rows.length === 0 && page.total > 0) ? href(null) : null,
    nextCursor,
  };
}

/** The RFC 8288 Link header of an API page (and the total, which a client may show). */
export function sendPageHeaders(res: Response, pager: Pager): void {
  const links = [pager.nextHref && `<${pager.nextHref}>; rel="next"`, pager.prevHref && `<${pager.prevHref}>; rel="prev"`, pager.firstHref && `<${pager.firstHref}>; rel="first"`].filter(Boolean);
  if (links.length) res.set('Link', links.join(', '));
  res.set('X-Total-Count', String(pager.total));
}

/** The column and direction a list's address asks for, the first column ascending when it names none. */
export function resolveSort<T>(columns: SortableColumn<T>[], sort: string, dir: string): { column: SortableColumn<T> | undefined; sort: string; dir: 'asc' | 'desc' } {
  const column = columns.find((c) => c.key === sort) ?? columns[0];
  return { column, sort: column?.key ?? '', dir: dir === 'desc' ? 'desc' : 'asc' };
}

/** The name a cursor carries for a sorted list, so a link from one sort order is refused under another. */
export function sortedListName(list: string, sorting: { sort: string; dir: string }): string {
  return `${list}:${sorting.sort}:${sorting.dir}`;
}

/**
 * Search, sort and one page of rows held in memory. The sort is by a collated
 * name (Cyrillic, Azerbaijani Latin), which SQLite cannot order by and for
 * which Intl.Collator gives no stored sort key, so the keyset is (sort value,
 * id) under the same collator and the page after a key is found by binary
 * search over the sorted rows. A forum's people (5,000 at the largest
 * measured) sort in a few milliseconds; the page's rows are all that is drawn.
 */
export function searchSortAndPage<T extends { id: number }>(
  rows: T[],
  /** `collator`: the reader's alphabet (collatorFor(locale)); the default compares without a language. */
  opts: { q: string; sort: string; dir: string; columns: SortableColumn<T>[]; search: (r: T) => string[]; keyset: Keyset; collator?: Intl.Collator },
): { page: KeyedPage<T>; sort: string; dir: 'asc' | 'desc'; keyOf: (r: T) => Key } {
  const { column, sort, dir } = resolveSort(opts.columns, opts.sort, opts.dir);
  const value = column ? (column.sortValue ?? column.value) : () => '';
  const keyOf = (r: T): Key => [value(r), r.id];
  const sign = dir === 'asc' ? 1 : -1;
  const compare = (a: Key, b: Key) => {
    const [x, y] = [a[0], b[0]];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : (opts.collator ?? collator).compare(String(x), String(y));
    return sign * c || Number(a[1]) - Number(b[1]);
  };
  const keyed = rows.filter((r) => matches(opts.search(r), opts.q)).map((r) => ({ r, k: keyOf(r) }));
  keyed.sort((a, b) => compare(a.k, b.k));
  const page = pageOfSorted(keyed, (x) => x.k, compare, opts.keyset);
  return { page: { ...page, rows: page.rows.map((x) => x.r) }, sort, dir, keyOf };
}
