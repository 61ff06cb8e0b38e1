/**
 * No network: the bundled CLI analyses the samples with every network API replaced by one that records the
 * attempt and throws (test/fixtures/hostile/no-network.cjs, loaded with --require), and nothing is recorded;
 * the three bundles (CLI, desktop and web extension, which carry the same engine) hold no network API at all.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const preload = path.join(root, 'test/fixtures/hostile/no-network.cjs');

function guarded(args: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'counterpoint-net-'));
  const log = path.join(dir, 'network.log');
  try {
    const r = spawnSync(process.execPath, ['--require', preload, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, COUNTERPOINT_NETWORK_LOG: log }, maxBuffer: 1 << 28 });
    return { ...r, attempts: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('no network', () => {
  it('the preload really refuses (a control: fetch is recorded)', () => {
    const r = guarded(['-e', "try { fetch('http://127.0.0.1:9/') } catch {} try { require('node:http').get('http://127.0.0.1:9/') } catch {}"]);
    expect(r.attempts).toEqual(['fetch', 'node:http.get']);
  });

  const runs: Array<[string, string[]]> = [
    ['compare (text)', ['compare', 'samples/letter.md', 'samples/response.md']],
    ['compare (json, log)', ['compare', 'samples/letter.md', 'samples/response.md', '--log', 'samples/consultation-log.md', '--format', 'json']],
    ['compare (html)', ['compare', 'samples/letter.md', 'samples/response.md', '--format', 'html']],
    ['compare (markdown)', ['compare', 'samples/letter.md', 'samples/response.md', '--format', 'markdown']],
    ['check', ['check', 'samples/letter.md', 'samples/response.md']],
    ['diff', ['diff', 'samples/letter.md', 'samples/letter-v2.md']],
    ['hostile report', ['compare', 'test/fixtures/hostile/report/letter.md', 'test/fixtures/hostile/report/response.md', '--format', 'html']],
  ];
  for (const [name, args] of runs) {
    it(`the bundled CLI makes no network call: ${name}`, () => {
      const r = guarded(['dist/cli.js', ...args]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(100);
      expect(r.attempts).toEqual([]);
    });
  }

  it('the extension bundles contain no network call', () => {
    for (const bundle of ['dist/extension.js', 'dist/web/extension.js', 'dist/cli.js']) {
      const text = readFileSync(path.join(root, bundle), 'utf8');
      for (const api of [/\bfetch\(/, /XMLHttpRequest/, /\bWebSocket\b/, /\bhttps?\.(?:request|get)\(/, /require\(["'](?:node:)?(?:http|https|net|tls|dgram|dns)["']\)/, /navigator\.sendBeacon/, /new EventSource/]) {
        expect(text, `${bundle} mentions ${api}`).not.toMatch(api);
      }
    }
  });
});
