/**
 * What strict clients and other machines make of our files: the external
 * validator (python icalendar + libical with iTIP rules), the single-event
 * download, and the same feed built and read under different machine zones.
 */
import { buildFeed, buildSingleEventFile } from '../../src/domain/calendar';
import type { FeedInput, SingleEventInput } from '../../src/domain/calendar';
import {
  AZERBAIJANI_NAME,
  LONG_RUSSIAN_TITLE,
  aFeed,
  aFeedEntry,
  at,
  foldingProblems,
  parseWithIcalJs,
  propertyValues,
  runInZone,
  unescapeText,
  validateIcs,
} from '../support/ics';

const richEntry = aFeedEntry({
  title: LONG_RUSSIAN_TITLE,
  kind: 'signing',
  ourParticipants: [{ name: AZERBAIJANI_NAME, role: 'principal' }],
  briefing: 'Не обсуждать тарифы.',
  documents: [{ title: LONG_RUSSIAN_TITLE, parties: 'AZ, LO', signed: true }],
});

/** Meetings on both sides of Berlin's 2019 DST changes and of Moscow's 2014 move to +03. */
const acrossZoneChanges = [
  aFeedEntry({ uid: 'berlin-before@fp', timeZone: 'Europe/Berlin', startUtc: at('2019-03-30T10:00', 'Europe/Berlin'), endUtc: at('2019-03-30T11:00', 'Europe/Berlin') }),
  aFeedEntry({ uid: 'berlin-summer@fp', timeZone: 'Europe/Berlin', startUtc: at('2019-03-31T10:00', 'Europe/Berlin'), endUtc: at('2019-03-31T11:00', 'Europe/Berlin') }),
  aFeedEntry({ uid: 'berlin-autumn@fp', timeZone: 'Europe/Berlin', startUtc: at('2019-10-27T10:00', 'Europe/Berlin'), endUtc: at('2019-10-27T11:00', 'Europe/Berlin') }),
  aFeedEntry({ uid: 'berlin-repeated-hour@fp', timeZone: 'Europe/Berlin', startUtc: Date.UTC(2019, 9, 27, 0, 30), endUtc: Date.UTC(2019, 9, 27, 1, 45) }),
  aFeedEntry({ uid: 'moscow-2014-before@fp', startUtc: at('2014-10-25T10:00'), endUtc: at('2014-10-25T11:00') }),
  aFeedEntry({ uid: 'moscow-2014-after@fp', startUtc: at('2014-10-26T10:00'), endUtc: at('2014-10-26T11:00') }),
  aFeedEntry({ uid: 'spief-2019@fp' }),
  aFeedEntry({ uid: 'baku-2019@fp', timeZone: 'Asia/Baku', startUtc: at('2019-06-10T09:00', 'Asia/Baku'), endUtc: at('2019-06-10T10:00', 'Asia/Baku') }),
];

const singleEvent: SingleEventInput = {
  entry: richEntry,
  organizer: { name: 'Protocol Office of the Delegation', email: 'protocol@delegation.example.az' },
  now: Date.UTC(2019, 5, 5, 9, 0, 0),
};

describe('validate-ics accepts every file we publish', () => {
  it.each<{ name: string; text: () => string }>([
    { name: 'a private feed', text: () => buildFeed(aFeed({ scope: 'private', entries: [richEntry, aFeedEntry({ uid: 'c@fp', status: 'cancelled' })] })) },
    { name: 'a public feed', text: () => buildFeed(aFeed({ scope: 'public', entries: [richEntry, aFeedEntry({ uid: 't@fp', status: 'tentative' })] })) },
    { name: 'an empty feed (a person with no meetings yet)', text: () => buildFeed(aFeed({ entries: [] })) },
    { name: 'a single-event file', text: () => buildSingleEventFile(singleEvent) },
    { name: 'a feed across Berlin DST and Moscow 2014', text: () => buildFeed(aFeed({ entries: acrossZoneChanges })) },
  ])('$name', ({ text }) => {
    const ics = text();
    expect(validateIcs(ics)).toEqual([]);
    expect(foldingProblems(ics)).toEqual([]);
  });

  it('reports problems when there are some (the check itself works)', () => {
    const broken = buildFeed(aFeed()).replace(/\r\nBEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE/, '').replace(/\r\n/g, '\n');
    const problems = validateIcs(broken);
    expect(problems).toEqual(expect.arrayContaining(['lines do not end with CRLF', 'TZID Europe/Moscow is used but has no VTIMEZONE']));
  });
});

describe('buildSingleEventFile', () => {
  const text = buildSingleEventFile(singleEvent);

  it('is a PUBLISH with the protocol office as ORGANIZER and no attendees', () => {
    expect(propertyValues(text, 'METHOD')).toEqual(['PUBLISH']);
    expect(propertyValues(text, 'ORGANIZER;CN="Protocol Office of the Delegation"')).toEqual(['mailto:protocol@delegation.example.az']);
    expect(text).not.toMatch(/^ATTENDEE[;:]/m);
  });

  it('stamps DTSTAMP with the moment the file is made', () => {
    expect(propertyValues(text, 'DTSTAMP')).toEqual(['20190605T090000Z']);
  });

  it('never carries the internal briefing, since it is forwarded to counterparts', () => {
    expect(unescapeText(propertyValues(text, 'DESCRIPTION')[0] ?? '')).not.toContain('Не обсуждать тарифы');
  });

  it('keeps the meeting UID and SEQUENCE, so it updates the same event as the feed', () => {
    expect(propertyValues(text, 'UID')).toEqual([richEntry.uid]);
    expect(propertyValues(text, 'SEQUENCE')).toEqual([String(richEntry.sequence)]);
    expect(parseWithIcalJs(text)[0]).toMatchObject({ start: richEntry.startUtc, end: richEntry.endUtc, summary: LONG_RUSSIAN_TITLE });
  });

  it('keeps a DQUOTE in the organizer name from breaking the parameter', () => {
    const quoted = buildSingleEventFile({ ...singleEvent, organizer: { name: 'Office "Protocol"', email: 'p@x.az' } });
    expect(validateIcs(quoted)).toEqual([]);
  });
});

describe('machine time zone', () => {
  interface ChildResult {
    jsOffsetInJanuary: number;
    text: string;
    nodeIcal: { uid: string; start: number; end: number }[];
    icalJs: { uid: string; start: number; end: number }[];
  }

  // Runs in a separate process so that TZ really is the machine zone there.
  const script = `
    const { buildFeed } = require('./src/domain/calendar.ts');
    const { parseWithIcalJs } = require('./tests/support/ics.ts');
    const nodeIcal = require('node-ical');
    const text = buildFeed(JSON.parse(process.env.FEED_INPUT));
    const events = Object.values(nodeIcal.sync.parseICS(text)).filter((c) => c.type === 'VEVENT');
    process.stdout.write(JSON.stringify({
      jsOffsetInJanuary: new Date(2019, 0, 1).getTimezoneOffset(),
      text,
      nodeIcal: events.map((e) => ({ uid: e.uid, start: e.start.getTime(), end: e.end.getTime() })),
      icalJs: parseWithIcalJs(text).map(({ uid, start, end }) => ({ uid, start, end })),
    }));
  `;
  const input: FeedInput = aFeed({ entries: acrossZoneChanges });
  const expected = acrossZoneChanges.map((e) => ({ uid: e.uid, start: e.startUtc, end: e.endUtc }));

  it.each([
    { zone: 'UTC', offset: 0 },
    { zone: 'America/Los_Angeles', offset: 480 },
    { zone: 'Pacific/Kiritimati', offset: -840 },
  ])('builds the same bytes and reads the same instants under TZ=$zone', ({ zone, offset }) => {
    const child = runInZone<ChildResult>(zone, script, { FEED_INPUT: JSON.stringify(input) });
    expect(child.jsOffsetInJanuary).toBe(offset); // the child really runs in that zone
    expect(child.text).toBe(buildFeed(input));
    expect(child.nodeIcal).toEqual(expected);
    expect(child.icalJs).toEqual(expected);
  }, 30_000);
});
