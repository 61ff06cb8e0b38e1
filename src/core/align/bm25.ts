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

export const K1 = 1.2;
export const B = 0.75;
/** Terms in more blocks than this are not used to find candidates (they still count in scores). */
export const DF_CAP = 40;
/** Candidates kept per query. */
export const TOP_K = 8;

export interface Bm25Doc {
  /** Term frequencies of the block's stems. */
  tf: Map<string, number>;
  length: number;
}

/** A query with its terms' weights worked out once. */
export interface Prepared {
  terms: string[];
  idf: Float64Array;
  /** The score a block of average length holding each term once would get (see `prepare`). */
  ideal: number;
}

export class Bm25Index {
  readonly postings = new Map<string, number[]>();
  readonly docs: Bm25Doc[] = [];
  private totalLength = 0;
  private acc = new Float64Array(0);

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

  /**
   * Prepares a query of unique terms. Its ideal score counts the terms the response never uses too (as if
   * used once), so an aim the response does not discuss cannot reach a high score through the one or two
   * common words it shares with it.
   */
  prepare(terms: string[]): Prepared {
    const n = this.docs.length;
    const unseen = Math.log(1 + (n - 1 + 0.5) / 1.5);
    const idf = new Float64Array(terms.length);
    let ideal = 0;
    terms.forEach((t, i) => {
      const df = this.df(t);
      idf[i] = df > 0 ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0;
      ideal += df > 0 ? idf[i] : unseen;
    });
    return { terms, idf, ideal };
  }

  /** The BM25 score of one block for a prepared query. */
  score(q: Prepared, id: number): number {
    const d = this.docs[id];
    const norm = K1 * (1 - B + (B * d.length) / this.averageLength);
    let s = 0;
    for (let i = 0; i < q.terms.length; i++) {
      const f = d.tf.get(q.terms[i]);
      if (f) s += (q.idf[i] * f * (K1 + 1)) / (f + norm);
    }
    return s;
  }

  /** The share of the query's weight that the block holds, whatever its length. */
  coverage(q: Prepared, id: number): number {
    if (q.ideal <= 0) return 0;
    const d = this.docs[id];
    let s = 0;
    for (let i = 0; i < q.terms.length; i++) if (d.tf.has(q.terms[i])) s += q.idf[i];
    return s / q.ideal;
  }

  /**
   * Candidate blocks for a query: the best TOP_K by the summed weight of the rarer terms they hold. When every
   * term is common, the TOP_K blocks holding the rarest term nearest to `near` (a block id).
   */
  candidates(q: Prepared, near = 0): number[] {
    // Term-at-a-time accumulation into an array reused across queries; `touched` lists what to reset.
    if (this.acc.length < this.docs.length) this.acc = new Float64Array(Math.max(this.docs.length, this.acc.length * 2));
    const acc = this.acc;
    const touched: number[] = [];
    let rarest: number[] | undefined;
    for (let i = 0; i < q.terms.length; i++) {
      const list = this.postings.get(q.terms[i]);
      if (!list) continue;
      if (list.length <= DF_CAP) {
        for (const id of list) {
          if (acc[id] === 0) touched.push(id);
          acc[id] += q.idf[i] + 1e-9;
        }
      } else if (!rarest || list.length < rarest.length) rarest = list;
    }
    let out: number[];
    if (touched.length === 0 && rarest) {
      let lo = 0;
      let hi = rarest.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rarest[mid] < near) lo = mid + 1;
        else hi = mid;
      }
      const from = Math.max(0, Math.min(lo - TOP_K / 2, rarest.length - TOP_K));
      out = rarest.slice(from, from + TOP_K);
    } else if (touched.length <= TOP_K) {
      out = touched.slice();
    } else {
      out = touched.slice().sort((x, y) => acc[y] - acc[x]).slice(0, TOP_K);
    }
    for (const id of touched) acc[id] = 0;
    return out;
  }
}
