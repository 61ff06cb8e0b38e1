/**
 * Documents nested or marked up beyond what micromark can parse in good time (or at all: 10,000 quotes overflow
 * its stack) are read as plain text, with a warning, instead of hanging or crashing the CLI and the extension.
 * Timings are printed; the bound only catches a hang.
 */
import { describe, expect, it } from 'vitest';
import { check, compare } from '../../src/core/analyse';
import { DocumentParser, parseDocument } from '../../src/core/document/parse';
import { MAX_NESTING, tooHardToParse } from '../../src/core/document/guard';
import { checkLocated } from '../generate/located';

const HANG_MS = 20_000;

function timedParse(name: string, text: string) {
  const t0 = performance.now();
  const doc = parseDocument(text, `${name}.md`);
  const ms = performance.now() - t0;
  console.log(`${name}: ${(text.length / 1024).toFixed(0)} KB parsed in ${ms.toFixed(0)} ms, ${doc.blocks.length} blocks, ${doc.warnings.length} warning(s)`);
  expect(ms).toBeLessThan(HANG_MS);
  return doc;
}

const CASES: Record<string, string> = {
  'quotes 10,000 deep on one line': `${'>'.repeat(10_000)} These changes were agreed with the unions.\n`,
  'quotes 10,000 deep, one more a line': Array.from({ length: 10_000 }, (_, i) => `${'>'.repeat(Math.min(i + 1, 10_000))} q${i}`).slice(0, 3000).join('\n') + `\n${'>'.repeat(10_000)} deepest\n`,
  'list items 10,000 deep on one line': `${'- '.repeat(10_000)}We will close three offices.\n`,
  'ordered items 10,000 deep on one line': `${'1. '.repeat(10_000)}We will close three offices.\n`,
  'quotes and items alternating 5,000 deep': `${'> - '.repeat(5_000)}We have agreed with the unions.\n`,
  'an indented list 1,000 deep': Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(2 * i)}- item ${i}: we will agree`).join('\n') + '\n',
  'a long list of lists': '- Topic\n  - We will agree the rota with the unions.\n'.repeat(4_000),
  'a 100 KB paragraph of *a': '*a'.repeat(50_000),
  'a 100 KB paragraph of [a](': '[a]('.repeat(25_000),
  'a 100 KB paragraph of **a': '**a'.repeat(33_333),
};

describe('deeply nested and densely marked-up documents', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`${name}: parsed quickly, read as plain text with a warning, positions exact`, () => {
      const doc = timedParse(name, `# Proposals\n\nWe will review the rota.\n\n${text}`);
      expect(tooHardToParse(text)).toBeDefined();
      expect(doc.warnings.length).toBeGreaterThan(0);
      expect(doc.warnings[0].message).toMatch(/read as plain text/);
      // Words survive the plain reading.
      expect(doc.blocks.some((b) => /rota|offices|agreed|agree|item|\ba\b/.test(b.text))).toBe(true);
      for (const b of doc.blocks) expect(doc.source.slice(b.span.start, b.span.end).length).toBe(b.span.end - b.span.start);
      const t0 = performance.now();
      const result = compare({ path: 'letter.md', text: doc.source }, { path: 'response.md', text: 'We oppose this.' });
      const c = check([{ path: 'letter.md', text: doc.source }]);
      console.log(`${name}: compare and check in ${(performance.now() - t0).toFixed(0)} ms`);
      expect(result.letter.warnings?.[0].message).toMatch(/read as plain text/);
      expect(c.documents[0].warnings?.length).toBeGreaterThan(0);
      const sources = { 'letter.md': doc.source, 'response.md': 'We oppose this.' };
      expect(checkLocated(result.letter, doc.source, sources)).toEqual([]);
      expect(checkLocated(c.documents[0], doc.source, sources)).toEqual([]);
    });
  }

  it('the plain reading keeps front matter, directives and the rest of the document as Markdown', () => {
    const deep = `${'>'.repeat(200)} deep\n`;
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of ordinary prose about the review of the rota.`).join('\n\n');
    const text = `---\nrole: letter\ndate: 2026-09-14\n---\n\n# Proposals\n\n${filler}\n\n<!-- counterpoint-disable-next-line unevidenced-claim -- minutes in annex -->\n${deep}\n${filler}\n\n- **Rota** – we will introduce a seven-day rota.\n`;
    const doc = new DocumentParser({ minChunk: 256, maxChunk: 1024 }).parse(text);
    expect(doc.frontMatter.role).toBe('letter');
    expect(doc.warnings).toHaveLength(1);
    // Only the chunk with the deep quote is read flat: the list item at the end is still a list item.
    expect(doc.blocks.at(-1)?.list).toBeDefined();
    expect(doc.blocks.find((b) => b.kind === 'heading')?.text).toBe('Proposals');
    expect(doc.directives.length).toBeGreaterThan(0);
  });

  it('ordinary nesting (a few levels of lists in quotes) is read as Markdown', () => {
    const text = Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n') + '\n\n' + '> > > - quoted item\n';
    expect(tooHardToParse(text)).toBeUndefined();
    const doc = parseDocument(text);
    expect(doc.warnings).toEqual([]);
    expect(Math.max(...doc.blocks.map((b) => b.list?.depth ?? 0))).toBe(12);
    expect(doc.blocks.at(-1)?.quoteDepth).toBe(3);
    expect(MAX_NESTING).toBeGreaterThanOrEqual(16);
  });
});
