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
import type { Position, Span } from '../text/positions';
import { located } from '../document/located';
import { plain } from '../document/parse';
import { countWords, tokenize } from '../align/text';
import { blockRoles, ROLE_FACTS, type BlockRole, type RoleFacts } from './roles';
import { DocDelta } from './delta';
import { detached, detachStrings } from '../text/detached';
import {
  ADDITIVE_OPENING,
  PROCESS_ISSUE_OBJECT,
  AIM_SECTION,
  AIM_SECTION_EXCLUDED,
  AIM_VERBS,
  HEADING_NUMBER_PREFIX,
  HEDGE_OPENING,
  LATER_CLAUSE,
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
  /** For a prose aim: its first and last sentence, counted in its block. */
  sentences?: [number, number];
}

type Signal = 'aims' | 'other' | 'neutral' | 'none';
type SectionKind = 'aims' | 'other' | 'aim-heading' | 'neutral' | 'none';
const SECTION_KINDS: SectionKind[] = ['aims', 'other', 'aim-heading', 'neutral', 'none'];

const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|do|does|did|am)\b/i;
const LETTER_PURPOSE = /^(?:(?:i|we) (?:am|are) writing\b|i write\b|we write\b|(?:this|the purpose of this) letter\b|further to\b|following (?:our|the|your) (?:meeting|discussion|conversation)\b|as (?:you know|promised|discussed)\b)/i;

/**
 * What the finders work out from one block's own text and markup, each when first needed. `AimsMemo` keeps
 * them for the next version of the letter, for the blocks an edit left as they were (`DocDelta.oldIndex`): what
 * depends on a block's neighbours (its section, the sentence before it, the run it belongs to) is not kept here.
 */
class BlockFacts implements RoleFacts {
  /** The facts that are yes or no (`FLAG_FACTS`), two bits each: one number rather than a field each, for every
   * block of a long letter. Read and written as the properties below. */
  flags = 0;
  declare signature: boolean | undefined;
  declare greeting: boolean | undefined;
  declare headerLine: boolean | undefined;
  declare closing: boolean | undefined;
  declare contact: boolean | undefined;
  declare courtesy: boolean | undefined;
  /** The lead-in the paragraph opens with (null: none). */
  lead: LeadFact | null | undefined = undefined;
  /** `actionLike`, `statementLike` and `LETTER_PURPOSE` of the block's text. */
  declare action: boolean | undefined;
  declare statement: boolean | undefined;
  declare purpose: boolean | undefined;
  /** What the block's last sentence says about what follows (`classifyIntro`). */
  intro: Signal | undefined = undefined;
  /** `titleFrom` the block's text. */
  title: string | undefined = undefined;
  /** The block's words, counted no further than five. */
  words: number | undefined = undefined;
  /** For a heading: what its own words say of its section, whether it can head an aim, and the aim's title. */
  section: SectionKind | undefined = undefined;
  declare numbered: boolean | undefined;
  declare notAimHeading: boolean | undefined;
  headingTitle: string | undefined = undefined;
  /** For a table row: its first cell's plain text, whether that reads as an action, its last cell with words. */
  firstCell: string | undefined = undefined;
  declare firstCellAction: boolean | undefined;
  lastCell: number | undefined = undefined;
  rowTitle: string | undefined = undefined;
  /** For a header row: whether its cells name aims, or something else. */
  declare aimsHeader: boolean | undefined;
  declare otherHeader: boolean | undefined;
  /** Per sentence: how it reads as prose (see `proseAimSentence`). */
  prose: SentenceFacts[] | undefined = undefined;
}

/** The yes-or-no facts of `BlockFacts`, kept in its `flags`: 0 not read yet, 1 no, 2 yes. */
const FLAG_FACTS = [
  'signature', 'greeting', 'headerLine', 'closing', 'contact', 'courtesy', 'action', 'statement', 'purpose', 'numbered',
  'notAimHeading', 'firstCellAction', 'aimsHeader', 'otherHeader',
] as const;
FLAG_FACTS.forEach((name, i) => {
  const shift = 2 * i;
  Object.defineProperty(BlockFacts.prototype, name, {
    get(this: BlockFacts): boolean | undefined {
      const v = (this.flags >> shift) & 3;
      return v === 0 ? undefined : v === 2;
    },
    set(this: BlockFacts, value: boolean | undefined) {
      this.flags = (this.flags & ~(3 << shift)) | ((value === undefined ? 0 : value ? 2 : 1) << shift);
    },
  });
});

interface LeadFact {
  title: string;
  style: LeadIn['style'];
  /** Where the words after the lead-in start, from the block's start. */
  bodyAt: number;
  body: string | undefined;
  action: boolean | undefined;
  statement: boolean | undefined;
  titleAction: boolean | undefined;
}

interface SentenceFacts {
  additive: boolean | undefined;
  /** `proseAimSentence` with strongOnly false, and true. */
  verdict: ProseVerdict | undefined;
  strongVerdict: ProseVerdict | undefined;
  title: string | undefined;
}

class Letter {
  #roleList: BlockRole[] | undefined;
  readonly claimed: Uint8Array;
  /** Per heading: its section's kind (0 until worked out, else its place in SECTION_KINDS plus one), and its parent. */
  readonly #sectionMemo: Uint8Array;
  #parents: Int32Array | undefined;
  constructor(
    readonly doc: Doc,
    readonly facts: BlockFacts[] = doc.blocks.map(() => new BlockFacts()),
  ) {
    this.claimed = new Uint8Array(doc.blocks.length);
    this.#sectionMemo = new Uint8Array(doc.blocks.length);
  }
  get roles(): BlockRole[] {
    return (this.#roleList ??= blockRoles(this.doc, (i) => this.facts[i]));
  }
  f(index: number): BlockFacts {
    return this.facts[index];
  }
  lead(b: Block): LeadFact | null {
    const f = this.facts[b.index];
    if (f.lead === undefined) {
      const l = leadInOf(this.doc, b);
      f.lead = l ? { title: l.title, style: l.style, bodyAt: l.bodySpan.start - b.span.start, body: undefined, action: undefined, statement: undefined, titleAction: undefined } : null;
    }
    return f.lead;
  }
  leadBody(b: Block, l: LeadFact): string {
    return (l.body ??= plain(this.doc.source, this.doc.masked, { start: b.span.start + l.bodyAt, end: b.span.end }));
  }
  /** `actionLike` of the block's words after its lead-in, or of all its words. */
  bodyAction(b: Block, l: LeadFact | null): boolean {
    if (l) return (l.action ??= actionLike(this.leadBody(b, l)));
    const f = this.facts[b.index];
    return (f.action ??= actionLike(b.text));
  }
  bodyStatement(b: Block, l: LeadFact | null): boolean {
    if (l) return (l.statement ??= statementLike(this.leadBody(b, l)));
    const f = this.facts[b.index];
    return (f.statement ??= statementLike(b.text));
  }
  words(b: Block): number {
    const f = this.facts[b.index];
    return (f.words ??= countWords(b.text, 5));
  }
  title(b: Block): string {
    const f = this.facts[b.index];
    return (f.title ??= titleFrom(b.text));
  }
  intro(b: Block): Signal {
    const f = this.facts[b.index];
    return (f.intro ??= classifyIntro(lastSentence(this.doc, b)));
  }
  /** What a heading's own words say of its section. */
  ownSection(h: Block): SectionKind {
    const f = this.facts[h.index];
    return (f.section ??= NON_AIM_SECTION.test(h.text) ? 'other' : NUMBERED_AIM_HEADING.test(h.text) ? 'aim-heading' : AIM_SECTION.test(h.text) && !AIM_SECTION_EXCLUDED.test(h.text) ? 'aims' : 'neutral');
  }
  notAimHeading(h: Block): boolean {
    const f = this.facts[h.index];
    return (f.notAimHeading ??= NON_AIM_SECTION.test(h.text) || (AIM_SECTION.test(h.text) && !NUMBERED_AIM_HEADING.test(h.text) && /^(?:our |the |key |main )?(?:aims?|objectives?|proposals?|priorities)\s*$/i.test(h.text)));
  }
  numbered(h: Block): boolean {
    const f = this.facts[h.index];
    return (f.numbered ??= NUMBERED_AIM_HEADING.test(h.text));
  }
  headingTitle(h: Block): string {
    const f = this.facts[h.index];
    return (f.headingTitle ??= cleanTitle(h.text.replace(HEADING_NUMBER_PREFIX, '')));
  }
  purpose(b: Block): boolean {
    const f = this.facts[b.index];
    return (f.purpose ??= LETTER_PURPOSE.test(b.text));
  }
  firstCellAction(r: Block): boolean {
    const f = this.facts[r.index];
    return (f.firstCellAction ??= actionLike(firstCell(this, r)));
  }
  lastCell(r: Block): number {
    const f = this.facts[r.index];
    if (f.lastCell === undefined) {
      const cells = r.cells ?? [];
      let last = cells.length - 1;
      while (last > 0 && this.plain(cells[last]).trim().length === 0) last--;
      f.lastCell = last;
    }
    return f.lastCell;
  }
  rowTitle(r: Block): string {
    const f = this.facts[r.index];
    return (f.rowTitle ??= titleFrom(firstCell(this, r).trim()));
  }
  headerKinds(h: Block): { aims: boolean; other: boolean } {
    const hf = this.facts[h.index];
    if (hf.aimsHeader === undefined || hf.otherHeader === undefined) {
      const headCells = (h.cells ?? []).map((c) => this.plain(c).trim());
      const firstHead = headCells[0] ?? '';
      hf.aimsHeader = headCells.some((c) => /\b(?:aims?|objectives?|proposals?|proposed changes?|changes?|measures?|priorit(?:y|ies)|actions?|workstreams?|commitments?|recommendations?|initiatives?|what we will do|what will change|goals?|deliverables?)\b/i.test(c));
      hf.otherHeader = /^(?:dates?|when|names?|forum|meetings?|attendees?|documents?|papers?|ref(?:erence)?|contacts?|roles?|grades?|bands?|sites?|locations?|venues?|costs?|budgets?|unions?|members?|posts?|jobs?|teams?|offices?|schools?|wards?)\b/i.test(firstHead);
    }
    return { aims: hf.aimsHeader, other: hf.otherHeader };
  }
  additive(b: Block, k: number): boolean {
    const sf = this.prose(b)[k];
    return (sf.additive ??= ADDITIVE_OPENING.test(this.doc.sentences[b.firstSentence + k].text.trim()));
  }
  verdict(b: Block, k: number, strongOnly: boolean): ProseVerdict {
    const sf = this.prose(b)[k];
    const text = this.doc.sentences[b.firstSentence + k].text;
    return strongOnly ? (sf.strongVerdict ??= proseAimSentence(text, true)) : (sf.verdict ??= proseAimSentence(text, false));
  }
  proseTitle(b: Block, k: number): string {
    const sf = this.prose(b)[k];
    if (sf.title === undefined) {
      const text = this.doc.sentences[b.firstSentence + k].text;
      const trig = triggerIn(text);
      sf.title = titleFrom(trig ? text.slice(trig.titleAt) : text);
    }
    return sf.title;
  }
  leadTitleAction(l: LeadFact): boolean {
    return (l.titleAction ??= actionLike(l.title));
  }
  prose(b: Block): SentenceFacts[] {
    const f = this.facts[b.index];
    return (f.prose ??= Array.from({ length: b.sentenceCount }, () => ({ additive: undefined, verdict: undefined, strongVerdict: undefined, title: undefined })));
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
    return this.intro(prev);
  }
  /** The kind of the section a block sits in, from its heading (and, if that says nothing, the heading above). */
  sectionKind(headingIndex: number): SectionKind {
    if (headingIndex < 0) return 'none';
    const memo = this.#sectionMemo[headingIndex];
    if (memo !== 0) return SECTION_KINDS[memo - 1];
    const h = this.blocks[headingIndex];
    const f = this.facts[headingIndex];
    const own = this.ownSection(h);
    let kind: SectionKind;
    if (this.roles[headingIndex] === 'title') kind = 'none';
    else if (own !== 'neutral') kind = own;
    else {
      const parent = this.parentHeading(headingIndex);
      const up = parent >= 0 ? this.sectionKind(parent) : 'none';
      kind = up === 'aims' || up === 'other' ? up : 'neutral';
    }
    this.#sectionMemo[headingIndex] = SECTION_KINDS.indexOf(kind) + 1;
    return kind;
  }
  /** The nearest heading before `headingIndex` with a smaller depth, or -1. */
  parentHeading(headingIndex: number): number {
    // The nearest shallower heading no more than 401 blocks back: one pass over the headings keeps those that can
    // still be a parent, shallowest first.
    if (!this.#parents) {
      const parents = new Int32Array(this.blocks.length).fill(-1);
      const stack: number[] = [];
      for (const b of this.blocks) {
        if (b.kind !== 'heading') continue;
        const depth = b.depth ?? 1;
        while (stack.length > 0 && (this.blocks[stack[stack.length - 1]].depth ?? 1) >= depth) stack.pop();
        const p = stack.length > 0 ? stack[stack.length - 1] : -1;
        parents[b.index] = p >= 0 && b.index - p <= 401 ? p : -1;
        stack.push(b.index);
      }
      this.#parents = parents;
    }
    return this.#parents[headingIndex];
  }
}

/** Finds the aims a letter states, in document order, with ids "aim-1", "aim-2", … */
export function extractAims(doc: Doc): LetterAim[] {
  if (doc.blocks.length === 0) return [];
  return findAll(new Letter(doc)).map((f, i) => {
    const at = located(doc, f.span);
    return { id: `aim-${i + 1}`, title: f.title, format: f.format, text: at.text, position: at.position, span: f.span, blocks: f.blocks };
  });
}

function findAll(letter: Letter): Found[] {
  const found: Found[] = [];
  findTableAims(letter, found);
  findListAims(letter, found);
  findLeadInAims(letter, found);
  findHeadingAims(letter, found);
  findProseAims(letter, found);
  found.sort((a, b) => a.span.start - b.span.start);
  return found;
}

/**
 * Kept between extractions of aims from versions of one letter: what was read from each block's own text, and
 * the aims found. After an edit, only the blocks it touched are read again (the finders still walk the whole
 * letter, since an aim depends on its neighbours: its section, the sentence introducing it, the run of items it
 * belongs to); an aim found where it was before, with the same words, keeps its text and position (moved by
 * the edit). The result is exactly what `extractAims` gives.
 */
export class AimsMemo {
  #doc: Doc | undefined;
  #facts: BlockFacts[] = [];
  #aims: LetterAim[] = [];

  extract(doc: Doc): LetterAim[] {
    if (doc === this.#doc) return this.#aims;
    const before = this.#doc;
    let facts: BlockFacts[];
    let delta: DocDelta | undefined;
    let found: Found[] | undefined;
    /** The blocks whose facts are worked out now, after an edit. */
    let fresh: number[] | undefined;
    if (before && before.blocks.length > 0) {
      const d = DocDelta.between(before, doc);
      delta = d;
      facts = new Array<BlockFacts>(doc.blocks.length);
      const changed: number[] = [];
      for (let i = 0; i < facts.length; i++) {
        const j = d.oldIndex(i);
        if (j >= 0) facts[i] = this.#facts[j];
        else {
          facts[i] = new BlockFacts();
          (fresh ??= []).push(i);
        }
        if (j < 0 && changed.length <= MAX_CHANGED) changed.push(i);
      }
      if (doc.blocks.length === before.blocks.length && changed.length <= MAX_CHANGED) found = this.#refind(d, changed, facts);
      this.lastRefound = found !== undefined;
    } else facts = doc.blocks.map(() => new BlockFacts());
    found ??= doc.blocks.length === 0 ? [] : findAll(new Letter(doc, facts));
    // What is kept for the next version and was made from this one: copies, not views on its text (see `detached`).
    if (fresh) for (const i of fresh) detachStrings(facts[i]);
    const aims = this.#build(doc, found, delta);
    // The titles found are kept too: the aims' own (the last version's, or copies).
    if (delta) found.forEach((f, i) => (f.title = aims[i].title));
    this.#doc = doc;
    this.#facts = facts;
    this.#found = found;
    this.#aims = aims;
    return aims;
  }

  #found: Found[] = [];
  /** Whether the last extraction reused the aims found before it (see `refind`): for tests. */
  lastRefound = false;

  /**
   * The aims found last time, where they are now, when every block is still the same kind of block in the same
   * place (in a list, a quotation, a section, as before) and everything the finders read from the blocks the edit
   * changed says what it said before: every decision the finders make is then the same, and only the aims holding
   * those blocks need their extent worked out again. Undefined when that is not so.
   */
  #refind(delta: DocDelta, changed: number[], facts: BlockFacts[]): Found[] | undefined {
    const before = delta.before;
    const doc = delta.after;
    // Every block, not only those the edit changed: an edit can move blocks it left as they were in the letter's
    // structure (a fence typed in a list item ends the list, and the items after it start one of their own).
    for (let i = 0; i < doc.blocks.length; i++) if (!sameStructure(before.blocks[i], doc.blocks[i])) return undefined;
    const probe = new Letter(doc, facts);
    for (const i of changed) if (!factsAgree(probe, doc.blocks[i], this.#facts[i])) return undefined;
    const touched = new Set(changed);
    const found = this.#found.map((f): Found => {
      const first = f.blocks[0];
      const last = f.blocks[f.blocks.length - 1];
      if (!f.blocks.some((b) => touched.has(b))) {
        const d0 = delta.shiftOf(first);
        const d1 = delta.shiftOf(last);
        return d0 === 0 && d1 === 0 ? f : { ...f, span: { start: f.span.start + d0, end: f.span.end + d1 } };
      }
      const b = doc.blocks[first];
      let span: Span;
      if (f.format === 'table row') span = tableRowSpan(probe, b);
      else if (f.format === 'heading') span = headingAimSpan(doc, b, doc.blocks[last]);
      else if (f.format === 'prose') span = proseAimSpan(doc, b, f.sentences![0], f.sentences![1]);
      else span = trimSpan(doc, b.span);
      return { ...f, span };
    });
    found.sort((a, b) => a.span.start - b.span.start);
    return found;
  }

  /** The aims, taking the text and position of an aim found again where it was from the last extraction. */
  #build(doc: Doc, found: Found[], delta: DocDelta | undefined): LetterAim[] {
    const old = this.#aims;
    const n = doc.source.length;
    let k = 0;
    const dLines = delta ? doc.lines.lineCount - delta.before.lines.lineCount : 0;
    return found.map((f, i) => {
      const id = `aim-${i + 1}`;
      let prev: LetterAim | undefined;
      // Before the edit, where nothing moved; or after it, where everything moved by `d` characters.
      const after = delta !== undefined && f.span.end >= delta.prefix;
      const d = after ? delta.shift : 0;
      if (delta && (!after || f.span.start >= n - delta.suffix)) {
        const at = f.span.start - d;
        while (k < old.length && old[k].span.start < at) k++;
        if (k < old.length && old[k].span.start === at && old[k].span.end === f.span.end - d) prev = old[k];
        // After the edit, the aim's line must start (line break and all) in the text the edit left alone: its
        // column is then the same, and its line moved by as many lines as the edit added.
        if (prev && after && prev.position.start.offset - prev.position.start.column + 1 - 2 < delta.before.source.length - delta.suffix) prev = undefined;
      }
      if (!prev) {
        const at = located(doc, f.span);
        const aim = { id, title: f.title, format: f.format, text: at.text, position: at.position, span: f.span, blocks: f.blocks };
        return delta ? detachStrings(aim) : aim;
      }
      // The same words at the same place: in the text the edit did not touch, whose lines moved as a whole.
      const position = !after || (d === 0 && dLines === 0) ? prev.position : movedPosition(prev.position, d, dLines);
      let sameBlocks = f.blocks.length === prev.blocks.length;
      for (let x = 0; sameBlocks && x < f.blocks.length; x++) sameBlocks = f.blocks[x] === prev.blocks[x];
      if (position === prev.position && prev.id === id && prev.title === f.title && prev.format === f.format && sameBlocks) return prev;
      return { id, title: prev.title === f.title ? prev.title : detached(f.title), format: f.format, text: prev.text, position, span: f.span, blocks: sameBlocks ? prev.blocks : f.blocks };
    });
  }
}

/** The most blocks an edit may change for the aims found last time to be reused (see `AimsMemo.refind`). */
const MAX_CHANGED = 4;

/** The same kind of block, in the same place in the letter's structure. */
function sameStructure(o: Block, n: Block): boolean {
  if (o.kind !== n.kind || o.depth !== n.depth || o.headerRow !== n.headerRow || o.quoteDepth !== n.quoteDepth || o.headingIndex !== n.headingIndex || o.firstInItem !== n.firstInItem) return false;
  if ((o.cells?.length ?? -1) !== (n.cells?.length ?? -1) || o.sentenceCount !== n.sentenceCount || !o.leadIn !== !n.leadIn) return false;
  const a = o.list;
  const b = n.list;
  if (!a || !b) return a === b;
  return a.ordered === b.ordered && a.ordinal === b.ordinal && a.depth === b.depth && a.itemIndex === b.itemIndex && a.quoteDepth === b.quoteDepth;
}

/** Whether everything read from `old` (the facts of a block before an edit) reads the same from block `b` now. */
function factsAgree(letter: Letter, b: Block, old: BlockFacts): boolean {
  const doc = letter.doc;
  const nf = letter.f(b.index);
  for (const k of Object.keys(ROLE_FACTS) as Array<keyof typeof ROLE_FACTS>) {
    if (old[k] !== undefined && (nf[k] = ROLE_FACTS[k](doc, b)) !== old[k]) return false;
  }
  if (old.lead !== undefined) {
    const l = letter.lead(b);
    const o = old.lead;
    if (!l || !o) {
      if (l !== o) return false;
    } else {
      if (l.title !== o.title || l.style !== o.style) return false;
      if (o.action !== undefined && letter.bodyAction(b, l) !== o.action) return false;
      if (o.statement !== undefined && letter.bodyStatement(b, l) !== o.statement) return false;
      if (o.titleAction !== undefined && letter.leadTitleAction(l) !== o.titleAction) return false;
    }
  }
  if (old.action !== undefined && letter.bodyAction(b, null) !== old.action) return false;
  if (old.statement !== undefined && letter.bodyStatement(b, null) !== old.statement) return false;
  if (old.purpose !== undefined && letter.purpose(b) !== old.purpose) return false;
  if (old.intro !== undefined && letter.intro(b) !== old.intro) return false;
  if (old.title !== undefined && letter.title(b) !== old.title) return false;
  if (old.words !== undefined && letter.words(b) !== old.words) return false;
  if (old.section !== undefined && letter.ownSection(b) !== old.section) return false;
  if (old.numbered !== undefined && letter.numbered(b) !== old.numbered) return false;
  if (old.notAimHeading !== undefined && letter.notAimHeading(b) !== old.notAimHeading) return false;
  if (old.headingTitle !== undefined && letter.headingTitle(b) !== old.headingTitle) return false;
  if (old.firstCell !== undefined && firstCell(letter, b) !== old.firstCell) return false;
  if (old.firstCellAction !== undefined && letter.firstCellAction(b) !== old.firstCellAction) return false;
  if (old.lastCell !== undefined && letter.lastCell(b) !== old.lastCell) return false;
  if (old.rowTitle !== undefined && letter.rowTitle(b) !== old.rowTitle) return false;
  if (old.aimsHeader !== undefined || old.otherHeader !== undefined) {
    const kinds = letter.headerKinds(b);
    if (kinds.aims !== old.aimsHeader || kinds.other !== old.otherHeader) return false;
  }
  if (old.prose !== undefined) {
    for (let k = 0; k < old.prose.length; k++) {
      const o = old.prose[k];
      if (o.additive !== undefined && letter.additive(b, k) !== o.additive) return false;
      if (o.verdict !== undefined && letter.verdict(b, k, false) !== o.verdict) return false;
      if (o.strongVerdict !== undefined && letter.verdict(b, k, true) !== o.strongVerdict) return false;
      if (o.title !== undefined && letter.proseTitle(b, k) !== o.title) return false;
    }
  }
  return true;
}

function movedPosition(p: Position, d: number, dLines: number): Position {
  return {
    start: { line: p.start.line + dLines, column: p.start.column, offset: p.start.offset + d },
    end: { line: p.end.line + dLines, column: p.end.column, offset: p.end.offset + d },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Introducing sentences and the shape of aim text.

function lastSentence(doc: Doc, b: Block): string {
  return b.sentenceCount === 0 ? b.text : doc.sentences[b.firstSentence + b.sentenceCount - 1].text;
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

/** What `cleanTitle` would change: white space other than single spaces, or separators or blanks at either end. */
const UNCLEAN_TITLE = /\s\s|[^\S ]|^[\s:.–—-]|[\s:.–—-]$/;

function cleanTitle(text: string): string {
  if (!UNCLEAN_TITLE.test(text)) return text;
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
    readonly bodySpan: Span,
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
      const c = m.charCodeAt(i);
      // . ? ! newline ; end the search; a colon, or a dash between blanks, is the separator.
      if (c === 46 || c === 63 || c === 33 || c === 10 || c === 13 || c === 59) break;
      if (c === 58 && isBlank(m.charCodeAt(i + 1))) {
        sep = i;
        sepLen = 1;
        break;
      }
      if ((c === 0x2013 || c === 0x2014 || c === 45) && i > from && isBlank(m.charCodeAt(i - 1)) && isBlank(m.charCodeAt(i + 1))) {
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
  const titleWords = countWords(title, 13);
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
    const kinds = letter.headerKinds(header);
    const aimsHeader = kinds.aims;
    const otherHeader = kinds.other;
    const intro = letter.introBefore(i);
    const section = letter.sectionKind(header.headingIndex);
    let actions = 0;
    for (const r of rows) if (letter.firstCellAction(r)) actions++;
    const accept =
      !otherHeader &&
      intro !== 'other' &&
      section !== 'other' &&
      (aimsHeader || intro === 'aims' || section === 'aims' || (rows.length >= 2 && actions / rows.length >= 0.6));
    i = j - 1;
    if (!accept) continue;
    for (const r of rows) {
      if (!letter.eligible(r) || !r.cells || r.cells.length === 0) continue;
      const first = firstCell(letter, r).trim();
      if (first.length === 0 || letter.words(r) < 2) continue;
      letter.claimed[r.index] = 1;
      found.push({ span: tableRowSpan(letter, r), blocks: [r.index], title: letter.rowTitle(r), format: 'table row' });
    }
  }
}

/** A table row's aim: its cells, from the first to the last with words, without the pipes. */
function tableRowSpan(letter: Letter, r: Block): Span {
  const cells = r.cells!;
  return trimPipes(letter.doc, trimSpan(letter.doc, { start: cells[0].start, end: cells[letter.lastCell(r)].end }));
}

/** The plain text of a table row's first cell (for a row without cells, its text). */
function firstCell(letter: Letter, r: Block): string {
  const f = letter.f(r.index);
  return (f.firstCell ??= r.cells && r.cells[0] ? letter.plain(r.cells[0]) : r.text);
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
    const texts = items.map((it) => ({ it, lead: letter.lead(it) }));
    let accept: boolean;
    if (intro === 'aims' || section === 'aims') accept = true;
    else if (section === 'other' || section === 'aim-heading') accept = false;
    else {
      const actions = texts.filter((t) => letter.bodyAction(t.it, t.lead)).length;
      const bar = intro === 'neutral' ? 0.5 : 0.6;
      // A list of one item counts when the item is a proposal under a lead-in of its own ("Introduce
      // day-crewing at Ashby: move …"), as a paragraph with that lead-in would.
      accept = items.length >= 2 ? actions / items.length >= bar : actions === 1 && texts[0].lead !== undefined;
    }
    if (!accept) continue;
    for (const { it, lead } of texts) {
      if (!letter.eligible(it) || letter.words(it) < 3) continue;
      if (!lead && !letter.bodyAction(it, lead) && !letter.bodyStatement(it, lead) && letter.words(it) < 5) continue;
      letter.claimed[it.index] = 1;
      found.push({
        span: trimSpan(doc, it.span),
        blocks: [it.index],
        title: lead ? lead.title : letter.title(it),
        format: lead ? 'lead-in' : 'list item',
      });
    }
  }
}

function findLeadInAims(letter: Letter, found: Found[]): void {
  const blocks = letter.blocks;
  const doc = letter.doc;
  type Run = { items: Array<{ b: Block; lead: LeadFact }>; style: LeadIn['style'] };
  const runs: Run[] = [];
  let run: Run | undefined;
  let lastIndex = -10;
  for (const b of blocks) {
    if (b.kind === 'heading') {
      run = undefined;
      continue;
    }
    if (b.kind !== 'paragraph' || b.list || !letter.eligible(b) || letter.claimed[b.index]) continue;
    const lead = letter.lead(b);
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
    const actions = r.items.filter((x) => letter.leadTitleAction(x.lead) || letter.bodyAction(x.b, x.lead)).length;
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
    if (letter.notAimHeading(h)) continue;
    if (!letter.bodyStatement(next, null) || letter.purpose(next)) continue;
    const parent = letter.parentHeading(i);
    const group = `${parent}:${h.depth ?? 1}`;
    cands.push({ h, next, numbered: letter.numbered(h), group });
    groupSizes.set(group, (groupSizes.get(group) ?? 0) + 1);
  }
  for (const c of cands) {
    const parent = letter.parentHeading(c.h.index);
    const parentKind = parent >= 0 ? letter.sectionKind(parent) : 'none';
    if (parentKind === 'other') continue;
    const accept = c.numbered || parentKind === 'aims' || letter.introBefore(c.h.index) === 'aims' || (groupSizes.get(c.group) ?? 0) >= 2;
    if (!accept) continue;
    const span = headingAimSpan(doc, c.h, c.next);
    const headingText = letter.headingTitle(c.h);
    const title = headingText.length > 0 ? headingText.charAt(0).toUpperCase() + headingText.slice(1) : letter.title(c.next);
    letter.claimed[c.h.index] = 1;
    letter.claimed[c.next.index] = 1;
    found.push({ span, blocks: [c.h.index, c.next.index], title, format: 'heading' });
  }
}

/** A heading's aim: from the heading's words to the end of the paragraph after it. */
function headingAimSpan(doc: Doc, h: Block, next: Block): Span {
  let start = h.span.start;
  while (start < h.span.end && isBlank(doc.masked.charCodeAt(start))) start++;
  return { start, end: trimSpan(doc, next.span).end };
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
    if (letter.intro(b) !== 'none') continue;
    // Before a letter's structured aims comes its context: a prose intention there is the programme as a whole.
    if (structured && b.index < firstStructured) continue;
    let current: { first: number; last: number; title: string } | undefined;
    const flush = () => {
      if (!current) return;
      found.push({ span: proseAimSpan(doc, b, current.first, current.last), blocks: [b.index], title: current.title, format: 'prose', sentences: [current.first, current.last] });
      current = undefined;
    };
    for (let k = 0; k < b.sentenceCount; k++) {
      // After structured aims, only outright intentions count, unless an additive opening ("In addition, the
      // company will …") marks the sentence as one more item in the run of aims.
      const strongOnly = structured && section !== 'aims' && !letter.additive(b, k);
      const verdict = letter.verdict(b, k, strongOnly);
      if (verdict === 'weak-aim' && current) {
        // "Staff in those offices would be offered …" after "Our proposal is to close …": the same aim.
        current.last = k;
      } else if (verdict === 'aim' || verdict === 'weak-aim') {
        flush();
        current = { first: k, last: k, title: letter.proseTitle(b, k) };
      } else if (verdict === 'stop') {
        flush();
      } else if (current) {
        current.last = k;
      }
    }
    flush();
    if (found.length > 0 && found[found.length - 1].blocks[0] === b.index) letter.claimed[b.index] = 1;
  }
}

/** A prose aim: from the start of its first sentence (the `first`-th of the block) to the end of its last. */
function proseAimSpan(doc: Doc, b: Block, first: number, last: number): Span {
  return trimSpan(doc, { start: doc.sentences[b.firstSentence + first].span.start, end: doc.sentences[b.firstSentence + last].span.end });
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
type ProseVerdict = 'aim' | 'weak-aim' | 'continue' | 'stop';

/** Whether a sentence opening as a belief goes on, in a clause of its own, to state an intention outright. */
function statedAfterBelief(t: string): boolean {
  LATER_CLAUSE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LATER_CLAUSE.exec(t)) !== null) {
    const rest = t.slice(m.index + m[0].length);
    const trig = triggerIn(rest);
    if (trig && trig.index === 0 && trig.strength === 2 && !PROCESS_VERBS.has(trig.verb) && !PROCESS_WORDS.test(rest)) return true;
  }
  return false;
}

function proseAimSentence(text: string, strongOnly: boolean): ProseVerdict {
  const t = text.trim();
  if (LETTER_PURPOSE.test(t)) return 'stop';
  if (HEDGE_OPENING.test(t)) return statedAfterBelief(t) ? 'aim' : 'stop';
  const trig = triggerIn(t);
  if (!trig) return PROCESS_WORDS.test(t) ? 'stop' : 'continue';
  if (trig.verb === 'issue' && PROCESS_ISSUE_OBJECT.test(trig.next)) return 'stop';
  if (PROCESS_VERBS.has(trig.verb) || PROCESS_PARTICIPLES.has(trig.verb) || (trig.verb === 'set' && trig.next === 'out') || ((trig.verb === 'take' || trig.verb === 'look') && trig.next === 'forward')) return 'stop';
  if (trig.strength === 1 && (strongOnly || PROCESS_WORDS.test(t))) return strongOnly ? 'continue' : 'stop';
  if (trig.strength === 2 && PROCESS_WORDS.test(t) && /\b(?:consult|meet|brief|write|respond|reply)/i.test(trig.verb)) return 'stop';
  return trig.strength === 2 ? 'aim' : 'weak-aim';
}
