import fc from 'fast-check';
import { fillHoles, PageCache, splitAtHoles } from '../../src/services/page-cache';

const page = (body: string) => ({ status: 200, headers: {}, ...splitAtHoles(body, ['<A>', '<B>']) });

describe('the page cache', () => {
  it('serves a page only for the version it was made at', () => {
    let version = 1;
    const cache = new PageCache(() => version, 10_000);
    cache.set('k', cache.version(), page('one'));
    expect(cache.get('k', cache.version())?.parts).toEqual(['one']);
    version = 2;
    expect(cache.get('k', cache.version())).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, hits: 1, misses: 1 });
  });

  it('does not keep a page made before the programme moved on', () => {
    let version = 1;
    const cache = new PageCache(() => version, 10_000);
    const madeAt = cache.version();
    version = 2;
    cache.set('k', madeAt, page('made from version 1'));
    expect(cache.stats().entries).toBe(0);
  });

  it('stays within its bytes however many pages are asked for', () => {
    const cache = new PageCache(() => 1, 5_000);
    for (let i = 0; i < 200; i++) cache.set(`page ${i}`, 1, page('x'.repeat(500)));
    expect(cache.stats().bytes).toBeLessThanOrEqual(5_000);
    expect(cache.get('page 199', 1)).toBeDefined();
    expect(cache.get('page 0', 1)).toBeUndefined();
  });
});

describe('holes in a kept page', () => {
  const cases: [string, string, string[]][] = [
    ['no hole', 'plain', ['plain']],
    ['one of each', 'a<A>b<B>c', ['a', 'b', 'c']],
    ['at both ends', '<B>x<A>', ['', 'x', '']],
    ['side by side', '<A><A><B>', ['', '', '', '']],
  ];
  it.each(cases)('%s', (_name, body, parts) => {
    const split = splitAtHoles(body, ['<A>', '<B>']);
    expect(split.parts).toEqual(parts);
    expect(fillHoles(split, ['<A>', '<B>'])).toBe(body);
  });

  it('fills every hole with its own value, in place (property)', () => {
    const chunk = fc.string({ maxLength: 8 }).filter((s) => !s.includes('<'));
    fc.assert(
      fc.property(fc.array(fc.tuple(chunk, fc.constantFrom(0, 1)), { maxLength: 12 }), chunk, (pieces, tail) => {
        const holes = ['<A>', '<B>'];
        const body = pieces.map(([text, h]) => text + holes[h]).join('') + tail;
        const filled = pieces.map(([text, h]) => text + ['token', 'name'][h]).join('') + tail;
        expect(fillHoles(splitAtHoles(body, holes), ['token', 'name'])).toBe(filled);
      }),
    );
  });
});
