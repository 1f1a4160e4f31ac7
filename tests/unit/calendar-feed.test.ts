import nodeIcal from 'node-ical';
import { FEED_PRODID, buildFeed, computeEtag } from '../../src/domain/calendar';
import type { FeedEntryStatus } from '../../src/domain/calendar';
import {
  AZERBAIJANI_NAME,
  LONG_RUSSIAN_TITLE,
  aFeed,
  aFeedEntry,
  at,
  contentLines,
  foldingProblems,
  parseWithIcalJs,
  propertyValues,
  unescapeText,
} from '../support/ics';

const threeMeetings = () => [
  aFeedEntry({ uid: 'meeting-1@forum-planner', sequence: 0 }),
  aFeedEntry({ uid: 'meeting-2@forum-planner', sequence: 4, status: 'tentative', startUtc: at('2019-06-07T12:00'), endUtc: at('2019-06-07T12:30') }),
  aFeedEntry({ uid: 'meeting-3@forum-planner', sequence: 2, status: 'cancelled', startUtc: at('2019-06-08T09:00'), endUtc: at('2019-06-08T10:00') }),
];

describe('buildFeed: identity and change tracking', () => {
  it('is read by ical.js and node-ical with the UIDs, SEQUENCEs and instants given', () => {
    const entries = threeMeetings();
    const text = buildFeed(aFeed({ entries }));
    const expected = entries.map((e) => ({ uid: e.uid, sequence: e.sequence, start: e.startUtc, end: e.endUtc }));

    const byIcalJs = parseWithIcalJs(text).map(({ uid, sequence, start, end }) => ({ uid, sequence, start, end }));
    expect(byIcalJs).toEqual(expected);

    const byNodeIcal = Object.values(nodeIcal.sync.parseICS(text)).flatMap((e) =>
      e?.type === 'VEVENT' ? [{ uid: e.uid, sequence: Number(e.sequence), start: e.start.getTime(), end: e.end?.getTime() }] : [],
    );
    expect(byNodeIcal).toEqual(expected);
  });

  it('prints the same bytes (and ETag) for the same data, whenever it is built', () => {
    const first = buildFeed(aFeed({ entries: threeMeetings() }));
    const second = buildFeed(aFeed({ entries: threeMeetings() }));
    expect(second).toBe(first);
    expect(computeEtag(second)).toBe(computeEtag(first));
    expect(computeEtag(first)).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
  });

  it('keeps the UID and changes SEQUENCE and ETag when a meeting changes', () => {
    const before = buildFeed(aFeed({ entries: [aFeedEntry({ sequence: 1 })] }));
    const moved = aFeedEntry({ sequence: 2, startUtc: at('2019-06-07T15:00'), endUtc: at('2019-06-07T16:00'), lastModified: at('2019-06-05T08:00') });
    const after = buildFeed(aFeed({ entries: [moved] }));
    expect(propertyValues(after, 'UID')).toEqual(propertyValues(before, 'UID'));
    expect(propertyValues(after, 'SEQUENCE')).toEqual(['2']);
    expect(computeEtag(after)).not.toBe(computeEtag(before));
  });

  it('uses the fixed PRODID and no METHOD, ATTENDEE or ORGANIZER', () => {
    const text = buildFeed(aFeed({ entries: threeMeetings() }));
    expect(propertyValues(text, 'PRODID')).toEqual([FEED_PRODID]);
    expect(FEED_PRODID).toBe('-//forum-planner//Forum Planner//EN');
    expect(text).not.toMatch(/^(METHOD|ATTENDEE|ORGANIZER)[;:]/m);
  });

  it('stamps DTSTAMP, CREATED and LAST-MODIFIED in UTC, DTSTAMP being the last modification', () => {
    const entry = aFeedEntry({ createdAt: Date.UTC(2019, 4, 20, 6, 0), lastModified: Date.UTC(2019, 5, 1, 9, 30, 15) });
    const text = buildFeed(aFeed({ entries: [entry] }));
    expect(propertyValues(text, 'DTSTAMP')).toEqual(['20190601T093015Z']);
    expect(propertyValues(text, 'LAST-MODIFIED')).toEqual(['20190601T093015Z']);
    expect(propertyValues(text, 'CREATED')).toEqual(['20190520T060000Z']);
  });
});

describe('buildFeed: status', () => {
  it.each<{ name: string; status: FeedEntryStatus; summary: string; transp: string }>([
    { name: 'tentative', status: 'tentative', summary: 'Bilateral', transp: 'OPAQUE' },
    { name: 'confirmed', status: 'confirmed', summary: 'Bilateral', transp: 'OPAQUE' },
    { name: 'cancelled stays in the feed, marked and free', status: 'cancelled', summary: 'Cancelled: Bilateral', transp: 'TRANSPARENT' },
  ])('$name', ({ status, summary, transp }) => {
    const text = buildFeed(aFeed({ entries: [aFeedEntry({ status, title: 'Bilateral' })] }));
    expect(propertyValues(text, 'STATUS')).toEqual([status.toUpperCase()]);
    expect(propertyValues(text, 'SUMMARY')).toEqual([summary]);
    expect(propertyValues(text, 'TRANSP')).toEqual([transp]);
  });
});

describe('buildFeed: time zones', () => {
  const entries = [
    aFeedEntry({ uid: 'spb@fp' }),
    aFeedEntry({ uid: 'berlin@fp', timeZone: 'Europe/Berlin', startUtc: at('2019-10-26T18:00', 'Europe/Berlin'), endUtc: at('2019-10-26T19:00', 'Europe/Berlin') }),
    aFeedEntry({ uid: 'baku@fp', timeZone: 'Asia/Baku', startUtc: at('2019-06-10T09:00', 'Asia/Baku'), endUtc: at('2019-06-10T10:00', 'Asia/Baku') }),
    aFeedEntry({ uid: 'spb-2014@fp', startUtc: at('2014-10-27T10:00'), endUtc: at('2014-10-27T11:00') }),
  ];

  it('gives every TZID used exactly one VTIMEZONE, covering the years of its meetings', () => {
    const text = buildFeed(aFeed({ entries }));
    const used = new Set(contentLines(text).flatMap((l) => /;TZID=([^;:]+)/.exec(l)?.[1] ?? []));
    expect([...used].sort()).toEqual(['Asia/Baku', 'Europe/Berlin', 'Europe/Moscow']);
    expect(propertyValues(text, 'TZID').sort()).toEqual([...used].sort());
    expect(text).toContain('DTSTART:20141026T020000'); // Moscow's 2014 change, needed by spb-2014
    expect(propertyValues(text, 'DTSTART;TZID=Europe/Moscow')).toEqual(['20190607T100000', '20141027T100000']);
  });

  it('announces the forum zone as X-WR-TIMEZONE before any component', () => {
    const lines = contentLines(buildFeed(aFeed({ entries })));
    const firstComponent = lines.findIndex((l) => l.startsWith('BEGIN:V') && l !== 'BEGIN:VCALENDAR');
    const calendarProperties = lines.slice(0, firstComponent);
    expect(calendarProperties).toEqual(expect.arrayContaining(['X-WR-TIMEZONE:Europe/Moscow', 'REFRESH-INTERVAL;VALUE=DURATION:PT15M', 'X-PUBLISHED-TTL:PT15M']));
    expect(lines.at(-1)).toBe('END:VCALENDAR');
  });

  it('prints a meeting in the hour repeated at the end of DST in UTC, so no client picks the wrong pass', () => {
    const entry = aFeedEntry({ timeZone: 'Europe/Berlin', startUtc: Date.UTC(2019, 9, 27, 1, 30), endUtc: Date.UTC(2019, 9, 27, 2, 30) });
    const text = buildFeed(aFeed({ entries: [entry] }));
    expect(propertyValues(text, 'DTSTART')).toEqual(['20191027T013000Z']);
    expect(text).not.toContain('TZID:Europe/Berlin');
    expect(parseWithIcalJs(text)[0]).toMatchObject({ start: entry.startUtc, end: entry.endUtc });
  });

  it('prints a meeting planned in UTC without TZID or VTIMEZONE', () => {
    const text = buildFeed(aFeed({ entries: [aFeedEntry({ timeZone: 'UTC' })] }));
    expect(propertyValues(text, 'DTSTART')).toEqual(['20190607T070000Z']);
    expect(text).not.toContain('BEGIN:VTIMEZONE');
  });
});

describe('buildFeed: control characters stored before input was normalised', () => {
  it.each([
    { name: 'NUL and vertical tab inside a title', title: 'Signing\u0000 of\u000b the road map', location: 'Hall\u0007 B', summary: 'SUMMARY:Signing of the road map', at: 'LOCATION:Hall B' },
    { name: 'a title of control characters only', title: '\u0000\u000b\u007f', location: '\u0001', summary: 'SUMMARY:Signing ceremony', at: null },
  ])('$name: prints what remains, names a blank title by its kind, and never a control character', ({ title, location, summary, at }) => {
    const text = buildFeed(aFeed({ entries: [aFeedEntry({ title, location, kind: 'signing' })] }));
    expect(text).toContain(summary + '\r\n');
    if (at) expect(text).toContain(at + '\r\n');
    else expect(text).not.toContain('LOCATION:');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  });
});

describe('buildFeed: text', () => {
  const entry = aFeedEntry({
    title: LONG_RUSSIAN_TITLE,
    kind: 'signing',
    location: 'Конгресс-холл, ЭкспоФорум, Петербургское шоссе, 64/1; Санкт-Петербург',
    counterparts: [{ name: 'Александр Дрозденко', position: 'Губернатор', organization: 'Ленинградская область' }],
    ourParticipants: [
      { name: AZERBAIJANI_NAME, role: 'principal' },
      { name: 'Leyla Məmmədova', role: 'interpreter' },
    ],
    briefing: 'Внутренняя справка: не обсуждать тарифы.\nSecond line; with, punctuation',
    documents: [{ title: LONG_RUSSIAN_TITLE, parties: 'Азербайджанская Республика, Ленинградская область', signed: false }],
  });

  it('folds long Cyrillic and Azerbaijani lines at 75 octets, never inside a character', () => {
    const text = buildFeed(aFeed({ entries: [entry] }));
    expect(foldingProblems(text)).toEqual([]);
    expect(text.split('\r\n').filter((l) => l.startsWith(' ')).length).toBeGreaterThan(5);
    const [parsed] = parseWithIcalJs(text);
    expect(parsed?.summary).toBe(LONG_RUSSIAN_TITLE);
    expect(parsed?.description).toContain(`- ${AZERBAIJANI_NAME} (principal)`);
  });

  it('describes kind, counterparts with positions, our people, briefing, documents and the link', () => {
    const description = unescapeText(propertyValues(buildFeed(aFeed({ entries: [entry] })), 'DESCRIPTION')[0] ?? '');
    expect(description).toBe(
      [
        'Signing ceremony',
        '',
        'Counterparts:',
        '- Александр Дрозденко, Губернатор, Ленинградская область',
        '',
        'Our participants:',
        `- ${AZERBAIJANI_NAME} (principal)`,
        '- Leyla Məmmədova (interpreter)',
        '',
        'Briefing:',
        'Внутренняя справка: не обсуждать тарифы.\nSecond line; with, punctuation',
        '',
        'Documents to sign:',
        `- ${LONG_RUSSIAN_TITLE}, Азербайджанская Республика, Ленинградская область`,
        '',
        'Programme page: https://planner.example/meetings/42',
      ].join('\n'),
    );
  });

  it('leaves the briefing out of a public feed entirely', () => {
    const text = buildFeed(aFeed({ scope: 'public', entries: [entry] }));
    expect(contentLines(text).join('\n')).not.toContain('Внутренняя справка');
    expect(unescapeText(propertyValues(text, 'DESCRIPTION')[0] ?? '')).not.toContain('Briefing:');
  });

  it('escapes TEXT values: commas and semicolons in names, location and categories', () => {
    const text = buildFeed(aFeed({ calendarName: 'AZ; SPIEF, 2019', entries: [entry] }));
    expect(propertyValues(text, 'X-WR-CALNAME')).toEqual(['AZ\\; SPIEF\\, 2019']);
    expect(propertyValues(text, 'NAME')).toEqual(['AZ\\; SPIEF\\, 2019']);
    expect(unescapeText(propertyValues(text, 'LOCATION')[0] ?? '')).toBe(entry.location);
    expect(propertyValues(text, 'CATEGORIES')).toEqual(['Signing ceremony']);
    expect(propertyValues(text, 'URL;VALUE=URI')).toEqual([entry.url]);
  });

  it('says in the description when a meeting is not confirmed, since many clients hide STATUS', () => {
    const text = buildFeed(aFeed({ entries: [aFeedEntry({ status: 'tentative' })] }));
    expect(unescapeText(propertyValues(text, 'DESCRIPTION')[0] ?? '')).toMatch(/^Bilateral meeting \(TENTATIVE\)\n/);
  });
});

describe('buildFeed: refresh and refusals', () => {
  it('asks clients to poll as often as requested', () => {
    const text = buildFeed(aFeed({ refreshMinutes: 60 }));
    expect(propertyValues(text, 'REFRESH-INTERVAL;VALUE=DURATION')).toEqual(['PT1H']);
    expect(propertyValues(text, 'X-PUBLISHED-TTL')).toEqual(['PT1H']);
  });

  it.each([
    { name: 'duplicate UID', input: aFeed({ entries: [aFeedEntry(), aFeedEntry()] }), error: /appears twice/ },
    { name: 'end before start', input: aFeed({ entries: [aFeedEntry({ endUtc: at('2019-06-07T09:00') })] }), error: /ends before it starts/ },
    { name: 'unknown zone', input: aFeed({ entries: [aFeedEntry({ timeZone: 'Europe/Leningrad' })] }), error: /unknown time zone "Europe\/Leningrad"/ },
    { name: 'negative sequence', input: aFeed({ entries: [aFeedEntry({ sequence: -1 })] }), error: /SEQUENCE -1/ },
    { name: 'zero refresh', input: aFeed({ refreshMinutes: 0 }), error: /refreshMinutes/ },
  ])('refuses $name', ({ input, error }) => {
    expect(() => buildFeed(input)).toThrow(error);
  });
});
