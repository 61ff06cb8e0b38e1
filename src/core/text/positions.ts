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
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1, offset: o };
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
