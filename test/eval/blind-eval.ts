/**
 * Scores the engine on test/fixtures/blind/: documents written by an evaluator who had not seen the engine's
 * fixtures or lexicons. Reuses the scoring of aims-eval.ts and claims-eval.ts; prints every failure.
 *   npx esbuild test/eval/blind-eval.ts --bundle --platform=node --outfile=/tmp/blind.js && node /tmp/blind.js
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runPairs, figures, type Counts } from './aims-eval';
import { runCase, type Outcome } from './claims-eval';
import { FLAGGED_STATUSES, type ClaimStatus } from '../../src/core/contract';

const root = join(process.cwd(), 'test/fixtures/blind');
const f2 = (x: number) => x.toFixed(2);

const pairs = runPairs(join(root, 'pairs'));
const total = pairs.reduce((acc, r) => {
  for (const k of Object.keys(r.counts) as Array<keyof Counts>) acc[k] = (acc[k] ?? 0) + r.counts[k];
  return acc;
}, {} as Counts);
const f = figures(total, pairs.length);
console.log(`Blind pairs: ${f.pairs}`);
console.log(`  aims P ${f2(f.aims.p)} R ${f2(f.aims.r)} F1 ${f2(f.aims.f)}  alignment P ${f2(f.alignment.p)} R ${f2(f.alignment.r)} F1 ${f2(f.alignment.f)}  stance ${f2(f.stance)}  points recall ${f2(f.points)}`);
for (const r of pairs) {
  const g = figures(r.counts, 1);
  console.log(`  ${r.name}: aims F1 ${f2(g.aims.f)}, alignment F1 ${f2(g.alignment.f)}, stance ${f2(g.stance)}, points ${f2(g.points)}`);
  for (const p of r.problems) console.log(`      ${p}`);
}

const isFlag = (s: ClaimStatus | 'none') => s !== 'none' && FLAGGED_STATUSES.includes(s);
const claimsRoot = join(root, 'claims');
const outcomes: Outcome[] = [];
const unlabelled: Array<{ case: string; doc: string; text: string; status: ClaimStatus }> = [];
if (existsSync(claimsRoot)) {
  for (const d of readdirSync(claimsRoot, { withFileTypes: true })) {
    if (!d.isDirectory() || !existsSync(join(claimsRoot, d.name, 'labels.json'))) continue;
    const r = runCase(join(claimsRoot, d.name));
    outcomes.push(...r.outcomes);
    unlabelled.push(...r.unlabelled);
  }
}
let tp = 0, fp = unlabelled.length, fn = 0, exact = 0, rungOk = 0, rungN = 0;
const ff: Record<string, { n: number; flagged: number }> = {};
for (const o of outcomes) {
  const want = isFlag(o.label.status), got = isFlag(o.predicted);
  if (want && got) tp++;
  else if (!want && got) fp++;
  else if (want && !got) fn++;
  if (o.predicted === o.label.status) exact++;
  if (o.label.rung) { rungN++; if (o.predictedRung === o.label.rung) rungOk++; }
  if (!want) { ff[o.label.status] ??= { n: 0, flagged: 0 }; ff[o.label.status].n++; if (got) ff[o.label.status].flagged++; }
}
const P = tp + fp ? tp / (tp + fp) : 1, R = tp + fn ? tp / (tp + fn) : 1, F = P + R ? (2 * P * R) / (P + R) : 0;
const core = ['negated', 'future', 'reported', 'evidenced'];
const cn = core.reduce((a, k) => a + (ff[k]?.n ?? 0), 0), cf = core.reduce((a, k) => a + (ff[k]?.flagged ?? 0), 0);
console.log(`\nBlind claims: ${outcomes.length} labelled sentences`);
console.log(`  flags P ${f2(P)} R ${f2(R)} F1 ${f2(F)} (tp ${tp}, fp ${fp}, fn ${fn}); exact status ${f2(outcomes.length ? exact / outcomes.length : 1)}; rung ${f2(rungN ? rungOk / rungN : 1)} of ${rungN}`);
console.log(`  false flags on negated/future/reported/evidenced: ${f2(cn ? cf / cn : 0)} (${Object.entries(ff).map(([k, v]) => `${k} ${v.flagged}/${v.n}`).join(', ')})`);
for (const o of outcomes) {
  if (o.predicted === o.label.status && (!o.label.rung || o.label.rung === o.predictedRung)) continue;
  console.log(`  ✗ ${o.case}/${o.doc}: "${o.label.text.slice(0, 70)}" want ${o.label.status}${o.label.rung ? '/' + o.label.rung : ''}, got ${o.predicted}${o.predictedRung ? '/' + o.predictedRung : ''}`);
}
for (const u of unlabelled) console.log(`  ✗ unlabelled flag ${u.case}/${u.doc}: ${u.status} "${u.text.slice(0, 90)}"`);
