import { forumDays } from '../domain/agenda';
import { render, type Message } from '../messages';
import { INTL_TAG, LOCALE_NAMES, LOCALES, translate, type Locale, type MessageParams } from '../messages/catalogue';
import { cityIn } from '../messages/params';
import { formatDate, formatDateRange, formatInstant } from '../messages/locale-formats';
import { displayName, languageOfData, type DisplayedName, type InLanguage, type Named, type NameStyle } from '../domain/names';
import { zoneCity, type ZoneTime } from '../domain/time';

/**
 * Small formatting helpers every view can use, bound to the reader's language
 * (res.locals, set by chooseLocale in ./locale). No business rules.
 */
function buildHelpers(locale: Locale) {
  const numbers = new Intl.NumberFormat(INTL_TAG[locale]);
  return {
    /** The page's language, for <html lang> and for marking text in another language. */
    locale,
    /** The languages a picker offers, each by its own name. */
    localeChoices: LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] })),
    /**
     * A sentence in the reader's language: t('nav.meetings') for an interface
     * message (catalogues/<locale>/*.json), t(message) for what the domain said.
     */
    t(what: string | Message, params?: MessageParams): string {
      return typeof what === 'string' ? translate(locale, what, params) : render(what, locale);
    },
    /** 'protocol_officer' -> 'Protocol officer' (English only; prefer a catalogue key). */
    humanize(value: string | null | undefined): string {
      if (!value) return '';
      const s = value.replace(/_/g, ' ').replace(/\bb2b\b/gi, 'B2B');
      return s.charAt(0).toUpperCase() + s.slice(1);
    },
    /** '2019-06-07' -> 'Friday, 7 June 2019' / 'пятница, 7 июня 2019' / '7 iyun 2019, cümə' */
    longDate(date: string): string {
      return formatDate(locale, date, 'long');
    },
    /** '2019-06-07' -> 'Fri 7 Jun' / 'пт, 7 июн.' */
    shortDate(date: string): string {
      return formatDate(locale, date, 'short');
    },
    dateRange(start: string, end: string): string {
      return formatDateRange(locale, start, end);
    },
    /** A zone's city ('Moscow') in the reader's language ('Москва'). */
    city(name: string | null | undefined): string {
      return name ? cityIn(locale, name) : '';
    },
    /** A zone's city in the reader's language: 'Asia/Baku' -> 'Baku' / 'Баку' / 'Bakı'. */
    zoneCityOf(zone: string | null | undefined): string {
      return zone ? cityIn(locale, zoneCity(zone)) : '';
    },
    /** A time on another zone's clock ({ zone: 'Asia/Baku', time: '11:00–12:00' }) with its city in the reader's language: 'Баку 11:00–12:00'; '' for none. */
    zoneTime(at: ZoneTime | null | undefined): string {
      return at ? translate(locale, 'ui.names.zone-time', { city: cityIn(locale, zoneCity(at.zone)), time: at.time }) : '';
    },
    /** Epoch ms -> '2019-06-07 10:00' in a zone. */
    instant(ms: number | null | undefined, zone = 'UTC'): string {
      return ms === null || ms === undefined ? '' : formatInstant(ms, zone);
    },
    /** A number in the reader's way of writing it: 1,234 / 1 234. */
    number(n: number): string {
      return numbers.format(n);
    },
    /**
     * A person's or an organization's name as this reader sees it (their
     * language's, else the English one), with another spelling beside it
     * (`secondary`): pass it, or the secondary, to the name partial.
     */
    nameShown(record: Named, style: NameStyle = 'list'): DisplayedName {
      return displayName(record, locale, style);
    },
    /**
     * Data text kept in one language only (a forum's name, a meeting's title, a
     * room, a briefing) for the name partial, which marks it with the language
     * it is written in when that is not the page's (lang="en" on an
     * Azerbaijani page, so uppercase CSS and screen readers treat it as
     * English); null for ''.
     */
    dataIn(text: string | null | undefined): InLanguage | null {
      return text ? { text, lang: languageOfData(text) } : null;
    },
    /**
     * The name views/partials/name.ejs prints (escaped, lang-marked when it is
     * not in the page's language): a record's, as this reader sees it, or a
     * name already chosen (nameShown(p), its secondary); null for nothing.
     */
    nameIn(what: Named | InLanguage | null | undefined): InLanguage | null {
      if (!what) return null;
      return 'lang' in what && 'text' in what ? what : displayName(what, locale);
    },
    forumDaysOf(forum: { startDate: string; endDate: string }): string[] {
      return forumDays(forum);
    },
  };
}

export type ViewHelpers = ReturnType<typeof buildHelpers>;

const HELPERS = Object.fromEntries(LOCALES.map((l) => [l, buildHelpers(l)])) as Record<Locale, ViewHelpers>;

/** The helpers for one language, built once per language. */
export function helpersFor(locale: Locale): ViewHelpers {
  return HELPERS[locale];
}

/** The default language's helpers (app.locals, and code that formats outside a request). */
export const viewHelpers = HELPERS.en;
