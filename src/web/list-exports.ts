import type { B2BRequestState } from '../domain/b2b';
import type { Conflict } from '../domain/conflicts';
import { nameText } from '../domain/names';
import { localDateTimeOf } from '../domain/time';
import type { Forum, Meeting, Organization } from '../domain/types';
import { message, render } from '../messages';
import { translate, type Locale } from '../messages/catalogue';
import type { SessionOverview } from '../services/b2b';
import type { CellValue, Sheet, SheetColumn } from '../services/exports';
import type { MeetingView } from '../services/meetings';
import type { ExportFile } from './exports';

/**
 * The tables of the programme's lists, as their exports write them: the
 * columns a protocol office sorts and filters by (each time a real date in
 * the forum's zone, named in the header), words and names in the reader's
 * language. The record areas (people, organizations, delegations, venues,
 * rooms, forums) export their own columns in record-area.ts.
 */

/** A file's name: the forum's short name, what the list is, and the day when one is chosen ('SPIEF 2019-встречи-2019-06-06'). */
export function exportFileName(forum: Pick<Forum, 'shortName'>, locale: Locale, list: string, ...parts: string[]): string {
  return [forum.shortName, translate(locale, `ui.exports.file.${list}`), ...parts.filter(Boolean)].join('-');
}

/** The columns of a table, each header a catalogue key under ui.exports.col. (params: the forum's zone). */
function columns(locale: Locale, zone: string, spec: [key: string, type?: SheetColumn['type']][]): SheetColumn[] {
  return spec.map(([key, type]) => ({ key, type, header: translate(locale, `ui.exports.col.${key}`, { zone }) }));
}

const local = (instant: number | null | undefined, zone: string): string | null => (instant === null || instant === undefined ? null : localDateTimeOf(instant, zone));

/** The meetings list: every meeting the filters keep, with its people, delegations and conflicts. */
export function meetingsExport(forum: Forum, views: MeetingView[], locale: Locale, day: string): ExportFile {
  const zone = forum.timeZone;
  const yes = (b: boolean) => translate(locale, 'ui.exports.yes-no', { value: b ? 'yes' : 'no' });
  const rows = views.map((v): Record<string, CellValue> => {
    const m = v.meeting;
    return {
      id: m.id,
      date: v.day,
      start: local(m.startUtc, zone),
      end: local(m.endUtc, zone),
      title: m.title,
      kind: render(message('label.meeting-kind', { kind: m.kind }), locale),
      status: render(message('label.meeting-status', { status: m.status }), locale),
      place: v.placeText,
      participants: v.participants.map((p) => `${nameText(p.person, locale)} (${render(message('label.participant-role.after-name', { role: p.role }), locale)})`).join('; '),
      organizations: [...new Set(v.participants.map((p) => (p.organization ? nameText(p.organization, locale) : '')).filter(Boolean))].join('; '),
      delegations: v.delegations.map((d) => d.name).join('; '),
      public: yes(m.isPublic),
      conflicts: v.conflicts.map((c) => render(c.message, locale)).join(' '),
    };
  });
  const sheet: Sheet = {
    name: translate(locale, 'ui.exports.file.meetings'),
    columns: columns(locale, zone, [['id', 'number'], ['date', 'date'], ['start', 'datetime'], ['end', 'datetime'], ['title'], ['kind'], ['status'], ['place'], ['participants'], ['organizations'], ['delegations'], ['public'], ['conflicts']]),
    rows,
  };
  return { sheet, file: exportFileName(forum, locale, 'meetings', /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : '') };
}

/** One conflict as the conflicts page lists it, with the meetings it names. */
export interface ExportedConflict {
  conflict: Conflict;
  date: string;
}

/** The conflicts page's list (its day and kind filters applied), in the page's order. */
export function conflictsExport(forum: Forum, conflicts: ExportedConflict[], meetings: Meeting[], locale: Locale, filter: { day: string; kind: string }): ExportFile {
  const zone = forum.timeZone;
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const rows = conflicts.map(({ conflict: c, date }): Record<string, CellValue> => {
    const named = c.meetingIds.map((id) => byId.get(id)).filter((m): m is Meeting => m !== undefined);
    return {
      date: date || null,
      start: local(named[0]?.startUtc, zone),
      severity: translate(locale, 'ui.form.severity', { severity: c.severity }),
      kind: render(message('conflict.kind.title', { kind: c.kind }), locale),
      message: render(c.message, locale),
      meetings: named.map((m) => m.title).join('; '),
      meetingIds: c.meetingIds.join(', '),
    };
  });
  const sheet: Sheet = {
    name: translate(locale, 'ui.exports.file.conflicts'),
    columns: columns(locale, zone, [['date', 'date'], ['start', 'datetime'], ['severity'], ['kind'], ['message'], ['meetings'], ['meetingIds']]),
    rows,
  };
  return { sheet, file: exportFileName(forum, locale, 'conflicts', filter.day, filter.kind) };
}

type OrganizationOf = (id: number) => Organization | undefined;

/** A company's name in the reader's language (its organization's), else the name the session knows it by. */
function companyName(p: SessionOverview['participants'][number], organizationOf: OrganizationOf, locale: Locale): string {
  const o = organizationOf(p.record.organizationId);
  return o ? nameText(o, locale) : p.name;
}

/** A B2B session's requests (optionally of one state): who asks whom, its answer, and where it sits or why not. */
export function b2bRequestsExport(o: SessionOverview, organizationOf: OrganizationOf, locale: Locale, state: B2BRequestState | ''): ExportFile {
  const zone = o.forum.timeZone;
  const rows = o.requests
    .filter((r) => !state || r.record.state === state)
    .sort((a, b) => a.record.id - b.record.id)
    .map((r): Record<string, CellValue> => ({
      id: r.record.id,
      from: companyName(r.from, organizationOf, locale),
      to: companyName(r.to, organizationOf, locale),
      state: translate(locale, 'ui.exports.b2b-state', { state: r.record.state }),
      priority: translate(locale, 'ui.exports.priority', { priority: String(r.record.priority) }),
      message: r.record.message,
      start: local(r.placement?.slot.startUtc, zone),
      end: local(r.placement?.slot.endUtc, zone),
      table: r.placement?.table ?? null,
      pinned: r.record.pinSlotIndex === null ? '' : translate(locale, 'ui.exports.yes-no', { value: 'yes' }),
      unplaced: r.unplaced ? render(r.unplaced.message, locale) : '',
      requestedAt: local(r.record.createdAt, zone),
    }));
  const sheet: Sheet = {
    name: translate(locale, 'ui.exports.file.b2b-requests'),
    columns: columns(locale, zone, [['id', 'number'], ['from'], ['to'], ['state'], ['priority'], ['message'], ['start', 'datetime'], ['end', 'datetime'], ['table', 'number'], ['pinned'], ['unplaced'], ['requestedAt', 'datetime']]),
    rows,
  };
  return { sheet, file: exportFileName(o.forum, locale, 'b2b-requests', o.session.title, state) };
}

/** A B2B session's schedule: one row per table and slot that holds a meeting, in time order, both companies and who sits for them. */
export function b2bScheduleExport(o: SessionOverview, organizationOf: OrganizationOf, locale: Locale): ExportFile {
  const zone = o.forum.timeZone;
  const people = (p: SessionOverview['participants'][number]) => p.representatives.map((x) => nameText(x, locale)).join('; ');
  const rows = o.requests
    .filter((r) => r.placement)
    .sort((a, b) => a.placement!.slot.startUtc - b.placement!.slot.startUtc || a.placement!.table - b.placement!.table)
    .map((r): Record<string, CellValue> => {
      const [a, b] = r.pair;
      return {
        start: local(r.placement!.slot.startUtc, zone),
        end: local(r.placement!.slot.endUtc, zone),
        table: r.placement!.table,
        companyA: companyName(a, organizationOf, locale),
        representativesA: people(a),
        companyB: companyName(b, organizationOf, locale),
        representativesB: people(b),
        pinned: r.placement!.pinned ? translate(locale, 'ui.exports.yes-no', { value: 'yes' }) : '',
        status: r.meeting ? render(message('label.meeting-status', { status: r.meeting.status }), locale) : translate(locale, 'ui.exports.draft'),
        id: r.record.id,
      };
    });
  const sheet: Sheet = {
    name: translate(locale, 'ui.exports.file.b2b-schedule'),
    columns: columns(locale, zone, [['start', 'datetime'], ['end', 'datetime'], ['table', 'number'], ['companyA'], ['representativesA'], ['companyB'], ['representativesB'], ['pinned'], ['status'], ['id', 'number']]),
    rows,
  };
  return { sheet, file: exportFileName(o.forum, locale, 'b2b-schedule', o.session.title) };
}
