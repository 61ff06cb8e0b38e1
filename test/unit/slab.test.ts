import { describe, expect, it } from 'vitest';
import { Slab } from '../../src/core/text/slab';

describe('slab', () => {
  it('gives arrays of zeros that do not overlap, across blocks and beside arrays of their own', () => {
    const slab = new Slab();
    const sizes = [3, 0, 250, 7, 1, 4000, 64, 20000, 5, 1000, 16385, 2];
    const f = sizes.map((n) => slab.float64(n));
    const i = sizes.map((n) => slab.int32(n));
    sizes.forEach((n, k) => {
      expect(f[k].length).toBe(n);
      expect(i[k].length).toBe(n);
      expect(f[k].every((x) => x === 0)).toBe(true);
      expect(i[k].every((x) => x === 0)).toBe(true);
      f[k].fill(k + 0.5);
      i[k].fill(-k - 1);
    });
    // Each array still holds what was written to it: no other array's writes reached it.
    sizes.forEach((_, k) => {
      expect(f[k].every((x) => x === k + 0.5)).toBe(true);
      expect(i[k].every((x) => x === -k - 1)).toBe(true);
    });
  });

  it('copies a range of a list', () => {
    const slab = new Slab();
    expect(Array.from(slab.float64Of([1.5, 2.5, 3.5, 4.5], 1, 3))).toEqual([2.5, 3.5]);
    expect(Array.from(slab.int32Of([9, 8, 7]))).toEqual([9, 8, 7]);
    expect(slab.int32Of([], 0, 0).length).toBe(0);
  });

  it('shares blocks among small arrays', () => {
    const slab = new Slab();
    const a = slab.int32(10);
    const b = slab.int32(10);
    expect(b.buffer).toBe(a.buffer);
    expect(b.byteOffset).toBe(a.byteOffset + a.byteLength);
  });
});
