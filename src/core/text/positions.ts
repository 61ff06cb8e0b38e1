/**
 * Positions in the unist style: lines and columns 1-based, offsets 0-based UTF-16 code units
 * (as JavaScript strings and VS Code count them), end exclusive.
 */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Position {
  start: Point;
  end: Point;
}

/** Converts offsets to points for one text. Lines end at `\r\n`, `\n` or a lone `\r`, as in VS Code. */
export class LineIndex {
  /** Offset of the start of each line, in order: a typed array, 4 bytes a line. */
  private readonly starts: Int32Array;

  constructor(
    readonly text: string,
    /** The line starts when already known (see `afterEdit`). */
    known?: Int32Array,
  ) {
    if (known) {
      this.starts = known;
      return;
    }
    let starts = new Int32Array(Math.max(16, (text.length >> 5) + 1));
    let count = 1;
    const n = text.length;
    const add = (offset: number) => {
      if (count === starts.length) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[count++] = offset;
    };
    if (text.indexOf('\r') < 0) {
      // The common case: `indexOf` finds line feeds far faster than a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) add(i + 1);
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) add(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          add(i + 1);
        }
      }
    }
    this.starts = count === starts.length ? starts : starts.slice(0, count);
  }

  /**
   * The index of `text`, which differs from the text `before` indexes only in `[editStart, editEnd)` (the text
   * after it is the same, shifted by `text.length - before.text.length`): the line starts before and after the
   * edit are taken from `before`, and only the edited part is scanned.
   */
  static afterEdit(before: LineIndex, text: string, editStart: number, editEnd: number): LineIndex {
    const old = before.starts;
    const delta = text.length - before.text.length;
    const oldEnd = editEnd - delta;
    // A line start s depends on the characters at s - 1 and s: those before the edit are kept, those after shifted.
    let keep = 0;
    while (keep < old.length && old[keep] < editStart) keep++;
    let tail = old.length;
    while (tail > keep && old[tail - 1] > oldEnd) tail--;
    const middle: number[] = [];
    if (editStart === 0) middle.push(0);
    for (let i = Math.max(0, editStart - 1); i < editEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) middle.push(i + 1);
    }
    const starts = new Int32Array(keep + middle.length + (old.length - tail));
    starts.set(old.subarray(0, keep));
    for (let k = 0; k < middle.length; k++) starts[keep + k] = middle[k];
    let at = keep + middle.length;
    for (let k = tail; k < old.length; k++) starts[at++] = old[k] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo] + 1, offset: o };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))];
  }
}

/** A span of the source text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export function sliceSpan(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/**
 * The line that starts at `pos`: where its text ends (before `\r\n`, `\n` or a lone `\r`) and where the next line
 * starts. One linear step of the line scans over raw Markdown.
 */
export function lineAt(text: string, pos: number): { eol: number; next: number } {
  const n = text.length;
  let eol = pos;
  while (eol < n) {
    const c = text.charCodeAt(eol);
    if (c === 10 || c === 13) break;
    eol++;
  }
  const next = eol >= n ? n : text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1;
  return { eol, next };
}
