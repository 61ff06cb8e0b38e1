import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { monotoneChain, type OrderPairs } from '../../src/core/align/order';
import { Arena } from '../../src/core/text/arena';

/** The heaviest chain's weight by brute force: every subset of pairs whose units and aims never go down. */
function heaviest(pairs: OrderPairs, of: number[]): number {
  let best = 0;
  for (let mask = 1; mask < 1 << of.length; mask++) {
    const chosen = of.filter((_, k) => mask & (1 << k)).sort((x, y) => pairs.unit[x] - pairs.unit[y] || pairs.aim[x] - pairs.aim[y]);
    let ok = true;
    for (let k = 1; k < chosen.length && ok; k++) ok = pairs.aim[chosen[k]] >= pairs.aim[chosen[k - 1]];
    if (ok) best = Math.max(best, chosen.reduce((w, i) => w + pairs.weight[i], 0));
  }
  return best;
}

describe('the order of answers (heaviest monotone chain)', () => {
  it('finds a chain as heavy as any, monotone in both units and aims, among the pairs asked about', () => {
    const arena = new Arena(0);
    const pair = fc.record({ unit: fc.integer({ min: 0, max: 6 }), aim: fc.integer({ min: 0, max: 5 }), weight: fc.integer({ min: 1, max: 100 }) });
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 10 }), fc.boolean(), fc.boolean(), (list, grouped, subset) => {
        if (grouped) list.sort((x, y) => x.unit - y.unit);
        const pairs = { unit: list.map((p) => p.unit), aim: list.map((p) => p.aim), weight: list.map((p) => p.weight / 100) };
        const of = list.map((_, i) => i).filter((i) => !subset || i % 2 === 0);
        const chain = [...monotoneChain(pairs, of, 6)];
        // The same chain with its arrays carved from an arena (every one of them, however small).
        expect([...monotoneChain(pairs, of, 6, arena)]).toEqual(chain);
        expect(chain.every((i) => of.includes(i))).toBe(true);
        expect(new Set(chain).size).toBe(chain.length);
        const sorted = [...chain].sort((x, y) => pairs.unit[x] - pairs.unit[y] || pairs.aim[x] - pairs.aim[y]);
        for (let k = 1; k < sorted.length; k++) expect(pairs.aim[sorted[k]]).toBeGreaterThanOrEqual(pairs.aim[sorted[k - 1]]);
        expect(chain.reduce((w, i) => w + pairs.weight[i], 0)).toBeCloseTo(heaviest(pairs, of), 9);
      }),
      { numRuns: 300 },
    );
  });

  it('gives an empty chain for no pairs', () => {
    expect(monotoneChain({ unit: [], aim: [], weight: [] }, [], 3).length).toBe(0);
  });
});
