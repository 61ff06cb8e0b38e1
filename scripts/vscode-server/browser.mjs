// Headless Chromium (Debian's /usr/bin/chromium) through playwright-core, with the flags this machine's closed
// network needs, in a throw-away profile dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.COUNTERPOINT_CHROMIUM || '/usr/bin/chromium';
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches Chromium; returns { context, page, close }. viewport defaults to 1400x900. */
export async function launchBrowser({ viewport = { width: 1400, height: 900 }, deviceScaleFactor = 1 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'counterpoint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    viewport,
    deviceScaleFactor,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}

/** Waits until the workbench has rendered and the Explorer shows the folder's files. */
export async function waitForWorkbench(page, { timeout = 60_000 } = {}) {
  await page.waitForSelector('.monaco-workbench', { timeout });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout }).catch(() => {});
}
