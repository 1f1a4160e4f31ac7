/**
 * What makes an event's bytes: every field of a FeedEntry is printed (or
 * decides what is printed), and the feed's scope decides whether the briefing
 * is. So a hash of the entry, less the revision time it is about to be given,
 * changes exactly when the event's text does, for whatever reason: a meeting
 * edit, a renamed room or person, a changed wording. The reader's language
 * changes the text too; the default language is left out of the hash, so the
 * fingerprints stored before languages existed still match.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_LOCALE, type Locale } from '../../messages/render';
import type { FeedEntry, FeedScope } from '.';

/** JSON with keys sorted at every level, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function eventFingerprint(entry: Omit<FeedEntry, 'lastModified'> & { lastModified?: unknown }, scope: FeedScope, locale: Locale): string {
  const { lastModified: _revision, ...shown } = entry;
  // canonical() skips undefined values: the default language hashes as before.
  const language = locale === DEFAULT_LOCALE ? undefined : locale;
  return createHash('sha256').update(canonical({ scope, language, ...shown }), 'utf8').digest('base64url').slice(0, 22);
}
