/**
 * Findings as diagnostics: one per flagged claim, unanswered aim (when a response is paired) and unreadable
 * input. Each carries the rule id with a link to its docs page, the source "Counterpoint", and related
 * locations (the disputing passage of the response, the log row, the evidence found).
 */
import * as vscode from 'vscode';
import type { Claim } from '../core/contract';
import { shorten, type Finding } from '../core/findings';
import type { Analysis } from './analysis-service';
import { toRange } from './positions';
import { basename } from './workspace';

export const SOURCE = 'Counterpoint';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The rule id of a Counterpoint diagnostic, or undefined for another extension's diagnostic. */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== SOURCE) return undefined;
  const code = d.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

const claimIndex = new WeakMap<Analysis, Map<number, Claim[]>>();

/** The claim a finding is about, matched by position (indexed once per result: documents can hold thousands). */
export function claimAt(analysis: Analysis, offset: number, endOffset?: number): Claim | undefined {
  let index = claimIndex.get(analysis);
  if (!index) {
    index = new Map();
    for (const c of analysis.claims) {
      const list = index.get(c.position.start.offset);
      if (list) list.push(c);
      else index.set(c.position.start.offset, [c]);
    }
    claimIndex.set(analysis, index);
  }
  return index.get(offset)?.find((c) => endOffset === undefined || c.position.end.offset === endOffset);
}

/** Where a claim's disputing passage is: its own path, else the paired response, else the log. */
export function disputedLocation(analysis: Analysis, claim: Claim): vscode.Location | undefined {
  const d = claim.disputedBy;
  if (!d) return undefined;
  const uri = d.path ? vscode.Uri.parse(d.path) : analysis.role.role === 'letter' && analysis.response ? analysis.response.uri : analysis.log?.uri;
  return uri ? new vscode.Location(uri, toRange(d.position)) : undefined;
}

export function evidenceLocations(analysis: Analysis, claim: Claim): Array<{ location: vscode.Location; message: string }> {
  const out: Array<{ location: vscode.Location; message: string }> = [];
  for (const e of claim.evidence) {
    if (!e.position) continue;
    const uri = e.path ? vscode.Uri.parse(e.path) : e.kind === 'log' ? analysis.log?.uri : analysis.uri;
    if (uri) out.push({ location: new vscode.Location(uri, toRange(e.position)), message: `Evidence (${e.rung}): ${e.description}` });
  }
  return out;
}

export function toDiagnostic(analysis: Analysis, f: Finding, extensionUri: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.position), f.message, SEVERITY[f.severity]);
  d.source = SOURCE;
  d.code = { value: f.ruleId, target: vscode.Uri.joinPath(extensionUri, f.url) };
  const claim = f.ruleId.endsWith('-claim') ? claimAt(analysis, f.position.start.offset, f.position.end.offset) : undefined;
  const related: vscode.DiagnosticRelatedInformation[] = [];
  if (claim) {
    const disputed = disputedLocation(analysis, claim);
    if (disputed && claim.disputedBy) {
      related.push(new vscode.DiagnosticRelatedInformation(disputed, `Disputed in ${basename(disputed.uri)}: "${shorten(claim.disputedBy.text, 160)}"`));
    }
    for (const e of evidenceLocations(analysis, claim)) related.push(new vscode.DiagnosticRelatedInformation(e.location, e.message));
  } else {
    for (const r of f.related) {
      const uri = r.path ? vscode.Uri.parse(r.path) : analysis.uri;
      related.push(new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.position)), r.message));
    }
  }
  if (related.length > 0) d.relatedInformation = related;
  return d;
}

export class Diagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('counterpoint');
  /** Consultation log URI → the documents whose analysis put diagnostics on it. */
  private readonly logOwners = new Map<string, Set<string>>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly isOpenAnalysed: (uri: vscode.Uri) => boolean,
  ) {}

  dispose(): void {
    this.collection.dispose();
  }

  show(analysis: Analysis): void {
    this.collection.set(
      analysis.uri,
      analysis.findings.map((f) => toDiagnostic(analysis, f, this.extensionUri)),
    );
    const self = analysis.uri.toString();
    this.releaseLogs(self, analysis.log?.uri.toString());
    if (analysis.log) {
      const logKey = analysis.log.uri.toString();
      const owners = this.logOwners.get(logKey) ?? new Set<string>();
      owners.add(self);
      this.logOwners.set(logKey, owners);
      // An open log shows its own analysis; otherwise its unreadable rows are shown for the letter that uses it.
      if (!this.isOpenAnalysed(analysis.log.uri)) {
        this.collection.set(
          analysis.log.uri,
          analysis.logFindings.map((f) => toDiagnostic(analysis, f, this.extensionUri)),
        );
      }
    }
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.releaseLogs(uri.toString(), undefined);
  }

  clearAll(): void {
    this.collection.clear();
    this.logOwners.clear();
  }

  /** Drops `owner` from every log but `keep`, clearing a log's diagnostics when no open document uses it. */
  private releaseLogs(owner: string, keep: string | undefined): void {
    for (const [log, owners] of this.logOwners) {
      if (log === keep || !owners.delete(owner)) continue;
      if (owners.size === 0) {
        this.logOwners.delete(log);
        const uri = vscode.Uri.parse(log);
        if (!this.isOpenAnalysed(uri)) this.collection.delete(uri);
      }
    }
  }
}
