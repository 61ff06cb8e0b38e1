/**
 * Checks for the contract's positions, shared by the hardening and property tests: every `{ text, position }`
 * in a result lies within its document, slices to its `text`, has the line and column of its offsets, and does
 * not cut a surrogate pair in half.
 */
import type { Position } from '../../src/core/text/positions';

export interface LocatedProblem {
  where: string;
  problem: string;
}

const lineStarts = new Map<string, number[]>();

/** Line and column (1-based, columns in UTF-16 code units) of an offset, counting \r\n, \r and \n as line ends. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let starts = lineStarts.get(text);
  if (!starts) {
    starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        // \r\n ends one line; an offset between the two is still on the \r's line.
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    if (lineStarts.size > 64) lineStarts.clear();
    lineStarts.set(text, starts);
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** Whether `offset` lies inside a character written as two UTF-16 code units (an emoji, 𝕏): no position may. */
export function splitsSurrogatePair(source: string, offset: number): boolean {
  if (offset <= 0 || offset >= source.length) return false;
  const before = source.charCodeAt(offset - 1);
  const after = source.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Problems with one position against its source (empty when it is exact, and splits no surrogate pair). */
export function checkPosition(source: string, position: Position, text: string | undefined, where: string): LocatedProblem[] {
  const out: LocatedProblem[] = [];
  const { start, end } = position;
  if (!(Number.isInteger(start.offset) && Number.isInteger(end.offset) && start.offset >= 0 && start.offset <= end.offset && end.offset <= source.length)) {
    out.push({ where, problem: `offsets ${start.offset}..${end.offset} outside 0..${source.length}` });
    return out;
  }
  if (text !== undefined && source.slice(start.offset, end.offset) !== text) {
    out.push({ where, problem: `text ${JSON.stringify(text.slice(0, 60))} is not the slice ${JSON.stringify(source.slice(start.offset, Math.min(end.offset, start.offset + 60)))}` });
  }
  for (const [name, p] of [['start', start], ['end', end]] as const) {
    if (splitsSurrogatePair(source, p.offset)) out.push({ where, problem: `${name} offset ${p.offset} falls between the two halves of a surrogate pair` });
    const lc = lineColumn(source, p.offset);
    if (lc.line !== p.line || lc.column !== p.column) out.push({ where, problem: `${name} ${p.line}:${p.column} but offset ${p.offset} is at ${lc.line}:${lc.column}` });
  }
  return out;
}

/**
 * Walks a result and checks every object with a `position`: against `sources[path]` when it names a `path`,
 * else against `home` (the document the enclosing part of the result is about).
 */
export function checkLocated(value: unknown, home: string, sources: Record<string, string>, where = '$', out: LocatedProblem[] = []): LocatedProblem[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkLocated(v, home, sources, `${where}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const pos = o.position as Position | undefined;
    if (pos && typeof pos === 'object' && 'start' in pos) {
      const path = typeof o.path === 'string' ? o.path : undefined;
      const source = path !== undefined ? sources[path] : home;
      if (source === undefined) out.push({ where, problem: `names a path ${JSON.stringify(path)} that is not one of the inputs` });
      else out.push(...checkPosition(source, pos, typeof o.text === 'string' ? o.text : undefined, where));
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'position') checkLocated(v, home, sources, `${where}.${k}`, out);
  }
  return out;
}
