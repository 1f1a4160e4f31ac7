/**
 * The draft press release in the style of the ministry's news item (issue
 * 17), from templates with parameters only: every sentence is a catalogue
 * sentence (catalogues/<locale>/domain-outcome.json) and every fact in it
 * comes from the report. Nothing is generated: a meeting not marked held, an
 * agreement not signed, a briefing or an outcome the planner did not mark
 * publishable never reach it.
 *
 * What it says, in order:
 *  1. who took part in which forum, when and where, and who led the
 *     delegation (the delegation's head);
 *  2. each principal meeting held: a bilateral or signing meeting with a
 *     counterpart where the head of the delegation is a principal (any of our
 *     principals when the delegation has no head), naming our principal and
 *     the first counterpart listed; then the documents signed at it, then its
 *     outcome when marked publishable, as written;
 *  3. every other agreement signed (the foundations' agreements, those signed
 *     without a principal meeting), with its parties;
 *  4. each B2B session with meetings held: the companies' countries, how many
 *     companies and meetings.
 *
 * Grammar without inflected forms the data does not have: names and positions
 * are kept in the nominative in every language. English and Azerbaijani need
 * nothing else ("X met with Y", "X Y ilə görüşüb"); Russian pairs the two
 * sides as subjects («X и Y провели встречу») and names a document after the
 * word «документ», so no instrumental or genitive of a name is needed and no
 * verb agrees with a person's gender. Positions start in lower case inside a
 * Russian or Azerbaijani sentence («министр экономики»), as the language
 * writes them; English keeps the title's capital before a name. A head's
 * position loses a clause that names the delegation, which the sentence says
 * already ("Minister of Economy, head of the delegation" reads "Head of the
 * Azerbaijani delegation, Minister of Economy").
 */
import { INTL_TAG, translate, type Locale } from '../../messages/catalogue';
import { formatDate, formatDateRange } from '../../messages/locale-formats';
import { message } from '../../messages/message';
import { render } from '../../messages/render';
import { titleIn } from '../agreements';
import { nameText } from '../names';
import type { Id, MeetingKind } from '../types';
import type { OutcomeOrganization, OutcomePerson, OutcomeReport, ReportMeeting } from './model';

/** Countries whose delegation and entrepreneurs the catalogues name by adjective («азербайджанская делегация»); others are named by the country. */
const COUNTRIES_WITH_ADJECTIVES = ['Azerbaijan', 'Russia', 'Turkey', 'Kazakhstan', 'Belarus', 'Uzbekistan', 'Georgia'] as const;

/** The kinds of meeting a release reports as "X met with Y". */
const PRINCIPAL_MEETING_KINDS: ReadonlySet<MeetingKind> = new Set(['bilateral', 'signing']);

/**
 * The first words of a position that are common words, written in lower case
 * inside a sentence («министр экономики», «iqtisadiyyat naziri»). Any other
 * first word may be a name («Leninqrad vilayətinin qubernatoru», «AZPROMO-nun
 * …») and keeps its capital.
 */
const COMMON_FIRST_WORDS: Record<Exclude<Locale, 'en'>, ReadonlySet<string>> = {
  ru: new Set(['министр', 'заместитель', 'первый', 'губернатор', 'вице-губернатор', 'председатель', 'директор', 'генеральный', 'исполнительный', 'коммерческий', 'региональный', 'советник', 'руководитель', 'глава', 'начальник', 'помощник', 'посол', 'консул', 'мэр', 'сотрудник', 'менеджер', 'пресс-секретарь', 'переводчик', 'вице-президент', 'вице-премьер', 'секретарь', 'представитель', 'член', 'старший', 'ведущий', 'главный']),
  az: new Set(['iqtisadiyyat', 'xarici', 'nazir', 'nazirin', 'baş', 'icraçı', 'sədr', 'sədrin', 'direktor', 'rəhbər', 'müşavir', 'mətbuat', 'protokol', 'tərcüməçi', 'kommersiya', 'beynəlxalq', 'vitse-prezident', 'səfir', 'fövqəladə', 'konsul', 'müavin', 'layihə', 'ixrac', 'satış', 'təhlükəsizlik', 'regional', 'menecer', 'biznesin', 'investorlarla', 'yük', 'tranzit', 'ticarət', 'polimer']),
};
/** A clause of a position that names the delegation: dropped where the sentence calls the person its head. */
const DELEGATION_CLAUSE = /delegation|делегаци|nümayəndə heyət/i;

export interface PressRelease {
  locale: Locale;
  /** The paragraphs, each one or more sentences. */
  paragraphs: string[];
  /** The paragraphs separated by a blank line, for the textarea and a copy. */
  text: string;
  /** How many principal meetings, other signed agreements and B2B sessions it reports. */
  reported: { meetings: number; agreements: number; b2bSessions: number };
}

function knownCountry(country: string): boolean {
  return (COUNTRIES_WITH_ADJECTIVES as readonly string[]).includes(country);
}

function personName(p: OutcomePerson, locale: Locale): string {
  const own = locale === 'ru' ? p.nameRu : locale === 'az' ? p.nameAz : p.fullName;
  return (own.trim() || p.fullName).trim();
}

/** A position as written in `locale` (else in English), in lower case inside a Russian or Azerbaijani sentence unless its first word is an abbreviation. */
function positionText(p: OutcomePerson, locale: Locale, asHead: boolean): string {
  const own = (locale === 'ru' ? p.positionRu : locale === 'az' ? p.positionAz : p.position).trim();
  let text = own || p.position.trim();
  if (asHead) {
    const kept = text.split(/\s*,\s*/).filter((clause) => !DELEGATION_CLAUSE.test(clause));
    text = kept.join(', ');
  }
  if (own && locale !== 'en') {
    const tag = INTL_TAG[locale];
    const first = (text.split(/\s/)[0] ?? '').toLocaleLowerCase(tag);
    if (COMMON_FIRST_WORDS[locale].has(first)) text = text.charAt(0).toLocaleLowerCase(tag) + text.slice(1);
  }
  return text;
}

/** 'Minister of Economy Shahin Mustafayev', «министр экономики Шахин Мустафаев». */
function personPhrase(p: OutcomePerson, locale: Locale, asHead = false): string {
  const position = positionText(p, locale, asHead);
  const name = personName(p, locale);
  return position ? `${position} ${name}` : name;
}


/** A title in the language's quotation marks; inside «…», Russian and Azerbaijani quote again with „…“ («Соглашение … с Фондом „Росконгресс“»). */
const quoted = (title: string, locale: Locale) => translate(locale, 'outcome.part.quoted', { title: locale === 'en' ? title : title.replace(/«/g, '„').replace(/»/g, '“') });

function listIn(items: string[], locale: Locale): string {
  return new Intl.ListFormat(INTL_TAG[locale], { type: 'conjunction' }).format(items);
}

/** The forum's city in the reader's language where a catalogue knows it (Санкт-Петербург, Sankt-Peterburq), else as written. */
export function forumCity(city: string, locale: Locale): string {
  const slug = city
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  const own = translate(locale, 'outcome.part.city', { slug, city });
  // The zones' cities (Moscow, Baku…) are the dates' catalogue's; St. Petersburg is ours.
  return own === city ? translate(locale, 'date.part.city', { slug, city }) : own;
}

function delegationPhrase(country: string, form: 'subject' | 'of', locale: Locale): string {
  return translate(locale, 'outcome.part.delegation', { country, known: knownCountry(country), form });
}

const dayMonth = (date: string, locale: Locale) => formatDate(locale, date, 'dayMonth');

function orgName(o: OutcomeOrganization, locale: Locale): string {
  return nameText(o, locale);
}

/** The meetings the release reports as "X met with Y", in the programme's order. */
function principalMeetings(report: OutcomeReport): ReportMeeting[] {
  const headId = report.head?.id ?? null;
  return report.held.filter((m) => PRINCIPAL_MEETING_KINDS.has(m.kind) && m.counterparts.length > 0 && m.principals.length > 0 && (headId === null || m.principals.some((p) => p.id === headId)));
}

export function pressRelease(report: OutcomeReport, locale: Locale): PressRelease {
  const paragraphs: string[] = [];
  const country = report.delegation?.country.trim() ?? '';
  const head = report.head;
  const forum = report.forum;
  const short = forum.shortName.trim();
  paragraphs.push(
    render(
      message('outcome.press.intro', {
        dates: formatDateRange(locale, forum.startDate, forum.endDate),
        forum: forum.name,
        short,
        hasShort: short !== '' && short !== forum.name,
        city: forumCity(forum.city, locale),
        delegation: report.delegation ? delegationPhrase(country, 'subject', locale) : '',
        hasDelegation: report.delegation !== null,
        head: head ? personPhrase(head, locale, true) : '',
        hasHead: head !== null,
      }),
      locale,
    ),
  );

  const meetings = principalMeetings(report);
  const reportedHere = new Set<Id>();
  for (const m of meetings) {
    const ours = (head && m.principals.find((p) => p.id === head.id)) || m.principals[0]!;
    const isHead = head !== null && ours.id === head.id;
    const sentences = [
      render(
        message('outcome.press.meeting', {
          date: dayMonth(m.date, locale),
          ours: personPhrase(ours, locale, isHead),
          theirs: personPhrase(m.counterparts[0]!, locale),
          isHead,
          delegation: delegationPhrase(country, 'of', locale),
        }),
        locale,
      ),
    ];
    const signed = m.agreements.filter((a) => a.status === 'signed');
    for (const a of signed) reportedHere.add(a.id);
    if (signed.length) sentences.push(render(message('outcome.press.signed-at-meeting', { count: signed.length, titles: signed.map((a) => quoted(titleIn(a, locale), locale)).join('; ') }), locale));
    if (m.outcomePublic && m.outcome.trim()) sentences.push(m.outcome.trim());
    paragraphs.push(sentences.join(' '));
  }

  const others = report.agreements.signed.filter((a) => !reportedHere.has(a.id));
  for (const a of others) {
    // The directory's organizations in the reader's language; else the parties as written, one per ';'.
    const written = a.parties.split(';').map((p) => p.trim()).filter((p) => p !== '');
    const parties = listIn(a.partyOrganizations.length ? a.partyOrganizations.map((o) => orgName(o, locale)) : written, locale);
    const date = a.signedOn ?? a.meeting?.date ?? null;
    paragraphs.push(
      render(
        message('outcome.press.agreement-signed', {
          date: date ? dayMonth(date, locale) : formatDateRange(locale, forum.startDate, forum.endDate),
          title: quoted(titleIn(a, locale), locale),
          parties,
          hasParties: parties !== '',
        }),
        locale,
      ),
    );
  }

  const sessions = report.b2b.sessions.filter((s) => s.held > 0);
  for (const s of sessions) {
    const countries = [...new Set(s.companiesMet.map((o) => o.country.trim()).filter((c) => c !== ''))].sort((a, b) => (a === country ? -1 : b === country ? 1 : 0));
    const hasCountries = countries.length > 0 && countries.length <= 3 && countries.every(knownCountry);
    paragraphs.push(
      render(
        message('outcome.press.b2b', {
          date: dayMonth(s.date, locale),
          countries: hasCountries ? listIn(countries.map((c) => translate(locale, 'outcome.part.adjective-plural', { country: c })), locale) : '',
          hasCountries,
          companies: s.companiesMet.length,
          meetings: s.held,
        }),
        locale,
      ),
    );
  }

  return { locale, paragraphs, text: paragraphs.join('\n\n'), reported: { meetings: meetings.length, agreements: others.length, b2bSessions: sessions.length } };
}
