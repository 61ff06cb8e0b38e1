/**
 * Okapi BM25 (Robertson and Zaragoza, 2009) over the blocks of a response, with an inverted index built in one
 * pass. Written here rather than taken from MiniSearch: MiniSearch's radix-tree index took 0.7 to 1.5 s to
 * build for a 1 MB response here, more than parsing it, and its queries slow down sharply on the repetitive
 * vocabulary of long documents.
 *
 * Candidate generation is term-at-a-time over the postings of the query's rarer terms (those in at most
 * `DF_CAP` blocks), keeping the best `TOP_K` blocks, so the cost of a query is bounded and alignment stays
 * linear in the size of the documents; a candidate's final score still counts every term of the query.
 */

import { firstAtLeast } from '../text/search';
import { type Column, int32Column } from '../text/column';
import { type Arena, PLAIN } from '../text/arena';
import { release } from '../text/release';

export const K1 = 1.2;
export const B = 0.75;
/** Terms in more blocks than this are not used to find candidates (they still count in scores). */
export const DF_CAP = 40;
/** Candidates kept per query. */
export const TOP_K = 8;

/** Where term `id` is in `terms[from, to)` (sorted), or -1. */
export function findTerm(terms: Int32Array, from: number, to: number, id: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = terms[mid];
    if (t === id) return mid;
    if (t < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A query with its terms' weights worked out once. */
export interface Prepared {
  /** How many terms the query has. */
  count: number;
  /** Each term's id in the index, or -1 when no block holds it: term `i`'s at `ids[from + i]`. */
  ids: Int32Array;
  /** Each term's weight: term `i`'s at `idf[from + i]`. */
  idf: Float64Array;
  /** Where the query's ids and weights start in `ids` and `idf`, which may hold other queries' (see `prepare`). */
  from: number;
  /** The score a block of average length holding each term once would get (see `prepare`). */
  ideal: number;
}

export class Bm25Index {
  /** The blocks holding each term, in order: term `t`'s are entries `postingsFrom[t]` to `postingsFrom[t + 1]`
   * of `postingDocs`. Made from the blocks' terms when first read (blocks are all added before any query): a
   * list per term, grown by pushing, cost several times as much. */
  #postingsFrom: Int32Array | undefined;
  #postingDocs: Int32Array | undefined;
  /** Every block's terms (their ids, sorted) and how often each occurs, one block after another: block `d`'s are
   * entries `from[d]` to `from[d + 1]`. Columns rather than arrays per block: a long response has tens of
   * thousands of blocks, and an array of its own costs a block more than its numbers. */
  readonly #terms: Column<Int32Array>;
  readonly #counts: Column<Int32Array>;
  readonly #from: Column<Int32Array>;
  readonly #lengths: Column<Int32Array>;
  /** Each term's id, and the term of each id. */
  readonly #ids = new Map<string, number>();
  readonly termOf: string[] = [];
  #totalLength = 0;
  #acc: Float64Array = new Float64Array(0);
  /** Whether the last call of `candidates` used its `near` (every term of the query was common). */
  nearUsed = false;

  /** `capacity`: about how many terms the blocks will hold in all (room is made for more when needed). The
   * index's arrays come from `arena`. */
  constructor(
    capacity = 0,
    private readonly arena: Arena = PLAIN,
  ) {
    this.#terms = int32Column(capacity, arena);
    this.#counts = int32Column(capacity, arena);
    this.#from = int32Column(1024, arena);
    this.#lengths = int32Column(1024, arena);
    this.#from.add(1);
  }

  /** Frees the index's arrays now (see `release`): it must not be read afterwards. */
  release(): void {
    release(this.#terms.array, this.#counts.array, this.#from.array, this.#lengths.array, this.#acc, this.#postingsFrom, this.#postingDocs);
  }

  /** The postings of every term (see `postingsFrom`), made on first use: a counting sort of the blocks' terms. */
  #postings(): { from: Int32Array; docs: Int32Array } {
    if (!this.#postingsFrom || !this.#postingDocs) {
      const terms = this.#terms.array;
      const n = this.#terms.length;
      const from = this.arena.int32(this.termOf.length + 1);
      for (let k = 0; k < n; k++) from[terms[k] + 1]++;
      for (let t = 0; t < this.termOf.length; t++) from[t + 1] += from[t];
      const docs = this.arena.int32(n);
      const fill = this.arena.int32From(from.subarray(0, this.termOf.length));
      const blockFrom = this.#from.array;
      for (let d = 0; d < this.size; d++) for (let k = blockFrom[d]; k < blockFrom[d + 1]; k++) docs[fill[terms[k]]++] = d;
      release(fill);
      this.#postingsFrom = from;
      this.#postingDocs = docs;
    }
    return { from: this.#postingsFrom, docs: this.#postingDocs };
  }

  /** The id of a term some block holds, or -1. */
  termId(term: string): number {
    return this.#ids.get(term) ?? -1;
  }

  /** Adds a block by its stems, in order; returns the block's id. `ids` (at least as long as `stems`) receives each stem's term id. */
  add(stems: string[], ids = new Int32Array(stems.length)): number {
    const id = this.#lengths.length;
    for (let k = 0; k < stems.length; k++) {
      let t = this.#ids.get(stems[k]);
      if (t === undefined) {
        t = this.termOf.length;
        this.#ids.set(stems[k], t);
        this.termOf.push(stems[k]);
      }
      ids[k] = t;
    }
    const sorted = ids.slice(0, stems.length).sort();
    let distinct = 0;
    for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
    const start = this.#terms.add(distinct);
    this.#counts.add(distinct);
    const terms = this.#terms.array;
    const counts = this.#counts.array;
    for (let k = 0, at = start - 1; k < sorted.length; k++) {
      if (k === 0 || sorted[k] !== sorted[k - 1]) terms[++at] = sorted[k];
      counts[at]++;
    }
    this.#from.push(start + distinct);
    this.#lengths.push(stems.length);
    this.#totalLength += stems.length;
    return id;
  }

  /** Where block `doc`'s terms start in `termIds` and `termCounts`. */
  termsFrom(doc: number): number {
    return this.#from.array[doc];
  }

  /** Where block `doc`'s terms end in `termIds` and `termCounts`. */
  termsTo(doc: number): number {
    return this.#from.array[doc + 1];
  }

  /** Every block's term ids (see `termsFrom`). */
  get termIds(): Int32Array {
    return this.#terms.array;
  }

  /** How often each of every block's terms occurs in it (see `termsFrom`). */
  get termCounts(): Int32Array {
    return this.#counts.array;
  }

  /** Where term `id` is among block `doc`'s terms (an index into `termIds` and `termCounts`), or -1. */
  termIndex(doc: number, id: number): number {
    const from = this.#from.array;
    return findTerm(this.#terms.array, from[doc], from[doc + 1], id);
  }

  /** How many stems block `doc` has. */
  docLength(doc: number): number {
    return this.#lengths.array[doc];
  }

  get size(): number {
    return this.#lengths.length;
  }

  get averageLength(): number {
    return this.size === 0 ? 1 : Math.max(1, this.#totalLength / this.size);
  }

  df(term: string): number {
    const t = this.#ids.get(term);
    if (t === undefined) return 0;
    const { from } = this.#postings();
    return from[t + 1] - from[t];
  }

  /** BM25's inverse document frequency, never negative. */
  idf(term: string): number {
    const n = this.size;
    const df = this.df(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Prepares a query of unique terms. Its ideal score counts the terms the response never uses too (as if
   * used once), so an aim the response does not discuss cannot reach a high score through the one or two
   * common words it shares with it. Its ids and weights are added to `into` when given: columns with room for every
   * query, as queries prepared before a column grows keep its old arrays.
   */
  prepare(terms: string[], into?: { ids: Column<Int32Array>; idf: Column<Float64Array> }): Prepared {
    const n = this.size;
    const unseen = Math.log(1 + (n - 1 + 0.5) / 1.5);
    const from = into ? into.ids.add(terms.length) : 0;
    if (into) into.idf.add(terms.length);
    const ids = into ? into.ids.array : new Int32Array(terms.length);
    const idf = into ? into.idf.array : new Float64Array(terms.length);
    for (let i = 0; i < terms.length; i++) ids[from + i] = this.termId(terms[i]);
    let ideal = 0;
    terms.forEach((t, i) => {
      const df = this.df(t);
      idf[from + i] = df > 0 ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0;
      ideal += df > 0 ? idf[from + i] : unseen;
    });
    return { count: terms.length, ids, idf, from, ideal };
  }

  /**
   * Candidate blocks for a query: the best TOP_K by the summed weight of the rarer terms they hold. When every
   * term is common, the TOP_K blocks holding the rarest term nearest to `near` (a block id).
   */
  candidates(q: Prepared, near = 0): number[] {
    // Term-at-a-time accumulation into an array reused across queries; `touched` lists what to reset.
    if (this.#acc.length < this.size) this.#acc = this.arena.float64(Math.max(this.size, this.#acc.length * 2));
    const acc = this.#acc;
    const touched: number[] = [];
    const { from: postingsFrom, docs } = this.#postings();
    let rarest: Int32Array | undefined;
    for (let i = 0; i < q.count; i++) {
      const t = q.ids[q.from + i];
      if (t < 0) continue;
      const length = postingsFrom[t + 1] - postingsFrom[t];
      if (length <= DF_CAP) {
        for (let k = postingsFrom[t]; k < postingsFrom[t + 1]; k++) {
          const id = docs[k];
          if (acc[id] === 0) touched.push(id);
          acc[id] += q.idf[q.from + i] + 1e-9;
        }
      } else if (!rarest || length < rarest.length) rarest = docs.subarray(postingsFrom[t], postingsFrom[t + 1]);
    }
    let out: number[];
    this.nearUsed = touched.length === 0 && rarest !== undefined;
    if (touched.length === 0 && rarest) {
      const lo = firstAtLeast(rarest, near);
      const from = Math.max(0, Math.min(lo - TOP_K / 2, rarest.length - TOP_K));
      out = Array.from(rarest.subarray(from, from + TOP_K));
    } else if (touched.length <= TOP_K) {
      out = touched.slice();
    } else {
      out = touched.slice().sort((x, y) => acc[y] - acc[x]).slice(0, TOP_K);
    }
    for (const id of touched) acc[id] = 0;
    return out;
  }
}
