/**
 * What changed between two versions of a document, for the memos that redo only the work an edit touched (aims,
 * claims): the text both versions share at the start and at the end, and which blocks of the new version are the
 * blocks of the old one, word for word and mark for mark, perhaps moved by the edit.
 */
import type { Block, Doc } from '../document/model';

/** Length of the text `a` and `b` share at the start, counting no further than `limit`. */
export function commonPrefix(a: string, b: string, limit = Math.min(a.length, b.length)): number {
  if (a === b) return limit;
  let i = 0;
  // Whole stretches first (a comparison of two slices is a fast copy-free compare), then character by character.
  for (let step = 8192; step >= 16; step >>= 3) {
    while (i + step <= limit && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  }
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the text `a` and `b` share at the end, counting no further than `limit`. */
export function commonSuffix(a: string, b: string, limit = Math.min(a.length, b.length)): number {
  if (a === b) return limit;
  let i = 0;
  const na = a.length;
  const nb = b.length;
  for (let step = 8192; step >= 16; step >>= 3) {
    while (i + step <= limit && a.slice(na - i - step, na - i) === b.slice(nb - i - step, nb - i)) i += step;
  }
  while (i < limit && a.charCodeAt(na - i - 1) === b.charCodeAt(nb - i - 1)) i++;
  return i;
}

/** The delta last worked out for each new version (aims and claims both want it, for the same pair). */
const recent = new WeakMap<Doc, DocDelta>();

export class DocDelta {
  /**
   * What changed from `before` to `after` (worked out once for a pair, however many ask). The delta that led to
   * `before` is forgotten: each delta keeps its `before` alive, so a delta kept for every version would keep every
   * version of a document that is being edited (about 4 MB an edit for a 1 MB letter). Asked for again, it is
   * worked out again.
   */
  static between(before: Doc, after: Doc): DocDelta {
    const known = recent.get(after);
    if (known && known.before === before) return known;
    const delta = new DocDelta(before, after);
    recent.delete(before);
    recent.set(after, delta);
    return delta;
  }

  /** Characters of `source` and of `masked` the two versions share at the start, and at the end. */
  readonly prefix: number;
  readonly suffix: number;
  /** How far the text after the edit moved: the new length less the old. */
  readonly shift: number;

  constructor(
    readonly before: Doc,
    readonly after: Doc,
  ) {
    const a = before;
    const b = after;
    const limit = Math.min(a.source.length, b.source.length);
    let prefix = commonPrefix(a.source, b.source, limit);
    prefix = commonPrefix(a.masked, b.masked, prefix);
    let suffix = commonSuffix(a.source, b.source, limit - prefix);
    suffix = commonSuffix(a.masked, b.masked, suffix);
    this.prefix = prefix;
    this.suffix = suffix;
    this.shift = b.source.length - a.source.length;
  }

  /**
   * The index of the old block that new block `i` repeats: the same kind, the same text and markup at the same
   * place within it (and the character just after it), the same sentences, lead-in and cells (and so the same
   * plain texts, which are read from those); or -1. What is
   * worked out from a block's own text may be taken from that old block, moved by `shiftOf(i)`.
   */
  oldIndex(i: number): number {
    const known = (this.known ??= new Int32Array(this.after.blocks.length).fill(-2));
    if (known[i] === -2) known[i] = this.match(i);
    return known[i];
  }

  private known: Int32Array | undefined;

  private match(i: number): number {
    const nb = this.after.blocks[i];
    const n = this.after.source.length;
    let j: number;
    let d: number;
    if (nb.span.end < this.prefix) {
      j = i;
      d = 0;
    } else if (nb.span.start >= n - this.suffix) {
      j = i - (this.after.blocks.length - this.before.blocks.length);
      d = this.shift;
    } else return -1;
    const ob = this.before.blocks[j];
    return ob !== undefined && sameBlock(ob, nb, d) ? j : -1;
  }

  /** How far the old block that new block `i` repeats has moved (see `oldIndex`). */
  shiftOf(i: number): number {
    return this.after.blocks[i].span.end < this.prefix ? 0 : this.shift;
  }
}

function sameSpan(a: { start: number; end: number } | undefined, b: { start: number; end: number } | undefined, d: number): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.start + d === b.start && a.end + d === b.end;
}

function sameBlock(o: Block, n: Block, d: number): boolean {
  // A block's text, and its sentences', are read from the source and masked text within its span (which the
  // caller has checked are the same): the spans decide.
  if (o.kind !== n.kind || o.depth !== n.depth || o.headerRow !== n.headerRow) return false;
  if (!sameSpan(o.span, n.span, d) || !sameSpan(o.leadIn, n.leadIn, d)) return false;
  if ((o.cells?.length ?? -1) !== (n.cells?.length ?? -1)) return false;
  if (o.cells && n.cells) for (let k = 0; k < o.cells.length; k++) if (!sameSpan(o.cells[k], n.cells[k], d)) return false;
  // Sentences are split from the masked text within the block's span (or cells), and widened only within it:
  // the same text there gives the same sentences, moved.
  return o.sentenceCount === n.sentenceCount;
}
