/**
 * The text the claim reader matches against: the document's masked text (markup blanked to spaces, same
 * offsets as the source) lower-cased, with curly quotes made straight. Every change keeps the length, so an
 * offset found here is a source offset. Patterns allow any run of white space where they have a space
 * (see `spaced`), since markup and line breaks leave several.
 *
 * The lower-cased text is given a stretch at a time (`lower(start, end)`), made when asked for: a whole
 * lower-cased copy of a long document is kept only when lower-casing it is not character by character (see
 * `buildCompact`), so that reading claims does not hold a second copy of every document.
 */
export interface Compact {
  /** The masked text in its own case (for acronyms and union names). */
  cased: string;
  /**
   * The lower-cased text from `start` to `end` (curly quotes straightened): exactly what slicing a lower-cased
   * copy of the whole text would give.
   */
  lower(start: number, end: number): string;
  /** The text's length. */
  length: number;
  /** Lower-cased character by character (a character lower-cases to two): see `buildCompact`. */
  perChar?: boolean;
  /**
   * The whole text lower-cased, kept only when lower-casing depends on the letters around (a capital sigma) or
   * changes the length (a dotted capital I); otherwise every stretch is lower-cased when asked for.
   */
  whole?: string;
}

/** Lower-cases the whole text as `Compact.lower` reads it (the old way, kept for the texts that need it). */
export function lowerWhole(masked: string): { lower: string; perChar: boolean } {
  let lower = masked.toLowerCase();
  const perChar = lower.length !== masked.length;
  if (perChar) {
    // A few characters lower-case to two (İ): lower-case one by one, keeping those as they are.
    let out = '';
    for (let i = 0; i < masked.length; i++) {
      const ch = masked[i];
      const l = ch.toLowerCase();
      out += l.length === 1 ? l : ch;
    }
    lower = out;
  }
  return { lower: straightQuotes(lower), perChar };
}

function straightQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d\u201e]/g, '"');
}

/**
 * Whether lower-casing `text` is done code point by code point, each keeping its length: then a stretch
 * lower-cased alone is the same as that stretch of the whole text lower-cased (so long as no surrogate pair is
 * cut). Two characters break this: the capital sigma, whose small form depends on the letters after it (σ or
 * final ς), and the dotted capital I, which lower-cases to two code units.
 */
export function lowerCasesByCodePoint(text: string): boolean {
  return text.indexOf('\u03a3') < 0 && text.indexOf('\u0130') < 0;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** `text.slice(start, end)` lower-cased with straight quotes, for a text lower-cased code point by code point. */
function lowerStretch(text: string, start: number, end: number, curly: boolean): string {
  const n = text.length;
  const s = Math.min(Math.max(start, 0), n);
  const e = Math.min(Math.max(end, s), n);
  if (s === e) return '';
  // A surrogate pair cut by the stretch is lower-cased whole (as in the whole text), then cut.
  const a = s > 0 && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1)) ? s - 1 : s;
  const b = e < n && isLow(text.charCodeAt(e)) && isHigh(text.charCodeAt(e - 1)) ? e + 1 : e;
  let out = text.slice(a, b).toLowerCase();
  if (a !== s || b !== e) out = out.slice(s - a, out.length - (b - e));
  return curly ? straightQuotes(out) : out;
}

export function buildCompact(masked: string): Compact {
  if (lowerCasesByCodePoint(masked)) {
    // Quotes are straightened only in a text with curly ones.
    const curly = /[\u2018\u2019\u02bc\u201c\u201d\u201e]/.test(masked);
    return { cased: masked, length: masked.length, lower: (start, end) => lowerStretch(masked, start, end, curly) };
  }
  const { lower, perChar } = lowerWhole(masked);
  return wholeCompact(masked, lower, perChar);
}

/** The compact text of `masked`, given the whole of it lower-cased. */
export function wholeCompact(masked: string, lower: string, perChar: boolean): Compact {
  const out: Compact = { cased: masked, length: masked.length, whole: lower, lower: (start, end) => lower.slice(start, end) };
  if (perChar) out.perChar = true;
  return out;
}

/** White space as `\s` in a pattern counts it. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Characters for `collapsedSpaces`, reused from call to call (a list grown a character at a time is garbage). */
const CODES = new Uint16Array(4096);

/**
 * `text.slice(start, end)` with each run of white space made one space (what `.replace(/\s+/g, ' ')` gives), as one
 * flat string of its own: a replacement in a slice is a chain of pieces that hold the whole text, and a slice of a
 * text with any wide character is wide itself, where this is stored a byte a character when it can be. For quotations
 * kept in messages.
 */
export function collapsedSpaces(text: string, start: number, end: number): string {
  let out = '';
  let n = 0;
  let space = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (space) continue;
      space = true;
      CODES[n++] = 32;
    } else {
      space = false;
      CODES[n++] = c;
    }
    if (n === CODES.length) {
      out += String.fromCharCode.apply(null, CODES as unknown as number[]);
      n = 0;
    }
  }
  if (n === 0) return out;
  const last = String.fromCharCode.apply(null, CODES.subarray(0, n) as unknown as number[]);
  return out === '' ? last : out + last;
}

/**
 * `text`, made one flat string if it was put together from pieces. A message built from pieces is a chain of them,
 * each an object holding the ones under it, and a result keeps thousands of messages; reading a character of such
 * a chain makes the engine copy it into one string in place, after which the pieces can go.
 */
export function flattened(text: string): string {
  if (text.length > 0) text.charCodeAt(0);
  return text;
}

/** The source span of [start, end) (offsets are shared). */
export function sourceSpan(_c: Compact, start: number, end: number): { start: number; end: number } {
  return { start, end };
}

/** A pattern written with single spaces, made to accept any run of white space there. */
export function spaced(pattern: string): string {
  return pattern.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+');
}

/**
 * Whole words matching any of `patterns` (each `spaced`), the n-th pattern's match in group n + 1:
 * `\b(?:(p1)|(p2)|…)\b`. It matches as `\b(p1)\b|\b(p2)\b|…` does, tried in the same order, and V8 runs it
 * about twice as fast (it tests the word boundary before the alternatives once, not before each).
 */
export function wordAlternatives(patterns: string[]): string {
  return `\\b(?:${patterns.map((p) => `(${spaced(p)})`).join('|')})\\b`;
}
