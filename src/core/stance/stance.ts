/**
 * The stance a response takes on an aim, from the language of the passages that answer it, with the cues that
 * decided it. The lexicon (lexicon.ts) is compiled once at module load into sticky regular expressions indexed
 * by their first word, so a passage is scanned once, word by word: linear in its length.
 *
 * How a stance is decided, in order:
 *  1. Process remarks ("the failure of appropriate trade union consultation") are set aside when the passage
 *     says anything about the aim itself; they decide only when nothing else does.
 *  2. "Members are divided", "we cannot comment until …": concern (no position), unless outweighed.
 *  3. Opposition ("we do not support", "wholly unrealistic") outweighing agreement: oppose; agreement beside
 *     lesser opposition: qualified.
 *  4. "In principle", "we agree with the sentiment", named reservations: qualified.
 *  5. Agreement ("we welcome", "no issues with"): qualified when a reservation goes with it (a contrast
 *     followed by a concern, a condition or an unqualified criticism, or concerns that weigh as much), else
 *     support. A request for information beside agreement is not a reservation.
 *  6. Concerns, requests, conditions, questions on their own: concern. No cue at all: concern, with no cues.
 *     This is deliberate: "concern" is the label for a response that answers the aim without taking a
 *     position (DOMAIN.md), which is what a paragraph with no cue does; the empty cue list tells the reader
 *     the engine found no words to go on (low confidence), rather than borrowing a neighbour's stance.
 * Before all this: support stated without reserve ("without reservation", "wholeheartedly", "back it fully")
 * stands unless opposition outweighs it or a contrast in its own sentence follows; and when the aligner's sure
 * passages (restated or quoted) take a position, passages matched only on shared words do not change it.
 */
import type { Stance, StanceCue } from '../contract';
import type { Doc } from '../document/model';
import type { Span } from '../text/positions';
import { located } from '../document/located';
import { tokenize } from '../align/text';
import { LEXICON, NEGATORS, type CueLabel, type LexiconEntry } from './lexicon';

interface Compiled {
  entry: LexiconEntry;
  re: RegExp;
  /** Words the phrase cannot match without: a passage lacking one is not tried. */
  requires: string[];
  /** The same words, by their number in `WORDS`. */
  requiredIds: Int32Array;
}

/** The literal words a phrase always contains after its first word (outside groups and gaps). */
export function requiredWords(phrase: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let word = '';
  let first = true;
  const flush = () => {
    if (word && !first) out.push(word.replace(/\u2019/g, "'").toLowerCase());
    if (word || depth === 0) first = false;
    word = '';
  };
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase[i];
    if (c === '(') {
      flush();
      depth++;
    } else if (c === ')') {
      depth--;
      word = '';
    } else if (c === ' ') {
      if (depth === 0) flush();
    } else if (depth === 0 && /[A-Za-z'\u2019-]/.test(c)) word += c;
    else if (depth === 0) word = '';
  }
  flush();
  return out.filter((w) => w.length > 1 && !w.includes('-'));
}

const GAP = '\\s+(?:\\S+\\s+){0,4}?';

/** Compiles a lexicon phrase to a sticky, case-insensitive regular expression and its possible first words. */
export function compilePhrase(phrase: string): { re: RegExp; first: string[] } {
  // " (of|behind)?" (an optional word after a space) becomes "(?: (?:of|behind))?", so the phrase still
  // matches when the optional word is absent and punctuation follows.
  let src = phrase.replace(/ \(([^()]*[^ ()])\)\?/g, (_m, inner: string) => `(?: (?:${inner}))?`);
  src = src.replace(/'/g, "['\u2019]").replace(/ … /g, '\u0000');
  src = src.replace(/ /g, '\\s+').replace(/\u0000/g, GAP);
  src = src.replace(/\((?!\?)/g, '(?:');
  const re = new RegExp(`${src}(?![A-Za-z0-9\\u00c0-\\u024f])`, 'iy');
  return { re, first: firstWords(phrase) };
}

function firstWords(phrase: string): string[] {
  const p = phrase.replace(/\u2019/g, "'").toLowerCase();
  if (p.startsWith('(')) {
    let depth = 0;
    let end = -1;
    for (let i = 0; i < p.length; i++) {
      if (p[i] === '(') depth++;
      else if (p[i] === ')' && --depth === 0) {
        end = i;
        break;
      }
    }
    if (end < 0 || p[end + 1] === '?') throw new Error(`Lexicon phrase must not open with an optional group: ${phrase}`);
    const inner = p.slice(1, end);
    const alts: string[] = [];
    let d = 0;
    let from = 0;
    for (let i = 0; i <= inner.length; i++) {
      const c = inner[i];
      if (c === '(') d++;
      else if (c === ')') d--;
      else if ((c === '|' && d === 0) || i === inner.length) {
        alts.push(inner.slice(from, i));
        from = i + 1;
      }
    }
    return alts.map((a) => a.trim().split(/[\s(]/)[0]).filter(Boolean);
  }
  return [p.split(/[\s(]/)[0]];
}

/**
 * The lexicon by word, built once at module load: the phrases a word may open (tried where it occurs), and the
 * word's number among the words some phrase requires (`Compiled.requires`), or -1. One look-up per word of a
 * passage serves both.
 */
interface WordEntry {
  opens: Compiled[] | undefined;
  required: number;
}
const WORDS = new Map<string, WordEntry>();
const wordEntry = (w: string): WordEntry => {
  let e = WORDS.get(w);
  if (!e) WORDS.set(w, (e = { opens: undefined, required: -1 }));
  return e;
};
let requiredCount = 0;
for (const entry of LEXICON) {
  const { re, first } = compilePhrase(entry.phrase);
  const requires = requiredWords(entry.phrase);
  const requiredIds = Int32Array.from(requires, (w) => {
    const e = wordEntry(w);
    if (e.required < 0) e.required = requiredCount++;
    return e.required;
  });
  for (const w of first) (wordEntry(w).opens ??= []).push({ entry, re, requires, requiredIds });
}
/** Which required words the passage being scanned holds: `seen[id] === pass`. A new pass number per scan, so the
 * table is never cleared (findCues calls nothing that scans again while it runs). */
const seen = new Int32Array(requiredCount);
let pass = 0;
/** The words of the passage that open phrases, by token number, and their phrases (reused from scan to scan). */
let openAt = new Int32Array(64);
const openPhrases: Array<Compiled[] | undefined> = [];

/** A lexicon match in a document. */
export interface CueMatch {
  entry: LexiconEntry;
  /** The label after negation. */
  label: CueLabel;
  weight: number;
  span: Span;
  negated: boolean;
  /** Index into `doc.sentences`, or -1. */
  sentence: number;
  note: string;
  /** The cue as the contract gives it, once made: every aim this passage answers with the same stance shares it
   * (a long response's alignments hold tens of thousands of cues). */
  made: StanceCue | undefined;
}

const POSITION_LABELS: ReadonlySet<CueLabel> = new Set(['support', 'qualified', 'concern', 'oppose']);

/** The words of a passage, lower-cased, with their offsets: from `tokenize`, or from a caller's word table. */
export interface WordsView {
  count: number;
  word(k: number): string;
  start(k: number): number;
  end(k: number): number;
}

function viewOf(text: string, span: Span): WordsView {
  const t = tokenize(text, span.start, span.end);
  return { count: t.length, word: (k) => t[k].word, start: (k) => t[k].start, end: (k) => t[k].end };
}

/** Finds the lexicon's cues in a span of a document, left to right, longest match first, no overlaps. */
export function findCues(doc: Doc, span: Span, words?: WordsView): CueMatch[] {
  const text = doc.masked;
  const tokens = words ?? viewOf(text, span);
  // One pass over the words: which required words the passage holds, and where words that open phrases are.
  if (++pass === 0x7fffffff) {
    seen.fill(0);
    pass = 1;
  }
  let opening = 0;
  for (let k = 0; k < tokens.count; k++) {
    const e = WORDS.get(tokens.word(k));
    if (!e) continue;
    if (e.required >= 0) seen[e.required] = pass;
    if (e.opens) {
      if (opening === openAt.length) {
        const grown = new Int32Array(openAt.length * 2);
        grown.set(openAt);
        openAt = grown;
      }
      openAt[opening] = k;
      openPhrases[opening++] = e.opens;
    }
  }
  const out: CueMatch[] = [];
  /** A match's end: words that start before it are inside it, and are not tried. */
  let after = -1;
  for (let o = 0; o < opening; o++) {
    const k = openAt[o];
    const start = tokens.start(k);
    if (start < after) continue;
    const cands = openPhrases[o]!;
    let best: Compiled | undefined;
    let bestEnd = -1;
    next: for (const c of cands) {
      const ids = c.requiredIds;
      for (let r = 0; r < ids.length; r++) if (seen[ids[r]] !== pass) continue next;
      c.re.lastIndex = start;
      if (!c.re.test(text)) continue;
      let end = c.re.lastIndex;
      // As `trimEnd` of the match: only a match ending in white space (or something like it) is trimmed.
      const last = text.charCodeAt(end - 1);
      if (last <= 32 || last === 0xa0 || last >= 0x1680) end = start + text.slice(start, end).trimEnd().length;
      if (end > span.end) continue;
      if (!best || end > bestEnd) {
        best = c;
        bestEnd = end;
      }
    }
    if (!best) continue;
    const entry = best.entry;
    let label = entry.label;
    let weight = entry.weight;
    let note = entry.note;
    const negated = entry.negatable !== false && POSITION_LABELS.has(label) && negatedBefore(text, tokens, k);
    if (negated) {
      if (label === 'support') {
        label = 'oppose';
        weight *= 0.9;
        note = `Negated: "${entry.note}" turned round.`;
      } else if (label === 'concern') {
        label = 'support';
        weight *= 0.5;
        note = 'Negated concern ("not concerned"): no objection.';
      } else if (label === 'qualified') {
        label = 'concern';
        weight *= 0.5;
        note = 'Negated agreement in principle.';
      } else {
        label = 'concern';
        weight *= 0.3;
        note = 'Negated opposition: no clear position.';
      }
    }
    out.push({ entry, label, weight, span: { start, end: bestEnd }, negated, sentence: sentenceAt(doc, start), note, made: undefined });
    after = bestEnd;
  }
  return out;
}

/** True when one of the three words before token k, in the same clause, negates it. */
function negatedBefore(text: string, tokens: WordsView, k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const gap = text.slice(tokens.end(j), tokens.start(j + 1));
    if (/[,;:.!?()\u2013\u2014]/.test(gap)) return false;
    if (NEGATORS.has(tokens.word(j))) return true;
  }
  return false;
}

/** The index of the sentence containing `offset`, by binary search over the document's sentences. */
function sentenceAt(doc: Doc, offset: number): number {
  const s = doc.sentences;
  let lo = 0;
  let hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid].span.end <= offset) lo = mid + 1;
    else if (s[mid].span.start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Sentences ending in a question mark inside the span, added to `out`: a question to the employer is a request. */
function questions(doc: Doc, span: Span, out: CueMatch[]): void {
  let i = sentenceAt(doc, span.start);
  if (i < 0) return;
  for (; i < doc.sentences.length && doc.sentences[i].span.start < span.end; i++) {
    const s = doc.sentences[i];
    if (!QUESTION_END.test(s.text)) continue;
    out.push({
      entry: QUESTION_ENTRY,
      label: 'request',
      weight: 0.8,
      span: s.span,
      negated: false,
      sentence: i,
      note: 'A question to the employer: a request for information.',
      made: undefined,
    });
  }
}
const QUESTION_END = /\?["'\u201d\u2019)]*$/;
const QUESTION_ENTRY: LexiconEntry = { phrase: '?', label: 'request', weight: 0.8, note: 'A question to the employer.' };

export interface StanceResult {
  stance: Exclude<Stance, 'unaddressed'>;
  cues: StanceCue[];
}

/** Passage scores (0..1, from the aligner) of a sure answer and of one matched on a few shared words. */
const SURE_PASSAGE = 0.8;
const WEAK_PASSAGE = 0.5;

const RESERVATION: ReadonlySet<CueLabel> = new Set(['concern', 'condition', 'oppose', 'mixed', 'qualified']);

/** The cues of a passage with none: one list shared by all of them, frozen so that none is added to it. */
const NO_CUES: CueMatch[] = Object.freeze([]) as unknown as CueMatch[];

/** The cues in one passage: the lexicon's phrases and the questions it asks. `words`, if given, are its tokens. The
 * list is made to size: a paragraph's are kept while the aims it answers are read (a list pushed to from empty has
 * room for 17). */
export function cuesIn(doc: Doc, span: Span, words?: WordsView): CueMatch[] {
  const out = findCues(doc, span, words);
  questions(doc, span, out);
  return out.length === 0 ? NO_CUES : out.slice();
}

/**
 * The stance of the passages (spans of `doc`) on one aim, and the cues that decided it. With no passages the
 * caller reports "unaddressed"; this function needs at least one span. `cache` (by span start) lets a caller
 * scan a passage shared by several aims only once.
 */
export function classifyStance(doc: Doc, spans: Span[], cache?: Map<number, CueMatch[]>, scores?: number[]): StanceResult {
  // Passages of different confidence that disagree: the sure ones (a restatement, a quotation) speak for the
  // union; a passage matched on a few shared words may be about something else ("in principle" said of
  // another aim). When the sure passages take a position of their own, it stands.
  if (scores && scores.length === spans.length && spans.length > 1) {
    const sure = spans.filter((_, i) => scores[i] >= SURE_PASSAGE);
    const weak = spans.some((_, i) => scores[i] < WEAK_PASSAGE);
    if (sure.length > 0 && weak) {
      const own = classifyStance(doc, sure, cache);
      if (own.cues.length > 0) return own;
    }
  }
  const cues: CueMatch[] = [];
  for (const span of spans) {
    // A passage answering several aims is scanned once.
    let found = cache?.get(span.start);
    if (!found) {
      found = cuesIn(doc, span);
      cache?.set(span.start, found);
    }
    for (const c of found) cues.push(c);
  }
  cues.sort((a, b) => a.span.start - b.span.start);
  const { stance, deciding } = decide(doc, cues);
  return { stance, cues: deciding.map((c) => toCue(doc, c, stance)) };
}

function sum(cues: CueMatch[], label: CueLabel): number {
  let s = 0;
  for (const c of cues) if (c.label === label) s += c.weight;
  return s;
}

function decide(doc: Doc, all: CueMatch[]): { stance: Exclude<Stance, 'unaddressed'>; deciding: CueMatch[] } {
  const cues = all.filter((c) => c.label !== 'process' && c.label !== 'contrast');
  if (cues.length === 0) {
    const proc = all.filter((c) => c.label === 'process');
    if (proc.length === 0) return { stance: 'concern', deciding: [] };
    let o = 0;
    let k = 0;
    for (const c of proc) (c.entry.leans === 'oppose' ? (o += c.weight) : (k += c.weight));
    return { stance: o >= k ? 'oppose' : 'concern', deciding: proc };
  }
  const S = sum(cues, 'support');
  const Q = sum(cues, 'qualified');
  const O = sum(cues, 'oppose');
  const C = sum(cues, 'concern');
  const M = sum(cues, 'mixed');
  const K = sum(cues, 'condition');
  const pick = (...labels: CueLabel[]) => cues.filter((c) => labels.includes(c.label));
  // Support stated without reserve ("we welcome it without reservation") stands against "in principle" or a
  // reservation elsewhere in the aim's passages (often one aligned with less certainty); only opposition that
  // outweighs it, or an explicit contrast in its own passage, overturns it.
  const unreserved = cues.filter((c) => c.label === 'support' && c.entry.unreserved);
  if (unreserved.length > 0 && O < S && reservationAfterAgreement(doc, all).length === 0) {
    return { stance: 'support', deciding: unreserved };
  }
  if (M > 0 && O < 3 && Q === 0 && M >= S) return { stance: 'concern', deciding: pick('mixed', 'concern', 'request') };
  if (O > 0) {
    if (O >= S + Q) return { stance: 'oppose', deciding: pick('oppose') };
    return { stance: 'qualified', deciding: pick('support', 'qualified', 'oppose') };
  }
  if (Q > 0) return { stance: 'qualified', deciding: pick('qualified', 'concern', 'condition') };
  if (S > 0) {
    const reservation = reservationAfterAgreement(doc, all);
    // An explicit condition ("provided that", "subject to") attached to agreement qualifies it.
    const explicit = pick('condition').filter((c) => c.entry.explicit);
    if (explicit.length > 0 && reservation.length === 0) return { stance: 'qualified', deciding: [...pick('support'), ...explicit] };
    if (reservation.length > 0 || C + K >= 1.5) {
      return { stance: 'qualified', deciding: [...pick('support'), ...(reservation.length > 0 ? reservation : pick('concern', 'condition'))] };
    }
    return { stance: 'support', deciding: pick('support') };
  }
  return { stance: 'concern', deciding: pick('concern', 'mixed', 'request', 'condition') };
}

/**
 * A reservation after agreement: a contrast ("but", "however", "although") after a support cue, or opening the
 * sentence that holds one, whose clause carries a concern or condition, or a criticism in words the lexicon
 * does not know (a clause of four words or more with no cue at all). A clause holding only a request ("although
 * we will want to see the travel arrangements") is not a reservation. Returns the contrast and the clause's
 * cues, or nothing.
 */
function reservationAfterAgreement(doc: Doc, all: CueMatch[]): CueMatch[] {
  const firstSupport = all.find((c) => c.label === 'support');
  if (!firstSupport) return [];
  for (const contrast of all) {
    if (contrast.label !== 'contrast') continue;
    const sameSentenceOpening = contrast.sentence === firstSupport.sentence && contrast.span.start < firstSupport.span.start && contrast.entry.weight < 1;
    if (contrast.span.start < firstSupport.span.start && !sameSentenceOpening) continue;
    const sentence = doc.sentences[contrast.sentence];
    if (!sentence) continue;
    const clauseStart = sameSentenceOpening ? firstSupport.span.end : contrast.span.end;
    const clauseEnd = sentence.span.end;
    const inClause = all.filter((c) => c !== contrast && c.span.start >= clauseStart && c.span.start < clauseEnd && c.label !== 'contrast');
    if (inClause.some((c) => RESERVATION.has(c.label))) return [contrast, ...inClause.filter((c) => RESERVATION.has(c.label))];
    if (inClause.length === 0 && !sameSentenceOpening) {
      const words = tokenize(doc.masked, clauseStart, clauseEnd).length;
      if (words >= 4) return [contrast];
    }
  }
  return [];
}

const CUE_STANCE: Record<CueLabel, Exclude<Stance, 'unaddressed'> | undefined> = {
  support: 'support',
  qualified: 'qualified',
  concern: 'concern',
  oppose: 'oppose',
  mixed: 'concern',
  request: 'concern',
  condition: 'qualified',
  contrast: 'qualified',
  process: undefined,
};

function toCue(doc: Doc, c: CueMatch, decided: Exclude<Stance, 'unaddressed'>): StanceCue {
  let stance = c.label === 'process' ? c.entry.leans ?? 'concern' : CUE_STANCE[c.label] ?? decided;
  if (c.label === 'condition' && decided === 'concern') stance = 'concern';
  // The rest is a function of the cue alone.
  const made = c.made;
  if (made) return made.stance === stance ? made : { ...made, stance };
  const loc = located(doc, c.span);
  let note = c.note;
  if (c.label === 'contrast') note = 'A contrast after agreement, followed by a reservation.';
  if (c.label === 'process') note = `${c.note} Nothing in the passage speaks to the aim itself, so it decides.`;
  const phrase = c.entry.phrase === '?' ? '?' : doc.masked.slice(c.span.start, c.span.end).replace(/\s+/g, ' ').trim().toLowerCase();
  return (c.made = { text: loc.text, position: loc.position, phrase, stance, note });
}
