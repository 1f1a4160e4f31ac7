/**
 * The byte-bounded LRU against a plainly-written model (an array in use
 * order, trimmed from the front): after any sequence of sets, gets and
 * deletes both hold the same keys in the same order, and the bytes held never
 * exceed the bound, however many distinct keys a flood names.
 */
import fc from 'fast-check';
import { ByteLru } from '../../src/services/byte-lru';

type Op = { kind: 'set'; key: string; bytes: number } | { kind: 'get'; key: string } | { kind: 'delete'; key: string };

function model(maxBytes: number, ops: Op[]): string[] {
  let order: { key: string; bytes: number }[] = [];
  for (const op of ops) {
    const at = order.findIndex((e) => e.key === op.key);
    if (op.kind === 'get') {
      if (at >= 0) order.push(...order.splice(at, 1));
      continue;
    }
    if (at >= 0) order.splice(at, 1);
    if (op.kind === 'delete' || op.bytes > maxBytes) continue;
    order.push({ key: op.key, bytes: op.bytes });
    while (order.reduce((sum, e) => sum + e.bytes, 0) > maxBytes) order = order.slice(1);
  }
  return order.map((e) => e.key);
}

const key = (keys: number) => fc.integer({ min: 0, max: keys - 1 }).map((i) => `k${i}`);
const op = (keys: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key: key(keys), bytes: fc.integer({ min: 0, max: 400 }) }),
    fc.record({ kind: fc.constant('get' as const), key: key(keys) }),
    fc.record({ kind: fc.constant('delete' as const), key: key(keys) }),
  );

describe('ByteLru', () => {
  it.each([
    { name: 'a few keys, reused', keys: 5 },
    { name: 'many keys', keys: 50 },
    { name: 'a flood of distinct keys', keys: 100_000 },
  ])('agrees with the model and stays under its bound: $name', ({ keys }) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(op(keys), { maxLength: 300 }), (maxBytes, ops) => {
        const sizes = new Map<string, number>();
        const lru = new ByteLru<string, number>(maxBytes, (_k, bytes) => bytes);
        for (const o of ops) {
          if (o.kind === 'set') lru.set(o.key, o.bytes);
          else if (o.kind === 'get') lru.get(o.key);
          else lru.delete(o.key);
          expect(lru.bytes).toBeLessThanOrEqual(maxBytes);
        }
        for (const k of lru.keys()) sizes.set(k, lru.peek(k)!);
        expect(lru.keys()).toEqual(model(maxBytes, ops));
        expect(lru.bytes).toBe([...sizes.values()].reduce((a, b) => a + b, 0));
        expect(lru.size).toBe(sizes.size);
      }),
    );
  });

  it('holds 10,000 distinct 1 KB entries in a 64 KB bound as the 64 most recent', () => {
    const lru = new ByteLru<string, Buffer>(64 * 1024, (k, v) => k.length + v.length);
    const body = Buffer.alloc(1000);
    for (let i = 0; i < 10_000; i++) lru.set(`key-${String(i).padStart(5, '0')}`, body);
    expect(lru.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(lru.size).toBe(Math.floor((64 * 1024) / 1009));
    expect(lru.keys().at(-1)).toBe('key-09999');
    expect(lru.get('key-00000')).toBeUndefined();
  });
});
