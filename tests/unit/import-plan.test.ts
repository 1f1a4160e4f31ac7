import fc from 'fast-check';
import { editDistance, looseKey } from '../../src/services/imports';

/** The comparisons behind matching rows by name and the preview's did-you-mean. */
describe('looseKey', () => {
  it.each([
    { name: 'case and spaces', a: 'AZPROMO ', b: 'azpromo' },
    { name: 'punctuation', a: 'SOCAR-Polymer', b: 'socar polymer' },
    { name: 'ё as е', a: 'Фёдоров', b: 'федоров' },
  ])('folds $name', ({ a, b }) => expect(looseKey(a)).toBe(looseKey(b)));
});

describe('editDistance', () => {
  it.each([
    { name: 'one letter added', a: 'azpromo', b: 'azpromoo', max: 2, d: 1 },
    { name: 'one letter changed', a: 'roscongress', b: 'roskongress', max: 2, d: 1 },
    { name: 'equal', a: 'gaz', b: 'gaz', max: 1, d: 0 },
    { name: 'too far: gives up at max + 1', a: 'ministry', b: 'bank', max: 2, d: 3 },
  ])('$name', ({ a, b, max, d }) => expect(editDistance(a, b, max)).toBe(d));

  it('is symmetric, zero exactly on equal strings, and never more than max + 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const d = editDistance(a, b, max);
        expect(d).toBe(editDistance(b, a, max));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(max + 1);
      }),
    );
  });
});
