/**
 * Anchoring notes to a span of text the W3C Web Annotation way (https://www.w3.org/TR/annotation-model/#selectors):
 * a TextQuoteSelector (the exact text with ~32 characters of prefix and suffix) plus a TextPositionSelector
 * (offsets). Re-attaching after an edit, or to a new version of a letter, tries in turn:
 *   1. the position, when the exact text is still there;
 *   2. every exact occurrence of the quote, scored by how well its prefix and suffix match and how near it is;
 *   3. an approximate search (edit distance) for lightly edited text, near the old position first, then anywhere;
 * and otherwise reports the note as orphaned, so that the caller keeps it and shows it as such.
 * Offsets are UTF-16 code units, as in VS Code and the document model. Pure: strings in, numbers out.
 */
import { approxEnds, approxStart, similarity } from './approx';

export const CONTEXT_LENGTH = 32;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Anchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export type AttachMethod = 'position' | 'quote' | 'fuzzy';

export type Attachment =
  | { orphaned: false; start: number; end: number; method: AttachMethod; /** 0..1 */ score: number }
  | { orphaned: true; reason: string };

/** Selectors for text.slice(start, end). Surrogate pairs are never split by the context windows. */
export function describe(text: string, start: number, end: number, contextLength = CONTEXT_LENGTH): Anchor {
  const s = clamp(Math.min(start, end), 0, text.length);
  const e = clamp(Math.max(start, end), 0, text.length);
  let p = Math.max(0, s - contextLength);
  if (p > 0 && isLowSurrogate(text.charCodeAt(p))) p--;
  let q = Math.min(text.length, e + contextLength);
  if (q < text.length && isLowSurrogate(text.charCodeAt(q))) q++;
  return {
    quote: { type: 'TextQuoteSelector', exact: text.slice(s, e), prefix: text.slice(p, s), suffix: text.slice(e, q) },
    position: { type: 'TextPositionSelector', start: s, end: e },
  };
}

export interface AttachOptions {
  /** Largest share of the quote that may differ for an approximate match (default 0.25). */
  maxErrorRate?: number;
  /** Characters either side of the old position searched approximately first (default 2048). */
  window?: number;
  /** Upper bound on (allowed errors × characters searched) for an approximate search of the whole text. */
  budget?: number;
}

/** Weights of the parts of a candidate's score; the quote itself dominates, position only breaks ties. */
const W_QUOTE = 0.5;
const W_PREFIX = 0.2;
const W_SUFFIX = 0.2;
const W_POSITION = 0.1;
/** Scoring every occurrence of a very common quote is pointless; the nearest ones are scored. */
const MAX_OCCURRENCES = 2000;
/** Quotes shorter than this are found exactly or not at all: approximate matches of a word are noise. */
const MIN_FUZZY_LENGTH = 8;
/** How many characters next to the quote weigh as much as the rest of its context. */
const NEAR_CONTEXT = 8;

/** Finds where the anchored text is now in `text`. Never throws; an anchor whose text is gone is orphaned. */
export function attach(text: string, anchor: Anchor, options: AttachOptions = {}): Attachment {
  const { exact, prefix, suffix } = anchor.quote;
  const oldStart = anchor.position.start;
  if (exact.length === 0) {
    // An empty quote (a note on a point) can only be placed by position, kept within the text.
    const at = clamp(oldStart, 0, text.length);
    return { orphaned: false, start: at, end: at, method: 'position', score: 1 };
  }
  // 1. The position, if the exact text is still there.
  if (oldStart >= 0 && oldStart + exact.length <= text.length && text.startsWith(exact, oldStart)) {
    return { orphaned: false, start: oldStart, end: oldStart + exact.length, method: 'position', score: 1 };
  }
  const context = (start: number, end: number) => contextScore(text, start, end, prefix, suffix);
  const window = options.window ?? 2048;
  // Nearness to the old position, on the scale of the search window: it decides only between candidates whose
  // text and context are alike (repeated boilerplate), as when an edit touches one of several identical passages.
  const nearness = (start: number) => Math.exp(-Math.abs(start - oldStart) / window);

  // 2. Exact occurrences of the quote.
  const occurrences = findAll(text, exact, oldStart);
  let best: { start: number; end: number; score: number; contextual: number; method: AttachMethod } | undefined;
  for (const s of occurrences) {
    const c = context(s, s + exact.length);
    const score = W_QUOTE + W_PREFIX * c.prefix + W_SUFFIX * c.suffix + W_POSITION * nearness(s);
    if (!best || score > best.score) best = { start: s, end: s + exact.length, score, contextual: (c.prefix + c.suffix) / 2, method: 'quote' };
  }
  const rate = options.maxErrorRate ?? 0.25;
  const k = Math.max(1, Math.floor(exact.length * rate));
  const score = (s: number, e: number, errors: number) => {
    const c = context(s, e);
    const quoteSim = 1 - errors / exact.length;
    return { score: W_QUOTE * quoteSim + W_PREFIX * c.prefix + W_SUFFIX * c.suffix + W_POSITION * nearness(s), contextual: (c.prefix + c.suffix) / 2, quoteSim };
  };

  // 2b. The note's own text, lightly edited where it was (an edit inside it, or a new version with a word
  // changed): taken when its context is as good as any exact copy's, so that one of several identical passages
  // being edited does not send the note to another copy.
  if (exact.length >= MIN_FUZZY_LENGTH && oldStart >= 0 && oldStart <= text.length) {
    const oldEnd = Math.max(anchor.position.end, oldStart + exact.length);
    const here = bestApprox(text, exact, k, clamp(oldStart - k, 0, text.length), clamp(oldEnd + k, 0, text.length), score);
    if (here && here.quoteSim >= 0.8 && (!best || here.contextual >= best.contextual - 0.02)) return found({ ...here, method: 'fuzzy' });
  }

  // A unique occurrence whose context agrees is taken as it is. With several, or a doubtful context, the text
  // near the old position may be the note's own, lightly edited: the approximate search below competes.
  if (best && occurrences.length === 1 && best.contextual >= 0.5) return found(best);

  // 3. Approximate search: near the old position first, then (within a budget) the whole text.
  if (exact.length >= MIN_FUZZY_LENGTH) {
    const budget = options.budget ?? 40_000_000;
    const ranges: Array<[number, number]> = [];
    const from = clamp(oldStart - window, 0, text.length);
    const to = clamp(oldStart + exact.length + window, 0, text.length);
    ranges.push([from, to]);
    if ((from > 0 || to < text.length) && k * text.length <= budget) ranges.push([0, text.length]);
    for (const [a, b] of ranges) {
      const fuzzy = bestApprox(text, exact, k, a, b, score);
      if (fuzzy && (!best || fuzzy.score > best.score)) best = { ...fuzzy, method: 'fuzzy' };
      if (best) return found(best);
    }
  }
  if (best) return found(best);
  return { orphaned: true, reason: occurrences.length === 0 ? 'the annotated text is no longer in the document' : 'the annotated text could not be placed' };
}

/** Attaches, then describes the span found in the new text, so the stored selectors follow the document. */
export function reanchor(text: string, anchor: Anchor, options?: AttachOptions): { attachment: Attachment; anchor: Anchor } {
  const attachment = attach(text, anchor, options);
  if (attachment.orphaned) return { attachment, anchor };
  return { attachment, anchor: describe(text, attachment.start, attachment.end) };
}

function found(b: { start: number; end: number; score: number; method: AttachMethod }): Attachment {
  return { orphaned: false, start: b.start, end: b.end, method: b.method, score: Math.round(b.score * 1000) / 1000 };
}

function bestApprox(
  text: string,
  exact: string,
  k: number,
  from: number,
  to: number,
  score: (start: number, end: number, errors: number) => { score: number; contextual: number; quoteSim: number },
): { start: number; end: number; score: number; contextual: number; quoteSim: number } | undefined {
  const ends = approxEnds(text, exact, k, from, to);
  if (ends.length === 0) return undefined;
  // Keep the closest matches only; each needs a backward pass to find its start.
  ends.sort((x, y) => x.errors - y.errors);
  const floor = ends[0].errors;
  let best: { start: number; end: number; score: number; contextual: number; quoteSim: number } | undefined;
  for (const e of ends.slice(0, 50)) {
    if (e.errors > floor + Math.max(2, Math.floor(k / 2))) break;
    const m = approxStart(text, exact, e.end, k);
    if (m.start < from) continue;
    const s = score(m.start, m.end, m.errors);
    // A heavily edited match must at least keep one side of its context.
    if (s.quoteSim < 0.9 && s.contextual < 0.35) continue;
    if (!best || s.score > best.score) best = { start: m.start, end: m.end, score: s.score, contextual: s.contextual, quoteSim: s.quoteSim };
  }
  return best;
}

/**
 * Similarity of the text either side of [start, end) to the stored prefix and suffix. The characters next to the
 * quote count for half: they tell repeated quotes apart ("Pay: we agree" and "Rotas: we agree").
 */
function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): { prefix: number; suffix: number } {
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  const near = NEAR_CONTEXT;
  return {
    prefix: 0.5 * similarity(prefix.slice(-near), before.slice(-near)) + 0.5 * similarity(prefix, before),
    suffix: 0.5 * similarity(suffix.slice(0, near), after.slice(0, near)) + 0.5 * similarity(suffix, after),
  };
}

/** Offsets of every occurrence of `needle`, the nearest to `near` first when there are too many to score. */
function findAll(text: string, needle: string, near: number): number[] {
  const all: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) all.push(i);
  if (all.length <= MAX_OCCURRENCES) return all;
  return all.sort((a, b) => Math.abs(a - near) - Math.abs(b - near)).slice(0, MAX_OCCURRENCES);
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
