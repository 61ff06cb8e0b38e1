/**
 * Words for retrieval: a one-pass tokeniser, an English stop-word list and a light suffix-stripping stemmer.
 * All linear in the text, no regular expressions over whole documents.
 */

import { type Arena, PLAIN } from '../text/arena';

/** Common English function words, plus letter furniture that says nothing about what a passage is about. */
const STOP_LIST = `a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can cannot could couldn't did didn't do does doesn't doing don't down during each either
etc every few for from further had hadn't has hasn't have haven't having he her here hers herself him himself his how
i if in into is isn't it it's its itself just let's may me might more most must mustn't my myself no nor not now of
off on once only or other ought our ours ourselves out over own per same shall shan't she should shouldn't so some
such than that that's the their theirs them themselves then there there's these they this those through thus to too
under until up upon us very via was wasn't we were weren't what when where which while who whom whose why will with
within without won't would wouldn't yet you your yours yourself yourselves one two three four five six seven eight nine ten first also however therefore whether although though since already still even ever
dear sincerely faithfully regards wishes kind thank thanks letter please`;

export const STOP_WORDS: ReadonlySet<string> = new Set(STOP_LIST.split(/\s+/).filter(Boolean));

function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || // a-z
    (c >= 65 && c <= 90) || // A-Z
    (c >= 48 && c <= 57) || // 0-9
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) // Latin letters with accents
  );
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** A word of a text: lower-cased, with its offsets in the text. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

/**
 * Splits text into lower-cased words (the first `limit` of them, when given). Hyphens and other punctuation separate words ("e-rostering" gives "e",
 * "rostering"); an apostrophe inside a word is kept ("don't") and a possessive ending is dropped ("members'").
 */
export function tokenize(text: string, from = 0, to = text.length, limit = Infinity): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to && out.length < limit) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    const start = i;
    i = wordEnd(text, i, to);
    let word = text.slice(start, i).toLowerCase();
    if (word.indexOf('\u2019') >= 0) word = word.replace(/\u2019/g, "'");
    if (word.endsWith("'s")) word = word.slice(0, -2);
    out.push({ word, start, end: i });
  }
  return out;
}

/** The end of the word starting at `i` (a word character), within `to`. */
function wordEnd(text: string, i: number, to: number): number {
  i++;
  while (i < to) {
    const d = text.charCodeAt(i);
    if (isWordChar(d)) i++;
    else if (isApostrophe(d) && i + 1 < to && isWordChar(text.charCodeAt(i + 1))) i += 2;
    else break;
  }
  return i;
}

/** How many words `tokenize` finds in a text (no more than `limit`), without making them. */
export function countWords(text: string, limit = Infinity): number {
  let n = 0;
  let i = 0;
  const to = text.length;
  while (i < to && n < limit) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    i = wordEnd(text, i, to);
    n++;
  }
  return n;
}

/** Lower-cased words of a text, without offsets. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.word);
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

function hasVowel(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (VOWELS.has(s[i])) return true;
  return false;
}

const UNDOUBLE = new Set(['bb', 'dd', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);

/** Derivational endings, longest first; each may be stripped once when at least four letters remain. */
const DERIVATIONAL = [
  'isations', 'izations', 'isation', 'ization', 'ations', 'ation', 'ements', 'ement', 'ments', 'ment', 'nesses',
  'ness', 'ities', 'ity', 'ories', 'ory', 'aries', 'ary', 'ions', 'ion', 'ors', 'or', 'ers', 'er', 'ise', 'ize', 'ive', 'ful', 'ly', 'al',
  'ate', 'ure', 'ic',
];

/**
 * A light English stemmer: strips plural, verb and common derivational endings so that "supervisors",
 * "supervisory" and "supervision" meet at "supervis", and "rostering", "rostered" and "roster" at "rost". It
 * over-stems now and then; for matching a letter's aims to a response, consistency matters more than
 * linguistic accuracy.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  // Plurals.
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3) w = w.slice(0, -1);
  // Verb endings.
  for (const suffix of ['ingly', 'edly', 'ing', 'ed']) {
    if (w.endsWith(suffix)) {
      const base = w.slice(0, -suffix.length);
      if (base.length >= 3 && hasVowel(base)) {
        w = base;
        if (UNDOUBLE.has(w.slice(-2))) w = w.slice(0, -1);
        else if ((w.endsWith('is') || w.endsWith('iz') || w.endsWith('at')) && w.length > 4) w = w.slice(0, -2);
      }
      break;
    }
  }
  // Derivational endings, twice ("professional" → "profession" → "professi").
  for (let pass = 0; pass < 2; pass++) {
    let changed = false;
    for (const suffix of DERIVATIONAL) {
      if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
        w = w.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  while (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 4) w = w.slice(0, -1) + 'i';
  return w;
}

const stemCache = new Map<string, string>();

/** Stems with a small cache: documents repeat their words. */
export function stemCached(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stemCache.size > 50000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** The stems of the content words of a text (stop words and one-letter words dropped), in order. */
export function contentStems(text: string, from = 0, to = text.length): string[] {
  const out: string[] = [];
  for (const t of tokenize(text, from, to)) {
    if (t.word.length < 2 || STOP_WORDS.has(t.word)) continue;
    out.push(stemCached(t.word));
  }
  return out;
}

/**
 * Words read by `WordTable.scan`: each word's id, start and end, the first `count` entries of growing typed
 * arrays. A long response holds hundreds of thousands of words: arrays of numbers grown by pushing would leave
 * several copies of themselves behind for the collector, each twice the size of a typed array's.
 */
export class WordRuns {
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  count = 0;

  /** `capacity`: the words expected; the arrays double when more come. Their arrays come from `arena`. */
  constructor(
    capacity = 64,
    private readonly arena: Arena = PLAIN,
  ) {
    this.ids = arena.int32(capacity);
    this.starts = arena.int32(capacity);
    this.ends = arena.int32(capacity);
  }

  add(id: number, start: number, end: number): void {
    if (this.count === this.ids.length) {
      this.ids = grown(this.ids, this.arena);
      this.starts = grown(this.starts, this.arena);
      this.ends = grown(this.ends, this.arena);
    }
    this.ids[this.count] = id;
    this.starts[this.count] = start;
    this.ends[this.count++] = end;
  }
}

function grown(a: Int32Array, arena: Arena): Int32Array {
  const out = arena.int32(Math.max(64, a.length * 2));
  out.set(a);
  return out;
}

/**
 * Words of a text as small integer ids, without a string per occurrence: each word's lower-cased characters
 * are hashed as they are read, and only a word not seen before is sliced out. Splits words exactly as
 * `tokenize` does. Ids start at 1; `word(id)`, `stem(id)` ('' for stop words and one-letter words) and
 * `isStop(id)` describe them.
 */
export class WordTable {
  #keys = new Int32Array(4096).fill(-1);
  readonly #words: string[] = [''];
  readonly #stems: string[] = [''];
  readonly #stops: boolean[] = [false];

  get size(): number {
    return this.#words.length - 1;
  }
  word(id: number): string {
    return this.#words[id];
  }
  stem(id: number): string {
    return this.#stems[id];
  }
  isStop(id: number): boolean {
    return this.#stops[id];
  }

  /** The id of a word given as a string (lower-cased already). */
  idOf(word: string): number {
    return this.#intern(word, 0, word.length, hashLower(word, 0, word.length), true);
  }

  /** The id of a word given as a string (lower-cased already), or -1 when the table does not hold it (it is not
   * added). */
  find(word: string): number {
    return this.#keys[this.#slotOf(word, 0, word.length, hashLower(word, 0, word.length), true)];
  }

  /** The runs `scan` reads into when given none: reused, so valid until the next such scan. */
  readonly #scratch = new WordRuns();

  /**
   * Reads the words of `text[from, to)`, adding each word's id, start and end to `into` (which is returned). Without
   * `into`, the words are the table's own runs, emptied first and valid until the next scan without `into`.
   */
  scan(text: string, from: number, to: number, into?: WordRuns): WordRuns {
    const out = into ?? this.#scratch;
    if (!into) out.count = 0;
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      const start = i;
      let apostrophe = false;
      i++;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (isWordChar(d)) i++;
        else if (isApostrophe(d) && i + 1 < to && isWordChar(text.charCodeAt(i + 1))) {
          apostrophe = true;
          i += 2;
        } else break;
      }
      let end = i;
      let id: number;
      if (apostrophe) {
        // Rare: normalise the apostrophe and drop a possessive, as `tokenize` does.
        let w = text.slice(start, end).toLowerCase().replace(/\u2019/g, "'");
        if (w.endsWith("'s")) w = w.slice(0, -2);
        id = this.idOf(w);
      } else {
        id = this.#intern(text, start, end, hashLower(text, start, end), false);
      }
      out.add(id, start, end);
    }
    return out;
  }

  /** The slot of `text[start, end)` in `keys`: the one holding its id, or the empty one (-1) where it would go. */
  #slotOf(text: string, start: number, end: number, hash: number, lowered: boolean): number {
    const mask = this.#keys.length - 1;
    let slot = hash & mask;
    for (;;) {
      const id = this.#keys[slot];
      if (id < 0) return slot;
      const w = this.#words[id];
      if (w.length === end - start && sameLower(w, text, start, lowered)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  #intern(text: string, start: number, end: number, hash: number, lowered: boolean): number {
    const slot = this.#slotOf(text, start, end, hash, lowered);
    if (this.#keys[slot] >= 0) return this.#keys[slot];
    const word = lowered ? text.slice(start, end) : text.slice(start, end).toLowerCase();
    const id = this.#words.length;
    this.#words.push(word);
    const stop = STOP_WORDS.has(word);
    this.#stops.push(stop);
    this.#stems.push(stop || word.length < 2 ? '' : stemCached(word));
    this.#keys[slot] = id;
    if (this.#words.length * 2 > this.#keys.length) this.#grow();
    return id;
  }

  #grow(): void {
    const keys = new Int32Array(this.#keys.length * 2).fill(-1);
    const mask = keys.length - 1;
    for (let id = 1; id < this.#words.length; id++) {
      const w = this.#words[id];
      let slot = hashLower(w, 0, w.length) & mask;
      while (keys[slot] >= 0) slot = (slot + 1) & mask;
      keys[slot] = id;
    }
    this.#keys = keys;
  }
}

function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c >= 0xc0 && c <= 0xde && c !== 0xd7 ? c + 32 : c;
}

/** FNV-1a over the lower-cased characters. */
function hashLower(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ lowerCode(text.charCodeAt(i)), 0x01000193);
  return h >>> 0;
}

function sameLower(word: string, text: string, start: number, lowered: boolean): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(start + k);
    if (word.charCodeAt(k) !== (lowered ? c : lowerCode(c))) return false;
  }
  return true;
}
