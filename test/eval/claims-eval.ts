/**
 * Scores claim detection and flagging on the labelled documents in test/fixtures/claims/{tuning,heldout}/.
 *
 * Each case folder holds a letter (and optionally a response and a consultation log) and labels.json:
 *   { "letter": "letter.md", "response": "response.md", "log": "log.md",
 *     "documents": { "letter.md": [ { "text": "<distinctive substring>", "rung": "agreed", "status": "disputed" } ] } }
 * `status` is a claim status, or "none" for a sentence that is not a claim at all. A label matches the claim whose
 * text contains its substring (white space normalised). A flagged claim that no label covers counts as a false flag.
 *
 * A flag is a status in unevidenced/overstated/disputed. Reported: flag precision, recall and F1; exact-status
 * and rung accuracy; and the false-flag rate on statements that must not be flagged (negated, future, reported,
 * evidenced), separately for the tuning and the held-out sets. `ok` is false when tuning F1 < 0.85 or the tuning
 * false-flag rate > 0.10.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../src/core/document/parse';
import { extractAims } from '../../src/core/aims/extract';
import { findClaims, parseConsultationLog } from '../../src/core/claims/claims';
import type { Claim, ClaimStatus, Rung } from '../../src/core/contract';
import { FLAGGED_STATUSES } from '../../src/core/contract';

export interface Label {
  text: string;
  rung?: Rung;
  status: ClaimStatus | 'none';
}

export interface CaseLabels {
  sector?: string;
  letter: string;
  response?: string;
  log?: string;
  documents: Record<string, Label[]>;
}

export interface Outcome {
  case: string;
  doc: string;
  label: Label;
  predicted: ClaimStatus | 'none';
  predictedRung?: Rung;
  claimText?: string;
}

export interface SetScore {
  name: string;
  labels: number;
  tp: number;
  fp: number;
  fn: number;
  unlabelledFlags: Array<{ case: string; doc: string; text: string; status: ClaimStatus }>;
  precision: number;
  recall: number;
  f1: number;
  statusAccuracy: number;
  rungAccuracy: number;
  rungLabels: number;
  falseFlag: Record<string, { n: number; flagged: number }>;
  falseFlagRate: number;
  outcomes: Outcome[];
}

const FIXTURES = path.resolve(__dirname, '..', 'test', 'fixtures', 'claims');
const FIXTURES_FROM_SOURCE = path.resolve(__dirname, '..', 'fixtures', 'claims');

export function fixturesRoot(): string {
  return existsSync(FIXTURES_FROM_SOURCE) ? FIXTURES_FROM_SOURCE : FIXTURES;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const isFlag = (s: ClaimStatus | 'none') => s !== 'none' && FLAGGED_STATUSES.includes(s);
const SAFE: Array<ClaimStatus | 'none'> = ['negated', 'future', 'reported', 'evidenced', 'hypothetical', 'question', 'none'];

/** Runs the engine on one case folder and pairs each label with the claim it names. */
export function runCase(dir: string): { outcomes: Outcome[]; unlabelled: SetScore['unlabelledFlags'] } {
  const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as CaseLabels;
  const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
  const letter = parseDocument(read(labels.letter), labels.letter);
  const response = labels.response ? parseDocument(read(labels.response), labels.response) : undefined;
  const log = labels.log ? parseConsultationLog(read(labels.log), labels.log) : undefined;
  const claims: Record<string, Claim[]> = {};
  claims[labels.letter] = findClaims(letter, { log, response, aims: extractAims(letter) });
  if (response && labels.response) claims[labels.response] = findClaims(response, { log });
  const outcomes: Outcome[] = [];
  const unlabelled: SetScore['unlabelledFlags'] = [];
  const name = path.basename(dir);
  for (const [docName, docLabels] of Object.entries(labels.documents)) {
    const found = claims[docName] ?? [];
    const used = new Set<Claim>();
    for (const label of docLabels) {
      const needle = norm(label.text);
      const claim = found.find((c) => norm(c.text).includes(needle));
      if (claim) used.add(claim);
      outcomes.push({ case: name, doc: docName, label, predicted: claim ? claim.status : 'none', predictedRung: claim?.rung, claimText: claim?.text });
    }
    for (const c of found) if (!used.has(c) && FLAGGED_STATUSES.includes(c.status)) unlabelled.push({ case: name, doc: docName, text: norm(c.text), status: c.status });
  }
  return { outcomes, unlabelled };
}

export function scoreSet(name: string): SetScore {
  const root = path.join(fixturesRoot(), name);
  const outcomes: Outcome[] = [];
  const unlabelledFlags: SetScore['unlabelledFlags'] = [];
  if (existsSync(root)) {
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (!entry.isDirectory() || !existsSync(path.join(root, entry.name, 'labels.json'))) continue;
      const r = runCase(path.join(root, entry.name));
      outcomes.push(...r.outcomes);
      unlabelledFlags.push(...r.unlabelled);
    }
  }
  let tp = 0;
  let fp = unlabelledFlags.length;
  let fn = 0;
  let exact = 0;
  let rungOk = 0;
  let rungLabels = 0;
  const falseFlag: SetScore['falseFlag'] = {};
  for (const o of outcomes) {
    const want = isFlag(o.label.status);
    const got = isFlag(o.predicted);
    if (want && got) tp++;
    else if (!want && got) fp++;
    else if (want && !got) fn++;
    if (o.predicted === o.label.status) exact++;
    if (o.label.rung) {
      rungLabels++;
      if (o.predictedRung === o.label.rung) rungOk++;
    }
    if (SAFE.includes(o.label.status)) {
      const k = o.label.status;
      falseFlag[k] ??= { n: 0, flagged: 0 };
      falseFlag[k].n++;
      if (got) falseFlag[k].flagged++;
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const core = ['negated', 'future', 'reported', 'evidenced'];
  const n = core.reduce((a, k) => a + (falseFlag[k]?.n ?? 0), 0);
  const flagged = core.reduce((a, k) => a + (falseFlag[k]?.flagged ?? 0), 0);
  return {
    name,
    labels: outcomes.length,
    tp,
    fp,
    fn,
    unlabelledFlags,
    precision,
    recall,
    f1,
    statusAccuracy: outcomes.length ? exact / outcomes.length : 1,
    rungAccuracy: rungLabels ? rungOk / rungLabels : 1,
    rungLabels,
    falseFlag,
    falseFlagRate: n ? flagged / n : 0,
    outcomes,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function describe(s: SetScore, verbose: boolean): string[] {
  const lines = [
    `  ${s.name}: ${s.labels} labelled sentences`,
    `    flags: precision ${pct(s.precision)}, recall ${pct(s.recall)}, F1 ${s.f1.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
    `    exact status ${pct(s.statusAccuracy)}, rung ${pct(s.rungAccuracy)} of ${s.rungLabels}`,
    `    false flags on negated/future/reported/evidenced: ${pct(s.falseFlagRate)} (${Object.entries(s.falseFlag)
      .map(([k, v]) => `${k} ${v.flagged}/${v.n}`)
      .join(', ')})`,
  ];
  if (verbose) {
    for (const o of s.outcomes) {
      if (o.predicted === o.label.status && (!o.label.rung || o.label.rung === o.predictedRung)) continue;
      lines.push(`    ✗ ${o.case}/${o.doc}: "${o.label.text.slice(0, 60)}" want ${o.label.status}${o.label.rung ? `/${o.label.rung}` : ''}, got ${o.predicted}${o.predictedRung ? `/${o.predictedRung}` : ''}`);
    }
    for (const u of s.unlabelledFlags) lines.push(`    ✗ unlabelled flag ${u.case}/${u.doc}: ${u.status} "${u.text.slice(0, 80)}"`);
  }
  return lines;
}

export function evaluateClaims(options: { verbose?: boolean } = {}): { text: string; ok: boolean } {
  const verbose = options.verbose ?? process.env.CLAIMS_EVAL_VERBOSE === '1';
  const tuning = scoreSet('tuning');
  const heldout = scoreSet('heldout');
  if (tuning.labels + heldout.labels === 0) return { text: 'Claims: no labelled documents yet.', ok: true };
  const ok = tuning.f1 >= 0.85 && tuning.falseFlagRate <= 0.1;
  const text = [
    'Claims of union involvement (test/fixtures/claims)',
    ...describe(tuning, verbose),
    ...describe(heldout, verbose && process.env.CLAIMS_EVAL_HELDOUT === '1'),
    `  ${ok ? 'ok' : 'NOT OK'}: tuning flag F1 must be at least 0.85 and the false-flag rate at most 10%`,
  ].join('\n');
  return { text, ok };
}
