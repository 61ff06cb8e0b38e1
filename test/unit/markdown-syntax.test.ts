import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mayHoldTable, parseMarkdownTree, parseMarkdownTreeWithTables } from '../../src/core/document/markdown-syntax';

/** Lines built from the characters tables, lists, quotes, headings and setext underlines are made of. */
const line = fc.array(fc.constantFrom('a', 'b c', ' ', '-', '--', ':', '|', '>', '#', '*', '~', '1.', '`', '\t', '=', '\\'), { maxLength: 8 }).map((p) => p.join(''));
const markdown = fc.array(fc.oneof(line, fc.constant('')), { maxLength: 10 }).map((ls) => ls.join('\n'));

describe('parsing without the table extension where no table can be', () => {
  it('sees that tables need a pipe or a colon beside a dash', () => {
    expect(mayHoldTable('a | b\n-|-\n')).toBe(true);
    expect(mayHoldTable('a\n:-\n')).toBe(true);
    expect(mayHoldTable('a\n-:\n')).toBe(true);
    expect(mayHoldTable('Dear colleagues,\n\n- one\n- two\n\nHeading\n---\n')).toBe(false);
  });

  it('gives the same tree as parsing with tables, for any text (generated)', () => {
    let checked = 0;
    fc.assert(
      fc.property(markdown, fc.boolean(), (text, frontMatter) => {
        checked++;
        expect(parseMarkdownTree(text, frontMatter)).toEqual(parseMarkdownTreeWithTables(text, frontMatter));
      }),
      { numRuns: 1500, seed: 20261122 },
    );
    expect(checked).toBe(1500);
  });

  it('reads pipe-less tables (a colon beside the dashes) as tables', () => {
    expect(parseMarkdownTree('Aim\n:--\nStaffing\n').children[0].type).toBe('table');
    expect(parseMarkdownTree('Aim\n---\n').children[0].type).toBe('heading');
  });
});
