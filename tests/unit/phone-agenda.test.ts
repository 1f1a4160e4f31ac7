/**
 * The phone's reading of an agenda (domain/agenda/phone.ts) and the links a
 * phone acts on (web/presenters-map.ts): now and next against the clock as a
 * property over random days, and tables of named cases for geo: and tel:.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { buildAgenda, phoneAgenda, takeSnapshot, type AgendaInput, type AgendaSource } from '../../src/domain/agenda';
import { message } from '../../src/messages';
import { mapLinkOf, telLinkOf, type MapPlace } from '../../src/web/presenters-map';

const MOSCOW = 'Europe/Moscow';
const msk = (local: string) => DateTime.fromISO(local, { zone: MOSCOW }).toMillis();
const DAYS = ['2019-06-06', '2019-06-07', '2019-06-08'];
const FORUM_START = msk('2019-06-06T00:00');
const MIN = 60_000;

function source(id: number, startUtc: number, minutes: number, status: AgendaSource['status']): AgendaSource {
  return {
    meetingId: id,
    title: `Meeting ${id}`,
    kind: 'bilateral',
    status,
    startUtc,
    endUtc: startUtc + minutes * MIN,
    timeZone: MOSCOW,
    venueId: 1,
    place: 'Room F1, ExpoForum',
    venueName: 'ExpoForum',
    address: 'Peterburgskoye shosse 64/1',
    counterparts: [],
    ourParticipants: [],
    interpreters: [],
    briefing: '',
    documents: [],
    contactOnSite: '',
    updatedAt: FORUM_START,
    sequence: 0,
  };
}

function input(entries: AgendaSource[], now: number, overrides: Partial<AgendaInput> = {}): AgendaInput {
  return {
    scope: { kind: 'delegation', title: 'Delegation of Azerbaijan', isPrivate: true },
    forum: { name: 'SPIEF 2019', timeZone: MOSCOW, startDate: DAYS[0]!, endDate: DAYS[2]! },
    homeTimeZone: 'Asia/Baku',
    locale: 'en',
    days: DAYS,
    entries,
    conflicts: [],
    snapshot: null,
    now,
    ...overrides,
  };
}

/** Meetings on the forum's three days at 5-minute starts, some cancelled; a clock from the day before to the day after. */
const programme = fc.record({
  meetings: fc.array(
    fc.record({ slot: fc.integer({ min: 0, max: (3 * 24 * 60) / 5 - 1 }), minutes: fc.integer({ min: 5, max: 180 }), cancelled: fc.boolean() }),
    { maxLength: 25 },
  ),
  nowMinutes: fc.integer({ min: -24 * 60, max: 4 * 24 * 60 }),
});

describe('now and next, over any programme and any time', () => {
  it('now is exactly what is under way, next exactly the earliest start after it, and today comes first', () => {
    fc.assert(
      fc.property(programme, ({ meetings, nowMinutes }) => {
        const now = FORUM_START + nowMinutes * MIN;
        const sources = meetings.map((m, i) => source(i + 1, FORUM_START + m.slot * 5 * MIN, m.minutes, m.cancelled ? 'cancelled' : 'confirmed'));
        // A cancellation is printed only against an older print that showed it going ahead: the print of the eve had them all.
        const snapshot = takeSnapshot(sources.map((s) => ({ ...s, status: 'confirmed' as const })), FORUM_START - 3 * 3600_000);
        const phone = phoneAgenda(buildAgenda(input(sources, now, { snapshot })), MOSCOW);
        const cards = phone.days.flatMap((d) => d.entries);
        const live = cards.filter((c) => !c.entry.isCancelled);
        const nextStart = Math.min(...live.filter((c) => c.entry.startUtc > now).map((c) => c.entry.startUtc));
        for (const c of cards) {
          const underWay = !c.entry.isCancelled && c.entry.startUtc <= now && now < c.entry.endUtc;
          const isNext = !c.entry.isCancelled && !underWay && c.entry.startUtc === nextStart;
          expect({ id: c.entry.meetingId, moment: c.moment }).toEqual({ id: c.entry.meetingId, moment: underWay ? 'now' : isNext ? 'next' : null });
        }
        const today = DateTime.fromMillis(now, { zone: MOSCOW }).toISODate();
        const order = phone.days.map((d) => d.day.date);
        expect([...order].sort()).toEqual(DAYS);
        if (DAYS.includes(today!)) {
          expect(order[0]).toBe(today);
          expect(phone.days.filter((d) => d.isToday).map((d) => d.day.date)).toEqual([today]);
        } else expect(order).toEqual(DAYS);
      }),
    );
  });
});

describe('an entry’s worst conflict', () => {
  const conflict = (ids: number[], severity: 'error' | 'warning') => ({ meetingIds: ids, message: message('conflict.kind.title', { kind: 'person_double_booked' }), severity });
  it.each([
    { name: 'no conflict', conflicts: [], expected: null },
    { name: 'a warning', conflicts: [conflict([1], 'warning')], expected: 'warning' },
    { name: 'a clash', conflicts: [conflict([1, 2], 'error')], expected: 'error' },
    { name: 'a clash outweighs a warning listed after it', conflicts: [conflict([1, 2], 'error'), conflict([1], 'warning')], expected: 'error' },
    { name: 'a clash outweighs a warning listed before it', conflicts: [conflict([1], 'warning'), conflict([1, 2], 'error')], expected: 'error' },
    { name: 'another meeting’s conflict', conflicts: [conflict([2], 'error')], expected: null },
  ] as const)('$name', ({ conflicts, expected }) => {
    const sources = [source(1, msk('2019-06-07T10:00'), 60, 'confirmed'), source(2, msk('2019-06-07T12:00'), 60, 'confirmed')];
    const agenda = buildAgenda(input(sources, msk('2019-06-06T21:00'), { days: ['2019-06-07'], conflicts: [...conflicts] }));
    expect(agenda.days[0]!.entries.find((e) => e.meetingId === 1)!.conflictSeverity).toBe(expected);
  });
});

describe('mapLinkOf', () => {
  const place = (p: Partial<MapPlace>): MapPlace => ({ address: '', name: '', ...p });
  it.each([
    { name: 'coordinates and a name: the pin, labelled', place: place({ latitude: 59.7634, longitude: 30.3568, name: 'ExpoForum', address: 'Peterburgskoye shosse 64/1' }), expected: 'geo:59.7634,30.3568?q=59.7634,30.3568(ExpoForum)' },
    { name: 'a name in another script is encoded', place: place({ latitude: 59.9465, longitude: 30.3961, name: 'Смольный' }), expected: 'geo:59.9465,30.3961?q=59.9465,30.3961(%D0%A1%D0%BC%D0%BE%D0%BB%D1%8C%D0%BD%D1%8B%D0%B9)' },
    { name: 'brackets and spaces in a name cannot end the label early', place: place({ latitude: 1, longitude: 2, name: 'Hall (A) & B' }), expected: 'geo:1,2?q=1,2(Hall%20%28A%29%20%26%20B)' },
    { name: 'coordinates without a name', place: place({ latitude: -33.9, longitude: 151.2 }), expected: 'geo:-33.9,151.2?q=-33.9,151.2' },
    { name: 'no coordinates: the address to search', place: place({ address: 'Suvorovsky prospekt 67, St. Petersburg', name: 'Smolny' }), expected: 'geo:0,0?q=Suvorovsky%20prospekt%2067%2C%20St.%20Petersburg' },
    { name: 'null coordinates: the address', place: place({ latitude: null, longitude: null, address: 'Bolshaya Morskaya 39' }), expected: 'geo:0,0?q=Bolshaya%20Morskaya%2039' },
    { name: 'only one coordinate: the address', place: place({ latitude: 59.9, address: 'Nevsky 1' }), expected: 'geo:0,0?q=Nevsky%201' },
    { name: 'coordinates off the globe: the address', place: place({ latitude: 91, longitude: 30, address: 'Nevsky 1' }), expected: 'geo:0,0?q=Nevsky%201' },
    { name: 'no address: the free-text place', place: place({ name: 'Hotel Astoria lobby' }), expected: 'geo:0,0?q=Hotel%20Astoria%20lobby' },
    { name: 'nothing to find', place: place({ address: '  ', name: '' }), expected: null },
  ])('$name', ({ place: p, expected }) => {
    expect(mapLinkOf(p)).toBe(expected);
  });
});

describe('telLinkOf', () => {
  it.each([
    { name: 'an international number with spaces', phone: '+994 12 000 00 01', expected: 'tel:+994120000001' },
    { name: 'dashes and brackets', phone: '+7 (812) 576-45-00', expected: 'tel:+78125764500' },
    { name: 'a local number', phone: '576 45 00', expected: 'tel:5764500' },
    { name: 'empty', phone: '', expected: null },
    { name: 'words, no digits', phone: 'ask at the desk', expected: null },
    { name: 'more digits than any number has', phone: '1234567890123456', expected: null },
  ])('$name', ({ phone, expected }) => {
    expect(telLinkOf(phone)).toBe(expected);
  });
});

describe('meetings at the same time, in the reader’s collation', () => {
  const at = msk('2019-06-07T10:00');
  const titlesIn = (locale: AgendaInput['locale'], titles: string[]) => {
    const sources = titles.map((title, i) => ({ ...source(i + 1, at, 60, 'confirmed'), title }));
    return buildAgenda(input(sources, at, { days: ['2019-06-07'], locale })).days[0]!.entries.map((e) => e.title);
  };
  it.each([
    { name: 'Russian: Cyrillic before Latin', locale: 'ru', titles: ['Zebra Group', 'Альфа-Банк'], expected: ['Альфа-Банк', 'Zebra Group'] },
    { name: 'English: Latin before Cyrillic', locale: 'en', titles: ['Альфа-Банк', 'Zebra Group'], expected: ['Zebra Group', 'Альфа-Банк'] },
    { name: 'Azerbaijani: Ə after E, before F', locale: 'az', titles: ['Fərid Holding', 'Ədalət MMC', 'Elm Mərkəzi'], expected: ['Elm Mərkəzi', 'Ədalət MMC', 'Fərid Holding'] },
    { name: 'Azerbaijani: Ğ after G', locale: 'az', titles: ['Ğədir', 'Gəncə', 'Həyat'], expected: ['Gəncə', 'Ğədir', 'Həyat'] },
  ] as const)('$name', ({ locale, titles, expected }) => {
    expect(titlesIn(locale, [...titles])).toEqual(expected);
  });
});
