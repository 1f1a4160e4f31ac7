import { DateTime } from 'luxon';
it('runs', () => { expect(DateTime.fromISO('2019-06-07T10:00', { zone: 'Europe/Moscow' }).toUTC().toISO()).toBe('2019-06-07T07:00:00.000Z'); });
