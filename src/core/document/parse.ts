import { parseMarkdownTree, parseSyntaxTree } from './markdown-syntax';
import type { Root } from 'mdast';
import type { SyntaxNode } from './syntax-tree';
import { lineAt, LineIndex, type Position, type Span } from '../text/positions';
import { splitSentences } from '../text/sentences';
import { stripBom } from '../text/decode';
import { detachStrings } from '../text/detached';
import { release } from '../text/release';
import { readFrontMatter } from './front-matter';
import { readDirectives, scopeDirectives } from './directives';
import type { Block, Doc, Sentence } from './model';
import { chunkBoundaries, chunkBoundariesAfterEdit } from './chunks';
import { FLAT_MESSAGE, tooHardToParse } from './guard';

/** Parses Markdown with unified + remark-parse into the syntax tree the document model is built from. */
export function parseMarkdown(text: string): Root {
  return parseMarkdownTree(text);
}

interface Context {
  list?: Block['list'];
  quoteDepth: number;
  firstInItem: boolean;
  header?: boolean;
}

/** A block as parsed within one chunk: spans relative to the chunk's start. */
interface ChunkBlock {
  kind: Block['kind'];
  span: Span;
  depth?: number;
  list?: Block['list'];
  firstInItem: boolean;
  quoteDepth: number;
  cells?: Span[];
  headerRow?: boolean;
  leadIn?: Span;
  /** Plain text, when it is not a slice of `masked` (see `plainRun`). */
  text?: string;
  /** How many sentences of the chunk's table belong to this block (they follow the previous block's). */
  sentenceCount: number;
}

/**
 * What one chunk contributes to the document; independent of where the chunk sits. Kept in the parser's chunk
 * cache, so once the chunk is part of a document it keeps no copy of what the document holds: its blocks are read
 * back from the last document built from it (`from`), its masked text is a slice of that document's.
 */
interface ChunkModel {
  /** The blocks as parsed, until the chunk is first part of a document. */
  parsed?: ChunkBlock[];
  /**
   * Where the chunk's blocks and sentences are in the last document built from it (`first`, `firstSentence`),
   * where the chunk started there (`base`), on which line (`line`, 0-based) and the nearest heading before it.
   */
  from?: { blocks: Block[]; sentences: Sentence[]; first: number; firstSentence: number; base: number; line: number; headingBefore: number };
  /** The chunk's key in the parser's cache: its text, marked when it is the first chunk. */
  key: string;
  blockCount: number;
  /** Per block, where its plain text lies in `masked` (start, end), or -1, -1 when it is not a slice of it. */
  blockTexts: Int32Array;
  /**
   * Per sentence, four numbers relative to the chunk: span start and end, and where its plain text lies in
   * `masked` (start -1 when the text is not a slice of `masked`: it is then in `sentenceTexts`).
   */
  sentences: Int32Array;
  sentenceTexts?: Map<number, string>;
  masked: string;
  comments: Span[];
  yaml?: { value: string; span: Span };
  /** A part read as plain text because it was too deep or too dense to parse as Markdown. */
  warnings?: Array<{ message: string; span: Span }>;
}

/**
 * Parses one chunk as Markdown, or, when the chunk would make the parser hang or overflow the stack (see
 * guard.ts), reads it as plain text with a warning. A chunk of blank lines (a long run of them is a chunk of its
 * own: see chunks.ts) holds nothing, and micromark is not asked.
 */
function parseChunk(text: string, first: boolean): ChunkModel {
  if (onlyBlankLines(text)) {
    const masked = ' '.repeat(text.length);
    return { ...finishBlocks(text, masked, []), masked, comments: [], yaml: undefined, key: '' };
  }
  const hard = tooHardToParse(text);
  if (hard) return flatChunk(text, first, FLAT_MESSAGE[hard]);
  try {
    // Front matter only when it is closed: micromark's front-matter extension, once it has tried an unclosed
    // `---` at the top, reads later list items as paragraphs.
    return parseMarkdownChunk(text, first && FLAT_FRONT_MATTER.test(text));
  } catch (error) {
    if (error instanceof RangeError) return flatChunk(text, first, FLAT_MESSAGE.overflow);
    throw error;
  }
}

/** Whether a text is blank lines only: spaces, tabs and line breaks. */
function onlyBlankLines(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

function parseMarkdownChunk(input: string, first: boolean): ChunkModel {
  // micromark drops a byte-order mark at the start of its input without counting it in offsets, which would put
  // every position in the chunk one early: a chunk starting with U+FEFF (a second BOM, or pasted files) is parsed
  // with a no-break space in its place, and the mark put back in `masked`. micromark reads both as white space
  // (which decides whether `**` after it can open emphasis) and neither as a space that indents.
  const bom = input.charCodeAt(0) === 0xfeff;
  const text = bom ? `\u00a0${input.slice(1)}` : input;
  const tree = parseSyntaxTree(text, first);
  const masked = new Uint16Array(text.length).fill(32);
  const blocks: ChunkBlock[] = [];
  const comments: Span[] = [];
  let yaml: ChunkModel['yaml'];

  const addBlock = (kind: Block['kind'], node: SyntaxNode, ctx: Context, extra: Partial<ChunkBlock> = {}): ChunkBlock => {
    const span = spanOf(node);
    const block: ChunkBlock = {
      kind,
      span,
      quoteDepth: ctx.quoteDepth,
      firstInItem: ctx.firstInItem,
      sentenceCount: 0,
      ...(ctx.list ? { list: ctx.list } : {}),
      ...extra,
    };
    blocks.push(block);
    return block;
  };

  // Iterative walk: documents can nest lists and quotes thousands deep.
  const stack: Array<{ node: SyntaxNode; ctx: Context }> = [{ node: tree, ctx: { quoteDepth: 0, firstInItem: false } }];
  while (stack.length > 0) {
    const { node, ctx } = stack.pop()!;
    switch (node.type) {
      case 'yaml': {
        yaml = { value: node.value!, span: spanOf(node) };
        break;
      }
      case 'html': {
        if (/^\s*<!--/.test(node.value!)) comments.push(spanOf(node));
        break;
      }
      case 'heading': {
        const block = addBlock('heading', node, ctx, { depth: node.depth });
        fillPhrasing(node, text, masked);
        block.leadIn = block.span;
        break;
      }
      case 'paragraph': {
        const block = addBlock('paragraph', node, ctx);
        fillPhrasing(node, text, masked);
        const first = node.children![0];
        if (first && (first.type === 'strong' || first.type === 'emphasis')) block.leadIn = spanOf(first);
        break;
      }
      case 'tableRow': {
        const cells: Span[] = [];
        for (const cell of node.children!) {
          cells.push(spanOf(cell));
          fillPhrasing(cell, text, masked);
        }
        addBlock('tableRow', node, ctx, { cells, headerRow: ctx.header === true });
        break;
      }
      case 'table': {
        const rows = node.children!;
        for (let i = rows.length - 1; i >= 0; i--) stack.push({ node: rows[i], ctx: { ...ctx, header: i === 0 } });
        break;
      }
      case 'list': {
        const items = node.children!;
        const depth = (ctx.list?.depth ?? 0) + 1;
        for (let i = items.length - 1; i >= 0; i--) {
          const ordinal = node.ordered ? (node.first ?? 1) + i : undefined;
          const list = { ordered: node.ordered === true, ordinal, depth, itemIndex: i, quoteDepth: ctx.quoteDepth };
          stack.push({ node: items[i], ctx: { ...ctx, list, firstInItem: true } });
        }
        break;
      }
      case 'listItem': {
        pushChildren(node, stack, ctx, true);
        break;
      }
      case 'blockquote': {
        pushChildren(node, stack, { ...ctx, quoteDepth: ctx.quoteDepth + 1 }, false);
        break;
      }
      case 'root':
      case 'footnoteDefinition': {
        pushChildren(node, stack, ctx, false);
        break;
      }
      default:
        // code, thematicBreak, definition and the rest carry no prose to analyse.
        break;
    }
  }

  if (bom && masked[0] === 0xa0) masked[0] = 0xfeff;
  const maskedText = decodeMasked(masked);
  // Promoted while the chunk was parsed, the array would otherwise stay resident until a full collection.
  release(masked);
  return { ...finishBlocks(input, maskedText, blocks), masked: maskedText, comments, yaml, key: '' };
}

/** Grows as needed; reused from chunk to chunk so that building a chunk's sentence table makes no garbage. */
let table = new Int32Array(4096);

/** Fills in each block's plain text and the chunk's sentence table from the masked text. */
function finishBlocks(text: string, maskedText: string, blocks: ChunkBlock[]): Pick<ChunkModel, 'parsed' | 'blockCount' | 'blockTexts' | 'sentences' | 'sentenceTexts'> {
  const blockTexts = new Int32Array(blocks.length * 2);
  let n = 0;
  let sentenceTexts: Map<number, string> | undefined;
  const addSentence = (start: number, end: number, limit: Span) => {
    if ((n + 1) * 4 > table.length) {
      const grown = new Int32Array(table.length * 2);
      grown.set(table);
      table = grown;
    }
    const t = plainRun(text, maskedText, start, end);
    // Widen over markup that opens or closes around the sentence (`**`, `_`, `` ` ``), so that the source slice
    // reads as the writer typed it, without dangling emphasis markers. Never leaves the block.
    while (start > limit.start && isMarkup(text, maskedText, start - 1)) start--;
    while (end < limit.end && isMarkup(text, maskedText, end)) end++;
    const k = n * 4;
    table[k] = start;
    table[k + 1] = end;
    if (t === undefined) {
      table[k + 2] = runStart;
      table[k + 3] = runEnd;
    } else {
      table[k + 2] = -1;
      table[k + 3] = -1;
      (sentenceTexts ??= new Map()).set(n, t);
    }
    n++;
  };
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const first = n;
    if (block.kind === 'tableRow' && block.cells) {
      for (const c of block.cells) for (const s of splitSentences(maskedText, c)) addSentence(s.start, s.end, block.span);
    } else {
      for (const s of splitSentences(maskedText, block.span)) addSentence(s.start, s.end, block.span);
    }
    block.sentenceCount = n - first;
    const t = plainRun(text, maskedText, block.span.start, block.span.end);
    if (t === undefined) {
      blockTexts[b * 2] = runStart;
      blockTexts[b * 2 + 1] = runEnd;
    } else {
      blockTexts[b * 2] = blockTexts[b * 2 + 1] = -1;
      block.text = t;
      // A block of one sentence: the sentence keeps the same string rather than a copy.
      if (n - first === 1 && sentenceTexts?.get(first) === t) sentenceTexts.set(first, t);
    }
  }
  return { parsed: blocks, blockCount: blocks.length, blockTexts, sentences: table.slice(0, n * 4), sentenceTexts };
}

const FLAT_FRONT_MATTER = /^---[ \t]*(?:\r\n|\r|\n)(?:([\s\S]*?)(?:\r\n|\r|\n))?---[ \t]*(?=\r\n|\r|\n|$)/;

/**
 * A chunk read as plain text, in one linear pass: each run of non-blank lines is a paragraph; quote and list
 * markers at the start of a line, and emphasis, link, code and HTML characters, are blanked in `masked`;
 * HTML comments are kept (for directives); front matter is still read.
 */
function flatChunk(text: string, first: boolean, message: string): ChunkModel {
  const masked = new Uint16Array(text.length).fill(32);
  const blocks: ChunkBlock[] = [];
  const comments: Span[] = [];
  let yaml: ChunkModel['yaml'];
  let pos = 0;
  const fm = first ? FLAT_FRONT_MATTER.exec(text) : null;
  if (fm) {
    yaml = { value: fm[1] ?? '', span: { start: 0, end: fm[0].length } };
    pos = fm[0].length;
  }
  const n = text.length;
  let para: Span | undefined;
  const endParagraph = () => {
    if (para) blocks.push(flatBlock(para));
    para = undefined;
  };
  while (pos < n) {
    const { eol, next } = lineAt(text, pos);
    // Skip the line's container markers and heading marks.
    let i = pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (i < eol && (c === 32 || c === 9 || c === 62 || c === 35)) i++;
      else if (i < eol && (c === 45 || c === 42 || c === 43) && (i + 1 >= eol || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) i++;
      else {
        let j = i;
        while (j < eol && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        if (j > i && j < eol && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 41) && (j + 1 >= eol || text.charCodeAt(j + 1) === 32)) i = j + 1;
        else break;
      }
    }
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      const end = close < 0 ? n : close + 3;
      endParagraph();
      comments.push({ start: i, end });
      let after = end;
      while (after < n && text.charCodeAt(after) !== 10 && text.charCodeAt(after) !== 13) after++;
      pos = after < n && text.charCodeAt(after) === 13 && text.charCodeAt(after + 1) === 10 ? after + 2 : after + 1;
      continue;
    }
    let first = -1;
    let last = -1;
    for (let k = i; k < eol; k++) {
      const c = text.charCodeAt(k);
      // * _ [ ] < > ` | ~ are markup here.
      if (c === 42 || c === 95 || c === 91 || c === 93 || c === 60 || c === 62 || c === 96 || c === 124 || c === 126) continue;
      masked[k] = c;
      if (c !== 32 && c !== 9) {
        if (first < 0) first = k;
        last = k + 1;
      }
    }
    const row = text.charCodeAt(i) === 124; /* | */
    // A blank line (or one of markup only) ends a paragraph; a table row is a paragraph of its own.
    if (first < 0 || row) endParagraph();
    if (first >= 0 && row) {
      blocks.push(flatBlock({ start: first, end: last }));
    } else if (first >= 0 && para) {
      for (let k = para.end; k < first; k++) {
        const c = text.charCodeAt(k);
        if (c === 10 || c === 13) masked[k] = c;
      }
      para.end = last;
    } else if (first >= 0) para = { start: first, end: last };
    pos = next;
  }
  endParagraph();
  const maskedText = decodeMasked(masked);
  const finished = finishBlocks(text, maskedText, blocks);
  let start = 0;
  while (start < n && text.charCodeAt(start) <= 32) start++;
  let end = n;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return { ...finished, masked: maskedText, comments, yaml, warnings: [{ message, span: { start, end } }], key: '' };
}

function flatBlock(span: Span): ChunkBlock {
  return { kind: 'paragraph', span, firstInItem: false, quoteDepth: 0, sentenceCount: 0 };
}

const shift = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });

/** How many leading characters two texts share; compared a run at a time, natively. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (i + step <= n && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  }
  return i;
}

/** How many trailing characters two texts share, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let i = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (i + step <= limit && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) i += step;
  }
  return i;
}

/** The last document a parser built, and what it was built from. */
interface Parsed {
  input: string;
  path?: string;
  doc: Doc;
  starts: number[];
  models: ChunkModel[];
}

/**
 * Parses documents, keeping each chunk's result so that parsing an edited version of the same document
 * parses again only the chunks the edit touched. One parser per document being edited.
 *
 * After an edit, the chunks before and after the edited part are taken from the last document by position,
 * without slicing or looking up their text, the chunk boundaries are worked out again only around the edit, and
 * the line index is the last one with the edited lines replaced. A chunk whose blocks and sentences would come
 * out the same as in the last document (same offsets, indexes, nearest heading and lines) keeps them: the same
 * objects, in both documents.
 */
export class DocumentParser {
  private cache = new Map<string, ChunkModel>();
  /** How many chunks the last parse took from the cache, and how many it parsed. */
  lastStats = { reused: 0, parsed: 0 };

  /** `chunk: false` parses every document whole (for comparison in tests). */
  constructor(private readonly options: { chunk?: boolean; minChunk?: number; maxChunk?: number } = {}) {}

  /** The last document parsed: given the same text and path again, the same object is returned. */
  private last: Parsed | undefined;

  /** The length of the last text parsed (0 before any). */
  get lastLength(): number {
    return this.last?.input.length ?? 0;
  }

  parse(input: string, path?: string): Doc {
    if (this.last && this.last.input === input && this.last.path === path) {
      this.lastStats = { reused: this.cache.size, parsed: 0 };
      return this.last.doc;
    }
    this.last = this.parseAfresh(input, path);
    return this.last.doc;
  }

  private parseAfresh(input: string, path?: string): Parsed {
    const source = stripBom(input);
    const { minChunk, maxChunk } = this.options;
    const previous = this.options.chunk === false ? undefined : this.last;
    let starts: number[];
    let edit: { start: number; end: number; delta: number } | undefined;
    if (this.options.chunk === false) starts = [0];
    else if (previous) {
      const old = previous.doc.source;
      const start = commonPrefix(old, source);
      const end = source.length - commonSuffix(old, source, Math.min(old.length, source.length) - start);
      edit = { start, end, delta: source.length - old.length };
      starts = chunkBoundariesAfterEdit(source, previous.starts, start, end, edit.delta, minChunk, maxChunk);
    } else starts = chunkBoundaries(source, minChunk, maxChunk);
    const next = new Map<string, ChunkModel>();
    const models: ChunkModel[] = [];
    const shiftOf = (begin: number): number => (edit && begin >= edit.end ? 1 : 0);
    let reused = 0;
    // Walks the last document's chunks alongside, to find those the edit left alone: the first `kept` chunks, and
    // those from `keptFrom` on, are the last document's.
    let k = 0;
    let kept = 0;
    let keptFrom = starts.length;
    for (let i = 0; i < starts.length; i++) {
      const begin = starts[i];
      const finish = i + 1 < starts.length ? starts[i + 1] : source.length;
      let model: ChunkModel | undefined;
      if (previous && edit && (finish <= edit.start || begin >= edit.end)) {
        const shift = begin >= edit.end ? edit.delta : 0;
        const old = previous.starts;
        while (k < old.length && old[k] < begin - shift) k++;
        const oldFinish = k + 1 < old.length ? old[k + 1] : previous.doc.source.length;
        if (k < old.length && old[k] === begin - shift && oldFinish === finish - shift && (k === 0) === (i === 0)) model = previous.models[k];
      }
      if (model && shiftOf(begin) === 0 && kept === i) kept++;
      if (!model || shiftOf(begin) === 0) keptFrom = starts.length;
      else if (keptFrom === starts.length) keptFrom = i;
      if (!model) {
        const text = source.slice(begin, finish);
        const key = i === 0 ? `\u0000${text}` : text;
        model = this.cache.get(key) ?? next.get(key);
        if (!model) {
          model = parseChunk(text, i === 0);
          model.key = key;
          // The cache keeps the chunk while it is unchanged: after an edit, its strings are copies rather than
          // views on this version's text (see `detached`).
          if (previous) detachStrings(model);
          reused--;
        }
      }
      reused++;
      next.set(model.key, model);
      models.push(model);
    }
    this.cache = next;
    this.lastStats = { reused, parsed: models.length - reused };
    let lines: LineIndex;
    let masked: string | undefined;
    if (previous && edit) {
      lines = LineIndex.afterEdit(previous.doc.lines, source, edit.start, edit.end);
      // The masked text of the chunks kept before and after the edit is that of the last document.
      const before = previous.doc.masked;
      // All chunks kept (an edit that removed whole chunks at the end): the head is the whole new text.
      const head = kept > 0 ? before.slice(0, kept < starts.length ? starts[kept] : source.length) : '';
      const tail = keptFrom < starts.length ? before.slice(starts[keptFrom] - edit.delta) : '';
      let middle = '';
      for (let i = kept; i < keptFrom; i++) middle += models[i].masked;
      masked = head + middle + tail;
    } else lines = new LineIndex(source);
    return { input, path, doc: assemble(source, starts, models, lines, masked, path), starts, models };
  }
}

/**
 * A block of a document. `position` is worked out from the document's line index when first read: most blocks'
 * positions are never needed, and a position is three objects. The span's offsets are kept in the block itself
 * and `span` makes a span of them when read: a document has a span object less per block and per sentence.
 */
class DocBlock implements Block {
  declare depth?: number;
  declare list?: Block['list'];
  declare cells?: Span[];
  declare headerRow?: boolean;
  declare leadIn?: Span;
  #lines: LineIndex;
  #position: Position | undefined = undefined;

  constructor(
    lines: LineIndex,
    public index: number,
    public kind: Block['kind'],
    public start: number,
    public end: number,
    public text: string,
    public quoteDepth: number,
    public headingIndex: number,
    public firstInItem: boolean,
    public firstSentence: number,
    public sentenceCount: number,
  ) {
    this.#lines = lines;
  }

  get position(): Position {
    return (this.#position ??= this.#lines.position(this.start, this.end));
  }

  set position(position: Position) {
    this.#position = position;
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  /** Reads positions from the line index of a newer document, which gives the same lines and columns here. */
  rebind(lines: LineIndex): void {
    this.#lines = lines;
  }
}

/** A sentence of a document; `position` is worked out when first read, as for blocks. */
class DocSentence implements Sentence {
  #lines: LineIndex;
  #position: Position | undefined = undefined;

  constructor(
    lines: LineIndex,
    public index: number,
    public block: number,
    public start: number,
    public end: number,
    public text: string,
  ) {
    this.#lines = lines;
  }

  get position(): Position {
    return (this.#position ??= this.#lines.position(this.start, this.end));
  }

  set position(position: Position) {
    this.#position = position;
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  /** Reads positions from the line index of a newer document, which gives the same lines and columns here. */
  rebind(lines: LineIndex): void {
    this.#lines = lines;
  }
}

/** Builds the document model: blocks (headings, paragraphs, table rows) and sentences, each with exact offsets. */
function assemble(source: string, starts: number[], models: ChunkModel[], lines: LineIndex, known: string | undefined, path?: string): Doc {
  // One string for the document (`known` when the parser built it from the last document's). Blocks' and
  // sentences' plain texts are slices of their chunk's masked text.
  const masked = known ?? (models.length === 1 ? models[0].masked : models.map((m) => m.masked).join(''));
  if (known === undefined && models.length > 1) {
    // A first parse: the chunks' own masked texts would be a second copy of the document's. Each chunk's becomes a
    // slice of it (which shares its characters), so blocks' and sentences' texts are slices of the document's too.
    // After an edit, the blocks kept keep this string alive, as they kept the chunks' own texts before.
    const seen = new Set<ChunkModel>();
    for (let c = 0; c < models.length; c++) {
      const model = models[c];
      if (seen.has(model)) continue;
      seen.add(model);
      model.masked = masked.slice(starts[c], starts[c] + model.masked.length);
    }
  }
  let blockCount = 0;
  let sentenceCount = 0;
  for (const model of models) {
    blockCount += model.blockCount;
    sentenceCount += model.sentences.length >> 2;
  }
  const blocks: Block[] = new Array(blockCount);
  const sentences: Sentence[] = new Array(sentenceCount);
  const comments: Span[] = [];
  let headingIndex = -1;
  let yaml: ChunkModel['yaml'];
  const flat: Array<{ message: string; span: Span }> = [];
  let bi = 0;
  let si = 0;
  for (let c = 0; c < models.length; c++) {
    const base = starts[c];
    const model = models[c];
    const { parsed, from, blockTexts, sentences: table } = model;
    const chunkMasked = model.masked;
    const firstBlock = bi;
    const firstSentence = si;
    const headingBefore = headingIndex;
    const line = from ? lines.point(base).line - 1 : -1;
    if (model.yaml && c === 0) yaml = model.yaml;
    for (const w of model.warnings ?? []) flat.push({ message: w.message, span: shift(w.span, base) });
    for (const comment of model.comments) comments.push(shift(comment, base));
    if (from && from.base === base && from.first === bi && from.firstSentence === si && from.line === line && from.headingBefore === headingIndex) {
      // The same blocks and sentences as in the last document built from the chunk: keep them.
      for (let k = 0; k < model.blockCount; k++) {
        const block = from.blocks[from.first + k] as DocBlock;
        block.rebind(lines);
        blocks[bi++] = block;
        if (block.kind === 'heading') headingIndex = block.index;
      }
      const count = table.length >> 2;
      for (let j = 0; j < count; j++) {
        const sentence = from.sentences[from.firstSentence + j] as DocSentence;
        sentence.rebind(lines);
        sentences[si++] = sentence;
      }
    } else {
      // Blocks come from the parse, spans relative to the chunk, or from the last document built from the chunk.
      const shiftBy = parsed ? base : base - from!.base;
      let ci = 0; // sentence index within the chunk
      for (let k = 0; k < model.blockCount; k++) {
        const b: ChunkBlock | Block = parsed ? parsed[k] : from!.blocks[from!.first + k];
        const count = parsed ? parsed[k].sentenceCount : (b as Block).sentenceCount;
        const index = bi++;
        const text = blockTexts[k * 2] < 0 ? b.text! : chunkMasked.slice(blockTexts[k * 2], blockTexts[k * 2 + 1]);
        const span = b.span;
        const block = new DocBlock(lines, index, b.kind, span.start + shiftBy, span.end + shiftBy, text, b.quoteDepth, b.kind === 'heading' ? index : headingIndex, b.firstInItem, si, count);
        if (b.kind === 'heading') headingIndex = index;
        if (b.depth !== undefined) block.depth = b.depth;
        if (b.list) block.list = b.list;
        if (b.cells) block.cells = b.cells.map((x) => shift(x, shiftBy));
        if (b.headerRow !== undefined) block.headerRow = b.headerRow;
        if (b.leadIn) block.leadIn = shift(b.leadIn, shiftBy);
        for (let j = 0; j < count; j++, ci++) {
          const t = ci * 4;
          const sentenceText =
            table[t + 2] < 0
              ? model.sentenceTexts!.get(ci)!
              : table[t + 2] === blockTexts[k * 2] && table[t + 3] === blockTexts[k * 2 + 1]
                ? text // a block of one sentence: the same string
                : chunkMasked.slice(table[t + 2], table[t + 3]);
          sentences[si] = new DocSentence(lines, si, index, base + table[t], base + table[t + 1], sentenceText);
          si++;
        }
        blocks[index] = block;
      }
    }
    model.parsed = undefined;
    model.from = { blocks, sentences, first: firstBlock, firstSentence, base, line: line >= 0 ? line : lines.point(base).line - 1, headingBefore };
  }
  const fm = readFrontMatter(yaml?.value);
  const directives = readDirectives(source, comments, lines);
  scopeDirectives(directives, blocks.map((b) => b.span), source.length);
  return {
    path,
    source,
    masked,
    lines,
    frontMatter: fm.data,
    frontMatterSpan: yaml?.span,
    warnings: [...(fm.warning ? [{ message: fm.warning, span: yaml?.span ?? { start: 0, end: 0 } }] : []), ...flat],
    blocks,
    sentences,
    directives,
  };
}

/**
 * Parses a whole document into the document model: blocks (headings, paragraphs, list items, table rows) and
 * sentences with exact offsets into `source`. Markup is blanked out in `masked`, a copy of the source of the
 * same length, so any offset found while analysing `masked` is an offset in the source too.
 */
export function parseDocument(input: string, path?: string): Doc {
  return new DocumentParser().parse(input, path);
}

function pushChildren(node: SyntaxNode, stack: Array<{ node: SyntaxNode; ctx: Context }>, ctx: Context, inItem: boolean): void {
  const children = node.children!;
  // Contexts are never changed once made: the children share one, but for the first of a list item's.
  const rest = ctx.firstInItem ? { ...ctx, firstInItem: false } : ctx;
  for (let i = children.length - 1; i >= 0; i--) {
    stack.push({ node: children[i], ctx: inItem && i === 0 ? { ...ctx, firstInItem: true } : rest });
  }
}

function spanOf(node: SyntaxNode): Span {
  return { start: node.start, end: node.end };
}

/**
 * Copies the words of a phrasing node into `masked` at their source offsets. A text node's value can differ
 * from its source slice (escapes, entities, blockquote markers on continuation lines), so value and
 * source are walked together: each character of the value is placed at the next matching source character.
 */
function fillPhrasing(root: SyntaxNode, source: string, masked: Uint16Array): void {
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' || node.type === 'inlineCode') {
      const span = spanOf(node);
      const value = node.value!;
      if (source.slice(span.start, span.end) === value) {
        for (let i = 0; i < value.length; i++) masked[span.start + i] = value.charCodeAt(i);
        continue;
      }
      let s = span.start;
      for (let v = 0; v < value.length && s < span.end; v++) {
        const c = value.charCodeAt(v);
        let t = s;
        while (t < span.end && source.charCodeAt(t) !== c) t++;
        if (t >= span.end) continue;
        masked[t] = c;
        s = t + 1;
      }
      continue;
    }
    if (node.children) {
      const children = node.children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
}

/** Decodes UTF-16 code units in one step, where the platform stores them little-endian (all but exotic ones). */
const utf16 = ((): TextDecoder | undefined => {
  try {
    return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? new TextDecoder('utf-16le', { ignoreBOM: true }) : undefined;
  } catch {
    return undefined;
  }
})();

function decodeMasked(masked: Uint16Array): string {
  // The decoder is much faster on long texts and makes no garbage, but it would replace a lone surrogate with
  // U+FFFD: texts holding any surrogate take the slower path, which keeps every code unit as it is.
  if (utf16 && masked.length > 64 && !hasSurrogate(masked)) return utf16.decode(masked);
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < masked.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, masked.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return out;
}

function hasSurrogate(units: Uint16Array): boolean {
  for (let i = 0; i < units.length; i++) if ((units[i] & 0xf800) === 0xd800) return true;
  return false;
}

/** Where the text `plainRun` found lies in `masked`, when it returns undefined. */
let runStart = 0;
let runEnd = 0;
/** Scratch space for building plain texts that are not runs of `masked`. */
let scratch = new Uint16Array(1024);

/**
 * Plain text of a span: the words of `masked`, with markup characters dropped (not turned into spaces, so
 * "*Consistency*:" reads "Consistency:") and white space collapsed.
 */
export function plain(source: string, masked: string, span: Span): string {
  return plainRun(source, masked, span.start, span.end) ?? masked.slice(runStart, runEnd);
}

/**
 * The plain text of `[start, end)`, built as one flat string; or, most often, undefined when the text is exactly
 * `masked.slice(runStart, runEnd)`, so the caller can take a slice (which shares `masked`'s characters).
 */
function plainRun(source: string, masked: string, start: number, end: number): string | undefined {
  // First pass: is the text a run of `masked`? It is when every gap between words is one space (in both texts).
  let first = -1;
  let last = -1;
  let simple = true;
  let gap = 0;
  for (let i = start; i < end; i++) {
    const m = masked.charCodeAt(i);
    if (m !== 32 && m !== 9 && m !== 10 && m !== 13) {
      if (first < 0) first = i;
      else if (gap > 0 && (gap > 1 || masked.charCodeAt(i - 1) !== 32 || !isBlank(source.charCodeAt(i - 1)))) {
        simple = false;
        break;
      }
      gap = 0;
      last = i + 1;
    } else gap++;
  }
  if (simple) {
    if (first < 0) return '';
    runStart = first;
    runEnd = last;
    return undefined;
  }
  // Second pass: copy the words and single spaces into the scratch space.
  if (scratch.length < end - start) scratch = new Uint16Array(Math.max(end - start, scratch.length * 2));
  let n = 0;
  let pendingSpace = false;
  for (let i = first; i < end; i++) {
    const m = masked.charCodeAt(i);
    if (m !== 32 && m !== 9 && m !== 10 && m !== 13) {
      if (pendingSpace) scratch[n++] = 32;
      pendingSpace = false;
      scratch[n++] = m;
    } else if (isBlank(source.charCodeAt(i))) pendingSpace = true;
  }
  return decodeMasked(scratch.subarray(0, n));
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

function isMarkup(source: string, masked: string, i: number): boolean {
  const ch = source.charCodeAt(i);
  return masked.charCodeAt(i) === 32 && (ch === 42 || ch === 95 || ch === 96 || ch === 126);
}
