import { dateTimeOf, guessColumns, listItems, minutesOf } from '../../src/services/imports';

/** How a meetings file's cells are read before the meeting form's rules judge them (services/imports/meetings.ts). */
describe('dateTimeOf: a date cell and a time cell, either of which may hold both', () => {
  it.each([
    { name: 'a date and a time apart', date: '07.06.2019', time: '10:00', read: '2019-06-07T10:00' },
    { name: 'both in the time cell', date: '', time: '07.06.2019 10:00', read: '2019-06-07T10:00' },
    { name: 'both in the date cell, no time cell', date: '7.6.2019 12:30', time: '', read: '2019-06-07T12:30' },
    { name: 'a date cell as ISO and a time cell as read', date: '2019-06-08', time: '09:30', read: '2019-06-08T09:30' },
    { name: 'a time with a dot', date: '06.06.19', time: '9.30', read: '2019-06-06T09:30' },
    { name: 'a time of no day: the fallback day', date: '', time: '11:00', fallback: '2019-06-07', read: '2019-06-07T11:00' },
    { name: 'a time of no day and none to fall back on', date: '', time: '11:00', read: null },
    { name: 'a date alone is no start', date: '07.06.2019', time: '', read: null },
    { name: 'an hour past the day', date: '07.06.2019', time: '25:00', read: null },
    { name: 'no date at all', date: 'tomorrow', time: '10:00', read: null },
  ])('$name', ({ date, time, fallback, read }) => {
    expect(dateTimeOf(date, time, fallback ?? null)).toBe(read);
  });
});

describe('minutesOf: a duration as offices write it', () => {
  it.each([
    { cell: '90', read: 90 },
    { cell: '45 min', read: 45 },
    { cell: '30 мин.', read: 30 },
    { cell: '30 dəq', read: 30 },
    { cell: '1:30', read: 90 },
    { cell: '0.45', read: 45 },
    { cell: 'an hour', read: null },
    { cell: '1,5', read: null },
  ])('“$cell”', ({ cell, read }) => {
    expect(minutesOf(cell)).toBe(read);
  });
});

describe('listItems: the names in a participants or delegations cell', () => {
  it.each([
    { name: 'semicolons', cell: 'Shahin Mustafayev (principal); Aleksandr Drozdenko', items: ['Shahin Mustafayev (principal)', 'Aleksandr Drozdenko'] },
    { name: 'line breaks', cell: 'Рашад Гасанов\nОльга Белова\n', items: ['Рашад Гасанов', 'Ольга Белова'] },
    { name: 'commas when nothing else separates', cell: 'Rashad Hasanov, Olga Belova', items: ['Rashad Hasanov', 'Olga Belova'] },
    { name: 'commas kept inside a name when semicolons separate', cell: 'Mustafayev, Shahin; Drozdenko, Aleksandr', items: ['Mustafayev, Shahin', 'Drozdenko, Aleksandr'] },
    { name: 'empty pieces dropped', cell: ' ; ;Farid Jafarov;', items: ['Farid Jafarov'] },
  ])('$name', ({ cell, items }) => {
    expect(listItems(cell)).toEqual(items);
  });
});

describe('the headers of a meetings and an unavailability list, in three languages', () => {
  it.each([
    { name: 'Russian', kind: 'meetings' as const, headers: ['Тема', 'Дата', 'Начало', 'Окончание', 'Зал', 'Участники', 'Статус', 'Длительность', 'Часовой пояс', 'Место', 'Делегации', 'Справка'], fields: ['title', 'date', 'start', 'end', 'room', 'participants', 'status', 'duration', 'timeZone', 'place', 'delegations', 'briefing'] },
    { name: 'Azerbaijani', kind: 'meetings' as const, headers: ['Mövzu', 'Tarix', 'Başlama', 'Bitmə', 'Zal', 'İştirakçılar', 'Müddət', 'Saat qurşağı', 'Nümayəndə heyətləri', 'Arayış'], fields: ['title', 'date', 'start', 'end', 'room', 'participants', 'duration', 'timeZone', 'delegations', 'briefing'] },
    { name: 'English', kind: 'meetings' as const, headers: ['ID', 'Title', 'Kind', 'Status', 'Date', 'Start', 'End', 'Venue', 'Room', 'Place', 'Participants', 'Delegations', 'Briefing'], fields: ['externalId', 'title', 'kind', 'status', 'date', 'start', 'end', 'venue', 'room', 'place', 'participants', 'delegations', 'briefing'] },
    // A list's running number is no id: two lists both numbered from 1 would update each other's meetings.
    { name: 'a running number left out', kind: 'meetings' as const, headers: ['№', 'Тема'], fields: [null, 'title'] },
    { name: 'a room blocked, in Azerbaijani', kind: 'unavailability' as const, headers: ['Şəxs', 'Zal', 'Tarix', 'Başlama', 'Bitmə', 'Səbəb'], fields: ['person', 'room', 'date', 'start', 'end', 'reason'] },
  ])('$name', ({ kind, headers, fields }) => {
    expect(guessColumns(kind, headers).map((g) => g.field)).toEqual(fields);
  });
});
