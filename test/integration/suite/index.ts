/// <reference types="mocha" />
// The integration suite's entry point, loaded by VS Code's extension host as `extensionTestsPath`
// (in code-server through scripts/vscode-server/run-integration.mjs, or in desktop VS Code through
// @vscode/test-electron in scripts/vscode-server/run-electron.mjs).
//
// It runs every compiled `*.test.js` beside it (any depth) with mocha's TDD interface (suite/test/setup/...),
// logs each result to the console (the runners forward it), and writes a JSON results file:
//   { passed: string[], failed: { title, error }[], pending: string[], files: string[] }
// to $COUNTERPOINT_TEST_RESULTS, or, when that is unset, to <first workspace folder>/.counterpoint-test-results.json.
// New test files need no registration: add `test/integration/suite/<name>.test.ts`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

interface Results {
  passed: string[];
  failed: { title: string; error: string }[];
  pending: string[];
  files: string[];
}

function findTestFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

function resultsPath(): string {
  const fromEnv = process.env.COUNTERPOINT_TEST_RESULTS;
  if (fromEnv) return fromEnv;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('COUNTERPOINT_TEST_RESULTS is unset and no workspace folder is open');
  return path.join(folder.uri.fsPath, '.counterpoint-test-results.json');
}

// The code-server runner sets COUNTERPOINT_CONSOLE_TAG: there, the extension host's console output reaches it
// mixed with the workbench's own log lines (and VS Code does not let console methods be replaced), so the
// suite's own lines carry the tag. Lines between the suite's first and last line are shown either way.
const TAG = process.env.COUNTERPOINT_CONSOLE_TAG;
const say = (...args: unknown[]): void => (TAG ? console.log(TAG, ...args) : console.log(...args));

export function run(): Promise<void> {
  const results: Results = { passed: [], failed: [], pending: [], files: [] };
  const out = resultsPath();
  fs.rmSync(out, { force: true });
  const write = () => fs.writeFileSync(out, JSON.stringify(results, null, 2));

  // A reporter that logs through console.log, which the extension host forwards (to the workbench console, or
  // to the test-electron runner's stdout).
  class ConsoleReporter {
    constructor(runner: Mocha.Runner) {
      const t0 = Date.now();
      runner.on('suite', (s: Mocha.Suite) => { if (s.title) say(`${'  '.repeat(depth(s) - 1)}${s.title}`); });
      runner.on('pass', (t: Mocha.Test) => {
        results.passed.push(t.fullTitle());
        say(`${'  '.repeat(depth(t.parent))}✓ ${t.title} (${t.duration ?? 0} ms)`);
      });
      runner.on('fail', (t: Mocha.Runnable, err: Error) => {
        results.failed.push({ title: t.fullTitle(), error: String(err?.stack ?? err) });
        say(`${'  '.repeat(depth(t.parent))}✗ ${t.title}\n${indent(String(err?.stack ?? err), 6)}`);
      });
      runner.on('pending', (t: Mocha.Test) => {
        results.pending.push(t.fullTitle());
        say(`${'  '.repeat(depth(t.parent))}- ${t.title} (pending)`);
      });
      runner.once('end', () => {
        say(`mocha: ${results.passed.length} passing, ${results.failed.length} failing, ${results.pending.length} pending (${Date.now() - t0} ms)`);
      });
    }
  }

  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.COUNTERPOINT_TEST_TIMEOUT ?? 30_000),
    ...(process.env.COUNTERPOINT_TEST_GREP ? { grep: process.env.COUNTERPOINT_TEST_GREP } : {}),
    reporter: ConsoleReporter as unknown as typeof Mocha.reporters.Base,
  });
  results.files = findTestFiles(__dirname);
  for (const f of results.files) mocha.addFile(f);
  say(`integration suite: ${results.files.length} test file(s) in ${__dirname}`);

  return new Promise((resolve, reject) => {
    if (results.files.length === 0) {
      write();
      reject(new Error(`no *.test.js files in ${__dirname}`));
      return;
    }
    try {
      mocha.run((failures) => {
        write();
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (e) {
      results.failed.push({ title: 'loading the test files', error: String((e as Error)?.stack ?? e) });
      write();
      reject(e);
    }
  });
}

function depth(s: Mocha.Suite | undefined): number {
  let d = 0;
  for (let p = s; p && !p.root; p = p.parent) d++;
  return d;
}

function indent(text: string, n: number): string {
  return text.split('\n').map((l) => ' '.repeat(n) + l).join('\n');
}
