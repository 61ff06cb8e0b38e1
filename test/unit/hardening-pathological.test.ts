/**
 * The CLI on pathological input: each case gives a correct result (exit 0, positions exact) or a one-line error
 * (exit 2), never an internal error, a crash or a hang. Small cases are files in test/fixtures/hostile/; the big
 * ones (a 10 MB line, 10,000-deep nesting, a 100,000-row table, 3.4 MB of blank lines) are written to a temporary
 * folder. Timings are printed; the bound only catches a hang (the machine may be shared with other work).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkLocated } from '../generate/located';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const hostile = path.join(root, 'test/fixtures/hostile');
const HANG_MS = 60_000;
let big: string;
const timings: Array<[string, number]> = [];

beforeAll(() => {
  big = mkdtempSync(path.join(tmpdir(), 'counterpoint-pathological-'));
  writeFileSync(path.join(big, 'long-line.md'), 'We have agreed the rota with the unions. '.repeat(250_000).slice(0, 10_000_000));
  writeFileSync(path.join(big, 'deep-list.md'), `${'- '.repeat(10_000)}We will close three offices.\n`);
  writeFileSync(path.join(big, 'deep-list-lines.md'), Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(Math.min(i, 400))}- item ${i}`).join('\n') + '\n');
  writeFileSync(path.join(big, 'deep-quote.md'), `${'>'.repeat(10_000)} These changes were agreed with the unions.\n`);
  writeFileSync(path.join(big, 'deep-quote-lines.md'), Array.from({ length: 10_000 }, (_, i) => `${'> '.repeat(Math.min(i + 1, 10_000))}`).slice(9_990).join('\n') + ' we agreed\n');
  // Blank lines by the megabyte (a document pasted with its empty paragraphs), and lines of spaces.
  writeFileSync(path.join(big, 'blank-lines.md'), `# Proposals\n\nWe have agreed the rota with the unions.\n${'\n'.repeat(2_000_000)}${'  \n'.repeat(700_000)}We consulted staff side on 3 May.\n`);
  let table = '# Aims\n\n| Date | Forum | Topic | Unions | Outcome | Reference |\n|---|---|---|---|---|---|\n';
  const rows: string[] = [];
  for (let i = 0; i < 100_000; i++) rows.push(`| 2026-01-${String((i % 28) + 1).padStart(2, '0')} | JNCC | Topic ${i} | UNISON | consulted | ref ${i} |`);
  table += rows.join('\n') + '\n';
  writeFileSync(path.join(big, 'table.md'), table);
});

afterAll(() => {
  if (big) rmSync(big, { recursive: true, force: true });
  timings.sort((a, b) => b[1] - a[1]);
  console.log(`pathological CLI timings (slowest first): ${timings.map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`).join('; ')}`);
});

function cliRun(name: string, args: string[]) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, timeout: HANG_MS * 2 });
  const ms = performance.now() - t0;
  timings.push([name, ms]);
  console.log(`${name}: exit ${r.status} in ${ms.toFixed(0)} ms`);
  expect(r.error, `${name} did not finish`).toBeUndefined();
  expect(ms).toBeLessThan(HANG_MS);
  expect(r.stderr).not.toMatch(/internal error|RangeError|at .*\.js:\d+/);
  return r;
}

/** Exit 0 with JSON whose positions are exact in the file as read (BOM stripped), or exit 2 with one line. */
function expectResultOrOneLine(name: string, args: string[], files: string[]) {
  const r = cliRun(name, [...args, '--format', 'json']);
  if (r.status === 2) {
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^counterpoint: /);
    return { status: 2, stderr: r.stderr, json: undefined };
  }
  expect(r.status).toBe(0);
  const json = JSON.parse(r.stdout);
  const sources: Record<string, string> = {};
  for (const f of files) sources[f] = readFileSync(f, 'utf8').replace(/^\ufeff/, '');
  const docs = json.documents ?? [json.letter, json.response];
  for (const d of docs) expect(checkLocated(d, sources[d.path], sources, d.path)).toEqual([]);
  if (json.alignments) expect(checkLocated(json.alignments, sources[json.response.path], sources, 'alignments')).toEqual([]);
  return { status: 0, stderr: r.stderr, json };
}

const fixture = (name: string) => path.join(hostile, name);

describe('the CLI on pathological input', () => {
  it('an empty file: a result with nothing in it', () => {
    const r = expectResultOrOneLine('empty', ['check', fixture('empty.md')], [fixture('empty.md')]);
    expect(r.json.documents[0].claims).toEqual([]);
    const c = expectResultOrOneLine('empty compare', ['compare', fixture('empty.md'), fixture('empty.md')], [fixture('empty.md')]);
    expect(c.json.letter.aims).toEqual([]);
  });

  it('front matter only: read, no aims, no claims', () => {
    const r = expectResultOrOneLine('front matter only', ['compare', fixture('front-matter-only.md'), fixture('empty.md')], [fixture('front-matter-only.md'), fixture('empty.md')]);
    expect(r.json.letter.aims).toEqual([]);
  });

  it('a binary file: one line saying so', () => {
    const r = expectResultOrOneLine('binary', ['check', fixture('binary.md')], []);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/binary file/);
  });

  it('invalid UTF-8: one line saying so', () => {
    const r = expectResultOrOneLine('invalid UTF-8', ['check', fixture('invalid-utf8.md')], []);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not valid UTF-8/);
  });

  it('a UTF-8 BOM and CRLF line endings: positions count from after the BOM', () => {
    const f = fixture('bom-crlf.md');
    const r = expectResultOrOneLine('BOM + CRLF', ['check', f], [f]);
    const claim = r.json.documents[0].claims[0];
    expect(claim.text).toMatch(/agreed with the trade unions/);
    expect(claim.position.start.line).toBe(8);
  });

  it('lone-CR line endings: lines counted at each CR', () => {
    const f = fixture('lone-cr.md');
    const r = expectResultOrOneLine('lone CR', ['check', f], [f]);
    const claim = r.json.documents[0].claims.find((c: { text: string }) => /staff side/.test(c.text));
    expect(claim.position.start.line).toBe(4);
  });

  it('mixed scripts and emoji: positions in UTF-16 code units, surrogate pairs whole', () => {
    const f = fixture('emoji.md');
    const r = expectResultOrOneLine('emoji', ['compare', f, fixture('lone-cr.md')], [f, fixture('lone-cr.md')]);
    expect(r.json.letter.aims.length).toBeGreaterThanOrEqual(2);
    const text = readFileSync(f, 'utf8');
    for (const item of [...r.json.letter.aims, ...r.json.letter.claims]) {
      // No position cuts a surrogate pair in half.
      for (const o of [item.position.start.offset, item.position.end.offset]) {
        const c = text.charCodeAt(o);
        expect(c >= 0xdc00 && c <= 0xdfff, `offset ${o} splits a surrogate pair`).toBe(false);
      }
    }
  });

  it('a log table with a required column missing (and rows of the wrong width): a warning naming the column, not a failure', () => {
    const r = expectResultOrOneLine('bad log', ['check', fixture('letter-for-bad-log.md'), '--log', fixture('bad-log.md')], [fixture('letter-for-bad-log.md'), fixture('bad-log.md')]);
    expect(r.status).toBe(0);
    expect(r.json.log[0].entries).toBe(0);
    expect(r.json.log[0].warnings).toEqual([expect.objectContaining({ line: 3, message: expect.stringMatching(/no "Outcome" column/) })]);
    const text = cliRun('bad log (text)', ['check', fixture('letter-for-bad-log.md'), '--log', fixture('bad-log.md')]);
    expect(text.status).toBe(0);
  });

  it('a log table with the right columns but rows that cannot be read: each skipped with a warning on its line, the good row used', () => {
    const log = fixture('bad-log-rows.md');
    const letter = fixture('letter-for-bad-log.md');
    const r = expectResultOrOneLine('bad log rows', ['check', letter, '--log', log], [letter, log]);
    expect(r.status).toBe(0);
    const { entries, warnings } = r.json.log[0];
    expect(entries).toBe(1);
    const byLine = new Map<number, string>(warnings.map((w: { line: number; message: string }) => [w.line, w.message]));
    // An impossible day, an impossible month, words, a date with no year, no date, no topic, an unknown outcome, a short row.
    expect([...byLine.keys()]).toEqual([7, 8, 9, 10, 11, 12, 13, 14]);
    for (const line of [7, 8, 9, 10]) expect(byLine.get(line)).toMatch(/^The date ".+" could not be read/);
    expect(byLine.get(11)).toMatch(/no date/);
    expect(byLine.get(12)).toMatch(/no topic/);
    expect(byLine.get(13)).toMatch(/"bogus" is not a rung/);
    expect(byLine.get(14)).toMatch(/no date/);
    // The one row that can be read (with cells to spare) is the evidence for the letter's claim.
    const [claim] = r.json.documents[0].claims;
    expect(claim.status).toBe('evidenced');
    expect(claim.evidence.map((e: { text: string }) => e.text)).toEqual([readFileSync(log, 'utf8').split('\n')[14]]);
  });

  for (const name of ['deep-list.md', 'deep-list-lines.md', 'deep-quote.md', 'deep-quote-lines.md']) {
    it(`10,000-deep nesting (${name}): a result and a warning that part was read as plain text`, () => {
      const f = path.join(big, name);
      const r = expectResultOrOneLine(name, ['check', f], [f]);
      expect(r.status).toBe(0);
      expect(r.json.documents[0].warnings[0].message).toMatch(/read as plain text/);
      const text = cliRun(`${name} (text)`, ['compare', f, fixture('lone-cr.md')]);
      expect(text.status).toBe(0);
      expect(text.stdout).toMatch(/read as plain text/);
    });
  }

  it('a 10 MB single line: a result, no stack overflow in the report', () => {
    const r = cliRun('10 MB line', ['check', path.join(big, 'long-line.md')]);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^1 document, \d+ claims/);
  });

  it('3.4 MB of blank lines: both claims, at their lines', () => {
    const f = path.join(big, 'blank-lines.md');
    const { json } = expectResultOrOneLine('3.4 MB of blank lines', ['check', f], [f]);
    expect(json.documents[0].claims.map((c: { position: { start: { line: number } } }) => c.position.start.line)).toEqual([3, 2_700_004]);
  });

  it('a 100,000-row table: a result, the table read a row at a time', () => {
    const f = path.join(big, 'table.md');
    const r = cliRun('100,000-row table', ['compare', f, fixture('lone-cr.md')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/read as plain text, a row at a time/);
    const log = cliRun('100,000-row log', ['compare', fixture('emoji.md'), fixture('lone-cr.md'), '--log', f]);
    expect(log.status).toBe(0);
    expect(log.stdout).toMatch(/100000 entries/);
  });
});
