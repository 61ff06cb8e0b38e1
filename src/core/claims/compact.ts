/**
 * A normalised copy of a document's masked text for matching: lower-cased (and, separately, in its own case),
 * curly quotes made straight, every run of white space one space. Two offset maps lead back to the source, so a
 * match found here has an exact source position. Built in one pass.
 */
export interface Compact {
  /** Lower-cased, normalised. */
  lower: string;
  /** Same characters in their own case (for acronyms and union names). */
  cased: string;
  /** Source offset of each character of `lower`/`cased`. */
  toSource: Int32Array;
  /** Index into `lower` of the first compact character at or after each source offset. */
  fromSource: Int32Array;
}

function normaliseChar(c: number): number {
  if (c === 0x2018 || c === 0x2019 || c === 0x02bc) return 39; // ’ → '
  if (c === 0x201c || c === 0x201d || c === 0x201e) return 34; // ” → "
  return c;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 12 || c === 11;
}

export function buildCompact(masked: string): Compact {
  const n = masked.length;
  const toSource = new Int32Array(n + 1);
  const fromSource = new Int32Array(n + 1);
  const lowerCodes = new Uint16Array(n);
  const casedCodes = new Uint16Array(n);
  let k = 0;
  let pendingSpace = false;
  let pendingAt = 0;
  for (let i = 0; i < n; i++) {
    fromSource[i] = k + (pendingSpace && k > 0 ? 1 : 0);
    const c = masked.charCodeAt(i);
    if (isSpace(c)) {
      if (!pendingSpace) pendingAt = i;
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && k > 0) {
      lowerCodes[k] = 32;
      casedCodes[k] = 32;
      toSource[k] = pendingAt;
      k++;
    }
    pendingSpace = false;
    const d = normaliseChar(c);
    let lower = d;
    if (d >= 65 && d <= 90) lower = d + 32;
    else if (d > 127) {
      const l = String.fromCharCode(d).toLowerCase();
      if (l.length === 1) lower = l.charCodeAt(0);
    }
    lowerCodes[k] = lower;
    casedCodes[k] = d;
    toSource[k] = i;
    k++;
  }
  fromSource[n] = k;
  toSource[k] = n;
  return { lower: decode(lowerCodes, k), cased: decode(casedCodes, k), toSource: toSource.subarray(0, k + 1), fromSource };
}

function decode(codes: Uint16Array, length: number): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < length; i += CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

/** The source span of compact characters [start, end). */
export function sourceSpan(c: Compact, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const s = c.toSource[start];
    return { start: s, end: s };
  }
  return { start: c.toSource[start], end: c.toSource[end - 1] + 1 };
}
