/**
 * The engine's entry points: compare a letter with a response, check documents for claims, and diff two
 * versions of a letter. Pure functions of text in, contract objects out: no file system, no `vscode`.
 */
import { CONTRACT_VERSION, type Aim, type CheckResult, type CompareResult, type DiffResult, type DocumentWarning } from './contract';
import { parseDocument } from './document/parse';
import type { Doc } from './document/model';
import { AimsMemo, extractAims, type LetterAim } from './aims/extract';
import { alignAims, AlignMemo } from './align/align';
import { ClaimsMemo, findClaims, type ExtraPhrase } from './claims/claims';
import type { ConsultationLog } from './claims/log';
import { diffLetters } from './versions/diff';

export interface SourceFile {
  path: string;
  text: string;
}

export interface AnalyseOptions {
  log?: ConsultationLog;
  extraPhrases?: ExtraPhrase[];
  /**
   * What an earlier comparison of the same pair of documents worked out, kept for the next one (see
   * `AnalysisCache.memo`): only the work an edit touched is done again. The result is the same with or without.
   */
  memo?: ComparisonMemo;
}

/** Kept between comparisons of one letter with one response. */
export class ComparisonMemo {
  readonly align = new AlignMemo();
  readonly aims = new AimsMemo();
  readonly claims = new ClaimsMemo();
  /** Each aim as the result reports it, kept while the aims memo keeps the aim itself. */
  readonly reported = new WeakMap<LetterAim, Aim>();
}

/** An aim as the result reports it. */
function reportedAim(a: LetterAim, memo?: ComparisonMemo): Aim {
  let out = memo?.reported.get(a);
  if (!out) {
    const { id, text, position, title, format } = a;
    out = { id, text, position, title, format };
    memo?.reported.set(a, out);
  }
  return out;
}

/** The document's own warnings (front matter that could not be read, parts read as plain text), when it has any. */
function warningsOf(doc: Doc): { warnings?: DocumentWarning[] } {
  if (doc.warnings.length === 0) return {};
  return { warnings: doc.warnings.map((w) => ({ message: w.message, position: doc.lines.position(w.span.start, w.span.end) })) };
}

export function compareDocs(letter: Doc, response: Doc, options: AnalyseOptions = {}): CompareResult {
  const aims = options.memo ? options.memo.aims.extract(letter) : extractAims(letter);
  const { alignments, points } = alignAims(letter, aims, response, options.memo?.align);
  const letterContext = { log: options.log, response, aims, extraPhrases: options.extraPhrases };
  const responseContext = { log: options.log, extraPhrases: options.extraPhrases, role: 'response' as const };
  const letterClaims = options.memo ? options.memo.claims.letter(letter, letterContext) : findClaims(letter, letterContext);
  const responseClaims = options.memo ? options.memo.claims.response(response, responseContext) : findClaims(response, responseContext);
  const result: CompareResult = {
    version: CONTRACT_VERSION,
    letter: { path: letter.path ?? '', aims: aims.map((a) => reportedAim(a, options.memo)), claims: letterClaims, ...warningsOf(letter) },
    response: { path: response.path ?? '', claims: responseClaims, points, ...warningsOf(response) },
    alignments,
  };
  if (options.log) result.log = { path: options.log.path ?? '', entries: options.log.entries.length, warnings: options.log.warnings };
  return result;
}

export function compare(letter: SourceFile, response: SourceFile, options: AnalyseOptions = {}): CompareResult {
  return compareDocs(parseDocument(letter.text, letter.path), parseDocument(response.text, response.path), options);
}

export function check(files: Array<SourceFile & { log?: ConsultationLog }>, options: AnalyseOptions = {}): CheckResult {
  const documents = files.map((f) => {
    const doc = parseDocument(f.text, f.path);
    const aims = extractAims(doc);
    return { path: f.path, claims: findClaims(doc, { log: f.log ?? options.log, aims, extraPhrases: options.extraPhrases }), ...warningsOf(doc) };
  });
  const logs = files.map((f) => f.log ?? options.log).filter((l): l is ConsultationLog => l !== undefined);
  const seen = new Set<string>();
  const log = logs
    .filter((l) => (seen.has(l.path ?? '') ? false : (seen.add(l.path ?? ''), true)))
    .map((l) => ({ path: l.path ?? '', entries: l.entries.length, warnings: l.warnings }));
  return { version: CONTRACT_VERSION, documents, ...(log.length > 0 ? { log } : {}) };
}

export function diff(oldFile: SourceFile, newFile: SourceFile): DiffResult {
  const result = diffLetters(parseDocument(oldFile.text, oldFile.path), parseDocument(newFile.text, newFile.path));
  return { version: CONTRACT_VERSION, old: { path: oldFile.path }, new: { path: newFile.path }, ...result };
}
