import { DateTime } from 'luxon';
import { buildAgenda, forumDays, type AgendaInput, type AgendaSource, takeSnapshot } from '../../src/domain/agenda';
import { message } from '../../src/messages';

const MOSCOW = 'Europe/Moscow';

/** Moscow wall clock -> instant; the fixtures read like the programme does. */
const msk = (local: string) => DateTime.fromISO(local, { zone: MOSCOW }).toMillis();

let nextId = 1;
function aSource(overrides: Partial<AgendaSource> = {}): AgendaSource {
  const id = overrides.meetingId ?? nextId++;
  return {
    meetingId: id,
    title: `Meeting ${id}`,
    kind: 'bilateral',
    status: 'confirmed',
    startUtc: msk('2019-06-07T10:00'),
    endUtc: msk('2019-06-07T11:00'),
    timeZone: MOSCOW,
    venueId: 1,
    place: 'Room D2, Expoforum',
    venueName: 'Expoforum',
    address: 'Peterburgskoye sh. 64/1',
    counterparts: [{ name: 'Rustam Minnikhanov', position: 'President', organization: 'Republic of Tatarstan' }],
    ourParticipants: [{ name: 'Shahin Mustafayev', role: 'principal' }],
    interpreters: ['Leyla Aliyeva'],
    briefing: 'SECRET-BRIEFING: raise the KAMAZ plant',
    documents: [{ title: 'SECRET-DOC memorandum', parties: 'AZ / Tatarstan', signedOn: null }],
    contactOnSite: 'SECRET-PHONE +7 900 000 00 00',
    updatedAt: msk('2019-06-01T09:00'),
    sequence: 0,
    ...overrides,
  };
}

function anInput(overrides: Partial<AgendaInput> = {}): AgendaInput {
  return {
    scope: { kind: 'delegation', title: 'Delegation of Azerbaijan', isPrivate: true },
    forum: { name: 'SPIEF 2019', timeZone: MOSCOW, startDate: '2019-06-06', endDate: '2019-06-08' },
    homeTimeZone: 'Asia/Baku',
    locale: 'en',
    days: ['2019-06-07'],
    entries: [],
    conflicts: [],
    travelTimes: [],
    snapshot: null,
    now: msk('2019-06-06T21:00'),
    ...overrides,
  };
}

function snapshotOf(sources: AgendaSource[], printedAt = msk('2019-06-06T20:00')) {
  return takeSnapshot(sources, printedAt);
}

function dayEntries(input: Partial<AgendaInput>) {
  const agenda = buildAgenda(anInput(input));
  return agenda.days[0]!.entries;
}

describe('buildAgenda: order of entries', () => {
  it.each([
    {
      name: 'by start',
      rows: [['B', '11:00', '12:00'], ['A', '09:00', '10:00'], ['C', '10:00', '10:30']],
      expected: ['A', 'C', 'B'],
    },
    {
      name: 'same start: shorter first',
      rows: [['Long', '10:00', '12:00'], ['Short', '10:00', '10:30']],
      expected: ['Short', 'Long'],
    },
    {
      name: 'same start and end: by title',
      rows: [['Signing', '10:00', '11:00'], ['Bilateral', '10:00', '11:00']],
      expected: ['Bilateral', 'Signing'],
    },
  ])('$name', ({ rows, expected }) => {
    const entries = rows.map(([title, start, end]) =>
      aSource({ title, startUtc: msk(`2019-06-07T${start}`), endUtc: msk(`2019-06-07T${end}`) }),
    );
    expect(dayEntries({ entries }).map((e) => e.title)).toEqual(expected);
  });
});

describe('buildAgenda: forum zone and home zone', () => {
  it.each([
    { name: 'Baku beside Moscow', home: 'Asia/Baku', start: '10:00', end: '11:00', time: '10:00–11:00', homeTime: { zone: 'Asia/Baku', time: '11:00–12:00' } },
    { name: 'no home zone', home: null, start: '10:00', end: '11:00', time: '10:00–11:00', homeTime: null },
    { name: 'home zone is the forum zone', home: MOSCOW, start: '10:00', end: '11:00', time: '10:00–11:00', homeTime: null },
    { name: 'home clock equals forum clock (Minsk)', home: 'Europe/Minsk', start: '10:00', end: '11:00', time: '10:00–11:00', homeTime: null },
    { name: 'runs past midnight', home: 'Asia/Baku', start: '23:30', end: '24:30', time: '23:30–00:30 (+1)', homeTime: { zone: 'Asia/Baku', time: '00:30 (+1)–01:30 (+1)' } },
    { name: 'home zone west of the forum', home: 'Europe/London', start: '00:30', end: '01:30', time: '00:30–01:30', homeTime: { zone: 'Europe/London', time: '22:30 (−1)–23:30 (−1)' } },
    { name: 'zero-length item', home: 'Asia/Baku', start: '10:00', end: '10:00', time: '10:00', homeTime: { zone: 'Asia/Baku', time: '11:00' } },
  ])('$name', ({ home, start, end, time, homeTime }) => {
    const endUtc = end === '24:30' ? msk('2019-06-08T00:30') : msk(`2019-06-07T${end}`);
    const [entry] = dayEntries({ homeTimeZone: home, entries: [aSource({ startUtc: msk(`2019-06-07T${start}`), endUtc })] });
    expect(entry).toMatchObject({ timeRange: time, homeTimeRange: homeTime });
  });

  it('shows the meeting zone as a third clock when it is neither the forum zone nor home', () => {
    const [entry] = dayEntries({ entries: [aSource({ timeZone: 'Europe/London' })] });
    expect(entry).toMatchObject({ timeRange: '10:00–11:00', homeTimeRange: { zone: 'Asia/Baku', time: '11:00–12:00' }, meetingZoneTimeRange: { zone: 'Europe/London', time: '08:00–09:00' } });
  });

  it('names both zones in the heading', () => {
    expect(buildAgenda(anInput())).toMatchObject({ forumZoneCity: 'Moscow', homeZoneCity: 'Baku' });
  });
});

describe('buildAgenda: the forum zone decides the page', () => {
  it.each([
    { name: '00:30 Moscow (21:30 UTC the day before)', start: '2019-06-07T00:30', end: '2019-06-07T01:00', page: '2019-06-07' },
    { name: '23:59 Moscow stays on its own day', start: '2019-06-06T23:59', end: '2019-06-07T00:10', page: '2019-06-06' },
    { name: 'crosses midnight: the day it starts', start: '2019-06-07T23:00', end: '2019-06-08T01:00', page: '2019-06-07' },
  ])('$name', ({ start, end, page }) => {
    const source = aSource({ startUtc: msk(start), endUtc: msk(end) });
    const agenda = buildAgenda(anInput({ days: forumDays({ startDate: '2019-06-06', endDate: '2019-06-08' }), entries: [source] }));
    const pages = agenda.days.filter((d) => d.entries.some((e) => e.meetingId === source.meetingId)).map((d) => d.date);
    expect(pages).toEqual([page]);
  });
});

describe('buildAgenda: private notes', () => {
  it.each([
    { name: 'delegate (private)', scope: { kind: 'person' as const, title: 'Shahin Mustafayev', isPrivate: true }, visible: true },
    { name: 'room door sheet', scope: { kind: 'room' as const, title: 'Room D2', isPrivate: false }, visible: false },
    { name: 'public delegation sheet', scope: { kind: 'delegation' as const, title: 'Azerbaijan', isPrivate: false }, visible: false },
  ])('$name', ({ scope, visible }) => {
    const agenda = buildAgenda(anInput({ scope, entries: [aSource()] }));
    const text = JSON.stringify(agenda);
    expect(agenda.days[0]!.entries[0]!.privateNotes !== null).toBe(visible);
    for (const secret of ['SECRET-BRIEFING', 'SECRET-DOC', 'SECRET-PHONE']) expect(text.includes(secret)).toBe(visible);
    // Who meets whom is what a door sheet is for.
    expect(agenda.days[0]!.entries[0]).toMatchObject({ counterparts: [{ name: 'Rustam Minnikhanov' }], interpreters: ['Leyla Aliyeva'] });
  });
});

describe('buildAgenda: transfer between venues', () => {
  const expoforum = { venueId: 1, venueName: 'Expoforum', place: 'Room D2, Expoforum' };
  const astoria = { venueId: 2, venueName: 'Hotel Astoria', place: 'Hotel Astoria, Bolshaya Morskaya 39' };
  const first = (over: Partial<AgendaSource>) =>
    aSource({ ...over, startUtc: msk('2019-06-07T10:00'), endUtc: msk('2019-06-07T11:00') });
  const second = (over: Partial<AgendaSource>) =>
    aSource({ ...over, startUtc: msk('2019-06-07T11:45'), endUtc: msk('2019-06-07T12:30') });
  const matrix = [{ fromVenueId: 1, toVenueId: 2, minutes: 40 }];

  it.each([
    { name: 'same venue, other room', rows: [first(expoforum), second({ ...expoforum, place: 'Room F1, Expoforum' })], travel: matrix, expected: null },
    { name: 'venue change, enough time', rows: [first(expoforum), second(astoria)], travel: matrix, expected: { minutes: 40, fromPlace: 'Expoforum', gapMinutes: 45, isTight: false } },
    { name: 'venue change, too little time', rows: [first(expoforum), second(astoria)], travel: [{ fromVenueId: 1, toVenueId: 2, minutes: 60 }], expected: { minutes: 60, gapMinutes: 45, isTight: true } },
    { name: 'only the reverse row is known', rows: [first(astoria), second(expoforum)], travel: matrix, expected: { minutes: 40, fromPlace: 'Hotel Astoria' } },
    { name: 'pair missing from the matrix', rows: [first(expoforum), second(astoria)], travel: [], expected: { fromPlace: 'Expoforum', gapMinutes: 45, isTight: false } },
    { name: 'free-text places differ', rows: [first({ venueId: null, venueName: '', place: 'Embassy of Azerbaijan', address: '' }), second(astoria)], travel: matrix, expected: { fromPlace: 'Embassy of Azerbaijan', gapMinutes: 45 } },
    { name: 'after a travel item', rows: [first({ ...expoforum, kind: 'travel' }), second(astoria)], travel: matrix, expected: null },
  ])('$name', ({ rows, travel, expected }) => {
    const entries = dayEntries({ entries: rows, travelTimes: travel });
    expect(entries[0]!.transferFromPrevious).toBeNull();
    if (expected === null) expect(entries[1]!.transferFromPrevious).toBeNull();
    else expect(entries[1]!.transferFromPrevious).toMatchObject(expected);
    if (expected && !('minutes' in expected)) expect(entries[1]!.transferFromPrevious).not.toHaveProperty('minutes');
  });

  it('measures from the last meeting still going ahead, not from a struck-out one', () => {
    const kept = first(expoforum);
    const dropped = aSource({ ...astoria, startUtc: msk('2019-06-07T11:00'), endUtc: msk('2019-06-07T11:30') });
    const after = aSource({ ...expoforum, startUtc: msk('2019-06-07T12:00'), endUtc: msk('2019-06-07T13:00') });
    const snapshot = snapshotOf([kept, dropped, after]);
    const entries = dayEntries({ entries: [kept, { ...dropped, status: 'cancelled' }, after], snapshot, travelTimes: matrix });
    expect(entries.map((e) => [e.isCancelled, e.transferFromPrevious])).toEqual([[false, null], [true, null], [false, null]]);
  });
});

describe('buildAgenda: change marks against the last print', () => {
  const original = aSource({ meetingId: 500, title: 'Bilateral with Tatarstan' });
  it.each([
    { name: 'first print: no marks', snapshot: null, now: original, mark: null },
    { name: 'unchanged', snapshot: [original], now: original, mark: null },
    { name: 'added since the print', snapshot: [], now: original, mark: 'new' },
    { name: 'moved to 12:00', snapshot: [original], now: { ...original, startUtc: msk('2019-06-07T12:00'), endUtc: msk('2019-06-07T13:00') }, mark: 'moved' },
    { name: 'only the end moved', snapshot: [original], now: { ...original, endUtc: msk('2019-06-07T11:30') }, mark: 'moved' },
    { name: 'retitled', snapshot: [original], now: { ...original, title: 'Bilateral with the Republic of Tatarstan' }, mark: 'changed' },
    { name: 'other room', snapshot: [original], now: { ...original, place: 'Room F1, Expoforum' }, mark: 'changed' },
    { name: 'tentative became confirmed', snapshot: [{ ...original, status: 'tentative' as const }], now: original, mark: 'changed' },
    { name: 'cancelled after the print', snapshot: [original], now: { ...original, status: 'cancelled' as const }, mark: 'cancelled' },
  ])('$name', ({ snapshot, now, mark }) => {
    const [entry] = dayEntries({ entries: [now], snapshot: snapshot && snapshotOf(snapshot) });
    expect(entry!.change).toBe(mark);
  });
});

describe('buildAgenda: what is not printed', () => {
  const meeting = aSource({ meetingId: 600 });
  const cancelled = { ...meeting, status: 'cancelled' as const };
  it.each([
    { name: 'cancelled, never printed', source: cancelled, snapshot: null, printed: false },
    { name: 'cancelled, not on the last print', source: cancelled, snapshot: [], printed: false },
    { name: 'cancelled before the last print', source: cancelled, snapshot: [cancelled], printed: false },
    { name: 'cancelled after the last print: struck through', source: cancelled, snapshot: [meeting], printed: true },
    { name: 'proposed', source: { ...meeting, status: 'proposed' as const }, snapshot: null, printed: false },
    { name: 'proposed, even if once printed', source: { ...meeting, status: 'proposed' as const }, snapshot: [meeting], printed: false },
    { name: 'tentative', source: { ...meeting, status: 'tentative' as const }, snapshot: null, printed: true },
  ])('$name', ({ source, snapshot, printed }) => {
    const entries = dayEntries({ entries: [source], snapshot: snapshot && snapshotOf(snapshot) });
    expect(entries.length).toBe(printed ? 1 : 0);
    if (printed) expect(entries[0]).toMatchObject({ isCancelled: source.status === 'cancelled', isTentative: source.status === 'tentative' });
  });
});

describe('buildAgenda: what left the page since the last print', () => {
  const onFriday = aSource({ meetingId: 700, title: 'Signing with Rosatom' });
  const toSaturday = { ...onFriday, startUtc: msk('2019-06-08T10:00'), endUtc: msk('2019-06-08T11:00') };
  it.each([
    { name: 'moved to Saturday', now: [toSaturday], reason: 'moved_to_another_day', nowAt: 'Saturday, 8 June 2019 10:00–11:00' },
    { name: 'cancelled and moved', now: [{ ...toSaturday, status: 'cancelled' as const }], reason: 'cancelled', nowAt: null },
    { name: 'deleted or scope removed', now: [], reason: 'no_longer_in_programme', nowAt: null },
  ])('$name', ({ now, reason, nowAt }) => {
    const day = buildAgenda(anInput({ entries: now, snapshot: snapshotOf([onFriday]) })).days[0]!;
    expect(day.removedSincePrint).toEqual([{ meetingId: 700, title: 'Signing with Rosatom', wasTimeRange: '10:00–11:00', reason, nowAt }]);
  });
});

describe('buildAgenda: booklet and footer', () => {
  it('has one page per forum day, empty days included', () => {
    const entries = [aSource({ startUtc: msk('2019-06-07T10:00') })];
    const agenda = buildAgenda(anInput({ days: forumDays({ startDate: '2019-06-06', endDate: '2019-06-08' }), entries }));
    expect(agenda.days.map((d) => [d.weekdayLong, d.entries.length])).toEqual([
      ['Thursday, 6 June 2019', 0],
      ['Friday, 7 June 2019', 1],
      ['Saturday, 8 June 2019', 0],
    ]);
  });

  it('lists a conflict on each page that shows one of its meetings, and flags the entries', () => {
    const late = aSource({ startUtc: msk('2019-06-07T23:30'), endUtc: msk('2019-06-08T00:30') });
    const early = aSource({ startUtc: msk('2019-06-08T00:15'), endUtc: msk('2019-06-08T01:00') });
    const other = aSource({ startUtc: msk('2019-06-08T09:00'), endUtc: msk('2019-06-08T10:00') });
    const conflict = { meetingIds: [late.meetingId, early.meetingId], message: message('conflict.kind.title', { kind: 'person_double_booked' }), severity: 'warning' as const };
    const agenda = buildAgenda(anInput({ days: ['2019-06-06', '2019-06-07', '2019-06-08'], entries: [late, early, other], conflicts: [conflict] }));
    expect(agenda.days.map((d) => d.conflicts.length)).toEqual([0, 1, 1]);
    expect(agenda.days[2]!.entries.map((e) => e.hasConflict)).toEqual([true, false]);
  });

  it('changes the version stamp when a printed meeting changes, and only then', () => {
    const source = aSource();
    const stamp = (s: AgendaSource, now = msk('2019-06-06T21:00')) => buildAgenda(anInput({ entries: [s], now })).versionStamp;
    expect(stamp(source)).toMatch(/^[0-9a-f]{8}$/);
    expect(stamp(source, msk('2019-06-07T08:00'))).toBe(stamp(source));
    expect(stamp({ ...source, sequence: 1, updatedAt: source.updatedAt + 1 })).not.toBe(stamp(source));
  });

  it('says when the compared print was made', () => {
    const agenda = buildAgenda(anInput({ snapshot: snapshotOf([], msk('2019-06-06T20:00')) }));
    expect(agenda).toMatchObject({
      generatedAtText: 'Thursday, 6 June 2019, 21:00 Moscow',
      comparedWithPrintText: 'Thursday, 6 June 2019, 20:00 Moscow',
    });
  });
});
