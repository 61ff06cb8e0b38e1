/**
 * The syntax tree the document model is built from, compiled straight from micromark's events.
 *
 * remark-parse is micromark (tokenising) plus mdast-util-from-markdown (turning micromark's events into an mdast
 * tree). The second step costs about a fifth of remark-parse's time and much of its garbage: it copies a context
 * object for every event, builds a position of two point objects for every node, and builds nodes the engine
 * never reads (link URLs and titles, code values, definitions). This module runs the same micromark tokeniser,
 * with the same extensions (see markdown-syntax.ts), and compiles its events with the same rules as
 * mdast-util-from-markdown (and the table, strikethrough and front-matter extensions' rules), but builds only
 * what the document model reads: node types, offsets, text values, heading depths, list order and start.
 * `fromMdast` gives the same shape from a remark-parse tree; the tests check both agree on any text.
 *
 * When the events hold a shape the compiler does not expect, it throws `Unexpected`, and the caller parses the
 * text with remark-parse instead.
 */
import { parse, postprocess, preprocess } from 'micromark';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Nodes } from 'mdast';

/** A node of the syntax tree: mdast's type names; offsets instead of positions. */
export interface SyntaxNode {
  type: string;
  start: number;
  end: number;
  children?: SyntaxNode[];
  /** text, inlineCode, html, yaml. */
  value?: string;
  /** heading. */
  depth?: number;
  /** list. */
  ordered?: boolean;
  first?: number | null;
}

export class Unexpected extends Error {}

type Parser = ReturnType<typeof parse>;
type ParseOptions = NonNullable<Parameters<typeof parse>[0]>;
type Event = ReturnType<typeof postprocess>[number];
type Token = Event[1];

/**
 * A micromark parser per set of extensions, made once: micromark combines its extensions each time a parser is
 * made, which is most of a small text's fixed cost. Its only state between texts is the link definitions seen
 * and the lazy lines, both reset before each text.
 */
const parsers = new Map<string, Parser>();

export function tokenize(text: string, key: string, options: () => ParseOptions): Event[] {
  let parser = parsers.get(key);
  if (!parser) {
    parser = parse(options());
    parsers.set(key, parser);
  }
  parser.defined = [];
  parser.lazy = {};
  return postprocess(parser.document().write(preprocess()(text, undefined, true)));
}

const CAN_CONTAIN_EOLS = new Set(['emphasis', 'fragment', 'heading', 'paragraph', 'strong', 'delete']);

/** Nodes with children, by the token that opens them. */
const PARENTS: Record<string, string> = {
  atxHeading: 'heading',
  setextHeading: 'heading',
  paragraph: 'paragraph',
  blockQuote: 'blockquote',
  emphasis: 'emphasis',
  strong: 'strong',
  strikethrough: 'delete',
  link: 'link',
  autolink: 'link',
  table: 'table',
  tableRow: 'tableRow',
  tableHeader: 'tableCell',
  tableData: 'tableCell',
};

/** Nodes without children the model needs to see (they end a run of text). */
const LEAVES: Record<string, string> = {
  hardBreakEscape: 'break',
  hardBreakTrailing: 'break',
  image: 'image',
  thematicBreak: 'thematicBreak',
};

/** Nodes whose value is the text of their content (mdast-util-from-markdown's `buffer` … `resume`). */
const VALUED: Record<string, string> = {
  codeText: 'inlineCode',
  htmlFlow: 'html',
  htmlText: 'html',
  yaml: 'yaml',
};

/** Strings whose text goes nowhere the model reads (a fragment, dropped when it closes). */
const FRAGMENTS = new Set([
  'label',
  'referenceString',
  'resourceDestinationString',
  'resourceTitleString',
  'codeFencedFenceInfo',
  'codeFencedFenceMeta',
]);

/** Nodes whose content the model never reads: skipped whole. */
const OPAQUE: Record<string, string> = {
  codeFenced: 'code',
  codeIndented: 'code',
  definition: 'definition',
};

const DATA_ENTER = new Set([
  'data',
  'characterEscape',
  'characterReference',
  'codeTextData',
  'htmlFlowData',
  'htmlTextData',
  'autolinkProtocol',
  'autolinkEmail',
]);

const DATA_EXIT = new Set(['data', 'characterEscapeValue', 'codeTextData', 'htmlFlowData', 'htmlTextData', 'autolinkProtocol', 'autolinkEmail']);

/** What an event of each token type does, looked up once per event: the sets above, in the order they were tried. */
const OPENS_PARENT = 1;
const IS_DATA = 2;
const IS_LEAF = 3;
const IS_VALUED = 4;
const IS_FRAGMENT = 5;
const IS_OPAQUE = 6;

function kinds(data: Set<string>): Map<string, number> {
  const out = new Map<string, number>();
  const add = (types: Iterable<string>, kind: number) => {
    for (const t of types) if (!out.has(t)) out.set(t, kind);
  };
  add(Object.keys(PARENTS), OPENS_PARENT);
  add(data, IS_DATA);
  add(Object.keys(LEAVES), IS_LEAF);
  add(Object.keys(VALUED), IS_VALUED);
  add(FRAGMENTS, IS_FRAGMENT);
  add(Object.keys(OPAQUE), IS_OPAQUE);
  return out;
}

const ENTER_KIND = kinds(DATA_ENTER);
/** On exit, opaque nodes have been skipped whole: their exit is never looked up. */
const EXIT_KIND = kinds(DATA_EXIT);

function textOf(node: SyntaxNode): string {
  if (node.value !== undefined) return node.value;
  let out = '';
  if (node.children) for (const c of node.children) out += textOf(c);
  return out;
}

/** Compiles micromark's events into the syntax tree, by mdast-util-from-markdown's rules. */
export function compileEvents(events: Event[]): SyntaxNode {
  const root: SyntaxNode = { type: 'root', start: -1, end: -1, children: [] };
  const stack: SyntaxNode[] = [root];
  let opaque = 0;
  let atHardBreak = false;
  let slurpLineEnding = false;
  let expectingFirstValue = false;
  let inTable = false;
  /** The kind of the character reference being read (from-markdown's `characterReferenceType`). */
  let referenceType: string | undefined;

  const top = (): SyntaxNode => stack[stack.length - 1];
  const open = (node: SyntaxNode): void => {
    const parent = top();
    if (!parent.children) throw new Unexpected(node.type);
    parent.children.push(node);
    stack.push(node);
  };
  const close = (token: Token): SyntaxNode => {
    const node = stack.pop();
    if (!node || stack.length === 0) throw new Unexpected(token.type);
    node.end = token.end.offset;
    return node;
  };
  const enterData = (token: Token): void => {
    const parent = top();
    const siblings = parent.children;
    if (!siblings) throw new Unexpected(token.type);
    let tail = siblings[siblings.length - 1];
    if (!tail || tail.type !== 'text') {
      tail = { type: 'text', start: token.start.offset, end: -1, value: '' };
      siblings.push(tail);
    }
    stack.push(tail);
  };
  const exitData = (token: Token, slice: string): void => {
    const tail = stack.pop();
    if (!tail || tail.value === undefined) throw new Unexpected(token.type);
    tail.value += slice;
    tail.end = token.end.offset;
  };
  const resume = (): string => {
    const fragment = stack.pop();
    if (!fragment || fragment.type !== 'fragment') throw new Unexpected('fragment');
    return textOf(fragment);
  };

  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const token = event[1];
    const type = token.type as string;
    if (event[0] === 'enter') {
      if (opaque > 0) {
        opaque++;
        continue;
      }
      switch (ENTER_KIND.get(type)) {
        case OPENS_PARENT: {
          const parentType = PARENTS[type];
          open(parentType === 'heading' ? { type: parentType, start: token.start.offset, end: -1, depth: 0, children: [] } : { type: parentType, start: token.start.offset, end: -1, children: [] });
          if (type === 'table') inTable = true;
          continue;
        }
        case IS_DATA:
          enterData(token);
          continue;
        case IS_LEAF:
          open({ type: LEAVES[type], start: token.start.offset, end: -1 });
          continue;
        case IS_VALUED:
          open({ type: VALUED[type], start: token.start.offset, end: -1, value: '' });
          stack.push({ type: 'fragment', start: -1, end: -1, children: [] });
          continue;
        case IS_FRAGMENT:
          stack.push({ type: 'fragment', start: -1, end: -1, children: [] });
          continue;
        case IS_OPAQUE: {
          const parent = top();
          if (!parent.children) throw new Unexpected(type);
          parent.children.push({ type: OPAQUE[type], start: token.start.offset, end: token.end.offset });
          opaque = 1;
          continue;
        }
        default:
          break;
      }
      switch (type) {
        case 'listOrdered':
        case 'listUnordered':
          open({ type: 'list', start: token.start.offset, end: -1, ordered: type === 'listOrdered', first: null, children: [] });
          if (type === 'listOrdered') expectingFirstValue = true;
          break;
        case 'listItemPrefix': {
          if (top().type === 'listItem') stack.pop();
          if (top().type !== 'list') throw new Unexpected(type);
          open({ type: 'listItem', start: -1, end: -1, children: [] });
          break;
        }
        case 'listItemValue':
          if (expectingFirstValue) {
            const list = stack[stack.length - 2];
            if (list.type !== 'list') throw new Unexpected(type);
            list.first = Number.parseInt(event[2].sliceSerialize(token), 10);
            expectingFirstValue = false;
          }
          break;
        default:
          break;
      }
      continue;
    }

    // exit
    if (opaque > 0) {
      opaque--;
      continue;
    }
    switch (EXIT_KIND.get(type)) {
      case OPENS_PARENT:
        if (type === 'setextHeading') slurpLineEnding = false;
        close(token);
        if (type === 'table') inTable = false;
        continue;
      case IS_DATA:
        exitData(token, event[2].sliceSerialize(token));
        continue;
      case IS_LEAF:
        if (type === 'hardBreakEscape' || type === 'hardBreakTrailing') atHardBreak = true;
        close(token);
        continue;
      case IS_VALUED: {
        let value = resume();
        if (type === 'yaml') value = value.replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '');
        else if (type === 'codeText' && inTable) value = value.replace(/\\([\\|])/g, (all: string, c: string) => (c === '|' ? c : all));
        const node = close(token);
        node.value = value;
        continue;
      }
      case IS_FRAGMENT: {
        const fragment = stack.pop();
        if (!fragment || fragment.type !== 'fragment') throw new Unexpected(type);
        if (type === 'label' && top().type === 'link') top().children = fragment.children;
        continue;
      }
      default:
        break;
    }
    switch (type) {
      case 'lineEnding': {
        const context = top();
        if (atHardBreak) {
          const children = context.children;
          if (!children || children.length === 0) throw new Unexpected(type);
          children[children.length - 1].end = token.end.offset;
          atHardBreak = false;
        } else if (!slurpLineEnding && CAN_CONTAIN_EOLS.has(context.type)) {
          enterData(token);
          exitData(token, event[2].sliceSerialize(token));
        }
        break;
      }
      case 'yamlValue':
        enterData(token);
        exitData(token, event[2].sliceSerialize(token));
        break;
      case 'characterReferenceMarkerNumeric':
      case 'characterReferenceMarkerHexadecimal':
        referenceType = type;
        break;
      case 'characterReferenceValue': {
        const data = event[2].sliceSerialize(token);
        let value: string | false;
        if (referenceType === 'characterReferenceMarkerNumeric' || referenceType === 'characterReferenceMarkerHexadecimal') {
          value = decodeNumericCharacterReference(data, referenceType === 'characterReferenceMarkerNumeric' ? 10 : 16);
          referenceType = undefined;
        } else value = decodeNamedCharacterReference(data);
        const tail = top();
        if (tail.value === undefined) throw new Unexpected(type);
        tail.value += value;
        break;
      }
      case 'characterReference': {
        const tail = stack.pop();
        if (!tail || tail.type !== 'text') throw new Unexpected(type);
        tail.end = token.end.offset;
        break;
      }
      case 'listOrdered':
      case 'listUnordered':
        if (top().type === 'listItem') stack.pop();
        if (top().type !== 'list') throw new Unexpected(type);
        close(token);
        break;
      case 'atxHeadingSequence': {
        const node = top();
        if (!node.depth) node.depth = event[2].sliceSerialize(token).length;
        break;
      }
      case 'setextHeadingText':
        slurpLineEnding = true;
        break;
      case 'setextHeadingLineSequence':
        top().depth = event[2].sliceSerialize(token).codePointAt(0) === 61 ? 1 : 2;
        break;
      default:
        break;
    }
  }
  if (stack.length !== 1 || opaque !== 0) throw new Unexpected('unclosed');
  return root;
}

/** The same shape from a remark-parse (mdast) tree: for the fallback and for tests. */
export function fromMdast(node: Nodes): SyntaxNode {
  const p = node.position;
  const out: SyntaxNode = {
    type: node.type === 'linkReference' ? 'link' : node.type === 'imageReference' ? 'image' : node.type,
    start: node.type === 'root' || node.type === 'listItem' || !p ? -1 : (p.start.offset ?? -1),
    end: node.type === 'root' || node.type === 'listItem' || !p ? -1 : (p.end.offset ?? -1),
  };
  if (node.type === 'heading') out.depth = node.depth;
  if (node.type === 'list') {
    out.ordered = node.ordered === true;
    out.first = node.start ?? null;
  }
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'yaml') out.value = node.value;
  else if ('children' in node) out.children = (node.children as Nodes[]).map(fromMdast);
  return out;
}
