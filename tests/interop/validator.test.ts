/**
 * The strict validator itself: every rule it claims to check flags a file
 * that breaks it, and a clean file passes. Without this a validator that
 * stopped checking (a library that no longer loads, a rule that never matches)
 * would let every feed test below pass.
 */
import { buildFeed, buildSingleEventFile } from '../../src/domain/calendar';
import { singleEvent } from '../support/calendar-cases';
import { aFeed, aFeedEntry } from '../support/ics';
import { validateIcsAll } from './validate-ics';

const clean = buildSingleEventFile(singleEvent);
const feed = buildFeed(aFeed());
// buildFeed refuses a repeated UID itself, so the repeat is written into its output.
const twoEvents = buildFeed(aFeed({ entries: [aFeedEntry({ uid: 'first@fp' }), aFeedEntry({ uid: 'second@fp' })] }));
const EVENT_START = 'DTSTART;TZID=Europe/Moscow:20190607T100000\r\n';

/** Replaces one exact piece of `text`, failing the test if the piece is not there (so a case cannot go stale silently). */
function edit(text: string, from: string | RegExp, to: string): string {
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`the case no longer applies: ${String(from)} is not in the file`);
  return edited;
}

/** `clean` with its first folded line split in the middle of a two-octet Cyrillic letter. */
function foldedInsideALetter(): Buffer {
  const bytes = Buffer.from(edit(clean, /SUMMARY:[^\r]*\r\n /, 'SUMMARY:'), 'utf8');
  const summary = bytes.indexOf('SUMMARY:') + 'SUMMARY:'.length;
  return Buffer.concat([bytes.subarray(0, summary + 1), Buffer.from('\r\n '), bytes.subarray(summary + 1)]);
}

const cases: { name: string; file: () => string | Buffer; problem: RegExp }[] = [
  { name: 'a bare LF between lines', file: () => edit(clean, 'SEQUENCE:0\r\n', 'SEQUENCE:0\n'), problem: /lines do not end with CRLF/ },
  { name: 'no CRLF after the last line', file: () => clean.slice(0, -2), problem: /last line does not end with CRLF/ },
  { name: 'a line of 76 octets', file: () => edit(clean, /LOCATION:[^\r]*\r\n [^\r]*/, `LOCATION:${'x'.repeat(67)}`), problem: /76 octets, over the 75 allowed/ },
  { name: 'a fold inside a UTF-8 character', file: foldedInsideALetter, problem: /folded inside a UTF-8 character/ },
  { name: 'Latin-1 instead of UTF-8', file: () => Buffer.from(edit(clean, 'Şahin', 'J\u00fcrgen'), 'latin1'), problem: /not UTF-8/ },
  { name: 'a BEL control character in a title', file: () => edit(clean, 'SUMMARY:', 'SUMMARY:\u0007'), problem: /a control character in: 'SUMMARY:\\x07/ },
  { name: 'a NUL control character in a description', file: () => edit(clean, 'DESCRIPTION:', 'DESCRIPTION:\u0000'), problem: /a control character in: 'DESCRIPTION:\\x00/ },
  { name: 'a DTSTAMP in local time', file: () => edit(clean, 'DTSTAMP:20190605T090000Z', 'DTSTAMP:20190605T090000'), problem: /DTSTAMP is not a UTC date-time/ },
  { name: 'a LAST-MODIFIED with a TZID', file: () => edit(clean, 'LAST-MODIFIED:20190601T093000Z', 'LAST-MODIFIED;TZID=Europe/Moscow:20190601T123000'), problem: /LAST-MODIFIED is not a UTC date-time/ },
  { name: 'a CREATED as a date only', file: () => edit(clean, 'CREATED:20190520T060000Z', 'CREATED;VALUE=DATE:20190520'), problem: /CREATED is not a UTC date-time/ },
  { name: 'one UID on two events', file: () => edit(twoEvents, 'UID:second@fp', 'UID:first@fp'), problem: /UID first@fp appears twice/ },
  { name: 'a TZID without its VTIMEZONE', file: () => edit(feed, /BEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE\r\n/, ''), problem: /TZID Europe\/Moscow is used but has no VTIMEZONE/ },
  { name: 'a VTIMEZONE given twice', file: () => edit(feed, /(BEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE\r\n)/, '$1$1'), problem: /VTIMEZONE Europe\/Moscow is defined twice/ },
  { name: 'an event with two DTSTARTs', file: () => edit(clean, EVENT_START, EVENT_START + EVENT_START), problem: /an event has DTSTART more than once/ },
  { name: 'an event that is never closed', file: () => edit(clean, 'END:VEVENT\r\n', ''), problem: /BEGIN:VEVENT is never closed/ },
  { name: 'a date-time python icalendar cannot read', file: () => edit(clean, EVENT_START, 'DTSTART;TZID=Europe/Moscow:2019-06-07 10:00\r\n'), problem: /python icalendar: VEVENT DTSTART/ },
  { name: 'a SEQUENCE that is not a number', file: () => edit(clean, 'SEQUENCE:0', 'SEQUENCE:zero'), problem: /python icalendar: VEVENT SEQUENCE/ },
  { name: 'an iTIP REQUEST without attendees (libical)', file: () => edit(clean, 'METHOD:PUBLISH', 'METHOD:REQUEST'), problem: /libical: .*INVALID-ITIP.*ATTENDEE/ },
  { name: 'a PUBLISH with a status iTIP forbids (libical)', file: () => edit(clean, 'STATUS:CONFIRMED', 'STATUS:NEEDS-ACTION'), problem: /libical: .*INVALID-ITIP.*STATUS/ },
  { name: 'an event without a UID (libical and ours)', file: () => edit(clean, /UID:[^\r]*\r\n/, ''), problem: /an event has no UID/ },
];

describe('validate-ics.py', () => {
  // All files in one python run: one interpreter start instead of twenty.
  const verdicts = validateIcsAll([clean, feed, ...cases.map((c) => c.file())]);

  it('passes a clean single-event file and a clean feed, and reads their events', () => {
    expect(verdicts.slice(0, 2).map((v) => v.errors)).toEqual([[], []]);
    expect(verdicts[0]!.events[singleEvent.entry.uid]).toEqual({ sequence: 0, status: 'CONFIRMED', start: '2019-06-07T10:00:00+03:00' });
  });

  it.each(cases.map((c, i) => ({ ...c, i })))('flags $name', ({ i, problem }) => {
    expect(verdicts[i + 2]!.errors).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });
});
