import {
  dayBounds,
  dualZoneTime,
  firstInstantAt,
  formatDate,
  formatOffset,
  formatTime,
  isValidTimeZone,
  localDateOf,
  localDateTimeOf,
  overlaps,
  resolveLocalTime,
  zoneCity,
} from '../../src/domain/time';
import { formatDuration } from '../../src/messages/locale-formats';
import { render } from '../../src/messages';

const utc = (iso: string): number => Date.parse(`${iso}Z`);
const HOUR = 3_600_000;

describe('resolveLocalTime', () => {
  it.each([
    { name: 'Moscow in June (UTC+3)', local: '2019-06-07T10:00', timeZone: 'Europe/Moscow', expected: '2019-06-07T07:00' },
    { name: 'Baku (UTC+4)', local: '2019-06-07T11:00', timeZone: 'Asia/Baku', expected: '2019-06-07T07:00' },
    { name: 'midnight', local: '2019-06-07T00:00', timeZone: 'Europe/Moscow', expected: '2019-06-06T21:00' },
    { name: 'Berlin just before the gap', local: '2026-03-29T01:59', timeZone: 'Europe/Berlin', expected: '2026-03-29T00:59' },
    { name: 'Berlin at the end of the gap', local: '2026-03-29T03:00', timeZone: 'Europe/Berlin', expected: '2026-03-29T01:00' },
    { name: 'Berlin just before the fold', local: '2026-10-25T01:59', timeZone: 'Europe/Berlin', expected: '2026-10-24T23:59' },
    { name: 'Berlin right after the fold', local: '2026-10-25T03:00', timeZone: 'Europe/Berlin', expected: '2026-10-25T02:00' },
    { name: 'Moscow before the 2014 change (UTC+4)', local: '2014-10-26T00:59', timeZone: 'Europe/Moscow', expected: '2014-10-25T20:59' },
    { name: 'Moscow after the 2014 change (UTC+3)', local: '2014-10-26T02:00', timeZone: 'Europe/Moscow', expected: '2014-10-25T23:00' },
    { name: 'leap day', local: '2024-02-29T12:00', timeZone: 'UTC', expected: '2024-02-29T12:00' },
    { name: 'half-hour zone', local: '2019-06-07T10:00', timeZone: 'Asia/Kolkata', expected: '2019-06-07T04:30' },
  ])('$name', ({ local, timeZone, expected }) => {
    expect(resolveLocalTime({ local, timeZone })).toEqual(expect.objectContaining({ ok: true, instant: utc(expected) }));
  });

  it.each([
    { name: 'Berlin spring gap', local: '2026-03-29T02:30', timeZone: 'Europe/Berlin', text: '02:30 does not exist on 29 March 2026 in Europe/Berlin: clocks jump from 02:00 to 03:00' },
    { name: 'first minute of the gap', local: '2026-03-29T02:00', timeZone: 'Europe/Berlin', text: 'clocks jump from 02:00 to 03:00' },
    { name: 'last minute of the gap', local: '2026-03-29T02:59', timeZone: 'Europe/Berlin', text: '02:59 does not exist' },
    { name: 'Moscow 2011 move to permanent summer time', local: '2011-03-27T02:30', timeZone: 'Europe/Moscow', text: 'clocks jump from 02:00 to 03:00' },
  ])('refuses a time in a DST gap: $name', ({ local, timeZone, text }) => {
    const result = resolveLocalTime({ local, timeZone });
    expect(result).toEqual(expect.objectContaining({ ok: false, reason: 'gap' }));
    if (!result.ok) expect(render(result.message)).toContain(text);
  });

  it.each([
    { name: 'Berlin autumn fold', local: '2026-10-25T02:30', timeZone: 'Europe/Berlin', offsets: [120, 60], first: '2026-10-25T00:30', second: '2026-10-25T01:30' },
    { name: 'first minute of the fold', local: '2026-10-25T02:00', timeZone: 'Europe/Berlin', offsets: [120, 60], first: '2026-10-25T00:00', second: '2026-10-25T01:00' },
    { name: 'Moscow 2014 (UTC+4 -> UTC+3), 01:00', local: '2014-10-26T01:00', timeZone: 'Europe/Moscow', offsets: [240, 180], first: '2014-10-25T21:00', second: '2014-10-25T22:00' },
    { name: 'Moscow 2014, 01:59', local: '2014-10-26T01:59', timeZone: 'Europe/Moscow', offsets: [240, 180], first: '2014-10-25T21:59', second: '2014-10-25T22:59' },
  ])('refuses an ambiguous time without an offset, accepts it with one: $name', ({ local, timeZone, offsets, first, second }) => {
    const refused = resolveLocalTime({ local, timeZone });
    expect(refused).toEqual(expect.objectContaining({ ok: false, reason: 'ambiguous', offsets }));
    if (!refused.ok) {
      expect(render(refused.message)).toContain(formatOffset(offsets[0]!));
      expect(render(refused.message)).toContain(formatOffset(offsets[1]!));
    }
    expect(resolveLocalTime({ local, timeZone, offsetMinutes: offsets[0]! })).toEqual({ ok: true, instant: utc(first), offsetMinutes: offsets[0] });
    expect(resolveLocalTime({ local, timeZone, offsetMinutes: offsets[1]! })).toEqual({ ok: true, instant: utc(second), offsetMinutes: offsets[1] });
    expect(resolveLocalTime({ local, timeZone, offsetMinutes: 0 })).toEqual(expect.objectContaining({ ok: false, reason: 'ambiguous' }));
  });

  it('names the Moscow 2014 change in words', () => {
    const result = resolveLocalTime({ local: '2014-10-26T01:30', timeZone: 'Europe/Moscow' });
    expect(result.ok ? '' : render(result.message)).toBe(
      '01:30 on 26 October 2014 in Europe/Moscow happens twice: clocks go back from 02:00 to 01:00. ' +
        'Say which one is meant: UTC+04:00 (the first) or UTC+03:00 (the second).',
    );
  });

  it('ignores an offset that an unambiguous time does not need', () => {
    expect(resolveLocalTime({ local: '2019-06-07T10:00', timeZone: 'Europe/Moscow', offsetMinutes: 240 })).toEqual({
      ok: true,
      instant: utc('2019-06-07T07:00'),
      offsetMinutes: 180,
    });
  });

  it.each([
    { name: 'no time', local: '2019-06-07' },
    { name: 'seconds', local: '2019-06-07T10:00:00' },
    { name: 'offset attached', local: '2019-06-07T10:00+03:00' },
    { name: 'day that does not exist', local: '2019-02-30T10:00' },
    { name: 'hour 24', local: '2019-06-07T24:00' },
    { name: 'minute 60', local: '2019-06-07T10:60' },
    { name: 'empty', local: '' },
  ])('refuses a malformed time: $name', ({ local }) => {
    expect(resolveLocalTime({ local, timeZone: 'Europe/Moscow' })).toEqual(expect.objectContaining({ ok: false, reason: 'invalid' }));
  });

  it.each([{ name: 'made up', timeZone: 'Europe/Atlantis' }, { name: 'empty', timeZone: '' }, { name: 'abbreviation', timeZone: 'MSK' }])(
    'refuses an unknown zone: $name',
    ({ timeZone }) => {
      expect(resolveLocalTime({ local: '2019-06-07T10:00', timeZone })).toEqual(expect.objectContaining({ ok: false, reason: 'unknown_zone' }));
    },
  );
});

describe('dayBounds', () => {
  it.each([
    { name: 'ordinary Moscow day', date: '2019-06-07', zone: 'Europe/Moscow', start: '2019-06-06T21:00', hours: 24 },
    { name: 'Berlin spring-forward day', date: '2026-03-29', zone: 'Europe/Berlin', start: '2026-03-28T23:00', hours: 23 },
    { name: 'Berlin fall-back day', date: '2026-10-25', zone: 'Europe/Berlin', start: '2026-10-24T22:00', hours: 25 },
    { name: 'Moscow 2014 change day', date: '2014-10-26', zone: 'Europe/Moscow', start: '2014-10-25T20:00', hours: 25 },
    { name: 'midnight skipped (Sao Paulo 2018)', date: '2018-11-04', zone: 'America/Sao_Paulo', start: '2018-11-04T03:00', hours: 23 },
  ])('$name', ({ date, zone, start, hours }) => {
    const bounds = dayBounds(date, zone);
    expect(bounds.startUtc).toBe(utc(start));
    expect(bounds.endUtc - bounds.startUtc).toBe(hours * HOUR);
  });

  it('refuses a malformed date', () => {
    expect(() => dayBounds('7 June', 'Europe/Moscow')).toThrow(RangeError);
  });
});

describe('firstInstantAt', () => {
  it('lands on the jump for a time in a gap and on the first pass in a fold', () => {
    expect(firstInstantAt('2026-03-29T02:30', 'Europe/Berlin')).toBe(utc('2026-03-29T01:00'));
    expect(firstInstantAt('2026-10-25T02:30', 'Europe/Berlin')).toBe(utc('2026-10-25T00:30'));
  });
});

describe('display helpers', () => {
  const tenMoscow = utc('2019-06-07T07:00');

  it.each([
    { name: 'Moscow', zone: 'Europe/Moscow', time: '10:00', date: '7 June 2019', local: '2019-06-07T10:00' },
    { name: 'Baku', zone: 'Asia/Baku', time: '11:00', date: '7 June 2019', local: '2019-06-07T11:00' },
    { name: 'Los Angeles, previous day', zone: 'America/Los_Angeles', time: '00:00', date: '7 June 2019', local: '2019-06-07T00:00' },
    { name: 'Honolulu, previous day', zone: 'Pacific/Honolulu', time: '21:00', date: '6 June 2019', local: '2019-06-06T21:00' },
  ])('formats an instant in $name', ({ zone, time, date, local }) => {
    expect(formatTime(tenMoscow, zone)).toBe(time);
    expect(formatDate(tenMoscow, zone)).toBe(date);
    expect(localDateTimeOf(tenMoscow, zone)).toBe(local);
    expect(localDateOf(tenMoscow, zone)).toBe(local.slice(0, 10));
  });

  // Offsets are remembered per UTC hour; these hours hold a change, one of them mid-hour.
  it.each([
    { name: 'Berlin, last minute before the jump', at: '2026-03-29T00:59', zone: 'Europe/Berlin', time: '01:59' },
    { name: 'Berlin, first minute after the jump', at: '2026-03-29T01:00', zone: 'Europe/Berlin', time: '03:00' },
    { name: 'Berlin, first pass of the fold', at: '2026-10-25T00:30', zone: 'Europe/Berlin', time: '02:30' },
    { name: 'Berlin, second pass of the fold', at: '2026-10-25T01:30', zone: 'Europe/Berlin', time: '02:30' },
    { name: 'Lord Howe, before its half-hour jump at 15:30 UTC', at: '2026-10-03T15:29', zone: 'Australia/Lord_Howe', time: '01:59' },
    { name: 'Lord Howe, after it', at: '2026-10-03T15:30', zone: 'Australia/Lord_Howe', time: '02:30' },
    { name: 'Lord Howe, same hour, earlier again', at: '2026-10-03T15:00', zone: 'Australia/Lord_Howe', time: '01:30' },
  ])('formats across a clock change: $name', ({ at, zone, time }) => {
    expect(formatTime(utc(at), zone)).toBe(time);
    expect(localDateTimeOf(utc(at), zone).slice(11)).toBe(time);
  });

  it.each([
    { name: 'forum and home', instant: tenMoscow, forum: 'Europe/Moscow', home: 'Asia/Baku', text: 'Moscow 10:00 / Baku 11:00' },
    { name: 'same zone', instant: tenMoscow, forum: 'Europe/Moscow', home: 'Europe/Moscow', text: 'Moscow 10:00' },
    { name: 'same offset', instant: tenMoscow, forum: 'Europe/Moscow', home: 'Europe/Minsk', text: 'Moscow 10:00' },
    { name: 'underscore city', instant: tenMoscow, forum: 'Europe/Moscow', home: 'America/New_York', text: 'Moscow 10:00 / New York 03:00' },
  ])('dualZoneTime: $name', ({ instant, forum, home, text }) => {
    expect(dualZoneTime(instant, forum, home)).toBe(text);
  });

  it.each([
    { name: 'Moscow', zone: 'Europe/Moscow', city: 'Moscow' },
    { name: 'Baku', zone: 'Asia/Baku', city: 'Baku' },
    { name: 'three parts', zone: 'America/Argentina/Buenos_Aires', city: 'Buenos Aires' },
    { name: 'UTC', zone: 'UTC', city: 'UTC' },
  ])('zoneCity: $name', ({ zone, city }) => {
    expect(zoneCity(zone)).toBe(city);
  });

  it.each([
    { name: 'zero', minutes: 0, text: '0 min' },
    { name: 'minutes', minutes: 40, text: '40 min' },
    { name: 'whole hour', minutes: 60, text: '1 h' },
    { name: 'hours and minutes', minutes: 90, text: '1 h 30 min' },
    { name: 'negative', minutes: -15, text: '-15 min' },
  ])('formatDuration: $name', ({ minutes, text }) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it.each([
    { name: 'IANA', zone: 'Europe/Moscow', valid: true },
    { name: 'UTC', zone: 'UTC', valid: true },
    { name: 'made up', zone: 'Mars/Olympus', valid: false },
    { name: 'empty', zone: '', valid: false },
  ])('isValidTimeZone: $name', ({ zone, valid }) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });

  it('refuses to format in an unknown zone rather than print "Invalid DateTime"', () => {
    expect(() => formatTime(tenMoscow, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('overlaps (half-open)', () => {
  const span = (start: number, end: number) => ({ startUtc: start * HOUR, endUtc: end * HOUR });
  it.each([
    { name: 'exact', a: span(10, 11), b: span(10, 11), expected: true },
    { name: 'shared start', a: span(10, 11), b: span(10, 12), expected: true },
    { name: 'shared end', a: span(10, 12), b: span(11, 12), expected: true },
    { name: 'contained', a: span(9, 13), b: span(10, 11), expected: true },
    { name: 'partial', a: span(10, 12), b: span(11, 13), expected: true },
    { name: 'touching edges', a: span(10, 11), b: span(11, 12), expected: false },
    { name: 'apart', a: span(10, 11), b: span(12, 13), expected: false },
    { name: 'zero length inside another', a: span(10, 10), b: span(9, 11), expected: false },
    { name: 'zero length on another zero length', a: span(10, 10), b: span(10, 10), expected: false },
  ])('$name', ({ a, b, expected }) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});
