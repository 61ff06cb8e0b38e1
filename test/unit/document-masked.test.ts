import { describe, expect, it } from 'vitest';
import { DocumentParser } from '../../src/core/document/parse';
import type { Doc } from '../../src/core/document/model';

function summary(doc: Doc) {
  return {
    blocks: doc.blocks.map((b) => ({ ...b, position: b.position })),
    sentences: doc.sentences.map((s) => ({ ...s, position: s.position })),
    masked: doc.masked,
  };
}

/** A section with markup, a list and a table: its masked text differs from its source. */
function section(i: number, same = false): string {
  const n = same ? 0 : i;
  return [
    `## ${n + 1}. Rota design at site ${n}`,
    `**Proposal.** The *employer* proposes a seven-day rota for team ${n}; the union's view is set out below.`,
    `- Staff were told on ${1 + (n % 27)} May.\n- The branch has not agreed the change.`,
    `| Aim | Response |\n|---|---|\n| Rota ${n} | Not agreed |`,
  ].join('\n\n');
}

describe('masked text of a chunked document', () => {
  // The chunks' masked texts are slices of the document's after a first parse: blocks' and sentences' texts must
  // still be exactly those of a parse of the whole text, also for a chunk whose text comes twice (one cached
  // model at two places) and after edits to either copy.
  const repeated = [section(0), section(1, true), section(2), section(3, true), section(4)].join('\n\n');

  it('gives the model of a whole parse, with chunks repeated', () => {
    const whole = new DocumentParser({ chunk: false }).parse(repeated);
    const parser = new DocumentParser({ minChunk: 64, maxChunk: 256 });
    const chunked = parser.parse(repeated);
    expect(parser.lastStats.parsed).toBeGreaterThan(3);
    expect(summary(chunked)).toEqual(summary(whole));
    for (const b of chunked.blocks) expect(chunked.masked.slice(b.span.start, b.span.end).replace(/\s+/g, ' ').trim()).toContain(b.text.split(' ')[0]);
  });

  it('gives the model of a fresh parse after edits to each copy of a repeated chunk', () => {
    const parser = new DocumentParser({ minChunk: 64, maxChunk: 256 });
    parser.parse(repeated);
    let text = repeated;
    for (const at of [text.indexOf('seven-day'), text.lastIndexOf('seven-day'), text.indexOf('Not agreed')]) {
      text = `${text.slice(0, at)}five-day${text.slice(at + 'seven-day'.length)}`;
      const fresh = new DocumentParser({ minChunk: 64, maxChunk: 256 }).parse(text);
      expect(summary(parser.parse(text))).toEqual(summary(fresh));
      expect(summary(fresh)).toEqual(summary(new DocumentParser({ chunk: false }).parse(text)));
    }
  });
});
