/**
 * Runs the engine for open Markdown documents and keeps the latest result of each.
 *
 * - A document is analysed with what it depends on: its paired letter or response and its consultation log
 *   (open editors' unsaved text first, then the files). When any of those changes, the document is analysed again.
 * - Requests are throttled per document (default 300 ms after the last keystroke) and numbered: a result that
 *   comes back after a newer request was made is discarded, so a slow run never overwrites a newer one.
 * - Parsed documents and comparisons are cached by text, so a letter and its response share one comparison.
 * - Providers (hover, CodeLens, code actions) call `get`, which returns a result for the document's current
 *   version without publishing it; `onDidAnalyse` carries only the scheduled runs (what diagnostics show).
 */
import * as vscode from 'vscode';
import { compareDocs } from '../core/analyse';
import { extractAims } from '../core/aims/extract';
import { findClaims } from '../core/claims/claims';
import type { Aim, Alignment, Claim, CompareResult } from '../core/contract';
import { parseDocument } from '../core/document/parse';
import { AnalysisCache } from '../core/incremental';
import type { Doc } from '../core/document/model';
import { claimFinding, compareFindings, type Finding } from '../core/findings';
import { parseConsultationLog, type ConsultationLog } from '../core/claims/log';
import { RULES, type RuleId, type Severity } from '../core/rules';
import { LineIndex } from '../core/text/positions';
import { readSettings, settingsKey, type Settings } from './settings';
import type { Pairing, RoleInfo } from './pairing';
import { dirname, displayName, openDocument, readText, resolveFrom, resolveSetting, type TextSource } from './workspace';

export interface LogInfo {
  uri: vscode.Uri;
  log: ConsultationLog;
  text: string;
  /** Where the log was named: the letter's front matter, the setting, or the folder convention. */
  from: 'front matter' | 'setting' | 'folder';
}

export interface Analysis {
  uri: vscode.Uri;
  version: number;
  role: RoleInfo;
  /** This document, parsed. */
  doc: Doc;
  /** The letter and response compared (a letter alone has no response). */
  letter?: { uri: vscode.Uri; doc: Doc };
  response?: { uri: vscode.Uri; doc: Doc };
  /** True when a letter and its response were compared. */
  paired: boolean;
  result?: CompareResult;
  /** This document's claims of union involvement. */
  claims: Claim[];
  /** A letter's aims, and each aim's alignment with the response (only meaningful when paired). */
  aims: Aim[];
  alignments: Map<string, Alignment>;
  /** This document's findings: claims, unanswered aims (when paired) and input warnings. */
  findings: Finding[];
  /** Findings located in the consultation log (rows that could not be read). */
  logFindings: Finding[];
  log?: LogInfo;
  /** URIs read for this result, with the open document version read (undefined: read from disk). */
  deps: Map<string, number | undefined>;
  stamp: string;
  settings: Settings;
  elapsedMs: number;
  /** Set when the engine failed on this version: nothing else is known, and nothing is shown but the failure. */
  error?: string;
}

interface Comparison {
  letter: Doc;
  response: Doc;
  log?: ConsultationLog;
  key: string;
  result: CompareResult;
}

const EMPTY = parseDocument('', '');

export class AnalysisService implements vscode.Disposable {
  readonly #analysed = new vscode.EventEmitter<Analysis>();
  readonly #cleared = new vscode.EventEmitter<vscode.Uri>();
  /** Scheduled results, as diagnostics show them. */
  readonly onDidAnalyse = this.#analysed.event;
  /** A document was closed or analysis was turned off for it. */
  readonly onDidClear = this.#cleared.event;

  readonly #published = new Map<string, Analysis>();
  readonly #fresh = new Map<string, Analysis>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #requests = new Map<string, number>();
  readonly #inflight = new Map<string, { version: number; stamp: string; promise: Promise<Analysis | undefined> }>();
  readonly #parsed = new Map<string, { text: string; doc: Doc }>();
  /** Chunk-caching parsers, one per document: an edit re-parses only the chunks it touched. */
  readonly #parsers = new AnalysisCache();
  readonly #logs = new Map<string, { text: string; log: ConsultationLog }>();
  #comparisons: Comparison[] = [];
  /** Bumped when settings, pairings or files on disk change, so cached results are recomputed. */
  #epoch = 0;
  readonly #disposables: vscode.Disposable[] = [];

  constructor(
    private readonly pairing: Pairing,
    private readonly output: vscode.LogOutputChannel,
    readonly delayMs = 300,
  ) {
    this.#disposables.push(this.#analysed, this.#cleared);
  }

  dispose(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    for (const d of this.#disposables) d.dispose();
  }

  /** The latest published result for a document. */
  latest(uri: vscode.Uri): Analysis | undefined {
    return this.#published.get(uri.toString());
  }

  all(): Analysis[] {
    return [...this.#published.values()];
  }

  /** Marks every cached result stale (settings, pairings or files on disk changed). */
  invalidate(): void {
    this.#epoch++;
  }

  /** A result for the document as it is now (computed if needed), without publishing it. */
  async get(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const key = document.uri.toString();
    for (const a of [this.#fresh.get(key), this.#published.get(key)]) if (a && this.#isFresh(a, document)) return a;
    if (!readSettings(document.uri).enable) return undefined;
    let a: Analysis | undefined;
    try {
      a = await this.#upToDate(document);
    } catch (error) {
      this.output.error(`Analysis of ${displayName(document.uri)} failed: ${(error as Error)?.stack ?? String(error)}`);
      return undefined;
    }
    if (a && a.version === document.version && !document.isClosed) this.#fresh.set(key, a);
    return a;
  }

  /**
   * A result for the document's current version, sharing a computation already under way for the same version
   * (hover, CodeLens, code actions and the scheduled run often ask at once), and computing again when what it
   * read (the paired document, the log, settings) changed while it ran.
   */
  async #upToDate(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const key = document.uri.toString();
    let a: Analysis | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const stamp = this.#stamp(readSettings(document.uri));
      let job = this.#inflight.get(key);
      if (!job || job.version !== document.version || job.stamp !== stamp) {
        const promise = this.#compute(document).finally(() => {
          if (this.#inflight.get(key)?.promise === promise) this.#inflight.delete(key);
        });
        job = { version: document.version, stamp, promise };
        this.#inflight.set(key, job);
      }
      a = await job.promise;
      if (!a || document.isClosed || a.version !== document.version || this.#isFresh(a, document)) return a;
      if (this.#inflight.get(key) === job) this.#inflight.delete(key);
    }
    return a;
  }

  /**
   * Asks for the document to be analysed after `delay` ms; an earlier pending request for it is dropped. By
   * default the delay is the throttle (300 ms), stretched to the time the last run took, so a long document is
   * not analysed again and again while the user types.
   */
  schedule(document: vscode.TextDocument, delay?: number): void {
    const key = document.uri.toString();
    delay ??= Math.max(this.delayMs, Math.min(5000, this.#published.get(key)?.elapsedMs ?? 0));
    const pending = this.#timers.get(key);
    if (pending) clearTimeout(pending);
    const request = (this.#requests.get(key) ?? 0) + 1;
    this.#requests.set(key, request);
    this.#timers.set(
      key,
      setTimeout(() => {
        this.#timers.delete(key);
        void this.run(document, request);
      }, delay),
    );
  }

  /** Analyses the document now and publishes the result, unless a newer request supersedes it. */
  async run(document: vscode.TextDocument, request?: number): Promise<Analysis | undefined> {
    const key = document.uri.toString();
    if (request === undefined) {
      request = (this.#requests.get(key) ?? 0) + 1;
      this.#requests.set(key, request);
    }
    if (document.isClosed) return undefined;
    if (!readSettings(document.uri).enable) {
      this.clear(document.uri);
      return undefined;
    }
    let a: Analysis | undefined;
    try {
      a = await this.#upToDate(document);
    } catch (error) {
      const message = `Analysis of ${displayName(document.uri)} failed: ${(error as Error)?.stack ?? String(error)}`;
      this.output.error(message);
      console.error(`[Counterpoint] ${message}`);
      // Publish the failure, so stale diagnostics (whose ranges no longer fit the text) are cleared and the
      // status bar says what happened.
      a = failed(document, error);
    }
    // Stale: a newer request was made while this one ran, or the document changed or closed meanwhile.
    if (!a || this.#requests.get(key) !== request || document.isClosed || a.version !== document.version) return undefined;
    this.#published.set(key, a);
    this.#fresh.set(key, a);
    this.#analysed.fire(a);
    return a;
  }

  /** Forgets a document (closed, or analysis turned off) and tells listeners to clear what they show. */
  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.#timers.get(key);
    if (t) clearTimeout(t);
    this.#timers.delete(key);
    this.#requests.set(key, (this.#requests.get(key) ?? 0) + 1);
    this.#published.delete(key);
    this.#fresh.delete(key);
    this.#parsed.delete(key);
    this.#parsers.forget(key);
    this.#cleared.fire(uri);
  }

  /** Open documents whose last result read `uri` (a paired document or a consultation log). */
  dependents(uri: vscode.Uri): vscode.TextDocument[] {
    const key = uri.toString();
    const out: vscode.TextDocument[] = [];
    for (const a of this.#published.values()) {
      if (a.uri.toString() === key || !a.deps.has(key)) continue;
      const d = openDocument(a.uri);
      if (d) out.push(d);
    }
    return out;
  }

  /** True when some open document uses `uri` as its consultation log. */
  usedAsLog(uri: vscode.Uri): boolean {
    const key = uri.toString();
    for (const a of this.#published.values()) if (a.log?.uri.toString() === key) return true;
    return false;
  }

  #isFresh(a: Analysis, document: vscode.TextDocument): boolean {
    if (a.version !== document.version || a.stamp !== this.#stamp(readSettings(document.uri))) return false;
    for (const [dep, version] of a.deps) {
      const open = openDocument(vscode.Uri.parse(dep));
      if (open ? open.version !== version : version !== undefined) return false;
    }
    return true;
  }

  #stamp(settings: Settings): string {
    return `${this.#epoch}|${settingsKey(settings)}`;
  }

  #parse(src: TextSource): Doc {
    const key = src.uri.toString();
    const hit = this.#parsed.get(key);
    if (hit && hit.text === src.text) return hit.doc;
    const doc = this.#parsers.parse(key, src.text);
    this.#parsed.set(key, { text: src.text, doc });
    return doc;
  }

  #parseLog(src: TextSource): ConsultationLog {
    const key = src.uri.toString();
    const hit = this.#logs.get(key);
    if (hit && hit.text === src.text) return hit.log;
    const log = parseConsultationLog(src.text, key);
    this.#logs.set(key, { text: src.text, log });
    if (this.#logs.size > 16) this.#logs.delete(this.#logs.keys().next().value as string);
    return log;
  }

  #compare(letter: Doc, response: Doc, log: ConsultationLog | undefined, settings: Settings): CompareResult {
    const key = settingsKey(settings);
    const hit = this.#comparisons.find((c) => c.letter === letter && c.response === response && c.log === log && c.key === key);
    if (hit) return hit.result;
    // The memo lets an edit to one document redo only the work the edit touched.
    const memo = this.#parsers.memo(letter.path ?? '', response.path ?? '');
    const result = compareDocs(letter, response, { log, extraPhrases: settings.extraPhrases, memo });
    this.#comparisons = [{ letter, response, log, key, result }, ...this.#comparisons.slice(0, 7)];
    return result;
  }

  async #compute(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const t0 = Date.now();
    const settings = readSettings(document.uri);
    const stamp = this.#stamp(settings);
    const version = document.version;
    const self: TextSource = { uri: document.uri, text: document.getText(), version };
    const deps = new Map<string, number | undefined>();
    const role = await this.pairing.roleOf(document.uri, self.text, this.usedAsLog(document.uri));
    const doc = this.#parse(self);
    const severity = activeSeverities(settings);
    const findings: Finding[] = frontMatterWarnings(doc, severity);
    const base = { uri: document.uri, version, role, doc, stamp, settings, deps, aims: [] as Aim[], alignments: new Map<string, Alignment>() };

    if (role.role === 'log') {
      const log = this.#parseLog(self);
      const logFindings = logWarnings(log, document.uri, self.text, severity);
      const info: LogInfo = { uri: document.uri, log, text: self.text, from: 'folder' };
      return { ...base, paired: false, claims: [], findings: [...findings, ...logFindings], logFindings: [], log: info, elapsedMs: Date.now() - t0 };
    }

    if (role.missingPartner !== undefined) {
      findings.push(
        inputWarning(
          doc,
          frontMatterLine(doc, /^(responds-to|respondsTo)\s*:/m),
          `The front matter says this responds to "${role.missingPartner}", which cannot be found; the response is checked on its own.`,
          severity,
        ),
      );
    }
    if (role.untrustedPartner !== undefined) {
      findings.push(
        inputWarning(
          doc,
          frontMatterLine(doc, /^(responds-to|respondsTo)\s*:/m),
          `This workspace is not trusted, so the letter "${role.untrustedPartner}" named in the front matter, outside the workspace, was not read; the response is checked on its own.`,
          severity,
        ),
      );
    }
    let partner: TextSource | undefined;
    if (role.partner) {
      partner = await readText(role.partner);
      deps.set(role.partner.toString(), partner?.version);
      if (!partner) {
        findings.push(
          inputWarning(doc, { start: 0, end: 0 }, `The paired ${role.role === 'response' ? 'letter' : 'response'} "${displayName(role.partner)}" cannot be read; this document is checked on its own.`, severity),
        );
      }
    }
    const letterSrc = role.role === 'response' ? partner : self;
    const responseSrc = role.role === 'response' ? self : partner;
    const letterDoc = letterSrc ? (letterSrc === self ? doc : this.#parse(letterSrc)) : undefined;
    const responseDoc = responseSrc ? (responseSrc === self ? doc : this.#parse(responseSrc)) : undefined;

    // The consultation log belongs to the letter (or to a response checked on its own).
    const owner = letterSrc && letterDoc ? { src: letterSrc, doc: letterDoc } : { src: self, doc };
    const logFound = await this.#findLog(owner.src.uri, owner.doc, settings);
    if (logFound.problem && owner.src === self) findings.push(inputWarning(doc, logFound.problem.span, logFound.problem.message, severity));
    else if (logFound.problem) this.output.warn(logFound.problem.message);
    if (logFound.uri) deps.set(logFound.uri.toString(), logFound.version);
    const log = logFound.info;
    const logFindings = log ? logWarnings(log.log, log.uri, log.text, severity) : [];

    let result: CompareResult | undefined;
    let claims: Claim[] = [];
    const paired = letterDoc !== undefined && responseDoc !== undefined;
    const selfKey = document.uri.toString();
    if (letterDoc && responseDoc) {
      result = this.#compare(letterDoc, responseDoc, log?.log, settings);
      claims = role.role === 'response' ? result.response.claims : result.letter.claims;
      findings.push(...compareFindings(result, severity).filter((f) => f.path === selfKey));
    } else if (role.role === 'letter') {
      // A letter on its own: its aims (for lenses) and claims, with nothing to answer or dispute them.
      result = this.#compare(doc, EMPTY, log?.log, settings);
      claims = result.letter.claims;
      findings.push(...compareFindings(result, severity).filter((f) => f.path === selfKey && f.ruleId !== 'unanswered-aim'));
    } else {
      // A response with no letter, or any other Markdown document: its own claims, as `check` finds them.
      claims = findClaims(doc, { log: log?.log, aims: extractAims(doc), extraPhrases: settings.extraPhrases, ...(role.role === 'response' ? { role: 'response' as const } : {}) });
      for (const c of claims) {
        const f = claimFinding(c, selfKey, severity);
        if (f) findings.push(f);
      }
    }
    const isLetter = role.role === 'letter' && result !== undefined;
    const analysis: Analysis = {
      ...base,
      paired,
      result,
      claims,
      aims: isLetter ? result!.letter.aims : [],
      alignments: new Map(isLetter && paired ? result!.alignments.map((a) => [a.aim, a]) : []),
      findings: findings.filter((f) => settings.severity[f.ruleId] !== 'off'),
      logFindings: logFindings.filter((f) => settings.severity[f.ruleId] !== 'off'),
      log,
      ...(letterDoc && letterSrc ? { letter: { uri: letterSrc.uri, doc: letterDoc } } : {}),
      ...(responseDoc && responseSrc ? { response: { uri: responseSrc.uri, doc: responseDoc } } : {}),
      elapsedMs: Date.now() - t0,
    };
    this.output.trace(`Analysed ${displayName(document.uri)} (${role.role}${paired ? ', paired' : ''}) in ${analysis.elapsedMs} ms: ${analysis.findings.length} finding(s)`);
    return analysis;
  }

  /** The consultation log of a letter: its front matter, else the setting, else consultation-log.md beside it. */
  async #findLog(
    letter: vscode.Uri,
    doc: Doc,
    settings: Settings,
  ): Promise<{ info?: LogInfo; uri?: vscode.Uri; version?: number; problem?: { span: { start: number; end: number }; message: string } }> {
    const declared = doc.frontMatter.consultationLog;
    if (declared) {
      const uri = resolveFrom(letter, declared);
      const span = frontMatterLine(doc, /^(consultation-log|consultationLog)\s*:/m);
      if (!vscode.workspace.isTrusted && !vscode.workspace.getWorkspaceFolder(uri)) {
        // A document someone else wrote must not make an untrusted workspace read files outside it.
        return {
          uri,
          problem: {
            span,
            message: `This workspace is not trusted, so the consultation log "${declared}" named in the front matter, outside the workspace, was not read; claims were checked without a log.`,
          },
        };
      }
      const src = await readText(uri);
      if (src) return { info: { uri, log: this.#parseLog(src), text: src.text, from: 'front matter' }, uri, version: src.version };
      return {
        uri,
        problem: {
          span,
          message: `The front matter names the consultation log "${declared}", which cannot be read; claims were checked without a log.`,
        },
      };
    }
    if (settings.consultationLog) {
      const uri = resolveSetting(letter, settings.consultationLog);
      const src = await readText(uri);
      if (src) return { info: { uri, log: this.#parseLog(src), text: src.text, from: 'setting' }, uri, version: src.version };
      return {
        uri,
        problem: {
          span: { start: 0, end: 0 },
          message: `The consultation log set in counterpoint.consultationLog ("${settings.consultationLog}") cannot be read; claims were checked without a log.`,
        },
      };
    }
    const conventional = vscode.Uri.joinPath(dirname(letter), 'consultation-log.md');
    const src = await readText(conventional);
    // A missing conventional log is normal: the dependency is still recorded, so creating it triggers a new run.
    if (!src) return { uri: conventional };
    return { info: { uri: conventional, log: this.#parseLog(src), text: src.text, from: 'folder' }, uri: conventional, version: src.version };
  }
}

function failed(document: vscode.TextDocument, error: unknown): Analysis {
  const settings = readSettings(document.uri);
  return {
    uri: document.uri,
    version: document.version,
    role: { role: 'document', frontMatter: { extra: {} } },
    doc: EMPTY,
    paired: false,
    claims: [],
    aims: [],
    alignments: new Map(),
    findings: [],
    logFindings: [],
    deps: new Map(),
    stamp: '',
    settings,
    elapsedMs: 0,
    error: (error as Error)?.message ?? String(error),
  };
}

function activeSeverities(settings: Settings): Partial<Record<RuleId, Severity>> {
  const out: Partial<Record<RuleId, Severity>> = {};
  for (const [id, s] of Object.entries(settings.severity)) if (s !== 'off') out[id as RuleId] = s;
  return out;
}

function inputWarning(doc: Doc, span: { start: number; end: number }, message: string, severity: Partial<Record<RuleId, Severity>>): Finding {
  const rule = RULES['input-warning'];
  return {
    ruleId: rule.id,
    severity: severity[rule.id] ?? rule.severity,
    message,
    note: rule.summary,
    url: rule.docs,
    path: doc.path,
    position: doc.lines.position(span.start, span.end),
    text: doc.source.slice(span.start, span.end),
    related: [],
  };
}

function frontMatterWarnings(doc: Doc, severity: Partial<Record<RuleId, Severity>>): Finding[] {
  return doc.warnings.map((w) => inputWarning(doc, w.span, w.message, severity));
}

/** The span of the front matter line that matches `key`, or of the whole front matter. */
function frontMatterLine(doc: Doc, key: RegExp): { start: number; end: number } {
  const fm = doc.frontMatterSpan;
  if (!fm) return { start: 0, end: 0 };
  const text = doc.source.slice(fm.start, fm.end);
  const m = new RegExp(key.source, 'm').exec(text);
  if (!m) return fm;
  const start = fm.start + m.index;
  const nl = doc.source.indexOf('\n', start);
  let end = nl < 0 || nl > fm.end ? fm.end : nl;
  if (doc.source.charCodeAt(end - 1) === 13) end--;
  return { start, end };
}

function logWarnings(log: ConsultationLog, uri: vscode.Uri, text: string, severity: Partial<Record<RuleId, Severity>>): Finding[] {
  const rule = RULES['input-warning'];
  const lines = new LineIndex(text);
  return log.warnings.map((w) => {
    const line = Math.min(Math.max(1, w.line ?? 1), lines.lineCount);
    const start = lines.lineStart(line);
    let end = line < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
    return {
      ruleId: rule.id,
      severity: severity[rule.id] ?? rule.severity,
      message: w.message,
      note: rule.summary,
      url: rule.docs,
      path: uri.toString(),
      position: lines.position(start, end),
      text: text.slice(start, end),
      related: [],
    };
  });
}
