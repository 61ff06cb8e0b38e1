/**
 * Front matter at the edges: written with lone-CR line endings (old Mac files), and a document that opens with
 * `---` that never closes (a rule at the top, or front matter cut short).
 */
import { describe, expect, it } from 'vitest';
import { DocumentParser, parseDocument } from '../../src/core/document/parse';
import { chunkBoundaries } from '../../src/core/document/chunks';

const filler = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} about the rota, the workload and the review of offices.`).join('\n\n');

describe('front matter', () => {
  it('with lone-CR line endings stays whole in the first chunk', () => {
    const text = `---\rrole: letter\rdate: 2026-09-14\rtitle: "Rota review"\r---\r\r${filler.replace(/\n/g, '\r')}`;
    const starts = chunkBoundaries(text, 16, 64);
    const close = text.indexOf('---', 3);
    for (const s of starts.slice(1)) expect(s).toBeGreaterThan(close);
    const chunked = new DocumentParser({ minChunk: 16, maxChunk: 64 }).parse(text);
    const whole = new DocumentParser({ chunk: false }).parse(text);
    expect(chunked.frontMatter).toEqual(whole.frontMatter);
    expect(chunked.frontMatter.role).toBe('letter');
    expect(chunked.blocks).toEqual(whole.blocks);
  });

  it('an unclosed --- at the top does not turn later list items into paragraphs', () => {
    const text = '---\nrole: letter\n\nOur aims are:\n\n- We will close three offices.\n- We will introduce a seven-day rota.\n';
    const doc = parseDocument(text);
    const items = doc.blocks.filter((b) => b.list);
    expect(items.map((b) => b.text)).toEqual(['We will close three offices.', 'We will introduce a seven-day rota.']);
    expect(doc.frontMatterSpan).toBeUndefined();
  });

  it('closed front matter is still read', () => {
    const doc = parseDocument('---\nrole: response\nresponds-to: letter.md\n---\n\n- We oppose this.\n');
    expect(doc.frontMatter).toMatchObject({ role: 'response', respondsTo: 'letter.md' });
    expect(doc.blocks[0].list).toBeDefined();
  });
});
