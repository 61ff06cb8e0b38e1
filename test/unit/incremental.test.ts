import { describe, expect, it } from 'vitest';
import { DocumentParser } from '../../src/core/document/parse';
import { chunkBoundaries } from '../../src/core/document/chunks';
import type { Doc } from '../../src/core/document/model';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { AnalysisCache } from '../../src/core/incremental';
import { compareDocs, type AnalyseOptions } from '../../src/core/analyse';
import { parseConsultationLog } from '../../src/core/claims/log';
import { generatePair } from '../generate/documents';

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

describe('the memos a cache keeps', () => {
  const text = (n: number) => '# Letter\n\n' + 'We propose to move the rota. '.repeat(n);
  function pair(cache: AnalysisCache, name: string, repeats: number): void {
    cache.parse(`${name}-letter.md`, text(repeats));
    cache.parse(`${name}-response.md`, text(repeats));
  }
  const memoOf = (cache: AnalysisCache, name: string) => cache.memo(`${name}-letter.md`, `${name}-response.md`);

  it('keeps the eight pairs used most recently', () => {
    const cache = new AnalysisCache();
    const names = Array.from({ length: 9 }, (_, i) => `pair${i}`);
    const first = names.map((n) => {
      pair(cache, n, 2);
      return memoOf(cache, n);
    });
    // The first was dropped when the ninth came; the other eight are kept (asked for from the most recent, so that
    // asking does not itself drop one).
    for (let i = 8; i >= 1; i--) expect(memoOf(cache, names[i])).toBe(first[i]);
    expect(memoOf(cache, names[0])).not.toBe(first[0]);
  });

  it('drops the memos used least recently when their texts pass the budget, never the one in use', () => {
    const cache = new AnalysisCache({ memoBudget: 2_000 });
    pair(cache, 'long', 30); // about 1,700 characters together
    const long = memoOf(cache, 'long');
    expect(memoOf(cache, 'long')).toBe(long);
    pair(cache, 'short', 2);
    const short = memoOf(cache, 'short');
    expect(memoOf(cache, 'short')).toBe(short);
    expect(memoOf(cache, 'long')).toBe(long); // the two fit: both kept
    pair(cache, 'longer', 40); // about 2,300 characters: over the budget on its own, and kept while in use
    const longer = memoOf(cache, 'longer');
    expect(memoOf(cache, 'longer')).toBe(longer);
    expect(memoOf(cache, 'short')).not.toBe(short);
    expect(memoOf(cache, 'long')).not.toBe(long);
  });
});

describe('aims and claims after an edit (AimsMemo, ClaimsMemo)', () => {
  const dir = path.join(__dirname, '../fixtures/pairs');
  const names = readdirSync(dir).filter((n) => !n.startsWith('empty'));
  const read = (n: string, f: string) => readFileSync(path.join(dir, n, f), 'utf8');

  /** A simple seeded generator, so that a failure can be replayed. */
  function random(seed: number): () => number {
    let x = seed >>> 0 || 1;
    return () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) / 4294967296;
    };
  }

  /**
   * Edits that change the text's length as users do: a word made longer or shorter, a line broken in two or two
   * joined, a union claim typed in, a directive added, the date or the title changed, a list item or a heading
   * added, text pasted and deleted.
   */
  const EDITS: Array<(t: string, at: number) => string> = [
    (t, at) => t.slice(0, at) + 'the ' + t.slice(at),
    (t, at) => t.slice(0, at) + t.slice(Math.min(t.length, at + 7)),
    (t, at) => t.slice(0, at) + '\n' + t.slice(at),
    (t, at) => {
      const nl = t.indexOf('\n', at);
      return nl < 0 ? t : t.slice(0, nl) + ' ' + t.slice(nl + 1);
    },
    (t, at) => {
      const p = t.indexOf('\n\n', at);
      return p < 0 ? t : t.slice(0, p) + '\n\nThe proposals were agreed with the trade unions at the JNCC on 3 May 2026. We consulted UNISON.\n\n' + t.slice(p + 2);
    },
    (t, at) => {
      const p = t.indexOf('\n\n', at);
      return p < 0 ? t : t.slice(0, p) + '\n\n<!-- counterpoint-disable-next-line unevidenced-claim -- see minutes -->\nThe unions have agreed the new rota.\n\n' + t.slice(p + 2);
    },
    (t) => t.replace(/date: \d{4}-\d{2}-\d{2}/, 'date: 2026-01-09').replace(/^# (.*)$/m, '# Revised: $1'),
    (t, at) => {
      const p = t.indexOf('\n\n', at);
      return p < 0 ? t : t.slice(0, p) + '\n\n## Proposal 9: close the depot\n\nWe intend to close the depot and move staff to the civic centre.\n\n' + t.slice(p + 2);
    },
    (t, at) => {
      const p = t.indexOf('\n1. ', at);
      return p < 0 ? t : t.slice(0, p) + '\n1. Introduce a new rota for duty officers, agreed with the unions.' + t.slice(p);
    },
    (t, at) => t.slice(0, at) + t.slice(at, at + 40).replace(/(consult|agree|negotiat|inform)/, 'discuss') + t.slice(at + 40),
    (t, at) => t.slice(0, at) + ' Σοφία ΟΔΟΣ ' + t.slice(at),
    (t, at) => t.slice(0, Math.max(0, at - 300)) + t.slice(at),
  ];

  function check(letter: string, response: string, steps: number, seed: number, options: AnalyseOptions = {}, editResponse = true): number {
    const next = random(seed);
    const cache = new AnalysisCache();
    const memo = cache.memo('letter.md', 'response.md');
    compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', response), { ...options, memo });
    let compared = 0;
    for (let step = 0; step < steps; step++) {
      const edit = EDITS[Math.floor(next() * EDITS.length)];
      if (editResponse && step % 4 === 3) response = edit(response, Math.floor(next() * response.length));
      else letter = edit(letter, Math.floor(next() * letter.length));
      const incremental = compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', response), { ...options, memo });
      const fresh = compareDocs(new DocumentParser().parse(letter, 'letter.md'), new DocumentParser().parse(response, 'response.md'), options);
      expect(JSON.stringify(incremental.letter), `seed ${seed}, step ${step}`).toBe(JSON.stringify(fresh.letter));
      expect(JSON.stringify(incremental.response.claims), `seed ${seed}, step ${step}`).toBe(JSON.stringify(fresh.response.claims));
      compared++;
    }
    return compared;
  }

  it('gives the aims and claims a fresh analysis gives after edits that lengthen, shorten and break lines', () => {
    let compared = 0;
    names.forEach((n, i) => {
      compared += check(read(n, 'letter.md'), read(n, 'response.md'), 12, 1000 + i);
    });
    expect(compared).toBe(names.length * 12);
  });

  it('does so with Windows line ends, a consultation log and extra phrases', () => {
    const log = parseConsultationLog(
      '| Date | Forum | Topic | Unions | Outcome |\n|---|---|---|---|---|\n| 2026-03-02 | JNCC | Rota review and duty officers | UNISON | consulted |\n| 2026-04-02 | JNCC | Depot closure | all | informed |\n',
      'log.md',
    );
    const options: AnalyseOptions = { log, extraPhrases: [{ phrase: 'talked it through', rung: 'engaged' }] };
    let compared = 0;
    names.slice(0, 10).forEach((n, i) => {
      const crlf = (t: string) => t.replace(/\r?\n/g, '\r\n');
      compared += check(crlf(read(n, 'letter.md')), crlf(read(n, 'response.md')), 8, 2000 + i, options);
    });
    expect(compared).toBe(80);
  });

  it('does so in a long generated letter, where most of the work is kept', () => {
    const { letter, response } = generatePair(40000, 3);
    expect(check(letter, response, 15, 77, {}, false)).toBe(15);
  });

  it('weighs a claim again when the words of its aim change, though its own paragraph did not', () => {
    const letter =
      '---\nrole: letter\ndate: 2026-05-01\n---\n\n# Changes to services\n\nDear colleagues,\n\n## Proposal 1: the Northgate depot\n\n' +
      'We intend to close the Northgate depot and move the crews to Southmoor.\n\n' +
      // Enough words between the aim and the claim that the claim's paragraph is not read again for being near the edit.
      'Background paragraph with plenty of ordinary words in it, about the history of the area and its roads and bridges and parks. '.repeat(4) +
      '\n\nThe unions were consulted on this at the JNCC.\n\nYours sincerely,\n';
    const response =
      '---\nrole: response\n---\n\n# Branch response\n\n**Northgate depot** – The letter says the unions were consulted. This is not the case: the Northgate depot closure was never put to the JNCC.\n';
    const cache = new AnalysisCache();
    const memo = cache.memo('letter.md', 'response.md');
    const r = cache.parse('response.md', response);
    const first = compareDocs(cache.parse('letter.md', letter), r, { memo });
    expect(first.letter.claims.map((c) => c.status)).toEqual(['disputed']);
    // The response disputes the claim only through the aim's words (the depot): with the aim about a library, it does not.
    const edited = letter.replace(/Northgate depot/g, 'Eastfield library');
    const second = compareDocs(cache.parse('letter.md', edited), r, { memo });
    expect(second.letter.claims.map((c) => c.status)).toEqual(['unevidenced']);
    const fresh = compareDocs(new DocumentParser().parse(edited, 'letter.md'), new DocumentParser().parse(response, 'response.md'));
    expect(JSON.stringify(second)).toBe(JSON.stringify(fresh));
  });

  it('reuses the aims found when an edit changes nothing the finders read, and finds them again when it does', () => {
    const letter =
      '# Proposals\n\nDear colleagues,\n\nWe propose to:\n\n1. Close the Northgate office and move staff to the civic centre.\n2. Introduce a seven-day rota for duty officers.\n\n' +
      'The review has taken account of the views of staff.\n\nWe look forward to your comments.\n\nYours sincerely,\n';
    const response = '# Branch response\n\nWe oppose the closure of the Northgate office.\n';
    const cache = new AnalysisCache();
    const memo = cache.memo('letter.md', 'response.md');
    const r = cache.parse('response.md', response);
    const steps = [
      // A word in an aim: the same decisions, the aim's text and end move.
      (t: string) => t.replace('civic centre', 'new civic centre'),
      // A word in the background: nothing the finders read changes.
      (t: string) => t.replace('views of staff', 'views of all staff'),
      // The background now states an intention: a new aim, found afresh.
      (t: string) => t.replace('The review has taken account of the views of all staff.', 'We will also close the Southgate depot.'),
    ];
    let letterNow = letter;
    compareDocs(cache.parse('letter.md', letterNow), r, { memo });
    const reused: boolean[] = [];
    for (const step of steps) {
      letterNow = step(letterNow);
      const incremental = compareDocs(cache.parse('letter.md', letterNow), r, { memo });
      reused.push(memo.aims.lastRefound);
      const fresh = compareDocs(new DocumentParser().parse(letterNow, 'letter.md'), new DocumentParser().parse(response, 'response.md'));
      expect(JSON.stringify(incremental)).toBe(JSON.stringify(fresh));
    }
    expect(reused).toEqual([true, true, false]);
  });

  it('finds the aims again when an edit changes the structure around blocks it leaves as they were', () => {
    // A fence typed in a nested list item ends the list: the item after it, unchanged in itself, is now an item of
    // a list of its own (found by a property test).
    const letter =
      '# Proposals\n\nDear colleagues,\n\n- Staff side officers were briefed.\n  - JNCC. The branch has not seen the detail. rota.\n\n' +
      '  - **Office closures**: We will close the Northgate office in June.\n\nYours sincerely,\n';
    const edited = letter.replace('. rota.', '\n\n```\n```\n\n');
    const cache = new AnalysisCache();
    const memo = cache.memo('letter.md', 'response.md');
    const r = cache.parse('response.md', '');
    compareDocs(cache.parse('letter.md', letter), r, { memo });
    const incremental = compareDocs(cache.parse('letter.md', edited), r, { memo });
    const fresh = compareDocs(new DocumentParser().parse(edited, 'letter.md'), new DocumentParser().parse('', 'response.md'));
    expect(fresh.letter.aims.map((a) => a.title)).toEqual(['Office closures']);
    expect(JSON.stringify(incremental)).toBe(JSON.stringify(fresh));
  });

  it('keeps the aims and claims an edit far from them leaves as they were', () => {
    const { letter, response } = generatePair(30000, 5);
    const cache = new AnalysisCache();
    const memo = cache.memo('letter.md', 'response.md');
    const first = compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', response), { memo });
    const at = letter.lastIndexOf('\n\n');
    const edited = letter.slice(0, at) + '\n\nA closing remark.' + letter.slice(at);
    const second = compareDocs(cache.parse('letter.md', edited), cache.parse('response.md', response), { memo });
    // Before the edit: the same objects; the response's claims: the same list.
    expect(second.response.claims).toBe(first.response.claims);
    const before = (c: { position: { end: { offset: number } } }) => c.position.end.offset < at;
    const aims = first.letter.aims.filter(before);
    expect(aims.length).toBeGreaterThan(5);
    expect(second.letter.aims.slice(0, aims.length).map((a) => a.position)).toEqual(aims.map((a) => a.position));
    expect(memo.aims.extract(cache.parse('letter.md', edited)).slice(0, 3)).toEqual(memo.aims.extract(cache.parse('letter.md', edited)).slice(0, 3));
    const claims = first.letter.claims.filter(before);
    expect(claims.length).toBeGreaterThan(2);
    claims.forEach((c, i) => expect(second.letter.claims[i]).toBe(c));
  });
});
