/**
 * Aligns a response with the letter's aims: for each aim, the response passages that answer it, how sure the
 * engine is and why; the response's own points; and the stance the passages take.
 *
 * Evidence, strongest first:
 *  - restated: the response restates an aim (as a heading, a bold or dashed lead-in, a blockquote, a quoted
 *    list item, a plain paragraph repeating it, or "On <aim in other words>, …"); a restatement governs the
 *    paragraphs after it until the next restatement, a heading that restates nothing, the end of its list
 *    item, or a paragraph that turns plainly to another matter ("follows restatement");
 *  - quoted: a paragraph quotes the aim's words (shared word trigrams);
 *  - lexical: BM25 (bm25.ts) of the aim's stems against the paragraph, over paragraphs no restatement governs;
 *  - order: the heaviest monotone chain of candidate pairs (order.ts) gains a little, and a paragraph's
 *    candidates off the chain lose a little when it has one on it: a penalty, not a prohibition.
 * Greeting, header, courtesy, sign-off and contact paragraphs are never passages or points; nor are
 * quotations from the letter. Every step is linear in the size of the documents (postings are capped).
 */
import type { Alignment, AlignmentReason, Passage, Point } from '../contract';
import type { Block, Doc } from '../document/model';
import type { Span } from '../text/positions';
import type { LetterAim } from '../aims/extract';
import { leadInOf } from '../aims/extract';
import { blockRoles, titleIndex, type BlockRole } from '../aims/roles';
import { NON_AIM_SECTION, HEADING_NUMBER_PREFIX } from '../aims/patterns';
import { located } from '../document/located';
import { classifyStance, cuesIn, type CueMatch, type StanceResult, type WordsView } from '../stance/stance';
import { contentStems, WordRuns, WordTable } from './text';
import { B, Bm25Index, findTerm, K1, TOP_K, type Prepared } from './bm25';
import { monotoneChain } from './order';
import { AimPostings, type AimKeys } from './postings';
import { firstAtLeast } from '../text/search';
import { appendDistinct } from '../text/distinct';
import { type Column, float64Column, int32Column } from '../text/column';
import { Arena, PLAIN } from '../text/arena';
import { release } from '../text/release';

/** 1-based paragraph numbers of a document's blocks, counting blocks of prose (not headings); 0 for headings. */
export function paragraphNumbers(doc: Doc): number[] {
  const out = new Array<number>(doc.blocks.length);
  let n = 0;
  for (const b of doc.blocks) out[b.index] = b.kind === 'heading' ? 0 : ++n;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Tunable thresholds (all on a 0..1 scale).

/** A paragraph no restatement governs answers an aim when its score reaches this, and either the aim is the
 * paragraph's best (or near it, SHARE_RATIO) or the paragraph is among the aim's best (AIM_SHARE_RATIO). */
const ANSWER_THRESHOLD = 0.16;
const SHARE_RATIO = 0.72;
const AIM_SHARE_RATIO = 0.8;
/** A heading or lead-in restates an aim when this share of its informative words are the aim's. */
const RESTATE_THRESHOLD = 0.5;
/** Bonus for candidates on the monotone chain, and penalty for a paragraph's candidates off it. */
const ORDER_BONUS = 0.08;
/** A sentence's score counts for this much of a paragraph's. */
const SENTENCE_WEIGHT = 0.85;
/** Coverage of the aim's words, whatever the paragraph's length, counts for this much (a long paragraph that
 * answers several aims mentions each briefly). */
const COVERAGE_WEIGHT = 0.75;
const ORDER_PENALTY = 0.1;
const ORDER_MARGIN = 0.15;
/** Pairs this sure count as confident answers; the response follows the letter's order when this share of
 * them lie on one monotone chain. */
const CONFIDENT = 0.4;
const FOLLOWS_ORDER = 0.7;
/** Postings of aim words in more aims than this are not used to match restatements. */
const AIM_DF_CAP = 24;
/** At most this many aims reading differently (an edit) patch the kept index of aims' words; more rebuild it. */
const PATCH_LIMIT = 16;
/** Passages one aim may have, at most, and the share of its best score a passage needs. */
const MAX_PASSAGES = 8;
const PASSAGE_FLOOR = 0.5;
/** Word trigrams in more aims than this say nothing about which aim a block quotes. */
const TRIGRAM_DF_CAP = 8;
/** Aims one block may quote or restate, at most. */
const QUOTED_PER_BLOCK = 4;

// ---------------------------------------------------------------------------------------------------------
// The aims, as seen by the matcher.

export interface AimProfile {
  /** The unique content stems of the aim's text, then those of its title (its topic, which restatements tend to
   * name), as ids in the word table: entries `termsFrom` to `titleFrom` and `titleFrom` to `termsTo` of the column,
   * which holds other aims' too (read its array when reading them: it is replaced as the column grows). A list of
   * strings for each would cost about 200 bytes an aim, promoted while matching runs. */
  terms: Column<Int32Array>;
  termsFrom: number;
  titleFrom: number;
  termsTo: number;
  /** Word trigrams of the aim's text (as numbers, each once, in the order first seen), for quotation: entries
   * `trigramsFrom` to `trigramsTo` of the column, which holds other aims' too (read its array when reading them:
   * it is replaced as the column grows). */
  trigrams: Column<Float64Array>;
  trigramsFrom: number;
  trigramsTo: number;
  /** Kept with a memo, for the response the profile was made against: the aim's prepared query, and its
   * candidates by where in the response the search starts (see `candidates`): a few places, each followed by
   * what was found from it (a list, not a map: a map per aim costs more than its entries). */
  prepared?: Prepared;
  candidates?: Array<number | AimCandidates>;
}

/** Exported for its tests. */
export class AimIndex {
  profiles: AimProfile[];
  /** The aims holding each stem (of their text: see `AimProfile.terms`), by the stem's id in `words`. */
  readonly #byTerm: AimPostings;
  #sortedTerms: string[] | undefined;
  /** The aims holding each trigram. */
  readonly #byTrigram: AimPostings;
  readonly #words: WordTable;
  readonly #arena: Arena;
  /** The words of the letter's title (see `topicOf`): they name what the whole letter is about, so one of them
   * shared with one aim does not make a phrase restate it. */
  readonly topic: ReadonlySet<string>;
  /** The profiles' stems are ids in `words`. The postings are made in `arena`. */
  constructor(
    public aims: LetterAim[],
    profileOf: (a: LetterAim, i: number) => AimProfile,
    words: WordTable,
    topic: readonly string[] = [],
    arena: Arena = PLAIN,
  ) {
    this.#words = words;
    this.#arena = arena;
    this.topic = new Set(topic);
    this.restatedFound = float64Column(0, arena);
    this.profiles = aims.map(profileOf);
    this.#byTerm = new AimPostings(this.#termsOf, aims.length, arena);
    this.#byTrigram = new AimPostings(this.#trigramsOf, aims.length, arena);
  }
  readonly #trigramsOf = (a: number): AimKeys => {
    const p = this.profiles[a];
    return { keys: p.trigrams.array, from: p.trigramsFrom, to: p.trigramsTo };
  };
  readonly #termsOf = (a: number): AimKeys => {
    const p = this.profiles[a];
    return { keys: p.terms.array, from: p.termsFrom, to: p.titleFrom };
  };
  /** The stems of aim `a`'s text, in a list of their own. */
  terms(a: number): string[] {
    const p = this.profiles[a];
    const out = new Array<string>(p.titleFrom - p.termsFrom);
    for (let k = p.termsFrom; k < p.titleFrom; k++) out[k - p.termsFrom] = this.#words.word(p.terms.array[k]);
    return out;
  }
  /** The `k`th stem of aim `a`'s text. */
  term(a: number, k: number): string {
    const p = this.profiles[a];
    return this.#words.word(p.terms.array[p.termsFrom + k]);
  }
  /** Whether aim `a`'s text holds the `k`th stem of aim `b`'s. */
  sharesTerm(a: number, b: number, k: number): boolean {
    const p = this.profiles[a];
    const q = this.profiles[b];
    const id = q.terms.array[q.termsFrom + k];
    const terms = p.terms.array;
    for (let i = p.termsFrom; i < p.titleFrom; i++) if (terms[i] === id) return true;
    return false;
  }
  /** Whether aim `a`'s title holds stem `t`, or (`related`) a stem of five letters or more that begins it or that it
   * begins. */
  inTitle(a: number, t: string, related = false): boolean {
    const p = this.profiles[a];
    for (let k = p.titleFrom; k < p.termsTo; k++) {
      const x = this.#words.word(p.terms.array[k]);
      if (x === t) return true;
      if (related && ((t.length >= 5 && x.startsWith(t)) || (x.length >= 5 && t.startsWith(x)))) return true;
    }
    return false;
  }
  /** The summed weight (`idf`) of the stems of aim `a`'s text found in `stems`. */
  weightIn(a: number, stems: ReadonlySet<string>): number {
    const p = this.profiles[a];
    let w = 0;
    for (let k = p.termsFrom; k < p.titleFrom; k++) {
      const id = p.terms.array[k];
      const t = this.#words.word(id);
      if (stems.has(t)) w += this.#idfOf(this.#byTerm.count(id));
    }
    return w;
  }
  /** How many aims hold stem `t`. */
  #df(t: string): number {
    const id = this.#words.find(t);
    return id < 0 ? 0 : this.#byTerm.count(id);
  }
  /** The aims holding stem `t`, in a list of their own. */
  #holding(t: string): number[] {
    const id = this.#words.find(t);
    return id < 0 ? [] : this.#byTerm.aimsOf(id);
  }
  /** Frees the trigrams' postings now (see `release`): `quoted` must not be called afterwards. */
  releaseTrigrams(): void {
    this.#byTrigram.release();
  }
  /**
   * The index for the same number of aims of which those in `changed` now read differently: each changed aim
   * leaves the postings of its old words and joins those of its new ones, and what was worked out from words
   * related to either (the same word, or one beginning the other, of five letters or more: the words `aimsWith`
   * matches) is forgotten. The index is then what building it afresh would give.
   * Returns the trigrams whose postings changed.
   */
  patch(aims: LetterAim[], changed: Array<{ aim: number; profile: AimProfile }>): Set<number> {
    const touched = new Set<string>();
    const trigrams = new Set<number>();
    for (const { aim, profile } of changed) {
      const old = this.profiles[aim];
      for (let k = old.termsFrom; k < old.titleFrom; k++) {
        const id = old.terms.array[k];
        touched.add(this.#words.word(id));
        this.#byTerm.leave(id, aim);
      }
      for (let k = old.trigramsFrom; k < old.trigramsTo; k++) {
        const g = old.trigrams.array[k];
        trigrams.add(g);
        this.#byTrigram.leave(g, aim);
      }
      for (let k = profile.termsFrom; k < profile.titleFrom; k++) {
        const id = profile.terms.array[k];
        touched.add(this.#words.word(id));
        this.#byTerm.join(id, aim);
      }
      for (let k = profile.trigramsFrom; k < profile.trigramsTo; k++) {
        const g = profile.trigrams.array[k];
        trigrams.add(g);
        this.#byTrigram.join(g, aim);
      }
      this.profiles[aim] = profile;
    }
    this.aims = aims;
    this.#byTerm.settle(this.#termsOf, aims.length);
    this.#byTrigram.settle(this.#trigramsOf, aims.length);
    if (this.#sortedTerms) {
      for (const t of touched) {
        const at = firstAtLeast(this.#sortedTerms, t);
        const listed = this.#sortedTerms[at] === t;
        const held = this.#df(t) > 0;
        if (listed && !held) this.#sortedTerms.splice(at, 1);
        else if (!listed && held) this.#sortedTerms.splice(at, 0, t);
      }
    }
    // A word is related to a touched one when it is one, when it begins one (five letters or more), or when it
    // begins with one of five letters or more.
    const beginnings = new Set<string>();
    const long: string[] = [];
    for (const s of touched) {
      if (s.length < 5) continue;
      long.push(s);
      for (let l = 5; l <= s.length; l++) beginnings.add(s.slice(0, l));
    }
    const staleTerm = (t: string): boolean => {
      if (touched.has(t) || (t.length >= 5 && beginnings.has(t))) return true;
      for (let k = 0; k < long.length; k++) if (t.startsWith(long[k])) return true;
      return false;
    };
    const stale = (terms: string[]): boolean => {
      for (let k = 0; k < terms.length; k++) if (staleTerm(terms[k])) return true;
      return false;
    };
    // (Deleting the entry being visited is safe while iterating a Map.)
    this.#aimsWithMemo.forEach((_, t) => {
      if (staleTerm(t)) this.#aimsWithMemo.delete(t);
    });
    this.#restatedTerms.forEach((terms, phrase) => {
      if (!stale(terms)) return;
      this.#restatedTerms.delete(phrase);
      const at = this.#restatedMemo.get(phrase)!;
      this.#restatedMemo.delete(phrase);
      this.restatedDead += 1 + 3 * this.restatedFound.array[at];
    });
    // The hits of phrases forgotten are left in the column until they are more than those kept.
    if (this.restatedDead * 2 > this.restatedFound.length) {
      const was = this.restatedFound.array;
      const found = float64Column(this.restatedFound.length - this.restatedDead, this.#arena);
      this.#restatedMemo.forEach((at, phrase) => {
        this.#restatedMemo.set(phrase, found.append(was, at, at + 1 + 3 * was[at]));
      });
      this.restatedFound = found;
      this.restatedDead = 0;
    }
    return trigrams;
  }
  idf(term: string): number {
    return this.#idfOf(this.#df(term));
  }
  #idfOf(df: number): number {
    const n = this.aims.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
  /** Aims holding the stem, or a stem it begins or that begins it (five letters or more). */
  aimsWith(term: string): number[] {
    this.#consulted?.add(term);
    let memo = this.#aimsWithMemo.get(term);
    if (!memo) this.#aimsWithMemo.set(term, (memo = this.#aimsWithUncached(term)));
    return memo;
  }
  readonly #aimsWithMemo = new Map<string, number[]>();
  /** The stems some aim's text holds, sorted. */
  #sortedStems(): string[] {
    const out: string[] = [];
    this.#byTerm.forEachKey((id) => out.push(this.#words.word(id)));
    return out.sort();
  }
  #aimsWithUncached(term: string): number[] {
    if (this.#df(term) > AIM_DF_CAP) return [];
    const exact = this.#holding(term);
    let longer: number[] = [];
    if (term.length >= 5) {
      // Stems that begin with the term: a range of the sorted stems, found by binary search.
      const sorted = (this.#sortedTerms ??= this.#sortedStems());
      for (let k = firstAtLeast(sorted, term); k < sorted.length && sorted[k].startsWith(term) && longer.length <= AIM_DF_CAP; k++) {
        if (sorted[k] !== term) longer = longer.concat(this.#holding(sorted[k]));
      }
    }
    let shorter: number[] = [];
    for (let l = 5; l < term.length; l++) {
      const hit = this.#holding(term.slice(0, l));
      if (hit.length > 0) shorter = shorter.concat(hit);
    }
    if (longer.length === 0 && shorter.length === 0) return exact.length > AIM_DF_CAP ? [] : exact;
    const all = unique([...exact, ...longer, ...shorter]);
    return all.length > AIM_DF_CAP ? [] : all;
  }
  /**
   * Aims a short phrase (a heading, a lead-in) restates: the share of the phrase's informative words (by
   * inverse frequency over the aims) found in the aim. Returns the best aim, and any other within reach of it.
   */
  restated(phrase: string): RestateHits {
    const at = this.#restatedMemo.get(phrase);
    const found = this.restatedFound;
    if (at === undefined) {
      // The words consulted are kept with the answer, so that `patch` knows when it may have changed.
      this.#consulted = new Set();
      const hits = this.#restatedJoined(phrase);
      this.#restatedTerms.set(phrase, [...this.#consulted]);
      this.#consulted = undefined;
      const to = found.add(1 + 3 * hits.length);
      const f = found.array;
      f[to] = hits.length;
      hits.forEach((h, k) => {
        f[to + 1 + 3 * k] = h.aim;
        f[to + 2 + 3 * k] = h.score;
        f[to + 3 + 3 * k] = h.joined ? 1 : 0;
      });
      this.#restatedMemo.set(phrase, to);
      return hits;
    }
    const f = found.array;
    const hits: RestateHits = new Array(f[at]);
    for (let k = 0; k < hits.length; k++) {
      // A whole number read from the column is a double to the engine: made an integer again, or every object
      // holding an aim read from here (each assignment made from a hit) would hold it in a box of its own.
      const aim = f[at + 1 + 3 * k] | 0;
      const score = f[at + 2 + 3 * k];
      hits[k] = f[at + 3 + 3 * k] === 1 ? { aim, score, joined: true } : { aim, score };
    }
    return hits;
  }
  #consulted: Set<string> | undefined;
  /**
   * A phrase naming two aims ("the four-day week and the depot closure") restates both: each part joined by
   * "and", "as well as" or a comma is matched on its own, and when two or more parts restate different aims
   * the phrase restates them all. Otherwise the phrase is matched whole.
   */
  #restatedJoined(phrase: string): Array<{ aim: number; score: number; joined?: boolean }> {
    const whole = this.#restatedUncached(phrase);
    const parts = phrase.split(/\s+(?:and|&|as well as|plus)\s+|\s*[,;\/]\s*/i).filter((p) => contentStems(p).length > 0);
    if (parts.length < 2 || parts.length > 4) return whole;
    const got = new Map<number, number>();
    let named = 0;
    for (const part of parts) {
      const hits = this.#restatedUncached(part);
      if (hits.length === 0 || hits.length > 2) continue;
      named++;
      for (const h of hits) got.set(h.aim, Math.max(got.get(h.aim) ?? 0, h.score));
    }
    if (named < 2 || got.size < 2) return whole;
    for (const w of whole) got.set(w.aim, Math.max(got.get(w.aim) ?? 0, w.score));
    return [...got].map(([aim, score]) => ({ aim, score, joined: true })).sort((x, y) => y.score - x.score);
  }
  /**
   * What `restated` found for each phrase asked about, kept while the words it consulted are unchanged: where its
   * hits are in `restatedFound`, which holds, for each phrase, how many hits it has, then each hit's aim, score and
   * whether the phrase named it as one of several (1) or not (0). (Kept as lists of objects, the hits of a long
   * response's headings are megabytes of heap, promoted while matching runs.) Each call gets hits of its own.
   */
  readonly #restatedMemo = new Map<string, number>();
  // (This and `restatedDead` keep TypeScript's `private`: a test reads them.)
  private restatedFound: Column<Float64Array>;
  /** How many numbers of `restatedFound` belong to phrases forgotten by `patch`. */
  private restatedDead = 0;
  /** The words each phrase in `restatedMemo` consulted. */
  readonly #restatedTerms = new Map<string, string[]>();
  #restatedUncached(phrase: string): Array<{ aim: number; score: number }> {
    const terms = unique(contentStems(phrase));
    for (const t of terms) this.#consulted?.add(t);
    if (terms.length === 0 || this.aims.length === 0) return [];
    const unseen = Math.log(1 + (this.aims.length + 0.5) / 0.5);
    let total = 0;
    const got = new Map<number, number>();
    /** How many of the phrase's words each aim holds. */
    const held = new Map<number, number>();
    for (const t of terms) {
      const hits = this.aimsWith(t);
      // A word in too many aims to list still counts, at its (low) weight; a word in none counts in full.
      const w = hits.length > 0 || this.#df(t) > 0 ? this.idf(t) : unseen;
      total += w;
      for (const a of hits) {
        got.set(a, (got.get(a) ?? 0) + w);
        held.set(a, (held.get(a) ?? 0) + 1);
      }
    }
    // A phrase of the letter's title words alone ("Regime changes", "Deployment") names its subject: it restates
    // an aim only when the aim holds two of its words ("School day"), not on one word they happen to share.
    if (terms.every((t) => this.topic.has(t))) for (const [a, n] of held) if (n < 2) got.delete(a);
    // Naming the aim's title words breaks ties between aims that share the phrase's words elsewhere.
    const inTitle = (aim: number) => {
      for (const t of terms) if (this.inTitle(aim, t, true)) return true;
      return false;
    };
    const scored = [...got].map(([aim, w]) => ({ aim, score: w / total + (inTitle(aim) ? 0.1 : 0) })).sort((x, y) => y.score - x.score);
    if (scored.length === 0) return [];
    if (scored[0].score < RESTATE_THRESHOLD) {
      // A short phrase (a heading "Agency staff") naming a word of one aim's title that no other aim has
      // restates that aim, though its other words are the response's own.
      if (terms.length > 3) return [];
      const own = new Set<number>();
      for (const t of terms) {
        const hits = this.aimsWith(t);
        if (t.length >= 4 && hits.length === 1 && this.inTitle(hits[0], t) && !this.topic.has(t)) own.add(hits[0]);
      }
      return own.size === 1 ? [{ aim: [...own][0], score: RESTATE_THRESHOLD }] : [];
    }
    const top = scored[0].score;
    return scored.filter((s) => s.score >= RESTATE_THRESHOLD && s.score >= top - 0.05);
  }
  /** Shared word trigrams between a block of the response and each aim. */
  quoted(grams: Float64Array, from = 0, to = grams.length): { grams: number; hits: Map<number, number> } {
    const hits = new Map<number, number>();
    for (let k = from; k < to; k++) this.#byTrigram.tally(grams[k], TRIGRAM_DF_CAP, hits);
    return { grams: to - from, hits };
  }
}

/** What the matcher reads from an aim: a function of the aim's text and title alone. Its stems are added to
 * `terms` and its trigrams to `trigrams` when given, else to columns of their own. Exported for tests. */
export function aimProfile(letter: Doc, a: LetterAim, words: WordTable, trigrams?: Column<Float64Array>, terms?: Column<Int32Array>): AimProfile {
  const { ids, count } = words.scan(letter.masked, a.span.start, a.span.end);
  const keys = trigramKeysOfIds(words, ids, 0, count);
  // The stems as ids (interning a stem reads no text, so the scan's words stay as they are).
  const stems: number[] = [];
  for (let k = 0; k < count; k++) {
    const stem = words.stem(ids[k]);
    if (stem) stems.push(words.idOf(stem));
  }
  const titleStems = contentStems(a.title).map((t) => words.idOf(t));
  const stemColumn = terms ?? int32Column(stems.length + titleStems.length);
  const termsFrom = stemColumn.length;
  const titleFrom = termsFrom + appendDistinct(stems, stemColumn);
  const termsTo = titleFrom + appendDistinct(titleStems, stemColumn);
  const column = trigrams ?? float64Column(keys.length);
  const trigramsFrom = column.length;
  return { terms: stemColumn, termsFrom, titleFrom, termsTo, trigrams: column, trigramsFrom, trigramsTo: trigramsFrom + appendDistinct(keys, column) };
}

const ID_BITS = 2 ** 21;

/** Word trigrams as numbers (three 21-bit ids), skipping those made only of stop words (of `ids[from, to)`). */
function trigramKeysOfIds(words: WordTable, ids: ArrayLike<number>, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from + 2; i < to; i++) {
    const a = ids[i - 2];
    const b = ids[i - 1];
    const c = ids[i];
    if (words.isStop(a) && words.isStop(b) && words.isStop(c)) continue;
    out.push(((a % ID_BITS) * ID_BITS + (b % ID_BITS)) * ID_BITS + (c % ID_BITS));
  }
  return out;
}

const NO_QUOTES: ReadonlyMap<number, number> = new Map();
/** The key of candidates found without regard to where the search started. */
const ANYWHERE = -1;

/** A unit's words: a window on the words of all the response's units, kept in typed arrays. */
class UnitWords implements WordsView {
  constructor(
    private readonly all: { table: WordTable; ids: Int32Array; starts: Int32Array; ends: Int32Array },
    private readonly from: number,
    readonly count: number,
  ) {}
  word(k: number): string {
    return this.all.table.word(this.all.ids[this.from + k]);
  }
  start(k: number): number {
    return this.all.starts[this.from + k];
  }
  end(k: number): number {
    return this.all.ends[this.from + k];
  }
}

const NO_WORDS: WordsView = { count: 0, word: () => '', start: () => 0, end: () => 0 };

/** The units (not furniture) holding each word trigram. */
function unitsByTrigram(units: Unit[], trigrams: Float64Array): Map<number, number[]> {
  const out = new Map<number, number[]>();
  units.forEach((u, ui) => {
    if (u.kind !== 'furniture') for (let k = u.trigramsFrom; k < u.trigramsTo; k++) push(out, trigrams[k], ui);
  });
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

// ---------------------------------------------------------------------------------------------------------
// The response, block by block.

type UnitKind = 'answer' | 'restatement' | 'furniture' | 'quotation';

interface Unit {
  block: Block;
  kind: UnitKind;
  /** Index in the BM25 index of blocks, for answer units. */
  doc: number;
  /** The stems of the block's content words, in order, for answer units: their term ids in the BM25 index,
   * entries `stemsFrom` to `stemsTo` of the response's `UnitColumns.stems`. */
  stemsFrom: number;
  stemsTo: number;
  /** Where each sentence's stems start and end among the unit's stems (0 for its first), for answer units of two
   * sentences or more: entries `sentencesFrom` to `sentencesTo` of `UnitColumns.sentences`, sentence `j`'s from
   * entry `sentencesFrom + 2j` to the entry after it. */
  sentencesFrom: number;
  sentencesTo: number;
  /** How often each of the block's terms (in the order of its BM25 document's terms) occurs in each of those
   * sentences: entry `tfFrom + i * n + j` of `UnitColumns.sentenceTf` for term `i` and sentence `j` of `n`. */
  tfFrom: number;
  /** The block's words: ids in the word table and offsets (not kept for furniture). */
  words: WordsView;
  /** Word trigrams of the block (as numbers, each once, in the order first seen), for quotation; none for
   * furniture: entries `trigramsFrom` to `trigramsTo` of `UnitColumns.trigrams`. */
  trigramsFrom: number;
  trigramsTo: number;
  paragraph: number;
}

/** The numbers of every unit of a response (see `Unit`), one unit after another: columns rather than arrays per
 * unit, as a response holds tens of thousands of blocks and a typed array costs a hundred bytes besides its numbers. */
interface UnitColumns {
  stems: Int32Array;
  sentences: Int32Array;
  sentenceTf: Int32Array;
  trigrams: Float64Array;
}

/** The units that are lexical candidates for one aim, and their scores: entries `from` to `to` of the columns,
 * which hold other aims' too. */
interface AimCandidates {
  columns: { units: Column<Int32Array>; scores: Column<Float64Array> };
  from: number;
  to: number;
}

/** Each unit's lexical candidates, in the order of aims: unit `ui`'s are entries `start[ui]` to `start[ui + 1]`. */
interface CandidateTable {
  start: Int32Array;
  aim: Int32Array;
  score: Float64Array;
}

/** The candidates kept for a place where the search starts (see `AimProfile.candidates`). */
function keptAt(kept: Array<number | AimCandidates>, near: number): AimCandidates | undefined {
  for (let k = 0; k < kept.length; k += 2) if (kept[k] === near) return kept[k + 1] as AimCandidates;
  return undefined;
}

function candidateTable(byAim: AimCandidates[], unitCount: number, arena: Arena): CandidateTable {
  const start = arena.int32(unitCount + 1);
  for (const c of byAim) {
    const units = c.columns.units.array;
    for (let k = c.from; k < c.to; k++) start[units[k] + 1]++;
  }
  for (let ui = 0; ui < unitCount; ui++) start[ui + 1] += start[ui];
  const fill = arena.int32From(start.subarray(0, unitCount));
  const aim = arena.int32(start[unitCount]);
  const score = arena.float64(start[unitCount]);
  byAim.forEach((c, a) => {
    const units = c.columns.units.array;
    const scores = c.columns.scores.array;
    for (let k = c.from; k < c.to; k++) {
      const at = fill[units[k]]++;
      aim[at] = a;
      score[at] = scores[k];
    }
  });
  release(fill);
  return { start, aim, score };
}

/** Every list of reasons an assignment can give, each one array: passages share them, and comparing two
 * assignments' reasons is comparing the arrays. Never changed. */
const REASONS = {
  restated: ['restated'],
  quotedRestated: ['quoted', 'restated'],
  follows: ['follows restatement'],
  followsLexical: ['follows restatement', 'lexical'],
  quotedFollows: ['quoted', 'follows restatement'],
  quotedFollowsLexical: ['quoted', 'follows restatement', 'lexical'],
  lexical: ['lexical'],
  quotedLexical: ['quoted', 'lexical'],
  lexicalOrder: ['lexical', 'order'],
  quotedLexicalOrder: ['quoted', 'lexical', 'order'],
  order: ['order'],
} satisfies Record<string, AlignmentReason[]>;
for (const r of Object.values(REASONS)) Object.freeze(r);

interface Assignment {
  aim: number;
  score: number;
  reasons: AlignmentReason[];
}

/** The assignments of a unit assigned nothing: one list shared by all of them, frozen so that none is added to it
 * (see `assign`). */
const UNASSIGNED: Assignment[] = Object.freeze([]) as unknown as Assignment[];

/**
 * Adds an assignment to unit `ui`'s. The lists live to the end of the alignment, and most hold one aim or two: a
 * short one is copied to its new size rather than pushed to (a list pushed to from empty has room for 17, and
 * from full for 16 more).
 */
function assign(assigned: Assignment[][], ui: number, a: Assignment): void {
  const list = assigned[ui];
  if (list.length === 0) assigned[ui] = [a];
  else if (list.length < 8) assigned[ui] = list.concat([a]);
  else list.push(a);
}

/** Openings that turn to another matter. */
const TURN = /^(?:(?:[A-Z][\w’']*|we|the union|the branch|members)(?: would| must| should| wish to| want to| need to)? also (?:note|notes|noted|wish|wishes|want|wants|raise|raises|ask|asks|remind|reminds|point out|draw attention|mention|add|like)\b|(?:[A-Z][\w’']*|members|staff|colleagues) (?:have |has )?(?:also )?asked (?:us|the branch|the union) to raise\b|separately|finally|lastly|in addition|additionally|more generally|in general|on a (?:separate|different|related) (?:note|matter|point)|on another matter|another matter|other matters|one (?:more|further|last|final|other) (?:thing|point|matter|issue)|we (?:also )?(?:wish|want|would like) to raise|we would also (?:like|ask|add)|we also (?:note|ask|wish|want)|we must also)\b/i;
/** Remarks about the letter's claims or the union's involvement. */
const CLAIM_TALK =
  /\b(?:do(?:es)? not recognise (?:the|this) (?:description|account|picture|characteri[sz]ation)|(?:have )?(?:also )?asked us to raise|we (?:also )?(?:wish|want|need) to raise|the letter (?:says|states|claims|thanks)|your letter (?:says|states|claims)|(?:the |your )?(?:statement|claim|suggestion|assertion) in (?:your|the) letter|(?:we are|we were|members are|members were) told|we were informed|it is claimed|(?:is|was) not the case|(?:were|was) not (?:consulted|invited|told|involved)|not invited|staff side were|the unions were|(?:shared|discussed|agreed) with (?:the )?(?:trade union|union|staff side|national trade union))/i;
/** Openings that refer back to what came before: the paragraph continues the answer above it. */
const ANAPHORIC = /^(?:this|these|that|those|it|they|such|any such|in that case|if so|otherwise|even so|also|we also|members also|staff also|in addition|furthermore|moreover|equally|similarly|in particular|likewise|again|if (?:the|this|these) (?:\w+ ){0,3}(?:proceeds?|goes ahead|go ahead|presses ahead|press ahead|implements?|introduces?|decides?|is introduced|are introduced|is implemented|are implemented))\b/i;

/** A response's own description of its structure: "We set out our response to each aim below." */
const PREAMBLE = /^this is (?:the |our |an? |[\w’']+ )?(?:initial |formal |full |joint |first |written |detailed )*response\b|\b(?:set(?:s)? out (?:below |them out|(?:below )?(?:our|the union's|the branch's|the unions'|its) (?:\w+ )?(?:response|comments|views|position))|(?:our|the union's|the branch's) (?:response|comments|views) (?:to|on) each|in the order of (?:your|the) letter|welcome[sd]? the (?:opportunity|chance) to (?:respond|comment|reply|give (?:our|its) views)|each of the (?:\w+ )?(?:aims|proposals|objectives|changes|measures))\b/i;

function isPreamble(doc: Doc, b: Block): boolean {
  if (b.sentenceCount > 3) return false;
  const rest = b.text.replace(/\bwelcome[sd]? the (?:opportunity|chance)\b/gi, '');
  return PREAMBLE.test(b.text) && !/\b(?:oppose|support|welcome|concern|unacceptable|reject)/i.test(rest);
}

/** "On the move to long days, …": the phrase between "On" and the first comma, when it is short. */
function onPhrase(text: string): string | undefined {
  const m = /^(?:on|regarding|as regards|as for|turning to|with regard to|in relation to|about)\s+([^,.;:]{3,80}),/i.exec(text);
  if (!m) return undefined;
  const words = m[1].trim().split(/\s+/);
  return words.length <= 10 ? m[1] : undefined;
}

interface Governance {
  aims: number[];
  /** heading, lead-in, pure restatement, "On …," opening, table row, or a heading in the response's own words
   * whose section as a whole answers one aim. */
  kind: 'heading' | 'lead' | 'pure' | 'on' | 'row' | 'section';
  depth: number;
  /** The list item a restatement inside a list governs, if any. */
  item?: { depth: number; itemIndex: number };
  quoteDepth: number;
  answers: number;
}

/**
 * What a patch of the index for a few aims changed: those aims (by index), and the units whose candidates
 * (`CANDIDATES_CHANGED`) or quotations (`QUOTES_CHANGED`) may have changed with them.
 */
interface Patch {
  changedAim: Uint8Array;
  dirty: Uint8Array;
  /** The analysis patched from (see `AlignMemo.run`). */
  since: number;
}
const CANDIDATES_CHANGED = 1;
const QUOTES_CHANGED = 2;

/** A section's answer in the response's own words, with what it was worked out from: its candidate aims and
 * their queries, and the aims each word of its heading names. */
interface SectionAnswer {
  candidates: number[];
  queries: Prepared[];
  best: number;
  named: number[][];
  /** The analysis it was worked out or checked in (see `AlignMemo.run`). */
  run: number;
}

type RestateHits = Array<{ aim: number; score: number; joined?: boolean }>;

/**
 * What the walk over the response did at one block, and what it read there that an edit to a few aims can
 * change: kept for the next analysis, where a block reached in the same state (the same `Governance` object:
 * they are never changed once made) whose reads are unchanged does the same again.
 */
interface WalkStep {
  /** The state after the block. */
  after?: Governance;
  /** The block's unit was found to restate aims, is governed by a restatement, and what the walk assigned it. */
  restates?: true;
  governed?: true;
  assigned?: Assignment[];
  /** Aims whose words were scored against a paragraph. */
  aims?: number[];
  /** Phrases looked up as restatements, each followed by what the lookup gave. */
  restated?: Array<string | RestateHits>;
  /** A heading's section in the response's own words (the aim it answers, or -1). */
  section?: number;
  /** The next answer after the block was read (its words, for aims that restate equally well). */
  window?: true;
  /** Words looked up in the aims (a paragraph's opening), each followed by a copy of the aims holding it. */
  named?: Array<string | number[]>;
  /** The letter's words outside its aims were read (a paragraph quoting the letter's claims). */
  claims?: true;
}

function sameHits(x: RestateHits, y: RestateHits): boolean {
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i].aim !== y[i].aim || x[i].score !== y[i].score || x[i].joined !== y[i].joined) return false;
  return true;
}

function sameQuotes(x: ReadonlyMap<number, number>, y: ReadonlyMap<number, number>): boolean {
  if (x === y) return true;
  if (x.size !== y.size) return false;
  for (const [a, v] of x) if (y.get(a) !== v) return false;
  return true;
}

function sameGovernance(x: Governance | undefined, y: Governance | undefined): boolean {
  if (x === y) return true;
  if (!x || !y) return false;
  if (x.kind !== y.kind || x.depth !== y.depth || x.quoteDepth !== y.quoteDepth || x.answers !== y.answers || x.aims.length !== y.aims.length) return false;
  if (x.item?.depth !== y.item?.depth || x.item?.itemIndex !== y.item?.itemIndex) return false;
  for (let i = 0; i < x.aims.length; i++) if (x.aims[i] !== y.aims[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * What alignment works out from the response alone (its blocks read as units, their words, the BM25 index, the
 * stance cues found in them), and from each aim's words: kept between analyses by an `AlignMemo` while the
 * response is unchanged, so that an edit to the letter does not read the response again. Results are the same
 * with or without a memo.
 */
interface ResponsePrep {
  response: Doc;
  roles: BlockRole[];
  words: WordTable;
  bm25: Bm25Index;
  /** The words of every unit, one after another (units' `words` are windows on them). */
  runs: WordRuns;
  /** Units as first read (kinds before restatements are found): copied for each analysis with a memo. */
  units: Unit[];
  columns: UnitColumns;
  unitOfBlock: Int32Array;
  docToUnit: number[];
  sentenceAverage: number;
  /** Stance cues of a block, by the block's start. */
  cues: Map<number, CueMatch[]>;
  /** Location of each unit's block, as passages and points report it. */
  located: Array<ReturnType<typeof located> | undefined>;
  /** Each unit's block's span, made once (a block makes a new one each time it is asked): stances kept in the memo
   * hold the spans of their passages. */
  spans: Array<Span | undefined>;
  /** Each unit as a point of the union's own, made when first needed. */
  points: Array<Point | undefined>;
  /** Whether a unit's block turns to another matter (1), talks about claims (2), refers back (4); -1 until asked. */
  talk: Int8Array;
  /** A heading's text without its number, or a block's lead-in or "On …," phrase: the phrases that may restate an
   * aim, by block index; null when the block has none; read once per response. */
  phrase: Array<string | null | undefined>;
  /** A body block's "On …," phrase, by block index; null when it has none; read once per response. */
  on: Array<string | null | undefined>;
  /** Whether a heading names a section that answers no aim ("Next steps"), by block index. */
  nonAim: Uint8Array;
  /** The response's sections under headings that are neither its title nor a section answering no aim: the
   * heading's block index, the answer units below it (as first read) and, made when first needed, the content
   * stems of heading and answers. */
  sections?: Array<{ heading: number; units: number[]; headWords?: string[]; words?: Set<string>; last?: SectionAnswer }>;
  /** The units holding each word trigram, made when first needed. */
  unitsByTrigram?: Map<number, number[]>;
}

/** A stance, with the passages (spans of the response) and scores it was read from. */
interface StanceRead {
  spans: Array<{ start: number; end: number }>;
  scores: number[];
  result: StanceResult;
}

/** The stance read from the same passages with the same scores, if `list` holds it. */
function stanceRead(list: StanceRead[] | undefined, spans: Array<{ start: number; end: number }>, scores: number[]): StanceResult | undefined {
  if (!list) return undefined;
  next: for (const r of list) {
    if (r.spans.length !== spans.length) continue;
    for (let i = 0; i < spans.length; i++) {
      if (r.spans[i].start !== spans[i].start || r.spans[i].end !== spans[i].end || r.scores[i] !== scores[i]) continue next;
    }
    return r.result;
  }
  return undefined;
}

/** An aim's alignment, with the assignments it was made from (units and what each was assigned). */
interface AlignmentRead {
  /** The units, entries `unitsFrom` on of the column (as many as `entries`), which holds other aims' too. */
  units: Column<Int32Array>;
  unitsFrom: number;
  entries: Assignment[];
  alignment: Alignment;
  /** It was read from a paragraph whose sentences are shared out among the aims it answers (see `focusOf`): a
   * function of the other aims' words too, so never reused. */
  parts?: true;
}

/** Whether `read` was made from the same assignments as entries `from` to `to`. */
function sameAssignments(read: AlignmentRead, units: Int32Array, entries: Assignment[], from: number, to: number): boolean {
  if (read.entries.length !== to - from) return false;
  const kept = read.units.array;
  for (let k = from; k < to; k++) {
    const was = read.entries[k - from];
    const now = entries[k];
    // Reasons are among `REASONS`: the same reasons are the same array.
    if (kept[read.unitsFrom + k - from] !== units[k] || was.score !== now.score || was.reasons !== now.reasons) return false;
  }
  return true;
}

/** Kept between analyses of the same response (see `ResponsePrep`). */
export class AlignMemo {
  prep: ResponsePrep | undefined;
  profiles = new Map<string, AimProfile>();
  /** Stances by the start of the first passage read, with all the passages and scores they were read from. */
  stances = new Map<number, StanceRead[]>();
  /** Each aim's key: its title and words, as the matcher reads them. */
  readonly aimKeys = new WeakMap<LetterAim, string>();
  /** The index of the aims' words, with the aims' keys it was built for. */
  index: { prep: ResponsePrep; keys: string[]; index: AimIndex } | undefined;
  /** The last alignments by aim id, with the assignments they were made from. */
  alignments: { prep: ResponsePrep; ids: string[]; reads: AlignmentRead[] } | undefined;
  /** How many analyses have aligned afresh with this memo: what is kept from the last is marked with it. */
  run = 0;
  /** Each aim's candidates in the last analysis, by aim. */
  candidates: AimCandidates[] | undefined;
  /** What the last walk over the response did and read at each block (see `WalkStep`). */
  walk: { prep: ResponsePrep; index: AimIndex; steps: WalkStep[] } | undefined;
  /** The aims each paragraph quotes, as read with the index in its state at the end of the last analysis. */
  quotes: { index: AimIndex; quotedIn: Array<ReadonlyMap<number, number>> } | undefined;
  /** The last result, with what it was read from: reused whole when the aims are the same and the letter's
   * other words were not consulted (an edit to a letter's background or its claims). */
  last: { prep: ResponsePrep; ids: string[]; keys: string[]; topic: string[]; result: { alignments: Alignment[]; points: Point[] } } | undefined;
}

/** Its large arrays come from `arena`, the units' words from `wordsArena` (see `assignPassages`). */
function prepareResponse(response: Doc, words: WordTable, arena: Arena = PLAIN, wordsArena: Arena = PLAIN): ResponsePrep {
  const roles = blockRoles(response);
  let sentenceWords = 0;
  let sentenceCount = 0;
  const unitOfBlock = arena.int32(response.blocks.length).fill(-1);
  // The words of every unit, one after another: ids in the word table, starts and ends. Room for a word in every
  // five characters (prose has one in about six), so that the arrays seldom grow: each growth leaves the old
  // arrays to the collector, outside the heap, where they count in full until it runs.
  const runs = new WordRuns(64 + Math.ceil(response.masked.length / 5), wordsArena);
  // First the units' kinds and words, and how many numbers their columns will hold at most: the columns are made
  // to that size, rather than grown (which leaves old arrays to the collector) or made too large.
  const unitBlocks: Block[] = [];
  const kinds: UnitKind[] = [];
  const wordsFrom: number[] = [];
  let stemRoom = 0;
  let trigramRoom = 0;
  let sentenceRoom = 0;
  for (const b of response.blocks) {
    if (b.kind === 'heading') continue;
    let kind: UnitKind = 'answer';
    const role: BlockRole = roles[b.index];
    if (role !== 'body' || (b.kind === 'tableRow' && b.headerRow) || isPreamble(response, b)) kind = 'furniture';
    else if (b.quoteDepth > 0) kind = 'quotation';
    const first = runs.count;
    if (kind !== 'furniture') words.scan(response.masked, b.start, b.end, runs);
    unitBlocks.push(b);
    kinds.push(kind);
    wordsFrom.push(first);
    trigramRoom += Math.max(0, runs.count - first - 2);
    if (kind !== 'answer') continue;
    for (let k = first; k < runs.count; k++) if (words.stem(runs.ids[k])) stemRoom++;
    if (b.sentenceCount > 1) sentenceRoom += 2 * b.sentenceCount;
  }
  wordsFrom.push(runs.count);
  const bm25 = new Bm25Index(stemRoom, arena);
  const stemColumn = int32Column(stemRoom, arena);
  const trigramColumn = float64Column(trigramRoom, arena);
  const sentenceColumn = int32Column(sentenceRoom, arena);
  // Each sentence's counts of its paragraph's terms: as many as the paragraph's stems at most for each sentence,
  // far fewer in most; grown when needed.
  const tfColumn = int32Column(stemRoom >> 2, arena);
  const units: Unit[] = [];
  /** Term ids of the block's stems, in order (reused from block to block). */
  let termIds = new Int32Array(256);
  // A block's stems, their starts and its sentences' ranges of them (reused from block to block).
  const stems: string[] = [];
  const at: number[] = [];
  const sentences: number[] = [];
  for (let ui = 0; ui < unitBlocks.length; ui++) {
    const b = unitBlocks[ui];
    const kind = kinds[ui];
    const first = wordsFrom[ui];
    const last = wordsFrom[ui + 1];
    let doc = -1;
    stems.length = 0;
    sentences.length = 0;
    if (kind === 'answer') {
      at.length = 0;
      for (let k = first; k < last; k++) {
        const stem = words.stem(runs.ids[k]);
        if (!stem) continue;
        stems.push(stem);
        at.push(runs.starts[k]);
      }
      doc = bm25.add(stems, termIds.length >= stems.length ? termIds : (termIds = new Int32Array(stems.length * 2)));
      if (b.sentenceCount > 1) {
        let k = 0;
        for (let si = b.firstSentence; si < b.firstSentence + b.sentenceCount; si++) {
          const sp = response.sentences[si];
          while (k < at.length && at[k] < sp.start) k++;
          const from = k;
          while (k < at.length && at[k] < sp.end) k++;
          if (k > from) sentences.push(from, k);
        }
        sentenceWords += stems.length;
        sentenceCount += sentences.length >> 1;
      }
    }
    const trigramsFrom = trigramColumn.length;
    if (kind !== 'furniture') appendDistinct(trigramKeysOfIds(words, runs.ids, first, last), trigramColumn);
    const inBlock = sentences.length >> 1;
    let tfFrom = 0;
    if (inBlock > 0) {
      const from = bm25.termsFrom(doc);
      tfFrom = tfColumn.add((bm25.termsTo(doc) - from) * inBlock);
      const tf = tfColumn.array;
      for (let j = 0; j < inBlock; j++) {
        for (let k = sentences[2 * j]; k < sentences[2 * j + 1]; k++) tf[tfFrom + (bm25.termIndex(doc, termIds[k]) - from) * inBlock + j]++;
      }
    }
    unitOfBlock[b.index] = units.length;
    // The stems as term ids: `add` wrote them into `termIds`.
    const stemsFrom = doc < 0 ? 0 : stemColumn.append(termIds, 0, stems.length);
    const sentencesFrom = inBlock > 0 ? sentenceColumn.append(sentences) : 0;
    units.push({
      block: b,
      kind,
      doc,
      stemsFrom,
      stemsTo: doc < 0 ? 0 : stemsFrom + stems.length,
      sentencesFrom,
      sentencesTo: inBlock > 0 ? sentencesFrom + sentences.length : 0,
      tfFrom,
      words: NO_WORDS,
      trigramsFrom,
      trigramsTo: trigramColumn.length,
      // Every block but a heading is a unit, in order: a unit's number is its paragraph number (`paragraphNumbers`).
      paragraph: ui + 1,
    });
  }
  const n = runs.count;
  const all = { table: words, ids: runs.ids.subarray(0, n), starts: runs.starts.subarray(0, n), ends: runs.ends.subarray(0, n) };
  units.forEach((u, ui) => {
    const from = wordsFrom[ui];
    const to = wordsFrom[ui + 1];
    if (to > from) u.words = new UnitWords(all, from, to - from);
  });
  const docToUnit: number[] = [];
  units.forEach((u, i) => {
    if (u.doc >= 0) docToUnit[u.doc] = i;
  });
  return {
    response,
    roles,
    words,
    bm25,
    runs,
    units,
    columns: { stems: stemColumn.array, sentences: sentenceColumn.array, sentenceTf: tfColumn.array, trigrams: trigramColumn.array },
    unitOfBlock,
    docToUnit,
    sentenceAverage: sentenceCount > 0 ? Math.max(1, sentenceWords / sentenceCount) : 1,
    cues: new Map(),
    located: new Array(units.length),
    spans: new Array(units.length),
    points: new Array(units.length),
    talk: new Int8Array(units.length).fill(-1),
    phrase: new Array(response.blocks.length),
    on: new Array(response.blocks.length),
    nonAim: Uint8Array.from(response.blocks, (b) => (b.kind === 'heading' && NON_AIM_SECTION.test(b.text.replace(HEADING_NUMBER_PREFIX, '')) ? 1 : 0)),
  };
}

/** Finds, for each aim, the response passages that answer it, and the stance they take; and the union's own points. */
export function alignAims(letter: Doc, aims: LetterAim[], response: Doc, memo?: AlignMemo): { alignments: Alignment[]; points: Point[] } {
  const matched = assignPassages(letter, aims, response, memo);
  if ('reused' in matched) return matched.reused;
  const result = passagesAndStances(aims, response, matched, memo);
  if (matched.wordRuns) release(matched.wordRuns.ids, matched.wordRuns.starts, matched.wordRuns.ends);
  matched.wordsArena?.release();
  return result;
}

/** What stages 1 to 5 leave for stage 6: each unit's assignments, and the response's caches stage 6 reads and
 * fills. Stage 6 is a function of its own so that, without a memo, what matching used (the indexes of words,
 * candidates, the walk's state) can be collected before passages and stances are made. */
interface Assigned {
  /** In a paragraph answering several aims (by unit), the part about each aim that has one (see `focusOf`). */
  focus: Map<number, Map<number, Part>>;
  /** The words of the letter's title (see `topicOf`). */
  topic: string[];
  units: Unit[];
  assigned: Assignment[][];
  caches: Pick<ResponsePrep, 'cues' | 'located' | 'spans' | 'points'>;
  /** The aims' keys (with a memo). */
  aimKeys: string[];
  /** Whether the letter's words outside its aims were consulted: the result then cannot be reused whole. */
  readOtherWords: boolean;
  /** Without a memo, the units' words, and the arena holding them: stage 6 is the last to read them (see
   * `release`). */
  wordRuns?: WordRuns;
  wordsArena?: Arena;
}

/** Stages 1 to 5: which passages answer each aim. Returns the last result instead when the memo says it holds. */
function assignPassages(letter: Doc, aims: LetterAim[], response: Doc, memo: AlignMemo | undefined): Assigned | { reused: { alignments: Alignment[]; points: Point[] } } {
  // Without a memo, what matching makes dies when it is done: its large arrays come from one arena, freed at once
  // (see `Arena`), and the units' words, which stage 6 reads, from another. With a memo, what the memo keeps is
  // made as usual, and `scratch` holds what dies with matching in any case. (The `release` calls below free what
  // was made on its own: the arrays too small for an arena, which on a long document are worth freeing still.)
  const arena = memo ? PLAIN : new Arena();
  const wordsArena = memo ? undefined : new Arena();
  const scratch = memo ? new Arena() : arena;
  let prep = memo?.prep;
  if (!prep || prep.response !== response) {
    prep = prepareResponse(response, new WordTable(), arena, wordsArena);
    if (memo) {
      memo.prep = prep;
      memo.profiles.clear();
      memo.stances.clear();
    }
  }
  const { roles, bm25, unitOfBlock, docToUnit, sentenceAverage } = prep;
  const { stems: unitStems, sentences: unitSentences, sentenceTf, trigrams: unitTrigrams } = prep.columns;
  const wordIds = prep.words;
  // A unit's kind changes when it turns out to restate an aim: copies when the memo keeps the units for the next
  // analysis; without a memo they are this analysis's own.
  const units: Unit[] = !memo ? prep.units : prep.units.map((u) => ({
    block: u.block,
    kind: u.kind,
    doc: u.doc,
    stemsFrom: u.stemsFrom,
    stemsTo: u.stemsTo,
    sentencesFrom: u.sentencesFrom,
    sentencesTo: u.sentencesTo,
    tfFrom: u.tfFrom,
    words: u.words,
    trigramsFrom: u.trigramsFrom,
    trigramsTo: u.trigramsTo,
    paragraph: u.paragraph,
  }));
  const cueOf = (ui: number): CueMatch[] => cuesOfUnit(prep.cues, response, units[ui]);
  const locatedOf = (ui: number) => (prep.located[ui] ??= located(response, units[ui].block.span));
  /** TURN (1), CLAIM_TALK (2) and ANAPHORIC (4) of a unit's block, read once per response. */
  const talkOf = (ui: number): number => {
    let t = prep.talk[ui];
    if (t < 0) {
      const text = units[ui].block.text;
      prep.talk[ui] = t = (TURN.test(text) ? 1 : 0) | (CLAIM_TALK.test(text) ? 2 : 0) | (ANAPHORIC.test(text) ? 4 : 0);
    }
    return t;
  };
  /** The phrase of a block that may restate an aim: a heading's text without its number, or a body block's
   * lead-in (a table row's first cell). */
  const phraseOf = (b: Block): string | null => {
    let p = prep.phrase[b.index];
    if (p === undefined) {
      if (b.kind === 'heading' || onlyLeadIn(response, b)) p = b.text.replace(HEADING_NUMBER_PREFIX, '');
      else {
        const lead = b.kind === 'tableRow' ? tableLead(response, b) : leadInOf(response, b)?.title;
        p = lead ? lead.replace(HEADING_NUMBER_PREFIX, '') : null;
      }
      prep.phrase[b.index] = p;
    }
    return p;
  };
  // The aims as the matcher reads them: when they are what they were and the response is unchanged, so is the
  // alignment, unless the letter's words outside its aims were consulted (a response quoting the letter's claims).
  // An aim's key is kept with the aim object, which the aims memo keeps while the aim is unchanged.
  const aimKeys = memo
    ? aims.map((a) => {
        let key = memo.aimKeys.get(a);
        if (key === undefined) memo.aimKeys.set(a, (key = `${a.title}\u0000${letter.masked.slice(a.span.start, a.span.end)}`));
        return key;
      })
    : [];
  const last = memo?.last;
  const topic = topicOf(letter);
  if (last && last.prep === prep && last.keys.length === aims.length && sameWords(last.topic, topic)) {
    let same = true;
    for (let i = 0; i < aims.length && same; i++) same = last.ids[i] === aims[i].id && last.keys[i] === aimKeys[i];
    if (same) return { reused: last.result };
  }
  // Each aim's profile, its prepared query and its candidates are functions of its words (and of the response):
  // kept by key in the memo; what this analysis used is kept for the next one. Their numbers are kept in columns
  // made for this analysis (after an edit to an aim, small ones).
  // The trigrams and stems of the aims profiled now: room for a word in every five characters of their text (and
  // of their titles, for the stems).
  let trigramRoom = 0;
  let stemRoom = 0;
  aims.forEach((a, i) => {
    if (memo && memo.profiles.has(aimKeys[i])) return;
    trigramRoom += Math.ceil((a.span.end - a.span.start) / 5);
    stemRoom += Math.ceil((a.span.end - a.span.start + a.title.length) / 5);
  });
  const aimTrigrams = float64Column(trigramRoom, arena);
  const aimStems = int32Column(stemRoom, arena);
  const profiles = new Map<string, AimProfile>();
  const profileOf = (a: LetterAim, i: number): AimProfile => {
    if (!memo) return aimProfile(letter, a, wordIds, aimTrigrams, aimStems);
    const key = aimKeys[i];
    let p = profiles.get(key) ?? memo.profiles.get(key);
    if (!p) p = aimProfile(letter, a, wordIds, aimTrigrams, aimStems);
    profiles.set(key, p);
    return p;
  };
  // The index of the aims' words: kept in the memo and patched when a few aims read differently (an edit to
  // an aim), built afresh otherwise.
  let index: AimIndex | undefined;
  /** The trigrams whose postings a patch changed: only paragraphs holding one can quote aims differently. */
  let patchedTrigrams: Set<number> | undefined;
  /** The aims the patch changed. */
  let changedAims: number[] | undefined;
  const kept = memo?.index;
  const keptQuotes = memo?.quotes;
  if (memo) {
    memo.index = undefined;
    memo.quotes = undefined;
  }
  if (memo && kept && kept.prep === prep && kept.keys.length === aims.length && sameWords([...kept.index.topic], topic)) {
    const changed: number[] = [];
    for (let i = 0; i < aims.length && changed.length <= PATCH_LIMIT; i++) if (kept.keys[i] !== aimKeys[i]) changed.push(i);
    if (changed.length <= PATCH_LIMIT) {
      patchedTrigrams = kept.index.patch(aims, changed.map((i) => ({ aim: i, profile: profileOf(aims[i], i) })));
      changedAims = changed;
      aims.forEach((a, i) => profiles.set(aimKeys[i], kept.index.profiles[i]));
      index = kept.index;
    }
  }
  index ??= new AimIndex(aims, profileOf, wordIds, topic, arena);
  if (memo) memo.index = { prep, keys: aimKeys, index };
  // Without a memo, the aims' trigrams are read once, into the index's postings (the profiles keep only their
  // counts): their column is done with now, and each array below when matching is done with it.
  else release(aimTrigrams.array);
  let claimGramsMemo: Set<number> | undefined;
  const claimGrams = (): Set<number> => (claimGramsMemo ??= letterBigramsOutsideAims(letter, aims, wordIds, scratch));

  const assigned: Assignment[][] = new Array<Assignment[]>(units.length).fill(UNASSIGNED);
  /** How well a unit's words answer an aim, 0..1: BM25 of the paragraph, or of its best sentence, or the share
   * of the aim's words it holds (a paragraph answering several aims may give each only a sentence or a phrase),
   * each scaled by the score of an ideal answer. */
  // Without a memo nothing is kept, so no keys are made.
  // With a memo, profiles live as long as the response is unchanged, and keep what is made from them.
  // The queries' ids and weights in two columns, with room for those prepared now.
  let queryRoom = 0;
  for (const p of index.profiles) if (!memo || !p.prepared) queryRoom += p.titleFrom - p.termsFrom;
  const queryColumns = { ids: int32Column(queryRoom, arena), idf: float64Column(queryRoom, arena) };
  const prepared = index.profiles.map((p, a) => (memo ? (p.prepared ??= bm25.prepare(index.terms(a), queryColumns)) : bm25.prepare(index.terms(a), queryColumns)));
  /** The paragraph's terms the aim holds: where each is in the paragraph's terms, and its weight. */
  const heldAt = new Int32Array(64);
  const heldIdf = new Float64Array(64);
  /** What the block being walked reads that an edit to aims can change (recorded only with a memo). */
  let reads: WalkStep | undefined;
  // (Scores are not kept between analyses: an aim's candidates are, and other scores cost less to work out
  // again than to look up.)
  const lexical = (aim: number, u: Unit): number => {
    if (reads) (reads.aims ??= []).push(aim);
    return u.doc < 0 ? 0 : lexicalScore(aim, u);
  };
  const lexicalScore = (aim: number, u: Unit): number => {
    const q = prepared[aim];
    if (q.ideal <= 0) return 0;
    // One pass over the aim's terms for the paragraph; its sentences are scored on the terms it holds.
    const termIds = bm25.termIds;
    const termCounts = bm25.termCounts;
    const termsFrom = bm25.termsFrom(u.doc);
    const termsTo = bm25.termsTo(u.doc);
    const norm = K1 * (1 - B + (B * bm25.docLength(u.doc)) / bm25.averageLength);
    let score = 0;
    let covered = 0;
    let held = 0;
    const { ids, idf, from: qFrom } = q;
    for (let i = 0; i < q.count; i++) {
      const id = ids[qFrom + i];
      const at = id < 0 ? -1 : findTerm(termIds, termsFrom, termsTo, id);
      if (at < 0) continue;
      const f = termCounts[at];
      const w = idf[qFrom + i];
      score += (w * f * (K1 + 1)) / (f + norm);
      covered += w;
      heldAt[held] = at - termsFrom;
      heldIdf[held++] = w;
      if (held === heldAt.length) break;
    }
    if (held === 0) return 0;
    let best = Math.max(score, COVERAGE_WEIGHT * covered) / q.ideal;
    const n = (u.sentencesTo - u.sentencesFrom) >> 1;
    for (let j = 0; j < n; j++) {
      const from = unitSentences[u.sentencesFrom + 2 * j];
      const to = unitSentences[u.sentencesFrom + 2 * j + 1];
      const snorm = K1 * (1 - B + (B * (to - from)) / sentenceAverage);
      let ss = 0;
      for (let h = 0; h < held; h++) {
        const f = sentenceTf[u.tfFrom + heldAt[h] * n + j];
        if (f) ss += (heldIdf[h] * f * (K1 + 1)) / (f + snorm);
      }
      best = Math.max(best, (SENTENCE_WEIGHT * ss) / q.ideal);
    }
    return Math.min(1, best);
  };

  /** How many of the aim's words the unit holds that another aim (`except`) does not have. (Counted each time:
   * a kept count cost more to look up than to make.) */
  const extraTerms = (aim: number, except: number, u: Unit): number => {
    if (u.doc < 0) return 0;
    const q = prepared[aim];
    let n = 0;
    for (let i = 0; i < q.count; i++) {
      const id = q.ids[q.from + i];
      if (id >= 0 && bm25.termIndex(u.doc, id) >= 0 && !index.sharesTerm(except, aim, i)) n++;
    }
    return n;
  };

  // 2. Lexical candidates for every aim (BM25 over answer units and their sentences, capped postings).
  // Candidates in two columns for every aim searched now, with room for half as many as a search can find for each
  // (they grow when needed). With a memo, the aims an edit changed are searched, and the candidates kept keep
  // their columns: those start small.
  const candidateRoom = memo ? 0 : aims.length * (TOP_K >> 1);
  const candidateColumns = { units: int32Column(candidateRoom, arena), scores: float64Column(candidateRoom, arena) };
  /** The units answering aim `a` well enough to be candidates, with their scores. */
  const scoreCandidates = (a: number, near: number): AimCandidates => {
    const seen = new Set<number>();
    for (const d of bm25.candidates(prepared[a], near)) seen.add(docToUnit[d]);
    const from = candidateColumns.units.length;
    for (const ui of seen) {
      const score = lexical(a, units[ui]);
      if (score >= 0.12) {
        candidateColumns.units.push(ui);
        candidateColumns.scores.push(score);
      }
    }
    return { columns: candidateColumns, from, to: candidateColumns.units.length };
  };
  const candidatesOfAim: AimCandidates[] = aims.map((_, a) => {
    const near = Math.floor((a / Math.max(1, aims.length)) * bm25.size);
    if (!memo) return scoreCandidates(a, near);
    // Kept by where the search starts only when the search used it (every word of the aim common in the
    // response), so that aims added or removed before this one, which move that place, do not make it search again.
    const profile = index.profiles[a];
    const kept = profile.candidates;
    let found = kept && (keptAt(kept, ANYWHERE) ?? keptAt(kept, near));
    if (!found) {
      found = scoreCandidates(a, near);
      const place = bm25.nearUsed ? near : ANYWHERE;
      // Only a few places are worth keeping. (A new list each time: pushing onto one would make room for 17.)
      profile.candidates = kept && kept.length < 8 ? [...kept, place, found] : [place, found];
    }
    return found;
  });
  const cands = candidateTable(candidatesOfAim, units.length, scratch);
  if (!memo) release(candidateColumns.units.array, candidateColumns.scores.array);
  if (memo) {
    memo.profiles = profiles;
  }

  // 3. Quotation of aims' words inside units.
  const quotesOf = (u: Unit): ReadonlyMap<number, number> => {
    if (u.kind === 'furniture') return NO_QUOTES;
    const { grams, hits } = index.quoted(unitTrigrams, u.trigramsFrom, u.trigramsTo);
    if (hits.size === 0) return NO_QUOTES;
    const out = new Map<number, number>();
    for (const [a, h] of hits) {
      const aimGrams = index.profiles[a].trigramsTo - index.profiles[a].trigramsFrom;
      const coverage = aimGrams === 0 ? 0 : h / aimGrams;
      const containment = grams === 0 ? 0 : h / grams;
      // A paragraph that is mostly the aim's words restates it (2 + coverage); one that shares a run of them
      // quotes it (its coverage of the aim, 0..1).
      if (containment >= 0.6 && (coverage >= 0.3 || h >= 4)) out.set(a, 2 + coverage);
      else if (h >= 3 || coverage >= 0.5) out.set(a, coverage);
    }
    if (out.size <= QUOTED_PER_BLOCK) return out;
    // A block quotes a handful of aims at most: keep the best.
    return new Map([...out].sort((x, y) => y[1] - x[1]).slice(0, QUOTED_PER_BLOCK));
  };
  let quotedIn: Array<ReadonlyMap<number, number>>;
  /** When the index was patched for a few aims: those aims, and the units whose candidates or quotations may
   * have changed with them. What else the walk reads of the aims is checked block by block (see `WalkStep`). */
  let patch: Patch | undefined;
  const lastCandidates = memo?.candidates;
  const run = memo ? ++memo.run : 0;
  if (memo) memo.candidates = candidatesOfAim;
  if (keptQuotes && keptQuotes.index === index && patchedTrigrams) {
    // The index was patched: only paragraphs holding a trigram whose postings changed are read again.
    quotedIn = keptQuotes.quotedIn.slice();
    const byTrigram = (prep.unitsByTrigram ??= unitsByTrigram(units, prep.columns.trigrams));
    const again = new Set<number>();
    for (const g of patchedTrigrams) for (const ui of byTrigram.get(g) ?? []) again.add(ui);
    for (const ui of again) quotedIn[ui] = quotesOf(units[ui]);
    if (changedAims && lastCandidates?.length === aims.length) {
      patch = { changedAim: new Uint8Array(aims.length), dirty: new Uint8Array(units.length), since: run - 1 };
      for (const a of changedAims) patch.changedAim[a] = 1;
      for (const ui of again) if (!sameQuotes(quotedIn[ui], keptQuotes.quotedIn[ui])) patch.dirty[ui] |= QUOTES_CHANGED;
      for (let a = 0; a < aims.length; a++) {
        if (lastCandidates[a] === candidatesOfAim[a]) continue;
        for (const c of [lastCandidates[a], candidatesOfAim[a]]) for (let k = c.from; k < c.to; k++) patch.dirty[c.columns.units.array[k]] |= CANDIDATES_CHANGED;
      }
    }
  } else quotedIn = units.map(quotesOf);
  if (memo) memo.quotes = { index, quotedIn };
  else {
    index.releaseTrigrams();
    release(unitTrigrams);
  }
  // 4. Walk the response: restatements and what they govern.
  /** The next answer unit after block `from`, within a few blocks and before any heading. */
  const nextAnswer = (from: number): Unit | undefined => {
    for (let j = from + 1; j < response.blocks.length && j <= from + 6; j++) {
      const nb = response.blocks[j];
      if (nb.kind === 'heading') return undefined;
      const nu = units[unitOfBlock[j]];
      if (nu.kind === 'answer' && quotedIn[unitOfBlock[j]].size === 0) return nu;
    }
    return undefined;
  };
  /** Of aims a phrase restates equally well, those the answer's own words favour. */
  const disambiguate = (hits: Array<{ aim: number; score: number; joined?: boolean }>, answer: Unit | undefined, next?: true): number[] => {
    // A phrase naming several aims in turn ("X and Y") means them all.
    if (hits.length <= 1 || hits.every((h) => h.joined)) return hits.map((h) => h.aim);
    // The next answer after the block was read (see `nextAnswer`).
    if (next && reads) reads.window = true;
    if (!answer) return hits.map((h) => h.aim);
    const scores = hits.map((h) => h.score + 0.5 * lexical(h.aim, answer));
    let top = -Infinity;
    for (const score of scores) top = Math.max(top, score);
    const out: number[] = [];
    hits.forEach((h, i) => {
      if (scores[i] >= top - 0.05) out.push(h.aim);
    });
    return out;
  };
  /** The one aim whose title holds a word, found in no other aim and in few paragraphs, among the first three
   * content words of the unit (its topic: "The cab cameras …"), or the first `words`, leaving out the aims in
   * `except`; -1 if none or several. */
  const namedByOpening = (u: Unit, words = 3, except: number[] = []): number => {
    const hasSentences = u.sentencesTo > u.sentencesFrom;
    const from = hasSentences ? unitSentences[u.sentencesFrom] : 0;
    const to = hasSentences ? unitSentences[u.sentencesFrom + 1] : u.stemsTo - u.stemsFrom;
    let named = -1;
    for (let k = from; k < Math.min(to, from + words); k++) {
      const t = bm25.termOf[unitStems[u.stemsFrom + k]];
      if (t.length < 3 || bm25.df(t) > 2) continue;
      const hits = index.aimsWith(t);
      if (reads) (reads.named ??= []).push(t, hits.slice());
      if (hits.length !== 1 || except.includes(hits[0]) || !index.inTitle(hits[0], t)) continue;
      if (named >= 0 && named !== hits[0]) return -1;
      named = hits[0];
    }
    return named;
  };
  const headed = (prep.sections ??= sectionsOf(response, roles, prep.nonAim, units, unitOfBlock));
  const sections = ownWordSections(response, headed, units, bm25, prepared, cands, index, phraseOf, patch, run);

  const governed = new Uint8Array(units.length);
  /** Whether a block of the walk quotes the letter's claims: read from the letter's words outside its aims, which
   * any edit to the letter may change, so a block that asked is always walked again. */
  const claimsQuoted = (b: Block): boolean =>
    quotesLetterClaims(
      () => {
        if (reads) reads.claims = true;
        return claimGrams();
      },
      wordIds,
      b,
    );
  const onPhraseOf = (b: Block): string | null => {
    let on = prep.on[b.index];
    if (on === undefined) prep.on[b.index] = on = onPhrase(b.text) ?? null;
    return on;
  };
  /** Walks one block of the response in state `gov`: marks restatements and what they govern, and assigns what
   * the block answers; returns the state after it. Records what it read in `reads` (see `WalkStep`). */
  const walkBlock = (b: Block, gov: Governance | undefined): Governance | undefined => {
    if (b.kind === 'heading') {
      if (roles[b.index] === 'title') return gov;
      const hits = prep.nonAim[b.index] ? [] : restatedOf(phraseOf(b)!);
      const depth = b.depth ?? 1;
      const section = sections.get(b.index);
      if (reads) reads.section = section ?? -1;
      if (hits.length > 0) {
        const aimsHere = disambiguate(hits, nextAnswer(b.index), true);
        if (gov && gov.kind === 'heading' && gov.answers === 0 && gov.depth === depth) return { ...gov, aims: unique([...gov.aims, ...aimsHere]) };
        return { aims: aimsHere, kind: 'heading', depth, quoteDepth: 0, answers: 0 };
      }
      if (section !== undefined) return { aims: [section], kind: 'section', depth, quoteDepth: 0, answers: 0 };
      if (gov && ((gov.kind !== 'heading' && gov.kind !== 'section') || depth <= gov.depth)) return undefined;
      return gov;
    }
    const ui = unitOfBlock[b.index];
    const u = units[ui];
    if (u.kind === 'furniture') return roles[b.index] === 'signoff' || roles[b.index] === 'contact' ? undefined : gov;
    // Does the block restate aims?
    const quotes = quotedIn[ui];
    const pure: number[] = [];
    for (const [a, v] of quotes) if (v >= 2) pure.push(a);
    if (pure.length > 0) {
      u.kind = 'restatement';
      // A restatement in a list item governs that item; one in a list quoted whole ("> 1. …") governs what
      // follows the quote, as any quotation does.
      const item = b.list && !(b.quoteDepth > 0 && b.list.quoteDepth === b.quoteDepth) ? { depth: b.list.depth, itemIndex: b.list.itemIndex } : undefined;
      const chosen = pure.length > 1 ? disambiguate(pure.map((a) => ({ aim: a, score: quotes.get(a)! - 2 })), nextAnswer(b.index), true) : pure;
      if (gov && gov.kind === 'pure' && gov.answers === 0) return { ...gov, aims: unique([...gov.aims, ...chosen]) };
      return { aims: chosen, kind: 'pure', depth: 99, item, quoteDepth: b.quoteDepth, answers: 0 };
    }
    if (u.kind === 'quotation') return gov;
    const lead = phraseOf(b);
    const leadHits = lead ? restatedOf(lead) : [];
    const on = leadHits.length === 0 ? onPhraseOf(b) : null;
    const onHits = on ? restatedOf(on) : [];
    if (leadHits.length > 0 || onHits.length > 0) {
      const hits = leadHits.length > 0 ? leadHits : onHits;
      const kind: Governance['kind'] = b.kind === 'tableRow' ? 'row' : leadHits.length > 0 ? 'lead' : 'on';
      const item = b.list ? { depth: b.list.depth, itemIndex: b.list.itemIndex } : undefined;
      // A paragraph that is nothing but its lead-in ("*Rebalancing caseload weighting*") names the aim that the
      // paragraphs after it answer, as a heading does: it answers nothing itself.
      if (kind === 'lead' && onlyLeadIn(response, b)) {
        u.kind = 'restatement';
        const depth = gov && (gov.kind === 'heading' || gov.kind === 'section') ? gov.depth : 99;
        return { aims: disambiguate(hits, nextAnswer(b.index), true), kind, depth, item, quoteDepth: 0, answers: 0 };
      }
      const chosen = disambiguate(hits, u);
      governed[ui] = 1;
      for (const h of hits) {
        if (!chosen.includes(h.aim)) continue;
        const reasons = quotes.has(h.aim) ? REASONS.quotedRestated : REASONS.restated;
        assign(assigned, ui, { aim: h.aim, score: Math.min(1, 0.8 + 0.2 * h.score), reasons });
      }
      return { aims: chosen, kind, depth: gov && (gov.kind === 'heading' || gov.kind === 'section') ? gov.depth : 99, item, quoteDepth: 0, answers: 1 };
    }
    if (!gov) return gov;
    // Is the block still inside what the restatement governs?
    if (gov.item) {
      const inItem = b.list && (b.list.depth > gov.item.depth || (b.list.depth === gov.item.depth && b.list.itemIndex === gov.item.itemIndex && !b.firstInItem));
      if (!inItem) return undefined;
    } else if (gov.kind === 'row' || (gov.kind === 'lead' && b.leadIn && b.leadIn.start === b.start)) return undefined;
    let govScore = -Infinity;
    for (const a of gov.aims) govScore = Math.max(govScore, lexical(a, u));
    let other = 0;
    for (let k = cands.start[ui]; k < cands.start[ui + 1]; k++) if (!gov.aims.includes(cands.aim[k])) other = Math.max(other, cands.score[k]);
    if (gov.answers > 0) {
      const turns = (talkOf(ui) & 3) !== 0 || claimsQuoted(b);
      const structural = gov.kind === 'heading' || gov.kind === 'section' || gov.item !== undefined;
      const continues = structural || govScore >= 0.06 || (talkOf(ui) & 4) !== 0;
      // Another aim's words pulling the paragraph away: decisive under a heading, lighter under a lead-in.
      // Under a lead-in or "On …,", a paragraph whose opening sentence names another aim's topic, and whose words
      // favour that aim, has moved on.
      const opening = structural || govScore >= 0.25 ? -1 : namedByOpening(u, 8, gov.aims);
      const pulled = structural
        ? other >= 0.45 && other > govScore + 0.25
        : (other >= ANSWER_THRESHOLD && other > govScore + 0.1) || (opening >= 0 && !gov.aims.includes(opening) && other > govScore);
      if ((turns && govScore < 0.25) || pulled || !continues) {
        return undefined;
      }
    }
    governed[ui] = 1;
    const first = gov.answers === 0;
    gov = { ...gov, answers: gov.answers + 1 };
    for (const a of gov.aims) {
      const l = lexical(a, u);
      const base = first ? 0.85 : Math.max(0.55, 0.8 - 0.08 * (gov.answers - 2));
      const lexically = l >= 0.25;
      const reasons =
        gov.kind === 'section'
          ? REASONS.lexical
          : quotes.has(a)
            ? lexically ? REASONS.quotedFollowsLexical : REASONS.quotedFollows
            : lexically ? REASONS.followsLexical : REASONS.follows;
      assign(assigned, ui, { aim: a, score: Math.min(1, (gov.kind === 'section' ? base - 0.15 : base) + 0.15 * l), reasons });
    }
    return gov;
  };
  // The walk keeps, block by block, what it did and what it read that an edit to a few aims can change (see
  // `WalkStep`). When the index was patched for a few aims (the common edit: a word in one aim), a block reached
  // in the same state as last time, whose reads are all still the same, does again what it did last time.
  const lastWalk = memo?.walk;
  const replay = lastWalk && lastWalk.prep === prep && lastWalk.index === index && patch ? lastWalk.steps : undefined;
  const steps: WalkStep[] | undefined = memo ? new Array(response.blocks.length) : undefined;
  const restatedOf = (phrase: string): RestateHits => {
    const hits = index.restated(phrase);
    if (reads) (reads.restated ??= []).push(phrase, hits);
    return hits;
  };
  /** Whether block `i`, reached in the state last time's walk reached it in, reads only what is unchanged. */
  const unchanged = (i: number, step: WalkStep): boolean => {
    const ui = unitOfBlock[i];
    if (ui >= 0 && (patch!.dirty[ui] || step.claims)) return false;
    if (step.aims) for (const a of step.aims) if (patch!.changedAim[a]) return false;
    const r = step.restated;
    if (r) {
      for (let k = 0; k < r.length; k += 2) {
        const was = r[k + 1] as RestateHits;
        const now = index.restated(r[k] as string);
        if (!sameHits(was, now)) return false;
      }
    }
    if (step.section !== undefined && step.section !== (sections.get(i) ?? -1)) return false;
    if (step.window) {
      for (let j = i + 1; j < response.blocks.length && j <= i + 6; j++) if (unitOfBlock[j] >= 0 && patch!.dirty[unitOfBlock[j]] & QUOTES_CHANGED) return false;
    }
    if (step.named) {
      for (let k = 0; k < step.named.length; k += 2) {
        const was = step.named[k + 1] as number[];
        const now = index.aimsWith(step.named[k] as string);
        if (was.length !== now.length) return false;
        for (let m = 0; m < now.length; m++) if (was[m] !== now[m] || patch!.changedAim[now[m]]) return false;
      }
    }
    return true;
  };
  let gov: Governance | undefined;
  for (const b of response.blocks) {
    const was = replay?.[b.index];
    if (was && gov === (b.index === 0 ? undefined : replay![b.index - 1].after) && unchanged(b.index, was)) {
      const ui = unitOfBlock[b.index];
      if (ui >= 0) {
        if (was.restates) units[ui].kind = 'restatement';
        if (was.governed) governed[ui] = 1;
        if (was.assigned) for (const a of was.assigned) assign(assigned, ui, a);
      }
      gov = was.after;
      if (steps) steps[b.index] = was;
      continue;
    }
    if (steps) reads = {};
    gov = walkBlock(b, gov);
    if (was && sameGovernance(gov, was.after)) gov = was.after;
    if (steps) {
      const step = reads!;
      step.after = gov;
      // Kept until the next edit, for every block: copies fit their contents (a list grown by pushing from empty
      // has room for 17).
      if (step.aims) step.aims = step.aims.slice();
      if (step.restated) step.restated = step.restated.slice();
      if (step.named) step.named = step.named.slice();
      const ui = unitOfBlock[b.index];
      if (ui >= 0) {
        if (units[ui].kind === 'restatement') step.restates = true;
        if (governed[ui]) step.governed = true;
        if (assigned[ui].length > 0) step.assigned = assigned[ui].slice();
      }
      steps[b.index] = step;
      reads = undefined;
    }
  }
  if (memo) memo.walk = steps && { prep, index, steps };

  // 5. Paragraphs no restatement governs: lexical and quoted evidence, then order.
  // Its arrays all die when matching is done: they come from `scratch`.
  const pool: number[] = [];
  units.forEach((u, i) => {
    if (u.kind === 'answer' && !governed[i]) pool.push(i);
  });
  // Each pool paragraph's scores, as flat arrays: the `p`-th paragraph of the pool has entries `poolFrom[p]` to
  // `poolFrom[p + 1]`, its lexical candidates in the order of aims, then the aims it quotes that are not among them.
  const poolFrom = scratch.int32(pool.length + 1);
  // Room for each paragraph's candidates and the aims it quotes (fewer than all units' candidates and room for
  // the most a block can quote, which left two thirds of these arrays unused on a long response).
  let poolRoom = 0;
  for (const ui of pool) poolRoom += cands.start[ui + 1] - cands.start[ui] + quotedIn[ui].size;
  const pAim = scratch.int32(poolRoom);
  const pScore = scratch.float64(poolRoom);
  const pQuoted = scratch.uint8(poolRoom);
  let pn = 0;
  pool.forEach((ui, p) => {
    const from = pn;
    // A paragraph about the letter's claims or the union's involvement needs more to count as an answer.
    const b = units[ui].block;
    const damp = talkOf(ui) & 1 ? 0.3 : talkOf(ui) & 2 || quotesLetterClaims(claimGrams, wordIds, b) ? 0.5 : 1;
    for (let k = cands.start[ui]; k < cands.start[ui + 1]; k++) {
      pAim[pn] = cands.aim[k];
      pScore[pn++] = cands.score[k] * damp;
    }
    for (const [a, v] of quotedIn[ui]) {
      let at = from;
      while (at < pn && pAim[at] !== a) at++;
      if (at === pn) {
        pAim[pn] = a;
        pScore[pn++] = lexical(a, units[ui]);
      }
      pScore[at] = Math.min(1, pScore[at] + 0.25 + 0.3 * Math.min(1, v));
      pQuoted[at] = 1;
    }
    poolFrom[p + 1] = pn;
  });
  // The candidate pairs (unit, aim) for order, in the order of units: what restatements assigned, then the pool's
  // scores that could answer. `pairOfEntry` gives a pool entry's pair, or -1.
  let pairRoom = pn;
  for (const list of assigned) pairRoom += list.length;
  const pairs = { unit: scratch.int32(pairRoom), aim: scratch.int32(pairRoom), weight: scratch.float64(pairRoom) };
  let pairCount = 0;
  const addPair = (ui: number, aim: number, weight: number) => {
    pairs.unit[pairCount] = ui;
    pairs.aim[pairCount] = aim;
    pairs.weight[pairCount++] = weight;
  };
  const pairOfEntry = scratch.int32(pn).fill(-1);
  for (let ui = 0, p = 0; ui < units.length; ui++) {
    for (const a of assigned[ui]) addPair(ui, a.aim, a.score);
    if (p < pool.length && pool[p] === ui) {
      for (let j = poolFrom[p]; j < poolFrom[p + 1]; j++) {
        if (pScore[j] < ANSWER_THRESHOLD) continue;
        pairOfEntry[j] = pairCount;
        addPair(ui, pAim[j], pScore[j]);
      }
      p++;
    }
  }
  const allPairs = scratch.int32(pairCount);
  for (let i = 0; i < pairCount; i++) allPairs[i] = i;
  const chain = monotoneChain(pairs, allPairs, aims.length, scratch);
  // Order counts only where the response follows the letter's order: most of its confident answers must lie on
  // one monotone chain of their own.
  let confidentCount = 0;
  for (let i = 0; i < pairCount; i++) if (pairs.weight[i] >= CONFIDENT) confidentCount++;
  const confident = scratch.int32(confidentCount);
  for (let i = 0, k = 0; i < pairCount; i++) if (pairs.weight[i] >= CONFIDENT) confident[k++] = i;
  const followsOrder = confident.length < 2 || monotoneChain(pairs, confident, aims.length, scratch).length >= FOLLOWS_ORDER * confident.length;
  const onChain = scratch.uint8(pairCount);
  if (followsOrder) for (const i of chain) onChain[i] = 1;
  /** Whether a pool entry's pair lies on the chain (assigned pairs are never in the pool's paragraphs). */
  const entryOn = (j: number) => pairOfEntry[j] >= 0 && onChain[pairOfEntry[j]] === 1;
  // The pool's scores with order counted, each paragraph's best first (ties in the order above).
  const sAim = scratch.int32(pn);
  const sScore = scratch.float64(pn);
  const sQuoted = scratch.uint8(pn);
  const sOn = scratch.uint8(pn);
  // An aim's best lexical score anywhere in the response, governed paragraphs included.
  const aimBest = scratch.float64(aims.length);
  for (let k = 0; k < cands.aim.length; k++) aimBest[cands.aim[k]] = Math.max(aimBest[cands.aim[k]], cands.score[k]);
  const rescored: number[] = [];
  const byScore: number[] = [];
  for (let p = 0; p < pool.length; p++) {
    const from = poolFrom[p];
    const to = poolFrom[p + 1];
    if (to === from) continue;
    // Order decides only between candidates the words cannot tell apart: within ORDER_MARGIN of the best.
    let top = pScore[from];
    for (let j = from + 1; j < to; j++) top = Math.max(top, pScore[j]);
    let close = 0;
    let hasChain = false;
    for (let j = from; j < to; j++) {
      if (pScore[j] < top - ORDER_MARGIN) continue;
      close++;
      if (entryOn(j)) hasChain = true;
    }
    rescored.length = 0;
    byScore.length = 0;
    for (let j = from; j < to; j++) {
      const on = entryOn(j);
      const inPlay = close > 1 && pScore[j] >= top - ORDER_MARGIN;
      rescored.push(Math.max(0, Math.min(1, pScore[j] + (on ? ORDER_BONUS : inPlay && hasChain ? -ORDER_PENALTY : 0))));
      byScore.push(j);
    }
    // Best first; ties keep their order (an insertion sort, for the short lists most paragraphs have).
    if (byScore.length > 32) byScore.sort((x, y) => rescored[y - from] - rescored[x - from]);
    else for (let k = 1; k < byScore.length; k++) {
      const j = byScore[k];
      let m = k - 1;
      while (m >= 0 && rescored[byScore[m] - from] < rescored[j - from]) {
        byScore[m + 1] = byScore[m];
        m--;
      }
      byScore[m + 1] = j;
    }
    byScore.forEach((j, k) => {
      sAim[from + k] = pAim[j];
      sScore[from + k] = rescored[j - from];
      sQuoted[from + k] = pQuoted[j];
      sOn[from + k] = entryOn(j) ? 1 : 0;
      aimBest[pAim[j]] = Math.max(aimBest[pAim[j]], rescored[j - from]);
    });
  }
  // A paragraph before the response's first answer (the first paragraph a restatement governs or that takes a
  // position) that itself takes no position is preamble ("We have met members at both sites"): a shared noun
  // or two is not enough to make it an answer.
  const takesPosition = (ui: number) => cueOf(ui).some((c) => c.label !== 'contrast' && c.label !== 'process');
  let firstAnswer = units.length;
  for (let ui = 0; ui < units.length; ui++) {
    if (units[ui].kind !== 'answer') continue;
    if (governed[ui] || takesPosition(ui)) {
      firstAnswer = ui;
      break;
    }
  }
  for (let p = 0; p < pool.length; p++) {
    const ui = pool[p];
    const from = poolFrom[p];
    const to = poolFrom[p + 1];
    if (to === from) continue;
    const best = sScore[from];
    if (ui < firstAnswer && best < CONFIDENT && !sQuoted[from]) continue;
    for (let j = from; j < to; j++) {
      if (sScore[j] < ANSWER_THRESHOLD) break;
      // Not the paragraph's best aim: it may still answer this one too (a paragraph answering several aims),
      // when it scores nearly as well and surely, or when it is where this aim is best answered and holds at
      // least two of the aim's words that the best aim does not have: evidence of its own, not the best aim's
      // words seen again.
      if (j !== from) {
        const near = sScore[j] >= best * SHARE_RATIO && sScore[j] >= CONFIDENT;
        const ownBest = sScore[j] >= aimBest[sAim[j]] * AIM_SHARE_RATIO;
        if (!near && !(ownBest && extraTerms(sAim[j], sAim[from], units[ui]) >= 2)) continue;
      }
      const reasons = sQuoted[j] ? (sOn[j] ? REASONS.quotedLexicalOrder : REASONS.quotedLexical) : sOn[j] ? REASONS.lexicalOrder : REASONS.lexical;
      assign(assigned, ui, { aim: sAim[j], score: sScore[j], reasons });
    }
  }

  // A paragraph after a bold lead-in in the response's own words ("**Extended rota.** …") continues that
  // paragraph's answer when it has no clear evidence of its own and does not turn to another matter.
  for (let ui = 0; ui < units.length; ui++) {
    const u = units[ui];
    if (u.kind !== 'answer' || governed[ui] || assigned[ui].length !== 1 || !u.block.leadIn || u.block.leadIn.start !== u.block.start) continue;
    const aim = assigned[ui][0].aim;
    for (let vi = ui + 1; vi < units.length; vi++) {
      const v = units[vi];
      const vb = v.block;
      if (v.kind === 'furniture' || v.kind === 'quotation' || governed[vi]) break;
      if (vb.headingIndex !== u.block.headingIndex || (vb.leadIn && vb.leadIn.start === vb.start) || Boolean(vb.list) !== Boolean(u.block.list)) break;
      if ((talkOf(vi) & 3) !== 0 || quotesLetterClaims(claimGrams, wordIds, vb)) break;
      const own = assigned[vi];
      const mine = lexical(aim, v);
      const bestOther = own.reduce((m, a) => Math.max(m, a.aim === aim ? 0 : a.score), 0);
      if (own.length > 0 && !(bestOther < 0.3 && mine >= bestOther - 0.05)) break;
      assigned[vi] = [{ aim, score: Math.max(0.5, Math.min(1, 0.5 + mine)), reasons: mine >= 0.25 ? REASONS.lexicalOrder : REASONS.order }];
    }
  }

  // A paragraph left unassigned under a heading in the response's own words follows the answer before it in
  // that section, when the section answers one aim and the paragraph does not turn to another matter.
  for (const section of headed) {
    // Units that restate an aim are not answers.
    const inSection = section.units.filter((ui) => units[ui].kind === 'answer');
    if (inSection.length < 2 || inSection.length > 4) continue;
    let aim = -1;
    let topics = 0;
    for (const ui of inSection) {
      for (const a of assigned[ui]) {
        if (topics > 0 && a.aim === aim) continue;
        topics++;
        aim = a.aim;
        if (topics > 1) break;
      }
      if (topics > 1) break;
    }
    if (topics !== 1) continue;
    let seen = false;
    for (const ui of inSection) {
      if (assigned[ui].length > 0) {
        seen = true;
        continue;
      }
      const b = units[ui].block;
      if (!seen || (talkOf(ui) & 3) !== 0 || quotesLetterClaims(claimGrams, wordIds, b)) break;
      assign(assigned, ui, { aim, score: 0.5, reasons: REASONS.order });
    }
  }

  // A paragraph after the first answer with no evidence at all whose opening words name a word of one
  // aim's title that no other aim has, and that few paragraphs use ("The cab cameras …" for "Fit in-cab
  // technology …"), names its topic: it answers that aim, with little confidence.
  for (let ui = firstAnswer + 1; ui < units.length; ui++) {
    const u = units[ui];
    if (u.kind !== 'answer' || governed[ui] || assigned[ui].length > 0) continue;
    let evidence = false;
    for (let k = cands.start[ui]; k < cands.start[ui + 1] && !evidence; k++) evidence = cands.score[k] >= 0.08;
    if (evidence) continue;
    if (talkOf(ui) !== 0 || quotesLetterClaims(claimGrams, wordIds, u.block)) continue;
    const named = namedByOpening(u);
    if (named >= 0) assign(assigned, ui, { aim: named, score: 0.4, reasons: REASONS.lexical });
  }

  // 6. Passages, points and stances: see `passagesAndStances`.
  // In a paragraph answering several aims, the sentences about each.
  const focus = new Map<number, Map<number, Part>>();
  units.forEach((u, ui) => {
    if (assigned[ui].length < 2) return;
    const f = focusOf(response, u.block, assigned[ui], index);
    if (f) focus.set(ui, f);
  });
  // What matching used is done with: its arrays are freed now (see `release`), those the memo keeps excepted.
  // (Those of an arena are freed with it.)
  release(cands.start, cands.aim, cands.score, poolFrom, pAim, pScore, pQuoted, pairs.unit, pairs.aim, pairs.weight, pairOfEntry, allPairs, chain, confident, onChain, sAim, sScore, sQuoted, sOn, aimBest, governed);
  scratch.release();
  if (!memo) {
    bm25.release();
    release(queryColumns.ids.array, queryColumns.idf.array);
    release(unitStems, unitSentences, sentenceTf, unitOfBlock, prep.talk, prep.nonAim);
  }
  return {
    focus,
    topic,
    units,
    assigned,
    caches: { cues: prep.cues, located: prep.located, spans: prep.spans, points: prep.points },
    aimKeys,
    readOtherWords: claimGramsMemo !== undefined,
    wordRuns: memo ? undefined : prep.runs,
    wordsArena,
  };
}

/** The stance cues of a unit's block, read once and kept in `cues` by the block's start. */
function cuesOfUnit(cues: Map<number, CueMatch[]>, response: Doc, u: Unit): CueMatch[] {
  let found = cues.get(u.block.start);
  if (!found) cues.set(u.block.start, (found = cuesIn(response, u.block.span, u.words)));
  return found;
}

/** Stage 6: passages, points and stances. */
function passagesAndStances(aims: LetterAim[], response: Doc, matched: Assigned, memo: AlignMemo | undefined): { alignments: Alignment[]; points: Point[] } {
  const { units, assigned, caches, aimKeys } = matched;
  const locatedOf = (ui: number) => (caches.located[ui] ??= located(response, units[ui].block.span));
  // Each aim's assignments in the order of units, flat: aim `a`'s are entries `byAim[a]` to `byAim[a + 1]`.
  const byAim = new Int32Array(aims.length + 1);
  units.forEach((_, ui) => {
    for (const a of assigned[ui]) byAim[a.aim + 1]++;
  });
  for (let a = 0; a < aims.length; a++) byAim[a + 1] += byAim[a];
  const entryUnit = new Int32Array(byAim[aims.length]);
  const entry: Assignment[] = new Array(byAim[aims.length]);
  const fill = byAim.slice(0, aims.length);
  units.forEach((_, ui) => {
    for (const a of assigned[ui]) {
      const at = fill[a.aim]++;
      entryUnit[at] = ui;
      entry[at] = a;
    }
  });
  const points: Point[] = [];
  units.forEach((u, ui) => {
    if (u.kind !== 'answer' || assigned[ui].length > 0) return;
    let point = caches.points[ui];
    if (!point) {
      const at = locatedOf(ui);
      caches.points[ui] = point = { text: at.text, position: at.position, paragraph: u.paragraph };
    }
    points.push(point);
  });
  // An aim's alignment is a function of its id and its assignments (and the response): with a memo, an aim
  // assigned what it was last time keeps its alignment.
  const prep = memo?.prep;
  const lastAlignments = prep && memo?.alignments?.prep === prep ? memo.alignments : undefined;
  /** The last alignment of an aim, found by its place when the aims are where they were, else by its id. */
  let keptById: Map<string, AlignmentRead> | undefined;
  const keptAlignment = (aim: LetterAim, a: number): AlignmentRead | undefined => {
    const last = lastAlignments;
    if (!last) return undefined;
    if (last.ids[a] === aim.id) return last.reads[a];
    keptById ??= new Map(last.ids.map((id, k) => [id, last.reads[k]]));
    return keptById.get(aim.id);
  };
  const alignmentsNow: AlignmentRead[] = new Array(aims.length);
  // The units of the alignments read now, for the memo: after an edit, a few (those kept keep their column).
  const readUnits = int32Column(0);
  const spansOf: Array<Array<{ start: number; end: number }>> = new Array(aims.length);
  const stancesNow = new Map<number, StanceRead[]>();
  const cues = caches.cues;
  // The stance cues of a paragraph are read when an aim it answers is first read (some were read in matching).
  // Without a memo they are forgotten once every aim it answers has been read: most then die young, rather than
  // all of them living to the end of the stage (about 11 MB on the 4 MB pair).
  const readers = memo ? undefined : Int32Array.from(assigned, (a) => a.length);
  /** The cues to read in each of the spans: a block's own, or those of the part of it about one aim. */
  const focused = (spans: Span[]): Map<number, CueMatch[]> => {
    if (!spans.some(isPart)) return cues;
    const out = new Map<number, CueMatch[]>();
    for (const s of spans) {
      if (!isPart(s)) {
        out.set(s.start, cues.get(s.start)!);
        continue;
      }
      // A part that takes no position of its own is read in its whole paragraph.
      const all = cues.get(s.block) ?? [];
      const inPart = all.filter((c) => c.span.start >= s.start && c.span.end <= s.end);
      out.set(s.start, inPart.some((c) => c.label !== 'contrast' && c.label !== 'process') ? inPart : all);
    }
    return out;
  };
  const alignmentOf = (aim: LetterAim, a: number, passagesOf: Passage[]): Alignment => {
    const passages = capPassages(passagesOf, spansOf, a);
    if (passages.length === 0) return { aim: aim.id, stance: 'unaddressed', passages, cues: [] };
    const scores = passages.map((p) => p.score);
    // The stance is a function of the passages read and their scores (and the response): kept by them in the memo.
    const spans = spansOf[a];
    const first = spans[0].start;
    let result = stanceRead(stancesNow.get(first), spans, scores) ?? stanceRead(memo?.stances.get(first), spans, scores);
    if (!result) result = classifyStance(response, spans, focused(spans), scores);
    const list = stancesNow.get(first);
    if (!list) stancesNow.set(first, [{ spans, scores, result }]);
    else if (!stanceRead(list, spans, scores)) list.push({ spans, scores, result });
    return { aim: aim.id, stance: result.stance, passages, cues: result.cues };
  };
  const alignments: Alignment[] = aims.map((aim, a) => {
    const from = byAim[a];
    const to = byAim[a + 1];
    const was = keptAlignment(aim, a);
    let parts = false;
    for (let k = from; k < to && !parts; k++) parts = matched.focus.has(entryUnit[k]);
    if (was && !was.parts && !parts && sameAssignments(was, entryUnit, entry, from, to)) {
      alignmentsNow[a] = was;
      return was.alignment;
    }
    for (let k = from; k < to; k++) cuesOfUnit(cues, response, units[entryUnit[k]]);
    // Made to size: the result and the memo keep them (a list grown by pushing from empty has room for 17).
    const passagesOf: Passage[] = new Array(to - from);
    const spans: Span[] = (spansOf[a] = new Array(to - from));
    for (let k = from; k < to; k++) {
      const ui = entryUnit[k];
      const at = locatedOf(ui);
      passagesOf[k - from] = { text: at.text, position: at.position, score: round(entry[k].score), reasons: entry[k].reasons, paragraph: units[ui].paragraph };
      spans[k - from] = matched.focus.get(ui)?.get(entry[k].aim) ?? (caches.spans[ui] ??= units[ui].block.span);
    }
    const alignment = alignmentOf(aim, a, passagesOf);
    if (readers) {
      for (let k = from; k < to; k++) {
        const ui = entryUnit[k];
        if (--readers[ui] === 0) cues.delete(units[ui].block.start);
      }
    }
    if (memo) alignmentsNow[a] = { units: readUnits, unitsFrom: readUnits.append(entryUnit, from, to), entries: entry.slice(from, to), alignment, ...(parts ? { parts: true as const } : {}) };
    return alignment;
  });
  if (memo && prep) {
    memo.alignments = { prep, ids: aims.map((a) => a.id), reads: alignmentsNow };
    memo.stances = stancesNow;
    memo.last = !matched.readOtherWords ? { prep, ids: aims.map((a) => a.id), keys: aimKeys, topic: matched.topic, result: { alignments, points } } : undefined;
  }
  return { alignments, points };
}

/**
 * The content words of the letter's title ("Changes to the Daily Regime and Staff Deployment"), each once. A
 * response's heading made of them ("Regime changes", "Deployment") names the letter's subject, not one of its
 * aims, however few aims share the word.
 */
function topicOf(letter: Doc): string[] {
  const title = titleIndex(letter);
  return title < 0 ? [] : unique(contentStems(letter.blocks[title].text));
}

function sameWords(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((w, i) => w === y[i]);
}

/** Word pairs of the letter outside its aims (as numbers): what the letter says about itself and its claims. */
function letterBigramsOutsideAims(letter: Doc, aims: LetterAim[], words: WordTable, arena: Arena): Set<number> {
  const out = new Set<number>();
  const spans = aims.map((a) => a.span).sort((x, y) => x.start - y.start);
  // Runs of its own: `quotesLetterClaims` asks for these pairs between reading a quotation's words and using them.
  const { ids, starts, count } = words.scan(letter.masked, 0, letter.masked.length, new WordRuns(64 + Math.ceil(letter.masked.length / 5), arena));
  let k = 0;
  let prev = 0;
  for (let i = 0; i < count; i++) {
    while (k < spans.length && spans[k].end <= starts[i]) k++;
    if (k < spans.length && spans[k].start <= starts[i]) {
      prev = 0;
      continue;
    }
    if (prev) out.add(prev * ID_BITS + ids[i]);
    prev = ids[i];
  }
  return out;
}

const QUOTED = /["\u201c]([^"\u201c\u201d]{3,240})["\u201d]|\u2018([^\u2018\u2019]{3,240})\u2019/g;

/** True when the block quotes the letter's own words from outside its aims ("broadly positive", "agreed"). */
function quotesLetterClaims(gramsOf: () => Set<number>, words: WordTable, b: Block): boolean {
  if (b.text.indexOf('"') < 0 && b.text.indexOf('\u201c') < 0 && b.text.indexOf('\u2018') < 0) return false;
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(b.text); m; m = QUOTED.exec(b.text)) {
    const quote = m[1] ?? m[2];
    const { ids: ws, count } = words.scan(quote, 0, quote.length);
    if (count < 2) continue;
    const grams = gramsOf();
    let hit = 0;
    for (let i = 0; i + 1 < count; i++) if (grams.has(ws[i] * ID_BITS + ws[i + 1])) hit++;
    if (hit >= Math.max(1, 0.8 * (count - 1))) return true;
  }
  return false;
}

/**
 * Headings in the response's own words ("Closing ten libraries") that restate no aim, but whose section as a
 * whole (heading and paragraphs) plainly answers one aim: its words cover that aim's clearly better than any
 * other's. Returns heading block index → aim index.
 */
function ownWordSections(
  response: Doc,
  headed: NonNullable<ResponsePrep['sections']>,
  units: Unit[],
  bm25: Bm25Index,
  prepared: Prepared[],
  cands: CandidateTable,
  index: AimIndex,
  phraseOf: (b: Block) => string | null,
  patch: Patch | undefined,
  run: number,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const section of headed) {
    const i = section.heading;
    const text = phraseOf(response.blocks[i])!;
    if (index.restated(text).length > 0 || section.units.length === 0) continue;
    const headWords = (section.headWords ??= contentStems(text));
    // After a patch for a few aims: the answer is the same when the section's units have the same candidates,
    // its heading's words name the same aims, and none of its candidates changed.
    const last = section.last;
    if (patch && last && last.run === patch.since && unchangedSection(section.units, headWords, last, patch, index)) {
      if (last.best >= 0) out.set(i, last.best);
      last.run = run;
      continue;
    }
    const candidates = new Set<number>();
    for (const t of headWords) for (const a of index.aimsWith(t)) candidates.add(a);
    for (const ui of section.units) for (let k = cands.start[ui]; k < cands.start[ui + 1]; k++) candidates.add(cands.aim[k]);
    if (!section.words) {
      section.words = new Set(headWords);
      for (const ui of section.units) {
        const doc = units[ui].doc;
        for (let k = bm25.termsFrom(doc); k < bm25.termsTo(doc); k++) section.words.add(bm25.termOf[bm25.termIds[k]]);
      }
    }
    const words = section.words;
    // The answer is a function of the candidates' queries and the section's words: kept with the section, and
    // reused while the candidates and their queries are the same objects (only an edited aim's query is new).
    const order = [...candidates];
    const queries = order.map((a) => prepared[a]);
    if (last && last.candidates.length === order.length && order.every((a, k) => last.candidates[k] === a && last.queries[k] === queries[k])) {
      if (last.best >= 0) out.set(i, last.best);
      last.named = headWords.map((t) => index.aimsWith(t).slice());
      last.run = run;
      continue;
    }
    let best = -1;
    let bestScore = 0;
    let second = 0;
    for (const a of order) {
      const q = prepared[a];
      if (q.ideal <= 0) continue;
      let got = 0;
      for (let k = 0; k < q.count; k++) if (words.has(index.term(a, k))) got += q.idf[q.from + k];
      const score = got / q.ideal;
      if (score > bestScore) {
        second = bestScore;
        bestScore = score;
        best = a;
      } else if (score > second) second = score;
    }
    const answer = best >= 0 && bestScore >= 0.2 && bestScore >= 1.3 * second ? best : -1;
    section.last = { candidates: order, queries, best: answer, named: headWords.map((t) => index.aimsWith(t).slice()), run };
    if (answer >= 0) out.set(i, answer);
  }
  return out;
}

/** Whether a section's answer is the one it had last time (`last`), after a patch for a few aims: its units have
 * the same candidates, its heading's words name the same aims, and none of its candidates changed. */
function unchangedSection(units: number[], headWords: string[], last: SectionAnswer, patch: Patch, index: AimIndex): boolean {
  for (const ui of units) if (patch.dirty[ui] & CANDIDATES_CHANGED) return false;
  for (const a of last.candidates) if (patch.changedAim[a]) return false;
  for (let k = 0; k < headWords.length; k++) {
    const was = last.named[k];
    const now = index.aimsWith(headWords[k]);
    if (was.length !== now.length) return false;
    for (let m = 0; m < now.length; m++) if (was[m] !== now[m]) return false;
  }
  return true;
}

/** The sections under headings other than the title and those answering no aim, with their answer units. */
function sectionsOf(response: Doc, roles: BlockRole[], nonAim: Uint8Array, units: Unit[], unitOfBlock: Int32Array): NonNullable<ResponsePrep['sections']> {
  const out: NonNullable<ResponsePrep['sections']> = [];
  const blocks = response.blocks;
  for (let h = 0; h < blocks.length; h++) {
    if (blocks[h].kind !== 'heading' || roles[h] === 'title' || nonAim[h]) continue;
    // Counted first, so that the list is made to size (one pushed to from empty has room for 17).
    let n = 0;
    for (let j = h + 1; j < blocks.length && blocks[j].kind !== 'heading'; j++) if (units[unitOfBlock[j]].kind === 'answer') n++;
    const inSection = new Array<number>(n);
    n = 0;
    for (let j = h + 1; j < blocks.length && blocks[j].kind !== 'heading'; j++) if (units[unitOfBlock[j]].kind === 'answer') inSection[n++] = unitOfBlock[j];
    out.push({ heading: h, units: inSection });
  }
  return out;
}

/**
 * At most MAX_PASSAGES passages for an aim, those scoring at least PASSAGE_FLOOR of its best, in document
 * order: a document that repeats itself must not give one aim dozens of answers.
 */
function capPassages(passages: Passage[], spansOf: Array<Array<{ start: number; end: number }>>, a: number): Passage[] {
  if (passages.length <= 2) return passages;
  const best = Math.max(...passages.map((p) => p.score));
  let keep = passages.filter((p) => p.score >= best * PASSAGE_FLOOR);
  if (keep.length > MAX_PASSAGES) keep = [...keep].sort((x, y) => y.score - x.score).slice(0, MAX_PASSAGES).sort((x, y) => x.position.start.offset - y.position.start.offset);
  if (keep.length !== passages.length) {
    const spans = spansOf[a];
    spansOf[a] = keep.map((p) => spans[passages.indexOf(p)]);
  }
  return keep;
}

/** The part of a paragraph about one of the aims it answers (see `focusOf`), with the start of its paragraph. */
interface Part extends Span {
  block: number;
}

function isPart(s: Span): s is Part {
  return (s as Part).block !== undefined;
}

/**
 * The part of a paragraph answering several aims that is about each ("We support the banded payments … We are
 * opposed, however, to dual contracts …"). A sentence is about the aims whose words it holds, by weight, at least
 * half as much as the aim it holds most; one that holds none goes with the sentence before it (or, before any aim
 * is named, with the one after). An aim's part runs from its first sentence to its last. Undefined when every
 * sentence is about every aim; an aim no sentence is about is read in the whole paragraph.
 */
function focusOf(doc: Doc, b: Block, answers: Assignment[], index: AimIndex): Map<number, Part> | undefined {
  if (b.sentenceCount < 2) return undefined;
  const n = answers.length;
  /** For each sentence, whether it is about each answer's aim (n flags per sentence), or none known yet. */
  const about: Array<boolean[] | undefined> = [];
  const weights = new Array<number>(n);
  let apart = false;
  for (let si = b.firstSentence; si < b.firstSentence + b.sentenceCount; si++) {
    const stems = new Set(contentStems(doc.sentences[si].text));
    let top = 0;
    answers.forEach(({ aim }, k) => {
      const w = index.weightIn(aim, stems);
      weights[k] = w;
      top = Math.max(top, w);
    });
    if (top === 0) {
      about.push(undefined);
      continue;
    }
    const flags = weights.map((w) => w >= top / 2);
    if (flags.some((f) => !f)) apart = true;
    about.push(flags);
  }
  if (!apart) return undefined;
  for (let k = 1; k < about.length; k++) about[k] ??= about[k - 1];
  for (let k = about.length - 2; k >= 0; k--) about[k] ??= about[k + 1];
  const out = new Map<number, Part>();
  for (let k = 0; k < about.length; k++) {
    const s = doc.sentences[b.firstSentence + k];
    about[k]!.forEach((on, a) => {
      if (!on) return;
      const aim = answers[a].aim;
      const was = out.get(aim);
      out.set(aim, { start: was ? was.start : k === 0 ? b.start : s.start, end: k === about.length - 1 ? b.end : s.end, block: b.start });
    });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A paragraph that is nothing but bold or italic words ("*Rebalancing caseload weighting*"): a heading in all but
 * name. */
function onlyLeadIn(doc: Doc, b: Block): boolean {
  return b.kind === 'paragraph' && b.leadIn !== undefined && b.leadIn.start === b.start && !/[\p{L}\p{N}]/u.test(doc.masked.slice(b.leadIn.end, b.end));
}

/** The first cell of a table row in a response, as a lead-in: "| Rostering | We welcome … |". */
function tableLead(doc: Doc, b: Block): string | undefined {
  if (!b.cells || b.cells.length < 2) return undefined;
  const c = b.cells[0];
  const text = doc.masked.slice(c.start, c.end).replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : undefined;
}
