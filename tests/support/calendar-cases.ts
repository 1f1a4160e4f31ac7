/**
 * Calendar entries that stress what clients get wrong: long Cyrillic and
 * Azerbaijani text, and meetings on both sides of zone changes. Shared by the
 * unit tests and the interop suite, so the strict validator reads the very
 * cases the parsers are tested on.
 */
import { buildFeed, buildSingleEventFile, type SingleEventInput } from '../../src/domain/calendar';
import { AZERBAIJANI_NAME, LONG_RUSSIAN_TITLE, aFeed, aFeedEntry, at } from './ics';

export const richEntry = aFeedEntry({
  title: LONG_RUSSIAN_TITLE,
  kind: 'signing',
  ourParticipants: [{ name: AZERBAIJANI_NAME, role: 'principal' }],
  briefing: 'Не обсуждать тарифы.',
  documents: [{ title: LONG_RUSSIAN_TITLE, parties: 'AZ, LO', signed: true }],
});

/** Meetings on both sides of Berlin's 2019 DST changes and of Moscow's 2014 move to +03. */
export const acrossZoneChanges = [
  aFeedEntry({ uid: 'berlin-before@fp', timeZone: 'Europe/Berlin', startUtc: at('2019-03-30T10:00', 'Europe/Berlin'), endUtc: at('2019-03-30T11:00', 'Europe/Berlin') }),
  aFeedEntry({ uid: 'berlin-summer@fp', timeZone: 'Europe/Berlin', startUtc: at('2019-03-31T10:00', 'Europe/Berlin'), endUtc: at('2019-03-31T11:00', 'Europe/Berlin') }),
  aFeedEntry({ uid: 'berlin-autumn@fp', timeZone: 'Europe/Berlin', startUtc: at('2019-10-27T10:00', 'Europe/Berlin'), endUtc: at('2019-10-27T11:00', 'Europe/Berlin') }),
  aFeedEntry({ uid: 'berlin-repeated-hour@fp', timeZone: 'Europe/Berlin', startUtc: Date.UTC(2019, 9, 27, 0, 30), endUtc: Date.UTC(2019, 9, 27, 1, 45) }),
  aFeedEntry({ uid: 'moscow-2014-before@fp', startUtc: at('2014-10-25T10:00'), endUtc: at('2014-10-25T11:00') }),
  aFeedEntry({ uid: 'moscow-2014-after@fp', startUtc: at('2014-10-26T10:00'), endUtc: at('2014-10-26T11:00') }),
  aFeedEntry({ uid: 'spief-2019@fp' }),
  aFeedEntry({ uid: 'baku-2019@fp', timeZone: 'Asia/Baku', startUtc: at('2019-06-10T09:00', 'Asia/Baku'), endUtc: at('2019-06-10T10:00', 'Asia/Baku') }),
];

/** Every property a phone reads beyond the meeting: a reminder, the place on the map (with a Cyrillic address long enough to fold), travel time, each status. */
export const phoneEntries = [
  aFeedEntry({ uid: 'phone-confirmed@fp', reminderMinutes: 15, travelMinutes: 45, place: { title: 'Смольный (Правительство Ленинградской области)', address: 'Суворовский проспект, дом 67, Санкт-Петербург, "вход со двора"', latitude: 59.9463, longitude: 30.3967 } }),
  aFeedEntry({ uid: 'phone-tentative@fp', status: 'tentative', reminderMinutes: 60, place: { title: 'ExpoForum', address: '', latitude: 59.7636, longitude: 30.3622 }, startUtc: at('2019-06-07T13:00'), endUtc: at('2019-06-07T14:00') }),
  aFeedEntry({ uid: 'phone-cancelled@fp', status: 'cancelled', place: { title: 'Hotel Astoria', address: 'Bolshaya Morskaya ulitsa 39, St. Petersburg', latitude: 59.9333, longitude: 30.3086 }, startUtc: at('2019-06-08T09:00'), endUtc: at('2019-06-08T10:00') }),
];

export const singleEvent: SingleEventInput = {
  entry: richEntry,
  organizer: { name: 'Protocol Office of the Delegation', email: 'protocol@delegation.example.az' },
  locale: 'en',
  now: Date.UTC(2019, 5, 5, 9, 0, 0),
};

/** Every kind of file the calendar builders publish, as named cases. */
export const publishedFiles: { name: string; text: () => string }[] = [
  { name: 'a private feed', text: () => buildFeed(aFeed({ scope: 'private', entries: [richEntry, aFeedEntry({ uid: 'c@fp', status: 'cancelled' })] })) },
  { name: 'a public feed', text: () => buildFeed(aFeed({ scope: 'public', entries: [richEntry, aFeedEntry({ uid: 't@fp', status: 'tentative' })] })) },
  { name: 'an empty feed (a person with no meetings yet)', text: () => buildFeed(aFeed({ entries: [] })) },
  { name: 'a single-event file', text: () => buildSingleEventFile(singleEvent) },
  { name: 'a single-event file with a DQUOTE in the organizer name', text: () => buildSingleEventFile({ ...singleEvent, organizer: { name: 'Office "Protocol"', email: 'p@x.az' } }) },
  { name: 'a feed across Berlin DST and Moscow 2014', text: () => buildFeed(aFeed({ entries: acrossZoneChanges })) },
  { name: 'a Russian feed with what a phone makes the most of (reminders, GEO, structured location, travel, busy status, CLASS)', text: () => buildFeed(aFeed({ locale: 'ru', entries: phoneEntries })) },
  { name: 'a single-event file with a place on the map', text: () => buildSingleEventFile({ ...singleEvent, entry: { ...richEntry, place: phoneEntries[0]!.place } }) },
];
