import { describe, expect, it } from 'vitest';
import { float64Column, int32Column } from '../../src/core/text/column';
import { Bm25Index } from '../../src/core/align/bm25';

describe('column', () => {
  it('keeps every list it was given, at the offsets it returned, as it grows', () => {
    const column = int32Column(4);
    const lists: Array<{ at: number; list: number[] }> = [];
    for (let n = 0; n < 300; n++) {
      const list = Array.from({ length: n % 7 }, (_, k) => n * 10 + k);
      lists.push({ at: column.append(list), list });
      column.push(-n - 1);
      lists.push({ at: column.length - 1, list: [-n - 1] });
    }
    expect(column.array.length).toBeGreaterThan(16);
    for (const { at, list } of lists) expect(Array.from(column.array.subarray(at, at + list.length))).toEqual(list);
  });

  it('gives room of zeros, and appends a range of a list', () => {
    const column = float64Column(0);
    column.append([1.5, 2.5, 3.5, 4.5], 1, 3);
    const at = column.add(40);
    expect(at).toBe(2);
    expect(column.length).toBe(42);
    expect(Array.from(column.array.subarray(0, 2))).toEqual([2.5, 3.5]);
    expect(column.array.subarray(2, 42).every((x) => x === 0)).toBe(true);
  });
});

describe('BM25 index of many blocks', () => {
  it('reads each block’s terms, counts and length as they were added, past the columns’ first sizes', () => {
    // More blocks than the index first has room for (1024), with few terms to start with: every column grows.
    const index = new Bm25Index(8);
    const blocks = Array.from({ length: 3000 }, (_, d) => Array.from({ length: 1 + (d % 5) }, (_, k) => `w${(d * 7 + k * k) % 97}`));
    blocks.forEach((stems, d) => expect(index.add(stems)).toBe(d));
    expect(index.size).toBe(3000);
    blocks.forEach((stems, d) => {
      expect(index.docLength(d)).toBe(stems.length);
      const counts = new Map<string, number>();
      for (const s of stems) counts.set(s, (counts.get(s) ?? 0) + 1);
      const terms: string[] = [];
      for (let k = index.termsFrom(d); k < index.termsTo(d); k++) {
        const term = index.termOf[index.termIds[k]];
        terms.push(term);
        expect(index.termCounts[k]).toBe(counts.get(term));
        expect(index.termIndex(d, index.termIds[k])).toBe(k);
      }
      expect(terms.sort()).toEqual([...counts.keys()].sort());
      expect(index.termIndex(d, index.termId('nowhere'))).toBe(-1);
    });
  });
});
