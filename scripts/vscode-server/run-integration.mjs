// Runs the integration suite (out/test/integration/suite/index.js, compiled by compile-suite.mjs) inside a
// real VS Code: code-server's Node extension host, driven by its web workbench in headless Chromium.
// Expects `npm run build` and `npm run compile:integration` to have run and install.sh to have installed
// code-server (npm run test:integration does all three first).
//
// The workspace is a fresh copy of test/integration/workspace/ in a temp dir, so tests may edit it freely.
// Exit status 1 when the suite's exit code is non-zero, when its results file is missing, when it lists
// no passing test, or when the overall timeout (COUNTERPOINT_INTEGRATION_TIMEOUT seconds, default 300) passes.
// The last line printed is `integration: N passed, M failed`.
//
// Options: --verbose (also forward the workbench's own console messages and the server log),
//          --keep (keep the temp dirs), --grep <text> (COUNTERPOINT_TEST_GREP; only matching tests run).
import { readFileSync } from 'node:fs';
import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';
import { checkPrerequisites, judge, makeRunDir, repoRoot, RESULTS_ENV, suiteIndex } from './suite-common.mjs';

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose') || process.env.COUNTERPOINT_VERBOSE === '1';
const keep = argv.includes('--keep') || process.env.COUNTERPOINT_KEEP_TMP === '1';
const grepAt = argv.indexOf('--grep');
const grep = grepAt >= 0 ? argv[grepAt + 1] : process.env.COUNTERPOINT_TEST_GREP;
const timeoutMs = Number(process.env.COUNTERPOINT_INTEGRATION_TIMEOUT ?? 300) * 1000;

const t0 = Date.now();
// Last resort if even the cleanup hangs: the process-exit hook in server.mjs still kills code-server's group.
setTimeout(() => {
  console.log(`FAIL: hard timeout after ${timeoutMs / 1000 + 120} s\nintegration: 0 passed, 0 failed`);
  process.exit(1);
}, timeoutMs + 120_000).unref();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (m) => console.log(`[integration] ${m}`);

let server;
let browser;
let run;
let exitCode;
let error;
let timer;

async function cleanup() {
  clearTimeout(timer);
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await cleanup();
    run?.cleanup();
    process.exit(130);
  });
}

// The extension host's console reaches the page console through the workbench's log service, mixed with the
// workbench's own lines, as `%c INFO color: #33f <text>`. The suite's own lines carry TAG; between its first
// line and its last, untagged lines (console output of tests and of the extension) are shown too, except this
// machine's offline noise. Other workbench messages: shown with --verbose, else kept and shown if the run fails.
const TAG = '@@ext-host@@';
const NOISE = /ENOTFOUND|ERR_NAME_NOT_RESOLVED|Failed to load resource|open-vsx|\[AccountPolicyGate\]/;
const stripLevel = (text) => text.replace(/^%c\s*(\w+)\s+color:\s*#[0-9a-f]+\s?/i, (_, level) => (level === 'INFO' ? '' : `${level} `));
const workbenchLines = [];

try {
  checkPrerequisites();
  run = makeRunDir();
  say(`workspace copy: ${run.workspace}`);
  const env = { [RESULTS_ENV]: run.resultsFile, COUNTERPOINT_CONSOLE_TAG: TAG };
  if (grep) env.COUNTERPOINT_TEST_GREP = grep;
  server = await startServer({ env, keep, log: say });
  browser = await launchBrowser();
  const { page } = browser;

  const exited = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (code) => {
      resolve(code);
    });
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  const workbench = (line) => {
    if (verbose) console.log(line);
    else workbenchLines.push(line);
  };
  let inSuite = false;
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

  const payload = [
    ['extensionDevelopmentPath', server.remoteUri(repoRoot)],
    ['extensionTestsPath', server.remoteUri(suiteIndex)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  await page.goto(server.workbenchUrl({ folder: run.workspace, payload }));
  say(`workbench loaded after ${elapsed()}; running the suite`);
  exitCode = await exited;
  if (exitCode === undefined) error = `timed out after ${timeoutMs / 1000} s`;
  say(`suite finished after ${elapsed()} with exit code ${exitCode}`);
} catch (e) {
  error = e?.stack ?? String(e);
}
if ((error || exitCode !== 0) && workbenchLines.length) {
  console.log(`--- workbench console (last 100 messages) ---\n${workbenchLines.slice(-100).join('\n')}\n---`);
}
if ((error || exitCode !== 0 || verbose) && server) {
  try {
    console.log(`--- code-server log (tail) ---\n${readFileSync(server.logFile, 'utf8').slice(-3000)}\n---`);
  } catch { /* no log */ }
}
await cleanup();
const status = judge({ exitCode, resultsFile: run?.resultsFile ?? '/nonexistent', error });
if (keep) say(`kept ${run?.dir}`);
else run?.cleanup();
process.exit(status);
