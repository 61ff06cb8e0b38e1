import { describe, expect, it } from 'vitest';
import { DocumentParser } from '../../src/core/document/parse';
import { chunkBoundaries } from '../../src/core/document/chunks';
import type { Doc } from '../../src/core/document/model';

const PARTS = [
  '# Workforce review\n\nDear colleagues,\n\nWe write to set out our proposals for the review. The unions were consulted at the JNCC on 3 May 2026.\n',
  '1. **Release capacity** – streamline case management.\n2. Consistency: one way of working.\n\n   A second paragraph in item two.\n',
  '- a loose list item\n\n- another loose item\n',
  '> Quoted line one\n> line two.\n',
  '| Aim | Detail |\n|---|---|\n| Digital | Adjust the case system. |\n',
  '```\ncode block\n\nWith a blank line inside: Not a chunk start.\n```\n',
  '<!--\ncomment over\n\nSeveral lines: Not a chunk start.\n-->\n',
  '<!-- counterpoint-disable-next-line unevidenced-claim -- minutes in annex -->\nAgreed with the unions.\n',
  'Setext heading\n==============\n',
  '* * *\n',
  'A final paragraph with an emoji 😀 and e.g. abbreviations. Another sentence here.\n',
];

function makeDoc(n: number, crlf = false): string {
  const out: string[] = ['---\nrole: letter\ndate: 2026-05-01\n---\n'];
  for (let i = 0; i < n; i++) out.push(PARTS[i % PARTS.length].replace('review', `review ${i}`));
  const text = out.join('\n');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

function summary(doc: Doc) {
  return {
    blocks: doc.blocks.map((b) => ({ ...b, position: b.position })),
    sentences: doc.sentences,
    masked: doc.masked,
    directives: doc.directives,
    frontMatter: doc.frontMatter,
  };
}

describe('chunked parsing', () => {
  it('splits a long document into several chunks, never inside code, comments or lists', () => {
    const text = makeDoc(400);
    const starts = chunkBoundaries(text, 256, 4096);
    expect(starts.length).toBeGreaterThan(10);
    for (const s of starts.slice(1)) {
      const line = text.slice(s, text.indexOf('\n', s));
      expect(line).not.toMatch(/^(Not a chunk start|With a blank line|Several lines|- |\d+\. |\s)/);
      expect(text.slice(s - 2, s)).toBe('\n\n');
    }
  });

  for (const crlf of [false, true]) {
    it(`gives exactly the same model as parsing the whole text${crlf ? ' (CRLF)' : ''}`, () => {
      const text = makeDoc(300, crlf);
      const whole = new DocumentParser({ chunk: false }).parse(text);
      const chunked = new DocumentParser({ minChunk: 128, maxChunk: 2048 }).parse(text);
      expect(summary(chunked)).toEqual(summary(whole));
    });
  }

  it('parses again only the chunks an edit touches, and the result equals a fresh parse', () => {
    const text = makeDoc(600);
    const parser = new DocumentParser({ minChunk: 256, maxChunk: 4096 });
    parser.parse(text);
    const total = parser.lastStats.parsed;
    expect(total).toBeGreaterThan(15);
    const at = text.indexOf('streamline', Math.floor(text.length / 2));
    const edited = text.slice(0, at) + 'simplify' + text.slice(at + 'streamline'.length);
    const doc = parser.parse(edited);
    expect(parser.lastStats.parsed).toBeLessThanOrEqual(3);
    expect(parser.lastStats.reused).toBeGreaterThanOrEqual(total - 3);
    expect(summary(doc)).toEqual(summary(new DocumentParser({ chunk: false }).parse(edited)));
  });
});
