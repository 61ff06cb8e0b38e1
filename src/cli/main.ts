/**
 * The command line: `counterpoint compare | check | diff`. Reads files, hands text to the engine, prints.
 * Exit status: 0 on success (whatever was found), 2 on a usage or input error, with one line on stderr.
 */
import { parseArgs } from 'node:util';
import { readFileSync, statSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { check, compare, diff, type SourceFile } from '../core/analyse';
import { decodeText, InputError } from '../core/text/decode';
import { parseConsultationLog, type ConsultationLog } from '../core/claims/log';
import { readFrontMatterOf } from './front-matter-peek';
import { compareText, checkText, diffText } from '../core/report/text';
import { compareMarkdown, diffMarkdown } from '../core/report/markdown';
import { renderReportHtml } from '../core/report/html';
import { buildReportModel, type ReportOptions } from '../core/report/model';
import { annotationsForDocument, parseAnnotationFile, SIDECAR_PATH } from '../core/annotations/store';
import { COLOUR, PLAIN, type Style } from '../core/report/style';

declare const COUNTERPOINT_VERSION: string | undefined;

const HELP = `counterpoint: read an employer's letter against the union's response

Usage:
  counterpoint compare <letter.md> <response.md> [--log <file>] [--format text|json|markdown|html]
      Aims of the letter, where the response answers each and with what stance, the union's own points,
      and claims of union involvement checked against the evidence. --format html writes the comparison
      report as one self-contained page (no scripts, nothing loaded from elsewhere), with any notes kept in
      .counterpoint/annotations.json; redirect it to a file: > report.html
  counterpoint check <file.md>... [--log <file>] [--format text|json]
      Claims of union involvement in each file, checked against the evidence.
  counterpoint diff <old.md> <new.md> [--format text|json|markdown]
      What changed between two versions of a letter, aim by aim.

Options:
  --log <file>      The consultation log (a Markdown table: Date | Forum | Topic | Unions | Outcome | Reference).
                    Without it, "consultation-log:" in a document's front matter, or consultation-log.md in the
                    document's folder, is used when present.
  --format <f>      text (default, for people), json (the stable contract, version 1), markdown or html.
  --no-color        No colour in text output (colour is used only on a terminal, and never when NO_COLOR is set).
  -h, --help        Show this help.
  -v, --version     Show the version.

Exit status: 0 when the analysis ran (whatever it found), 2 for a usage or input error.
Nothing is sent anywhere: Counterpoint reads your files and prints to this terminal only.
`;

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

function readSource(file: string): SourceFile {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(`cannot read ${file}: no such file`);
    if (code === 'EACCES') fail(`cannot read ${file}: permission denied`);
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (stat.isDirectory()) fail(`${file} is a folder, not a file`);
  if (!stat.isFile()) fail(`${file} is not a regular file`);
  if (stat.size > 64 * 1024 * 1024) fail(`${file} is too large (${Math.round(stat.size / 1048576)} MB); Counterpoint reads documents up to 64 MB`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  return { path: file, text: decodeText(bytes, file) };
}

function loadLog(explicit: string | undefined, doc: SourceFile): ConsultationLog | undefined {
  if (explicit) {
    const src = readSource(explicit);
    return parseConsultationLog(src.text, explicit);
  }
  const dir = path.dirname(doc.path);
  const declared = readFrontMatterOf(doc.text).consultationLog;
  if (declared) {
    const p = path.resolve(dir, declared);
    try {
      const src = readSource(p);
      return parseConsultationLog(src.text, path.relative(process.cwd(), p) || p);
    } catch (error) {
      if (error instanceof UsageError) fail(`${doc.path} names a consultation log that cannot be read: ${error.message}`);
      throw error;
    }
  }
  const conventional = path.join(dir, 'consultation-log.md');
  try {
    if (!statSync(conventional).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const src = readSource(conventional);
  return parseConsultationLog(src.text, conventional);
}

/**
 * What the comparison report needs beyond the analysis: the two texts (for the letter's title and the notes'
 * lines) and the notes kept in the nearest `.counterpoint/annotations.json` above the letter, as the editor keeps
 * them. A damaged notes file is reported on stderr and left alone.
 */
function reportOptions(letter: SourceFile, response: SourceFile): ReportOptions {
  const options: ReportOptions = { texts: { letter: letter.text, response: response.text } };
  for (let dir = path.dirname(path.resolve(letter.path)); ; dir = path.dirname(dir)) {
    const sidecar = path.join(dir, ...SIDECAR_PATH.split('/'));
    let text: string | undefined;
    try {
      if (statSync(sidecar).isFile()) text = readFileSync(sidecar, 'utf8');
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      const parsed = parseAnnotationFile(text);
      if (!parsed.ok) {
        process.stderr.write(`counterpoint: warning: the notes in ${sidecar} could not be read (${parsed.error}); the report leaves them out\n`);
        return options;
      }
      const rel = (f: SourceFile) => path.relative(dir, path.resolve(f.path)).split(path.sep).join('/');
      options.annotations = [
        ...annotationsForDocument(parsed.file, rel(letter)).map((annotation) => ({ annotation, doc: 'letter' as const })),
        ...annotationsForDocument(parsed.file, rel(response)).map((annotation) => ({ annotation, doc: 'response' as const })),
      ];
      return options;
    }
    if (path.dirname(dir) === dir) return options;
  }
}

function formatOption(value: string | undefined, allowed: string[]): string {
  const f = value ?? 'text';
  if (!allowed.includes(f)) fail(`--format must be one of ${allowed.join(', ')} for this command, not "${f}"`);
  return f;
}

export function run(argv: string[], out: (s: string) => void, isTty: boolean): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        log: { type: 'string' },
        format: { type: 'string', short: 'f' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    const missing = /Option '([^']+)' argument missing/.exec(message);
    if (unknown) fail(`unknown option ${unknown[1]} (see counterpoint --help)`);
    if (missing) fail(`${missing[1].replace(/^-f, /, '')} needs a value (see counterpoint --help)`);
    fail(`${message.split('\n')[0]} (see counterpoint --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(HELP);
    return 0;
  }
  if (values.version) {
    out(`${typeof COUNTERPOINT_VERSION === 'string' ? COUNTERPOINT_VERSION : 'dev'}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  const style: Style = isTty && !values['no-color'] && !process.env.NO_COLOR ? COLOUR : PLAIN;
  const json = (v: unknown) => out(JSON.stringify(v, null, 2) + '\n');
  switch (command) {
    case 'compare': {
      const format = formatOption(values.format, ['text', 'json', 'markdown', 'html']);
      if (files.length !== 2) fail('compare takes two files: the letter and the response (see counterpoint --help)');
      const letter = readSource(files[0]);
      const response = readSource(files[1]);
      const log = loadLog(values.log, letter);
      const result = compare(letter, response, { log });
      if (format === 'json') json(result);
      else if (format === 'markdown') out(compareMarkdown(result, reportOptions(letter, response)));
      else if (format === 'html') out(renderReportHtml(buildReportModel(result, reportOptions(letter, response))));
      else out(compareText(result, style));
      return 0;
    }
    case 'check': {
      const format = formatOption(values.format, ['text', 'json']);
      if (files.length === 0) fail('check takes at least one file (see counterpoint --help)');
      const explicit = values.log ? loadLog(values.log, { path: '.', text: '' }) : undefined;
      const sources = files.map((f) => {
        const src = readSource(f);
        return { ...src, log: explicit ?? loadLog(undefined, src) };
      });
      const result = check(sources);
      if (format === 'json') json(result);
      else out(checkText(result, style));
      return 0;
    }
    case 'diff': {
      const format = formatOption(values.format, ['text', 'json', 'markdown']);
      if (values.log) fail('diff does not take --log');
      if (files.length !== 2) fail('diff takes two files: the old version and the new one (see counterpoint --help)');
      const result = diff(readSource(files[0]), readSource(files[1]));
      if (format === 'json') json(result);
      else if (format === 'markdown') out(diffMarkdown(result));
      else out(diffText(result, style));
      return 0;
    }
    case undefined:
      fail('no command given: use compare, check or diff (see counterpoint --help)');
    default:
      fail(`unknown command "${command}": use compare, check or diff (see counterpoint --help)`);
  }
}

function writeAll(fd: number, s: string): void {
  const buf = Buffer.from(s, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EPIPE') return;
      throw error;
    }
  }
}

if (require.main === module) {
  let status: number;
  try {
    status = run(process.argv.slice(2), (s) => writeAll(1, s), process.stdout.isTTY === true);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      writeAll(2, `counterpoint: ${error.message}\n`);
      status = 2;
    } else {
      writeAll(2, `counterpoint: internal error: ${(error as Error)?.message ?? String(error)}\n`);
      status = 1;
    }
  }
  process.exitCode = status;
}
