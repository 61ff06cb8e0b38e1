/**
 * One pass over a whole document: the compact text, every union party and involvement word in it (each pattern
 * run once over the document, not once per sentence), then a reading of each sentence that has both.
 */
import type { Doc } from '../document/model';
import type { Rung } from '../contract';
import { buildCompact, spaced, type Compact } from './compact';
import { literalPattern, MEMBER_WORDS, PARTIES, RESPONSE_SELF, TRIGGERS, type TriggerEntry } from './lexicon';
import { chooseReading, quoteRegions, readSentence, type Mark, type PartyMark, type Reading, type TriggerMark } from './sentence';

const TRIGGER_RE = new RegExp(TRIGGERS.map((t) => `\\b(${spaced(t.pattern)})\\b`).join('|'), 'g');
const SELF_PARTY_RE = new RegExp(`\\b(?:${TRIGGERS.filter((t) => t.selfParty).map((t) => spaced(t.pattern)).join('|')})\\b`, 'g');
const PARTY_CI_ENTRIES = PARTIES.filter((p) => !p.caseSensitive);
const PARTY_CS_ENTRIES = PARTIES.filter((p) => p.caseSensitive);
const PARTY_CI_RE = new RegExp(PARTY_CI_ENTRIES.map((p) => `\\b(${spaced(p.pattern)})\\b`).join('|'), 'g');
const PARTY_CS_RE = new RegExp(PARTY_CS_ENTRIES.map((p) => `\\b(${spaced(p.pattern)})\\b`).join('|'), 'g');

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
  /** Every reading of the sentence (for evidence of other rungs). */
  all: Reading[];
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

function collect<T extends { s: number; e: number }>(re: RegExp, text: string, make: (m: RegExpExecArray, group: number) => T | undefined): T[] {
  const out: T[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    let g = 1;
    while (g < m.length && m[g] === undefined) g++;
    const v = make(m, g - 1);
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
const UNION_AUTHOR = /\b(?:napo|unison|gmb|unite|pcs|rcn|rcm|bma|ucu|neu|nasuwt|naht|eis|poa|fda|prospect|cwu|rmt|aslef|tssa|usdaw|nipsa|fbu|staff side|trade union side|joint unions|trade unions)\b(?!\s+members)(?=[^.]*\b(?:branch|group|executive|committee|side|region|response|reply|secretary|convenor|officers?|reps|representatives)\b)/i;

const LONGEST = 1500;

/**
 * A sentence, or for a run-on "sentence" longer than any real one (a pasted table, a list without stops), stretches
 * of it cut after a comma, semicolon or space, so that reading stays linear whatever the input.
 */
function stretches(lower: string, span: { start: number; end: number }): Array<{ start: number; end: number }> {
  if (span.end - span.start <= LONGEST) return [span];
  const out: Array<{ start: number; end: number }> = [];
  let start = span.start;
  while (span.end - start > LONGEST) {
    let cut = start + 500;
    const limit = start + 800;
    while (cut < limit && !(lower[cut] === ';' || lower[cut] === ',')) cut++;
    if (cut >= limit) {
      cut = start + 500;
      while (cut < limit && !/\s/.test(lower[cut])) cut++;
    }
    cut++;
    let end = cut;
    while (end > start && /\s/.test(lower[end - 1])) end--;
    out.push({ start, end });
    start = cut;
    while (start < span.end && /\s/.test(lower[start])) start++;
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
  const compact = buildCompact(doc.masked);
  const isResponse = isResponseDoc(doc, options.role);
  const extra = extraRegex(options.extraPhrases);
  // Involvement words are looked for only in sentences that could hold a claim: those naming a union party
  // (or, in a response, every sentence, where "we" is the union), and those with a phrase that is its own party.
  const selfParty = collect<Mark>(SELF_PARTY_RE, compact.lower, (m) => ({ s: m.index, e: m.index + m[0].length }));
  const triggersIn = (s: number, e: number): TriggerMark[] => {
    const slice = compact.lower.slice(s, e);
    const found = collect<TriggerMark>(TRIGGER_RE, slice, (m, g) => ({ s: s + m.index, e: s + m.index + m[0].length, entry: TRIGGERS[g] }));
    if (extra) found.push(...collect<TriggerMark>(extra.re, slice, (m, g) => ({ s: s + m.index, e: s + m.index + m[0].length, entry: extra.entries[g] })));
    return extra ? dedupe(found) : found;
  };
  const memberAfter = (e: number) => {
    const rest = compact.lower.slice(e, e + 20);
    const m = /^\s+([a-z]+)/.exec(rest);
    return m !== null && MEMBER_WORDS.has(m[1]);
  };
  const parties = [
    ...collect<PartyMark>(PARTY_CI_RE, compact.lower, (m, g) => (memberAfter(m.index + m[0].length) ? undefined : { s: m.index, e: m.index + m[0].length, forum: PARTY_CI_ENTRIES[g].forum })),
    ...collect<PartyMark>(PARTY_CS_RE, compact.cased, (m, g) =>
      memberAfter(m.index + m[0].length) ? undefined : { s: m.index, e: m.index + m[0].length, forum: PARTY_CS_ENTRIES[g].forum, ...(PARTY_CS_ENTRIES[g].forum ? {} : { name: m[0] }) },
    ),
  ];
  const partyMarks = dedupe(parties);
  const range = (span: { start: number; end: number }) => ({ s: span.start, e: span.end });
  const quoteCache = new Map<number, Mark[]>();
  const quotesOf = (block: number) => {
    let q = quoteCache.get(block);
    if (!q) {
      const r = range(doc.blocks[block].span);
      q = quoteRegions(compact.lower, r.s, r.e);
      quoteCache.set(block, q);
    }
    return q;
  };
  const readings: SentenceReading[] = [];
  let si = 0;
  let pi = 0;
  for (const whole of doc.sentences) {
   for (const span of stretches(compact.lower, whole.span)) {
    const sentence = { index: whole.index, block: whole.block, span };
    const { s, e } = range(span);
    while (si < selfParty.length && selfParty[si].s < s) si++;
    while (pi < partyMarks.length && partyMarks[pi].s < s) pi++;
    const hasParty = pi < partyMarks.length && partyMarks[pi].s < e;
    const hasSelf = si < selfParty.length && selfParty[si].s < e;
    if (!hasParty && !hasSelf && !extra && !isResponse) continue;
    const block = doc.blocks[sentence.block];
    if (block.kind === 'heading' || block.headerRow) continue;
    // A bold or italic label opening a paragraph ("**Involvement of the trade unions.**") is a heading, not a claim.
    if (block.leadIn && sentence.span.start >= block.leadIn.start && sentence.span.end <= block.leadIn.end + 1) continue;
    const sTriggers = triggersIn(s, e);
    if (sTriggers.length === 0) continue;
    const sParties: PartyMark[] = [];
    for (let k = pi; k < partyMarks.length && partyMarks[k].s < e; k++) if (partyMarks[k].e <= e) sParties.push(partyMarks[k]);
    if (isResponse) {
      const slice = compact.lower.slice(s, e);
      RESPONSE_SELF.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = RESPONSE_SELF.exec(slice)) !== null) {
        const at = s + m.index;
        if (memberAfter(at + m[0].length)) continue;
        if (!sParties.some((p) => p.s <= at && at < p.e)) sParties.push({ s: at, e: at + m[0].length, self: true });
      }
      sParties.sort((a, b) => a.s - b.s);
    }
    if (sParties.length === 0 && !sTriggers.some((t) => t.entry.selfParty)) continue;
    const all = readSentence({ lower: compact.lower, start: s, end: e, quotes: quotesOf(sentence.block), triggers: sTriggers, parties: sParties, isResponse });
    const reading = chooseReading(all);
    if (reading) readings.push({ sentence: sentence.index, span, block: sentence.block, reading, all });
   }
  }
  return { doc, compact, isResponse, readings, forums: partyMarks.filter((p) => p.forum !== undefined), quotesOf, range };
}
