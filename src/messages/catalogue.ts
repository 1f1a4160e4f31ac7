/**
 * The interface's words in three languages, as ICU messages (FormatJS
 * intl-messageformat: plurals, selects, numbers in the reader's locale).
 *
 * Catalogues are JSON files a translator edits: catalogues/<locale>/<area>.json,
 * each a flat object of key -> ICU message. All of a language's files are read
 * once, at first use, and each message is compiled once per language, so a page
 * in Russian costs what the same page costs in English.
 *
 * Rules for a catalogue (checked by `npm run check:i18n`): every key in every
 * language; the same {arguments} in each language's version; no markup (a
 * link in a sentence is two messages around the link).
 */
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';

/** The languages the application can be read in, in the order a picker offers them. */
export const LOCALES = ['en', 'ru', 'az'] as const;
export type Locale = (typeof LOCALES)[number];

/** The language of a reader who has not chosen one and whose browser asks for none of ours. */
export const DEFAULT_LOCALE: Locale = 'en';

/** The BCP 47 tag Intl formats with: British English (day before month, 24-hour clock), Russian, Azerbaijani in Latin script. */
export const INTL_TAG: Record<Locale, string> = { en: 'en-GB', ru: 'ru', az: 'az-Latn' };

/** Each language by its own name, as a language picker shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', az: 'Azərbaycanca' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export const CATALOGUE_DIR = path.join(__dirname, 'catalogues');

/** Values a message's {arguments} take. */
export type MessageParams = Record<string, string | number | boolean | null | undefined>;

/** A language's files as read: key -> ICU source, and which file each key came from. */
export function readCatalogue(
  locale: Locale,
  dir = CATALOGUE_DIR,
  onProblem = (problem: string): void => {
    throw new Error(problem);
  },
): Map<string, { source: string; file: string }> {
  const out = new Map<string, { source: string; file: string }>();
  const folder = path.join(dir, locale);
  const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort() : [];
  for (const file of files) {
    const parsed = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as Record<string, unknown>;
    for (const [key, source] of Object.entries(parsed)) {
      const earlier = out.get(key);
      if (typeof source !== 'string') onProblem(`${locale}/${file}: '${key}' is not a string`);
      else if (earlier) onProblem(`${locale}/${file}: '${key}' is also in ${earlier.file}`);
      else out.set(key, { source, file });
    }
  }
  return out;
}

class Catalogue {
  private sources: Map<string, { source: string; file: string }> | undefined;
  private readonly compiled = new Map<string, IntlMessageFormat>();

  constructor(readonly locale: Locale) {}

  has(key: string): boolean {
    return this.load().has(key);
  }

  format(key: string, params: MessageParams | undefined): string | undefined {
    let compiled = this.compiled.get(key);
    if (!compiled) {
      const entry = this.load().get(key);
      if (!entry) return undefined;
      compiled = new IntlMessageFormat(entry.source, INTL_TAG[this.locale], undefined, { ignoreTag: true });
      this.compiled.set(key, compiled);
    }
    return String(compiled.format(params as Record<string, string | number | boolean>));
  }

  private load() {
    this.sources ??= readCatalogue(this.locale);
    return this.sources;
  }
}

const CATALOGUES = Object.fromEntries(LOCALES.map((l) => [l, new Catalogue(l)])) as Record<Locale, Catalogue>;

/**
 * The sentence for `key` in `locale`. A key a language lacks falls back to
 * English (the CI check keeps that from happening); a key no language has is
 * a programming error and throws, so a test that shows the page fails instead
 * of a reader seeing a raw key.
 */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  const said = CATALOGUES[locale].format(key, params) ?? (locale === DEFAULT_LOCALE ? undefined : CATALOGUES[DEFAULT_LOCALE].format(key, params));
  if (said === undefined) throw new Error(`No message '${key}' in the catalogues (src/messages/catalogues/<locale>/)`);
  return said;
}
