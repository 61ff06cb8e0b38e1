/**
 * Finds the aims an employer's letter states.
 *
 * An aim is recognised from the letter's structure first, then its prose:
 * - rows of a table of aims (header row skipped), the position covering the row's cells;
 * - items of a numbered or bulleted list that an introducing sentence ("The review has the following aims:"),
 *   an aims heading ("Proposals") or the items' own wording (they open with a verb: "Close …", "to move …")
 *   marks as aims; the position is the item's first paragraph;
 * - paragraphs opening with a lead-in ("**Release workforce capacity** – streamline …", "Rostering: move …",
 *   "Centralised listing - move …"), the position covering the whole paragraph;
 * - a heading per aim ("## Proposal one: a single Student Hub", "## 2. Centralised cover"), the position
 *   running from the heading's words to the end of the first paragraph after it, which states the aim;
 *   further paragraphs of the section are detail and are not part of the aim;
 * - sentences of prose that state an intention ("We intend to …", "The review will …", "Our proposal is to …"),
 *   the position running from that sentence to the end of its paragraph, or to the next such sentence.
 * Greetings, header lines, sign-offs, contact details, lists introduced as something else (attendees,
 * documents, unions), sections headed Background, Next steps or Consultation, past-tense narration and
 * sentences about the letter's own process ("We will write again", "consultation will begin") are not aims.
 */
import type { Aim, AimFormat } from '../contract';
import type { Block, Doc } from '../document/model';
import type { Span } from '../text/positions';
import { located } from '../document/located';
import { plain } from '../document/parse';
import { tokenize } from '../align/text';
import { blockRoles, type BlockRole } from './roles';
import {
  ADDITIVE_OPENING,
  PROCESS_ISSUE_OBJECT,
  AIM_SECTION,
  AIM_SECTION_EXCLUDED,
  AIM_VERBS,
  HEADING_NUMBER_PREFIX,
  HEDGE_OPENING,
  INTRO_AIM_NOUNS,
  INTRO_OTHER_NOUNS,
  INTRO_SHAPE,
  INTRO_WE_WILL,
  METADATA_TITLES,
  NON_AIM_SECTION,
  NUMBERED_AIM_HEADING,
  PROCESS_PARTICIPLES,
  PROCESS_VERBS,
  PROCESS_WORDS,
  PROSE_TRIGGERS,
} from './patterns';

/** An aim with what the engine needs beyond the contract: its span and the blocks that state it. */
export interface LetterAim extends Aim {
  span: Span;
  blocks: number[];
}

interface Found {
  span: Span;
  blocks: number[];
  title: string;
  format: AimFormat;
}

type Signal = 'aims' | 'other' | 'neutral' | 'none';
type SectionKind = 'aims' | 'other' | 'aim-heading' | 'neutral' | 'none';

const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|do|does|did|am)\b/i;
const LETTER_PURPOSE = /^(?:(?:i|we) (?:am|are) writing\b|i write\b|we write\b|(?:this|the purpose of this) letter\b|further to\b|following (?:our|the|your) (?:meeting|discussion|conversation)\b|as (?:you know|promised|discussed)\b)/i;

class Letter {
  readonly roles: BlockRole[];
  readonly claimed: Uint8Array;
  private readonly sectionMemo = new Map<number, SectionKind>();
  constructor(readonly doc: Doc) {
    this.roles = blockRoles(doc);
    this.claimed = new Uint8Array(doc.blocks.length);
  }
  get blocks(): Block[] {
    return this.doc.blocks;
  }
  /** A block of the letter proper: not furniture, not quoted from elsewhere. */
  eligible(b: Block): boolean {
    return this.roles[b.index] === 'body' && b.quoteDepth === 0;
  }
  plain(span: Span): string {
    return plain(this.doc.source, this.doc.masked, span);
  }
  /** What the block just before `index` says about what follows it. */
  introBefore(index: number): Signal {
    const prev = this.blocks[index - 1];
    if (!prev || prev.kind !== 'paragraph' || prev.list || prev.quoteDepth > 0) return 'none';
    if (this.roles[prev.index] !== 'body') return 'none';
    return classifyIntro(lastSentence(this.doc, prev));
  }
  /** The kind of the section a block sits in, from its heading (and, if that says nothing, the heading above). */
  sectionKind(headingIndex: number): SectionKind {
    if (headingIndex < 0) return 'none';
    const memo = this.sectionMemo.get(headingIndex);
    if (memo) return memo;
    const h = this.blocks[headingIndex];
    let kind: SectionKind;
    if (this.roles[headingIndex] === 'title') kind = 'none';
    else if (NON_AIM_SECTION.test(h.text)) kind = 'other';
    else if (NUMBERED_AIM_HEADING.test(h.text)) kind = 'aim-heading';
    else if (AIM_SECTION.test(h.text) && !AIM_SECTION_EXCLUDED.test(h.text)) kind = 'aims';
    else {
      const parent = this.parentHeading(headingIndex);
      const up = parent >= 0 ? this.sectionKind(parent) : 'none';
      kind = up === 'aims' || up === 'other' ? up : 'neutral';
    }
    this.sectionMemo.set(headingIndex, kind);
    return kind;
  }
  /** The nearest heading before `headingIndex` with a smaller depth, or -1. */
  parentHeading(headingIndex: number): number {
    const depth = this.blocks[headingIndex].depth ?? 1;
    for (let j = headingIndex - 1; j >= 0; j--) {
      const b = this.blocks[j];
      if (b.kind === 'heading' && (b.depth ?? 1) < depth) return j;
      if (headingIndex - j > 400) break;
    }
    return -1;
  }
}

/** Finds the aims a letter states, in document order, with ids "aim-1", "aim-2", … */
export function extractAims(doc: Doc): LetterAim[] {
  if (doc.blocks.length === 0) return [];
  const letter = new Letter(doc);
  const found: Found[] = [];
  findTableAims(letter, found);
  findListAims(letter, found);
  findLeadInAims(letter, found);
  findHeadingAims(letter, found);
  findProseAims(letter, found);
  found.sort((a, b) => a.span.start - b.span.start);
  return found.map((f, i) => {
    const at = located(doc, f.span);
    return { id: `aim-${i + 1}`, title: f.title, format: f.format, text: at.text, position: at.position, span: f.span, blocks: f.blocks };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Introducing sentences and the shape of aim text.

function lastSentence(doc: Doc, b: Block): string {
  const si = b.sentences[b.sentences.length - 1];
  return si === undefined ? b.text : doc.sentences[si].text;
}

/** Classifies a sentence that may introduce a list: of aims, of something else, or not an introduction. */
export function classifyIntro(sentence: string): Signal {
  const s = sentence.trim();
  if (INTRO_WE_WILL.test(s)) return 'aims';
  if (!INTRO_SHAPE.test(s)) return 'none';
  let head: string;
  const following = /\bthe following\s+((?:\S+\s+){0,2}\S+)/i.exec(s);
  if (following) head = following[1];
  else {
    const body = s.replace(/[:.\s]+$/, '');
    const ws = body.split(/\s+/);
    head = ws.slice(-7).join(' ');
  }
  if (INTRO_OTHER_NOUNS.test(head)) return 'other';
  if (INTRO_AIM_NOUNS.test(s)) return 'aims';
  return 'neutral';
}

function firstWords(text: string, n: number): string[] {
  return tokenize(text, 0, text.length, n).map((t) => t.word);
}

/** The number of words in a text, counting no further than `atMost`. */
function wordCount(text: string, atMost = Infinity): number {
  return tokenize(text, 0, text.length, atMost).length;
}

/** Text that reads as an action: it opens with a verb ("Introduce …", "to move …") or says what will happen. */
export function actionLike(text: string): boolean {
  const ws = firstWords(text, 3);
  const k = ws[0] === 'to' ? 1 : 0;
  if (ws[k] && AIM_VERBS.has(ws[k])) return true;
  if (/\b(?:will|would|shall)\s+(?:be\s+)?[a-z]+/i.test(text)) return true;
  if (/\b(?:we|the \w+) (?:propose|intend|plan|aim|want)s?\b/i.test(text)) return true;
  return false;
}

/** Text that states something to be done: a future, modal or proposal verb, or an action. */
function statementLike(text: string): boolean {
  return /\b(?:will|would|shall|propose[sd]?|proposing|intends?|intended|plans? to|planning to|aims? to|are to|is to|should|must|to be)\b/i.test(text) || actionLike(text);
}

/** A short title from an aim's words: the opening clause, up to eight words, capitalised. */
export function titleFrom(text: string): string {
  let t = text.replace(/\s+/g, ' ').trim();
  t = t.replace(/^(?:[-–—•*]\s*)?/, '');
  t = t.replace(/^(?:to|we (?:will|would|shall|intend to|propose to|plan to|aim to|want to|also intend to|also plan to|also propose to)|our (?:proposal|intention|plan|aim|objective) is to|the (?:aim|objective|intention|proposal|plan) is to)\s+/i, '');
  const cut = t.search(/[,;:(–—]|\s-\s|\.(?:\s|$)/);
  let clause = cut > 0 ? t.slice(0, cut) : t;
  const ws = clause.split(' ');
  let shortened = cut > 0 && cut < t.length - 1;
  if (ws.length > 8) {
    clause = ws.slice(0, 8).join(' ');
    shortened = true;
  }
  clause = clause.replace(/[\s.,;:]+$/, '');
  if (clause.length === 0) clause = t.slice(0, 60);
  const titled = clause.charAt(0).toUpperCase() + clause.slice(1);
  return shortened ? `${titled}…` : titled;
}

function cleanTitle(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\s:.–—-]+$/, '')
    .replace(/^[\s:.–—-]+/, '')
    .trim();
}

/** The span of the words in `span`: leading and trailing blanks (and blanked markup) left out. */
function trimSpan(doc: Doc, span: Span): Span {
  let { start, end } = span;
  const m = doc.masked;
  while (start < end && isBlank(m.charCodeAt(start))) start++;
  while (end > start && isBlank(m.charCodeAt(end - 1))) end--;
  // Keep emphasis markers that close around the words, so the text reads as written.
  const src = doc.source;
  while (end < span.end && (src[end] === '*' || src[end] === '_')) end++;
  while (start > span.start && (src[start - 1] === '*' || src[start - 1] === '_')) start--;
  return { start, end };
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

// ---------------------------------------------------------------------------------------------------------
// Lead-ins.

class LeadIn {
  constructor(
    readonly title: string,
    readonly style: 'bold' | 'plain',
    private readonly doc: Doc,
    private readonly bodySpan: Span,
  ) {}
  /** Words of the paragraph after the lead-in (worked out when asked for). */
  get body(): string {
    return plain(this.doc.source, this.doc.masked, this.bodySpan);
  }
}

/** True when the span holds at least `n` words. */
function hasWords(m: string, span: Span, n: number): boolean {
  let count = 0;
  let inWord = false;
  for (let i = span.start; i < span.end; i++) {
    const c = m.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf;
    if (word && !inWord && ++count >= n) return true;
    inWord = word;
  }
  return false;
}

/**
 * The lead-in a paragraph opens with: bold or italic ("**Caseloads:** introduce …", "**Consolidate court
 * hubs** – bring …"), or plain, before a dash or colon ("Rostering: move …", "Centralised listing - move …").
 */
export function leadInOf(doc: Doc, b: Block): LeadIn | undefined {
  if (b.kind !== 'paragraph') return undefined;
  const m = doc.masked;
  let title: string;
  let bodyStart: number;
  let style: LeadIn['style'];
  if (b.leadIn && b.leadIn.start === b.span.start && b.leadIn.end < b.span.end) {
    const raw = plain(doc.source, m, b.leadIn).trim();
    let rest = b.leadIn.end;
    while (rest < b.span.end && isBlank(m.charCodeAt(rest))) rest++;
    const sepInside = /[:.–—-]$/.test(raw);
    const sepAfter = /[:–—.-]/.test(m[rest] ?? '');
    if (!sepInside && !sepAfter) return undefined;
    if (sepAfter) rest++;
    title = cleanTitle(raw);
    bodyStart = rest;
    style = 'bold';
  } else {
    // Plain lead-in: a short phrase, then " – ", " - " or ": ", before any full stop or line end.
    let i = b.span.start;
    while (i < b.span.end && isBlank(m.charCodeAt(i))) i++;
    const from = i;
    const limit = Math.min(b.span.end, from + 90);
    let sep = -1;
    let sepLen = 0;
    for (; i < limit; i++) {
      const c = m[i];
      if (c === '.' || c === '?' || c === '!' || c === '\n' || c === '\r' || c === ';') break;
      if (c === ':' && isBlank(m.charCodeAt(i + 1))) {
        sep = i;
        sepLen = 1;
        break;
      }
      if ((c === '–' || c === '—' || c === '-') && i > from && isBlank(m.charCodeAt(i - 1)) && isBlank(m.charCodeAt(i + 1))) {
        sep = i;
        sepLen = 1;
        break;
      }
    }
    if (sep < 0) return undefined;
    title = cleanTitle(plain(doc.source, m, { start: from, end: sep }));
    bodyStart = sep + sepLen;
    style = 'plain';
    const first = title.charAt(0);
    if (!(first >= 'A' && first <= 'Z') && !(first >= '0' && first <= '9')) return undefined;
  }
  const bodySpan = { start: bodyStart, end: b.span.end };
  const titleWords = wordCount(title, 13);
  if (titleWords < 1 || titleWords > 12 || !hasWords(m, bodySpan, 3)) return undefined;
  const firstWord = firstWords(title, 1)[0] ?? '';
  if (METADATA_TITLES.has(firstWord) && titleWords <= 3) return undefined;
  if (/^(?:please|note|nb|ps|update|re)\b/i.test(title)) return undefined;
  if (NON_AIM_SECTION.test(title)) return undefined;
  if (FINITE_VERB.test(title)) return undefined;
  if (title.endsWith(',')) return undefined;
  return new LeadIn(title, style, doc, bodySpan);
}

// ---------------------------------------------------------------------------------------------------------
// Finders.

function findTableAims(letter: Letter, found: Found[]): void {
  const blocks = letter.blocks;
  const doc = letter.doc;
  for (let i = 0; i < blocks.length; i++) {
    const header = blocks[i];
    if (header.kind !== 'tableRow' || !header.headerRow || header.quoteDepth > 0) continue;
    const rows: Block[] = [];
    let j = i + 1;
    while (j < blocks.length && blocks[j].kind === 'tableRow' && !blocks[j].headerRow) rows.push(blocks[j++]);
    const headCells = (header.cells ?? []).map((c) => letter.plain(c).trim());
    const firstHead = headCells[0] ?? '';
    const aimsHeader = headCells.some((c) => /\b(?:aims?|objectives?|proposals?|proposed changes?|changes?|measures?|priorit(?:y|ies)|actions?|workstreams?|commitments?|recommendations?|initiatives?|what we will do|what will change|goals?|deliverables?)\b/i.test(c));
    const otherHeader = /^(?:dates?|when|names?|forum|meetings?|attendees?|documents?|papers?|ref(?:erence)?|contacts?|roles?|grades?|bands?|sites?|locations?|venues?|costs?|budgets?|unions?|members?|posts?|jobs?|teams?|offices?|schools?|wards?)\b/i.test(firstHead);
    const intro = letter.introBefore(i);
    const section = letter.sectionKind(header.headingIndex);
    const firstCells = rows.map((r) => (r.cells && r.cells[0] ? letter.plain(r.cells[0]) : r.text));
    const actions = firstCells.filter(actionLike).length;
    const accept =
      !otherHeader &&
      intro !== 'other' &&
      section !== 'other' &&
      (aimsHeader || intro === 'aims' || section === 'aims' || (rows.length >= 2 && actions / rows.length >= 0.6));
    i = j - 1;
    if (!accept) continue;
    for (const r of rows) {
      if (!letter.eligible(r) || !r.cells || r.cells.length === 0) continue;
      const first = letter.plain(r.cells[0]).trim();
      if (first.length === 0 || wordCount(r.text, 2) < 2) continue;
      let last = r.cells.length - 1;
      while (last > 0 && letter.plain(r.cells[last]).trim().length === 0) last--;
      const span = trimSpan(doc, { start: r.cells[0].start, end: r.cells[last].end });
      const trimmed = trimPipes(doc, span);
      letter.claimed[r.index] = 1;
      found.push({ span: trimmed, blocks: [r.index], title: titleFrom(first), format: 'table row' });
    }
  }
}

/** Table cells' spans include the pipes; the aim starts and ends at words. */
function trimPipes(doc: Doc, span: Span): Span {
  let { start, end } = span;
  const s = doc.source;
  while (start < end && (s[start] === '|' || isBlank(s.charCodeAt(start)))) start++;
  while (end > start && (s[end - 1] === '|' || isBlank(s.charCodeAt(end - 1)))) end--;
  return { start, end };
}

function findListAims(letter: Letter, found: Found[]): void {
  const blocks = letter.blocks;
  const doc = letter.doc;
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i];
    if (!(b.list && b.firstInItem && b.list.depth === 1 && b.list.itemIndex === 0 && b.quoteDepth === 0)) {
      i++;
      continue;
    }
    const items: Block[] = [b];
    let j = i + 1;
    let expect = 1;
    while (j < blocks.length && blocks[j].list && blocks[j].quoteDepth === 0) {
      const l = blocks[j].list!;
      if (l.depth === 1 && blocks[j].firstInItem) {
        if (l.itemIndex !== expect) break;
        items.push(blocks[j]);
        expect++;
      }
      j++;
    }
    const start = i;
    i = j;
    const intro = letter.introBefore(start);
    const section = letter.sectionKind(b.headingIndex);
    if (intro === 'other') continue;
    const texts = items.map((it) => {
      const lead = leadInOf(doc, it);
      return { it, lead, body: lead ? lead.body : it.text };
    });
    let accept: boolean;
    if (intro === 'aims' || section === 'aims') accept = true;
    else if (section === 'other' || section === 'aim-heading') accept = false;
    else {
      const actions = texts.filter((t) => actionLike(t.body)).length;
      const bar = intro === 'neutral' ? 0.5 : 0.6;
      accept = items.length >= 2 && actions / items.length >= bar;
    }
    if (!accept) continue;
    for (const { it, lead, body } of texts) {
      if (!letter.eligible(it) || wordCount(it.text, 3) < 3) continue;
      if (!lead && !actionLike(body) && !statementLike(body) && wordCount(it.text, 5) < 5) continue;
      letter.claimed[it.index] = 1;
      found.push({
        span: trimSpan(doc, it.span),
        blocks: [it.index],
        title: lead ? lead.title : titleFrom(it.text),
        format: lead ? 'lead-in' : 'list item',
      });
    }
  }
}

function findLeadInAims(letter: Letter, found: Found[]): void {
  const blocks = letter.blocks;
  const doc = letter.doc;
  type Run = { items: Array<{ b: Block; lead: LeadIn }>; style: LeadIn['style'] };
  const runs: Run[] = [];
  let run: Run | undefined;
  let lastIndex = -10;
  for (const b of blocks) {
    if (b.kind === 'heading') {
      run = undefined;
      continue;
    }
    if (b.kind !== 'paragraph' || b.list || !letter.eligible(b) || letter.claimed[b.index]) continue;
    const lead = leadInOf(doc, b);
    if (!lead) continue;
    const near = run && b.index - lastIndex <= 3 && b.headingIndex === run.items[0].b.headingIndex && run.style === lead.style;
    if (!near) {
      run = { items: [], style: lead.style };
      runs.push(run);
    }
    run!.items.push({ b, lead });
    lastIndex = b.index;
  }
  for (const r of runs) {
    const first = r.items[0].b;
    const intro = letter.introBefore(first.index);
    const section = letter.sectionKind(first.headingIndex);
    if (intro === 'other' || section === 'other') continue;
    const actions = r.items.filter((x) => actionLike(x.lead.title) || actionLike(x.lead.body)).length;
    const accept =
      intro === 'aims' ||
      section === 'aims' ||
      (r.items.length >= 2 && (actions / r.items.length >= 0.5 || r.items.length >= 3));
    if (!accept) continue;
    for (const { b, lead } of r.items) {
      letter.claimed[b.index] = 1;
      found.push({ span: trimSpan(doc, b.span), blocks: [b.index], title: lead.title, format: 'lead-in' });
    }
  }
}

function findHeadingAims(letter: Letter, found: Found[]): void {
  const blocks = letter.blocks;
  const doc = letter.doc;
  // Sections that already hold aims (lists, lead-ins, tables) are aims sections, not aims.
  const sectionHasAims = new Set<number>();
  for (let i = 0; i < blocks.length; i++) if (letter.claimed[i]) sectionHasAims.add(blocks[i].headingIndex);
  interface Cand {
    h: Block;
    next: Block;
    numbered: boolean;
    group: string;
  }
  const cands: Cand[] = [];
  const groupSizes = new Map<string, number>();
  for (let i = 0; i < blocks.length; i++) {
    const h = blocks[i];
    if (h.kind !== 'heading' || h.quoteDepth > 0 || letter.roles[i] === 'title') continue;
    const next = blocks[i + 1];
    if (!next || next.kind !== 'paragraph' || next.headingIndex !== i || next.list || !letter.eligible(next)) continue;
    if (sectionHasAims.has(i) || letter.claimed[next.index]) continue;
    if (NON_AIM_SECTION.test(h.text) || (AIM_SECTION.test(h.text) && !NUMBERED_AIM_HEADING.test(h.text) && /^(?:our |the |key |main )?(?:aims?|objectives?|proposals?|priorities)\s*$/i.test(h.text))) continue;
    if (!statementLike(next.text) || LETTER_PURPOSE.test(next.text)) continue;
    const parent = letter.parentHeading(i);
    const group = `${parent}:${h.depth ?? 1}`;
    cands.push({ h, next, numbered: NUMBERED_AIM_HEADING.test(h.text), group });
    groupSizes.set(group, (groupSizes.get(group) ?? 0) + 1);
  }
  for (const c of cands) {
    const parent = letter.parentHeading(c.h.index);
    const parentKind = parent >= 0 ? letter.sectionKind(parent) : 'none';
    if (parentKind === 'other') continue;
    const accept = c.numbered || parentKind === 'aims' || letter.introBefore(c.h.index) === 'aims' || (groupSizes.get(c.group) ?? 0) >= 2;
    if (!accept) continue;
    let start = c.h.span.start;
    while (start < c.h.span.end && isBlank(doc.masked.charCodeAt(start))) start++;
    const span = { start, end: trimSpan(doc, c.next.span).end };
    const headingText = cleanTitle(c.h.text.replace(HEADING_NUMBER_PREFIX, ''));
    const title = headingText.length > 0 ? headingText.charAt(0).toUpperCase() + headingText.slice(1) : titleFrom(c.next.text);
    letter.claimed[c.h.index] = 1;
    letter.claimed[c.next.index] = 1;
    found.push({ span, blocks: [c.h.index, c.next.index], title, format: 'heading' });
  }
}

function findProseAims(letter: Letter, found: Found[]): void {
  const blocks = letter.blocks;
  const doc = letter.doc;
  const structured = found.length > 0;
  let firstStructured = Infinity;
  for (const f of found) firstStructured = Math.min(firstStructured, f.blocks[0]);
  for (const b of blocks) {
    if (b.kind !== 'paragraph' || b.list || !letter.eligible(b) || letter.claimed[b.index]) continue;
    const section = letter.sectionKind(b.headingIndex);
    if (section === 'other') continue;
    if (classifyIntro(lastSentence(doc, b)) !== 'none') continue;
    // Before a letter's structured aims comes its context: a prose intention there is the programme as a whole.
    if (structured && b.index < firstStructured) continue;
    let current: { start: number; end: number; title: string } | undefined;
    const flush = () => {
      if (!current) return;
      found.push({ span: trimSpan(doc, { start: current.start, end: current.end }), blocks: [b.index], title: current.title, format: 'prose' });
      current = undefined;
    };
    for (const si of b.sentences) {
      const s = doc.sentences[si];
      // After structured aims, only outright intentions count, unless an additive opening ("In addition, the
      // company will …") marks the sentence as one more item in the run of aims.
      const verdict = proseAimSentence(s.text, structured && section !== 'aims' && !ADDITIVE_OPENING.test(s.text.trim()));
      if (verdict === 'weak-aim' && current) {
        // "Staff in those offices would be offered …" after "Our proposal is to close …": the same aim.
        current.end = s.span.end;
      } else if (verdict === 'aim' || verdict === 'weak-aim') {
        flush();
        const trig = triggerIn(s.text);
        const rest = trig ? s.text.slice(trig.titleAt) : s.text;
        current = { start: s.span.start, end: s.span.end, title: titleFrom(rest) };
      } else if (verdict === 'stop') {
        flush();
      } else if (current) {
        current.end = s.span.end;
      }
    }
    flush();
    if (found.length > 0 && found[found.length - 1].blocks[0] === b.index) letter.claimed[b.index] = 1;
  }
}

/** The first prose trigger in a sentence: where the intention starts, its strength and the verb after it. */
function triggerIn(text: string): { index: number; titleAt: number; strength: 1 | 2; verb: string; next: string } | undefined {
  let best: { index: number; titleAt: number; strength: 1 | 2; verb: string; next: string } | undefined;
  for (const t of PROSE_TRIGGERS) {
    const m = t.re.exec(text);
    if (!m) continue;
    const after = text.slice(m.index + m[0].length);
    let verb: string;
    let next: string;
    if (m[1]) {
      verb = m[1].toLowerCase();
      const ws = firstWords(after, 1);
      next = ws[0] ?? '';
    } else {
      const ws = firstWords(after, 2);
      verb = ws[0] ?? '';
      next = ws[1] ?? '';
    }
    const end = m.index + m[0].length;
    const titleAt = t.titleAt === 'sentence' ? 0 : m[1] ? end - m[1].length : end;
    if (!best || m.index < best.index) best = { index: m.index, titleAt, strength: t.strength, verb, next };
  }
  return best;
}

/**
 * Whether a sentence states an aim ("aim"), says nothing either way and may continue one ("continue"), or is
 * about the letter's process, a belief or a courtesy and ends any aim before it ("stop"). A "weak-aim" (a
 * "will" sentence) starts an aim only where no aim is running in the paragraph.
 */
function proseAimSentence(text: string, strongOnly: boolean): 'aim' | 'weak-aim' | 'continue' | 'stop' {
  const t = text.trim();
  if (LETTER_PURPOSE.test(t) || HEDGE_OPENING.test(t)) return 'stop';
  const trig = triggerIn(t);
  if (!trig) return PROCESS_WORDS.test(t) ? 'stop' : 'continue';
  if (trig.verb === 'issue' && PROCESS_ISSUE_OBJECT.test(trig.next)) return 'stop';
  if (PROCESS_VERBS.has(trig.verb) || PROCESS_PARTICIPLES.has(trig.verb) || (trig.verb === 'set' && trig.next === 'out') || ((trig.verb === 'take' || trig.verb === 'look') && trig.next === 'forward')) return 'stop';
  if (trig.strength === 1 && (strongOnly || PROCESS_WORDS.test(t))) return strongOnly ? 'continue' : 'stop';
  if (trig.strength === 2 && PROCESS_WORDS.test(t) && /\b(?:consult|meet|brief|write|respond|reply)/i.test(trig.verb)) return 'stop';
  return trig.strength === 2 ? 'aim' : 'weak-aim';
}
