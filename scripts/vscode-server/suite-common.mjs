// What the code-server runner (run-integration.mjs) and the @vscode/test-electron runner (run-electron.mjs)
// share: where the compiled suites are, the throw-away copy of a test workspace, and reading the results file
// that test/integration/suite/index.ts writes.
//
// Two suites: the main one (test/integration/suite/, in test/integration/workspace/, trusted) and the Workspace
// Trust one (test/integration/untrusted/suite/, in test/integration/untrusted/workspace/, with
// test/integration/untrusted/outside/ copied beside it: files a document names outside the workspace).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './server.mjs';

export { repoRoot };
export const suiteIndex = join(repoRoot, 'out', 'test', 'integration', 'suite', 'index.js');
export const workspaceSource = join(repoRoot, 'test', 'integration', 'workspace');
export const untrustedSuiteIndex = join(repoRoot, 'out', 'test', 'integration', 'untrusted', 'suite', 'index.js');
export const untrustedSources = {
  workspace: join(repoRoot, 'test', 'integration', 'untrusted', 'workspace'),
  outside: join(repoRoot, 'test', 'integration', 'untrusted', 'outside'),
};
/** Env var telling the Workspace Trust suite whether its window should be trusted ('trusted' | 'untrusted'). */
export const EXPECT_TRUST_ENV = 'COUNTERPOINT_EXPECT_TRUST';
/** Env var through which the suite learns where to write its results (the extension host inherits it). */
export const RESULTS_ENV = 'COUNTERPOINT_TEST_RESULTS';

export function checkPrerequisites() {
  const missing = [];
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) missing.push('dist/extension.js (run `npm run build`)');
  if (!existsSync(suiteIndex)) missing.push('out/test/integration/suite/index.js (run `npm run compile:integration`)');
  if (!existsSync(untrustedSuiteIndex)) missing.push('out/test/integration/untrusted/suite/index.js (run `npm run compile:integration`)');
  if (missing.length) throw new Error(`missing: ${missing.join(', ')}`);
}

/**
 * A temp dir holding a copy of each source folder under its key (by default `workspace/`, a copy of
 * test/integration/workspace) and the results file path.
 */
export function makeRunDir(sources = { workspace: workspaceSource }) {
  const dir = mkdtempSync(join(tmpdir(), 'counterpoint-it-'));
  for (const [name, from] of Object.entries(sources)) cpSync(from, join(dir, name), { recursive: true });
  const workspace = join(dir, 'workspace');
  const resultsFile = join(dir, 'results.json');
  return { dir, workspace, resultsFile, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Judges a run: exit code, results file present, at least one pass, no failures.
 * Prints the failures and the closing line `integration: N passed, M failed`; returns the process exit code.
 */
export function judge({ exitCode, resultsFile, error }) {
  const { passed, failed, problems } = assess({ exitCode, resultsFile, error });
  for (const p of problems) console.log(`FAIL: ${p}`);
  console.log(`integration: ${passed} passed, ${failed} failed`);
  return problems.length ? 1 : 0;
}

/**
 * What one suite run gave: { passed, failed, pending, problems } (counts, and the reasons it fails in words).
 * Fails on an error, a non-zero exit code, a missing or unreadable results file, any failed test, and no passing
 * test, unless `allowEmpty` (a --grep that matched nothing in this suite) and nothing ran at all.
 */
export function assess({ exitCode, resultsFile, error, allowEmpty = false }) {
  const problems = [];
  if (error) problems.push(error);
  let results = null;
  if (!existsSync(resultsFile)) problems.push(`the suite wrote no results file (${resultsFile})`);
  else {
    try {
      results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    } catch (e) {
      problems.push(`unreadable results file: ${e.message}`);
    }
  }
  const passed = results?.passed?.length ?? 0;
  const failed = results?.failed?.length ?? 0;
  if (exitCode === undefined || exitCode === null) problems.push('the workbench never reported an exit code');
  else if (exitCode !== 0) problems.push(`the extension host test run exited with code ${exitCode}`);
  const pending = results?.pending?.length ?? 0;
  if (results && passed === 0 && !(allowEmpty && failed === 0 && pending === 0)) problems.push('the suite ran no passing test');
  if (failed > 0) {
    problems.push(`${failed} test(s) failed:`);
    for (const f of results.failed) problems.push(`  ✗ ${f.title}: ${f.error?.split('\n')[0] ?? ''}`);
  }
  if (pending) console.log(`(${pending} pending)`);
  return { passed, failed, pending, problems };
}
