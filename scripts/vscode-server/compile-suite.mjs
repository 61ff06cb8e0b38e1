// Compiles the integration suite: every .ts under test/integration/suite/ becomes one CommonJS file under
// out/test/integration/suite/ (same relative path, .js), bundled with what it imports from src/ so tests can
// call the project's code directly; `vscode` stays external (the extension host provides it). index.ts bundles
// mocha. The output folder is emptied first so a deleted test does not linger.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './server.mjs';

const srcDir = join(repoRoot, 'test', 'integration', 'suite');
const outDir = join(repoRoot, 'out', 'test', 'integration', 'suite');

const entryPoints = readdirSync(srcDir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => join(srcDir, f));

rmSync(outDir, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: repoRoot,
  entryPoints,
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
const tests = entryPoints.filter((f) => f.endsWith('.test.ts')).length;
console.log(`compiled ${entryPoints.length} integration suite file(s) (${tests} *.test.ts) into ${relative(repoRoot, outDir)}/`);
