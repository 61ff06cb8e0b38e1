// Compiles the integration suites: every .ts under test/integration/suite/ becomes one CommonJS file under
// out/test/integration/suite/ (same relative path, .js), and every .ts under test/integration/untrusted/suite/
// (the Workspace Trust suite, run in its own folder) one under out/test/integration/untrusted/suite/; each is
// bundled with what it imports from src/ so tests can call the project's code directly; `vscode` stays external
// (the extension host provides it). Each index.ts bundles mocha. The output folders are emptied first so a
// deleted test does not linger.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './server.mjs';

const suites = [
  { src: join(repoRoot, 'test', 'integration', 'suite'), out: join(repoRoot, 'out', 'test', 'integration', 'suite') },
  { src: join(repoRoot, 'test', 'integration', 'untrusted', 'suite'), out: join(repoRoot, 'out', 'test', 'integration', 'untrusted', 'suite') },
];

let entryPoints = [];
for (const { src: srcDir, out: outDir } of suites) {
  const entries = readdirSync(srcDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(srcDir, f));
  entryPoints = entryPoints.concat(entries);
  rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: entries,
    outbase: srcDir,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at run time
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
}
const tests = entryPoints.filter((f) => f.endsWith('.test.ts')).length;
console.log(`compiled ${entryPoints.length} integration suite file(s) (${tests} *.test.ts) into ${suites.map((x) => `${relative(repoRoot, x.out)}/`).join(' and ')}`);
