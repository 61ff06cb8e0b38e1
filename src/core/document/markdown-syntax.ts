/**
 * The Markdown syntax the engine reads: CommonMark (remark-parse) plus GFM tables and strikethrough and YAML
 * front matter, registered straight from the micromark and mdast extensions that remark-gfm and
 * remark-frontmatter wrap. Only their parsing halves are loaded: the engine never writes Markdown, and the
 * serialisers those plugins also bring would add about a tenth to the extension's bundle.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import type { Root } from 'mdast';
import { compileEvents, fromMdast, tokenize, Unexpected, type SyntaxNode } from './syntax-tree';

interface ParserData {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
}

function add(data: ParserData, micromark: unknown, fromMarkdown: unknown): void {
  (data.micromarkExtensions ??= []).push(micromark);
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown);
}

/** GFM tables, parsing only. */
function remarkTables(this: Processor): void {
  add(this.data() as ParserData, gfmTable(), gfmTableFromMarkdown());
}

/** GFM strikethrough, parsing only. */
function remarkStrikethrough(this: Processor): void {
  add(this.data() as ParserData, gfmStrikethrough(), gfmStrikethroughFromMarkdown());
}

/** YAML front matter, parsing only. */
function remarkYamlFrontMatter(this: Processor): void {
  add(this.data() as ParserData, frontmatter(['yaml']), frontmatterFromMarkdown(['yaml']));
}

/** One processor per combination of extensions, built on first use and kept. */
const parsers = new Map<number, Processor>();

const TABLES = 1;
const STRIKETHROUGH = 2;
const FRONT_MATTER = 4;

function parserFor(flags: number): Processor {
  let parser = parsers.get(flags);
  if (!parser) {
    let p: Processor = unified().use(remarkParse) as unknown as Processor;
    if (flags & TABLES) p = p.use(remarkTables) as unknown as Processor;
    if (flags & STRIKETHROUGH) p = p.use(remarkStrikethrough) as unknown as Processor;
    if (flags & FRONT_MATTER) p = p.use(remarkYamlFrontMatter) as unknown as Processor;
    parser = p.freeze() as unknown as Processor;
    parsers.set(flags, parser);
  }
  return parser;
}

/** Parses with tables and strikethrough whatever the text (tests compare it with `parseMarkdownTree`). */
export function parseMarkdownTreeWithTables(text: string, frontMatter = true): Root {
  return parserFor(TABLES | STRIKETHROUGH | (frontMatter ? FRONT_MATTER : 0)).parse(text) as Root;
}

/**
 * Whether a text may hold a GFM table. A table needs a delimiter row: cells of dashes separated by pipes, or,
 * without a pipe, one cell with a colon beside its dashes (`:-`, `-:`). The table extension is tried at the
 * start of every line and reads the line through, which makes parsing up to a third slower: texts that cannot
 * hold a table (most letters) are parsed without it, to the same tree.
 */
export function mayHoldTable(text: string): boolean {
  return text.includes('|') || text.includes(':-') || text.includes('-:');
}

/**
 * Whether a text may hold GFM strikethrough: it needs a tilde. The extension otherwise only adds work (its
 * resolver runs inside every emphasis), so texts without one are parsed without it, to the same tree.
 */
export function mayHoldStrikethrough(text: string): boolean {
  return text.includes('~');
}

function flagsFor(text: string, frontMatter: boolean): number {
  return (mayHoldTable(text) ? TABLES : 0) | (mayHoldStrikethrough(text) ? STRIKETHROUGH : 0) | (frontMatter ? FRONT_MATTER : 0);
}

/** Parses a Markdown text; front matter is recognised only where asked (at the very start of a document). */
export function parseMarkdownTree(text: string, frontMatter = true): Root {
  return parserFor(flagsFor(text, frontMatter)).parse(text) as Root;
}

/** The micromark extensions of a set of flags, as the plugins above register them. */
function extensionsFor(flags: number): ParserData['micromarkExtensions'] {
  const data: ParserData = {};
  if (flags & TABLES) add(data, gfmTable(), undefined);
  if (flags & STRIKETHROUGH) add(data, gfmStrikethrough(), undefined);
  if (flags & FRONT_MATTER) add(data, frontmatter(['yaml']), undefined);
  return data.micromarkExtensions ?? [];
}

/**
 * Parses a Markdown text into the syntax tree the document model reads (see syntax-tree.ts): the same micromark
 * tokeniser and extensions as `parseMarkdownTree`, compiled without building the whole mdast tree.
 */
export function parseSyntaxTree(text: string, frontMatter = true, fallBack = true): SyntaxNode {
  const flags = flagsFor(text, frontMatter);
  try {
    return compileEvents(tokenize(text, String(flags), () => ({ extensions: extensionsFor(flags) as never })));
  } catch (error) {
    if (!(error instanceof Unexpected) || !fallBack) throw error;
    return fromMdast(parserFor(flags).parse(text) as Root);
  }
}
