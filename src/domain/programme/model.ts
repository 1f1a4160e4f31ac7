/**
 * The programme of stay (issue 16, "Out"): the document a protocol office
 * sends to the host's office and to its own people before a forum. It is the
 * printed agenda (domain/agenda) read again for a document that leaves the
 * house: the same days, meetings, times, places and people, in the same
 * words, without what stays inside (briefings, documents to sign, conflicts,
 * marks of what changed since the last print). Pure: every word is rendered
 * here in the reader's language, so the Word writer only lays it out.
 */
import { agendaPieces, piecesText, type Agenda, type AgendaEntry } from '../agenda';
import { displayName, positionsOf } from '../names';
import { zoneCity, type ZoneTime } from '../time';
import type { LocalDate, MemberRole, Person } from '../types';
import { translate, type Locale } from '../../messages/catalogue';
import { formatDate, formatDateRange } from '../../messages/locale-formats';
import { message } from '../../messages/message';
import { cityIn } from '../../messages/params';
import { render } from '../../messages/render';

/** A protocol contact as the data holds it: a member of the scope's delegations and their role there. */
export interface ContactSource {
  person: Pick<Person, 'fullName' | 'nameRu' | 'nameAz' | 'patronymicRu' | 'position' | 'positionRu' | 'positionAz' | 'phone' | 'email'>;
  role: MemberRole;
}

export interface ProgrammeInput {
  agenda: Agenda;
  forum: { startDate: LocalDate; endDate: LocalDate; city: string };
  /** One day's programme, or null for every forum day. */
  day: LocalDate | null;
  contacts: readonly ContactSource[];
  locale: Locale;
}

export interface ProgrammeItem {
  /** The forum's clock, '10:00–11:00'. */
  time: string;
  /** 'Baku 11:00–12:00' where the agenda shows the home clock, and a meeting's own zone where it differs from both. */
  otherTimes: string[];
  title: string;
  kind: string;
  /** TENTATIVE, CANCELLED: the agenda's marks that concern the reader of the programme. */
  marks: string[];
  isCancelled: boolean;
  /** Room, venue and address on one line; '' when the meeting has no place yet. */
  place: string;
  /** Label and text pairs: counterparts with their positions, our side, the interpreter. */
  participants: { label: string; text: string }[];
}

export interface ProgrammeDay {
  date: LocalDate;
  /** 'Friday, 7 June 2019' in the reader's language. */
  heading: string;
  items: ProgrammeItem[];
  /** The agenda's 'Nothing scheduled on this day.' for a day without meetings, else null. */
  empty: string | null;
}

export interface ProgrammeContact {
  name: string;
  /** 'Head of Protocol · Protocol officer'. */
  role: string;
  /** Phone and e-mail, each when known. */
  phone: string;
  email: string;
}

export interface ProgrammeOfStay {
  locale: Locale;
  /** 'Programme of stay' in the reader's language: the title page's heading and the document's title. */
  heading: string;
  /** The delegation or the person, and the agenda header's second line. */
  scopeTitle: string;
  scopeSubtitle: string;
  forumName: string;
  /** '6–8 June 2019'. */
  forumDates: string;
  /** The forum's city, in the reader's spelling where the catalogue has it. */
  place: string;
  /** The day of a one-day programme, 'Friday, 7 June 2019', else null. */
  dayLine: string | null;
  /** 'Times: Moscow (Baku)'. */
  timesLine: string;
  labels: { time: string; event: string; contacts: string; phone: string; email: string };
  days: ProgrammeDay[];
  contacts: ProgrammeContact[];
  /** 'No protocol contacts are recorded for this delegation.' when the data names none. */
  noContacts: string;
  /** 'Prepared 6 June 2019, 21:15 Moscow · version 3f2a…': two documents with the same stamp say the same. */
  footer: string;
}

export function programmeOfStay(input: ProgrammeInput): ProgrammeOfStay {
  const { agenda, locale } = input;
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const forumCity = cityIn(locale, agenda.forumZoneCity);
  const zones = agenda.homeZoneCity ? `${forumCity} (${cityIn(locale, agenda.homeZoneCity)})` : forumCity;
  return {
    locale,
    heading: t('ui.docx.heading'),
    scopeTitle: agenda.scope.title,
    scopeSubtitle: agenda.scope.subtitle ?? '',
    forumName: agenda.forumName,
    forumDates: formatDateRange(locale, input.forum.startDate, input.forum.endDate),
    place: input.forum.city ? cityIn(locale, input.forum.city) : '',
    dayLine: input.day === null ? null : formatDate(locale, input.day, 'long'),
    timesLine: t('ui.agenda.times', { zones }),
    labels: { time: t('ui.docx.time'), event: t('ui.docx.event'), contacts: t('ui.docx.contacts'), phone: t('ui.docx.phone'), email: t('ui.docx.email') },
    days: agenda.days.map((d) => ({
      date: d.date,
      heading: render(message('date.weekday-long', { date: d.date }), locale),
      items: d.entries.map((e) => itemOf(e, locale)),
      empty: d.entries.length === 0 ? t('ui.agenda.nothing-on-day') : null,
    })),
    contacts: input.contacts.map((c) => contactOf(c, locale)),
    noContacts: t('ui.docx.no-contacts'),
    footer: t('ui.docx.footer', { when: agenda.generatedAtText, version: agenda.versionStamp }),
  };
}

function itemOf(e: AgendaEntry, locale: Locale): ProgrammeItem {
  const t = (key: string) => translate(locale, key);
  const marks: string[] = [];
  if (e.isTentative) marks.push(t('ui.agenda.mark.tentative'));
  if (e.isCancelled) marks.push(t('ui.agenda.mark.cancelled'));
  const participants: { label: string; text: string }[] = [];
  // The names as the agenda page prints them for this reader (Дрозденко А. Ю. for a Russian one).
  const pieces = agendaPieces(locale);
  if (e.counterparts.length) participants.push({ label: t('ui.agenda.counterparts'), text: piecesText(pieces.counterpartsParts(e)) });
  if (e.ours.length) participants.push({ label: t('ui.agenda.our-side'), text: piecesText(pieces.oursParts(e)) });
  if (e.interpreters.length) participants.push({ label: t('ui.agenda.interpreter'), text: piecesText(pieces.interpretersParts(e)) });
  return {
    time: e.timeRange,
    otherTimes: [e.homeTimeRange, e.meetingZoneTimeRange].filter((x): x is ZoneTime => x !== null).map((at) => translate(locale, 'ui.names.zone-time', { city: cityIn(locale, zoneCity(at.zone)), time: at.time })),
    title: e.title,
    kind: e.kindLabel,
    marks,
    isCancelled: e.isCancelled,
    // The sheet's place line: the place, and the address when the place does not already say it.
    place: e.address && e.place.indexOf(e.address) < 0 ? `${e.place} · ${e.address}` : e.place,
    participants,
  };
}

function contactOf(c: ContactSource, locale: Locale): ProgrammeContact {
  const positions = positionsOf(c.person);
  const position = (positions[locale] ?? '').trim() || positions.en.trim();
  const role = render(message('label.member-role', { role: c.role }), locale);
  return {
    name: displayName(c.person, locale, 'full').text,
    role: [position, role].filter(Boolean).join(' · '),
    phone: c.person.phone.trim(),
    email: c.person.email.trim(),
  };
}
