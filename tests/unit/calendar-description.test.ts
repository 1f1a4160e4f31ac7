/**
 * DESCRIPTION is read by whoever holds the feed or the file: "Our
 * participants" is true only for the delegation's own side. A counterpart, a
 * room's staff or the public read the delegation's name instead.
 */
import { describeEntry } from '../../src/domain/calendar/description';
import { aFeedEntry } from '../support/ics';

const people = [{ name: 'Shahin Mustafayev', role: 'principal' as const }];

describe('the heading over the delegation’s participants', () => {
  it.each([
    { name: 'our own side reads “Our participants”', ourSide: { name: 'Azerbaijan — Ministry of Economy', readerIsOnIt: true }, heading: 'Our participants:' },
    { name: 'a counterpart reads the delegation’s name', ourSide: { name: 'Azerbaijan — Ministry of Economy', readerIsOnIt: false }, heading: 'Azerbaijan — Ministry of Economy:' },
    { name: 'two delegations on our side are both named', ourSide: { name: 'Azerbaijan — Ministry of Economy, AZPROMO', readerIsOnIt: false }, heading: 'Azerbaijan — Ministry of Economy, AZPROMO:' },
    { name: 'an outside reader with no delegation named reads “Participants”', ourSide: { name: '', readerIsOnIt: false }, heading: 'Participants:' },
  ])('$name', ({ ourSide, heading }) => {
    const lines = describeEntry(aFeedEntry({ ourSide, ourParticipants: people }), 'public', 'en').split('\n');
    expect(lines[lines.indexOf('- Shahin Mustafayev (principal)') - 1]).toBe(heading);
    if (!ourSide.readerIsOnIt) expect(lines).not.toContain('Our participants:');
  });
});
