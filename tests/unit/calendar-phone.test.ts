/**
 * What a phone makes of a feed beyond the meeting itself: a reminder
 * (VALARM), the place on the map (GEO, Apple's structured location), the
 * travel time from the meeting before, how busy the time is (Outlook's
 * BUSYSTATUS) and whether the event is confidential. Each property as named
 * cases, read back by ical.js and node-ical, and the ETag and fingerprint
 * following each.
 */
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { buildFeed, buildSingleEventFile, computeEtag, eventFingerprint, type FeedEntry, type FeedEntryStatus, type FeedPlace } from '../../src/domain/calendar';
import type { Locale } from '../../src/messages/catalogue';
import { singleEvent } from '../support/calendar-cases';
import { aFeed, aFeedEntry, contentLines, foldingProblems, propertyValues, unescapeText } from '../support/ics';

const EXPOFORUM: FeedPlace = { title: 'ExpoForum', address: 'Peterburgskoye shosse 64/1, St. Petersburg', latitude: 59.7636, longitude: 30.3622 };

const vevents = (text: string) => new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent');
const oneEvent = (entry: Partial<FeedEntry>, feed: Parameters<typeof aFeed>[0] = {}) => buildFeed(aFeed({ ...feed, entries: [aFeedEntry(entry)] }));

describe('reminders (VALARM)', () => {
  it.each<{ name: string; entry: Partial<FeedEntry>; locale: Locale; trigger: string | null; description?: string }>([
    { name: '15 minutes before, in English', entry: { reminderMinutes: 15, title: 'Talks' }, locale: 'en', trigger: '-PT15M', description: 'In 15 minutes: Talks' },
    { name: '30 minutes before, in Russian', entry: { reminderMinutes: 30, title: 'Переговоры' }, locale: 'ru', trigger: '-PT30M', description: 'Через 30 минут: Переговоры' },
    { name: 'an hour before, in Azerbaijani', entry: { reminderMinutes: 60, title: 'Danışıqlar' }, locale: 'az', trigger: '-PT1H', description: '60 dəqiqədən sonra: Danışıqlar' },
    { name: 'none asked', entry: {}, locale: 'en', trigger: null },
  ])('$name', ({ entry, locale, trigger, description }) => {
    const text = oneEvent(entry, { locale });
    const alarms = vevents(text)[0]!.getAllSubcomponents('valarm');
    if (trigger === null) {
      expect(alarms).toEqual([]);
      expect(text).not.toContain('BEGIN:VALARM');
      return;
    }
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarms[0]!.getFirstPropertyValue('trigger'))).toBe(trigger);
    expect(alarms[0]!.getFirstPropertyValue('description')).toBe(description);
  });

  it('a Russian reminder says minutes in the right plural form', () => {
    const said = (m: number) => unescapeText(propertyValues(oneEvent({ reminderMinutes: m, title: 'X' }, { locale: 'ru' }), 'DESCRIPTION').at(-1)!);
    expect(said(15)).toBe('Через 15 минут: X');
    expect(said(60)).toBe('Через 60 минут: X');
  });
});

describe('the place on the map (GEO and X-APPLE-STRUCTURED-LOCATION)', () => {
  it('prints GEO as latitude;longitude, which ical.js and node-ical read as numbers', () => {
    const text = oneEvent({ place: EXPOFORUM });
    expect(propertyValues(text, 'GEO')).toEqual(['59.7636;30.3622']);
    expect(vevents(text)[0]!.getFirstPropertyValue('geo')).toEqual([59.7636, 30.3622]);
    const byNodeIcal = Object.values(nodeIcal.sync.parseICS(text)).find((e) => e?.type === 'VEVENT') as { geo?: { lat: number; lon: number } };
    expect(byNodeIcal.geo).toEqual({ lat: 59.7636, lon: 30.3622 });
  });

  it.each<{ name: string; place: FeedPlace; line: string }>([
    {
      name: 'a venue with an address',
      place: EXPOFORUM,
      line: 'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS="Peterburgskoye shosse 64/1, St. Petersburg";X-APPLE-RADIUS=100;X-TITLE="ExpoForum":geo:59.7636,30.3622',
    },
    { name: 'a venue without an address', place: { ...EXPOFORUM, address: '' }, line: 'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-APPLE-RADIUS=100;X-TITLE="ExpoForum":geo:59.7636,30.3622' },
    {
      name: 'quotes, a line break and a semicolon in the name and address (a parameter cannot hold a DQUOTE)',
      place: { title: 'Hotel "Astoria"; lobby', address: 'Bolshaya Morskaya 39\nSt. Petersburg', latitude: 59.9333, longitude: 30.3086 },
      line: `X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS="Bolshaya Morskaya 39 St. Petersburg";X-APPLE-RADIUS=100;X-TITLE="Hotel 'Astoria'; lobby":geo:59.9333,30.3086`,
    },
    {
      name: 'a backslash before the closing quote (libical would read it as an escaped quote): a slash',
      place: { title: 'Pavilion F\\', address: 'Hall 2\\', latitude: 59.7636, longitude: 30.3622 },
      line: 'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS="Hall 2/";X-APPLE-RADIUS=100;X-TITLE="Pavilion F/":geo:59.7636,30.3622',
    },
    { name: 'the southern and western hemispheres', place: { title: 'Río', address: '', latitude: -22.9068, longitude: -43.1729 }, line: 'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-APPLE-RADIUS=100;X-TITLE="Río":geo:-22.9068,-43.1729' },
  ])('$name', ({ place, line }) => {
    const text = oneEvent({ place });
    expect(contentLines(text).filter((l) => l.startsWith('X-APPLE-STRUCTURED-LOCATION'))).toEqual([line]);
    expect(foldingProblems(text)).toEqual([]);
  });

  it('folds a long Cyrillic address at 75 octets without splitting a character', () => {
    const place = { title: 'Смольный (Правительство Ленинградской области)', address: 'Суворовский проспект, дом 67, Санкт-Петербург, Российская Федерация', latitude: 59.9463, longitude: 30.3967 };
    const text = oneEvent({ place });
    expect(foldingProblems(text)).toEqual([]);
    expect(contentLines(text).find((l) => l.startsWith('X-APPLE-STRUCTURED-LOCATION'))).toContain(`X-TITLE="${place.title}":geo:59.9463,30.3967`);
    expect(vevents(text)[0]!.getFirstProperty('x-apple-structured-location')!.getParameter('x-address')).toBe(place.address);
  });

  it('prints neither where the venue has no coordinates', () => {
    const text = oneEvent({});
    expect(text).not.toMatch(/^(GEO|X-APPLE-STRUCTURED-LOCATION)[;:]/m);
    expect(propertyValues(text, 'LOCATION')).toHaveLength(1);
  });

  it('the single-event file carries the place too', () => {
    const text = buildSingleEventFile({ ...singleEvent, entry: { ...singleEvent.entry, place: EXPOFORUM } });
    expect(propertyValues(text, 'GEO')).toEqual(['59.7636;30.3622']);
  });
});

describe('travel time (X-APPLE-TRAVEL-DURATION)', () => {
  it.each<{ name: string; entry: Partial<FeedEntry>; printed: string[] }>([
    { name: '45 minutes from another venue', entry: { travelMinutes: 45 }, printed: ['PT45M'] },
    { name: 'an hour and a half', entry: { travelMinutes: 90 }, printed: ['PT1H30M'] },
    { name: 'no move before it', entry: {}, printed: [] },
    { name: 'a cancelled meeting: no one travels to it', entry: { travelMinutes: 45, status: 'cancelled' }, printed: [] },
  ])('$name', ({ entry, printed }) => {
    const text = oneEvent(entry);
    expect(propertyValues(text, 'X-APPLE-TRAVEL-DURATION')).toEqual(printed);
    if (printed.length) expect(contentLines(text)).toContain(`X-APPLE-TRAVEL-DURATION;VALUE=DURATION:${printed[0]}`);
  });
});

describe('busy status and class', () => {
  it.each<{ status: FeedEntryStatus; busy: string }>([
    { status: 'tentative', busy: 'TENTATIVE' },
    { status: 'confirmed', busy: 'BUSY' },
    { status: 'cancelled', busy: 'FREE' },
  ])('a $status meeting shows Outlook the time as $busy', ({ status, busy }) => {
    expect(propertyValues(oneEvent({ status }), 'X-MICROSOFT-CDO-BUSYSTATUS')).toEqual([busy]);
  });

  it.each<{ name: string; scope: 'private' | 'public'; classes: string[] }>([
    { name: 'a feed that carries briefings (a private scope) marks every event confidential', scope: 'private', classes: ['CONFIDENTIAL', 'CONFIDENTIAL'] },
    { name: 'a public feed leaves CLASS out (PUBLIC, the default)', scope: 'public', classes: [] },
  ])('$name', ({ scope, classes }) => {
    const text = buildFeed(aFeed({ scope, entries: [aFeedEntry({ uid: 'a@fp' }), aFeedEntry({ uid: 'b@fp', briefing: '' })] }));
    expect(propertyValues(text, 'CLASS')).toEqual(classes);
  });

  it('the single-event file, forwarded to a counterpart, is not confidential', () => {
    expect(propertyValues(buildSingleEventFile(singleEvent), 'CLASS')).toEqual([]);
  });
});

describe('every new property changes the ETag and the event fingerprint', () => {
  const base = aFeedEntry();
  it.each<{ name: string; before: Partial<FeedEntry>; after: Partial<FeedEntry> }>([
    { name: 'a reminder set', before: {}, after: { reminderMinutes: 15 } },
    { name: 'a reminder changed', before: { reminderMinutes: 15 }, after: { reminderMinutes: 30 } },
    { name: 'the venue given coordinates', before: {}, after: { place: EXPOFORUM } },
    { name: 'the coordinates moved', before: { place: EXPOFORUM }, after: { place: { ...EXPOFORUM, latitude: 59.7637 } } },
    { name: 'a travel time', before: {}, after: { travelMinutes: 45 } },
    { name: 'the status (busy status)', before: {}, after: { status: 'tentative' } },
  ])('$name', ({ before, after }) => {
    const [b, a] = [{ ...base, ...before }, { ...base, ...after }];
    expect(computeEtag(buildFeed(aFeed({ entries: [a] })))).not.toBe(computeEtag(buildFeed(aFeed({ entries: [b] }))));
    expect(eventFingerprint(a, 'private', 'en')).not.toBe(eventFingerprint(b, 'private', 'en'));
  });

  it('an event without the new properties fingerprints as it did before they existed', () => {
    const { reminderMinutes: _r, travelMinutes: _t, place: _p, ...plain } = base;
    expect(eventFingerprint({ ...plain, reminderMinutes: undefined, travelMinutes: undefined, place: undefined }, 'private', 'en')).toBe(eventFingerprint(plain, 'private', 'en'));
  });

  it('a feed turned confidential (private scope) changes its ETag', () => {
    expect(computeEtag(buildFeed(aFeed({ scope: 'private' })))).not.toBe(computeEtag(buildFeed(aFeed({ scope: 'public' }))));
  });
});
