/**
 * What other machines make of our files: the single-event download, and the
 * same feed built and read under different machine zones. The strict
 * validator reads these cases in tests/interop/calendar-builders.test.ts.
 */
import { buildFeed, buildSingleEventFile } from '../../src/domain/calendar';
import type { FeedInput } from '../../src/domain/calendar';
import { acrossZoneChanges, publishedFiles, richEntry, singleEvent } from '../support/calendar-cases';
import { LONG_RUSSIAN_TITLE, aFeed, foldingProblems, parseWithIcalJs, propertyValues, runInZone, unescapeText } from '../support/ics';

describe('every file we publish', () => {
  it.each(publishedFiles)('$name: CRLF lines of at most 75 octets, folded between characters', ({ text }) => {
    expect(foldingProblems(text())).toEqual([]);
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
    const { buildFeed } = require('./src/domain/calendar/index.ts');
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
