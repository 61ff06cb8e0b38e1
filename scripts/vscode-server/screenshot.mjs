// Screenshots of the real product: code-server (a real VS Code) with the packed extension installed, driven in
// headless Chromium. Reusable:
//
//   import { openWorkbench, packageVsix } from './scripts/vscode-server/screenshot.mjs';
//   const vsix = await packageVsix();                      // or a path to an existing .vsix
//   const wb = await openWorkbench({ vsix, folder: 'samples' });   // a temp copy of the folder is opened
//   await wb.openFile('letter.md');                        // clicks it in the Explorer (nested: 'a/b.md')
//   await wb.waitForIdle();                                // extensions activated, rendering settled
//   await wb.runCommand('Counterpoint: Compare');          // F1, types the title, Enter
//   await wb.hoverText('consultation');                    // hovers the first occurrence in the editor
//   await wb.screenshot('docs/screenshots/hover.png');
//   await wb.close();
//
// CLI (npm run screenshots): node scripts/vscode-server/screenshot.mjs [--vsix file.vsix] [--out dir] [--only name]
// builds and packs the extension unless --vsix is given, opens samples/letter.md (or the integration
// workspace's letter.md when samples/ has none) and saves <out>/editor.png (default docs/screenshots/), and
// <out>/versions.png (the diff editor of letter.md and letter-v2.md with the summary of changes) when there is a
// letter-v2.md. --only takes one shot by its name.
// To add a shot, add an entry to `shots` at the bottom of this file.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, waitForWorkbench } from './browser.mjs';
import { repoRoot, startServer } from './server.mjs';

const log = (m) => console.log(`[screenshots] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds the extension and packs it into a temp .vsix; returns its path. While the repo has no .vscodeignore
 * (nor a "files" list), scratch and build-output folders are left out, since vsce fails on a file that changes
 * while it packs; a failed pack is retried twice for the same reason.
 */
export async function packageVsix({ production = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'counterpoint-vsix-'));
  const out = join(dir, 'counterpoint.vsix');
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), ...(production ? ['--production'] : [])]);
  const args = ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out];
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  if (!existsSync(join(repoRoot, '.vscodeignore')) && !manifest.files) {
    const ignore = join(dir, 'vscodeignore');
    writeFileSync(ignore, ['tmp/**', 'out/**', 'test-results/**', 'bench-results/**', '.vscode-test/**', '**/*.vsix', '**/*.cpuprofile'].join('\n'));
    args.push('--ignoreFile', ignore);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      run(join(repoRoot, 'node_modules', '.bin', 'vsce'), args);
      return out;
    } catch (e) {
      if (attempt >= 3) throw e;
      log(`vsce package failed (attempt ${attempt}); retrying`);
    }
  }
}

/**
 * Starts code-server with `vsix` installed (if given), opens Chromium on a temp copy of `folder`
 * and waits for the workbench. Returns helpers; call close() when done.
 */
export async function openWorkbench({ vsix, folder, settings = {}, viewport = { width: 1400, height: 900 }, deviceScaleFactor = 1 } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'counterpoint-shot-'));
  const workspace = join(work, basename(resolve(folder)));
  cpSync(resolve(folder), workspace, { recursive: true });
  const server = await startServer({
    installExtensions: vsix ? [resolve(vsix)] : [],
    smokeTestDriver: false,
    settings: { 'editor.minimap.enabled': false, 'workbench.colorTheme': 'Default Light Modern', ...settings },
    log,
  });
  let browser;
  try {
    browser = await launchBrowser({ viewport, deviceScaleFactor });
    await browser.page.goto(server.workbenchUrl({ folder: workspace }));
    await waitForWorkbench(browser.page);
  } catch (e) {
    await browser?.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
    throw e;
  }
  const { page } = browser;

  const wb = {
    page,
    server,
    workspace,

    /** Opens a file by clicking it in the Explorer; `relPath` may name folders to expand ('a/b/c.md'). */
    async openFile(relPath) {
      const parts = relPath.split('/');
      for (const [i, name] of parts.entries()) {
        const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-level="${i + 1}"][aria-label=${JSON.stringify(name)}]`).first();
        await row.waitFor({ timeout: 20_000 });
        const last = i === parts.length - 1;
        if (!last && (await row.getAttribute('aria-expanded')) === 'true') continue;
        await row.click();
      }
      const name = parts.at(-1);
      await page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first().waitFor({ timeout: 20_000 });
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
      await sleep(500);
    },

    /** Runs a command by its title, as a person would: F1, type the title, Enter. */
    async runCommand(title) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill(`>${title}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await sleep(500);
    },

    /** Moves the mouse over the first occurrence of `text` in the active editor and waits for a hover. */
    async hoverText(text, { waitForHover = true } = {}) {
      const box = await page.evaluate((needle) => {
        const root = document.querySelector('.editor-instance .monaco-editor .view-lines') ?? document.querySelector('.monaco-editor .view-lines');
        if (!root) return null;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          // Editor text uses non-breaking spaces.
          const at = n.textContent.replace(/\u00a0/g, ' ').indexOf(needle);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, Math.min(n.textContent.length, at + needle.length));
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        return null;
      }, text);
      if (!box) throw new Error(`"${text}" is not visible in the editor (it must lie within one token)`);
      await page.mouse.move(box.x - 30, box.y + 1, { steps: 3 });
      await page.mouse.move(box.x, box.y, { steps: 5 });
      if (waitForHover) await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ timeout: 10_000 });
    },

    /** Waits until the status bar no longer says extensions are activating, then lets rendering settle. */
    async waitForIdle({ timeout = 60_000, settleMs = 1500 } = {}) {
      await page.waitForFunction(
        () => !/Activating Extensions/i.test(document.querySelector('.part.statusbar')?.textContent ?? ''),
        null, { timeout, polling: 250 },
      ).catch(() => log('extensions still activating; taking the shot anyway'));
      await sleep(settleMs);
    },

    /** Waits until the active editor shows at least one diagnostic squiggle (the first analysis can take seconds). */
    async waitForDiagnostics({ timeout = 30_000 } = {}) {
      await page.locator('.editor-instance .monaco-editor .view-overlays [class*="squiggly-"]').first().waitFor({ timeout });
    },

    /** Scrolls the active editor so that line `n` is in the middle (Go to Line), then moves the cursor away. */
    async revealLine(n) {
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill(`:${n}`);
      await sleep(300);
      await page.keyboard.press('Enter');
      await sleep(500);
    },

    /**
     * Makes the visible hover taller by dragging its bottom edge (VS Code caps a new hover at a quarter of the
     * editor's height, at least 250 px, until it is resized); the hover keeps the size for later hovers.
     */
    async growHover(dy = 400) {
      const sash = await page.evaluate(() => {
        const hover = document.querySelector('.monaco-resizable-hover');
        const sashes = [...(hover?.querySelectorAll('.monaco-sash.horizontal') ?? [])]
          .map((s) => s.getBoundingClientRect()).filter((r) => r.width > 0);
        const r = sashes.sort((a, b) => b.top - a.top)[0];
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      });
      if (!sash) throw new Error('no resizable hover is visible');
      await page.mouse.move(sash.x, sash.y, { steps: 5 });
      await page.mouse.down();
      await page.mouse.move(sash.x, sash.y + dy, { steps: 10 });
      await page.mouse.up();
      await sleep(300);
    },

    /** Scrolls the active editor (Ctrl+Down, Ctrl+Up: scroll by a line) until line `n` is the first line shown. */
    async scrollToLine(n) {
      const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
      const box = await lines.boundingBox();
      await page.mouse.click(box.x + box.width - 20, box.y + 5); // focus the editor (caret on the first line shown)
      for (let i = 0; i < 200; i++) {
        const first = await page.evaluate(() => {
          const nums = [...document.querySelectorAll('.editor-instance .monaco-editor .margin-view-overlays .line-numbers')];
          const top = document.querySelector('.editor-instance .monaco-editor .view-lines').getBoundingClientRect().top;
          const shown = nums.filter((e) => e.getBoundingClientRect().top >= top - 2).map((e) => Number(e.textContent.trim()));
          return Math.min(...shown);
        });
        if (first === n || (first > n && i > 0)) break;
        await page.keyboard.press(first < n ? 'Control+ArrowDown' : 'Control+ArrowUp');
        await sleep(60);
      }
      await sleep(300);
    },

    /** Clears notification toasts so they do not cover the shot. */
    async clearNotifications() {
      await wb.runCommand('Notifications: Clear All Notifications').catch(() => {});
    },

    /** Saves a PNG of the page (creates the folder). */
    async screenshot(path, opts = {}) {
      mkdirSync(dirname(resolve(path)), { recursive: true });
      await page.screenshot({ path, ...opts });
      log(`saved ${path}`);
    },

    async close() {
      await browser.close();
      await server.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
  return wb;
}

// CLI
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  const outDir = resolve(opt('--out') ?? join(repoRoot, 'docs', 'screenshots'));
  const samples = join(repoRoot, 'samples');
  const folder = existsSync(join(samples, 'letter.md')) ? samples : join(repoRoot, 'test', 'integration', 'workspace');
  const t0 = Date.now();
  const packed = opt('--vsix') ? null : await packageVsix();
  const vsix = opt('--vsix') ?? packed;

  /** Each shot: a name (the PNG's) and what to do before taking it. */
  const shots = [
    { name: 'editor', async setup(wb) { await wb.openFile('letter.md'); await wb.waitForDiagnostics(); } },
    {
      // The hover note on a disputed claim: the rung claimed, why it is flagged, the disputing passage quoted.
      name: 'hover',
      async setup(wb) {
        await wb.openFile('letter.md');
        await wb.waitForDiagnostics();
        await wb.waitForIdle();
        await wb.clearNotifications();
        await wb.hoverText('agreed with the trade unions');
        await sleep(1000);
      },
      // Clearing notifications afterwards (F1) would close the hover.
      clearsNotifications: true,
    },
    {
      // The aims with their CodeLens lines (answered, with the response's paragraph, or unanswered).
      name: 'codelens',
      async setup(wb) {
        await wb.page.mouse.move(5, 890);
        await wb.page.keyboard.press('Escape');
        await wb.openFile('letter.md');
        await wb.waitForDiagnostics();
        await wb.page.locator('.editor-instance .monaco-editor .codelens-decoration').first().waitFor({ timeout: 30_000 });
        await wb.revealLine(27);
      },
    },
    {
      // Two versions of the letter: VS Code's diff editor with Counterpoint's summary of the changes beside it.
      name: 'versions',
      when: () => existsSync(join(folder, 'letter-v2.md')),
      async setup(wb) {
        await wb.openFile('letter-v2.md');
        await wb.runCommand('Counterpoint: Compare Letter Versions…');
        // New version: the active editor comes first; old version: the file with the most similar name first.
        for (const step of ['1 of 2', '2 of 2']) {
          await wb.page.locator('.quick-input-widget', { hasText: step }).first().waitFor({ timeout: 10_000 });
          await sleep(300);
          await wb.page.keyboard.press('Enter');
        }
        await wb.page.locator('.monaco-diff-editor').first().waitFor({ timeout: 20_000 });
        await wb.page.locator('iframe.webview').first().waitFor({ timeout: 20_000 });
        await sleep(1500);
      },
    },
    {
      // The Problems panel listing Counterpoint's findings, with the letter above.
      name: 'problems',
      async setup(wb) {
        await wb.openFile('letter.md');
        await wb.waitForDiagnostics();
        await wb.page.keyboard.press('Control+Shift+M'); // View: Problems
        await wb.page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 20_000 });
        await sleep(500);
      },
    },
  ];
  const only = opt('--only');

  // Hovers open below the line, where there is room for the whole note; no sticky headings over scrolled text.
  const wb = await openWorkbench({ vsix, folder, settings: { 'editor.hover.above': false, 'editor.stickyScroll.enabled': false } });
  let failed = false;
  try {
    for (const shot of shots) {
      if (only && shot.name !== only) continue;
      if (shot.when && !shot.when()) continue;
      await shot.setup(wb);
      if (!shot.clearsNotifications) {
        await wb.waitForIdle();
        await wb.clearNotifications();
      }
      await sleep(500);
      await wb.screenshot(join(outDir, `${shot.name}.png`));
    }
  } catch (e) {
    failed = true;
    console.error(e);
    await wb.screenshot(join(tmpdir(), 'counterpoint-screenshot-failure.png')).catch(() => {});
  } finally {
    await wb.close();
    if (packed) rmSync(dirname(packed), { recursive: true, force: true });
  }
  log(`${failed ? 'failed' : 'done'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(failed ? 1 : 0);
}
