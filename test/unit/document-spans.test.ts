import { describe, expect, it } from 'vitest';
import { DocumentParser, parseDocument } from '../../src/core/document/parse';

const text = [
  '# Proposals for the probation delivery unit',
  '**Rota design** – the employer proposes a seven-day rota. Staff were told on 3 May.',
  '- The branch has not agreed the change.\n- Members ask for an equality impact assessment.',
  '| Aim | Response |\n|---|---|\n| Rota | Not agreed |',
].join('\n\n');

describe('spans of blocks and sentences', () => {
  // Blocks and sentences keep their offsets themselves and make a span when asked: each read gives a plain
  // `{ start, end }` of the right offsets, which the caller may keep or change without touching the document.
  it('are plain spans of the exact offsets', () => {
    const doc = parseDocument(text);
    expect(doc.blocks.length).toBeGreaterThan(4);
    for (const b of doc.blocks) {
      expect(b.span).toEqual({ start: b.position.start.offset, end: b.position.end.offset });
      expect(Object.keys(b.span)).toEqual(['start', 'end']);
    }
    for (const s of doc.sentences) {
      expect(s.span).toEqual({ start: s.position.start.offset, end: s.position.end.offset });
      expect(doc.source.slice(s.span.start, s.span.end).length).toBe(s.span.end - s.span.start);
    }
    expect(doc.source.slice(doc.blocks[0].span.start, doc.blocks[0].span.end)).toBe('# Proposals for the probation delivery unit');
  });

  it('are not changed by changing a span read from them', () => {
    const doc = parseDocument(text);
    const b = doc.blocks[1];
    const before = { ...b.span };
    const span = b.span;
    span.start += 5;
    span.end = 0;
    expect(b.span).toEqual(before);
    const s = doc.sentences[0];
    const first = { ...s.span };
    s.span.end = -1;
    expect(s.span).toEqual(first);
  });

  it('move with their chunk after an edit before them', () => {
    const parser = new DocumentParser({ minChunk: 64, maxChunk: 256 });
    parser.parse(text);
    const edited = `A new opening paragraph.\n\n${text}`;
    const doc = parser.parse(edited);
    const fresh = new DocumentParser({ chunk: false }).parse(edited);
    expect(doc.blocks.map((b) => b.span)).toEqual(fresh.blocks.map((b) => b.span));
    expect(doc.sentences.map((s) => s.span)).toEqual(fresh.sentences.map((s) => s.span));
    for (const s of doc.sentences) expect(edited.slice(s.span.start, s.span.end)).toBe(fresh.source.slice(s.span.start, s.span.end));
  });
});
