/**
 * Words for comparing versions: a linear tokeniser with a light English stemmer and a stop list, and the
 * normalisations that make a renumbered or re-emphasised aim compare equal to its old self.
 */

const STOP = new Set(
  (
    'a an and are as at be been being but by can do does for from had has have he her his i if in into is it its ' +
    'of on or our ours she so than that the their them then there these they this those to us was we were what ' +
    'when where which while who whom why with you your also all any each every more most other some such no nor ' +
    'not only own same too very just over under again further once here both few very s t'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;

/** A light stemmer: enough to make "teams"/"team", "allocated"/"allocate", "reviewing"/"review" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('\u2019s')) w = w.slice(0, -2);
  if (w.length > 5 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) return w.slice(0, -1);
  return w;
}

/** Content words of a text, lower-cased and stemmed, stop words dropped. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const w = m[0].toLowerCase();
    if (STOP.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Term frequencies of a text's content words. */
export function termCounts(text: string): Map<string, number> {
  const tf = new Map<string, number>();
  for (const w of contentWords(text)) tf.set(w, (tf.get(w) ?? 0) + 1);
  return tf;
}

/**
 * A leading enumerator: "3.", "3)", "(c)", "iv.", "3.2", "Aim 3:", "Proposal 2 –". Linear: each alternative
 * is a bounded run followed by fixed punctuation.
 */
const ENUMERATOR =
  /^\s*(?:(?:aim|objective|proposal|priority|recommendation|action|step|part|section|item|point|change|option|principle|commitment)\s+(?:\d{1,3}[a-z]?|[a-z]|[ivx]{1,5})\s*(?:[:.)\u2013\u2014-]\s*|\s+(?=\S))|\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-z]|[ivx]{1,5})[.)]\s+|\d{1,3}(?:\.\d{1,3}){1,3}\s+|\d{1,3}\s+(?=\p{Lu}))/iu;

/** Removes a leading enumerator (numbering) from a plain text. */
export function stripEnumerator(text: string): string {
  const m = ENUMERATOR.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length);
  return rest.length > 0 ? rest : text;
}

/** True when a table cell or a whole text is only an enumerator or reference ("3", "3.", "(c)", "Aim 2", "R4", "A-12"). */
export function isEnumeratorOnly(text: string): boolean {
  return /^\s*(?:(?:no\.?|ref\.?|aim|item|proposal|objective|#)\s*)?\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-z]|[ivx]{1,5}|[a-z]{1,3}[-.]?\d{1,3}[a-z]?)[.):]?\s*$/iu.test(text);
}

/** Normalises typography that a reissue often changes without changing a word: quotes, dashes, spaces. */
const TYPOGRAPHY = /[\u2018\u2019\u201b\u2032\u201c\u201d\u201f\u2033\u2010-\u2015\u2212]|\s\s|[\t\n\r\u00a0]|^\s|\s$/;

export function normaliseTypography(text: string): string {
  if (!TYPOGRAPHY.test(text)) return text;
  return text
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** 32-bit FNV-1a hash of a string, for bucketing. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
