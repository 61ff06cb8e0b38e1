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

const parsers = {
  tablesFrontMatter: unified().use(remarkParse).use(remarkTables).use(remarkStrikethrough).use(remarkYamlFrontMatter),
  tables: unified().use(remarkParse).use(remarkTables).use(remarkStrikethrough),
  frontMatter: unified().use(remarkParse).use(remarkStrikethrough).use(remarkYamlFrontMatter),
  plain: unified().use(remarkParse).use(remarkStrikethrough),
};

/** Parses with tables whatever the text (tests compare it with `parseMarkdownTree`). */
export function parseMarkdownTreeWithTables(text: string, frontMatter = true): Root {
  return (frontMatter ? parsers.tablesFrontMatter : parsers.tables).parse(text) as Root;
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

/** Parses a Markdown text; front matter is recognised only where asked (at the very start of a document). */
export function parseMarkdownTree(text: string, frontMatter = true): Root {
  const tables = mayHoldTable(text);
  const parser = tables ? (frontMatter ? parsers.tablesFrontMatter : parsers.tables) : frontMatter ? parsers.frontMatter : parsers.plain;
  return parser.parse(text) as Root;
}
