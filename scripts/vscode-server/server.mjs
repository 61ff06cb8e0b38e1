// Starts a real VS Code (code-server, installed by ./install.sh into a cache outside the clone) on a free
// localhost port, with its own throw-away user data, extensions and config in a temp dir, and stops it.
//
// As a module:
//   import { startServer } from './server.mjs';
//   const server = await startServer({ installExtensions: ['counterpoint.vsix'] });
//   server.url            // http://127.0.0.1:PORT/
//   server.workbenchUrl({ folder: '/abs/dir', payload: [['skipWelcome', 'true']] })
//   await server.stop();
// As a CLI (for a person poking at it; Ctrl+C stops it):
//   node scripts/vscode-server/server.mjs [--install-extension x.vsix] [folder]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');

/** Settings that keep the workbench quiet: no welcome page, tips, walkthroughs, update checks or telemetry. */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'telemetry.feedback.enabled': false,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'github.copilot.enable': { '*': false },
  'files.autoSave': 'off',
  'editor.accessibilitySupport': 'off',
  'accessibility.signals.sounds.volume': 0,
  'window.restoreWindows': 'none',
  'workbench.editor.restoreViewState': false,
};

/**
 * With workspaceTrust: Workspace Trust on, and a folder nobody has trusted opens straight in Restricted Mode:
 * no modal asking whether to trust it (it would block a test run), no banner, and files from outside it open
 * without a prompt. Trusted folders are remembered in the browser's storage, which each run starts empty.
 */
export const restrictedModeSettings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.emptyWindow': false,
};

/** Where install.sh put Node 24 and code-server; throws if the install is missing or incomplete. */
export function locateInstall() {
  const sh = readFileSync(join(here, 'install.sh'), 'utf8');
  const nodeVersion = /^NODE_VERSION=(\S+)/m.exec(sh)[1];
  const csVersion = /^CODE_SERVER_VERSION=(\S+)/m.exec(sh)[1];
  const cache = process.env.COUNTERPOINT_CACHE || join(homedir(), '.cache', 'counterpoint');
  const nodePrefix = join(cache, `node-${nodeVersion}`);
  const csPrefix = join(cache, `code-server-${csVersion}`);
  const marker = '.counterpoint-install-complete';
  const node = join(nodePrefix, 'bin', 'node');
  const codeServer = join(csPrefix, 'lib', 'node_modules', 'code-server');
  if (!existsSync(join(nodePrefix, marker)) || !existsSync(join(csPrefix, marker)) || !existsSync(join(codeServer, 'out/node/entry.js'))) {
    throw new Error(`code-server is not installed in ${cache}: run scripts/vscode-server/install.sh first`);
  }
  return { cache, node, nodeBin: dirname(node), codeServer, version: csVersion };
}

export async function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts code-server. Options:
 *  - installExtensions: .vsix paths (or extension ids) installed into the fresh extensions dir first
 *  - settings: user settings merged over quietSettings
 *  - env: extra environment for the server (and so for its extension host)
 *  - smokeTestDriver: pass VS Code's enable-smoke-test-driver, which a built VS Code needs to honour the
 *    `payload` query parameter (extensionDevelopmentPath / extensionTestsPath); default true
 *  - workspaceTrust: true leaves Workspace Trust on (no --disable-workspace-trust; restrictedModeSettings), so
 *    a folder opens in Restricted Mode, with no startup prompt (a fresh browser profile trusts no folder);
 *    default false: every folder is trusted
 *  - keep: keep the temp dir after stop (for debugging); also COUNTERPOINT_KEEP_TMP=1
 *  - log: function for progress lines (default: stderr)
 */
export async function startServer(opts = {}) {
  const log = opts.log ?? ((m) => process.stderr.write(`[vscode-server] ${m}\n`));
  const inst = locateInstall();
  const baseDir = mkdtempSync(join(tmpdir(), 'counterpoint-vscode-'));
  const userDataDir = join(baseDir, 'user-data');
  const extensionsDir = join(baseDir, 'extensions');
  const xdg = join(baseDir, 'xdg');
  for (const d of [join(userDataDir, 'User'), join(userDataDir, 'Machine'), extensionsDir, join(xdg, 'data'), join(xdg, 'config')]) {
    mkdirSync(d, { recursive: true });
  }
  const settings = JSON.stringify({ ...quietSettings, ...(opts.workspaceTrust ? restrictedModeSettings : {}), ...(opts.settings ?? {}) }, null, 2);
  writeFileSync(join(userDataDir, 'User', 'settings.json'), settings);
  writeFileSync(join(userDataDir, 'Machine', 'settings.json'), settings);
  const port = await freePort();
  const configFile = join(baseDir, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = join(baseDir, 'server.log');

  const env = {
    ...process.env,
    PATH: `${inst.nodeBin}:${process.env.PATH}`,
    XDG_DATA_HOME: join(xdg, 'data'),
    XDG_CONFIG_HOME: join(xdg, 'config'),
  };
  // npm's and an enclosing VS Code's variables would leak into the server and its extension host.
  for (const k of Object.keys(env)) if (/^(npm_|VSCODE_|ELECTRON_)/i.test(k)) delete env[k];
  Object.assign(env, opts.env ?? {});
  const entry = join(inst.codeServer, 'out', 'node', 'entry.js');
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check'];

  for (const ext of opts.installExtensions ?? []) {
    const t0 = Date.now();
    const r = spawnSync(inst.node, [entry, ...common, '--install-extension', ext, '--force'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    if (r.status !== 0) {
      rmSync(baseDir, { recursive: true, force: true });
      throw new Error(`installing ${ext} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
    log(`installed ${ext} in ${Date.now() - t0} ms`);
  }

  const args = [entry, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-getting-started-override', '--ignore-last-opened'];
  if (!opts.workspaceTrust) args.push('--disable-workspace-trust');
  if (opts.smokeTestDriver !== false) args.push('--vscode-option', 'enable-smoke-test-driver');
  const fd = openSync(logFile, 'a');
  // detached: the server, its extension hosts and other children get their own process group, killed as one.
  const child = spawn(inst.node, args, { env, cwd: baseDir, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let exited = null;
  const exitPromise = new Promise((r) => child.on('exit', (code, signal) => { exited = { code, signal }; r(exited); }));
  const killGroup = (sig) => { try { process.kill(-child.pid, sig); } catch { /* gone */ } };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      killGroup('SIGTERM');
      await Promise.race([exitPromise, sleep(5000)]);
    }
    killGroup('SIGKILL'); // stragglers (extension hosts, file watchers) in the group
    process.off('exit', onExit);
    if (!(opts.keep || process.env.COUNTERPOINT_KEEP_TMP === '1')) rmSync(baseDir, { recursive: true, force: true });
    else log(`kept ${baseDir}`);
  };

  const url = `http://127.0.0.1:${port}/`;
  const t0 = Date.now();
  for (;;) {
    if (exited) {
      const out = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      await stop();
      throw new Error(`code-server exited (${JSON.stringify(exited)}) before it was ready:\n${out.slice(-4000)}`);
    }
    try {
      const r = await fetch(`${url}healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch { /* not yet */ }
    if (Date.now() - t0 > 60_000) {
      await stop();
      throw new Error(`code-server did not answer ${url}healthz within 60 s; log: ${logFile}`);
    }
    await sleep(150);
  }
  log(`code-server ${inst.version} ready at ${url} in ${Date.now() - t0} ms`);

  /** URL of the workbench opening `folder`, with an optional VS Code payload (list of [key, value]). */
  const workbenchUrl = ({ folder, payload } = {}) => {
    const q = new URLSearchParams();
    if (folder) q.set('folder', folder);
    if (payload) q.set('payload', JSON.stringify(payload));
    return `${url}?${q}`;
  };
  /** A vscode-remote URI for a path on this server, as the payload's paths must be. */
  const remoteUri = (absPath) => `vscode-remote://127.0.0.1:${port}${pathToFileURL(absPath).pathname}`;

  return { url, port, baseDir, userDataDir, extensionsDir, logFile, pid: child.pid, workbenchUrl, remoteUri, stop, exited: () => exited };
}

// CLI
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const installExtensions = [];
  let folder;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--install-extension') installExtensions.push(resolve(argv[++i]));
    else folder = resolve(argv[i]);
  }
  const server = await startServer({ installExtensions, smokeTestDriver: false });
  console.log(server.workbenchUrl({ folder }));
  const quit = async () => { await server.stop(); process.exit(0); };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
