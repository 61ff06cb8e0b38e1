/**
 * `npm run eval`: scores the engine on the labelled fixtures in test/fixtures/ and prints the figures.
 * Each part lives beside its fixtures' reader in test/eval/; a part whose fixtures are not written yet says so.
 */
import { evaluateAims } from '../test/eval/aims-eval';
import { evaluateClaims } from '../test/eval/claims-eval';

const parts = [evaluateAims, evaluateClaims];
parts.push((require('../test/eval/versions-eval') as typeof import('../test/eval/versions-eval')).evaluateVersions);
let failed = false;
for (const part of parts) {
  const report = part();
  process.stdout.write(report.text.endsWith('\n') ? report.text : report.text + '\n');
  process.stdout.write('\n');
  failed ||= !report.ok;
}
process.exitCode = failed ? 1 : 0;
