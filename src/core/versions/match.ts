/**
 * Matching the items of two versions (aims, or sentences that make claims) in near-linear time.
 *
 * 1. Exact matches: items whose normalised key is equal are paired in order of appearance (a hash map).
 * 2. Anchors: the longest run of exact pairs in the same order (LIS, n log n) splits both versions into gaps.
 * 3. Candidates: pairs of unmatched items in the same small gap, plus pairs that share one of their rarest
 *    words (an inverted index with capped posting lists, so common words never fan out).
 * 4. Similarity (TF-IDF cosine, with a bonus for a shared title) is computed on candidates only, and pairs
 *    are assigned greedily, best first. A pair in the same gap needs less similarity than a pair far apart:
 *    a reworded aim usually stays where it was.
 *
 * Letters have tens of aims, so every step is cheap; a 1 MB document with thousands of aims stays linear in
 * practice because exact matches leave few items unmatched, and the posting lists are capped. Words are
 * counted only for the items left unmatched by step 1, and their IDF is taken over those items.
 */
import { termCounts } from './tokens';

export interface MatchItem {
  /** Normalised text: equal keys mean the item is unchanged. */
  key: string;
  /** The words to compare, when not the key. */
  text?: string;
  /** The title (lead-in, heading or opening words), if any. */
  title?: string;
  /** Term counts of the item and its title, computed only for items that are not matched exactly. */
  tf?: Map<string, number>;
  titleTf?: Map<string, number>;
}

/** Term counts of an item, computed on first use. */
export function termsOf(item: MatchItem): Map<string, number> {
  if (!item.tf) item.tf = termCounts(item.text ?? item.key);
  return item.tf;
}

function titleTermsOf(item: MatchItem): Map<string, number> | undefined {
  if (item.title === undefined || item.title === '') return undefined;
  if (!item.titleTf) item.titleTf = termCounts(item.title);
  return item.titleTf;
}

export interface MatchOptions {
  /** Least similarity for a pair in the same gap between anchors. */
  nearThreshold: number;
  /** Least similarity for a pair anywhere else (a moved item). */
  farThreshold: number;
  /**
   * Least similarity for the only unmatched old item and the only unmatched new item between the same two
   * matched neighbours: one item replaced in place is more likely reworded than removed and added.
   */
  slotThreshold?: number;
}

export interface MatchResult {
  /** For each old item, the index of its new partner or -1. */
  oldToNew: Int32Array;
  /** For each new item, the index of its old partner or -1. */
  newToOld: Int32Array;
  /** Similarity of each new item with its partner (1 for exact). */
  similarity: Float64Array;
  /** Inverse document frequency of every word over both versions. */
  idf: Map<string, number>;
}

/** Most rare words per item used to find candidates, and the longest posting list followed. */
const RARE_PER_ITEM = 6;
const POSTING_CAP = 24;
/** The largest gap (old × new items) compared exhaustively. */
const GAP_PAIRS_CAP = 4096;

export function matchItems(oldItems: MatchItem[], newItems: MatchItem[], options: MatchOptions): MatchResult {
  const oldToNew = new Int32Array(oldItems.length).fill(-1);
  const newToOld = new Int32Array(newItems.length).fill(-1);
  const similarity = new Float64Array(newItems.length);

  // 1. Exact matches, in order of appearance within each key.
  const byKey = new Map<string, number[]>();
  oldItems.forEach((item, i) => {
    const h = item.key;
    const list = byKey.get(h);
    if (list) list.push(i);
    else byKey.set(h, [i]);
  });
  const cursor = new Map<string, number>();
  newItems.forEach((item, j) => {
    const h = item.key;
    const list = byKey.get(h);
    if (!list) return;
    const c = cursor.get(h) ?? 0;
    cursor.set(h, c + 1);
    if (c < list.length) {
      oldToNew[list[c]] = j;
      newToOld[j] = list[c];
      similarity[j] = 1;
    }
  });

  const unmatchedOld: number[] = [];
  const unmatchedNew: number[] = [];
  for (let i = 0; i < oldItems.length; i++) if (oldToNew[i] === -1) unmatchedOld.push(i);
  for (let j = 0; j < newItems.length; j++) if (newToOld[j] === -1) unmatchedNew.push(j);
  const idf = inverseFrequencies(unmatchedOld.map((i) => oldItems[i]), unmatchedNew.map((j) => newItems[j]));
  const norms = new Map<MatchItem, [number, number]>();
  const normsOf = (it: MatchItem): [number, number] => {
    let n = norms.get(it);
    if (!n) {
      const t = titleTermsOf(it);
      norms.set(it, (n = [vectorNorm(termsOf(it), idf), t ? vectorNorm(t, idf) : 0]));
    }
    return n;
  };
  const sim = (i: number, j: number): number => {
    const a = oldItems[i];
    const b = newItems[j];
    const [na, ta] = normsOf(a);
    const [nb, tb] = normsOf(b);
    let s = cosine(termsOf(a), na, termsOf(b), nb, idf);
    if (ta > 0 && tb > 0) s = Math.min(1, s + 0.2 * cosine(a.titleTf!, ta, b.titleTf!, tb, idf) * (1 - s));
    return s;
  };

  // 2. Anchors and gaps.
  const gapOfOld = new Int32Array(oldItems.length);
  const gapOfNew = new Int32Array(newItems.length);
  assignGaps(oldToNew, newToOld, gapOfOld, gapOfNew);

  // 3. Candidates.
  if (unmatchedOld.length === 0 || unmatchedNew.length === 0) return { oldToNew, newToOld, similarity, idf };

  const candidates = new Map<number, number>(); // pair code -> similarity
  const pairCode = (i: number, j: number) => i * newItems.length + j;
  const consider = (i: number, j: number) => {
    const code = pairCode(i, j);
    if (!candidates.has(code)) candidates.set(code, sim(i, j));
  };

  // Same gap, when the gap is small.
  const oldByGap = new Map<number, number[]>();
  for (const i of unmatchedOld) {
    const g = gapOfOld[i];
    const list = oldByGap.get(g);
    if (list) list.push(i);
    else oldByGap.set(g, [i]);
  }
  const newByGap = new Map<number, number[]>();
  for (const j of unmatchedNew) {
    const g = gapOfNew[j];
    const list = newByGap.get(g);
    if (list) list.push(j);
    else newByGap.set(g, [j]);
  }
  for (const [g, olds] of oldByGap) {
    const news = newByGap.get(g);
    if (!news || olds.length * news.length > GAP_PAIRS_CAP) continue;
    for (const i of olds) for (const j of news) consider(i, j);
  }

  // Shared rare words, anywhere.
  const postings = new Map<string, number[]>();
  for (const i of unmatchedOld) {
    for (const w of rarest(termsOf(oldItems[i]), idf)) {
      const list = postings.get(w);
      if (!list) postings.set(w, [i]);
      else if (list.length <= POSTING_CAP) list.push(i);
    }
  }
  for (const j of unmatchedNew) {
    for (const w of rarest(termsOf(newItems[j]), idf)) {
      const list = postings.get(w);
      if (!list || list.length > POSTING_CAP) continue;
      for (const i of list) consider(i, j);
    }
  }

  // 4. Greedy assignment, best first; ties go to the pair closest in position.
  const pairs: Array<{ i: number; j: number; s: number; near: boolean }> = [];
  for (const [code, s] of candidates) {
    const i = Math.floor(code / newItems.length);
    const j = code - i * newItems.length;
    const near = gapOfOld[i] === gapOfNew[j];
    if (s >= (near ? options.nearThreshold : options.farThreshold)) pairs.push({ i, j, s, near });
  }
  const oldRank = rankWithin(oldItems.length);
  const newRank = rankWithin(newItems.length);
  pairs.sort((a, b) => b.s - a.s || Math.abs(oldRank(a.i) - newRank(a.j)) - Math.abs(oldRank(b.i) - newRank(b.j)));
  for (const p of pairs) {
    if (oldToNew[p.i] !== -1 || newToOld[p.j] !== -1) continue;
    oldToNew[p.i] = p.j;
    newToOld[p.j] = p.i;
    similarity[p.j] = p.s;
  }

  // 5. One left on each side between the same matched neighbours: a replacement in place.
  if (options.slotThreshold !== undefined) {
    assignGaps(oldToNew, newToOld, gapOfOld, gapOfNew);
    const lonelyOld = new Map<number, number>();
    const lonelyNew = new Map<number, number>();
    const count = (map: Map<number, number>, g: number, k: number) => map.set(g, map.has(g) ? -1 : k);
    for (let i = 0; i < oldItems.length; i++) if (oldToNew[i] === -1) count(lonelyOld, gapOfOld[i], i);
    for (let j = 0; j < newItems.length; j++) if (newToOld[j] === -1) count(lonelyNew, gapOfNew[j], j);
    for (const [g, i] of lonelyOld) {
      const j = lonelyNew.get(g);
      if (i < 0 || j === undefined || j < 0) continue;
      const sv = sim(i, j);
      if (sv < options.slotThreshold) continue;
      oldToNew[i] = j;
      newToOld[j] = i;
      similarity[j] = sv;
    }
  }
  return { oldToNew, newToOld, similarity, idf };
}

/** Relative position in 0..1, so that documents of different lengths compare. */
function rankWithin(n: number): (i: number) => number {
  return (i: number) => (n <= 1 ? 0 : i / (n - 1));
}

/**
 * Labels every item with its gap: the number of anchors before it. Anchors are the exact pairs that keep
 * their order (a longest increasing subsequence of old indexes taken in new order).
 */
function assignGaps(oldToNew: Int32Array, newToOld: Int32Array, gapOfOld: Int32Array, gapOfNew: Int32Array): void {
  const seq: number[] = [];
  const seqNew: number[] = [];
  for (let j = 0; j < newToOld.length; j++) {
    if (newToOld[j] !== -1) {
      seq.push(newToOld[j]);
      seqNew.push(j);
    }
  }
  const inLis = longestIncreasing(seq);
  const isAnchorOld = new Uint8Array(oldToNew.length);
  const isAnchorNew = new Uint8Array(newToOld.length);
  for (let k = 0; k < seq.length; k++) {
    if (inLis[k]) {
      isAnchorOld[seq[k]] = 1;
      isAnchorNew[seqNew[k]] = 1;
    }
  }
  let g = 0;
  for (let i = 0; i < oldToNew.length; i++) {
    if (isAnchorOld[i]) g++;
    gapOfOld[i] = g;
  }
  g = 0;
  for (let j = 0; j < newToOld.length; j++) {
    if (isAnchorNew[j]) g++;
    gapOfNew[j] = g;
  }
}

/** Marks the members of one longest strictly increasing subsequence (patience sorting, n log n). */
export function longestIncreasing(seq: number[]): Uint8Array {
  const n = seq.length;
  const tails: number[] = [];
  const prev = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]] < seq[k]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const out = new Uint8Array(n);
  let k = tails.length > 0 ? tails[tails.length - 1] : -1;
  while (k !== -1) {
    out[k] = 1;
    k = prev[k];
  }
  return out;
}

function inverseFrequencies(a: MatchItem[], b: MatchItem[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const list of [a, b]) for (const it of list) for (const w of termsOf(it).keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = a.length + b.length;
  const idf = new Map<string, number>();
  for (const [w, d] of df) idf.set(w, Math.log(1 + n / d));
  return idf;
}

function vectorNorm(tf: Map<string, number>, idf: Map<string, number>): number {
  let s = 0;
  for (const [w, c] of tf) {
    const x = (1 + Math.log(c)) * (idf.get(w) ?? 0);
    s += x * x;
  }
  return Math.sqrt(s);
}

function cosine(a: Map<string, number>, na: number, b: Map<string, number>, nb: number, idf: Map<string, number>): number {
  if (na === 0 || nb === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, c] of small) {
    const d = large.get(w);
    if (d === undefined) continue;
    const f = idf.get(w) ?? 0;
    dot += (1 + Math.log(c)) * (1 + Math.log(d)) * f * f;
  }
  return dot / (na * nb);
}

/** The similarity the matcher uses, for one pair. */
export function pairSimilarity(a: MatchItem, b: MatchItem, idf: Map<string, number>): number {
  const ta = termsOf(a);
  const tb = termsOf(b);
  let s = cosine(ta, vectorNorm(ta, idf), tb, vectorNorm(tb, idf), idf);
  const ha = titleTermsOf(a);
  const hb = titleTermsOf(b);
  if (ha && hb) {
    const na = vectorNorm(ha, idf);
    const nb = vectorNorm(hb, idf);
    if (na > 0 && nb > 0) s = Math.min(1, s + 0.2 * cosine(ha, na, hb, nb, idf) * (1 - s));
  }
  return s;
}

/** Share of `a`'s weight (by IDF) that `b` also has: how much of `a` is contained in `b`. */
export function containment(a: Map<string, number>, b: Map<string, number>, idf: Map<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const w of a.keys()) {
    const f = idf.get(w) ?? 0;
    total += f;
    if (b.has(w)) shared += f;
  }
  return total === 0 ? 0 : shared / total;
}

/** The item's rarest words (highest IDF), at most RARE_PER_ITEM. */
function rarest(tf: Map<string, number>, idf: Map<string, number>): string[] {
  const words = [...tf.keys()];
  if (words.length <= RARE_PER_ITEM) return words;
  words.sort((x, y) => (idf.get(y) ?? 0) - (idf.get(x) ?? 0) || (x < y ? -1 : x > y ? 1 : 0));
  return words.slice(0, RARE_PER_ITEM);
}
