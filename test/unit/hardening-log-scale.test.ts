/**
 * A long letter against a long consultation log. Each claim used to be weighed against every row of the log, so a
 * 100,000-row letter table against a 100,000-row log never finished; the log's rows are now found through an index
 * of their topic words (LogTopicIndex in src/core/claims/log.ts). These tests check that the index finds every row
 * a full scan would (a property over random topics), and that at scale each claim still finds its own row, and
 * only the rows it should: no timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check } from '../../src/core/analyse';
import { LogTopicIndex, parseConsultationLog, type LogEntry } from '../../src/core/claims/log';
import { topicStems } from '../../src/core/claims/topic';

/** Made-up place names, distinct for i below 48³, that the stemmer leaves alone (they end in a vowel). */
const SYLLABLES = [...'bcfgkmnprtvz'].flatMap((c) => [...'aiou'].map((v) => c + v));
const placeName = (i: number) => SYLLABLES[i % 48] + SYLLABLES[Math.floor(i / 48) % 48] + SYLLABLES[Math.floor(i / 2304) % 48];

describe('the log topic index', () => {
  const VOCABULARY = ['rota', 'office', 'closure', 'hub', 'court', 'pay', 'grading', 'estate', 'night', 'shift', 'mileage', 'canteen'];
  const topic = fc.array(fc.constantFrom(...VOCABULARY, 'the', 'and', 'union'), { maxLength: 7 }).map((w) => w.join(' '));
  const bag = fc.array(fc.constantFrom(...VOCABULARY, 'parking'), { maxLength: 6 }).map((w) => topicStems(w.join(' ')));
  const rules: Array<[string, (k: number) => number]> = [
    ['the claims rule (one of one, else two and 40%)', (k) => (k === 1 ? 1 : Math.max(2, Math.ceil(k * 0.4)))],
    ['any one stem', () => 1],
    ['every stem', (k) => k],
    ['more than the row has', (k) => k + 3],
  ];

  for (const [name, needed] of rules) {
    it(`finds every row sharing enough stems, in log order: ${name}`, () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(topic, fc.boolean()), { maxLength: 30 }), fc.array(bag, { minLength: 1, maxLength: 3 }), (rows, bags) => {
          const entries = rows.map(([t, withOutcome], i) => ({ topic: t, outcome: withOutcome ? 'consulted' : undefined, line: i }) as unknown as LogEntry);
          const index = new LogTopicIndex(entries, needed);
          const found = index.candidates(...bags);
          expect(found).toEqual([...new Set(found)].sort((a, b) => a - b));
          const union = new Set(bags.flatMap((b) => [...b]));
          entries.forEach((e, i) => {
            const stems = topicStems(e.topic);
            expect(index.stems[i]).toEqual(stems);
            const shared = [...stems].filter((s) => union.has(s)).length;
            const matchable = e.outcome !== undefined && stems.size > 0;
            if (matchable && shared >= Math.min(stems.size, needed(stems.size))) expect(found, `row ${i} "${e.topic}" shares ${shared}`).toContain(i);
            if (!matchable || shared === 0) expect(found).not.toContain(i);
          });
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('a long letter table against a long consultation log', () => {
  // Row i of the letter claims agreement on a move of two made-up sites; the log records each move once, in a
  // shuffled order, every topic sharing the word "move" (so a plain word index would still try every row).
  const N = 20_000;
  const site = (i: number) => `${placeName(2 * i)} ${placeName(2 * i + 1)}`;
  /** What the log says of claim i's meeting; most agree, some fall short, contradict, postdate the letter or name another union. */
  const kind = (i: number) => (['agreed', 'agreed', 'agreed', 'consulted', 'refused', 'late', 'other union'] as const)[i % 7];
  const order = Array.from({ length: N }, (_, k) => (k * 7919) % N); // 7919 is prime to N: a permutation
  const letter = [
    '---',
    'date: 2026-10-01',
    '---',
    '',
    '# Estate review',
    '',
    '| Site | What happened |',
    '|---|---|',
    ...Array.from({ length: N }, (_, i) => `| ${placeName(2 * i)} | The ${site(i)} move was agreed with UNISON at the JNCC. |`),
    '',
  ].join('\n');
  const logRows = order.map((i) => {
    const k = kind(i);
    const date = k === 'late' ? '2026-11-12' : `2026-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, '0')}`;
    const outcome = k === 'consulted' ? 'consulted' : k === 'refused' ? 'not agreed' : 'agreed';
    return `| ${date} | JNCC | ${site(i)} move | ${k === 'other union' ? 'GMB' : 'UNISON'} | ${outcome} | minutes ${i} |`;
  });
  const logText = ['# Consultation log', '', '| Date | Forum | Topic | Unions | Outcome | Reference |', '|---|---|---|---|---|---|', ...logRows, ''].join('\n');

  it(`${N.toLocaleString('en-GB')} claims each find their own row among ${N.toLocaleString('en-GB')}, and only it`, () => {
    const log = parseConsultationLog(logText, 'log.md');
    expect(log.entries).toHaveLength(N);
    const rowOf = new Map(log.entries.map((e) => [e.reference, e.text]));
    const t0 = performance.now();
    const [doc] = check([{ path: 'letter.md', text: letter }], { log }).documents;
    console.log(`${N} claims against ${N} log rows: ${(performance.now() - t0).toFixed(0)} ms`);
    const claims = doc.claims.filter((c) => c.text.includes(' move was agreed'));
    expect(claims).toHaveLength(N);
    const tally: Record<string, number> = {};
    claims.forEach((c, i) => {
      const own = rowOf.get(`minutes ${i}`)!;
      const fromLog = c.evidence.filter((e) => e.kind === 'log');
      const k = kind(i);
      tally[`${k}: ${c.status}`] = (tally[`${k}: ${c.status}`] ?? 0) + 1;
      if (k === 'late' || k === 'other union') {
        // A meeting after the letter, or with another union, is no evidence for it.
        expect(fromLog, `claim ${i}`).toEqual([]);
        expect(c.status).not.toBe('evidenced');
      } else {
        expect(fromLog.map((e) => e.text), `claim ${i}`).toEqual([own]);
        expect(fromLog[0].path).toBe('log.md');
        expect(c.status, `claim ${i}`).toBe(k === 'agreed' ? 'evidenced' : k === 'consulted' ? 'overstated' : 'disputed');
        if (k === 'refused') expect(c.disputedBy?.text).toBe(own);
      }
    });
    console.log(`statuses: ${JSON.stringify(tally)}`);
  }, 300_000);
});
