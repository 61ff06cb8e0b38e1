import type { LineIndex, Position, Span } from '../text/positions';
import type { Directive } from './directives';

/** What front matter may say about a document. Unknown keys are kept in `extra`. */
export interface FrontMatter {
  role?: 'letter' | 'response';
  respondsTo?: string;
  date?: string;
  from?: string;
  consultationLog?: string;
  title?: string;
  extra: Record<string, unknown>;
}

/** A unit of prose: a heading, a paragraph (anywhere: top level, list item, quote) or a table row. */
export interface Block {
  /** Position of the block in `Doc.blocks`. */
  index: number;
  kind: 'heading' | 'paragraph' | 'tableRow';
  /** Source span of the block's own content (for a list item's paragraph, without the bullet). A new object each
   * time it is read: loops over many blocks read `start` and `end` instead. */
  span: Span;
  /** The span's offsets. */
  readonly start: number;
  readonly end: number;
  position: Position;
  /** Plain text, markup removed, white space collapsed. */
  text: string;
  /** Heading level, for headings. */
  depth?: number;
  /** The list item the block sits in, if any; `quoteDepth` is how many blockquotes enclose the list (a list quoted
   * whole, "> 1. …", is inside its quote: what follows the quote is not in the item). */
  list?: { ordered: boolean; ordinal?: number; depth: number; itemIndex: number; quoteDepth: number };
  /** True for the first block of a list item. */
  firstInItem: boolean;
  /** How many blockquotes enclose the block. */
  quoteDepth: number;
  /** Index of the nearest heading at or before this block, or -1. */
  headingIndex: number;
  /** For table rows: the cells' spans, and whether this is the header row. */
  cells?: Span[];
  headerRow?: boolean;
  /** A bold or italic opening phrase ("**Release workforce capacity** – …"); for headings, the heading. */
  leadIn?: Span;
  /** The block's sentences, which are consecutive: `sentenceCount` of them in `Doc.sentences` from
   * `firstSentence` (where the first would be when it has none). Two numbers rather than a list of indexes: an
   * array for every block cost megabytes on long documents. */
  readonly firstSentence: number;
  readonly sentenceCount: number;
}

export interface Sentence {
  index: number;
  /** Index of the block the sentence belongs to. */
  block: number;
  /** A new object each time it is read: loops over many sentences read `start` and `end` instead. */
  span: Span;
  /** The span's offsets. */
  readonly start: number;
  readonly end: number;
  position: Position;
  /** Plain text of the sentence. */
  text: string;
}

export interface DocWarning {
  message: string;
  span: Span;
}

export interface Doc {
  path?: string;
  /** The text analysed: the input without a byte-order mark. All offsets count into it. */
  source: string;
  /** `source` with markup, code and comments blanked to spaces: same length, same offsets. */
  masked: string;
  lines: LineIndex;
  frontMatter: FrontMatter;
  frontMatterSpan?: Span;
  warnings: DocWarning[];
  blocks: Block[];
  sentences: Sentence[];
  directives: Directive[];
}
