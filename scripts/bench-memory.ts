/**
 * The memory figures of `npm run bench`, each measured in a child process of its own running this file: a process
 * that loads Counterpoint's engine and nothing else, as the extension host does. (Run from the bench's own file,
 * the children also loaded markdownlint, remark-parse and unified, which Counterpoint never loads: about 20 MiB
 * of resident set that was not the analysis's.)
 *
 * `--peak BYTES`: the peak resident set of one full analysis of the generated pair of that size, and the
 * resident set before it (Node and the engine's code), in MiB, as JSON.
 * `--kept BYTES`: what the extension keeps while the pair stays open (the documents, the result and the
 * comparison memo, after a full collection), and the peak resident set of that analysis.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compareDocs } from '../src/core/analyse';
import { AnalysisCache } from '../src/core/incremental';
import { generatePair } from '../test/generate/documents';

const arg = (name: string): number | undefined => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : Number(process.argv[at + 1]);
};
const mib = (bytes: number) => bytes / 1048576;

const peakBytes = arg('--peak');
const keptBytes = arg('--kept');
if (peakBytes !== undefined) {
  const beforeMiB = mib(process.memoryUsage().rss);
  const { letter, response } = generatePair(peakBytes, 7);
  const cache = new AnalysisCache();
  compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', response));
  process.stdout.write(JSON.stringify({ peakMiB: process.resourceUsage().maxRSS / 1024, beforeMiB }));
} else if (keptBytes !== undefined) {
  setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;
  const { letter, response } = generatePair(keptBytes, 7);
  const cache = new AnalysisCache();
  const result = compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', response), { memo: cache.memo('letter.md', 'response.md') });
  collectGarbage();
  collectGarbage();
  const m = process.memoryUsage();
  process.stdout.write(JSON.stringify({ heapMB: m.heapUsed / 1e6, outsideHeapMB: m.arrayBuffers / 1e6, peakMiB: process.resourceUsage().maxRSS / 1024 }));
  // The cache and the result are alive to here, as the extension keeps them.
  if (result.alignments.length < 0) process.stdout.write(String(cache));
} else {
  process.stderr.write('usage: bench-memory.mjs --peak BYTES | --kept BYTES\n');
  process.exitCode = 2;
}
