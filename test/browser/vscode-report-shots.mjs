// Screenshots of the comparison report, the Explorer tree and a note, in the real VS Code (code-server in headless
// Chromium, the packed extension installed), driven as a person would: palette commands, the find widget, typing.
//
//   node test/browser/vscode-report-shots.mjs [--vsix counterpoint.vsix] [--out docs/screenshots]
//
// Writes report-vscode.png (letter beside the report), report-tree.png (the "Counterpoint" view in the Explorer)
// and report-note.png (a note on a passage of the letter, as a comment thread).
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { openWorkbench, packageVsix } from '../../scripts/vscode-server/screenshot.mjs';
import { repoRoot } from '../../scripts/vscode-server/server.mjs';

const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const out = resolve(opt('--out') ?? join(repoRoot, 'docs', 'screenshots'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (m) => console.log(`[report-shots] ${m}`);

const vsix = opt('--vsix') ?? (await packageVsix());
const wb = await openWorkbench({
  vsix,
  folder: join(repoRoot, 'samples'),
  viewport: { width: 1600, height: 1000 },
  settings: { 'counterpoint.annotations.author': 'Sam Okafor', 'workbench.startupEditor': 'none', 'editor.wordWrap': 'on' },
});
const { page } = wb;
let failed = false;
try {
  await wb.openFile('letter.md');
  await wb.waitForIdle();

  // The report beside the letter.
  await wb.runCommand('Counterpoint: Show Comparison Report');
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await frame.locator('li.aim').first().waitFor({ timeout: 30_000 });
  await wb.clearNotifications();
  await sleep(1000);
  await wb.screenshot(join(out, 'report-vscode.png'));

  // A click in the report reveals the passage in the letter.
  await frame.locator('li.aim .aim-letter').nth(1).click();
  await sleep(1000);

  // The Explorer tree: a wider side bar, the folder list folded away so the view has room.
  await wb.runCommand('Explorer: Focus on Counterpoint View');
  await page.locator('.pane-header[aria-label*="Counterpoint"]').first().waitFor({ timeout: 20_000 });
  const folders = page.locator('.pane-header[aria-label*="Explorer Section: samples"]').first();
  if ((await folders.count()) > 0 && (await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  const bar = await page.locator('.part.sidebar').first().boundingBox();
  if (bar) {
    const x = bar.x + bar.width + 1;
    const y = bar.y + bar.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 200, y, { steps: 8 });
    await page.mouse.up();
  }
  await sleep(1500);
  await wb.clearNotifications();
  await wb.screenshot(join(out, 'report-tree.png'));

  // A note on a passage: select it with the find widget, then Add Annotation….
  await page.locator('.editor-instance .monaco-editor').first().click();
  await page.keyboard.press('Control+F');
  await page.keyboard.type('believe the unions broadly support');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await sleep(300);
  await wb.runCommand('Counterpoint: Add Annotation');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await page.keyboard.type('A belief is not agreement. Ask which meeting they mean, and for the minutes.');
  await page.keyboard.press('Enter');
  await page.locator('.review-widget').first().waitFor({ timeout: 20_000 });
  await sleep(1500);
  await wb.clearNotifications();
  await wb.screenshot(join(out, 'report-note.png'));
} catch (e) {
  failed = true;
  console.error(e);
  await wb.screenshot(join(tmpdir(), 'counterpoint-report-shots-failure.png')).catch(() => {});
  log(`failure screenshot: ${join(tmpdir(), 'counterpoint-report-shots-failure.png')}`);
} finally {
  await wb.close();
}
process.exit(failed ? 1 : 0);
