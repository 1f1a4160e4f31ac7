/**
 * The fast reader of a submitted meeting against the schema it stands in
 * for: whatever input the reader accepts, zod must accept too and make the
 * very same object of (values, absent keys, key order); everything else the
 * reader leaves to zod. Generated fields mix what forms and programs send
 * with near misses: blanks, padding, limits plus one, other types.
 */
import fc from 'fast-check';
import { ValidationError } from '../../src/domain/errors';
import { MEETING_KINDS, MEETING_STATUSES, PARTICIPANT_ROLES } from '../../src/domain/types';
import { meetingInputSchema, parseMeetingInput, readAcceptedMeetingInput } from '../../src/services/meetings/input';
import { parseInput } from '../../src/services/validation';

const OTHER_TYPES = [null, undefined, 0, 1, -1, 1.5, true, false, [], {}, [7]] as const;
const anyOf = (...values: unknown[]) => fc.constantFrom(...values);

/** Per field: values the schema takes as they stand, and near misses. */
interface FieldValues {
  good: fc.Arbitrary<unknown>;
  any: fc.Arbitrary<unknown>;
}
const values = (good: unknown[], bad: unknown[]): FieldValues => ({ good: anyOf(...good), any: anyOf(...good, ...bad, ...OTHER_TYPES) });

const text = (max: number) => values(['Talks', '  Talks  ', 'Переговоры', '🇦🇿 talks', 'x'.repeat(max), ` ${'x'.repeat(max)} `, '🇦🇿'.repeat(max / 4)], ['', '   ', 'x'.repeat(max + 1), '🇦🇿'.repeat(max / 4) + 'x']);
const optionalText = (max: number) => values(['', '  ', 'Hall 3', ' Hall 3 ', 'x'.repeat(max), null, undefined], ['x'.repeat(max + 1), ` ${'x'.repeat(max + 1)}`]);
const oneOf = (all: readonly string[]) => values([...all], [` ${all[0]}`, all[0]!.toUpperCase(), '', 'picnic']);
const localDateTime = values(['2019-06-07T10:00', '2019-06-07 10:00', ' 2019-06-07T10:00:00 ', '2019-06-07T10:00Z', '2019-13-45T99:99'], ['2019-06-07', '', ' ', '10:00']);
const timeZone = values(['Europe/Moscow', ' Asia/Baku ', 'UTC', '', '  ', null, undefined, 5], ['utc', 'Mars/Olympus', 'Moscow']);
const offset = values([180, -180, 0, -0, 840, -840, '180', ' 180 ', '-0', '1e2', '0x10', '', ' ', null, undefined], [841, -841, 2 ** 53, NaN, Infinity, 1.5, 'abc', '1.5', true]);
const id = values([1, 17, '17', ' 17 ', '1e1', '0x11'], [0, -0, -1, 1.5, 2 ** 53, 1e21, NaN, '', ' ', '0', 'abc', '9007199254740993', true, [5]]);
const roomId = values([1, 17, '17', ' 17 ', '', null, undefined], [0, -1, 1.5, 2 ** 53, ' ', '0', 'abc', true, [5]]);
const checkbox = values([true, false, 'on', 'true', '1', 'yes', 'off', 1, 0, '', null, undefined], []);
const date = values(['2019-06-07', ' 2019-06-07 ', '', null, undefined], ['07.06.2019', 'June', ' ', 5]);

/** An object whose keys are each present or absent; `required` ones always present. */
const objectOf = (fields: Record<string, fc.Arbitrary<unknown>>, requiredKeys: string[] = []) => fc.record(fields, { requiredKeys });
const listOf = (item: FieldValues): FieldValues => ({
  good: fc.oneof(fc.array(item.good, { maxLength: 4 }), anyOf(undefined)),
  any: fc.oneof(fc.array(fc.oneof({ weight: 4, arbitrary: item.good }, { weight: 1, arbitrary: item.any }), { maxLength: 4 }), anyOf(null, 'x', 7, {})),
});
const objectField = (fields: Record<string, FieldValues>, required: string[]): FieldValues => {
  const good = objectOf(Object.fromEntries(Object.entries(fields).map(([key, f]) => [key, f.good])), required);
  return { good, any: fc.oneof(good, objectOf(Object.fromEntries(Object.entries(fields).map(([key, f]) => [key, f.any]))), anyOf(...OTHER_TYPES)) };
};

const FIELDS: Record<string, FieldValues> = {
  title: text(300),
  kind: oneOf(MEETING_KINDS),
  status: oneOf(MEETING_STATUSES),
  start: localDateTime,
  end: localDateTime,
  timeZone,
  startOffset: offset,
  endOffset: offset,
  roomId,
  place: optionalText(300),
  isPublic: checkbox,
  participants: listOf(objectField({ personId: id, role: oneOf(PARTICIPANT_ROLES), note: values(['extra'], []) }, ['personId', 'role'])),
  delegationIds: listOf(id),
  briefing: optionalText(20_000),
  outcome: optionalText(20_000),
  documents: listOf(objectField({ title: text(500), parties: optionalText(500), signedOn: date }, ['title'])),
  unknown: values(['ignored'], []),
};
const REQUIRED = ['title', 'kind', 'status', 'start', 'end'];

/** Any mix of fields and values. */
const submitted = objectOf(Object.fromEntries(Object.entries(FIELDS).map(([key, f]) => [key, f.any])));
/** A meeting the schema takes, with one or two of its fields replaced by any value (or left out). */
const nearlyValid = fc
  .tuple(objectOf(Object.fromEntries(Object.entries(FIELDS).map(([key, f]) => [key, f.good])), REQUIRED), submitted, fc.subarray(Object.keys(FIELDS), { maxLength: 2 }))
  .map(([good, other, replaced]) => {
    const raw: Record<string, unknown> = { ...good };
    for (const key of replaced) {
      if (key in other) raw[key] = other[key as keyof typeof other];
      else delete raw[key];
    }
    return raw;
  });
const valid = { title: 'Talks', kind: 'bilateral', status: 'tentative', start: '2019-06-07T10:00', end: '2019-06-07T11:00' };

function schemaOutcome(raw: unknown): { value: unknown } | { fields: Record<string, string> } {
  try {
    return { value: parseInput(meetingInputSchema, raw) };
  } catch (err) {
    if (err instanceof ValidationError) return { fields: err.fields };
    throw err;
  }
}

function readerOutcome(raw: unknown): { value: unknown } | { fields: Record<string, string> } {
  try {
    return { value: parseMeetingInput(raw) };
  } catch (err) {
    if (err instanceof ValidationError) return { fields: err.fields };
    throw err;
  }
}

describe('readAcceptedMeetingInput against meetingInputSchema', () => {
  it.each([
    { name: 'generated input', arbitrary: submitted },
    { name: 'nearly valid input', arbitrary: nearlyValid },
  ])('accepts only what the schema accepts, as the schema reads it: $name', ({ arbitrary }) => {
    fc.assert(
      fc.property(arbitrary, (raw) => {
        const read = readAcceptedMeetingInput(raw);
        if (read === undefined) return;
        const parsed = meetingInputSchema.safeParse(raw);
        expect(parsed.success).toBe(true);
        expect(read).toStrictEqual(parsed.data);
        expect(Object.keys(read)).toEqual(Object.keys(parsed.data!));
      }),
      { numRuns: 3000 },
    );
  });

  it('parses every input to the same meeting, or refuses it with the same messages', () => {
    fc.assert(
      fc.property(fc.oneof(submitted, nearlyValid), (raw) => {
        expect(readerOutcome(raw)).toStrictEqual(schemaOutcome(raw));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    { name: 'a JSON body', raw: { ...valid, roomId: 3, participants: [{ personId: 7, role: 'principal' }], delegationIds: [2], documents: [{ title: 'Deal', parties: 'A; B', signedOn: '2019-06-07' }] } },
    { name: 'a JSON body with nulls', raw: { ...valid, roomId: null, place: null, startOffset: null, documents: [{ title: 'Deal', signedOn: null }] } },
    {
      name: 'a form (strings, blank optional fields)',
      raw: { ...valid, start: '2019-06-07 10:00', timeZone: '', startOffset: '', endOffset: '180', roomId: '3', place: '', isPublic: 'on', participants: [{ personId: '7', role: 'principal' }], delegationIds: ['2'], briefing: '', outcome: '', documents: [{ title: 'Deal', parties: '', signedOn: '' }] },
    },
    { name: 'a form with a zone', raw: { ...valid, timeZone: 'Asia/Baku' } },
  ])('reads the shapes forms and programs send without zod: $name', ({ raw }) => {
    const read = readAcceptedMeetingInput(raw);
    expect(read).toBeDefined();
    expect(read).toStrictEqual(meetingInputSchema.parse(raw));
  });
});
