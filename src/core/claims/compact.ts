/**
 * The text the claim reader matches against: the document's masked text (markup blanked to spaces, same
 * offsets as the source) lower-cased, with curly quotes made straight. Every change keeps the length, so an
 * offset found here is a source offset. Patterns allow any run of white space where they have a space
 * (see `spaced`), since markup and line breaks leave several.
 */
export interface Compact {
  /** Lower-cased, curly quotes straightened; same length as the source. */
  lower: string;
  /** The masked text in its own case (for acronyms and union names). */
  cased: string;
  /** Lower-cased character by character (a character lower-cases to two): see `buildCompact`. */
  perChar?: boolean;
}

export function buildCompact(masked: string): Compact {
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
  lower = lower.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d\u201e]/g, '"');
  return perChar ? { lower, cased: masked, perChar } : { lower, cased: masked };
}

/** The source span of [start, end) (offsets are shared). */
export function sourceSpan(_c: Compact, start: number, end: number): { start: number; end: number } {
  return { start, end };
}

/** A pattern written with single spaces, made to accept any run of white space there. */
export function spaced(pattern: string): string {
  return pattern.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+');
}
