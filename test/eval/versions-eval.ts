/**
 * Scores the version diff on test/fixtures/versions/: each folder holds old.md, new.md and expected.json,
 * which lists the aims a person sees in the two versions, each identified by a substring of its old and/or
 * new text, with the change expected (added, removed, reworded, unchanged), and optionally the kinds of
 * significant change expected inside it, a split/merged note, and the claim changes expected anywhere.
 * Pairs marked "heldOut" were written before the engine and are reported apart from the tuning pairs.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { diff } from '../../src/core/analyse';
import type { AimChange, AimDiff, DiffResult } from '../../src/core/contract';

interface ExpectedAim {
  old?: string;
  new?: string;
  change: AimChange;
  significant?: Array<'date' | 'number' | 'modal' | 'claim'>;
  note?: 'split' | 'merged';
  moved?: boolean;
}

interface Expected {
  heldOut?: boolean;
  sector?: string;
  format?: string;
  aims: ExpectedAim[];
  claims?: string[];
}

export interface PairScore {
  name: string;
  heldOut: boolean;
  aims: number;
  correct: number;
  significantExpected: number;
  significantFound: number;
  notesExpected: number;
  notesFound: number;
  claimsExpected: number;
  claimsFound: number;
  claimsExtra: number;
  misses: string[];
}

function has(a: AimDiff['old'], needle: string | undefined): boolean {
  if (needle === undefined) return true;
  return a !== undefined && (a.text.includes(needle) || a.title.includes(needle));
}

/** The diff entry an expected aim refers to: by its new text when it has one, else by its old text. */
function find(result: DiffResult, e: ExpectedAim): AimDiff | undefined {
  if (e.new !== undefined) return result.aims.find((a) => a.new !== undefined && has(a.new, e.new));
  return result.aims.find((a) => a.old !== undefined && has(a.old, e.old));
}

export function scorePair(name: string, oldText: string, newText: string, expected: Expected): PairScore {
  const result = diff({ path: `${name}/old.md`, text: oldText }, { path: `${name}/new.md`, text: newText });
  const score: PairScore = {
    name,
    heldOut: expected.heldOut === true,
    aims: expected.aims.length,
    correct: 0,
    significantExpected: 0,
    significantFound: 0,
    notesExpected: 0,
    notesFound: 0,
    claimsExpected: 0,
    claimsFound: 0,
    claimsExtra: 0,
    misses: [],
  };
  for (const e of expected.aims) {
    const label = e.new ?? e.old ?? '?';
    const got = find(result, e);
    const right = got !== undefined && got.change === e.change && has(got.old, e.old) && has(got.new, e.new) && (e.change !== 'added' || got.old === undefined) && (e.change !== 'removed' || got.new === undefined);
    if (right) score.correct++;
    else score.misses.push(`"${label}": expected ${e.change}, got ${got ? `${got.change}${got.old && got.new ? ` (with "${got.old.title}")` : ''}` : 'no such aim'}`);
    for (const kind of e.significant ?? []) {
      score.significantExpected++;
      if (got?.significant.some((s) => s.kind === kind)) score.significantFound++;
      else score.misses.push(`"${label}": no ${kind} change found`);
    }
    if (e.moved !== undefined) {
      score.notesExpected++;
      if ((got?.moved === true) === e.moved) score.notesFound++;
      else score.misses.push(`"${label}": expected ${e.moved ? '' : 'not '}moved`);
    }
    if (e.note) {
      score.notesExpected++;
      if (got?.note?.startsWith(e.note)) score.notesFound++;
      else score.misses.push(`"${label}": no "${e.note}" note`);
    }
  }
  const want = [...(expected.claims ?? [])];
  const gotClaims = result.claims.map((c) => c.change ?? 'changed');
  score.claimsExpected = want.length;
  for (const g of gotClaims) {
    const k = want.indexOf(g);
    if (k >= 0) {
      want.splice(k, 1);
      score.claimsFound++;
    } else score.claimsExtra++;
  }
  for (const w of want) score.misses.push(`claim change "${w}" not found`);
  if (score.claimsExtra > 0) score.misses.push(`unexpected claim changes: ${result.claims.map((c) => c.description).join(' | ')}`);
  return score;
}

function fixturesDir(): string {
  const candidates = [path.resolve(process.cwd(), 'test/fixtures/versions'), path.resolve(__dirname, '../test/fixtures/versions'), path.resolve(__dirname, '../fixtures/versions')];
  return candidates.find((d) => existsSync(d)) ?? candidates[0];
}

export function scoreAll(): PairScore[] {
  const dir = fixturesDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'expected.json')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const read = (f: string) => readFileSync(path.join(dir, name, f), 'utf8');
      return scorePair(name, read('old.md'), read('new.md'), JSON.parse(read('expected.json')) as Expected);
    });
}

function pct(n: number, d: number): string {
  return d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;
}

export function evaluateVersions(): { text: string; ok: boolean } {
  const scores = scoreAll();
  if (scores.length === 0) return { text: 'Versions: no labelled pairs yet.', ok: true };
  const out: string[] = ['Versions: aims classified correctly (added / removed / reworded / unchanged, with the right partner)'];
  const width = Math.max(...scores.map((s) => s.name.length));
  for (const s of scores) {
    out.push(`  ${s.name.padEnd(width)}  ${s.heldOut ? 'held-out' : 'tuning  '}  ${pct(s.correct, s.aims)}`);
    for (const m of s.misses) out.push(`      ${m}`);
  }
  let ok = true;
  for (const [label, group] of [
    ['tuning', scores.filter((s) => !s.heldOut)],
    ['held-out', scores.filter((s) => s.heldOut)],
  ] as const) {
    const sum = (f: (s: PairScore) => number) => group.reduce((t, s) => t + f(s), 0);
    const aims = sum((s) => s.aims);
    const correct = sum((s) => s.correct);
    out.push(
      `  ${label.padEnd(9)} aims ${pct(correct, aims)}; significant changes found ${pct(sum((s) => s.significantFound), sum((s) => s.significantExpected))}; ` +
        `split, merge and move notes ${pct(sum((s) => s.notesFound), sum((s) => s.notesExpected))}; claim changes ${pct(sum((s) => s.claimsFound), sum((s) => s.claimsExpected))}, ${sum((s) => s.claimsExtra)} unexpected`,
    );
    if (aims > 0 && correct / aims < 0.9) ok = false;
  }
  return { text: out.join('\n'), ok };
}
