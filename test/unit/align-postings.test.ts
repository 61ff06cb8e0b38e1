import { describe, expect, it } from 'vitest';
import { AimPostings, type AimKeys } from '../../src/core/align/postings';

/** A small generator of repeatable random numbers. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Each aim's trigrams, distinct within the aim, from a pool of `pool` trigrams (large numbers, as real keys are). */
function aimsOf(count: number, pool: number, next: () => number): number[][] {
  return Array.from({ length: count }, () => {
    const own = new Set<number>();
    const n = Math.floor(next() * 12);
    for (let k = 0; k < n; k++) own.add(2 ** 52 + Math.floor(next() * pool) * 7919);
    return [...own];
  });
}

function listsOf(aims: number[][]): (a: number) => AimKeys {
  return (a) => ({ keys: Float64Array.from(aims[a]), from: 0, to: aims[a].length });
}

/** What `tally` should give: a map from trigram to the aims holding it, counted plainly. */
function expected(aims: number[][], grams: number[], cap: number): Map<number, number> {
  const hits = new Map<number, number>();
  for (const g of grams) {
    const holders = aims.flatMap((list, a) => (list.includes(g) ? [a] : []));
    if (holders.length > cap) continue;
    for (const a of holders) hits.set(a, (hits.get(a) ?? 0) + 1);
  }
  return hits;
}

function tallied(postings: AimPostings, grams: number[], cap: number): Map<number, number> {
  const hits = new Map<number, number>();
  for (const g of grams) postings.tally(g, cap, hits);
  return hits;
}

/** The keys some aim holds, ascending. */
function keysOf(postings: AimPostings): number[] {
  const out: number[] = [];
  postings.forEachKey((g) => out.push(g));
  return out.sort((x, y) => x - y);
}

describe('the postings of aims’ keys (trigrams, stems)', () => {
  it('list the aims holding a key, count them, and list the keys held, from 32-bit keys too', () => {
    const stems = [[5, 9, 2], [9], [], [2, 7, 9]];
    const postings = new AimPostings((a) => ({ keys: Int32Array.from(stems[a]), from: 0, to: stems[a].length }), stems.length);
    expect(postings.aimsOf(9)).toEqual([0, 1, 3]);
    expect(postings.count(9)).toBe(3);
    expect(postings.aimsOf(4)).toEqual([]);
    expect(postings.count(4)).toBe(0);
    expect(keysOf(postings)).toEqual([2, 5, 7, 9]);
    // A list of its own: changing it changes nothing in the postings.
    postings.aimsOf(2).push(1);
    expect(postings.aimsOf(2)).toEqual([0, 3]);
    // Aim 0 leaves 5 (no aim holds it now) and joins 4.
    postings.leave(5, 0);
    postings.join(4, 0);
    expect(keysOf(postings)).toEqual([2, 4, 7, 9]);
    expect(postings.count(5)).toBe(0);
    expect(postings.aimsOf(4)).toEqual([0]);
  });

  it('give the same answers for small integer keys (counted by key) as for keys spread wide (sorted)', () => {
    const next = random(5);
    // Keys below 300, for 40 aims: read by a count of each key. The same keys times 10,007 are far apart: sorted.
    const small = Array.from({ length: 40 }, () => [...new Set(Array.from({ length: Math.floor(next() * 9) }, () => Math.floor(next() * 300)))]);
    const wide = small.map((list) => list.map((g) => g * 10_007));
    const dense = new AimPostings((a) => ({ keys: Int32Array.from(small[a]), from: 0, to: small[a].length }), small.length);
    const sparse = new AimPostings((a) => ({ keys: Int32Array.from(wide[a]), from: 0, to: wide[a].length }), wide.length);
    for (let g = 0; g < 300; g++) {
      expect(dense.aimsOf(g)).toEqual(sparse.aimsOf(g * 10_007));
      expect(dense.aimsOf(g)).toEqual(small.flatMap((list, a) => (list.includes(g) ? [a] : [])));
    }
    expect(keysOf(dense).map((g) => g * 10_007)).toEqual(keysOf(sparse));
  });

  it('count each aim holding a trigram, in the order of aims, and none for a trigram held by too many', () => {
    const next = random(7);
    const aims = aimsOf(60, 40, next);
    const postings = new AimPostings(listsOf(aims), aims.length);
    const asked = [...new Set(aims.flat()), 12345, 2 ** 53];
    for (const cap of [1, 3, 8]) {
      const got = tallied(postings, asked, cap);
      const want = expected(aims, asked, cap);
      expect([...got].sort((x, y) => x[0] - y[0])).toEqual([...want].sort((x, y) => x[0] - y[0]));
    }
    // Within one trigram, the aims come in ascending order (the order a paragraph's quoted aims are found in).
    const one = aims.flat()[0];
    expect([...tallied(postings, [one], 100).keys()]).toEqual(aims.flatMap((list, a) => (list.includes(one) ? [a] : [])));
  });

  it('after aims change (an edit), answer as postings made afresh do, through many edits', () => {
    const next = random(11);
    const aims = aimsOf(40, 30, next);
    const postings = new AimPostings(listsOf(aims), aims.length);
    const pool = aimsOf(200, 30, next);
    for (let edit = 0; edit < 300; edit++) {
      const a = Math.floor(next() * aims.length);
      const now = pool[Math.floor(next() * pool.length)];
      for (const g of aims[a]) postings.leave(g, a);
      for (const g of now) postings.join(g, a);
      aims[a] = now;
      postings.settle(listsOf(aims), aims.length);
      if (edit % 25 === 0 || edit === 299) {
        const asked = [...new Set([...aims.flat(), ...pool.flat()])];
        const fresh = new AimPostings(listsOf(aims), aims.length);
        for (const cap of [2, 8]) expect([...tallied(postings, asked, cap)]).toEqual([...tallied(fresh, asked, cap)]);
        expect(tallied(postings, asked, 8)).toEqual(expected(aims, asked, 8));
        for (const g of asked) {
          const holders = aims.flatMap((list, b) => (list.includes(g) ? [b] : []));
          expect(postings.aimsOf(g)).toEqual(holders);
          expect(postings.count(g)).toBe(holders.length);
        }
        expect(keysOf(postings)).toEqual([...new Set(aims.flat())].sort((x, y) => x - y));
      }
    }
  });

  it('are made again once the trigrams changed by edits are many', () => {
    const next = random(3);
    const aims = aimsOf(3000, 20_000, next);
    const postings = new AimPostings(listsOf(aims), aims.length);
    // Every aim given new trigrams: far more changed trigrams than the map keeps.
    for (let a = 0; a < aims.length; a++) {
      const now = aimsOf(1, 20_000, next)[0];
      for (const g of aims[a]) postings.leave(g, a);
      for (const g of now) postings.join(g, a);
      aims[a] = now;
    }
    postings.settle(listsOf(aims), aims.length);
    expect((postings as unknown as { patched: Map<number, number[]> }).patched.size).toBe(0);
    const asked = [...new Set(aims.flat())].slice(0, 500);
    expect(tallied(postings, asked, 8)).toEqual(expected(aims, asked, 8));
  });
});
