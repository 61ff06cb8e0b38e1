import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Nodes, Parents } from 'mdast';
import { LineIndex, type Span } from '../text/positions';
import { splitSentences } from '../text/sentences';
import { stripBom } from '../text/decode';
import { readFrontMatter } from './front-matter';
import { readDirectives, scopeDirectives } from './directives';
import type { Block, Doc, Sentence } from './model';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parses Markdown with unified + remark-parse into the syntax tree the document model is built from. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

interface Context {
  list?: Block['list'];
  quoteDepth: number;
  firstInItem: boolean;
}

/**
 * Builds the document model: blocks (headings, paragraphs, table rows) and sentences, each with exact
 * offsets into `source`. Markup is blanked out in `masked`, a copy of the source of the same length, so any
 * offset found while analysing `masked` is an offset in the source too.
 */
export function parseDocument(input: string, path?: string): Doc {
  const source = stripBom(input);
  const tree = parseMarkdown(source);
  const lines = new LineIndex(source);
  const masked = new Uint16Array(source.length).fill(32);
  const blocks: Block[] = [];
  const htmlComments: Span[] = [];
  let frontMatterNode: { value: string; span: Span } | undefined;
  let headingIndex = -1;

  const addBlock = (kind: Block['kind'], node: Nodes, ctx: Context, extra: Partial<Block> = {}): Block | undefined => {
    const span = spanOf(node);
    if (!span) return undefined;
    const block: Block = {
      index: blocks.length,
      kind,
      span,
      position: lines.position(span.start, span.end),
      text: '',
      quoteDepth: ctx.quoteDepth,
      headingIndex,
      firstInItem: ctx.firstInItem,
      sentences: [],
      ...(ctx.list ? { list: ctx.list } : {}),
      ...extra,
    };
    blocks.push(block);
    return block;
  };

  // Iterative walk: documents can nest lists and quotes thousands deep.
  const stack: Array<{ node: Nodes; ctx: Context }> = [{ node: tree, ctx: { quoteDepth: 0, firstInItem: false } }];
  while (stack.length > 0) {
    const { node, ctx } = stack.pop()!;
    switch (node.type) {
      case 'yaml': {
        const span = spanOf(node);
        if (span) frontMatterNode = { value: node.value, span };
        break;
      }
      case 'html': {
        const span = spanOf(node);
        if (span && /^\s*<!--/.test(node.value)) htmlComments.push(span);
        break;
      }
      case 'heading': {
        const block = addBlock('heading', node, ctx, { depth: node.depth });
        if (block) {
          fillPhrasing(node, source, masked);
          headingIndex = block.index;
          block.headingIndex = block.index;
          block.leadIn = block.span;
        }
        break;
      }
      case 'paragraph': {
        const block = addBlock('paragraph', node, ctx);
        if (block) {
          fillPhrasing(node, source, masked);
          const first = node.children[0];
          if (first && (first.type === 'strong' || first.type === 'emphasis')) {
            const lead = spanOf(first);
            if (lead) block.leadIn = lead;
          }
        }
        break;
      }
      case 'tableRow': {
        const cells: Span[] = [];
        for (const cell of node.children) {
          const span = spanOf(cell);
          if (span) cells.push(span);
          fillPhrasing(cell, source, masked);
        }
        addBlock('tableRow', node, ctx, { cells, headerRow: (ctx as Context & { header?: boolean }).header === true });
        break;
      }
      case 'table': {
        const rows = node.children;
        for (let i = rows.length - 1; i >= 0; i--) {
          stack.push({ node: rows[i], ctx: { ...ctx, header: i === 0 } as Context });
        }
        break;
      }
      case 'list': {
        const items = node.children;
        const depth = (ctx.list?.depth ?? 0) + 1;
        for (let i = items.length - 1; i >= 0; i--) {
          const ordinal = node.ordered ? (node.start ?? 1) + i : undefined;
          const list = { ordered: node.ordered === true, ordinal, depth, itemIndex: i };
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
        pushChildren(node as Parents, stack, ctx, false);
        break;
      }
      default:
        // code, thematicBreak, definition and the rest carry no prose to analyse.
        break;
    }
  }

  const maskedText = decodeMasked(masked);
  const sentences: Sentence[] = [];
  for (const block of blocks) {
    const spans = block.kind === 'tableRow' && block.cells ? block.cells.flatMap((c) => splitSentences(maskedText, c)) : splitSentences(maskedText, block.span);
    for (const s of spans) {
      const span = widenOverMarkup(source, maskedText, s, block.span);
      const sentence: Sentence = {
        index: sentences.length,
        block: block.index,
        span,
        position: lines.position(span.start, span.end),
        text: plain(source, maskedText, s),
      };
      sentences.push(sentence);
      block.sentences.push(sentence.index);
    }
    block.text = plain(source, maskedText, block.span);
  }

  const fm = readFrontMatter(frontMatterNode?.value);
  const directives = readDirectives(source, htmlComments, lines);
  scopeDirectives(directives, blocks.map((b) => b.span), source.length);
  return {
    path,
    source,
    masked: maskedText,
    lines,
    frontMatter: fm.data,
    frontMatterSpan: frontMatterNode?.span,
    warnings: fm.warning ? [{ message: fm.warning, span: frontMatterNode?.span ?? { start: 0, end: 0 } }] : [],
    blocks,
    sentences,
    directives,
  };
}

function pushChildren(node: Parents, stack: Array<{ node: Nodes; ctx: Context }>, ctx: Context, inItem: boolean): void {
  const children = node.children as Nodes[];
  for (let i = children.length - 1; i >= 0; i--) {
    stack.push({ node: children[i], ctx: { ...ctx, firstInItem: inItem && i === 0 } });
  }
}

function spanOf(node: Nodes): Span | undefined {
  const p = node.position;
  if (!p || p.start.offset === undefined || p.end.offset === undefined) return undefined;
  return { start: p.start.offset, end: p.end.offset };
}

/**
 * Copies the words of a phrasing node into `masked` at their source offsets. A text node's value can differ
 * from its source slice (escapes, entities, blockquote markers on continuation lines), so value and
 * source are walked together: each character of the value is placed at the next matching source character.
 */
function fillPhrasing(root: Nodes, source: string, masked: Uint16Array): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' || node.type === 'inlineCode') {
      const span = spanOf(node);
      if (!span) continue;
      const value = node.value;
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
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
}

function decodeMasked(masked: Uint16Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < masked.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, masked.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return out;
}

/**
 * Plain text of a span: the words of `masked`, with markup characters dropped (not turned into spaces, so
 * "*Consistency*:" reads "Consistency:") and white space collapsed.
 */
export function plain(source: string, masked: string, span: Span): string {
  let out = '';
  let runStart = -1;
  let pendingSpace = false;
  for (let i = span.start; i < span.end; i++) {
    const m = masked.charCodeAt(i);
    const kept = m !== 32 && m !== 9 && m !== 10 && m !== 13;
    if (kept) {
      if (runStart < 0) {
        if (pendingSpace && out.length > 0) out += ' ';
        pendingSpace = false;
        runStart = i;
      }
      continue;
    }
    if (runStart >= 0) {
      out += masked.slice(runStart, i);
      runStart = -1;
    }
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) pendingSpace = true;
  }
  if (runStart >= 0) out += masked.slice(runStart, span.end);
  return out;
}

/**
 * Widens a sentence span over markup that opens or closes around it (`**`, `_`, `[`, `` ` ``), so that the
 * source slice reads as the writer typed it, without dangling emphasis markers. Never leaves the block.
 */
function widenOverMarkup(source: string, masked: string, span: Span, limit: Span): Span {
  let { start, end } = span;
  while (start > limit.start && isMarkup(source, masked, start - 1)) start--;
  while (end < limit.end && isMarkup(source, masked, end)) end++;
  return { start, end };
}

function isMarkup(source: string, masked: string, i: number): boolean {
  const ch = source[i];
  return masked[i] === ' ' && (ch === '*' || ch === '_' || ch === '`' || ch === '~');
}
