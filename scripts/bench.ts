/**
 * `npm run bench`: how fast Counterpoint is against the floor (remark-parse alone) and against the linter users
 * already run on these files (markdownlint), on generated letters and responses of 10 KB to 4 MB, side by side in
 * one process. Also: re-analysis after a one-word edit, peak memory, bundle sizes and activation time.
 * Prints a table and writes bench-results/bench.json. A benchmark, not a test: it asserts nothing.
 *
 * Method, the same for every tool. Before each size, a full garbage collection, so that no size pays for an
 * earlier one's garbage; it comes before the warm-up, which absorbs what a forced collection upsets. Then
 * warm-up runs of each tool, interleaved: many for small documents (100 at 10 KB, 10 at 100 KB), so that the
 * JIT has compiled each tool's code as it will have in a session of use (after a single warm-up, the 10 KB runs
 * measured mostly the JIT at work, in its background threads too, and more so for Counterpoint, which runs much
 * more code than remark-parse). Then timed runs, interleaved, each tool following each other equally often (see
 * `ORDER`). Each run's wall-clock time and CPU time
 * (`process.cpuUsage`: all the process's threads; load from other processes on a shared machine disturbs it
 * less than wall-clock time) are recorded, and the medians reported, with the ratios for both. No collection is
 * forced between runs: tried, it made every tool's next run several times slower, which users never see.
 * `--sizes=10KB,100KB` measures only the sizes named.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { lint } from 'markdownlint/sync';
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compareDocs } from '../src/core/analyse';
import { AnalysisCache } from '../src/core/incremental';
import { generatePair } from '../test/generate/documents';

/**
 * Label, bytes of each document, timed runs, and warm-up runs of each tool before them. A round at 10 KB takes
 * tens of milliseconds, and on a shared machine the median of 61 rounds moved by a tenth of the ratio from one
 * bench to the next: 301 rounds (about half a minute) narrow that.
 */
const SIZES: Array<[string, number, number, number]> = [
  ['10 KB', 10_000, 301, 100],
  ['100 KB', 100_000, 21, 10],
  ['1 MB', 1_000_000, 5, 1],
  ['4 MB', 4_000_000, 3, 1],
];
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length).split(',');

const remark = unified().use(remarkParse);

/**
 * The order of the timed runs, over and over: each round runs every tool once, and each tool follows each of the
 * others equally often (a run pays in part for the garbage the run before it left: with the tools always in the
 * same order, or turned round in a cycle, Counterpoint followed markdownlint in all or two thirds of its runs).
 */
const ORDER = [0, 1, 2, 0, 2, 1];

/** A full garbage collection (exposed for the bench alone). */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Wall-clock and CPU time of one call, in milliseconds. */
function time(fn: () => void): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

function stats(samples: number[]): { median: number; min: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
}

function counterpoint(letter: string, response: string): void {
  const cache = new AnalysisCache();
  compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', response));
}

/** The memory figures are measured by `bench-memory.mjs`, beside this file, in child processes that load the engine
 * alone (see that file). */
function memoryChild(args: string[]): string {
  return execFileSync(process.execPath, [path.join(path.dirname(process.argv[1]), 'bench-memory.mjs'), ...args], { encoding: 'utf8' });
}

/** Peak memory of one full analysis (MiB), each in a child process of its own so other sizes do not count. It
 * varies from run to run by tens of MiB (when V8 collects depends on timing), so five children: the median and
 * range; and the resident set of such a process before the analysis (Node and the engine's code). */
const MEMORY_RUNS = 5;
function peakMemory(bytes: number): ReturnType<typeof stats> & { beforeMiB: number } {
  const runs = Array.from({ length: MEMORY_RUNS }, () => JSON.parse(memoryChild(['--peak', String(bytes)])) as { peakMiB: number; beforeMiB: number });
  return { ...stats(runs.map((r) => r.peakMiB)), beforeMiB: stats(runs.map((r) => r.beforeMiB)).median };
}

/** What the extension keeps while a pair stays open: the documents, the result and the comparison memo (MB, after
 * a full collection), and the peak resident set of that analysis (MiB); in a child process. */
function keptMemory(bytes: number): { heapMB: number; outsideHeapMB: number; peakMiB: number } {
  return JSON.parse(memoryChild(['--kept', String(bytes)])) as { heapMB: number; outsideHeapMB: number; peakMiB: number };
}

/** Loads the Node bundle against a stand-in `vscode` module and times require + activate. */
function activationTime(): number | undefined {
  const bundle = path.resolve('dist/extension.js');
  try {
    statSync(bundle);
  } catch {
    return undefined;
  }
  const out = execFileSync(process.execPath, ['scripts/bench-activation.cjs', bundle], { encoding: 'utf8' });
  return Number(out.trim());
}

interface Row {
  size: string;
  bytes: number;
  runs: number;
  warmUpRuns: number;
  /** Wall-clock times. */
  counterpoint: ReturnType<typeof stats>;
  remarkParse: ReturnType<typeof stats>;
  markdownlint: ReturnType<typeof stats>;
  ratioMarkdownlint: number;
  ratioRemark: number;
  /** CPU times (user + system, all the process's threads). */
  cpu: { counterpoint: ReturnType<typeof stats>; remarkParse: ReturnType<typeof stats>; markdownlint: ReturnType<typeof stats>; ratioMarkdownlint: number; ratioRemark: number };
}

const rows: Row[] = [];
for (const [label, bytes, runsFull, warmFull] of SIZES) {
  if (quick && bytes > 1_000_000) continue;
  if (only && !only.includes(label.replace(' ', ''))) continue;
  const runs = quick ? Math.min(runsFull, 3) : runsFull;
  const warmUpRuns = quick ? Math.min(warmFull, 3) : warmFull;
  const { letter, response } = generatePair(bytes, 7);
  const tools: Array<[string, () => void]> = [
    ['counterpoint', () => counterpoint(letter, response)],
    [
      'remarkParse',
      () => {
        remark.parse(letter);
        remark.parse(response);
      },
    ],
    ['markdownlint', () => lint({ strings: { letter, response } })],
  ];
  collectGarbage();
  // Warm-up runs of each tool, interleaved.
  for (let i = 0; i < warmUpRuns; i++) for (const [, fn] of tools) fn();
  const wall: Record<string, number[]> = { counterpoint: [], remarkParse: [], markdownlint: [] };
  const cpu: Record<string, number[]> = { counterpoint: [], remarkParse: [], markdownlint: [] };
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < tools.length; k++) {
      const [name, fn] = tools[ORDER[(i * tools.length + k) % ORDER.length]];
      const t = time(fn);
      wall[name].push(t.wall);
      cpu[name].push(t.cpu);
    }
  }
  const w = (name: string) => stats(wall[name]);
  const c = (name: string) => stats(cpu[name]);
  rows.push({
    size: label,
    bytes: letter.length + response.length,
    runs,
    warmUpRuns,
    counterpoint: w('counterpoint'),
    remarkParse: w('remarkParse'),
    markdownlint: w('markdownlint'),
    ratioMarkdownlint: w('counterpoint').median / w('markdownlint').median,
    ratioRemark: w('counterpoint').median / w('remarkParse').median,
    cpu: {
      counterpoint: c('counterpoint'),
      remarkParse: c('remarkParse'),
      markdownlint: c('markdownlint'),
      ratioMarkdownlint: c('counterpoint').median / c('markdownlint').median,
      ratioRemark: c('counterpoint').median / c('remarkParse').median,
    },
  });
  process.stderr.write(`measured ${label}\n`);
}

// Re-analysis after a one-word edit in the middle of the 1 MB letter.
/** Edits before the timed ones (reported apart), and timed edits. */
const EDIT_WARM_UP = 20;
const EDIT_RUNS = 11;
function reanalysis() {
  collectGarbage();
  const { letter: big, response: bigResponse } = generatePair(1_000_000, 7);
  const cache = new AnalysisCache();
  const full: number[] = [];
  const edit: number[] = [];
  for (let i = 0; i < 5; i++) {
    const fresh = new AnalysisCache();
    full.push(time(() => compareDocs(fresh.parse('letter.md', big), fresh.parse('response.md', bigResponse))).wall);
  }
  // As the extension does: the same cache and the pair's memo on every edit. The first edits after opening are
  // slower (the JIT compiling the edit path, collecting the first analysis's garbage): they are reported apart, and
  // the figure is the median of the edits after them, as someone typing meets it; the full analysis above is
  // likewise timed after a run that warmed it.
  const memo = cache.memo('letter.md', 'response.md');
  compareDocs(cache.parse('letter.md', big), cache.parse('response.md', bigResponse), { memo });
  const at = big.indexOf('regional', Math.floor(big.length / 2));
  const editedText = (i: number) => big.slice(0, at) + (i % 2 === 0 ? 'national' : 'regional') + big.slice(at + 'regional'.length);
  const first: number[] = [];
  const warmUpEdits = quick ? 2 : EDIT_WARM_UP;
  for (let i = 0; i < warmUpEdits + EDIT_RUNS; i++) {
    const edited = editedText(i);
    const took = time(() => compareDocs(cache.parse('letter.md', edited), cache.parse('response.md', bigResponse), { memo })).wall;
    (i < warmUpEdits ? first : edit).push(took);
  }
  // The edited analysis must be the one a fresh analysis gives: checked here on the last edit, and by the
  // property tests on random edits.
  const lastEdit = (() => {
    const at = big.indexOf('regional', Math.floor(big.length / 2));
    return big.slice(0, at) + 'national' + big.slice(at + 'regional'.length);
  })();
  const viaMemo = JSON.stringify(compareDocs(cache.parse('letter.md', lastEdit), cache.parse('response.md', bigResponse), { memo }));
  const freshCache = new AnalysisCache();
  const sameAsFresh = viaMemo === JSON.stringify(compareDocs(freshCache.parse('letter.md', lastEdit), freshCache.parse('response.md', bigResponse)));
  return { full: stats(full), afterEdit: stats(edit), share: stats(edit).median / stats(full).median, firstEdits: first, sameAsFresh };
}
const incremental = only ? undefined : reanalysis();

const memory = quick || only ? undefined : peakMemory(4_000_000);
const kept = quick || only ? undefined : keptMemory(4_000_000);
const size = (f: string) => {
  try {
    return statSync(f).size;
  } catch {
    return undefined;
  }
};
// The features loaded on first use (reports, exports, letter versions) sit in a second file beside each bundle.
const bundles = {
  node: size('dist/extension.js'),
  web: size('dist/web/extension.js'),
  nodeFeatures: size('dist/features.js'),
  webFeatures: size('dist/web/features.js'),
  cli: size('dist/cli.js'),
};
const activation = only ? undefined : activationTime();

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const lines: string[] = [];
lines.push('Counterpoint benchmark (median of runs, min–max in brackets, milliseconds; letter + response of each size)');
lines.push('');
lines.push('Wall-clock time:');
lines.push('');
lines.push('| size | runs (warm-up) | Counterpoint (full analysis) | remark-parse alone | markdownlint | ÷ markdownlint | ÷ remark-parse |');
lines.push('|---|---|---|---|---|---|---|');
const cell = (s: ReturnType<typeof stats>) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
for (const r of rows) {
  lines.push(`| ${r.size} | ${r.runs} (${r.warmUpRuns}) | ${cell(r.counterpoint)} | ${cell(r.remarkParse)} | ${cell(r.markdownlint)} | ${r.ratioMarkdownlint.toFixed(2)} | ${r.ratioRemark.toFixed(2)} |`);
}
lines.push('');
lines.push('CPU time (user + system, of the same runs):');
lines.push('');
lines.push('| size | Counterpoint (full analysis) | remark-parse alone | markdownlint | ÷ markdownlint | ÷ remark-parse |');
lines.push('|---|---|---|---|---|---|');
for (const r of rows) {
  lines.push(`| ${r.size} | ${cell(r.cpu.counterpoint)} | ${cell(r.cpu.remarkParse)} | ${cell(r.cpu.markdownlint)} | ${r.cpu.ratioMarkdownlint.toFixed(2)} | ${r.cpu.ratioRemark.toFixed(2)} |`);
}
const oneMb = rows.find((r) => r.size === '1 MB');
const fourMb = rows.find((r) => r.size === '4 MB');
lines.push('');
if (oneMb && fourMb) lines.push(`Growth: 4 MB takes ${(fourMb.counterpoint.median / oneMb.counterpoint.median).toFixed(2)} × the 1 MB time (linear would be 4).`);
if (incremental) {
  lines.push(
    `Re-analysis after a one-word edit in the 1 MB letter: ${ms(incremental.afterEdit.median)} ms (median of ${EDIT_RUNS} edits, after ${incremental.firstEdits.length} others) against ${ms(incremental.full.median)} ms for a full analysis (${(incremental.share * 100).toFixed(1)}%); result ${incremental.sameAsFresh ? 'identical to' : 'DIFFERENT FROM'} a fresh analysis. The first edits after opening took ${incremental.firstEdits.slice(0, 5).map((x) => ms(x)).join(', ')} ms.`,
  );
}
if (memory !== undefined) {
  lines.push(
    `Peak memory (resident set) of one full analysis of the 4 MB pair, in a process running the engine alone: ${memory.median.toFixed(0)} MiB ` +
      `(median of ${MEMORY_RUNS} runs, ${memory.min.toFixed(0)}–${memory.max.toFixed(0)}); the process held ${memory.beforeMiB.toFixed(0)} MiB before the analysis.`,
  );
}
if (kept !== undefined) {
  lines.push(
    `Kept while the 4 MB pair stays open (documents, result and the comparison memo, as the extension keeps them, after a full collection): ` +
      `${kept.heapMB.toFixed(0)} MB of heap and ${kept.outsideHeapMB.toFixed(0)} MB of typed arrays outside it; peak resident set of that analysis ${kept.peakMiB.toFixed(0)} MiB.`,
  );
}
const kb = (n?: number) => (n === undefined ? 'not built' : `${(n / 1024).toFixed(0)} KB`);
lines.push(
  `Bundles: Node ${kb(bundles.node)}, web ${kb(bundles.web)}, CLI ${kb(bundles.cli)} (run after a production build: minified); ` +
    `features loaded on first use beside them: Node ${kb(bundles.nodeFeatures)}, web ${kb(bundles.webFeatures)}.`,
);
if (activation !== undefined) lines.push(`Activation (require + activate of the Node bundle against a stand-in vscode API): ${ms(activation)} ms.`);
process.stdout.write(lines.join('\n') + '\n');

// A run of some sizes only is a partial measurement: it leaves the last full results in place.
if (only) process.exit(0);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/bench.json',
  JSON.stringify({ date: new Date().toISOString(), node: process.version, rows, incremental, peakMemoryMiB: memory, kept, bundles, activationMs: activation }, null, 2) + '\n',
);
process.stdout.write('Written to bench-results/bench.json\n');
