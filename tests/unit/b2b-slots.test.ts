import { buildSlots, overlaps, type SlotGrid } from '../../src/domain/b2b/slots';
import { ValidationError } from '../../src/domain/errors';

const at = (hhmm: string) => Date.parse(`2019-06-07T${hhmm}:00Z`);
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const aGrid = (overrides: Partial<SlotGrid> = {}): SlotGrid => ({
  startUtc: at('10:00'),
  endUtc: at('12:00'),
  slotMinutes: 20,
  changeoverMinutes: 5,
  breaks: [],
  ...overrides,
});
const starts = (grid: SlotGrid) => buildSlots(grid).map((s) => `${hhmm(s.startUtc)}-${hhmm(s.endUtc)}`);

describe('buildSlots', () => {
  it.each([
    { name: 'slots with changeover until the end', grid: aGrid(), expected: ['10:00-10:20', '10:25-10:45', '10:50-11:10', '11:15-11:35', '11:40-12:00'] },
    { name: 'last slot ending exactly at the end is kept', grid: aGrid({ endUtc: at('10:45') }), expected: ['10:00-10:20', '10:25-10:45'] },
    { name: 'slot running past the end is dropped', grid: aGrid({ endUtc: at('10:44') }), expected: ['10:00-10:20'] },
    { name: 'no changeover', grid: aGrid({ endUtc: at('11:00'), changeoverMinutes: 0 }), expected: ['10:00-10:20', '10:20-10:40', '10:40-11:00'] },
    { name: 'session shorter than one slot', grid: aGrid({ endUtc: at('10:15') }), expected: [] },
    {
      name: 'slot overlapping a break is skipped, next starts when the break ends',
      grid: aGrid({ breaks: [{ startUtc: at('10:30'), endUtc: at('11:00') }] }),
      expected: ['10:00-10:20', '11:00-11:20', '11:25-11:45'],
    },
    {
      name: 'break inside the changeover touches no slot',
      grid: aGrid({ endUtc: at('10:45'), breaks: [{ startUtc: at('10:20'), endUtc: at('10:25') }] }),
      expected: ['10:00-10:20', '10:25-10:45'],
    },
    {
      name: 'break sharing the start of a slot',
      grid: aGrid({ endUtc: at('11:00'), breaks: [{ startUtc: at('10:00'), endUtc: at('10:10') }] }),
      expected: ['10:10-10:30', '10:35-10:55'],
    },
    {
      name: 'back-to-back breaks are both jumped',
      grid: aGrid({
        endUtc: at('11:30'),
        breaks: [
          { startUtc: at('10:40'), endUtc: at('11:00') },
          { startUtc: at('10:20'), endUtc: at('10:40') },
        ],
      }),
      expected: ['10:00-10:20', '11:00-11:20'],
    },
    {
      name: 'breaks outside the session change nothing',
      grid: aGrid({ endUtc: at('10:45'), breaks: [{ startUtc: at('08:00'), endUtc: at('09:00') }, { startUtc: at('13:00'), endUtc: at('14:00') }] }),
      expected: ['10:00-10:20', '10:25-10:45'],
    },
  ])('$name', ({ grid, expected }) => {
    expect(starts(grid)).toEqual(expected);
  });

  it('numbers slots from 0 in time order, because pins refer to the index', () => {
    expect(buildSlots(aGrid()).map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it.each([
    { name: 'zero slot length', grid: aGrid({ slotMinutes: 0 }), field: 'slotMinutes' },
    { name: 'negative slot length', grid: aGrid({ slotMinutes: -20 }), field: 'slotMinutes' },
    { name: 'slot length not a number', grid: aGrid({ slotMinutes: Number.NaN }), field: 'slotMinutes' },
    { name: 'negative changeover', grid: aGrid({ changeoverMinutes: -5 }), field: 'changeoverMinutes' },
    { name: 'end before start', grid: aGrid({ endUtc: at('09:00') }), field: 'endUtc' },
    { name: 'zero-length session', grid: aGrid({ endUtc: at('10:00') }), field: 'endUtc' },
    { name: 'break ending before it starts', grid: aGrid({ breaks: [{ startUtc: at('11:00'), endUtc: at('10:30') }] }), field: 'breaks.0' },
  ])('rejects $name, naming the field to change', ({ grid, field }) => {
    let error: unknown;
    try {
      buildSlots(grid);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fields)).toContain(field);
  });
});

describe('overlaps (half-open)', () => {
  const slot = { startUtc: at('10:00'), endUtc: at('10:20') };
  it.each([
    { name: 'exact', other: ['10:00', '10:20'], expected: true },
    { name: 'shared start', other: ['10:00', '10:05'], expected: true },
    { name: 'shared end', other: ['10:15', '10:20'], expected: true },
    { name: 'contained', other: ['10:05', '10:10'], expected: true },
    { name: 'containing', other: ['09:00', '11:00'], expected: true },
    { name: 'touching before', other: ['09:40', '10:00'], expected: false },
    { name: 'touching after', other: ['10:20', '10:40'], expected: false },
    { name: 'zero length inside', other: ['10:10', '10:10'], expected: true },
    { name: 'zero length at the start edge', other: ['10:00', '10:00'], expected: false },
  ])('$name', ({ other, expected }) => {
    expect(overlaps(slot, { startUtc: at(other[0]!), endUtc: at(other[1]!) })).toBe(expected);
  });
});
