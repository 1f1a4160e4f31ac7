/**
 * Where a zone has a current yearly rule, its VTIMEZONE carries the rule as a
 * STANDARD/DAYLIGHT pair with RRULE (what Outlook expects and Ruby's icalendar
 * gem requires); changes before the rule began stay dated observances, and a
 * zone without DST today (Moscow since 2014, Baku since 2016) stays dated.
 */
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import nodeIcal from 'node-ical';
import { buildFeed } from '../../src/domain/calendar';
import { buildVtimezone, isUnambiguousLocalTime } from '../../src/domain/calendar/vtimezone';
import { aFeed, aFeedEntry, at, contentLines } from '../support/ics';

/** The observances of a VTIMEZONE: kind, DTSTART and RRULE ('' for a dated one). */
function observances(text: string): { kind: string; start: string; rrule: string }[] {
  const found: { kind: string; start: string; rrule: string }[] = [];
  for (const line of contentLines(text)) {
    const begin = /^BEGIN:(STANDARD|DAYLIGHT)$/.exec(line);
    if (begin) found.push({ kind: begin[1]!, start: '', rrule: '' });
    else if (line.startsWith('DTSTART:')) found[found.length - 1]!.start = line.slice(8);
    else if (line.startsWith('RRULE:')) found[found.length - 1]!.rrule = line.slice(6);
  }
  return found;
}

describe('buildVtimezone writes the current yearly rule as RRULE observances', () => {
  it.each([
    {
      name: 'Berlin 2019: last Sundays of March and October',
      zone: 'Europe/Berlin', from: 2019, to: 2019,
      rules: [
        { kind: 'DAYLIGHT', start: '20190331T020000', rrule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU' },
        { kind: 'STANDARD', start: '20191027T030000', rrule: 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU' },
      ],
      dated: ['20190101T000000'],
    },
    {
      name: 'New York 2019: second Sunday of March, first of November',
      zone: 'America/New_York', from: 2019, to: 2019,
      rules: [
        { kind: 'DAYLIGHT', start: '20190310T020000', rrule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU' },
        { kind: 'STANDARD', start: '20191103T020000', rrule: 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU' },
      ],
      dated: ['20190101T000000'],
    },
    {
      name: 'New York 2006–2008: the 2006 (April/October) changes dated, the 2007 rule as RRULE',
      zone: 'America/New_York', from: 2006, to: 2008,
      rules: [
        { kind: 'DAYLIGHT', start: '20070311T020000', rrule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU' },
        { kind: 'STANDARD', start: '20071104T020000', rrule: 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU' },
      ],
      dated: ['20060101T000000', '20060402T020000', '20061029T020000'],
    },
    {
      name: 'Sydney 2019: the southern summer spans the new year',
      zone: 'Australia/Sydney', from: 2019, to: 2019,
      rules: [
        { kind: 'STANDARD', start: '20190407T030000', rrule: 'FREQ=YEARLY;BYMONTH=4;BYDAY=1SU' },
        { kind: 'DAYLIGHT', start: '20191006T020000', rrule: 'FREQ=YEARLY;BYMONTH=10;BYDAY=1SU' },
      ],
      dated: ['20190101T000000'],
    },
    { name: 'Moscow 2010–2019: no DST since 2011, so every change stays dated', zone: 'Europe/Moscow', from: 2010, to: 2019, rules: [], dated: ['20100101T000000', '20100328T020000', '20101031T030000', '20110327T020000', '20141026T020000'] },
    { name: 'Baku 2015–2016: DST abolished in 2016, dated', zone: 'Asia/Baku', from: 2015, to: 2016, rules: [], dated: ['20150101T000000', '20150329T040000', '20151025T050000'] },
    { name: 'Tokyo 2019: no changes at all', zone: 'Asia/Tokyo', from: 2019, to: 2019, rules: [], dated: ['20190101T000000'] },
  ])('$name', ({ zone, from, to, rules, dated }) => {
    const all = observances(buildVtimezone(zone, from, to));
    expect(all.filter((o) => o.rrule !== '')).toEqual(rules);
    expect(all.filter((o) => o.rrule === '').map((o) => o.start)).toEqual(dated);
  });
});

// ical.js computes offsets only from the VTIMEZONE it is given; with an RRULE it
// must project the rule onto years after the covered range too.
it.each([
  { zone: 'Europe/Berlin', from: 2019, to: 2019, check: [2019, 2021] },
  { zone: 'America/New_York', from: 2006, to: 2008, check: [2006, 2009] },
  { zone: 'Australia/Sydney', from: 2019, to: 2019, check: [2019, 2021] },
  { zone: 'Australia/Lord_Howe', from: 2019, to: 2019, check: [2019, 2020] },
])('ical.js reads $zone ($from–$to) to the instants luxon gives, every hour of $check', ({ zone, from, to, check }) => {
  const component = new ICAL.Component(ICAL.parse(buildVtimezone(zone, from, to)) as unknown[]);
  const timezone = new ICAL.Timezone({ component, tzid: zone });
  const mismatches: string[] = [];
  const start = DateTime.fromObject({ year: check[0]! }, { zone }).toMillis();
  const end = DateTime.fromObject({ year: check[1]! + 1 }, { zone }).toMillis();
  for (let t = start; t < end; t += 3_600_000) {
    if (!isUnambiguousLocalTime(zone, t)) continue;
    const local = DateTime.fromMillis(t, { zone });
    const time = new ICAL.Time({ year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: 0 }, timezone);
    if (time.toUnixTime() * 1000 !== t) mismatches.push(local.toISO() ?? String(t));
  }
  expect(mismatches).toEqual([]);
});

it.each([
  { name: 'Berlin, summer', zone: 'Europe/Berlin', local: '2019-07-01T10:00' },
  { name: 'Berlin, winter', zone: 'Europe/Berlin', local: '2019-12-02T10:00' },
  { name: 'New York, after the November change', zone: 'America/New_York', local: '2019-11-04T09:30' },
  { name: 'Sydney, January (southern summer)', zone: 'Australia/Sydney', local: '2019-01-15T09:00' },
])('node-ical reads an event in a feed with an RRULE VTIMEZONE at its instant: $name', ({ zone, local }) => {
  const start = at(local, zone);
  const text = buildFeed(aFeed({ forumTimeZone: zone, entries: [aFeedEntry({ timeZone: zone, startUtc: start, endUtc: start + 3_600_000 })] }));
  const events = Object.values(nodeIcal.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as nodeIcal.VEvent[];
  expect(events.map((e) => e.start.getTime())).toEqual([start]);
});
