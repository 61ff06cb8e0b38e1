// Runs the integration suites inside a real VS Code: code-server's Node extension host, driven by its web
// workbench in headless Chromium. Expects `npm run build` and `npm run compile:integration` to have run and
// install.sh to have installed code-server (npm run test:integration does all three first).
//
// Three runs, in two code-server sessions (a session: one server and one browser page, the runs opening their
// workbench on it one after the other):
//   main       out/test/integration/suite/ in a copy of test/integration/workspace/, Workspace Trust disabled;
//   trusted    out/test/integration/untrusted/suite/ in a copy of test/integration/untrusted/workspace/ (with
//              untrusted/outside/ beside it), on the same server: the control, what the folder's settings and
//              front matter do when they are honoured;
//   untrusted  the same suite and folder on a second server with Workspace Trust on and the folder not trusted
//              (Restricted Mode, as a folder from elsewhere opens).
// The Workspace Trust suite learns which of the two it is in from COUNTERPOINT_EXPECT_TRUST.
//
// Each run's workspace is a fresh copy in a temp dir, so tests may edit it freely. A run fails when the suite's
// exit code is non-zero, when its results file is missing, when it lists no passing test, or when its timeout
// (COUNTERPOINT_INTEGRATION_TIMEOUT seconds, default 300) passes. The last line printed is
// `integration: N passed, M failed`, the totals of all runs.
//
// Options: --verbose (also forward the workbench's own console messages and the server log),
//          --keep (keep the temp dirs), --grep <text> (COUNTERPOINT_TEST_GREP; only matching tests run; a run
//          where nothing matches is not a failure), --only <main|trusted|untrusted> (repeatable).
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';
import { assess, checkPrerequisites, EXPECT_TRUST_ENV, makeRunDir, repoRoot, RESULTS_ENV, suiteIndex, untrustedSources, untrustedSuiteIndex } from './suite-common.mjs';

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose') || process.env.COUNTERPOINT_VERBOSE === '1';
const keep = argv.includes('--keep') || process.env.COUNTERPOINT_KEEP_TMP === '1';
const grepAt = argv.indexOf('--grep');
const grep = grepAt >= 0 ? argv[grepAt + 1] : process.env.COUNTERPOINT_TEST_GREP;
const only = argv.flatMap((a, i) => (a === '--only' ? [argv[i + 1]] : []));
const timeoutMs = Number(process.env.COUNTERPOINT_INTEGRATION_TIMEOUT ?? 300) * 1000;

const RUNS = [
  { name: 'main', suite: suiteIndex, sources: undefined, workspaceTrust: false },
  { name: 'trusted', suite: untrustedSuiteIndex, sources: untrustedSources, workspaceTrust: false },
  { name: 'untrusted', suite: untrustedSuiteIndex, sources: untrustedSources, workspaceTrust: true },
];
for (const o of only) if (!RUNS.some((r) => r.name === o)) {
  console.log(`FAIL: --only ${o}: no such run (${RUNS.map((r) => r.name).join(', ')})\nintegration: 0 passed, 0 failed`);
  process.exit(1);
}
const runs = only.length ? RUNS.filter((r) => only.includes(r.name)) : RUNS;

const t0 = Date.now();
// Last resort if even the cleanup hangs: the process-exit hook in server.mjs still kills code-server's group.
setTimeout(() => {
  console.log(`FAIL: hard timeout after ${(runs.length * timeoutMs) / 1000 + 120} s\nintegration: 0 passed, 0 failed`);
  process.exit(1);
}, runs.length * timeoutMs + 120_000).unref();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (m) => console.log(`[integration] ${m}`);

// The extension host's console reaches the page console through the workbench's log service, mixed with the
// workbench's own lines, as `%c INFO color: #33f <text>`. The suite's own lines carry TAG; between its first
// line and its last, untagged lines (console output of tests and of the extension) are shown too, except this
// machine's offline noise. Other workbench messages: shown with --verbose, else kept and shown if the run fails.
const TAG = '@@ext-host@@';
const NOISE = /ENOTFOUND|ERR_NAME_NOT_RESOLVED|Failed to load resource|open-vsx|\[AccountPolicyGate\]/;
const stripLevel = (text) => text.replace(/^%c\s*(\w+)\s+color:\s*#[0-9a-f]+\s?/i, (_, level) => (level === 'INFO' ? '' : `${level} `));

/** The current session's server and browser, and the current run's temp dir, for cleanup on a signal. */
let current = {};
async function cleanup() {
  clearTimeout(current.timer);
  await current.browser?.close().catch(() => {});
  await current.server?.stop().catch(() => {});
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await cleanup();
    current.run?.cleanup();
    process.exit(130);
  });
}

/**
 * A session: one code-server (Workspace Trust on or off) and one browser page, on which the given runs open
 * their workbench one after another (the second loads faster: same origin, cached workbench). Returns each run's
 * assess() verdict. The extension host's environment is the server's: the results file is the session's, moved
 * aside after each run; COUNTERPOINT_EXPECT_TRUST follows the session.
 */
async function runSession(workspaceTrust, sessionRuns) {
  const verdicts = [];
  const workbenchLines = [];
  let sessionError;
  current = {};
  let resolveExit = () => {};
  let inSuite = false;
  try {
    const dir = makeRunDir({});
    current.sessionDir = dir;
    const env = { [RESULTS_ENV]: dir.resultsFile, COUNTERPOINT_CONSOLE_TAG: TAG, [EXPECT_TRUST_ENV]: workspaceTrust ? 'untrusted' : 'trusted' };
    if (grep) env.COUNTERPOINT_TEST_GREP = grep;
    current.server = await startServer({ env, keep, log: say, workspaceTrust });
    current.browser = await launchBrowser();
    const { page } = current.browser;
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    // A page left with unsaved editors may ask before the next run's workbench replaces it.
    page.on('dialog', (d) => (d.type() === 'beforeunload' ? d.accept() : d.dismiss()).catch(() => {}));
    page.on('console', (msg) => {
      const text = msg.text();
      const at = text.indexOf(TAG);
      if (at >= 0) {
        const line = text.slice(at + TAG.length + 1);
        if (line.startsWith('integration suite:')) inSuite = true;
        if (line.startsWith('mocha:')) inSuite = false;
        console.log(line);
      } else if (inSuite && !NOISE.test(text)) console.log(stripLevel(text));
      else workbench(`[workbench ${msg.type()}] ${text}`);
    });
    page.on('pageerror', (e) => workbench(`[workbench pageerror] ${e.message}`));
  } catch (e) {
    sessionError = e?.stack ?? String(e);
  }
  function workbench(line) {
    if (verbose) console.log(line);
    else workbenchLines.push(line);
  }

  for (const { name, suite, sources } of sessionRuns) {
    const tRun = Date.now();
    let exitCode;
    let error = sessionError;
    let run;
    workbenchLines.length = 0;
    inSuite = false;
    if (!error) {
      try {
        run = current.run = makeRunDir(sources);
        rmSync(current.sessionDir.resultsFile, { force: true });
        say(`${name}: workspace copy ${run.workspace}${workspaceTrust ? ' (Workspace Trust on, folder not trusted)' : ''}`);
        const exited = new Promise((resolve) => {
          resolveExit = resolve;
          current.timer = setTimeout(() => resolve(undefined), timeoutMs);
        });
        const payload = [
          ['extensionDevelopmentPath', current.server.remoteUri(repoRoot)],
          ['extensionTestsPath', current.server.remoteUri(suite)],
          ['skipWelcome', 'true'],
          ['skipReleaseNotes', 'true'],
        ];
        await current.browser.page.goto(current.server.workbenchUrl({ folder: run.workspace, payload }));
        say(`${name}: workbench loaded after ${((Date.now() - tRun) / 1000).toFixed(1)} s; running the suite`);
        exitCode = await exited;
        clearTimeout(current.timer);
        if (exitCode === undefined) error = `timed out after ${timeoutMs / 1000} s`;
        say(`${name}: suite finished after ${((Date.now() - tRun) / 1000).toFixed(1)} s with exit code ${exitCode}`);
        if (existsSync(current.sessionDir.resultsFile)) renameSync(current.sessionDir.resultsFile, run.resultsFile);
      } catch (e) {
        error = e?.stack ?? String(e);
      }
    }
    if ((error || exitCode !== 0) && workbenchLines.length) {
      console.log(`--- workbench console (last 100 messages) ---\n${workbenchLines.slice(-100).join('\n')}\n---`);
    }
    if ((error || exitCode !== 0 || verbose) && current.server) {
      try {
        console.log(`--- code-server log (tail) ---\n${readFileSync(current.server.logFile, 'utf8').slice(-3000)}\n---`);
      } catch { /* no log */ }
    }
    const verdict = assess({ exitCode, resultsFile: run?.resultsFile ?? '/nonexistent', error, allowEmpty: Boolean(grep) });
    for (const p of verdict.problems) console.log(`FAIL: ${name}: ${p}`);
    say(`${name}: ${verdict.passed} passed, ${verdict.failed} failed`);
    if (keep) say(`kept ${run?.dir}`);
    else run?.cleanup();
    current.run = undefined;
    verdicts.push(verdict);
  }
  await cleanup();
  current.sessionDir?.cleanup();
  return verdicts;
}

let passed = 0;
let failed = 0;
let problems = 0;
try {
  checkPrerequisites();
} catch (e) {
  console.log(`FAIL: ${e.message}\nintegration: 0 passed, 0 failed`);
  process.exit(1);
}
for (const workspaceTrust of [false, true]) {
  const sessionRuns = runs.filter((r) => r.workspaceTrust === workspaceTrust);
  if (sessionRuns.length === 0) continue;
  for (const v of await runSession(workspaceTrust, sessionRuns)) {
    passed += v.passed;
    failed += v.failed;
    problems += v.problems.length;
  }
}
if (passed === 0 && problems === 0) {
  console.log('FAIL: no test ran in any suite');
  problems++;
}
say(`${runs.length} run(s) in ${elapsed()}`);
console.log(`integration: ${passed} passed, ${failed} failed`);
process.exit(problems ? 1 : 0);
