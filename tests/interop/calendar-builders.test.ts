/**
 * The calendar builders' files as the strict validator reads them: every kind
 * of file we publish, plus titles and names drawn at random, since a client
 * that rejects one event drops the whole subscription.
 */
import fc from 'fast-check';
import { buildFeed, buildSingleEventFile } from '../../src/domain/calendar';
import { publishedFiles, richEntry, singleEvent } from '../support/calendar-cases';
import { aFeed, aFeedEntry, at, parseWithIcalJs } from '../support/ics';
import { validateIcsAll } from './validate-ics';

describe('every file the builders publish passes python icalendar and libical (with iTIP)', () => {
  const verdicts = validateIcsAll(publishedFiles.map((f) => f.text()));

  it.each(publishedFiles.map((f, i) => ({ ...f, i })))('$name', ({ i, text }) => {
    expect(verdicts[i]!.errors).toEqual([]);
    // python icalendar sees the same events as ical.js: nothing dropped, nothing merged.
    expect(Object.keys(verdicts[i]!.events).sort()).toEqual(parseWithIcalJs(text()).map((e) => e.uid).sort());
  });
});

describe('text drawn at random', () => {
  // Text of any script, with the characters iCalendar escapes, long enough to fold, and the control
  // characters a paste from Word brings (vertical tab, form feed) or a careless client sends (NUL, DEL, lone CR):
  // the builders must never emit them, whatever reached them.
  const printable = fc.string({ unit: fc.oneof(fc.constantFrom(',', ';', '\\', '"', ':', '\n', ' ', 'ə', 'Ж', '中', '😀', '\u0000', '\u000b', '\u000c', '\u007f', '\r', '\t', '\u0001', '\u001f'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 120 }).filter((s) => s.trim() !== '');
  const entries = fc.array(fc.record({ title: printable, location: printable, briefing: printable, organizer: printable }), { minLength: 1, maxLength: 8 });

  it('gives feeds and single-event files that pass the strict validator', () => {
    const samples = fc.sample(entries, { numRuns: 12, seed: 2019 });
    const files = samples.flatMap((drawn) => [
      buildFeed(aFeed({ entries: drawn.map((d, i) => aFeedEntry({ uid: `random-${i}@fp`, title: d.title, location: d.location, briefing: d.briefing, reminderMinutes: 15, travelMinutes: 30, place: { title: d.title, address: d.location, latitude: 59.7636, longitude: -30.3622 } })) })),
      buildSingleEventFile({ ...singleEvent, entry: { ...richEntry, title: drawn[0]!.title, location: drawn[0]!.location }, organizer: { name: drawn[0]!.organizer, email: 'p@x.az' } }),
    ]);
    const problems = validateIcsAll(files).flatMap((v, i) => (v.errors.length ? [{ file: i, errors: v.errors }] : []));
    expect(problems).toEqual([]);
    // Only CRLF line ends remain: no other control character, and no CR or LF alone.
    const stray = files.flatMap((f, i) => (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\r(?!\n)|(?<!\r)\n/.test(f) ? [i] : []));
    expect(stray).toEqual([]);
  });
});

describe('VTIMEZONEs with the current rule as RRULE (forums outside Moscow)', () => {
  const zones = [
    { name: 'Berlin, summer and winter', zone: 'Europe/Berlin', locals: ['2019-07-01T10:00', '2019-12-02T10:00'] },
    { name: 'New York, either side of the November change', zone: 'America/New_York', locals: ['2019-11-01T09:30', '2019-11-04T09:30'] },
    { name: 'Sydney, southern summer', zone: 'Australia/Sydney', locals: ['2019-01-15T09:00', '2019-06-15T09:00'] },
  ];
  const texts = zones.map(({ zone, locals }) =>
    buildFeed(aFeed({ forumTimeZone: zone, entries: locals.map((local, i) => aFeedEntry({ uid: `tz-${i}@fp`, timeZone: zone, startUtc: at(local, zone), endUtc: at(local, zone) + 3_600_000 })) })),
  );
  const verdicts = validateIcsAll(texts);

  it.each(zones.map((z, i) => ({ ...z, i })))('$name: passes the strict validator, and python icalendar reads the instants ical.js reads', ({ i, zone, locals }) => {
    expect(texts[i]).toContain('RRULE:FREQ=YEARLY');
    expect(verdicts[i]!.errors).toEqual([]);
    const byPython = Object.entries(verdicts[i]!.events).map(([uid, e]) => ({ uid, start: Date.parse(e.start ?? '') })).sort((a, b) => a.uid.localeCompare(b.uid));
    expect(byPython).toEqual(locals.map((local, k) => ({ uid: `tz-${k}@fp`, start: at(local, zone) })));
    expect(parseWithIcalJs(texts[i]!).map((e) => e.start)).toEqual(locals.map((local) => at(local, zone)));
  });
});
