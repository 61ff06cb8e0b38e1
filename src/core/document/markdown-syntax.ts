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

/** GFM tables and strikethrough, parsing only. */
function remarkTables(this: Processor): void {
  const data = this.data() as ParserData;
  add(data, gfmTable(), gfmTableFromMarkdown());
  add(data, gfmStrikethrough(), gfmStrikethroughFromMarkdown());
}

/** YAML front matter, parsing only. */
function remarkYamlFrontMatter(this: Processor): void {
  add(this.data() as ParserData, frontmatter(['yaml']), frontmatterFromMarkdown(['yaml']));
}

const withFrontMatter = unified().use(remarkParse).use(remarkTables).use(remarkYamlFrontMatter);
const withoutFrontMatter = unified().use(remarkParse).use(remarkTables);

/** Parses a Markdown text; front matter is recognised only where asked (at the very start of a document). */
export function parseMarkdownTree(text: string, frontMatter = true): Root {
  return (frontMatter ? withFrontMatter : withoutFrontMatter).parse(text) as Root;
}
