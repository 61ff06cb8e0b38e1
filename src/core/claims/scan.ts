/**
 * One pass over a whole document: the compact text, every union party and involvement word in it (each pattern
 * run once over the document, not once per sentence), then a reading of each sentence that has both.
 */
import type { Doc } from '../document/model';
import type { Rung } from '../contract';
import { buildCompact, isSpace, lowerCasesByCodePoint, lowerWhole, spaced, wholeCompact, wordAlternatives, type Compact } from './compact';
import { literalPattern, MEMBER_WORDS, PARTIES, RESPONSE_SELF, TRIGGERS, UNION_NAMES, type TriggerEntry } from './lexicon';
import { DocDelta } from '../aims/delta';
import { chooseReading, quoteRegions, readSentence, type Mark, type PartyMark, type Reading, type TriggerMark } from './sentence';
import { firstAtLeastBy } from '../text/search';

const TRIGGER_RE = new RegExp(wordAlternatives(TRIGGERS.map((t) => t.pattern)), 'g');
const SELF_PARTY_RE = new RegExp(`\\b(?:${TRIGGERS.filter((t) => t.selfParty).map((t) => spaced(t.pattern)).join('|')})\\b`, 'g');
/** A statement of recognition: "the University recognises UCU, UNISON and Unite for collective bargaining". */
const RECOGNITION = /\brecogni[sz](?:es|ed|e|ing)\b[^.;]{0,200}?\bfor (?:the )?(?:purposes? of )?collective bargaining\b/;
const PARTY_CI_ENTRIES = PARTIES.filter((p) => !p.caseSensitive);
const PARTY_CS_ENTRIES = PARTIES.filter((p) => p.caseSensitive);
const PARTY_CI_RE = new RegExp(wordAlternatives(PARTY_CI_ENTRIES.map((p) => p.pattern)), 'g');
const PARTY_CS_RE = new RegExp(wordAlternatives(PARTY_CS_ENTRIES.map((p) => p.pattern)), 'g');

export interface ExtraPhraseInput {
  phrase: string;
  rung: Rung;
}

export interface SentenceReading {
  sentence: number;
  /** The span read: the sentence, or a stretch of it when the sentence is too long to be one. */
  span: { start: number; end: number };
  block: number;
  reading: Reading;
  /** Every reading of the sentence (for evidence of other rungs), when it has more than `reading`: see `readingsOf`. */
  all: Reading[] | undefined;
  /** The reading's status before evidence is weighed, once the claim reader has worked it out (see claims.ts). */
  status: string | undefined;
}

/** Every reading of the sentence. */
export function readingsOf(sr: SentenceReading): Reading[] {
  return sr.all ?? [sr.reading];
}

export interface Scan {
  doc: Doc;
  compact: Compact;
  isResponse: boolean;
  readings: SentenceReading[];
  /** Forum mentions, for evidence (compact offsets, sorted). */
  forums: PartyMark[];
  quotesOf(block: number): Mark[];
  /** Compact range of a source span. */
  range(span: { start: number; end: number }): { s: number; e: number };
}

/**
 * The matches of `re` in `text` that start in [from, to), scanning from `from`, made into marks (`make` may
 * turn a match down); `raw`, when given, receives every match, kept or not; `text` starts at offset `base`. The
 * marks are added to `out`.
 */
function collect<T extends { s: number; e: number }>(re: RegExp, text: string, make: (m: RegExpExecArray, group: number, at: number) => T | undefined, from = 0, to = Infinity, raw?: Raw[], base = 0, out: T[] = []): T[] {
  re.lastIndex = from - base;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const at = base + m.index;
    if (at >= to) break;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    raw?.push({ s: at, e: at + m[0].length });
    let g = 1;
    while (g < m.length && m[g] === undefined) g++;
    const v = make(m, g - 1, at);
    if (v) out.push(v);
  }
  return out;
}

function extraRegex(extra: ExtraPhraseInput[] | undefined): { re: RegExp; entries: TriggerEntry[] } | undefined {
  const usable = (extra ?? []).filter((p) => typeof p.phrase === 'string' && p.phrase.trim().length > 0 && p.phrase.length <= 200);
  if (usable.length === 0) return undefined;
  const entries: TriggerEntry[] = usable.map((p, i) => ({ id: `extra-${i}`, pattern: spaced(literalPattern(p.phrase)), rung: p.rung, kind: 'verb', note: 'A phrase from your settings.' }));
  // Literals only: every special character is escaped, so this cannot backtrack.
  const re = new RegExp(entries.map((e) => `(?<![a-z0-9])(${e.pattern})(?![a-z0-9])`).join('|'), 'g');
  return { re, entries };
}

/** Sorted, without marks nested inside longer ones. */
function dedupe<T extends { s: number; e: number }>(marks: T[]): T[] {
  marks.sort((a, b) => a.s - b.s || b.e - a.e);
  const out: T[] = [];
  for (const m of marks) {
    const last = out[out.length - 1];
    if (last && m.s < last.e) continue;
    out.push(m);
  }
  return out;
}

export function isResponseDoc(doc: Doc, role?: 'letter' | 'response'): boolean {
  if (role) return role === 'response';
  if (doc.frontMatter.role) return doc.frontMatter.role === 'response';
  if (doc.frontMatter.respondsTo) return true;
  // No front matter: read the voice. A union's response talks about "our members" and "members", names itself
  // as the author of views and briefings, and says so in its title.
  let score = 0;
  const head = doc.blocks
    .slice(0, 4)
    .filter((b, i) => b.kind === 'heading' || (i < 2 && b.text.length < 120))
    .map((b) => b.text.toLowerCase().replace(/[\u2018\u2019]/g, "'"))
    .join(' ');
  if (/\b(?:response|reply|responds|responding|our view|'s view|view of|briefing for members|members' briefing)\b/.test(head)) score += 2;
  const sample = doc.masked.slice(0, 60000).toLowerCase().replace(/[\u2018\u2019]/g, "'");
  score += 2 * Math.min(2, (sample.match(/\bour members\b/g) ?? []).length);
  score += Math.min(2, (sample.match(/(?<!(?:team|board|staff|committee|panel|family|council|cabinet|senior)\s)\bmembers\b(?!\s+of\s+(?:staff|the\s+public|the\s+team|the\s+board|the\s+committee))/g) ?? []).length);
  score += Math.min(2, (sample.match(/\b(?:the branch|branch committee|on behalf of (?:our )?members)\b/g) ?? []).length);
  // A reply talks about the letter it answers: "the Director's letter", "your letter of 3 May", "the letter says".
  score += Math.min(2, (sample.match(/\b(?:your letter|[a-z]+'s letter|(?:the|this|that) letter\s+(?:says|said|states|stated|claims|claimed|asserts|asserted|suggests|suggested|describes|described))\b/g) ?? []).length);
  // A union named in the title or the sign-off speaks as the union ("PCS Group: reply to …", "UCU branch committee").
  const signOff = doc.blocks.slice(-2).filter((b) => b.text.length < 120).map((b) => b.text);
  if (doc.blocks.length > 2 && [head, ...signOff].some((t) => UNION_AUTHOR.test(t))) score += 1;
  return score >= 3;
}

/** A union named as the author ("PCS DWP Group Executive", "UNISON branch", "staff side"), in any case. */
const UNION_AUTHOR = new RegExp(
  `\\b(?:${UNION_NAMES.join('|')}|staff side|trade union side|joint unions|trade unions)\\b(?!\\s+members)(?=[^.]*\\b(?:branch|group|executive|committee|side|region|response|reply|secretary|convenor|officers?|reps|representatives)\\b)`,
  'i',
);

const LONGEST = 1500;

/**
 * A sentence, or for a run-on "sentence" longer than any real one (a pasted table, a list without stops), stretches
 * of it cut after a comma, semicolon or space, so that reading stays linear whatever the input.
 */
function stretches(compact: Compact, span: { start: number; end: number }): Array<{ start: number; end: number }> {
  if (span.end - span.start <= LONGEST) return [span];
  const text = compact.lower(span.start, span.end);
  const at = (i: number) => text[i - span.start];
  const out: Array<{ start: number; end: number }> = [];
  let start = span.start;
  while (span.end - start > LONGEST) {
    let cut = start + 500;
    const limit = start + 800;
    while (cut < limit && !(at(cut) === ';' || at(cut) === ',')) cut++;
    if (cut >= limit) {
      cut = start + 500;
      while (cut < limit && !/\s/.test(at(cut))) cut++;
    }
    cut++;
    let end = cut;
    while (end > start && /\s/.test(at(end - 1))) end--;
    out.push({ start, end });
    start = cut;
    while (start < span.end && /\s/.test(at(start))) start++;
  }
  if (start < span.end) out.push({ start, end: span.end });
  return out;
}

/** Scans already made of a document, by role and extra phrases: a compare reads the response twice (its own
 * claims, and the passages that dispute the letter's), and should scan it once. */
const scanMemo = new WeakMap<Doc, Map<string, Scan>>();

export function scanDocument(doc: Doc, options: { role?: 'letter' | 'response'; extraPhrases?: ExtraPhraseInput[] } = {}): Scan {
  const key = `${options.role ?? ''}\u0000${options.extraPhrases ? JSON.stringify(options.extraPhrases) : ''}`;
  let memo = scanMemo.get(doc);
  if (!memo) scanMemo.set(doc, (memo = new Map()));
  const known = memo.get(key);
  if (known) return known;
  const scan = scanUncached(doc, options);
  memo.set(key, scan);
  return scan;
}

function scanUncached(doc: Doc, options: { role?: 'letter' | 'response'; extraPhrases?: ExtraPhraseInput[] }): Scan {
  return scanWhole(doc, options).scan;
}

/** A match of one of the patterns run over the whole document, kept or not (see `ScanMemo`). */
interface Raw {
  s: number;
  e: number;
}

/** A scan, with what a scan of the next version of the document needs to redo only what an edit touched. */
interface ScanState {
  scan: Scan;
  /** The compact text was lower-cased character by character (see `buildCompact`). */
  perChar: boolean;
  /** Every match of each document-wide pattern, and the marks kept from them. */
  selfRaw: Raw[];
  ciRaw: Raw[];
  csRaw: Raw[];
  selfParty: Mark[];
  ci: PartyMark[];
  cs: PartyMark[];
  partyMarks: PartyMark[];
  /** The readings of each block. */
  byBlock: SentenceReading[][];
}

interface Marks {
  selfRaw: Raw[];
  ciRaw: Raw[];
  csRaw: Raw[];
  selfParty: Mark[];
  ci: PartyMark[];
  cs: PartyMark[];
}

/** What reading the sentences of a document needs: its compact text, the patterns and the marks found. */
class Reader {
  readonly extra: ReturnType<typeof extraRegex>;
  /** For each block, whether its quotations are known: 0 not yet, 1 it has none, 2 they are in `quoteMarks`. */
  private quoteState: Uint8Array | undefined;
  private readonly quoteMarks = new Map<number, Mark[]>();
  constructor(
    readonly doc: Doc,
    readonly compact: Compact,
    readonly isResponse: boolean,
    options: { extraPhrases?: ExtraPhraseInput[] },
  ) {
    this.extra = extraRegex(options.extraPhrases);
  }
  memberAfter(e: number): boolean {
    const rest = this.compact.lower(e, e + 20);
    const m = /^\s+([a-z]+)/.exec(rest);
    return m !== null && MEMBER_WORDS.has(m[1]);
  }
  /**
   * The matches of the three document-wide patterns starting in [from, to), scanning from `from`; the patterns
   * see only the text in [ctxFrom, ctxTo) (by default, all of it).
   */
  marks(from: number, to: number, ctxFrom = 0, ctxTo = this.compact.length): Marks {
    const compact = this.compact;
    const whole = ctxFrom === 0 && ctxTo === compact.length;
    const cased = whole ? compact.cased : compact.cased.slice(ctxFrom, ctxTo);
    const selfRaw: Raw[] = [];
    const ciRaw: Raw[] = [];
    const csRaw: Raw[] = [];
    const selfParty: Mark[] = [];
    const ci: PartyMark[] = [];
    const makeSelf = (m: RegExpExecArray, _g: number, at: number): Mark => ({ s: at, e: at + m[0].length });
    const makeCi = (m: RegExpExecArray, g: number, at: number): PartyMark | undefined => (this.memberAfter(at + m[0].length) ? undefined : { s: at, e: at + m[0].length, forum: PARTY_CI_ENTRIES[g].forum });
    if (!whole || compact.whole !== undefined) {
      const lower = whole ? compact.whole! : compact.lower(ctxFrom, ctxTo);
      collect<Mark>(SELF_PARTY_RE, lower, makeSelf, from, to, selfRaw, ctxFrom, selfParty);
      collect<PartyMark>(PARTY_CI_RE, lower, makeCi, from, to, ciRaw, ctxFrom, ci);
    } else {
      // The whole text, a stretch at a time, each lower-cased with words enough either side for the patterns to
      // see all they look at (see `REACH`): the same matches as over a lower-cased copy of the whole text.
      const masked = compact.cased;
      const n = masked.length;
      let selfFrom = from;
      let ciFrom = from;
      for (let a = 0; a < n && a < to; ) {
        let b = Math.min(n, a + CHUNK);
        while (b < n && !isSpace(masked.charCodeAt(b))) b++;
        const end = Math.min(b, to);
        // Every pattern's match starts with a word (see the claims-patterns tests): a stretch of white space alone
        // (blank lines by the thousand) holds none, and looking for the words either side of each such stretch
        // would read the whole run again for every stretch of it.
        if (onlySpace(masked, a, end)) {
          a = b;
          continue;
        }
        const cFrom = wordsBefore(masked, a, REACH);
        const cTo = wordsAfter(masked, b, REACH);
        const lower = compact.lower(cFrom, cTo);
        if (selfFrom < end) selfFrom = Math.max(end, lastEnd(collect<Mark>(SELF_PARTY_RE, lower, makeSelf, Math.max(a, selfFrom), end, selfRaw, cFrom, selfParty), selfRaw));
        if (ciFrom < end) ciFrom = Math.max(end, lastEnd(collect<PartyMark>(PARTY_CI_RE, lower, makeCi, Math.max(a, ciFrom), end, ciRaw, cFrom, ci), ciRaw));
        a = b;
      }
    }
    const cs = collect<PartyMark>(
      PARTY_CS_RE,
      cased,
      (m, g, at) => (this.memberAfter(at + m[0].length) ? undefined : { s: at, e: at + m[0].length, forum: PARTY_CS_ENTRIES[g].forum, ...(PARTY_CS_ENTRIES[g].forum ? {} : { name: m[0] }) }),
      from,
      to,
      csRaw,
      ctxFrom,
    );
    return { selfRaw, ciRaw, csRaw, selfParty, ci, cs };
  }
  /** The quotations in a block (compact offsets, sorted); `lower`, when given, is the block's lower-cased text. */
  quotesOf(block: number, lower?: string): Mark[] {
    const state = (this.quoteState ??= new Uint8Array(this.doc.blocks.length));
    if (state[block] === 1) return NO_MARKS;
    if (state[block] === 2) return this.quoteMarks.get(block)!;
    const span = this.doc.blocks[block].span;
    // A text lower-cased code point by code point is read in its own case (see `quoteRegions`).
    const q = this.compact.whole === undefined ? quoteRegions(this.compact.cased, span.start, span.end, 0, true) : quoteRegions(lower ?? this.compact.lower(span.start, span.end), span.start, span.end, span.start);
    if (q.length === 0) {
      state[block] = 1;
      return NO_MARKS;
    }
    state[block] = 2;
    this.quoteMarks.set(block, q);
    return q;
  }
  /** The involvement words in [s, e), whose lower-cased text is `slice`. */
  triggersIn(s: number, slice: string): TriggerMark[] {
    const extra = this.extra;
    const found = collect<TriggerMark>(TRIGGER_RE, slice, (m, g) => ({ s: s + m.index, e: s + m.index + m[0].length, entry: TRIGGERS[g] }));
    if (extra) found.push(...collect<TriggerMark>(extra.re, slice, (m, g) => ({ s: s + m.index, e: s + m.index + m[0].length, entry: extra.entries[g] })));
    return extra ? dedupe(found) : found;
  }
  /** The readings of one block's sentences, given the document's marks. */
  readBlock(blockIndex: number, selfParty: Mark[], partyMarks: PartyMark[]): SentenceReading[] {
    const doc = this.doc;
    const block = doc.blocks[blockIndex];
    let out: SentenceReading[] | undefined;
    if (block.sentenceCount === 0) return NO_READINGS;
    if (block.kind === 'heading' || block.headerRow) return NO_READINGS;
    const first = startOf(doc.sentences[block.firstSentence]);
    let si = firstAtOrAfter(selfParty, first);
    let pi = firstAtOrAfter(partyMarks, first);
    // In a letter, only sentences with a party mark are read: none before the block's last sentence ends, none read.
    if (!this.extra && !this.isResponse) {
      const last = endOf(doc.sentences[block.firstSentence + block.sentenceCount - 1]);
      if (!(pi < partyMarks.length && partyMarks[pi].s < last) && !(si < selfParty.length && selfParty[si].s < last)) return NO_READINGS;
    }
    const bs = startOf(block);
    const be = endOf(block);
    // The block's lower-cased text, made when a sentence of it is read.
    let blockLower: string | undefined;
    for (let wi = block.firstSentence; wi < block.firstSentence + block.sentenceCount; wi++) {
      const whole = doc.sentences[wi];
      const ws = startOf(whole);
      const we = endOf(whole);
      // A sentence is read whole unless it is too long to be one (see `stretches`).
      const parts = we - ws <= LONGEST ? undefined : stretches(this.compact, whole.span);
      for (let part = 0; part < (parts ? parts.length : 1); part++) {
        const s = parts ? parts[part].start : ws;
        const e = parts ? parts[part].end : we;
        while (si < selfParty.length && selfParty[si].s < s) si++;
        while (pi < partyMarks.length && partyMarks[pi].s < s) pi++;
        const hasParty = pi < partyMarks.length && partyMarks[pi].s < e;
        const hasSelf = si < selfParty.length && selfParty[si].s < e;
        // A cell of a table row naming no union, in a row whose other cells name one.
        const rowParty = block.kind === 'tableRow' && !hasParty ? rowPartyOf(partyMarks, bs, be, s, e) : undefined;
        if (!hasParty && !hasSelf && !rowParty && !this.extra && !this.isResponse) continue;
        // A bold or italic label opening a paragraph ("**Involvement of the trade unions.**") is a heading, not a claim.
        if (block.leadIn && s >= block.leadIn.start && e <= block.leadIn.end + 1) continue;
        let slice: string;
        if (s < bs || e > be) slice = this.compact.lower(s, e);
        else {
          blockLower ??= this.compact.lower(bs, be);
          slice = blockLower.slice(s - bs, e - bs);
        }
        const sTriggers = this.triggersIn(s, slice);
        if (sTriggers.length === 0) continue;
        const sParties: PartyMark[] = [];
        for (let k = pi; k < partyMarks.length && partyMarks[k].s < e; k++) if (partyMarks[k].e <= e) sParties.push(partyMarks[k]);
        if (this.isResponse) {
          RESPONSE_SELF.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = RESPONSE_SELF.exec(slice)) !== null) {
            const at = s + m.index;
            if (this.memberAfter(at + m[0].length)) continue;
            if (!sParties.some((p) => p.s <= at && at < p.e)) sParties.push({ s: at, e: at + m[0].length, self: true });
          }
          sParties.sort((a, b) => a.s - b.s);
        }
        if (sParties.length === 0 && !rowParty && !sTriggers.some((t) => t.entry.selfParty)) continue;
        // A word of a forum's name ("Joint Negotiating Committee") is the forum, not a claim that it negotiated.
        let triggers = sParties.some((p) => p.forum) ? sTriggers.filter((t) => !sParties.some((p) => p.forum && p.s <= t.s && t.e <= p.e)) : sTriggers;
        // Recognising unions for collective bargaining says who bargains, not that anything was bargained over.
        if (triggers.some((t) => t.entry.id === 'collective-bargaining') && RECOGNITION.test(slice)) triggers = triggers.filter((t) => t.entry.id !== 'collective-bargaining');
        if (triggers.length === 0) continue;
        const quotes = this.quotesOf(blockIndex, blockLower);
        const all = readSentence({ lower: slice, start: s, end: e, quotes, triggers, parties: sParties, isResponse: this.isResponse, rowParty: sParties.length === 0 ? rowParty : undefined });
        const reading = chooseReading(all);
        if (reading) (out ??= []).push({ sentence: whole.index, span: parts ? parts[part] : whole.span, block: whole.block, reading, all: all.length > 1 ? all.slice() : undefined, status: undefined });
      }
    }
    return out ?? NO_READINGS;
  }
  scan(partyMarks: PartyMark[], byBlock: SentenceReading[][]): Scan {
    let count = 0;
    for (const list of byBlock) count += list.length;
    const readings: SentenceReading[] = new Array(count);
    let k = 0;
    for (const list of byBlock) for (const r of list) readings[k++] = r;
    return {
      doc: this.doc,
      compact: this.compact,
      isResponse: this.isResponse,
      readings,
      forums: partyMarks.filter((p) => p.forum !== undefined),
      quotesOf: (block) => this.quotesOf(block),
      range: (span) => ({ s: span.start, e: span.end }),
    };
  }
}

/** Characters of text lower-cased at a time when the whole text is scanned (each stretch is young garbage). */
const CHUNK = 16384;
const NO_MARKS: Mark[] = [];
const NO_READINGS: SentenceReading[] = [];

/** The end of the last of `raw`, or -1. */
function lastEnd(_found: unknown, raw: Raw[]): number {
  return raw.length > 0 ? raw[raw.length - 1].e : -1;
}

/**
 * Where a block or sentence starts and ends, without reading its `span`, which makes a new object each time
 * (reading it for every block and sentence of a long document made an object each time, all of them kept to the
 * next full collection).
 */
export function startOf(x: { start: number }): number {
  return x.start;
}
export function endOf(x: { end: number }): number {
  return x.end;
}

/** A union named in a table row [bs, be) outside its cell [s, e), if any. */
function rowPartyOf(partyMarks: PartyMark[], bs: number, be: number, s: number, e: number): PartyMark | undefined {
  for (let k = firstAtOrAfter(partyMarks, bs); k < partyMarks.length && partyMarks[k].s < be; k++) {
    const p = partyMarks[k];
    if ((p.e <= s || p.s >= e) && !p.forum) return p;
  }
  return undefined;
}

/** The first block starting at or after `offset`. */
function firstBlockAtOrAfter(blocks: Doc['blocks'], offset: number): number {
  return firstAtLeastBy(blocks, offset, startOf);
}

/** The first of `marks` (in the order of their starts) starting at or after `offset`. */
export function firstAtOrAfter(marks: ArrayLike<{ s: number }>, offset: number): number {
  return firstAtLeastBy(marks, offset, (m) => m.s);
}

function scanWhole(doc: Doc, options: { role?: 'letter' | 'response'; extraPhrases?: ExtraPhraseInput[] }): ScanState {
  const compact = buildCompact(doc.masked);
  const reader = new Reader(doc, compact, isResponseDoc(doc, options.role), options);
  // Involvement words are looked for only in sentences that could hold a claim: those naming a union party
  // (or, in a response, every sentence, where "we" is the union), and those with a phrase that is its own party.
  const marks = reader.marks(0, compact.length);
  const partyMarks = dedupe([...marks.ci, ...marks.cs]);
  const byBlock = doc.blocks.map((b) => reader.readBlock(b.index, marks.selfParty, partyMarks));
  return { scan: reader.scan(partyMarks, byBlock), perChar: compact.perChar === true, ...marks, partyMarks, byBlock };
}

// ---------------------------------------------------------------------------------------------------------
// Scanning an edited document again.

/**
 * How many runs of non-blank characters around an edit are read again, at least, before matches found before the
 * edit are trusted. The document-wide patterns look a few words either side of what they match (a word before
 * "union", "and labour" after it, three words inside a ballot phrase), and twenty characters after it for
 * "members": far less than this.
 */
const REACH = 40;


/** A space, tab or line break: neither a letter nor ignored in lower-casing, so lower-casing never looks across it. */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Whether `text[from, to)` is white space only. */
function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** The start of the `words`-th run of non-blanks before `at` (or 0). */
function wordsBefore(text: string, at: number, words: number): number {
  let i = at;
  for (let n = 0; n < words && i > 0; n++) {
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
    while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
  }
  return i;
}

/** The end of the `words`-th run of non-blanks after `at` (or the text's length). */
function wordsAfter(text: string, at: number, words: number): number {
  let i = at;
  const n = text.length;
  for (let k = 0; k < words && i < n; k++) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
  }
  return i;
}

/** The match in `list` (sorted, not overlapping) that starts before `at` and ends after it. */
function straddling(list: Raw[], at: number): Raw | undefined {
  const k = firstAtOrAfter(list, at) - 1;
  return k >= 0 && list[k].e > at ? list[k] : undefined;
}

function moved<T extends Raw>(list: T[], d: number): T[] {
  return d === 0 ? list : list.map((m) => ({ ...m, s: m.s + d, e: m.e + d }));
}

/** The marks of `before` (in the old text) before `from`, `window` (in the new) before `to`, and `before` from `to` on, moved. */
function splice<T extends Raw>(before: T[], window: T[], from: number, to: number, d: number): T[] {
  const head = before.slice(0, firstAtOrAfter(before, from));
  const mid = window.slice(0, firstAtOrAfter(window, to));
  const tail = moved(before.slice(firstAtOrAfter(before, to - d)), d);
  return head.concat(mid, tail);
}

function movedReading(r: Reading, d: number): Reading {
  const at = (m: Mark) => ({ ...m, s: m.s + d, e: m.e + d });
  return { ...r, trigger: at(r.trigger) as TriggerMark, party: at(r.party) as PartyMark, clause: at(r.clause) };
}

function movedSentenceReading(r: SentenceReading, d: number, dSentence: number, dBlock: number): SentenceReading {
  const all = d === 0 || r.all === undefined ? r.all : r.all.map((x) => movedReading(x, d));
  const k = r.all === undefined ? -1 : r.all.indexOf(r.reading);
  const reading = k >= 0 ? all![k] : d === 0 ? r.reading : movedReading(r.reading, d);
  return { sentence: r.sentence + dSentence, span: { start: r.span.start + d, end: r.span.end + d }, block: r.block + dBlock, reading, all, status: undefined };
}

/**
 * Kept between scans of versions of one document: after an edit, the compact text is lower-cased again only
 * around the edit, the document-wide patterns are run again only from some words before it to where their
 * matches meet the old ones again, and only the blocks the edit touched (or whose marks changed) are read again;
 * the readings of other blocks are the old ones, moved. The scan is exactly what `scanDocument` gives.
 */
export class ScanMemo {
  private state: ScanState | undefined;
  private key = '';
  /** For a reading taken from the last scan: that reading, and how far it moved. */
  private origins = new Map<SentenceReading, { from: SentenceReading; d: number; after: boolean }>();

  scan(doc: Doc, options: { role?: 'letter' | 'response'; extraPhrases?: ExtraPhraseInput[] } = {}): Scan {
    const key = `${options.role ?? ''}\u0000${options.extraPhrases ? JSON.stringify(options.extraPhrases) : ''}`;
    const st = this.state;
    if (st && key === this.key && st.scan.doc === doc) return st.scan;
    this.origins = new Map();
    const next = (st && key === this.key ? this.rescan(st, doc, options) : undefined) ?? scanWhole(doc, options);
    this.state = next;
    this.key = key;
    return next.scan;
  }

  /** Where a reading of the latest scan came from in the one before, if it was taken from it. */
  origin(r: SentenceReading): { from: SentenceReading; d: number; after: boolean } | undefined {
    return this.origins.get(r);
  }

  private rescan(st: ScanState, doc: Doc, options: { role?: 'letter' | 'response'; extraPhrases?: ExtraPhraseInput[] }): ScanState | undefined {
    const before = st.scan.doc;
    if (st.perChar || before.blocks.length === 0 || doc.blocks.length === 0) return undefined;
    const isResponse = isResponseDoc(doc, options.role);
    if (isResponse !== st.scan.isResponse) return undefined;
    const delta = DocDelta.between(before, doc);
    const masked = doc.masked;
    const n = masked.length;
    const d = delta.shift;
    // Lower-case again from a space before the edit to a space after it: lower-casing depends on the letters
    // around (a final sigma), never across a space.
    let a = delta.prefix;
    while (a > 0 && !isAsciiSpace(masked.charCodeAt(a - 1))) a--;
    let b = n - delta.suffix;
    while (b < n && !isAsciiSpace(masked.charCodeAt(b))) b++;
    let compact: Compact;
    if (lowerCasesByCodePoint(masked)) compact = buildCompact(masked);
    else {
      // Lower-cased whole (see `buildCompact`): only around the edit, when the last version was too.
      const oldLower = st.scan.compact.whole;
      if (oldLower === undefined) return undefined;
      const mid = lowerWhole(masked.slice(a, b));
      if (mid.perChar) return undefined;
      // One flat string (a string added up from pieces is slow to read character by character).
      compact = wholeCompact(masked, [oldLower.slice(0, a), mid.lower, oldLower.slice(b - d)].join(''), false);
    }
    const reader = new Reader(doc, compact, isResponse, options);
    const oldRaw = [st.selfRaw, st.ciRaw, st.csRaw];
    // Where to start matching again: words enough before the edit for no match ending there to have looked at it,
    // and inside no match.
    let from = wordsBefore(masked, a, REACH);
    for (let moving = true; moving; ) {
      moving = false;
      for (const list of oldRaw) {
        const m = straddling(list, from);
        if (m) {
          from = m.s;
          moving = true;
        }
      }
    }
    // Where the matches meet the old ones again: words enough after the edit, inside no match, old or new.
    let to = wordsAfter(masked, b, REACH);
    let ctxTo = wordsAfter(masked, to, 4 * REACH);
    const ctxFrom = wordsBefore(masked, from, REACH);
    for (;;) {
      const win = reader.marks(from, Infinity, ctxFrom, ctxTo);
      const newRaw = [win.selfRaw, win.ciRaw, win.csRaw];
      let y = to;
      for (let moving = true; moving; ) {
        moving = false;
        for (const list of newRaw) {
          const m = straddling(list, y);
          if (m) {
            y = m.e;
            moving = true;
          }
        }
        for (const list of oldRaw) {
          const m = straddling(list, y - d);
          if (m) {
            y = m.e + d;
            moving = true;
          }
        }
      }
      if (wordsAfter(masked, y, REACH) > ctxTo && ctxTo < n) {
        // The matches met again too near the end of the text read: read further.
        to = y;
        ctxTo = wordsAfter(masked, ctxTo, 8 * REACH);
        continue;
      }
      const selfRaw = splice(st.selfRaw, win.selfRaw, from, y, d);
      const ciRaw = splice(st.ciRaw, win.ciRaw, from, y, d);
      const csRaw = splice(st.csRaw, win.csRaw, from, y, d);
      const selfParty = splice(st.selfParty, win.selfParty, from, y, d);
      const ci = splice(st.ci, win.ci, from, y, d);
      const cs = splice(st.cs, win.cs, from, y, d);
      const winParties = dedupe([...win.ci.slice(0, firstAtOrAfter(win.ci, y)), ...win.cs.slice(0, firstAtOrAfter(win.cs, y))]);
      const partyMarks = splice(st.partyMarks, winParties, from, y, d);
      const blocks = doc.blocks;
      const byBlock: SentenceReading[][] = new Array(blocks.length);
      // The blocks with text in [from, y) are read again, and those the edit changed; the others keep their readings.
      let w0 = firstBlockAtOrAfter(blocks, from);
      if (w0 > 0 && endOf(blocks[w0 - 1]) > from) w0--;
      const w1 = firstBlockAtOrAfter(blocks, y);
      for (let i = 0; i < blocks.length; i++) {
        const j = i < w0 || i >= w1 ? delta.oldIndex(i) : -1;
        if (j < 0) {
          byBlock[i] = reader.readBlock(i, selfParty, partyMarks);
          continue;
        }
        const old = st.byBlock[j];
        if (old.length === 0) {
          byBlock[i] = old;
          continue;
        }
        const blk = blocks[i];
        const bd = delta.shiftOf(i);
        // After the edit, lines and columns may have moved even where characters did not.
        const after = endOf(blk) >= delta.prefix;
        // How far its sentences' indexes moved (not a number when it had none before).
        const was = before.blocks[j];
        const dS = blk.sentenceCount === 0 ? 0 : was.sentenceCount === 0 ? NaN : blk.firstSentence - was.firstSentence;
        if (bd === 0 && dS === 0 && i === j) {
          byBlock[i] = old;
          for (const r of old) this.origins.set(r, { from: r, d: 0, after });
        } else {
          byBlock[i] = old.map((r) => {
            const moved = movedSentenceReading(r, bd, dS, i - j);
            this.origins.set(moved, { from: r, d: bd, after });
            return moved;
          });
        }
      }
      return { scan: reader.scan(partyMarks, byBlock), perChar: false, selfRaw, ciRaw, csRaw, selfParty, ci, cs, partyMarks, byBlock };
    }
  }
}
