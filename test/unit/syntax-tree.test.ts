import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileEvents, fromMdast, tokenize } from '../../src/core/document/syntax-tree';
import { parseMarkdownTree, parseSyntaxTree } from '../../src/core/document/markdown-syntax';
import { markdownDocument } from '../generate/markdown-arbitraries';
import { generatePair } from '../generate/documents';

/** The tree compiled from micromark's events must equal remark-parse's tree, as the document model reads it. */
function same(text: string, frontMatter: boolean): void {
  expect(parseSyntaxTree(text, frontMatter, false)).toEqual(fromMdast(parseMarkdownTree(text, frontMatter)));
}

/** Pieces of every construct the compiler handles, and of some it skips. */
const piece = fc.constantFrom(
  'a', 'b c', ' ', '  ', '\t', '-', '--', '---', ':', '|', '>', '#', '##', '*', '**', '_', '~', '~~', '1.', '2)', '`', '```', '~~~',
  '\\', '\\*', '\\|', '&amp;', '&#42;', '&#x1F600;', '&copy', '[', ']', '(', ')', '![', '](u "t")', '[r]', '[r]: /u', '<', '>',
  '<b>', '</div>', '<div>', '<!--', '-->', '<https://x.org>', '<a@b.co>', '=', '===', '    code', '\u00a0', '😀', '\r', '<?', '?>',
);
const line = fc.array(piece, { maxLength: 10 }).map((p) => p.join(''));
const markdown = fc.array(fc.oneof(line, fc.constant('')), { maxLength: 12 }).map((ls) => ls.join('\n'));

describe('the syntax tree compiled from micromark events', () => {
  it('equals remark-parse’s tree for any text built of Markdown’s pieces (generated)', () => {
    fc.assert(
      fc.property(markdown, fc.boolean(), fc.constantFrom('\n', '\r\n', '\r'), (text, frontMatter, eol) => same(text.replace(/\n/g, eol), frontMatter)),
      { numRuns: 4000, seed: 20261122 },
    );
  });

  it('equals remark-parse’s tree for generated letters and responses', () => {
    fc.assert(fc.property(markdownDocument(), (text) => same(text, true)), { numRuns: 300, seed: 7 });
    const { letter, response } = generatePair(60_000, 3);
    same(letter, true);
    same(response, true);
  });

  it('equals remark-parse’s tree for every fixture', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.md')) files.push(path);
      }
    };
    walk('test/fixtures');
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) same(readFileSync(file, 'utf8'), true);
  });

  it('keeps no link definitions from one text to the next', () => {
    tokenize('[r]: /u\n', '0', () => ({}));
    const events = tokenize('[r]\n', '0', () => ({}));
    const tree = compileEvents(events);
    expect(tree.children?.[0].children?.[0]).toMatchObject({ type: 'text', value: '[r]' });
  });
});
