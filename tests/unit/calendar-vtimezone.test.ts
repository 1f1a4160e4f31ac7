import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import {
  buildVtimezone,
  findOffsetTransitions,
  formatUtcOffset,
  isUnambiguousLocalTime,
} from '../../src/domain/calendar/vtimezone';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
const yearOf = (zone: string, year: number) =>
  [
    DateTime.fromObject({ year, month: 1, day: 1 }, { zone }).toMillis(),
    DateTime.fromObject({ year: year + 1, month: 1, day: 1 }, { zone }).toMillis(),
  ] as const;

describe('findOffsetTransitions', () => {
  it.each([
    { name: 'Moscow 2014 moves from +04 to +03', zone: 'Europe/Moscow', year: 2014, expected: [['2014-10-25T22:00Z', 240, 180]] },
    { name: 'Moscow 2019 has none', zone: 'Europe/Moscow', year: 2019, expected: [] },
    { name: 'Baku 2019 has none (no DST since 2016)', zone: 'Asia/Baku', year: 2019, expected: [] },
    {
      name: 'Baku 2015 still had DST',
      zone: 'Asia/Baku',
      year: 2015,
      expected: [['2015-03-29T00:00Z', 240, 300], ['2015-10-25T00:00Z', 300, 240]],
    },
    {
      name: 'Berlin 2019 springs forward and falls back',
      zone: 'Europe/Berlin',
      year: 2019,
      expected: [['2019-03-31T01:00Z', 60, 120], ['2019-10-27T01:00Z', 120, 60]],
    },
    {
      name: 'Sydney 2019, southern hemisphere',
      zone: 'Australia/Sydney',
      year: 2019,
      expected: [['2019-04-06T16:00Z', 660, 600], ['2019-10-05T16:00Z', 600, 660]],
    },
    {
      name: 'Lord Howe 2019 shifts by half an hour',
      zone: 'Australia/Lord_Howe',
      year: 2019,
      expected: [['2019-04-06T15:00Z', 660, 630], ['2019-10-05T15:30Z', 630, 660]],
    },
    { name: 'Kolkata has a half-hour offset and no changes', zone: 'Asia/Kolkata', year: 2019, expected: [] },
  ])('$name', ({ zone, year, expected }) => {
    const [from, to] = yearOf(zone, year);
    const found = findOffsetTransitions(zone, from, to).map((t) => [t.at, t.offsetFrom, t.offsetTo]);
    expect(found).toEqual(expected.map(([iso, f, t]) => [utc(String(iso)), f, t]));
  });

  it('rejects a zone that does not exist, saying what to use', () => {
    expect(() => findOffsetTransitions('Europe/Atlantis', 0, 1)).toThrow(/Unknown time zone "Europe\/Atlantis".*IANA/);
  });
});

describe('formatUtcOffset', () => {
  it.each([
    { name: 'east, whole hours', minutes: 180, expected: '+0300' },
    { name: 'zero', minutes: 0, expected: '+0000' },
    { name: 'west', minutes: -480, expected: '-0800' },
    { name: 'half hour', minutes: 330, expected: '+0530' },
    { name: 'west with minutes', minutes: -210, expected: '-0330' },
  ])('$name', ({ minutes, expected }) => {
    expect(formatUtcOffset(minutes)).toBe(expected);
  });
});

describe('buildVtimezone', () => {
  it('gives a zone without changes one STANDARD observance (Moscow 2019)', () => {
    expect(buildVtimezone('Europe/Moscow', 2019, 2019)).toBe(
      [
        'BEGIN:VTIMEZONE',
        'TZID:Europe/Moscow',
        'BEGIN:STANDARD',
        'DTSTART:20190101T000000',
        'TZOFFSETFROM:+0300',
        'TZOFFSETTO:+0300',
        'TZNAME:+03',
        'END:STANDARD',
        'END:VTIMEZONE',
        '',
      ].join('\r\n'),
    );
  });

  it('dates the Moscow 2014 change in local time before it (02:00 at +04)', () => {
    const text = buildVtimezone('Europe/Moscow', 2014, 2014);
    expect(text).toContain(
      ['BEGIN:STANDARD', 'DTSTART:20141026T020000', 'TZOFFSETFROM:+0400', 'TZOFFSETTO:+0300'].join('\r\n'),
    );
    expect(text).not.toContain('RRULE');
  });

  it('marks summer time as DAYLIGHT and names it as Intl does (Berlin)', () => {
    const text = buildVtimezone('Europe/Berlin', 2019, 2019);
    expect(text).toContain(
      ['BEGIN:DAYLIGHT', 'DTSTART:20190331T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST'].join('\r\n'),
    );
    expect(text).toContain(['BEGIN:STANDARD', 'DTSTART:20191027T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'TZOFFSETFROM:+0200'].join('\r\n'));
  });

  it('rejects a reversed year range', () => {
    expect(() => buildVtimezone('Europe/Moscow', 2020, 2019)).toThrow(/fromYear <= toYear/);
  });

  // ical.js computes offsets only from the VTIMEZONE it is given, so this checks
  // our component against luxon at every hour of the covered years.
  it.each([
    { zone: 'Europe/Moscow', from: 2011, to: 2014 },
    { zone: 'Europe/Berlin', from: 2019, to: 2019 },
    { zone: 'Asia/Baku', from: 2015, to: 2016 },
    { zone: 'America/Los_Angeles', from: 2019, to: 2019 },
    { zone: 'Australia/Lord_Howe', from: 2019, to: 2019 },
  ])('is read by ical.js to the same instants as luxon: $zone, $from to $to', ({ zone, from, to }) => {
    const component = new ICAL.Component(ICAL.parse(buildVtimezone(zone, from, to)) as unknown[]);
    const timezone = new ICAL.Timezone({ component, tzid: zone });
    const mismatches: string[] = [];
    const [start] = yearOf(zone, from);
    const [, end] = yearOf(zone, to);
    for (let t = start; t < end; t += 3_600_000) {
      if (!isUnambiguousLocalTime(zone, t)) continue;
      const local = DateTime.fromMillis(t, { zone });
      const time = new ICAL.Time(
        { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: 0 },
        timezone,
      );
      if (time.toUnixTime() * 1000 !== t) mismatches.push(local.toISO() ?? String(t));
    }
    expect(mismatches).toEqual([]);
  });
});

describe('isUnambiguousLocalTime', () => {
  it.each([
    { name: 'an ordinary summer time', zone: 'Europe/Berlin', iso: '2019-06-07T08:00Z', expected: true },
    { name: 'first pass of the repeated hour', zone: 'Europe/Berlin', iso: '2019-10-27T00:30Z', expected: false },
    { name: 'second pass of the repeated hour', zone: 'Europe/Berlin', iso: '2019-10-27T01:30Z', expected: false },
    { name: 'just after the repeated hour', zone: 'Europe/Berlin', iso: '2019-10-27T02:00Z', expected: true },
    { name: 'just after clocks spring forward', zone: 'Europe/Berlin', iso: '2019-03-31T01:00Z', expected: true },
    { name: 'Moscow night of 2014-10-26, 01:30 local twice', zone: 'Europe/Moscow', iso: '2014-10-25T21:30Z', expected: false },
    { name: 'Moscow 2019, no changes', zone: 'Europe/Moscow', iso: '2019-06-07T07:00Z', expected: true },
  ])('$name', ({ zone, iso, expected }) => {
    expect(isUnambiguousLocalTime(zone, utc(iso))).toBe(expected);
  });
});
