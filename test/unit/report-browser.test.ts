/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The exported HTML report in a real browser (Debian's Chromium, headless, driven by playwright-core): it renders
// the aims and their stances, runs no script, loads nothing (the only request is the file itself), prints, and
// looks right: screenshots of the same page people will open go to test-results/screenshots/, and to
// docs/screenshots/ (the README's pictures) when UPDATE_SCREENSHOTS=1.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { run } from '../../src/cli/main';
import { compare } from '../../src/core/analyse';
import { STANCE_INFO } from '../../src/core/report/model';
import { sampleTexts } from './report-fixture';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const root = join(__dirname, '..', '..');
const shots = process.env.UPDATE_SCREENSHOTS === '1' ? join(root, 'docs', 'screenshots') : join(root, 'test-results', 'screenshots');

/** Chromium comes from the harness's install script (scripts/vscode-server/install.sh); as root, install it here if missing. */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() === 0) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/vscode-server/install.sh (or apt-get install chromium) first`);
}

/** `counterpoint compare <letter> <response> --format html`, in process. */
function exportHtml(letter: string, response: string): string {
  let out = '';
  const status = run(['compare', letter, response, '--format', 'html'], (s) => (out += s), false);
  expect(status).toBe(0);
  return out;
}

let work: string;
let context: BrowserContext;

async function openReport(file: string, scheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; requests: string[]; errors: string[]; violations: () => Promise<number> }> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // Counts Content-Security-Policy violations (an attempt to run or load something the policy forbids).
  await page.addInitScript(() => {
    (window as unknown as { __violations: number }).__violations = 0;
    document.addEventListener('securitypolicyviolation', () => (window as unknown as { __violations: number }).__violations++);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, requests, errors, violations: () => page.evaluate(() => (window as unknown as { __violations: number }).__violations) };
}

describe('the exported HTML report in headless Chromium', () => {
  beforeAll(async () => {
    ensureChromium();
    work = mkdtempSync(join(tmpdir(), 'counterpoint-report-'));
    context = await chromium.launchPersistentContext(join(work, 'profile'), { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1200, height: 900 }, offline: true });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('renders every aim with its stance as a word and a shape, unanswered first, and requests nothing but itself', async () => {
    // As a user would run it from the repository: `counterpoint compare samples/letter.md samples/response.md --format html`.
    const html = exportHtml(relative(process.cwd(), join(root, 'samples', 'letter.md')), relative(process.cwd(), join(root, 'samples', 'response.md')));
    const file = join(work, 'report.html');
    writeFileSync(file, html);
    const { page, requests, errors, violations } = await openReport(file);

    const t = sampleTexts();
    const want = compare({ path: 'letter.md', text: t.letter }, { path: 'response.md', text: t.response });
    expect(want.letter.aims.length).toBeGreaterThan(0);
    const aims = await page.$$eval('li.aim', (els) =>
      els.map((el) => ({
        title: el.querySelector('.aim-title')?.textContent ?? '',
        stance: [...el.classList].find((c) => c.startsWith('stance-'))?.slice(7) ?? '',
        word: el.querySelector('.answer-meta .badge .word')?.textContent ?? '',
        shape: el.querySelector('.answer-meta .badge svg.icon') !== null,
        height: (el as HTMLElement).getBoundingClientRect().height,
      })),
    );
    const stance = new Map(want.alignments.map((a) => [a.aim, a.stance]));
    expect(aims.map((a) => a.title)).toEqual(
      [...want.letter.aims.filter((a) => stance.get(a.id) === 'unaddressed'), ...want.letter.aims.filter((a) => stance.get(a.id) !== 'unaddressed')].map((a) => a.title),
    );
    for (const a of aims) {
      expect(a.word).toBe(STANCE_INFO[a.stance as keyof typeof STANCE_INFO].label);
      expect(a.shape).toBe(true);
      expect(a.height).toBeGreaterThan(40);
    }
    // The stance colour is really applied (the card's left border), and differs between stances.
    const borders = await page.$$eval('li.aim', (els) => els.map((el) => [[...el.classList].find((c) => c.startsWith('stance-')), getComputedStyle(el).borderLeftColor]));
    const byStance = new Map(borders as Array<[string, string]>);
    expect(new Set(byStance.values()).size).toBe(byStance.size);

    // No script exists or ran, nothing was blocked, nothing was fetched: the only request is the file itself.
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await violations()).toBe(0);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content'));
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'none'/);

    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'report.png'), fullPage: true });
    // Printable: Chromium lays it out as a PDF.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();

    const dark = await openReport(file, 'dark');
    const bg = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
    await dark.page.screenshot({ path: join(shots, 'report-dark.png'), fullPage: false });
    await dark.page.close();
  }, 60_000);

  it('a letter written to attack the reader runs nothing and loads nothing', async () => {
    const letter = join(work, 'hostile-letter.md');
    const response = join(work, 'hostile-response.md');
    writeFileSync(
      letter,
      [
        '# Review <script>window.__pwned = 1</script>',
        '',
        '**Close the depot <img src="http://127.0.0.1:9/x.png" onerror="window.__pwned = 2">** – move staff to [the hub](javascript:window.__pwned=3) and ![map](http://127.0.0.1:9/map.png).',
        '',
        '**Change rotas </style><style>body{display:none}</style>** – <iframe src="http://127.0.0.1:9/frame"></iframe> <link rel="stylesheet" href="http://127.0.0.1:9/x.css">',
        '',
        'This was agreed with the unions <svg onload="window.__pwned = 4">.',
        '',
      ].join('\n'),
    );
    writeFileSync(response, 'We cannot accept closing the depot <script>window.__pwned = 5</script>.\n\nOn rotas: <object data="http://127.0.0.1:9/o"></object> we have concerns.\n');
    const file = join(work, 'hostile.html');
    writeFileSync(file, exportHtml(letter, response));
    const { page, requests, violations } = await openReport(file);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('script, img, iframe, object, embed, link, a, style').length)).toBe(1); // its own <style>
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
    expect(await page.textContent('body')).toContain('<script>window.__pwned = 1</script>');
    expect(await violations()).toBe(0);
    expect(requests).toEqual([pathToFileURL(file).href]);
    await page.close();
  }, 60_000);
});
