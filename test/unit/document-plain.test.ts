import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument, plain } from '../../src/core/document/parse';

/** The plain-text rule written the simple way: words of `masked`, markup dropped, white space collapsed. */
function reference(source: string, masked: string, start: number, end: number): string {
  const words: string[] = [];
  let word = '';
  let space = false;
  for (let i = start; i < end; i++) {
    const m = masked[i];
    if (m === ' ' || m === '\t' || m === '\n' || m === '\r') {
      if (word) words.push(word);
      word = '';
      if (/[ \t\n\r\u00a0]/.test(source[i])) space = true;
      continue;
    }
    if (!word && words.length > 0) {
      // A gap between words: a space if the source had white space there, nothing if only markup.
      words[words.length - 1] += space ? ' ' : '';
    }
    space = false;
    word += m;
  }
  if (word) words.push(word);
  return words.join('');
}

const piece = fc.constantFrom('word', 'Ünïcode', '–', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '**', '_', '`', '[', '](x)', '> ', '- ', '1. ', '# ', '|', '. ', '😀', '&amp;', '\\*');
const markdown = fc.array(piece, { maxLength: 80 }).map((p) => p.join(''));

describe('plain text of blocks and sentences', () => {
  it('drops markup and collapses white space, for any span', () => {
    fc.assert(
      fc.property(markdown, fc.nat(), fc.nat(), (text, a, b) => {
        const doc = parseDocument(text);
        const n = doc.source.length;
        const start = n === 0 ? 0 : a % (n + 1);
        const end = start + (n === 0 ? 0 : b % (n - start + 1));
        expect(plain(doc.source, doc.masked, { start, end })).toBe(reference(doc.source, doc.masked, start, end));
        for (const block of doc.blocks) expect(block.text).toBe(reference(doc.source, doc.masked, block.span.start, block.span.end));
      }),
      { numRuns: 500 },
    );
  });

  it('reads "**Release capacity** – a plan" without the asterisks and a wrapped line as one line', () => {
    const doc = parseDocument('**Release capacity** – a plan\nthat wraps. Second   sentence.\n');
    expect(doc.blocks[0].text).toBe('Release capacity – a plan that wraps. Second sentence.');
    expect(doc.sentences.map((s) => s.text)).toEqual(['Release capacity – a plan that wraps.', 'Second sentence.']);
  });
});
