import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Pos { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } }

type LocatedJson = { text: string; position: Pos; path?: string };

/**
 * Every {text, position} object in a JSON result. An object that names its own `path` (evidence from the log,
 * a disputing passage in the response) belongs to that file and is left out here; `elsewhere` collects them.
 */
function locatedIn(value: unknown, out: LocatedJson[] = [], elsewhere: LocatedJson[] = []): LocatedJson[] {
  if (Array.isArray(value)) value.forEach((v) => locatedIn(v, out, elsewhere));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.text === 'string' && o.position && typeof o.position === 'object') (typeof o.path === 'string' ? elsewhere : out).push(o as never);
    Object.values(o).forEach((v) => locatedIn(v, out, elsewhere));
  }
  return out;
}

function locatedElsewhere(value: unknown): LocatedJson[] {
  const elsewhere: LocatedJson[] = [];
  locatedIn(value, [], elsewhere);
  return elsewhere;
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function expectExactPositions(items: Array<{ text: string; position: Pos }>, source: string): void {
  for (const item of items) {
    expect(source.slice(item.position.start.offset, item.position.end.offset)).toBe(item.text);
    expect(lineCol(source, item.position.start.offset)).toEqual({ line: item.position.start.line, column: item.position.start.column });
    expect(lineCol(source, item.position.end.offset)).toEqual({ line: item.position.end.line, column: item.position.end.column });
  }
}

describe('counterpoint CLI', () => {
  it('prints help and exits 0', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('counterpoint compare <letter.md> <response.md>');
    expect(r.stdout).toContain('counterpoint diff <old.md> <new.md>');
  });

  it('compare --format json emits the version 1 contract with exact positions', () => {
    const r = run(['compare', 'samples/letter.md', 'samples/response.md', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    expect(json.letter.path).toBe('samples/letter.md');
    expect(json.response.path).toBe('samples/response.md');
    expect(Array.isArray(json.letter.aims)).toBe(true);
    expect(Array.isArray(json.alignments)).toBe(true);
    expect(json.log.path).toBe('samples/consultation-log.md');
    for (const al of json.alignments) expect(al.stance === 'unaddressed').toBe(al.passages.length === 0);
    const letterSrc = readFileSync(path.join(root, 'samples/letter.md'), 'utf8');
    const responseSrc = readFileSync(path.join(root, 'samples/response.md'), 'utf8');
    expectExactPositions(locatedIn(json.letter.aims), letterSrc);
    expectExactPositions(locatedIn(json.letter.claims), letterSrc);
    expectExactPositions(locatedIn(json.response), responseSrc);
    expectExactPositions(locatedIn(json.alignments), responseSrc);
    const others = locatedElsewhere(json);
    expect(others.length).toBeGreaterThan(0);
    for (const item of others) expectExactPositions([item], readFileSync(path.join(root, item.path!), 'utf8'));
  });

  it('keeps positions exact for a CRLF file with a byte-order mark', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-cli-'));
    const letter = readFileSync(path.join(root, 'samples/letter.md'), 'utf8').replace(/\n/g, '\r\n');
    const response = readFileSync(path.join(root, 'samples/response.md'), 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(path.join(dir, 'letter.md'), '\uFEFF' + letter);
    writeFileSync(path.join(dir, 'response.md'), response);
    writeFileSync(path.join(dir, 'consultation-log.md'), readFileSync(path.join(root, 'samples/consultation-log.md')));
    const r = run(['compare', 'letter.md', 'response.md', '--format', 'json'], dir);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expectExactPositions(locatedIn(json.letter), letter);
    expectExactPositions(locatedIn(json.alignments), response);
    for (const item of locatedElsewhere(json)) expectExactPositions([item], readFileSync(path.join(dir, item.path!), 'utf8').replace(/^\uFEFF/, ''));
  });

  it('check --format json lists each document', () => {
    const r = run(['check', 'samples/letter.md', 'samples/response.md', '--format', 'json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    expect(json.documents.map((d: { path: string }) => d.path)).toEqual(['samples/letter.md', 'samples/response.md']);
  });

  it('diff --format json emits the diff contract', () => {
    const r = run(['diff', 'samples/letter.md', 'samples/letter.md', '--format', 'json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    expect(Array.isArray(json.aims)).toBe(true);
    for (const a of json.aims) expect(a.change).toBe('unchanged');
  });

  it('text output has no colour codes when not on a terminal', () => {
    const r = run(['compare', 'samples/letter.md', 'samples/response.md']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Letter:');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  describe('errors: exit 2 with one line on stderr', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-cli-err-'));
    writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
    writeFileSync(path.join(dir, 'latin1.md'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(path.join(dir, 'ok.md'), 'Fine.\n');
    writeFileSync(path.join(dir, 'names-log.md'), '---\nconsultation-log: gone.md\n---\nFine.\n');
    mkdirSync(path.join(dir, 'folder.md'));
    const cases: Array<[string, string[], RegExp]> = [
      ['a missing file', ['compare', 'nope.md', 'ok.md'], /cannot read nope\.md: no such file/],
      ['a directory', ['check', 'folder.md'], /folder\.md is a folder, not a file/],
      ['a binary file', ['check', 'binary.md'], /binary\.md looks like a binary file/],
      ['invalid UTF-8', ['check', 'latin1.md'], /latin1\.md is not valid UTF-8/],
      ['an unknown option', ['check', 'ok.md', '--frobnicate'], /unknown option --frobnicate/],
      ['an unknown command', ['frob'], /unknown command "frob"/],
      ['no command', [], /no command given/],
      ['a wrong number of files', ['compare', 'ok.md'], /compare takes two files/],
      ['a bad format', ['check', 'ok.md', '--format', 'markdown'], /--format must be one of text, json/],
      ['a missing log', ['check', 'ok.md', '--log', 'missing-log.md'], /cannot read missing-log\.md/],
      ['a log named in front matter that is missing', ['check', 'names-log.md'], /names-log\.md names a consultation log that cannot be read/],
    ];
    for (const [name, args, message] of cases) {
      it(name, () => {
        const r = run(args, dir);
        expect(r.status).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(message);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
      });
    }
  });
});
