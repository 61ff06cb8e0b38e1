/**
 * Okapi BM25 (Robertson and Zaragoza, 2009) over the blocks of a response, with an inverted index built in one
 * pass. Written here rather than taken from MiniSearch: MiniSearch's radix-tree index took 0.7 to 1.5 s to
 * build for a 1 MB response here, more than parsing it, and its queries slow down sharply on the repetitive
 * vocabulary of long documents. Candidate generation uses only postings of terms that occur in at most
 * `DF_CAP` blocks, so the cost of a query is bounded and alignment stays linear in the size of the documents;
 * a candidate's score still counts every term of the query.
 */

export const K1 = 1.2;
export const B = 0.75;
/** Terms in more blocks than this are not used to find candidates (they still count in scores). */
export const DF_CAP = 48;

export interface Bm25Doc {
  /** Term frequencies of the block's stems. */
  tf: Map<string, number>;
  length: number;
}

export class Bm25Index {
  readonly postings = new Map<string, number[]>();
  readonly docs: Bm25Doc[] = [];
  private totalLength = 0;

  add(stems: string[]): number {
    const id = this.docs.length;
    const tf = new Map<string, number>();
    for (const s of stems) tf.set(s, (tf.get(s) ?? 0) + 1);
    for (const s of tf.keys()) {
      let list = this.postings.get(s);
      if (!list) this.postings.set(s, (list = []));
      list.push(id);
    }
    this.docs.push({ tf, length: stems.length });
    this.totalLength += stems.length;
    return id;
  }

  get size(): number {
    return this.docs.length;
  }

  get averageLength(): number {
    return this.docs.length === 0 ? 1 : Math.max(1, this.totalLength / this.docs.length);
  }

  df(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  /** BM25's inverse document frequency, never negative. */
  idf(term: string): number {
    const n = this.docs.length;
    const df = this.df(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The BM25 score of one block for a query of unique terms. */
  score(query: string[], id: number): number {
    const d = this.docs[id];
    const norm = K1 * (1 - B + (B * d.length) / this.averageLength);
    let s = 0;
    for (const t of query) {
      const f = d.tf.get(t);
      if (f) s += (this.idf(t) * f * (K1 + 1)) / (f + norm);
    }
    return s;
  }

  /** The share of the query's weight (inverse document frequency) that the block holds, whatever its length. */
  coverage(query: string[], id: number, ideal: number): number {
    if (ideal <= 0) return 0;
    const d = this.docs[id];
    let s = 0;
    for (const t of query) if (d.tf.has(t)) s += this.idf(t);
    return s / ideal;
  }

  /**
   * The score a block of average length holding each query term once would get: the scale for 0..1. Terms
   * the response never uses count too (as if used once), so an aim the response does not discuss cannot reach
   * a high score through the one or two common words it shares with it.
   */
  ideal(query: string[]): number {
    const n = this.docs.length;
    const unseen = Math.log(1 + (n - 1 + 0.5) / 1.5);
    let s = 0;
    for (const t of query) s += this.df(t) > 0 ? this.idf(t) : unseen;
    return s;
  }

  /**
   * Candidate blocks for a query: the union of the postings of its terms that are rare enough. When every
   * term is common, the blocks holding the rarest term nearest to `near` (a block id), at most DF_CAP of them.
   */
  candidates(query: string[], near = 0): number[] {
    const seen = new Set<number>();
    let rarest: number[] | undefined;
    for (const t of query) {
      const list = this.postings.get(t);
      if (!list) continue;
      if (list.length <= DF_CAP) for (const id of list) seen.add(id);
      else if (!rarest || list.length < rarest.length) rarest = list;
    }
    if (seen.size === 0 && rarest) {
      let lo = 0;
      let hi = rarest.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rarest[mid] < near) lo = mid + 1;
        else hi = mid;
      }
      const from = Math.max(0, Math.min(lo - DF_CAP / 2, rarest.length - DF_CAP));
      for (let i = from; i < Math.min(rarest.length, from + DF_CAP); i++) seen.add(rarest[i]);
    }
    return [...seen];
  }
}
