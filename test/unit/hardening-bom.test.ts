/**
 * A byte-order mark inside the text (two files pasted together, or a file saved with two marks) is an ordinary
 * character at its offset: positions after it must still slice to their text. micromark drops a mark at the start
 * of its input without counting it, so a chunk that starts with one used to put every position one early.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/core/analyse';
import { DocumentParser, parseDocument } from '../../src/core/document/parse';
import { checkLocated } from '../generate/located';

describe('a byte-order mark inside the text', () => {
  it('a document that starts with two marks: the second is kept and positions are exact', () => {
    const text = '\ufeff\ufeffWe have agreed these changes with the unions.';
    const doc = parseDocument(text);
    expect(doc.source).toBe(text.slice(1));
    expect(doc.blocks).toHaveLength(1);
    expect(doc.source.slice(doc.blocks[0].span.start, doc.blocks[0].span.end)).toBe('\ufeffWe have agreed these changes with the unions.');
    const result = compare({ path: 'l.md', text }, { path: 'r.md', text: 'We oppose this.' });
    expect(result.letter.claims.length).toBeGreaterThan(0);
    expect(checkLocated(result.letter, doc.source, {})).toEqual([]);
  });

  it('a chunk that starts with a mark gives the same model as a whole parse', () => {
    // Every paragraph starts with a mark, so every chunk does.
    const para = (i: number) => `\ufeffParagraph ${i}: the review will look again at the rota and the workload of each team.`;
    const text = [...Array.from({ length: 20 }, (_, i) => para(i)), '\ufeff# Second letter', '\ufeffThe proposals were agreed with UNISON at the JNCC.', ...Array.from({ length: 20 }, (_, i) => para(i + 20))].join('\n\n');
    const parser = new DocumentParser({ minChunk: 64, maxChunk: 256 });
    const chunked = parser.parse(text);
    expect(parser.lastStats.parsed).toBeGreaterThan(3);
    const whole = new DocumentParser({ chunk: false }).parse(text);
    expect(chunked.blocks).toEqual(whole.blocks);
    expect(chunked.masked).toEqual(whole.masked);
    const claim = chunked.blocks.find((b) => b.text.includes('UNISON'))!;
    expect(chunked.source.slice(claim.span.start, claim.span.end)).toBe('\ufeffThe proposals were agreed with UNISON at the JNCC.');
  });

  it('a mark before bold at the start of a chunk: bold, as in a whole parse (the mark reads as white space)', () => {
    const text = `Intro paragraph.\n\n\ufeff**<https://example.org>** – these proposals have been agreed with the unions.\n\n\ufeff*Rota:* a new rota.\n`;
    const whole = new DocumentParser({ chunk: false }).parse(text);
    const chunked = new DocumentParser({ minChunk: 1, maxChunk: 1 }).parse(text);
    expect(chunked.blocks.map((b) => b.text)).toEqual(['Intro paragraph.', '\ufeffhttps://example.org – these proposals have been agreed with the unions.', '\ufeffRota: a new rota.']);
    expect(chunked.masked).toBe(whole.masked);
    expect(chunked.blocks).toEqual(whole.blocks);
  });
});
