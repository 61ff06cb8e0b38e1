/**
 * The order of answers. Responses usually, not always, answer aims in the letter's order. In the spirit of
 * Nelken and Shieber (2006), who align texts by dynamic programming that favours monotone alignments, the
 * heaviest chain of (response block, aim) candidate pairs that is monotone (both indexes non-decreasing) is
 * found by a weighted longest-increasing-subsequence pass with a Fenwick tree: O(P log A) for P pairs and A
 * aims. Pairs on the chain gain a little; the caller penalises, but does not forbid, pairs off it.
 */

export interface OrderPair {
  unit: number;
  aim: number;
  weight: number;
}

/** Indexes (into `pairs`) of the heaviest monotone chain. */
export function monotoneChain(pairs: OrderPair[], aimCount: number): Set<number> {
  const order = pairs.map((_, i) => i).sort((x, y) => pairs[x].unit - pairs[y].unit || pairs[x].aim - pairs[y].aim);
  const treeValue = new Float64Array(aimCount + 1);
  const treeIndex = new Int32Array(aimCount + 1).fill(-1);
  const best = new Float64Array(pairs.length);
  const prev = new Int32Array(pairs.length).fill(-1);
  let top = -1;
  for (const i of order) {
    const p = pairs[i];
    // Prefix maximum over aims 0..p.aim.
    let v = 0;
    let from = -1;
    for (let k = p.aim + 1; k > 0; k -= k & -k) {
      if (treeIndex[k] >= 0 && treeValue[k] > v) {
        v = treeValue[k];
        from = treeIndex[k];
      }
    }
    best[i] = v + p.weight;
    prev[i] = from;
    for (let k = p.aim + 1; k <= aimCount; k += k & -k) {
      if (treeIndex[k] < 0 || best[i] > treeValue[k]) {
        treeValue[k] = best[i];
        treeIndex[k] = i;
      }
    }
    if (top < 0 || best[i] > best[top]) top = i;
  }
  const chain = new Set<number>();
  for (let i = top; i >= 0; i = prev[i]) chain.add(i);
  return chain;
}
