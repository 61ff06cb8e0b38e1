/**
 * Approximate string matching: where does `pattern` occur in `text` with at most `maxErrors` edits
 * (insertions, deletions, substitutions)? Sellers' dynamic programme with Ukkonen's cut-off, so the cost is
 * about O(maxErrors × text length) rather than O(pattern × text). Pure, no allocation per character beyond two
 * columns. Used to re-attach an annotation whose text was lightly edited.
 */

export interface ApproxMatch {
  /** Start offset in the searched text (inclusive). */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** Edit distance between the pattern and text.slice(start, end). */
  errors: number;
}

/**
 * For each end offset `j` in `[from, to]` of `text`, the least edit distance between `pattern` and some substring
 * of `text` ending at `j` (starting at or after `from`), when that distance is at most `maxErrors`.
 * Returns the ends that are local minima (a run of equal distances yields its first end).
 */
export function approxEnds(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): Array<{ end: number; errors: number }> {
  const m = pattern.length;
  const k = Math.max(0, Math.floor(maxErrors));
  const out: Array<{ end: number; errors: number }> = [];
  if (m === 0) return out;
  // col[i]: distance between pattern[0..i) and the best substring ending at the current text position.
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  // Ukkonen: rows below `last` are known to exceed k, so they need not be computed exactly.
  let last = Math.min(m, k + 1);
  let pending: { end: number; errors: number } | undefined;
  let prevBottom = k + 1;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    cur[0] = 0;
    const limit = Math.min(m, last + 1);
    for (let i = 1; i <= limit; i++) {
      const sub = prev[i - 1] + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const del = (i <= last ? prev[i] : k + 1) + 1;
      const ins = cur[i - 1] + 1;
      cur[i] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    for (let i = limit + 1; i <= m; i++) cur[i] = k + 1;
    let l = limit;
    while (l > 0 && cur[l] > k) l--;
    last = l;
    const bottom = last === m ? cur[m] : k + 1;
    // Report the local minima of the bottom row: a run going down starts a candidate, going up ends it.
    if (pending && bottom > pending.errors) {
      out.push(pending);
      pending = undefined;
    }
    if (bottom <= k && (pending ? bottom < pending.errors : bottom < prevBottom)) pending = { end: j + 1, errors: bottom };
    prevBottom = bottom;
    const t = prev;
    prev = cur;
    cur = t;
  }
  if (pending) out.push(pending);
  return out;
}

/**
 * The start of the best alignment of `pattern` ending exactly at `end`, searching back at most
 * `pattern.length + maxErrors` characters: the start whose substring has the least edit distance, the longest
 * such on ties (so that a deleted word at the start does not shave off matching text).
 */
export function approxStart(text: string, pattern: string, end: number, maxErrors: number): ApproxMatch {
  const m = pattern.length;
  const span = Math.min(end, m + Math.max(0, Math.floor(maxErrors)));
  // Edit distance of reversed pattern against reversed text prefixes, anchored at `end`.
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let bestLen = 0;
  let best = prev[m];
  for (let len = 1; len <= span; len++) {
    const c = text.charCodeAt(end - len);
    cur[0] = len;
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1] + (pattern.charCodeAt(m - i) === c ? 0 : 1);
      const del = prev[i] + 1;
      const ins = cur[i - 1] + 1;
      cur[i] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    if (cur[m] < best || (cur[m] === best && Math.abs(len - m) < Math.abs(bestLen - m))) {
      best = cur[m];
      bestLen = len;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return { start: end - bestLen, end, errors: best };
}

/** Levenshtein distance of two short strings (used for the ~32-character contexts). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (b.charCodeAt(j - 1) === c ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}

/** Similarity in 0..1 of two strings: 1 − edit distance ÷ the longer length (two empty strings are identical). */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - editDistance(a, b) / n;
}
