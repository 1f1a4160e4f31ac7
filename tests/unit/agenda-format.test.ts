import { datesBetween, timeRange, weekdayLong } from '../../src/domain/agenda/format';

const at = (iso: string) => Date.parse(iso);

describe('timeRange', () => {
  it.each([
    { name: 'same day', start: '2019-06-07T07:00Z', end: '2019-06-07T08:00Z', zone: 'Europe/Moscow', day: '2019-06-07', text: '10:00–11:00' },
    { name: 'ends after midnight', start: '2019-06-07T20:30Z', end: '2019-06-07T21:30Z', zone: 'Europe/Moscow', day: '2019-06-07', text: '23:30–00:30 (+1)' },
    { name: 'already tomorrow at home', start: '2019-06-07T20:30Z', end: '2019-06-07T21:30Z', zone: 'Asia/Baku', day: '2019-06-07', text: '00:30 (+1)–01:30 (+1)' },
    { name: 'still yesterday at home', start: '2019-06-06T21:30Z', end: '2019-06-06T22:30Z', zone: 'America/New_York', day: '2019-06-07', text: '17:30 (−1)–18:30 (−1)' },
    { name: 'zero length', start: '2019-06-07T07:00Z', end: '2019-06-07T07:00Z', zone: 'Europe/Moscow', day: '2019-06-07', text: '10:00' },
  ])('$name', ({ start, end, zone, day, text }) => {
    expect(timeRange({ startUtc: at(start), endUtc: at(end), zone, day })).toBe(text);
  });
});

describe('days', () => {
  it.each([
    { name: 'SPIEF 2019', from: '2019-06-06', to: '2019-06-08', days: ['2019-06-06', '2019-06-07', '2019-06-08'] },
    { name: 'one day', from: '2019-06-07', to: '2019-06-07', days: ['2019-06-07'] },
    { name: 'across a month end', from: '2019-05-31', to: '2019-06-01', days: ['2019-05-31', '2019-06-01'] },
    { name: 'end before start', from: '2019-06-08', to: '2019-06-06', days: [] },
  ])('$name', ({ from, to, days }) => {
    expect(datesBetween(from, to)).toEqual(days);
  });

  it('names the day in English whatever the server locale', () => {
    expect(['2019-06-06', '2019-06-07'].map((date) => weekdayLong(date, 'en'))).toEqual(['Thursday, 6 June 2019', 'Friday, 7 June 2019']);
  });
});
