import { type Arena, PLAIN } from '../text/arena';
import { release } from '../text/release';

/** The keys of one aim (its word trigrams, or its words' stems): entries `from` to `to` of `keys`, each once. */
export interface AimKeys {
  keys: Float64Array | Int32Array;
  from: number;
  to: number;
}

/**
 * Which aims hold each key: for the aims' word trigrams, to find the aims a block of the response quotes; for
 * their stems, to find the aims holding a word and how rare it is among them.
 *
 * A long letter has hundreds of thousands of trigrams (about 400,000 on a 4 MB letter) and of (stem, aim) pairs.
 * In a map, each trigram costs an entry and a heap number for its key, and each stem a list of aims grown by
 * pushing: megabytes of heap, promoted while matching runs (and kept with a memo). Here they are three typed
 * arrays, sorted by key and read by binary search. A patch (an edit to a few aims) keeps the keys it changed in a
 * small map, read first; when that map grows large, the arrays are made again.
 */
export class AimPostings {
  readonly #arena: Arena;
  /** The distinct keys, ascending. */
  #keys: Float64Array;
  /** The aims holding `keys[k]` are `aims[from[k]]` to `aims[from[k + 1]]`, ascending. */
  #from: Int32Array;
  #aims: Int32Array;
  /** The aims holding each key a patch changed, ascending (empty when none does): read before the arrays. (Keeps
   * TypeScript's `private`: a test reads it.) */
  private readonly patched = new Map<number, number[]>();

  /** `lists(a)` holds aim `a`'s keys. The arrays come from `arena`. */
  constructor(lists: (a: number) => AimKeys, count: number, arena: Arena = PLAIN) {
    this.#arena = arena;
    [this.#keys, this.#from, this.#aims] = build(lists, count, arena);
  }

  /** Adds one to `hits` for each aim holding key `g`, unless more than `cap` aims hold it. */
  tally(g: number, cap: number, hits: Map<number, number>): void {
    if (this.patched.size > 0) {
      const list = this.patched.get(g);
      if (list) {
        if (list.length <= cap) for (const a of list) hits.set(a, (hits.get(a) ?? 0) + 1);
        return;
      }
    }
    const k = find(this.#keys, g);
    if (k < 0) return;
    const from = this.#from[k];
    const to = this.#from[k + 1];
    if (to - from > cap) return;
    for (let i = from; i < to; i++) hits.set(this.#aims[i], (hits.get(this.#aims[i]) ?? 0) + 1);
  }

  /** How many aims hold key `g`. */
  count(g: number): number {
    const list = this.patched.size > 0 ? this.patched.get(g) : undefined;
    if (list) return list.length;
    const k = find(this.#keys, g);
    return k < 0 ? 0 : this.#from[k + 1] - this.#from[k];
  }

  /** The aims holding key `g`, ascending, in a list of their own. */
  aimsOf(g: number): number[] {
    const list = this.patched.size > 0 ? this.patched.get(g) : undefined;
    if (list) return list.slice();
    const k = find(this.#keys, g);
    if (k < 0) return [];
    const out = new Array<number>(this.#from[k + 1] - this.#from[k]);
    for (let i = this.#from[k]; i < this.#from[k + 1]; i++) out[i - this.#from[k]] = this.#aims[i];
    return out;
  }

  /** Calls `f` with each key some aim holds. */
  forEachKey(f: (g: number) => void): void {
    for (let k = 0; k < this.#keys.length; k++) if (!this.patched.has(this.#keys[k])) f(this.#keys[k]);
    this.patched.forEach((list, g) => {
      if (list.length > 0) f(g);
    });
  }

  /** Aim `aim` no longer holds key `g`. */
  leave(g: number, aim: number): void {
    const list = this.#listOf(g);
    const at = list.indexOf(aim);
    if (at >= 0) list.splice(at, 1);
  }

  /** Aim `aim` holds key `g`. */
  join(g: number, aim: number): void {
    const list = this.#listOf(g);
    let at = list.length;
    while (at > 0 && list[at - 1] > aim) at--;
    if (list[at - 1] !== aim) list.splice(at, 0, aim);
  }

  /** After a patch: when the changed keys are many, the arrays are made again from the aims' keys now (`lists`,
   * `count`), and the map emptied. */
  settle(lists: (a: number) => AimKeys, count: number): void {
    if (this.patched.size <= 1024 + this.#keys.length / 8) return;
    this.release();
    [this.#keys, this.#from, this.#aims] = build(lists, count, this.#arena);
    this.patched.clear();
  }

  /** Frees the arrays now (see `release`): the postings must not be read afterwards. */
  release(): void {
    release(this.#keys, this.#from, this.#aims);
  }

  /** The aims holding `g` now, as a list of the patch's own. */
  #listOf(g: number): number[] {
    let list = this.patched.get(g);
    if (!list) this.patched.set(g, (list = this.aimsOf(g)));
    return list;
  }
}

/** The postings of aims `0` to `count - 1`: distinct keys, where each one's aims start, and the aims. */
function build(lists: (a: number) => AimKeys, count: number, arena: Arena): [Float64Array, Int32Array, Int32Array] {
  let n = 0;
  /** The largest key when every key is a 32-bit integer (word ids), else -1. */
  let max = 0;
  for (let a = 0; a < count; a++) {
    const { keys, from, to } = lists(a);
    n += to - from;
    if (keys instanceof Int32Array) for (let i = from; i < to && max >= 0; i++) max = keys[i] < 0 ? -1 : Math.max(max, keys[i]);
    else max = -1;
  }
  if (max >= 0 && max <= 4 * n + 1024) return buildDense(lists, count, n, max, arena);
  // Every (key, aim) pair, sorted by key alone (a typed array's own sort, without a comparison function,
  // is fast), then each key once.
  const sorted = arena.float64(n);
  let at = 0;
  for (let a = 0; a < count; a++) {
    const { keys, from, to } = lists(a);
    sorted.set(keys.subarray(from, to), at);
    at += to - from;
  }
  sorted.sort();
  let distinct = 0;
  for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[distinct - 1]) sorted[distinct++] = sorted[k];
  const keys = arena.float64From(sorted.subarray(0, distinct));
  release(sorted);
  // A counting sort of the pairs by key, in the order of aims: each key's aims come out ascending. Each pair's key
  // is looked up once, and where it is kept for the second pass.
  const starts = arena.int32(distinct + 1);
  const keyOf = arena.int32(n);
  at = 0;
  for (let a = 0; a < count; a++) {
    const own = lists(a);
    for (let i = own.from; i < own.to; i++, at++) starts[(keyOf[at] = find(keys, own.keys[i])) + 1]++;
  }
  for (let k = 0; k < distinct; k++) starts[k + 1] += starts[k];
  const aims = arena.int32(n);
  const fill = arena.int32From(starts.subarray(0, distinct));
  at = 0;
  for (let a = 0; a < count; a++) {
    const { from, to } = lists(a);
    for (let i = from; i < to; i++) aims[fill[keyOf[at++]]++] = a;
  }
  release(fill, keyOf);
  return [keys, starts, aims];
}

/**
 * `build` for keys that are small integers, none above `max` (a few times the number of pairs at most): a counting
 * sort by key, without sorting the keys or looking each one up.
 */
function buildDense(lists: (a: number) => AimKeys, count: number, n: number, max: number, arena: Arena): [Float64Array, Int32Array, Int32Array] {
  // How many aims hold each key, then where each key's aims start among all of them.
  const at = arena.int32(max + 2);
  for (let a = 0; a < count; a++) {
    const own = lists(a);
    for (let i = own.from; i < own.to; i++) at[own.keys[i] + 1]++;
  }
  let distinct = 0;
  for (let g = 0; g <= max; g++) {
    if (at[g + 1] > 0) distinct++;
    at[g + 1] += at[g];
  }
  const keys = arena.float64(distinct);
  const starts = arena.int32(distinct + 1);
  distinct = 0;
  for (let g = 0; g <= max; g++) {
    if (at[g + 1] === at[g]) continue;
    keys[distinct] = g;
    starts[++distinct] = at[g + 1];
  }
  // Each key's aims in the order of aims: ascending.
  const aims = arena.int32(n);
  for (let a = 0; a < count; a++) {
    const own = lists(a);
    for (let i = own.from; i < own.to; i++) aims[at[own.keys[i]]++] = a;
  }
  release(at);
  return [keys, starts, aims];
}

/** Where `g` is in the ascending `keys`, or -1. */
function find(keys: Float64Array, g: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < g) lo = mid + 1;
    else hi = mid;
  }
  return lo < keys.length && keys[lo] === g ? lo : -1;
}
