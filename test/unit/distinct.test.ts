import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendDistinct } from '../../src/core/text/distinct';
import { float64Column } from '../../src/core/text/column';

const viaSet = (xs: number[]) => Float64Array.from(new Set(xs));

/** The distinct numbers of `list[from, to)`, appended to a column of their own. */
function distinctNumbers(list: number[], from?: number, to?: number): Float64Array {
  const column = float64Column(0);
  const n = appendDistinct(list, column, from, to);
  expect(column.length).toBe(n);
  return column.array.subarray(0, n);
}

describe('distinct numbers', () => {
  it('gives what Float64Array.from(new Set(list)) gives, for lists of every size', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.double(), fc.constantFrom(0, -0, NaN, 2 ** 62, 2 ** 62 + 2 ** 11)), { maxLength: 3000 }), (xs) => {
        expect(Array.from(distinctNumbers(xs))).toEqual(Array.from(viaSet(xs)));
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  it('dedupes word trigrams as alignment makes them (three 21-bit ids in one number), across many calls', () => {
    const B = 2 ** 21;
    let seed = 1;
    const next = () => (seed = (seed * 48271) % 0x7fffffff);
    for (let round = 0; round < 200; round++) {
      const ids = Array.from({ length: 5 + (next() % 400) }, () => 1 + (next() % 300));
      const keys: number[] = [];
      for (let i = 2; i < ids.length; i++) keys.push((ids[i - 2] * B + ids[i - 1]) * B + ids[i]);
      expect(Array.from(distinctNumbers(keys))).toEqual(Array.from(viaSet(keys)));
    }
  });

  it('reads only the range asked for', () => {
    expect(Array.from(distinctNumbers([9, 1, 2, 1, 3, 2, 9], 1, 6))).toEqual([1, 2, 3]);
    expect(distinctNumbers([1, 2], 2, 2).length).toBe(0);
  });

  it('appends the distinct numbers of lists to a column, one after another', () => {
    const column = float64Column(2);
    const lists = [[3, 1, 3, 2.5], [], [NaN, 0, -0, NaN, 7], [1, 1, 1]];
    const ats = lists.map((list) => {
      const at = column.length;
      expect(appendDistinct(list, column)).toBe(viaSet(list).length);
      return at;
    });
    lists.forEach((list, k) => {
      const end = k + 1 < lists.length ? ats[k + 1] : column.length;
      expect(Array.from(column.array.subarray(ats[k], end))).toEqual(Array.from(viaSet(list)));
    });
  });
});
