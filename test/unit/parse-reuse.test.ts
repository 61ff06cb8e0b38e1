import { describe, expect, it } from 'vitest';
import { DocumentParser, parseDocument } from '../../src/core/document/parse';
import type { Doc } from '../../src/core/document/model';
import { generatePair } from '../generate/documents';

/** Everything a user of the model reads, positions included. */
function model(doc: Doc) {
  return {
    blocks: doc.blocks.map((b) => ({ ...b, position: b.position })),
    sentences: doc.sentences.map((s) => ({ ...s, position: s.position })),
    masked: doc.masked,
    lines: doc.lines.lineCount,
    directives: doc.directives,
    warnings: doc.warnings,
  };
}

describe('the parser after an edit', () => {
  const { letter } = generatePair(120_000, 5);
  const middle = letter.indexOf('. ', letter.length >> 1) + 1;

  it('keeps the blocks and sentences before the edit, and after it when nothing there moved', () => {
    const parser = new DocumentParser();
    const first = parser.parse(letter);
    model(first); // positions read, and kept by the objects
    const word = letter.indexOf(' the ', middle) + 1;
    const edited = `${letter.slice(0, word)}our ${letter.slice(word + 4)}`; // same length, same sentences
    const second = parser.parse(edited);
    expect(parser.lastStats.parsed).toBe(1);
    expect(model(second)).toEqual(model(parseDocument(edited)));
    const at = second.blocks.findIndex((b) => b.span.end > word);
    expect(second.blocks[0]).toBe(first.blocks[0]);
    expect(second.blocks[at >> 1]).toBe(first.blocks[at >> 1]);
    expect(second.blocks[second.blocks.length - 1]).toBe(first.blocks[first.blocks.length - 1]);
    expect(second.sentences[second.sentences.length - 1]).toBe(first.sentences[first.sentences.length - 1]);
    // The first document still reads as it did.
    expect(model(first)).toEqual(model(parseDocument(letter)));
  });

  it('gives the blocks after an edit that adds a line (same length) their new lines', () => {
    const parser = new DocumentParser();
    model(parser.parse(letter));
    const space = letter.indexOf(' the ', middle);
    const edited = `${letter.slice(0, space)}\n${letter.slice(space + 1)}`; // a space in a paragraph becomes a line break
    const second = parser.parse(edited);
    expect(second.blocks.length).toBe(parseDocument(letter).blocks.length);
    expect(model(second)).toEqual(model(parseDocument(edited)));
    expect(second.lines.lineCount).toBe(parseDocument(letter).lines.lineCount + 1);
  });

  it('gives what a fresh parse gives after edits that lengthen and shorten the text, one after another', () => {
    const parser = new DocumentParser();
    let text = letter;
    model(parser.parse(text));
    for (const [at, remove, insert] of [
      [middle, 0, 'A new sentence. '],
      [1000, 30, ''],
      [text.length - 500, 0, '\n\n## A new heading\n\nWe will close two offices.\n'],
      [middle + 20, 3, '\r\n'],
    ] as Array<[number, number, string]>) {
      text = text.slice(0, at) + insert + text.slice(at + remove);
      const doc = parser.parse(text);
      expect(parser.lastStats.parsed).toBeLessThan(4);
      expect(model(doc)).toEqual(model(parseDocument(text)));
    }
  });
});
