/**
 * No catastrophic backtracking: the whole engine (parse, aims, alignment, stance, claims, the log reader and the
 * version diff) on 100 KB of input built to make regular expressions backtrack: long runs of one character,
 * unclosed markup, digits and dots, nested-looking brackets. Each must finish quickly; timings are printed. The
 * limit is on the process's CPU time, not wall-clock time: backtracking shows in both, but only wall-clock time
 * grows when other work shares the machine (in CI, a run at a load of five took 8.9 s of wall-clock time for a
 * case that takes 3.2 s alone).
 * Before the fix, a run of 100 KB of letters or digits took over a minute (the e-mail pattern in roles.ts
 * rescanned the run from every position).
 *
 * User-supplied phrases (counterpoint.extraClaimPhrases) are literals: regex syntax in them matches itself.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { check, compare, diff } from '../../src/core/analyse';
import { parseConsultationLog } from '../../src/core/claims/log';

const N = 100_000;
const rep = (s: string) => s.repeat(Math.ceil(N / s.length)).slice(0, N);
/** CPU time: at most 3.2 s per 100 KB alone (100,000 carriage returns, the slowest, parsed four times), most well
 * under a second. Catastrophic backtracking took over a minute. */
const LIMIT_MS = 8_000;

const INPUTS: Record<string, string> = {
  spaces: `We agreed ${rep(' ')}x`,
  'letters a': rep('a'),
  stars: rep('*'),
  underscores: rep('_'),
  'open brackets': rep('['),
  'less-than signs': rep('<'),
  pipes: rep('|'),
  'digits and dots': rep('1.'),
  digits: rep('1'),
  dots: rep('.'),
  'unclosed HTML comment': `<!--${rep('a -')}`,
  'many comment openers': rep('<!-- '),
  'star a': rep('*a'),
  'underscore a': rep('_a '),
  'link openers': rep('[a]('),
  backticks: rep('`'),
  'ampersand hash': rep('&#'),
  tabs: rep('\t'),
  newlines: rep('\n'),
  'carriage returns': rep('\r'),
  dashes: rep('-'),
  'dash space': rep('- '),
  'greater-than signs': rep('>'),
  hashes: rep('#'),
  'at signs': rep('a@'),
  'address-like': `${rep('a.')}@`,
  'dotted words': rep('word.'),
  'colons': rep(':'),
  'quotes': rep('"'),
  'parentheses': rep('('),
  'en dashes': rep('–'),
  'dates': rep('12 March 2026, '),
  'section numbers': rep('1.1.'),
  'phone-like': rep('0123 '),
  'claim words': rep('agreed with the unions '),
  'modal words': rep('we will '),
  'backslashes': rep('\\'),
  'emoji': rep('😀'),
  'lone surrogates': rep('\ud83d'),
  'table rows': rep('|a|\n'),
  'log-like rows': rep('| 2026-01-01 | JNCC | x | UNISON | agreed | r |\n'),
  'capitalised words': rep('Union '),
  'abbreviations': rep('e.g. '),
};

const timings: Array<[string, number]> = [];
afterAll(() => {
  timings.sort((a, b) => b[1] - a[1]);
  console.log(`catastrophic inputs, slowest first (CPU ms per 100 KB, whole engine): ${timings.map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join('; ')}`);
});

describe('no catastrophic backtracking on hostile input', () => {
  for (const [name, text] of Object.entries(INPUTS)) {
    it(`${name}: the engine finishes quickly`, () => {
      const cpu0 = process.cpuUsage();
      const log = parseConsultationLog(text, 'log.md');
      compare({ path: 'letter.md', text }, { path: 'response.md', text }, { log, extraPhrases: [{ phrase: 'signed off by', rung: 'agreed' }] });
      diff({ path: 'old.md', text }, { path: 'new.md', text: `${text} changed` });
      const used = process.cpuUsage(cpu0);
      const ms = (used.user + used.system) / 1000;
      timings.push([name, ms]);
      expect(ms, `${name}: ${ms.toFixed(0)} ms`).toBeLessThan(LIMIT_MS);
    });
  }

  it('extra claim phrases are literals: regular-expression syntax in them matches only itself', () => {
    const hostile = ['(a+)+$', '.*', '[unions]', 'a|b|c', '\\d+', '(?:x)', 'signed off by the (staff) forum'];
    const text = `The proposals were signed off by the (staff) forum with UNISON in May. The unions ${'a'.repeat(30_000)}! Nothing here matches .* or \\d+ as a pattern would.`;
    const cpu0 = process.cpuUsage();
    const result = check([{ path: 'doc.md', text }], { extraPhrases: hostile.map((phrase) => ({ phrase, rung: 'agreed' as const })) });
    const used = process.cpuUsage(cpu0);
    expect((used.user + used.system) / 1000).toBeLessThan(LIMIT_MS);
    const phrases = result.documents[0].claims.map((c) => c.phrase.toLowerCase());
    expect(phrases.some((p) => p.includes('signed off by the (staff) forum'))).toBe(true);
    // '.*' and '\d+' are found only where they are written, never as patterns matching the whole sentence.
    for (const c of result.documents[0].claims) expect(c.phrase).not.toMatch(/^a+$/);
  });
});
