/**
 * The programme of stay against the agenda it is read from (domain/programme
 * over domain/agenda), on any programme fast-check makes up: the same days,
 * and on each day the same meetings in the same order with the same times and
 * titles; cancelled ones exactly where the agenda prints them, marked; never
 * a word of what stays inside the house (briefing, documents to sign, the
 * on-site contact), whatever the scope's privacy; and the Word file carries
 * every title as text, however many & < > " it holds.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { DateTime } from 'luxon';
import * as docx from 'docx';
import { buildAgenda, takeSnapshot, type AgendaSource } from '../../src/domain/agenda';
import { programmeDocument, programmeOfStay } from '../../src/domain/programme';
import { LOCALES, translate } from '../../src/messages/catalogue';
import type { MeetingKind, MeetingStatus } from '../../src/domain/types';

const MOSCOW = 'Europe/Moscow';
const DAYS = ['2019-06-06', '2019-06-07', '2019-06-08'];
const msk = (day: string, minutes: number) => DateTime.fromISO(`${day}T00:00`, { zone: MOSCOW }).plus({ minutes }).toMillis();
const SECRETS = ['SECRET-BRIEFING', 'SECRET-DOC', 'SECRET-PHONE'];

const KINDS: MeetingKind[] = ['bilateral', 'signing', 'panel', 'travel', 'reception'];
const STATUSES: MeetingStatus[] = ['proposed', 'tentative', 'confirmed', 'cancelled'];

const meetingArb = fc.record({
  day: fc.constantFrom(...DAYS),
  start: fc.integer({ min: 7 * 60, max: 22 * 60 }),
  length: fc.integer({ min: 0, max: 180 }),
  title: fc.string({ minLength: 1, maxLength: 30, unit: fc.constantFrom('a', 'B', ' ', '&', '<', '>', '"', "'", 'ж', 'ə') }),
  kind: fc.constantFrom(...KINDS),
  status: fc.constantFrom(...STATUSES),
  printedBefore: fc.boolean(),
  venueId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
});

type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;

function sourcesOf(rows: Generated<typeof meetingArb>[]): AgendaSource[] {
  return rows.map((r, i) => ({
    meetingId: i + 1,
    title: r.title,
    kind: r.kind,
    status: r.status,
    startUtc: msk(r.day, r.start),
    endUtc: msk(r.day, r.start + r.length),
    timeZone: MOSCOW,
    venueId: r.venueId,
    place: r.venueId === null ? '' : `Room ${r.venueId} <A&B>`,
    venueName: r.venueId === null ? '' : `Venue ${r.venueId}`,
    address: r.venueId === null ? '' : 'Peterburgskoye sh. 64/1',
    counterparts: [{ name: 'Aleksandr Drozdenko', position: 'Governor', organization: 'Leningrad Region' }],
    ourParticipants: [{ name: 'Shahin Mustafayev', role: 'principal' }],
    interpreters: [],
    briefing: 'SECRET-BRIEFING',
    documents: [{ title: 'SECRET-DOC', parties: '', signedOn: null }],
    contactOnSite: 'SECRET-PHONE',
    contactName: 'SECRET-PHONE',
    contactPhone: 'SECRET-PHONE',
    updatedAt: msk('2019-06-01', 0),
    sequence: 0,
  }));
}

const inputArb = fc.record({
  rows: fc.array(meetingArb, { maxLength: 12 }),
  oneDay: fc.option(fc.constantFrom(...DAYS), { nil: null }),
  isPrivate: fc.boolean(),
  locale: fc.constantFrom(...LOCALES),
});

function build({ rows, oneDay, isPrivate, locale }: Generated<typeof inputArb>) {
  const entries = sourcesOf(rows);
  // The last print showed the meetings marked printedBefore as going ahead, so their cancellation is printed struck through.
  const printed = entries.filter((_, i) => rows[i]!.printedBefore).map((s) => ({ ...s, status: 'confirmed' as const }));
  const agenda = buildAgenda({
    scope: { kind: 'delegation', title: 'Trade & <Partners>', isPrivate },
    forum: { name: 'SPIEF 2019', timeZone: MOSCOW, startDate: DAYS[0]!, endDate: DAYS[2]! },
    homeTimeZone: 'Asia/Baku',
    days: oneDay ? [oneDay] : DAYS,
    entries,
    conflicts: [],
    snapshot: printed.length ? takeSnapshot(printed, msk('2019-06-05', 20 * 60)) : null,
    now: msk('2019-06-05', 21 * 60),
    locale,
  });
  const contacts = [{ person: { fullName: 'Tural Guliyev', nameRu: '', nameAz: '', patronymicRu: '', position: 'Head of Protocol', positionRu: '', positionAz: '', phone: '+994', email: '' }, role: 'protocol_officer' as const }];
  return { agenda, programme: programmeOfStay({ agenda, forum: { startDate: DAYS[0]!, endDate: DAYS[2]!, city: 'St. Petersburg' }, day: oneDay, contacts, locale }) };
}

it('says what the agenda says, day by day, and nothing of what stays inside', () => {
  fc.assert(
    fc.property(inputArb, (input) => {
      const { agenda, programme } = build(input);
      expect(programme.days.map((d) => d.date)).toEqual(agenda.days.map((d) => d.date));
      agenda.days.forEach((day, i) => {
        const items = programme.days[i]!.items;
        expect(items.map((x) => [x.time, x.title, x.isCancelled])).toEqual(day.entries.map((e) => [e.timeRange, e.title, e.isCancelled]));
        expect(programme.days[i]!.empty === null).toBe(day.entries.length > 0);
        // A cancelled meeting is there only where the agenda strikes it, and says so; a tentative one says that.
        const marks = day.entries.map((e) => [...(e.isTentative ? [translate(input.locale, 'ui.agenda.mark.tentative')] : []), ...(e.isCancelled ? [translate(input.locale, 'ui.agenda.mark.cancelled')] : [])]);
        expect(items.map((x) => x.marks)).toEqual(marks);
      });
      const everything = JSON.stringify(programme);
      for (const secret of SECRETS) expect(everything).not.toContain(secret);
    }),
    { numRuns: 200 },
  );
});

it('writes every title into document.xml as text, & < > " escaped', async () => {
  await fc.assert(
    fc.asyncProperty(inputArb, async (input) => {
      const { programme } = build(input);
      const zip = await JSZip.loadAsync(await docx.Packer.toBuffer(programmeDocument(docx, programme)));
      const xml = await zip.file('word/document.xml')!.async('string');
      const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
      for (const day of programme.days) for (const item of day.items) expect(texts).toContain(item.title);
      expect(texts).toContain('Trade & <Partners>');
      // No text of ours opens an element of its own.
      expect(xml).not.toMatch(/<(?!\/?(?:w|wp|a|pic|r|w14|w15|mc|wps|wpg|v|o|m|\?xml)[:\s>?])/);
    }),
    { numRuns: 25 },
  );
});
