// The claim reader lower-cases a document a stretch at a time rather than keeping a lower-cased copy of it
// (claims/compact.ts), and scans a long document for union parties a stretch at a time (claims/scan.ts). Both
// must give exactly what the whole text lower-cased at once gives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCompact, collapsedSpaces, flattened, lowerWhole, spaced, wordAlternatives } from '../../src/core/claims/compact';
import { EVIDENCE, PARTIES, TRIGGERS } from '../../src/core/claims/lexicon';
import { findClaims } from '../../src/core/claims/claims';
import { quoteRegions } from '../../src/core/claims/sentence';
import { parseDocument } from '../../src/core/document/parse';

const PAIRS = join(__dirname, '../fixtures/pairs');

// Letters, a capital sigma (its small form depends on what follows), a dotted capital I (lower-cases to two
// code units), curly quotes, a Kelvin sign, a character outside the basic plane (a surrogate pair) and spaces.
const PIECES = ['A', 'b', 'Z', ' ', '\n', '.', "'", '\u2019', '\u201c', '\u03a3', '\u03c3', '\u0130', '\u212a', '\ud801\udc00', 'É', 'ß', 'Ω', '\u00a0'];

describe('stretches of the lower-cased text', () => {
  it('are the stretches of the whole text lower-cased, wherever they start and end', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.nat(), fc.nat(), (pieces, x, y) => {
        const text = pieces.join('');
        const whole = lowerWhole(text).lower;
        const compact = buildCompact(text);
        const s = text.length === 0 ? 0 : x % (text.length + 1);
        const e = s + (text.length === 0 ? 0 : y % (text.length - s + 1));
        expect(compact.lower(s, e)).toBe(whole.slice(s, e));
        expect(compact.lower(e, e + 20)).toBe(whole.slice(e, e + 20));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a whole lower-cased copy only of a text that needs one', () => {
    expect(buildCompact('The Unions were consulted \u2018fully\u2019.').whole).toBeUndefined();
    expect(buildCompact('ΟΔΥΣΣΕΥΣ met the unions').whole).toBe('οδυσσευς met the unions');
    const dotted = buildCompact('İzmir branch');
    expect(dotted.perChar).toBe(true);
    expect(dotted.lower(0, 6)).toBe('İzmir ');
  });
});

describe('scanning a long document a stretch at a time', () => {
  // Sentences with union parties and involvement words, some of their phrases broken across lines and runs of
  // spaces (as markup leaves them), so that some fall across the edges of the stretches scanned.
  const SENTENCES = [
    'The proposals were discussed with the trade\n   unions at the JNCC on 4 March 2026.',
    'We consulted staff   side representatives on the revised rota.',
    'The new   framework was agreed   with UNISON and   GMB   in April.',
    'Formal consultation began on 2 February with the recognised unions.',
    'The changes were accepted by members in a ballot held in May.',
    'Managers briefed the branch secretary about the timetable.',
    'The European Union rules do not apply here, and no union was told.',
    'A collective agreement was signed with the joint trade unions.',
    'The plans were shared with UNISON members on the ward.',
    'Staff were told about the move in a team meeting.',
  ];

  it('finds the claims the whole text lower-cased at once finds', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: SENTENCES.length - 1 }), { minLength: 700, maxLength: 1000 }), fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 50 }), (order, pads) => {
        const paragraphs: string[] = [];
        order.forEach((k, i) => {
          // Runs of spaces inside paragraphs (at a paragraph's start, four would make it code).
        const pad = ' '.repeat(pads[i % pads.length]);
          paragraphs.push(`${SENTENCES[k]}${pad} ${SENTENCES[(k + i) % SENTENCES.length]}`);
        });
        const body = `# Review of the rota\n\n${paragraphs.join('\n\n')}\n`;
        // The same text with a capital sigma in a last paragraph: lower-cased as a whole copy, as before.
        const plain = parseDocument(body, 'letter.md');
        const greek = parseDocument(`${body}\nΣ\n`, 'letter.md');
        expect(buildCompact(plain.masked).whole).toBeUndefined();
        expect(buildCompact(greek.masked).whole).toBeDefined();
        expect(plain.masked.length).toBeGreaterThan(4 * 16384);
        const a = findClaims(plain, { role: 'letter' });
        const b = findClaims(greek, { role: 'letter' });
        expect(a.length).toBeGreaterThan(order.length / 2);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 6, endOnFailure: true },
    );
  });
});

describe('quotations with white space collapsed', () => {
  it('are the slice with each run of white space made one space', () => {
    const ws = [' ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\r\n'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...ws), fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 60 }), fc.nat(), fc.nat(), (pieces, x, y) => {
        const text = pieces.join('');
        const s = text.length === 0 ? 0 : x % (text.length + 1);
        const e = s + (text.length === 0 ? 0 : y % (text.length - s + 1));
        expect(collapsedSpaces(text, s, e)).toBe(text.slice(s, e).replace(/\s+/g, ' '));
      }),
      { numRuns: 3000 },
    );
    const long = `${'word \n '.repeat(3000)}end`;
    expect(collapsedSpaces(long, 0, long.length)).toBe(long.replace(/\s+/g, ' '));
  });
});

describe('messages made one string', () => {
  it('are the same text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...PIECES)), { maxLength: 30 }), (pieces) => {
        const text = pieces.reduce((a, b) => `${a}${b}`, '');
        expect(flattened(text)).toBe(text);
      }),
      { numRuns: 2000 },
    );
    const long = `${'The unions were consulted \u2013 '.repeat(500)}end`;
    expect(flattened(long)).toBe(long);
    expect(flattened('')).toBe('');
  });
});

describe('quotations found in a text in its own case', () => {
  it('are those found in it lower-cased', () => {
    const chars = ['"', "'", '\u2018', '\u2019', '\u201c', '\u201d', '\u201e', '\u02bc', '\u212a', 'a', 'B', ' ', '.', ',', '!', '?', '1', 'é'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 50 }), fc.nat(), (pieces, x) => {
        const text = pieces.join('');
        const start = text.length === 0 ? 0 : x % (text.length + 1);
        const lower = lowerWhole(text).lower;
        expect(quoteRegions(text, start, text.length, 0, true)).toEqual(quoteRegions(lower, start, text.length));
        expect(quoteRegions(lower.slice(start), start, text.length, start)).toEqual(quoteRegions(lower, start, text.length));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('word alternatives', () => {
  // The claim reader's lists of phrases are matched as one `\b(?:(p1)|(p2)|…)\b` (wordAlternatives), which V8 runs
  // faster than `\b(p1)\b|\b(p2)\b|…`. The two must find the same matches, each in the same group.
  const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0], m.findIndex((g, i) => i > 0 && g !== undefined)]);
  const texts = readdirSync(PAIRS).flatMap((d) => ['letter.md', 'response.md'].map((f) => readFileSync(join(PAIRS, d, f), 'utf8')));
  const lists: Array<[string, string[]]> = [
    ['involvement words', TRIGGERS.map((t) => t.pattern)],
    ['union parties', PARTIES.filter((p) => !p.caseSensitive).map((p) => p.pattern)],
    ['union names', PARTIES.filter((p) => p.caseSensitive).map((p) => p.pattern)],
    ['evidence', EVIDENCE.map((e) => e.pattern)],
  ];
  it.each(lists)('match the %s as an alternation of whole words does', (_name, patterns) => {
    const factored = new RegExp(wordAlternatives(patterns), 'g');
    const plain = new RegExp(patterns.map((p) => `\\b(${spaced(p)})\\b`).join('|'), 'g');
    let found = 0;
    for (const text of texts) {
      for (const t of [text, text.toLowerCase()]) {
        const got = matches(factored, t);
        expect(got).toEqual(matches(plain, t));
        found += got.length;
      }
    }
    expect(found).toBeGreaterThan(0);
  });
});
