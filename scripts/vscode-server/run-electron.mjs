// Runs the SAME compiled integration suite in desktop VS Code through @vscode/test-electron, for machines that
// can download VS Code (a developer laptop, a public CI; on Linux without a display run it under xvfb-run).
// On the project's own machines, which reach only the npm registry and Debian, the download fails
// (ENOTFOUND): use `npm run test:integration` (code-server) there. Not part of `npm test`.
//
// Expects `npm run build` and `npm run compile:integration` to have run (npm run test:electron does both).
// VSCODE_TEST_VERSION picks the VS Code version (default: stable); VSCODE_EXECUTABLE_PATH uses a local one.
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { checkPrerequisites, judge, makeRunDir, repoRoot, RESULTS_ENV, suiteIndex } from './suite-common.mjs';

let run;
let exitCode;
let error;
try {
  checkPrerequisites();
  run = makeRunDir();
  console.log(`[integration:electron] workspace copy: ${run.workspace}`);
  exitCode = await runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteIndex,
    extensionTestsEnv: { [RESULTS_ENV]: run.resultsFile },
    ...(process.env.VSCODE_EXECUTABLE_PATH
      ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH }
      : { version: process.env.VSCODE_TEST_VERSION ?? 'stable' }),
    launchArgs: [
      run.workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', join(run.dir, 'user-data'),
      '--extensions-dir', join(run.dir, 'extensions'),
    ],
  });
} catch (e) {
  // runTests rejects when VS Code exits non-zero (a failing suite) or cannot be downloaded or started.
  exitCode = typeof e?.code === 'number' ? e.code : 1;
  error = String(e?.message ?? e);
}
const status = judge({ exitCode, resultsFile: run?.resultsFile ?? '/nonexistent', error });
run?.cleanup();
process.exit(status);
