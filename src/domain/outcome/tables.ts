/**
 * The outcome report as tables of text in the reader's language: one model
 * the page, the A4 print, the .xlsx workbook (a sheet per table) and the
 * .docx document all show, so the four never disagree. Names and positions
 * are the reader's language's where known (domain/names.ts), else English;
 * titles and outcomes are data, as written.
 */
import { translate, type Locale } from '../../messages/catalogue';
import { message } from '../../messages/message';
import { render } from '../../messages/render';
import { titleIn } from '../agreements';
import { nameText } from '../names';
import type { MeetingKind, MeetingStatus } from '../types';
import type { OutcomeOrganization, OutcomePerson, OutcomeReport, ReportAgreement, ReportMeeting } from './model';

export type OutcomeCell = string | number | null;
export type OutcomeColumnType = 'text' | 'number' | 'date';

export interface OutcomeColumn {
  key: string;
  header: string;
  type: OutcomeColumnType;
}

export interface OutcomeTable {
  /** A stable name: the page's anchor and the test's handle. */
  id: 'summary' | 'held' | 'by-kind' | 'by-country' | 'by-region' | 'by-organization' | 'by-principal' | 'agreements' | 'b2b' | 'counterparts' | 'not-counted';
  title: string;
  /** A sentence under the title, '' for none. */
  note: string;
  /** What the table says when it has no rows. */
  empty: string;
  columns: OutcomeColumn[];
  rows: Record<string, OutcomeCell>[];
}

const t = (locale: Locale, key: string, params?: Record<string, string | number | boolean>) => translate(locale, `ui.outcome.${key}`, params);

function column(locale: Locale, key: string, type: OutcomeColumnType = 'text'): OutcomeColumn {
  return { key, header: t(locale, `col.${key}`), type };
}

const personText = (p: OutcomePerson, locale: Locale) => {
  const name = nameText(p, locale);
  const position = (locale === 'ru' ? p.positionRu : locale === 'az' ? p.positionAz : p.position).trim() || p.position.trim();
  return position ? `${name}, ${position}` : name;
};
const people = (list: OutcomePerson[], locale: Locale) => list.map((p) => personText(p, locale)).join('; ');
const orgs = (list: OutcomeOrganization[], locale: Locale) => list.map((o) => nameText(o, locale)).join('; ');
const kindLabel = (kind: MeetingKind, locale: Locale) => render(message('label.meeting-kind', { kind }), locale);
const statusLabel = (status: MeetingStatus, locale: Locale) => render(message('label.meeting-status', { status }), locale);
const timeOf = (m: Pick<ReportMeeting, 'start' | 'end'>) => `${m.start.slice(11, 16)}–${m.end.slice(11, 16)}`;


function agreementRow(a: ReportAgreement, locale: Locale): Record<string, OutcomeCell> {
  return {
    document: titleIn(a, locale),
    kind: t(locale, 'agreement-kind', { kind: a.kind }),
    status: t(locale, 'agreement-status', { status: a.status }),
    parties: [orgs(a.partyOrganizations, locale), a.parties.trim()].filter((s) => s !== '').join('; '),
    signatories: a.signatoryPeople.map((s) => (s.position ? `${nameText(s.person, locale)}, ${s.position}` : nameText(s.person, locale))).join('; '),
    signedOn: a.signedOn,
    place: a.signedPlace,
    meeting: a.meeting ? a.meeting.title : '',
  };
}

function meetingRow(m: ReportMeeting, locale: Locale): Record<string, OutcomeCell> {
  return { date: m.date, time: timeOf(m), meeting: m.title, kind: kindLabel(m.kind, locale), status: statusLabel(m.status, locale), principals: people(m.principals, locale), counterparts: people(m.counterparts, locale), organizations: orgs(m.organizations, locale), outcome: m.outcome };
}

export function outcomeTables(report: OutcomeReport, locale: Locale): OutcomeTable[] {
  const c = (key: string, type: OutcomeColumnType = 'text') => column(locale, key, type);
  const count = (id: OutcomeTable['id'], first: string, rows: { item: string; count: number }[]): OutcomeTable => ({
    id,
    title: t(locale, `table.${id}`),
    note: '',
    empty: t(locale, 'empty.nothing-held'),
    columns: [c(first), c('count', 'number')],
    rows: rows.map((r) => ({ [first]: r.item, count: r.count })),
  });
  const a = report.agreements;
  const b = report.b2b;
  const summary: [string, number][] = [
    ['held', report.held.length],
    ['not-marked-held', report.notMarkedHeld.length],
    ['not-confirmed', report.notConfirmed.length],
    ['cancelled', report.cancelled.length],
    ['signed', a.signed.length],
    ['pending', a.pending.length],
    ['withdrawn', a.withdrawn.length],
    ['b2b-held', b.held],
    ['b2b-companies', b.companiesMet],
    ['b2b-not-marked', b.notMarkedHeld],
    ['b2b-not-met', b.requestsNotMet],
  ];
  return [
    { id: 'summary', title: t(locale, 'table.summary'), note: '', empty: '', columns: [c('measure'), c('count', 'number')], rows: summary.map(([key, n]) => ({ measure: t(locale, `measure.${key}`), count: n })) },
    {
      id: 'held',
      title: t(locale, 'table.held'),
      note: t(locale, 'note.held'),
      empty: t(locale, 'empty.nothing-held'),
      columns: [c('date', 'date'), c('time'), c('meeting'), c('kind'), c('principals'), c('counterparts'), c('organizations'), c('outcome')],
      rows: report.held.map((m) => meetingRow(m, locale)),
    },
    count('by-kind', 'kind', report.heldByKind.map((k) => ({ item: kindLabel(k.item, locale), count: k.count }))),
    count('by-country', 'country', report.heldByCountry.map((k) => ({ item: t(locale, 'country', { country: k.item }), count: k.count }))),
    count('by-region', 'region', report.heldByRegion.map((k) => ({ item: nameText(k.item, locale), count: k.count }))),
    count('by-organization', 'organization', report.heldByOrganization.map((k) => ({ item: nameText(k.item, locale), count: k.count }))),
    count('by-principal', 'principal', report.heldByPrincipal.map((k) => ({ item: personText(k.item, locale), count: k.count }))),
    {
      id: 'agreements',
      title: t(locale, 'table.agreements'),
      note: t(locale, 'note.agreements'),
      empty: t(locale, 'empty.agreements'),
      columns: [c('document'), c('kind'), c('status'), c('parties'), c('signatories'), c('signedOn', 'date'), c('place'), c('meeting')],
      rows: [...a.signed, ...a.pending, ...a.withdrawn].map((x) => agreementRow(x, locale)),
    },
    {
      id: 'b2b',
      title: t(locale, 'table.b2b'),
      note: t(locale, 'note.b2b'),
      empty: t(locale, 'empty.b2b'),
      columns: [c('session'), c('date', 'date'), c('published'), c('b2bHeld', 'number'), c('companies', 'number'), c('notMarked', 'number'), c('notMet', 'number')],
      rows: b.sessions.map((s) => ({ session: s.title, date: s.date, published: t(locale, 'published', { published: s.published }), b2bHeld: s.held, companies: s.companiesMet.length, notMarked: s.notMarkedHeld, notMet: s.requestsNotMet })),
    },
    {
      id: 'counterparts',
      title: t(locale, 'table.counterparts'),
      note: t(locale, 'note.counterparts'),
      empty: t(locale, 'empty.nothing-held'),
      columns: [c('counterpart'), c('date', 'date'), c('discussed'), c('people'), c('agreed'), c('signed')],
      rows: report.counterparts.flatMap((cp) =>
        cp.meetings.map((m) => ({
          counterpart: cp.organization ? nameText(cp.organization, locale) : cp.person ? nameText(cp.person, locale) : '',
          date: m.date,
          discussed: m.title,
          people: people(m.people, locale),
          agreed: m.outcome,
          signed: m.signed.map((x) => titleIn(x, locale)).join('; '),
        })),
      ),
    },
    {
      id: 'not-counted',
      title: t(locale, 'table.not-counted'),
      note: t(locale, 'note.not-counted'),
      empty: t(locale, 'empty.not-counted'),
      columns: [c('date', 'date'), c('time'), c('meeting'), c('kind'), c('status'), c('why')],
      rows: [
        ...report.notMarkedHeld.map((m) => ({ ...meetingRow(m, locale), why: t(locale, 'why.not-marked') })),
        ...report.notConfirmed.map((m) => ({ ...meetingRow(m, locale), why: t(locale, 'why.not-confirmed') })),
        ...report.cancelled.map((m) => ({ ...meetingRow(m, locale), why: t(locale, 'why.cancelled') })),
      ],
    },
  ];
}
