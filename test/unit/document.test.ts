import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse';

const LETTER = [
  '---',
  'role: letter',
  'date: 2026-03-12',
  'consultation-log: log.md',
  '---',
  '# Review of court work',
  '',
  'Dear colleagues,',
  '',
  '**Release capacity** – streamline case management, e.g. reduce admin. We will finish by Spring 2026.',
  '',
  '1. Align with reform – deliver the new sentencing rules.',
  '2. *Consistency*: one way of working 😀 everywhere.',
  '',
  '> Quoted \\*text\\* line one',
  '> line two &amp; more.',
  '',
  '| Aim | Detail |',
  '|---|---|',
  '| Digital | Adjust the case system. |',
  '',
  '```',
  'code is not prose',
  '```',
].join('\n');

function expectExact(doc: ReturnType<typeof parseDocument>): void {
  for (const b of doc.blocks) {
    expect(doc.lines.point(b.span.start)).toEqual(b.position.start);
    expect(doc.lines.point(b.span.end)).toEqual(b.position.end);
  }
  for (const s of doc.sentences) {
    expect(doc.lines.point(s.span.start)).toEqual(s.position.start);
    const slice = doc.source.slice(s.span.start, s.span.end);
    // Every word of the plain text appears in the exact source slice.
    for (const word of s.text.split(/\W+/).filter(Boolean)) expect(slice).toContain(word);
  }
}

describe('parseDocument', () => {
  it('reads front matter', () => {
    const doc = parseDocument(LETTER, 'letter.md');
    expect(doc.frontMatter).toMatchObject({ role: 'letter', date: '2026-03-12', consultationLog: 'log.md' });
    expect(doc.warnings).toEqual([]);
  });

  it('finds headings, paragraphs, list items and table rows in order, with plain text', () => {
    const doc = parseDocument(LETTER);
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Review of court work'],
      ['paragraph', 'Dear colleagues,'],
      ['paragraph', 'Release capacity – streamline case management, e.g. reduce admin. We will finish by Spring 2026.'],
      ['paragraph', 'Align with reform – deliver the new sentencing rules.'],
      ['paragraph', 'Consistency: one way of working 😀 everywhere.'],
      ['paragraph', 'Quoted *text* line one line two & more.'],
      ['tableRow', 'Aim Detail'],
      ['tableRow', 'Digital Adjust the case system.'],
    ]);
    const item = doc.blocks[3];
    expect(item.list).toMatchObject({ ordered: true, ordinal: 1, depth: 1 });
    expect(doc.blocks[5].quoteDepth).toBe(1);
    expect(doc.blocks[6].headerRow).toBe(true);
    expect(doc.blocks[7].headerRow).toBe(false);
    expect(doc.blocks[7].headingIndex).toBe(0);
  });

  it('gives a bold lead-in its own span', () => {
    const doc = parseDocument(LETTER);
    const b = doc.blocks[2];
    expect(doc.source.slice(b.leadIn!.start, b.leadIn!.end)).toBe('**Release capacity**');
  });

  it('splits sentences and widens them over emphasis markers', () => {
    const doc = parseDocument(LETTER);
    const { firstSentence, sentenceCount } = doc.blocks[2];
    const texts = doc.sentences.slice(firstSentence, firstSentence + sentenceCount).map((s) => doc.source.slice(s.span.start, s.span.end));
    expect(texts).toEqual(['**Release capacity** – streamline case management, e.g. reduce admin.', 'We will finish by Spring 2026.']);
  });

  it('keeps the same length in the masked text and blanks code', () => {
    const doc = parseDocument(LETTER);
    expect(doc.masked.length).toBe(doc.source.length);
    expect(doc.masked).not.toContain('code is not prose');
  });

  it('gives exact positions with CRLF line endings and a byte-order mark', () => {
    const crlf = '\uFEFF' + LETTER.replace(/\n/g, '\r\n');
    const doc = parseDocument(crlf);
    expect(doc.source).toBe(LETTER.replace(/\n/g, '\r\n'));
    expectExact(doc);
    const b = doc.blocks.find((x) => x.text.startsWith('Align'))!;
    expect(b.position.start).toEqual({ line: 12, column: 4, offset: doc.source.indexOf('Align') });
  });

  it('gives exact positions with lone CR line endings', () => {
    const doc = parseDocument(LETTER.replace(/\n/g, '\r'));
    expectExact(doc);
    expect(doc.blocks[0].position.start.line).toBe(6);
  });

  it('warns about front matter it cannot read and still analyses the rest', () => {
    const doc = parseDocument('---\nrole letter\n---\n\nWe will consult.\n');
    expect(doc.warnings[0].message).toBe('The front matter could not be read and was ignored: line 1 is not "key: value".');
    expect(doc.blocks.map((b) => b.text)).toEqual(['We will consult.']);
  });

  it('copes with an empty document and a document of front matter only', () => {
    expect(parseDocument('').blocks).toEqual([]);
    const fm = parseDocument('---\nrole: response\n---\n');
    expect(fm.blocks).toEqual([]);
    expect(fm.frontMatter.role).toBe('response');
  });

  it('reads directives and scopes disable-next-line to the next block', () => {
    const text = 'Intro.\n\n<!-- counterpoint-disable-next-line unevidenced-claim -- minutes are in the annex -->\nAgreed with the unions.\n';
    const doc = parseDocument(text);
    expect(doc.directives).toHaveLength(1);
    const d = doc.directives[0];
    expect(d).toMatchObject({ kind: 'disable-next-line', rules: ['unevidenced-claim'], reason: 'minutes are in the annex', line: 3 });
    expect(text.slice(d.scope.start, d.scope.end)).toBe('Agreed with the unions.');
  });
});
