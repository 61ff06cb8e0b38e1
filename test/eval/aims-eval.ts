/**
 * Scores aim extraction, alignment and stance on the labelled pairs in test/fixtures/pairs/<name>/:
 * letter.md, response.md and expected.json:
 *
 *   { "heldOut": true?, "note": "…",
 *     "aims": [ { "text": "<distinctive substring of the aim>",
 *                 "answers": ["<substring of each response paragraph answering it>"],
 *                 "stance": "support" | "qualified" | "concern" | "oppose" | "unaddressed" } ],
 *     "points": ["<substring of a response paragraph that is the union's own point>"] }
 *
 * Aims: precision and recall of predicted aims against expected ones, one-to-one (a predicted aim matches an
 * expected aim when its text contains the expected substring). Alignment: precision and recall over (aim,
 * response paragraph) pairs; the passages of a predicted aim that matches no expected aim all count as wrong.
 * Stance: accuracy over expected aims (an aim not found counts as wrong). Points: recall of expected points.
 * Figures are given separately for tuning pairs and held-out pairs; `ok` depends on the tuning figures only.
 * Details of failures are printed for tuning pairs; for held-out pairs only with AIMS_EVAL_DETAILS=all, so
 * that they can be kept out of the tuning loop.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/core/document/parse';
import { extractAims } from '../../src/core/aims/extract';
import { alignAims, paragraphNumbers } from '../../src/core/align/align';
import type { Doc } from '../../src/core/document/model';
import type { Stance } from '../../src/core/contract';

export const BARS = { aimF1: 0.85, alignmentF1: 0.8, stanceAccuracy: 0.7 };

interface ExpectedAim {
  text: string;
  answers: string[];
  stance: Stance;
}
interface Expected {
  heldOut?: boolean;
  note?: string;
  aims: ExpectedAim[];
  points?: string[];
}

export interface Counts {
  aimTp: number;
  aimPred: number;
  aimGold: number;
  pairTp: number;
  pairPred: number;
  pairGold: number;
  stanceRight: number;
  stanceTotal: number;
  pointHit: number;
  pointGold: number;
}

export interface PairResult {
  name: string;
  heldOut: boolean;
  counts: Counts;
  problems: string[];
}

const zero = (): Counts => ({ aimTp: 0, aimPred: 0, aimGold: 0, pairTp: 0, pairPred: 0, pairGold: 0, stanceRight: 0, stanceTotal: 0, pointHit: 0, pointGold: 0 });

function norm(text: string): string {
  return text
    .replace(/[*_`#>|]/g, ' ')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The paragraph number of the response block whose text contains `needle`. */
function paragraphOf(doc: Doc, numbers: number[], needle: string, problems: string[], what: string): number | undefined {
  const n = norm(needle);
  const hits = new Set<number>();
  for (const b of doc.blocks) {
    if (numbers[b.index] > 0 && norm(b.text).includes(n)) hits.add(numbers[b.index]);
  }
  if (hits.size !== 1) {
    problems.push(`fixture error: ${what} "${needle}" found in ${hits.size} paragraphs`);
    return undefined;
  }
  return [...hits][0];
}

export function evaluatePair(dir: string, name: string): PairResult {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const letterText = readFileSync(join(dir, 'letter.md'), 'utf8');
  const responseText = readFileSync(join(dir, 'response.md'), 'utf8');
  const letter = parseDocument(letterText, 'letter.md');
  const response = parseDocument(responseText, 'response.md');
  const aims = extractAims(letter);
  const { alignments, points } = alignAims(letter, aims, response);
  const numbers = paragraphNumbers(response);
  const counts = zero();
  const problems: string[] = [];

  // Aims, one-to-one.
  const used = new Set<number>();
  const matchOf: Array<number | undefined> = [];
  expected.aims.forEach((e) => {
    const needle = norm(e.text);
    const k = aims.findIndex((a, i) => !used.has(i) && norm(a.text).includes(needle));
    if (k >= 0) used.add(k);
    matchOf.push(k >= 0 ? k : undefined);
  });
  counts.aimGold = expected.aims.length;
  counts.aimPred = aims.length;
  counts.aimTp = used.size;
  expected.aims.forEach((e, i) => {
    if (matchOf[i] === undefined) problems.push(`missed aim: "${e.text}"`);
  });
  aims.forEach((a, i) => {
    if (!used.has(i)) problems.push(`extra aim (${a.format}): "${a.text.replace(/\s+/g, ' ').slice(0, 90)}"`);
  });

  // Alignment pairs.
  const byAim = new Map(alignments.map((al) => [al.aim, al]));
  const gold = new Set<string>();
  expected.aims.forEach((e, i) => {
    for (const ans of e.answers) {
      const p = paragraphOf(response, numbers, ans, problems, 'answer');
      if (p !== undefined) gold.add(`${i}:${p}`);
    }
  });
  const pred = new Set<string>();
  aims.forEach((a, k) => {
    const ei = matchOf.indexOf(k);
    const al = byAim.get(a.id);
    for (const p of al?.passages ?? []) pred.add(ei >= 0 ? `${ei}:${p.paragraph}` : `x${k}:${p.paragraph}`);
  });
  counts.pairGold = gold.size;
  counts.pairPred = pred.size;
  for (const g of gold) if (pred.has(g)) counts.pairTp++;
  for (const g of gold) {
    if (!pred.has(g)) {
      const [i, p] = g.split(':');
      problems.push(`missed answer: aim "${expected.aims[+i].text}" ← ¶${p}`);
    }
  }
  for (const g of pred) {
    if (!gold.has(g)) {
      const [i, p] = g.split(':');
      const label = i.startsWith('x') ? `extra aim ${aims[+i.slice(1)].id}` : `"${expected.aims[+i].text}"`;
      problems.push(`wrong answer: ${label} ← ¶${p}: "${paraText(response, numbers, +p)}"`);
    }
  }

  // Stance.
  expected.aims.forEach((e, i) => {
    counts.stanceTotal++;
    const k = matchOf[i];
    const got = k === undefined ? 'missing' : byAim.get(aims[k].id)?.stance ?? 'missing';
    if (got === e.stance) counts.stanceRight++;
    else {
      const cues = k === undefined ? '' : (byAim.get(aims[k].id)?.cues ?? []).map((c) => `${c.stance}:"${c.text}"`).join(', ');
      problems.push(`stance: "${e.text}" expected ${e.stance}, got ${got}${cues ? ` (${cues})` : ''}`);
    }
  });

  // Points.
  const pointParas = new Set(points.map((p) => p.paragraph));
  for (const pt of expected.points ?? []) {
    const p = paragraphOf(response, numbers, pt, problems, 'point');
    if (p === undefined) continue;
    counts.pointGold++;
    if (pointParas.has(p)) counts.pointHit++;
    else problems.push(`point not reported: ¶${p} "${pt}"`);
  }
  return { name, heldOut: expected.heldOut === true, counts, problems };
}

function paraText(doc: Doc, numbers: number[], p: number): string {
  const b = doc.blocks.find((x) => numbers[x.index] === p);
  return b ? b.text.slice(0, 70) : '?';
}

function add(a: Counts, b: Counts): Counts {
  const out = zero();
  for (const k of Object.keys(out) as Array<keyof Counts>) out[k] = a[k] + b[k];
  return out;
}

function prf(tp: number, pred: number, gold: number): { p: number; r: number; f: number } {
  const p = pred === 0 ? (gold === 0 ? 1 : 0) : tp / pred;
  const r = gold === 0 ? (pred === 0 ? 1 : 0) : tp / gold;
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f };
}

export interface Figures {
  aims: { p: number; r: number; f: number };
  alignment: { p: number; r: number; f: number };
  stance: number;
  points: number;
  pairs: number;
}

export function figures(c: Counts, pairs: number): Figures {
  return {
    aims: prf(c.aimTp, c.aimPred, c.aimGold),
    alignment: prf(c.pairTp, c.pairPred, c.pairGold),
    stance: c.stanceTotal === 0 ? 1 : c.stanceRight / c.stanceTotal,
    points: c.pointGold === 0 ? 1 : c.pointHit / c.pointGold,
    pairs,
  };
}

const pct = (x: number) => x.toFixed(2);

function line(label: string, f: Figures): string {
  return (
    `  ${label.padEnd(10)} pairs ${String(f.pairs).padStart(2)}  ` +
    `aims P ${pct(f.aims.p)} R ${pct(f.aims.r)} F1 ${pct(f.aims.f)}  ` +
    `alignment P ${pct(f.alignment.p)} R ${pct(f.alignment.r)} F1 ${pct(f.alignment.f)}  ` +
    `stance ${pct(f.stance)}  points recall ${pct(f.points)}`
  );
}

export function runPairs(root = join(process.cwd(), 'test/fixtures/pairs')): PairResult[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'expected.json')))
    .map((d) => d.name)
    .sort()
    .map((name) => evaluatePair(join(root, name), name));
}

export function evaluateAims(): { text: string; ok: boolean } {
  const results = runPairs();
  if (results.length === 0) return { text: 'Aims and answers: no labelled pairs found in test/fixtures/pairs/.', ok: false };
  const showHeldOut = process.env.AIMS_EVAL_DETAILS === 'all';
  const out: string[] = ['Aims and answers (test/fixtures/pairs)'];
  const sets: Array<[string, PairResult[]]> = [
    ['tuning', results.filter((r) => !r.heldOut)],
    ['held-out', results.filter((r) => r.heldOut)],
  ];
  const totals: Record<string, Figures> = {};
  for (const [label, rs] of sets) {
    const c = rs.reduce((acc, r) => add(acc, r.counts), zero());
    totals[label] = figures(c, rs.length);
    out.push(line(label, totals[label]));
  }
  out.push(`  bars: aims F1 ${BARS.aimF1}, alignment F1 ${BARS.alignmentF1}, stance ${BARS.stanceAccuracy} (tuning pairs decide ok)`);
  const failing = results.filter((r) => r.problems.length > 0);
  if (failing.length > 0) {
    out.push('');
    out.push('  Pairs with failures:');
    for (const r of failing) {
      const f = figures(r.counts, 1);
      out.push(`  ${r.heldOut ? '[held-out] ' : ''}${r.name}: aims F1 ${pct(f.aims.f)}, alignment F1 ${pct(f.alignment.f)}, stance ${pct(f.stance)}, points ${pct(f.points)}`);
      if (!r.heldOut || showHeldOut) for (const p of r.problems) out.push(`      ${p}`);
    }
  }
  const t = totals['tuning'];
  const fixtureErrors = results.some((r) => r.problems.some((p) => p.startsWith('fixture error')));
  const ok = !fixtureErrors && t.aims.f >= BARS.aimF1 && t.alignment.f >= BARS.alignmentF1 && t.stance >= BARS.stanceAccuracy;
  out.push('');
  out.push(ok ? '  ok: tuning figures meet the bars' : '  NOT ok: tuning figures below the bars (or fixture errors)');
  return { text: out.join('\n'), ok };
}
