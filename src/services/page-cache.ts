import { ByteLru } from './byte-lru';

/**
 * Rendered pages kept while the programme they show is unchanged, so a
 * second planner opening the same day grid, list or agenda pays only for
 * sending it (issue 12: every page ≥ 0.3 of a bare server sending the same
 * bytes).
 *
 * The version is the programme's (the audit log's head, as for feeds and the
 * derived views): every write that changes what a page shows appends its
 * audit row in the same transaction, so a page made before a commit is never
 * served after it. A page is stored as the parts between its per-request
 * holes (the reader's CSRF token, their user name): the web layer renders
 * with placeholders and fills them for each reader, so one entry serves
 * every user of the same role without one user's token reaching another.
 *
 * Bounded in bytes (ByteLru); entries of an older version are dropped as soon
 * as a newer version is seen, since they can never be served again.
 */
export interface CachedPage {
  status: number;
  /** Headers the handler set (content type, Link, Cache-Control…), replayed as they were. */
  headers: Record<string, string>;
  /** The body split at its holes: parts[0] hole[0] parts[1] hole[1] … parts[n]. */
  parts: string[];
  /** Which hole comes after each part but the last (indexes into the fill values). */
  holes: number[];
  /**
   * The parts as UTF-8, encoded once when kept: a hit then copies bytes into its answer instead of
   * encoding the whole page again (fillHolesBytes).
   */
  encoded?: Buffer[];
  /** A digest of the parts, made once when kept: a hit's ETag is it plus the reader's values, never a hash of the whole body. */
  tag?: string;
}

interface Entry {
  version: number;
  page: CachedPage;
}

export const DEFAULT_PAGE_CACHE_BYTES = 32 * 2 ** 20;

export class PageCache {
  private readonly lru: ByteLru<string, Entry>;
  private newestVersion = -1;
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly versionOf: () => number,
    maxBytes = DEFAULT_PAGE_CACHE_BYTES,
  ) {
    // Strings are UTF-16 in memory: two bytes a character, key included.
    this.lru = new ByteLru(
      maxBytes,
      (key, entry) => 2 * (key.length + entry.page.parts.reduce((n, p) => n + p.length, 0)) + (entry.page.encoded?.reduce((n, b) => n + b.length, 0) ?? 0) + 256,
    );
  }

  /** The programme's version now; entries of any other version are forgotten. */
  version(): number {
    const version = this.versionOf();
    if (version !== this.newestVersion) {
      this.newestVersion = version;
      for (const key of this.lru.keys()) if (this.lru.peek(key)?.version !== version) this.lru.delete(key);
    }
    return version;
  }

  get(key: string, version: number): CachedPage | undefined {
    const entry = this.lru.get(key);
    const page = entry?.version === version ? entry.page : undefined;
    if (page) this.hits++;
    else this.misses++;
    return page;
  }

  /** Keeps a page made at `version`, unless the programme has moved on since (it would never be served). */
  set(key: string, version: number, page: CachedPage): void {
    if (version !== this.version()) return;
    this.lru.set(key, { version, page });
  }

  /** How much is kept and how often it served, for tests and the health of the process. */
  stats(): { entries: number; bytes: number; hits: number; misses: number } {
    return { entries: this.lru.size, bytes: this.lru.bytes, hits: this.hits, misses: this.misses };
  }
}

/**
 * Splits `body` at every occurrence of the placeholders, remembering which one
 * stood where, so `fill` can put each reader's values back.
 */
export function splitAtHoles(body: string, placeholders: readonly string[]): Pick<CachedPage, 'parts' | 'holes'> {
  const parts: string[] = [];
  const holes: number[] = [];
  const pattern = new RegExp(placeholders.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  let from = 0;
  for (const match of body.matchAll(pattern)) {
    parts.push(body.slice(from, match.index));
    holes.push(placeholders.indexOf(match[0]));
    from = match.index + match[0].length;
  }
  parts.push(body.slice(from));
  return { parts, holes };
}

/** fillHoles as bytes, from the parts encoded when the page was kept (or encoded now). */
export function fillHolesBytes(page: Pick<CachedPage, 'parts' | 'holes' | 'encoded'>, values: readonly string[]): Buffer {
  const parts = page.encoded ?? page.parts.map((p) => Buffer.from(p));
  if (parts.length === 1) return parts[0]!;
  const chunks: Buffer[] = [parts[0]!];
  for (let i = 0; i < page.holes.length; i++) chunks.push(Buffer.from(values[page.holes[i]!]!), parts[i + 1]!);
  return Buffer.concat(chunks);
}

export function fillHoles(page: Pick<CachedPage, 'parts' | 'holes'>, values: readonly string[]): string {
  if (page.parts.length === 1) return page.parts[0]!;
  let out = page.parts[0]!;
  for (let i = 0; i < page.holes.length; i++) out += values[page.holes[i]!]! + page.parts[i + 1]!;
  return out;
}
