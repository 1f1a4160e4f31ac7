import fs from 'node:fs';
import path from 'node:path';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

/**
 * A person's busy times from a calendar export (issue 16, iCalendar in): each
 * fixture under tests/fixtures/ics-in/ imported through the form, read back
 * as the availability blocks it gave, in forum time (Europe/Moscow).
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'ics-in');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

let ctx: TestContext;
let planner: SignedIn;
let base: string;
let form: string;

beforeAll(async () => {
  ctx = createTestApp();
  base = `/forums/${ctx.demo!.forumId}/availability`;
  form = `${base}/import/new`;
  planner = await signIn(ctx, 'calendar-import-planner');
});
afterAll(() => ctx.close());

const blocksOf = (personId: number) =>
  ctx.services.availability
    .list(ctx.demo!.forumId)
    .filter((b) => b.subject === 'person' && b.subjectId === personId)
    .map((b) => `${b.start}–${b.end} ${b.reason}`);
const allBlocks = () => ctx.services.availability.list(ctx.demo!.forumId).length;
const auditRows = () => ctx.services.store.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'availability_block'").get() as { n: number };

const importAs = (personId: number, source: string, calendar: string, keepTitles = false) =>
  planner.submit(`${form}?person=${personId}`, `${base}/import`, { person: personId, source, calendar, keepTitles: keepTitles ? 'yes' : undefined });

describe('busy times read from a calendar, one person per case', () => {
  const people = () => ctx.demo!.people as Record<string, number>;
  it.each([
    { name: 'TZID with its VTIMEZONE (Baku 09:00 is Moscow 08:00)', file: 'tzid.ics', keepTitles: true, person: 'deputy', blocks: ['2019-06-07T08:00–2019-06-07T09:00 Call with the Cabinet (Case)'] },
    { name: 'UTC (07:00Z is Moscow 10:00)', file: 'utc.ics', keepTitles: false, person: 'adviser', blocks: ['2019-06-07T10:00–2019-06-07T11:00 Busy (Case)'] },
    { name: 'floating time, read as forum time', file: 'floating.ics', keepTitles: true, person: 'mustafayev', blocks: ['2019-06-07T15:00–2019-06-07T16:30 Rest (Case)'] },
    { name: 'an all-day event, the whole forum day', file: 'all-day.ics', keepTitles: true, person: 'deputy', blocks: ['2019-06-08T00:00–2019-06-09T00:00 Day in Kronstadt (Case)'] },
    {
      name: 'a weekly RRULE with an EXDATE, expanded within the forum’s dates only',
      file: 'weekly-exdate.ics',
      keepTitles: true,
      person: 'adviser',
      blocks: ['2019-06-06T08:30–2019-06-06T09:00 Morning briefing (Case)', '2019-06-08T08:30–2019-06-08T09:00 Morning briefing (Case)'],
    },
    { name: 'transparent, cancelled and after-the-forum events skipped', file: 'skipped.ics', keepTitles: true, person: 'mustafayev', blocks: ['2019-06-06T16:00–2019-06-06T17:00 Budget call (Case)'] },
    {
      name: 'titles kept when asked, but never of PRIVATE or CONFIDENTIAL events',
      file: 'private-titles.ics',
      keepTitles: true,
      person: 'deputy',
      blocks: ['2019-06-07T09:00–2019-06-07T09:30 Call with Baku (Case)', '2019-06-07T15:00–2019-06-07T16:00 Busy (Case)', '2019-06-07T17:00–2019-06-07T18:00 Busy (Case)'],
    },
    { name: 'no titles at all unless asked', file: 'private-titles.ics', keepTitles: false, person: 'adviser', blocks: ['2019-06-07T09:00–2019-06-07T09:30 Busy (Case)', '2019-06-07T15:00–2019-06-07T16:00 Busy (Case)', '2019-06-07T17:00–2019-06-07T18:00 Busy (Case)'] },
  ])('$name', async ({ file, keepTitles, person, blocks }) => {
    const id = people()[person]!;
    const before = blocksOf(id).filter((b) => !b.endsWith('(Case)'));
    const res = await importAs(id, 'Case', fixture(file), keepTitles);
    expect(res.status).toBe(303);
    expect(blocksOf(id).filter((b) => b.endsWith('(Case)'))).toEqual(blocks);
    // Blocks entered by hand (and the demo's) stay.
    expect(blocksOf(id).filter((b) => !b.endsWith('(Case)'))).toEqual(before);
  });
});

describe('importing the same source again', () => {
  it('replaces that source’s blocks only, keeps hand-entered blocks and other sources, and audits every row', async () => {
    const id = ctx.demo!.people.adviser!;
    const hand = await planner.submit(`${base}/new`, base, { target: `person:${id}`, start: '2019-06-06T19:00', end: '2019-06-06T20:00', reason: 'Dinner by hand' });
    expect(hand.status).toBe(303);
    await importAs(id, 'Minister’s office', fixture('weekly-exdate.ics'), true);
    await importAs(id, 'Travel desk', fixture('utc.ics'));
    const audits = auditRows().n;
    const res = await importAs(id, 'Minister’s office', fixture('floating.ics'));
    expect(res.status).toBe(303);
    const blocks = blocksOf(id);
    expect(blocks).toContain('2019-06-06T19:00–2019-06-06T20:00 Dinner by hand');
    expect(blocks).toContain('2019-06-07T10:00–2019-06-07T11:00 Busy (Travel desk)');
    expect(blocks).toContain('2019-06-07T15:00–2019-06-07T16:30 Busy (Minister’s office)');
    expect(blocks.filter((b) => b.includes('Morning briefing'))).toEqual([]);
    expect(auditRows().n).toBe(audits + 3); // two deleted, one created
    const list = textOf((await planner.get(base)).text);
    expect(list).toContain('Imported 1 busy block for Leyla Mammadova from “Minister’s office”; 2 blocks of its previous import removed.');
    const again = textOf((await planner.get(`${form}?person=${id}`)).text);
    expect(again).toContain('Minister’s office (1 block), Travel desk (1 block)');
  });
});

describe('the conflict engine sees imported busy times as ordinary unavailability', () => {
  it('flags a meeting of the person inside an imported block', async () => {
    const forumId = ctx.demo!.forumId;
    const meeting = ctx.services.meetings.list({ forumId }).find((m) => m.participants.some((p) => p.personId !== null && p.personId !== undefined))!;
    const personId = meeting.participants.find((p) => p.personId)!.personId as number;
    const unavailable = () => ctx.services.meetings.conflicts(forumId).filter((c) => c.kind === 'unavailable' && c.personId === personId && c.meetingIds.includes(meeting.id)).length;
    expect(unavailable()).toBe(0);
    const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
    const calendar = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:over-meeting@test', `DTSTAMP:${stamp(meeting.startUtc)}`, `DTSTART:${stamp(meeting.startUtc)}`, `DTEND:${stamp(meeting.endUtc)}`, 'SUMMARY:Office call', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    expect((await importAs(personId, 'Conflict check', calendar)).status).toBe(303);
    expect(unavailable()).toBe(1);
    const conflicts = textOf((await planner.get(`/forums/${forumId}/conflicts`)).text);
    expect(conflicts).toContain('(Busy (Conflict check))');
  });
});

describe('calendars refused with a message, nothing written', () => {
  const big = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-PAD:${'x'.repeat(2 * 1024 * 1024)}\r\nEND:VCALENDAR\r\n`;
  const many = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...Array.from({ length: 5001 }, (_, i) => `BEGIN:VEVENT\r\nUID:e${i}\r\nDTSTART:20190607T060000Z\r\nEND:VEVENT`), 'END:VCALENDAR', ''].join('\r\n');
  it.each([
    { name: 'a line that is not NAME:value, by its number', calendar: () => fixture('malformed.ics'), says: 'line 6: “this line has no name and colon” is not a calendar line (NAME:value).' },
    { name: 'an END that closes the wrong block', calendar: () => fixture('unclosed.ics'), says: 'line 7: END:VCALENDAR does not close the block opened last.' },
    { name: 'not a calendar at all', calendar: () => 'Name;Start\nMeeting;10:00\n', says: 'This is not an iCalendar file: it must start with BEGIN:VCALENDAR.' },
    { name: 'nothing pasted', calendar: () => '   ', says: 'Paste the calendar or choose its file.' },
    { name: 'more than the form takes', calendar: () => `BEGIN:VCALENDAR\r\nX-PAD:${'x'.repeat(141 * 1024)}\r\nEND:VCALENDAR\r\n`, says: 'The form takes a calendar of at most 140 KB' },
  ])('$name', async ({ calendar, says }) => {
    const before = allBlocks();
    const res = await importAs(ctx.demo!.people.deputy!, 'Refused', calendar());
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain(says);
    expect(allBlocks()).toBe(before);
  });

  it.each([
    { name: 'over 2 MB', calendar: big, says: 'The calendar is larger than 2 MB.' },
    { name: 'over 5000 events', calendar: many, says: 'The calendar has more than 5000 events.' },
  ])('refuses a calendar $name in the service (the form’s own body limit refuses it before)', ({ calendar, says }) => {
    const before = allBlocks();
    const actor = { userId: 1, username: 'admin', role: 'admin' as const, personId: null };
    expect(() => ctx.services.availability.importBusy(actor, ctx.demo!.forumId, { personId: ctx.demo!.people.deputy!, source: 'Big', text: calendar, keepTitles: false, busyLabel: 'Busy' })).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ key: expect.stringMatching(/too-large|too-many-events/) }) }),
    );
    expect(allBlocks()).toBe(before);
    void says;
  });

  it.each([
    { name: 'no person', fields: { person: '' }, says: 'Choose the person whose calendar this is.' },
    { name: 'a person who does not exist', fields: { person: '99999' }, says: 'Choose the person whose calendar this is.' },
    { name: 'no source name', fields: { source: '  ' }, says: 'Name the calendar, so that a later import of it replaces this one.' },
    { name: 'a source name too long', fields: { source: 'x'.repeat(81) }, says: 'Use at most 80 characters for the name.' },
  ])('refuses $name beside the field', async ({ fields, says }) => {
    const before = allBlocks();
    const res = await planner.submit(form, `${base}/import`, { person: ctx.demo!.people.deputy!, source: 'Office', calendar: fixture('utc.ics'), ...fields });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain(says);
    expect(allBlocks()).toBe(before);
  });

  it('does not show the form to a viewer nor take their post', async () => {
    const viewer = await signIn(ctx, 'calendar-import-viewer', 'viewer');
    expect((await viewer.get(form)).status).toBe(403);
    expect(textOf((await viewer.get(base)).text)).not.toContain('Import busy times');
  });

  it('answers a body over the app’s form limit with a page, not a 500', async () => {
    const res = await importAs(ctx.demo!.people.deputy!, 'Huge', `BEGIN:VCALENDAR\r\nX-PAD:${'x'.repeat(300 * 1024)}\r\nEND:VCALENDAR\r\n`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('refuses a post without the CSRF token', async () => {
    const res = await planner.agent.post(`${base}/import`).type('form').send({ person: String(ctx.demo!.people.deputy), source: 'x', calendar: fixture('utc.ics') });
    expect(res.status).toBe(403);
  });
});

describe('in the reader’s language', () => {
  it.each([
    { lang: 'ru', has: ['Импорт занятости из календаря', 'Название календаря', 'Сохранить названия событий'], gone: ['Name of the calendar', 'Keep the titles'] },
    { lang: 'az', has: ['Təqvimdən məşğulluğun idxalı', 'Təqvimin adı', 'Tədbirlərin adlarını saxlayın'], gone: ['Name of the calendar', 'Keep the titles'] },
  ])('$lang', async ({ lang, has, gone }) => {
    const text = textOf((await planner.get(`${form}?lang=${lang}`)).text);
    for (const s of has) expect(text).toContain(s);
    for (const s of gone) expect(text).not.toContain(s);
  });

  it('names the bad line in Russian', async () => {
    const csrfPage = await planner.get(`${form}?lang=ru`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(csrfPage.text)![1]!;
    const res = await planner.agent.post(`${base}/import?lang=ru`).type('form').send({ _csrf: csrf, person: String(ctx.demo!.people.deputy), source: 'x', calendar: fixture('malformed.ics') });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('строка 6: «this line has no name and colon» — не строка календаря');
  });
});
