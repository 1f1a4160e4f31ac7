import { diffAgainstSnapshot, takeSnapshot, versionStamp, type SnapshotEntry } from '../../src/domain/agenda/changes';
import { buildAgenda, type AgendaSource } from '../../src/domain/agenda';

const T10 = Date.UTC(2019, 5, 7, 7, 0); // 10:00 Moscow
const T11 = Date.UTC(2019, 5, 7, 8, 0);
const T12 = Date.UTC(2019, 5, 7, 9, 0);

const printed: SnapshotEntry = {
  meetingId: 1,
  startUtc: T10,
  endUtc: T11,
  title: 'Bilateral with Tatarstan',
  place: 'Room D2, Expoforum',
  status: 'confirmed',
  sequence: 2,
};

function aSource(overrides: Partial<AgendaSource> = {}): AgendaSource {
  return {
    meetingId: 1,
    title: 'Bilateral with Tatarstan',
    kind: 'bilateral',
    status: 'confirmed',
    startUtc: T10,
    endUtc: T11,
    timeZone: 'Europe/Moscow',
    venueId: 1,
    place: 'Room D2, Expoforum',
    venueName: 'Expoforum',
    address: '',
    counterparts: [],
    ourParticipants: [],
    interpreters: [],
    briefing: '',
    documents: [],
    contactOnSite: '',
    updatedAt: T10 - 86_400_000,
    sequence: 2,
    ...overrides,
  };
}

describe('diffAgainstSnapshot', () => {
  it.each([
    { name: 'not on the last print', now: {}, before: undefined, mark: 'new' },
    { name: 'identical', now: {}, before: printed, mark: null },
    { name: 'only the sequence rose', now: { sequence: 3 }, before: printed, mark: null },
    { name: 'start moved', now: { startUtc: T11, endUtc: T12 }, before: printed, mark: 'moved' },
    { name: 'end moved', now: { endUtc: T12 }, before: printed, mark: 'moved' },
    { name: 'retitled', now: { title: 'Talks with Tatarstan' }, before: printed, mark: 'changed' },
    { name: 'other place', now: { place: 'Hotel Astoria' }, before: printed, mark: 'changed' },
    { name: 'confirmed -> tentative', now: { status: 'tentative' as const }, before: printed, mark: 'changed' },
    { name: 'reinstated after a cancellation', now: {}, before: { ...printed, status: 'cancelled' as const }, mark: 'changed' },
    { name: 'cancelled', now: { status: 'cancelled' as const }, before: printed, mark: 'cancelled' },
    { name: 'cancelled outranks moved', now: { status: 'cancelled' as const, startUtc: T11, endUtc: T12 }, before: printed, mark: 'cancelled' },
    { name: 'moved outranks retitled', now: { title: 'Talks', startUtc: T11, endUtc: T12 }, before: printed, mark: 'moved' },
    { name: 'cancelled then and now', now: { status: 'cancelled' as const }, before: { ...printed, status: 'cancelled' as const }, mark: null },
  ])('$name', ({ now, before, mark }) => {
    expect(diffAgainstSnapshot(aSource(now), before)).toBe(mark);
  });
});

describe('takeSnapshot', () => {
  const now = T12 + 3_600_000;

  it('from sources: every meeting except proposals, by meeting id', () => {
    const snapshot = takeSnapshot(
      [aSource({ meetingId: 3 }), aSource({ meetingId: 2, status: 'proposed' }), aSource({ meetingId: 1, status: 'cancelled' })],
      now,
    );
    expect(snapshot.printedAt).toBe(now);
    expect(snapshot.entries.map((e) => [e.meetingId, e.status])).toEqual([[1, 'cancelled'], [3, 'confirmed']]);
    expect(Object.keys(snapshot.entries[0]!).sort()).toEqual(['endUtc', 'meetingId', 'place', 'sequence', 'startUtc', 'status', 'title']);
  });

  it('from an agenda: exactly what was printed, so the next print compares with the paper', () => {
    const agenda = buildAgenda({
      scope: { kind: 'person', title: 'Shahin Mustafayev', isPrivate: true },
      forum: { name: 'SPIEF 2019', timeZone: 'Europe/Moscow', startDate: '2019-06-06', endDate: '2019-06-08' },
      homeTimeZone: 'Asia/Baku',
      locale: 'en',
      days: ['2019-06-07'],
      entries: [aSource({ meetingId: 1 }), aSource({ meetingId: 2, startUtc: T10 + 86_400_000, endUtc: T11 + 86_400_000 })],
      conflicts: [],
      snapshot: null,
      now,
    });
    expect(takeSnapshot(agenda, now).entries).toEqual([{ ...printed, meetingId: 1 }]);
  });
});

describe('versionStamp', () => {
  const a = { meetingId: 1, sequence: 0, updatedAt: T10 };
  const b = { meetingId: 2, sequence: 4, updatedAt: T11 };
  it.each([
    { name: 'order does not matter', left: [a, b], right: [b, a], same: true },
    { name: 'sequence rose', left: [a, b], right: [a, { ...b, sequence: 5 }], same: false },
    { name: 'updated without a material change', left: [a, b], right: [a, { ...b, updatedAt: T12 }], same: false },
    { name: 'a meeting left the sheet', left: [a, b], right: [a], same: false },
  ])('$name', ({ left, right, same }) => {
    expect(versionStamp(left)).toMatch(/^[0-9a-f]{8}$/);
    expect(versionStamp(left) === versionStamp(right)).toBe(same);
  });
});
