import { describe, expect, it } from 'vitest';
import { DocumentParser } from '../../src/core/document/parse';
import { chunkBoundaries } from '../../src/core/document/chunks';
import type { Doc } from '../../src/core/document/model';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { AnalysisCache } from '../../src/core/incremental';
import { compareDocs } from '../../src/core/analyse';

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

describe('comparison memo (incremental analysis of an edited pair)', () => {
  const dir = path.join(__dirname, '../fixtures/pairs');
  const pairs = readdirSync(dir)
    .filter((n) => !n.startsWith('empty'))
    .slice(0, 12)
    .map((n) => ({ name: n, letter: readFileSync(path.join(dir, n, 'letter.md'), 'utf8'), response: readFileSync(path.join(dir, n, 'response.md'), 'utf8') }));

  /** Edits a user might make: a word in the middle, a sentence added, a paragraph removed, two paragraphs swapped. */
  const edits: Array<(t: string) => string> = [
    (t) => t.replace(/\b(staff|members|proposals?|service)\b/, 'colleagues'),
    (t) => t.replace(/\n\n/, '\n\nThis has been agreed with the trade unions at the JNCC.\n\n'),
    (t) => {
      const parts = t.split('\n\n');
      if (parts.length > 4) parts.splice(Math.floor(parts.length / 2), 1);
      return parts.join('\n\n');
    },
    (t) => {
      const parts = t.split('\n\n');
      const i = Math.floor(parts.length / 2);
      if (parts.length > 4) [parts[i], parts[i + 1]] = [parts[i + 1], parts[i]];
      return parts.join('\n\n');
    },
    (t) => t + '\n\nWe oppose the closure of the regional office.\n',
  ];

  it('gives, after each edit to the letter or the response, exactly what a fresh analysis gives', () => {
    let compared = 0;
    for (const p of pairs) {
      const cache = new AnalysisCache();
      const memo = cache.memo('letter.md', 'response.md');
      let letter = p.letter;
      let response = p.response;
      compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', response), { memo });
      for (let step = 0; step < edits.length * 2; step++) {
        const edit = edits[step % edits.length];
        if (step % 2 === 0) letter = edit(letter);
        else response = edit(response);
        const incremental = compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', response), { memo });
        const fresh = compareDocs(new DocumentParser().parse(letter, 'letter.md'), new DocumentParser().parse(response, 'response.md'));
        expect(JSON.stringify(incremental), `${p.name}, step ${step}`).toBe(JSON.stringify(fresh));
        compared++;
      }
    }
    expect(compared).toBe(pairs.length * edits.length * 2);
  });

  it('keeps what it read of the response while only the letter changes, and reads it again when the response changes', () => {
    const p = pairs[0];
    const cache = new AnalysisCache();
    const memo = cache.memo('letter.md', 'response.md');
    compareDocs(cache.parse('letter.md', p.letter), cache.parse('response.md', p.response), { memo });
    const read = memo.align.prep;
    expect(read).toBeDefined();
    compareDocs(cache.parse('letter.md', edits[0](p.letter)), cache.parse('response.md', p.response), { memo });
    expect(memo.align.prep).toBe(read);
    compareDocs(cache.parse('letter.md', edits[0](p.letter)), cache.parse('response.md', edits[4](p.response)), { memo });
    expect(memo.align.prep).not.toBe(read);
  });

  it('reuses the whole alignment when an edit leaves the aims as they were (a claim added to the background)', () => {
    const letter = '# Proposals\n\nDear colleagues,\n\nWe propose to:\n\n1. Close the Northgate office and move staff to the civic centre.\n2. Introduce a seven-day rota for duty officers.\n\nYours sincerely,\n';
    const response = '# Branch response\n\n**Closing Northgate** – we oppose the closure of the Northgate office.\n\n**Seven-day rota** – we cannot accept a seven-day rota without more staff.\n';
    const cache = new AnalysisCache();
    const memo = cache.memo('letter.md', 'response.md');
    const first = compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', response), { memo });
    const edited = letter.replace('Dear colleagues,', 'Dear colleagues,\n\nThese proposals were agreed with the trade unions.');
    const second = compareDocs(cache.parse('letter.md', edited), cache.parse('response.md', response), { memo });
    expect(second.alignments).toBe(first.alignments);
    expect(second.letter.claims.length).toBe(first.letter.claims.length + 1);
    const fresh = compareDocs(new DocumentParser().parse(edited, 'letter.md'), new DocumentParser().parse(response, 'response.md'));
    expect(JSON.stringify(second)).toBe(JSON.stringify(fresh));
    // An edit inside an aim is aligned again.
    const third = compareDocs(cache.parse('letter.md', edited.replace('seven-day', 'six-day')), cache.parse('response.md', response), { memo });
    expect(third.alignments).not.toBe(first.alignments);
  });
});
