// `counterpoint compare --format markdown|html` prints the same report as the editor's export: the shared view
// model rendered by the shared renderers, with the letter's title and the notes kept beside the documents.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main';
import { describe as anchor } from '../../src/core/annotations/anchor';
import { serialiseAnnotationFile } from '../../src/core/annotations/store';
import { renderReportHtml } from '../../src/core/report/html';
import { compareMarkdown } from '../../src/core/report/markdown';
import { buildReportModel } from '../../src/core/report/model';

const root = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'counterpoint-report-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]): string {
  let out = '';
  expect(run(args, (s) => (out += s), false)).toBe(0);
  return out;
}

function copySamples(dir: string): { letter: string; response: string; letterText: string; responseText: string } {
  mkdirSync(dir, { recursive: true });
  const letterText = readFileSync(join(root, 'samples', 'letter.md'), 'utf8');
  const responseText = readFileSync(join(root, 'samples', 'response.md'), 'utf8');
  writeFileSync(join(dir, 'letter.md'), letterText);
  writeFileSync(join(dir, 'response.md'), responseText);
  writeFileSync(join(dir, 'consultation-log.md'), readFileSync(join(root, 'samples', 'consultation-log.md'), 'utf8'));
  return { letter: join(dir, 'letter.md'), response: join(dir, 'response.md'), letterText, responseText };
}

describe('compare --format markdown and --format html', () => {
  it('print exactly what the shared renderers make of the comparison', () => {
    const s = copySamples(join(work, 'plain'));
    const result = cli('compare', s.letter, s.response, '--format', 'json');
    const parsed = JSON.parse(result);
    const texts = { letter: s.letterText, response: s.responseText };
    expect(cli('compare', s.letter, s.response, '--format', 'markdown')).toBe(compareMarkdown(parsed, { texts }));
    expect(cli('compare', s.letter, s.response, '--format', 'html')).toBe(renderReportHtml(buildReportModel(parsed, { texts })));
  });

  it('include the notes kept in .counterpoint/annotations.json above the letter, orphaned ones marked', () => {
    const s = copySamples(join(work, 'notes', 'letters'));
    const quote = 'single allocation desk in each hub';
    const at = s.letterText.indexOf(quote);
    const note = (id: string, target: ReturnType<typeof anchor>, body: string) => ({
      id,
      source: 'letters/letter.md',
      created: '2026-09-20T10:00:00.000Z',
      modified: '2026-09-20T10:00:00.000Z',
      status: 'open' as const,
      target,
      comments: [{ id: 'c1', author: 'Sam Okafor', body, created: '2026-09-20T10:00:00.000Z' }],
    });
    mkdirSync(join(work, 'notes', '.counterpoint'), { recursive: true });
    writeFileSync(
      join(work, 'notes', '.counterpoint', 'annotations.json'),
      serialiseAnnotationFile({
        version: 1,
        annotations: [
          note('urn:uuid:1', anchor(s.letterText, at, at + quote.length), 'Ask how the desk is staffed.'),
          note('urn:uuid:2', anchor('A sentence the second version of the letter dropped.', 2, 40), 'Why was this dropped?'),
        ],
      }),
    );
    const md = cli('compare', s.letter, s.response, '--format', 'markdown');
    expect(md).toContain('## Notes');
    expect(md).toMatch(/- Letter, line \d+: “single allocation desk in each hub” — Ask how the desk is staffed\. \(Sam Okafor\)/);
    expect(md).toContain('\\[orphaned\\] Letter: “sentence the second version of the let” — Why was this dropped? (Sam Okafor)');
    const html = cli('compare', s.letter, s.response, '--format', 'html');
    expect(html).toContain('Ask how the desk is staffed.');
    expect(html).toContain('[orphaned]');
  });

  it('leave out a damaged notes file with a warning, and never change it', () => {
    const s = copySamples(join(work, 'damaged'));
    mkdirSync(join(work, 'damaged', '.counterpoint'), { recursive: true });
    const file = join(work, 'damaged', '.counterpoint', 'annotations.json');
    writeFileSync(file, '{ not json');
    const warn = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const md = cli('compare', s.letter, s.response, '--format', 'markdown');
      expect(md).not.toContain('## Notes');
      expect(warn.mock.calls.map((c) => String(c[0])).join('')).toMatch(/warning: the notes in .*annotations\.json could not be read \(not valid JSON/);
    } finally {
      warn.mockRestore();
    }
    expect(readFileSync(file, 'utf8')).toBe('{ not json');
  });

  it('is listed in the help, and other commands still refuse html', () => {
    expect(cli('--help')).toContain('--format text|json|markdown|html');
    expect(() => run(['check', 'x.md', '--format', 'html'], () => {}, false)).toThrow(/--format must be one of text, json/);
  });
});
