/// <reference lib="dom" />
/**
 * Hostile documents in the exported report and the webview: a letter and response full of <script>, event
 * handlers, javascript: links, <iframe>, <svg onload>, CSS injection (</style>, expression()), remote images and
 * autolinks (test/fixtures/hostile/report/). The exported page, opened in headless Chromium, runs nothing (the
 * payloads try to set window.__pwned or change the title) and fetches nothing but itself; the webview's HTML
 * carries a strict CSP with a nonce on its only script and stylesheet, and escapes every payload.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { compare } from '../../src/core/analyse';
import { buildReportModel } from '../../src/core/report/model';
import { renderReportHtml } from '../../src/core/report/html';
import { compareMarkdown } from '../../src/core/report/markdown';

const root = join(__dirname, '..', '..');
const dir = join(root, 'test/fixtures/hostile/report');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const letterText = readFileSync(join(dir, 'letter.md'), 'utf8');
const responseText = readFileSync(join(dir, 'response.md'), 'utf8');
const PAYLOADS = [/<script/i, /<img/i, /<svg onload/i, /<svg><script/i, /<iframe/i, /<object/i, /<link/i, /<\/style>\s*<(?:style|script)/i];

/** Real tags of a page (escaped text has no '<') carrying an event handler, a javascript: URL or a remote resource. */
function dangerousTags(html: string): string[] {
  return (body(html).match(/<[a-z][^>]*>/gi) ?? []).filter((tag) => /\son[a-z]+\s*=|(?:src|href|action|data)\s*=\s*["']?\s*(?:javascript:|(?:https?:)?\/\/)|\sstyle\s*=\s*["'][^"']*(?:url\(|expression\()/i.test(tag));
}

let work: string;
let context: BrowserContext | undefined;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'counterpoint-hostile-html-'));
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/vscode-server/install.sh (or apt-get install chromium) first`);
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'counterpoint-chromium-')), { executablePath: CHROMIUM, args: ARGS, headless: true });
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The part of a page outside its own <style> and <script> elements (the report's own, not the documents'). */
function body(html: string): string {
  return html.replace(/<style[^>]*>[\s\S]*?<\/style>/, '').replace(/<script nonce="[^"]*">[\s\S]*?<\/script>/, '');
}

describe('hostile documents in the exported report', () => {
  it('the exported HTML (node dist/cli.js compare … --format html) runs nothing and fetches nothing', async () => {
    const html = execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'compare', join(dir, 'letter.md'), join(dir, 'response.md'), '--format', 'html'], { encoding: 'utf8' });
    for (const p of PAYLOADS) expect(body(html), `payload ${p} reached the page as markup`).not.toMatch(p);
    expect(dangerousTags(html)).toEqual([]);
    expect(html).toMatch(/&lt;script&gt;/);
    const file = join(work, 'report.html');
    writeFileSync(file, html);
    const page = await context!.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForTimeout(500);
    // Click every link, as a reader might.
    for (const a of await page.$$('a')) await a.click({ timeout: 1000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: string }).__pwned, title: document.title, scripts: document.scripts.length, frames: window.frames.length, images: document.images.length }));
    expect(state.pwned).toBeUndefined();
    expect(state.title).not.toMatch(/pwned/);
    expect(state.scripts).toBe(0);
    expect(state.frames).toBe(0);
    expect(state.images).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => u !== pathToFileURL(file).href)).toEqual([]);
    // The payloads are shown as text, for the reader to see.
    expect(await page.textContent('body')).toMatch(/<script>window.__pwned/);
    await page.close();
  });

  it("the webview's HTML has a strict CSP, a nonce on its one script and stylesheet, and escapes every payload", () => {
    const result = compare({ path: 'letter.md', text: letterText }, { path: 'response.md', text: responseText });
    expect(result.letter.aims.length).toBeGreaterThanOrEqual(3);
    const model = buildReportModel(result, { texts: { letter: letterText, response: responseText } });
    const nonce = 'N0nce123abc';
    const html = renderReportHtml(model, { mode: 'webview', cspSource: 'vscode-webview://abc', nonce });
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(new RegExp(`script-src 'nonce-${nonce}'(;|$)`));
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toEqual([`<script nonce="${nonce}">`]);
    for (const tag of html.match(/<style\b[^>]*>/g) ?? []) expect(tag).toBe(`<style nonce="${nonce}">`);
    for (const p of PAYLOADS) expect(body(html), `payload ${p} reached the webview as markup`).not.toMatch(p);
    expect(dangerousTags(html)).toEqual([]);
  });

  it("the webview panel limits localResourceRoots to the extension's media folder and enables scripts only with the CSP", () => {
    const panel = readFileSync(join(root, 'src/extension/report/panel.ts'), 'utf8');
    const roots = /localResourceRoots:\s*\[([^\]]*)\]/.exec(panel)?.[1] ?? '';
    expect(roots.trim()).toBe("vscode.Uri.joinPath(extensionUri, 'media')");
    expect(panel).not.toMatch(/enableCommandUris:\s*true/);
    expect(panel).toMatch(/nonce: nonce\(\)/);
  });

  it('the Markdown export keeps the payloads as text a Markdown viewer will not run', () => {
    const result = compare({ path: 'letter.md', text: letterText }, { path: 'response.md', text: responseText });
    const md = compareMarkdown(result, { texts: { letter: letterText, response: responseText } });
    // Every '<' of a payload is escaped (\<), so a Markdown viewer shows it rather than reading it as HTML.
    for (const tag of ['script', 'img', 'svg', 'iframe', 'object', 'link']) expect(md).not.toMatch(new RegExp(`(?<!\\\\)<${tag}`, 'i'));
    expect(md).toMatch(/\\<script\\>/);
    expect(md).not.toMatch(/\]\(javascript:/i);
  });
});
