/**
 * The order of answers. Responses usually, not always, answer aims in the letter's order. In the spirit of
 * Nelken and Shieber (2006), who align texts by dynamic programming that favours monotone alignments, the
 * heaviest chain of (response block, aim) candidate pairs that is monotone (both indexes non-decreasing) is
 * found by a weighted longest-increasing-subsequence pass with a Fenwick tree: O(P log A) for P pairs and A
 * aims. Pairs on the chain gain a little; the caller penalises, but does not forbid, pairs off it.
 */
import { type Arena, PLAIN } from '../text/arena';
import { release } from '../text/release';

/** Candidate pairs as parallel arrays: the unit (response block) and aim of each, and its weight. */
export interface OrderPairs {
  unit: ArrayLike<number>;
  aim: ArrayLike<number>;
  weight: ArrayLike<number>;
}

/**
 * Indexes (into the pairs) of the heaviest monotone chain among the pairs listed in `of`, in no particular
 * order. Pairs tied on unit and aim are taken in the order `of` lists them. Its arrays, the chain's included,
 * come from `arena` when given.
 */
export function monotoneChain(pairs: OrderPairs, of: ArrayLike<number>, aimCount: number, arena = PLAIN): Int32Array {
  const n = of.length;
  const order = sortByUnitAndAim(pairs, of, arena);
  const treeValue = arena.float64(aimCount + 1);
  const treeIndex = arena.int32(aimCount + 1).fill(-1);
  // By position in `order`.
  const best = arena.float64(n);
  const prev = arena.int32(n).fill(-1);
  let top = -1;
  for (let at = 0; at < n; at++) {
    const i = order[at];
    const aim = pairs.aim[i];
    // Prefix maximum over aims 0..aim.
    let v = 0;
    let from = -1;
    for (let k = aim + 1; k > 0; k -= k & -k) {
      if (treeIndex[k] >= 0 && treeValue[k] > v) {
        v = treeValue[k];
        from = treeIndex[k];
      }
    }
    best[at] = v + pairs.weight[i];
    prev[at] = from;
    for (let k = aim + 1; k <= aimCount; k += k & -k) {
      if (treeIndex[k] < 0 || best[at] > treeValue[k]) {
        treeValue[k] = best[at];
        treeIndex[k] = at;
      }
    }
    if (top < 0 || best[at] > best[top]) top = at;
  }
  let length = 0;
  for (let at = top; at >= 0; at = prev[at]) length++;
  const chain = arena.int32(length);
  for (let at = top, k = 0; at >= 0; at = prev[at]) chain[k++] = order[at];
  release(order, treeValue, treeIndex, best, prev);
  return chain;
}

/** `of`, stably sorted by unit and then aim. Pairs usually come grouped by unit already: each group is then
 * sorted on its own. */
function sortByUnitAndAim(pairs: OrderPairs, of: ArrayLike<number>, arena: Arena): Int32Array {
  const n = of.length;
  for (let k = 1; k < n; k++) {
    if (pairs.unit[of[k]] < pairs.unit[of[k - 1]]) {
      return arena.int32From(Array.from(of).sort((x, y) => pairs.unit[x] - pairs.unit[y] || pairs.aim[x] - pairs.aim[y]));
    }
  }
  const order = arena.int32From(of);
  // Insertion sort by aim within each unit's run: stable, and the runs are short.
  for (let k = 1; k < n; k++) {
    const i = order[k];
    const unit = pairs.unit[i];
    const aim = pairs.aim[i];
    let j = k - 1;
    while (j >= 0 && pairs.unit[order[j]] === unit && pairs.aim[order[j]] > aim) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = i;
  }
  return order;
}
