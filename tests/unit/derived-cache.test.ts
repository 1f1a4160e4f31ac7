import { DerivedCache } from '../../src/services/derived-cache';

/** The cache of derived views: served while the version holds, made again when it moves, and bounded however it is used. */
describe('the derived-views cache', () => {
  const setup = (limits = { entries: 3, bytes: 1000 }) => {
    let version = 1;
    let made = 0;
    const cache = new DerivedCache(() => version, limits);
    const get = (key: string, bytes = 10) => cache.get(key, () => `${key}@${version}#${(made += 1)}`, () => bytes);
    return { cache, get, bump: () => (version += 1), made: () => made };
  };

  it('makes a view once per version of the programme', () => {
    const { get, bump, made } = setup();
    expect(get('a')).toBe('a@1#1');
    expect(get('a')).toBe('a@1#1');
    bump();
    expect(get('a')).toBe('a@2#2');
    expect(made()).toBe(2);
  });

  it('forgets every view of an older version as soon as a newer one is seen', () => {
    const { cache, get, bump } = setup();
    get('a');
    get('b');
    bump();
    expect(cache.peek('a')).toBeUndefined();
    expect(cache.stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it.each([
    { name: 'entries', limits: { entries: 2, bytes: 1000 }, sizes: [10, 10, 10], kept: ['b', 'c'] },
    { name: 'bytes', limits: { entries: 10, bytes: 25 }, sizes: [10, 10, 10], kept: ['b', 'c'] },
    { name: 'bytes, one value larger than all of them', limits: { entries: 10, bytes: 25 }, sizes: [10, 10, 30], kept: ['a', 'b'] },
  ])('stays within its bound in $name, the least recently used out first', ({ limits, sizes, kept }) => {
    const { cache, get } = setup(limits);
    ['a', 'b', 'c'].forEach((key, i) => get(key, sizes[i]));
    expect(['a', 'b', 'c'].filter((key) => cache.peek(key) !== undefined)).toEqual(kept);
    expect(cache.stats().bytes).toBeLessThanOrEqual(limits.bytes);
    expect(cache.stats().entries).toBeLessThanOrEqual(limits.entries);
  });

  it('keeps what was used last when it has to drop something', () => {
    const { cache, get } = setup({ entries: 2, bytes: 1000 });
    get('a');
    get('b');
    get('a');
    get('c');
    expect(cache.peek('a')).toBeDefined();
    expect(cache.peek('b')).toBeUndefined();
  });
});
