/**
 * pageOfSorted (src/domain/keyset.ts), the in-memory keyset pager behind the
 * record lists, the conflicts page and the API's shared lists, against the
 * model "the sorted list cut into slices": walking forward by the last row's
 * key visits every row once in order; walking back by the first row's key
 * returns the same pages; the counts add up; rows inserted before the cursor
 * do not change the next page's rows.
 */
import fc from 'fast-check';
import { compareKeys, pageOfSorted, type Key } from '../../src/domain/keyset';

type Row = { v: number; id: number };
const keyOf = (r: Row): Key => [r.v, r.id];
const sortRows = (rows: Row[]) => [...rows].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
const rowsArb = fc.uniqueArray(fc.record({ v: fc.integer({ min: 0, max: 20 }), id: fc.integer({ min: 1, max: 10_000 }) }), { selector: (r) => r.id, maxLength: 60 }).map(sortRows);

it('walks forward over every row once, in order, with offsets that add up', () => {
  fc.assert(
    fc.property(rowsArb, fc.integer({ min: 1, max: 15 }), (rows, limit) => {
      const seen: Row[] = [];
      let page = pageOfSorted(rows, keyOf, compareKeys, { limit });
      for (;;) {
        expect(page.offset).toBe(seen.length);
        expect(page.total).toBe(rows.length);
        seen.push(...page.rows);
        if (!page.hasNext) break;
        page = pageOfSorted(rows, keyOf, compareKeys, { limit, after: keyOf(page.rows.at(-1)!) });
      }
      expect(seen).toEqual(rows);
    }),
  );
});

it('walks back to the same pages it walked forward through', () => {
  fc.assert(
    fc.property(rowsArb, fc.integer({ min: 1, max: 15 }), (rows, limit) => {
      const forward = [pageOfSorted(rows, keyOf, compareKeys, { limit })];
      while (forward.at(-1)!.hasNext) forward.push(pageOfSorted(rows, keyOf, compareKeys, { limit, after: keyOf(forward.at(-1)!.rows.at(-1)!) }));
      for (let i = forward.length - 1; i > 0; i -= 1) {
        const back = pageOfSorted(rows, keyOf, compareKeys, { limit, before: keyOf(forward[i]!.rows[0]!) });
        expect(back.rows).toEqual(forward[i - 1]!.rows);
        expect(back.hasPrev).toBe(i - 1 > 0);
      }
    }),
  );
});

it('gives the same next page after rows are inserted before the cursor', () => {
  fc.assert(
    fc.property(rowsArb, fc.integer({ min: 1, max: 10 }), fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 10 }), (rows, limit, inserted) => {
      fc.pre(rows.length > limit);
      const first = pageOfSorted(rows, keyOf, compareKeys, { limit });
      const cursor = keyOf(first.rows.at(-1)!);
      const extra = inserted.map((v, i) => ({ v, id: 20_000 + i })).filter((r) => compareKeys(keyOf(r), cursor) < 0);
      const before = pageOfSorted(rows, keyOf, compareKeys, { limit, after: cursor });
      const after = pageOfSorted(sortRows([...rows, ...extra]), keyOf, compareKeys, { limit, after: cursor });
      expect(after.rows).toEqual(before.rows);
      expect(after.offset).toBe(before.offset + extra.length);
    }),
  );
});
