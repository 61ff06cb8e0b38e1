/**
 * Which letter and response a command means, and their comparison, through the adapter's analysis service (so
 * the report, the tree and the diagnostics agree, consultation log and settings included) and its pairing (so
 * comparing two documents pairs them, as "Pair with Response…" does).
 */
import * as vscode from 'vscode';
import { compare } from '../../core/analyse';
import type { CompareResult } from '../../core/contract';
import { buildReportModel, type AnnotationInput, type ReportModel } from '../../core/report/model';
import type { AnalysisService } from '../analysis-service';
import type { Pairing } from '../pairing';
import { basename, displayName, openDocument, readText, workspaceMarkdownFiles } from '../workspace';
import type { Notes } from '../annotations/notes';

export interface Comparison {
  letter: { uri: vscode.Uri; text: string };
  response: { uri: vscode.Uri; text: string };
  /** The engine's result, with workspace-relative paths for people to read. */
  result: CompareResult;
}

/** A document given to a command: a Uri, or a string holding a URI or an absolute path. */
export function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value.length > 0) return /^[a-zA-Z][\w+.-]+:/.test(value) && !/^[a-zA-Z]:[\\/]/.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  if (value && typeof value === 'object' && 'uri' in value) return toUri((value as { uri: unknown }).uri);
  return undefined;
}

function same(a: vscode.Uri | undefined, b: vscode.Uri | undefined): boolean {
  return a !== undefined && b !== undefined && a.toString() === b.toString();
}

export class Comparisons {
  constructor(
    private readonly service: AnalysisService,
    private readonly pairing: Pairing,
    private readonly notes: Notes,
    private readonly output?: vscode.LogOutputChannel,
  ) {}

  /** The comparison of a letter with its response; pairs them first when they are not paired together. */
  async of(letter: vscode.Uri, response: vscode.Uri): Promise<Comparison> {
    const document = openDocument(letter) ?? (await vscode.workspace.openTextDocument(letter));
    let a = await this.service.get(document);
    if (!(a?.paired && same(a.letter?.uri, letter) && same(a.response?.uri, response))) {
      await this.pairing.pair(letter, response);
      a = await this.service.get(document);
    }
    if (a?.paired && a.result && a.letter && a.response && same(a.letter.uri, letter) && same(a.response.uri, response)) {
      return { letter: { uri: letter, text: a.letter.doc.source }, response: { uri: response, text: a.response.doc.source }, result: withDisplayPaths(a.result, letter, response) };
    }
    // The analysis service would not compare them as given (its settings are off for this folder, or front
    // matter gives the documents other roles): compare them directly, without a consultation log.
    this.output?.info(`Comparing ${displayName(letter)} with ${displayName(response)} directly (the analysis service did not pair them).`);
    const [l, r] = await Promise.all([readText(letter), readText(response)]);
    if (!l || !r) throw new Error(`cannot read ${!l ? displayName(letter) : displayName(response)}`);
    const result = compare({ path: letter.toString(), text: l.text }, { path: response.toString(), text: r.text });
    return { letter: { uri: letter, text: stripBom(l.text) }, response: { uri: response, text: stripBom(r.text) }, result: withDisplayPaths(result, letter, response) };
  }

  /** The comparison a document takes part in (as letter or response), without asking; undefined when unpaired. */
  async forDocument(uri: vscode.Uri): Promise<Comparison | undefined> {
    const document = openDocument(uri) ?? (await vscode.workspace.openTextDocument(uri));
    if (document.languageId !== 'markdown') return undefined;
    // Right after start-up the workspace's `responds-to` lines may still be being read: wait for them, so that a
    // response naming this letter is found rather than asked for.
    await this.pairing.ensureIndexed();
    const a = await this.service.get(document);
    if (a?.paired && a.letter && a.response) return this.of(a.letter.uri, a.response.uri);
    // No paired analysis (analysis turned off, or not finished): the pairing itself may still know the partner.
    const role = await this.pairing.roleOf(uri, document.getText());
    if (!role.partner) return undefined;
    if (role.role === 'letter') return this.of(uri, role.partner);
    if (role.role === 'response') return this.of(role.partner, uri);
    return undefined;
  }

  /**
   * What the user means: the letter and response given, else the active document and its partner, asking with a
   * quick pick for whatever is missing. Undefined when the user cancels.
   */
  async resolve(letterArg?: unknown, responseArg?: unknown, options: { forcePick?: boolean } = {}): Promise<Comparison | undefined> {
    let letter = toUri(letterArg);
    let response = toUri(responseArg);
    if (letter && response) return this.of(letter, response);
    const given = letter ?? activeMarkdown();
    if (given && !options.forcePick) {
      const existing = await this.forDocument(given);
      if (existing && (!letter || same(existing.letter.uri, letter))) return existing;
    }
    if (!letter && !response) {
      const current = activeMarkdown();
      if (current) {
        const role = await this.roleOf(current);
        if (role === 'response') response = current;
        else letter = current;
      }
    }
    if (!letter) {
      letter = await pickMarkdown({ exclude: response, title: 'Choose the employer’s letter', placeHolder: response ? `The letter that ${basename(response)} answers` : 'The letter to compare' });
      if (!letter) return undefined;
    }
    if (!response) {
      response = await pickMarkdown({ exclude: letter, title: `Compare ${basename(letter)} with…`, placeHolder: 'Choose the union’s response to this letter' });
      if (!response) return undefined;
    }
    return this.of(letter, response);
  }

  private async roleOf(uri: vscode.Uri): Promise<string | undefined> {
    const document = openDocument(uri);
    if (!document) return undefined;
    return (await this.service.get(document))?.role.role;
  }

  /** The report's view model: the comparison, the letter's title and the notes on both documents. */
  async model(c: Comparison): Promise<ReportModel> {
    const [ln, rn] = await Promise.all([this.notes.annotationsFor(c.letter.uri), this.notes.annotationsFor(c.response.uri)]);
    const annotations: AnnotationInput[] = [...ln.map((annotation) => ({ annotation, doc: 'letter' as const })), ...rn.map((annotation) => ({ annotation, doc: 'response' as const }))];
    return buildReportModel(c.result, { texts: { letter: c.letter.text, response: c.response.text }, annotations });
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function activeMarkdown(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && editor.document.languageId === 'markdown' ? editor.document.uri : undefined;
}

/** Replaces URI strings in a result by workspace-relative names for display. */
export function withDisplayPaths(result: CompareResult, letter: vscode.Uri, response: vscode.Uri): CompareResult {
  const names = new Map([
    [letter.toString(), displayName(letter)],
    [response.toString(), displayName(response)],
  ]);
  const name = (p: string | undefined) => (p === undefined ? p : (names.get(p) ?? (/^[a-z][\w+.-]*:\/\//i.test(p) ? displayName(vscode.Uri.parse(p)) : p)));
  const claims = (list: CompareResult['letter']['claims']) =>
    list.map((c) => ({
      ...c,
      ...(c.disputedBy ? { disputedBy: { ...c.disputedBy, ...(c.disputedBy.path !== undefined ? { path: name(c.disputedBy.path) } : {}) } } : {}),
      evidence: c.evidence.map((e) => ({ ...e, ...(e.path !== undefined ? { path: name(e.path) } : {}) })),
    }));
  return {
    ...result,
    letter: { ...result.letter, path: displayName(letter), claims: claims(result.letter.claims) },
    response: { ...result.response, path: displayName(response), claims: claims(result.response.claims) },
    ...(result.log ? { log: { ...result.log, path: name(result.log.path) ?? result.log.path, warnings: result.log.warnings.map((w) => ({ ...w, ...(w.path !== undefined ? { path: name(w.path) } : {}) })) } } : {}),
  };
}

interface PickItem extends vscode.QuickPickItem {
  uri?: vscode.Uri;
}

/** A quick pick of open Markdown documents, then the workspace's Markdown files. */
export async function pickMarkdown(options: { exclude?: vscode.Uri; title: string; placeHolder: string }): Promise<vscode.Uri | undefined> {
  const seen = new Set<string>(options.exclude ? [options.exclude.toString()] : []);
  const items: PickItem[] = [];
  const add = (uri: vscode.Uri, detail?: string) => {
    const k = uri.toString();
    if (seen.has(k)) return;
    seen.add(k);
    const rel = displayName(uri);
    const folder = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    items.push({ label: `$(markdown) ${basename(uri)}`, description: folder, ...(detail ? { detail } : {}), uri });
  };
  const open = vscode.workspace.textDocuments.filter((d) => d.languageId === 'markdown' && !d.isClosed && d.uri.scheme !== 'output' && d.uri.scheme !== 'git');
  if (open.length > 0) items.push({ label: 'Open documents', kind: vscode.QuickPickItemKind.Separator });
  for (const d of open) add(d.uri, d.isDirty ? 'Open, with unsaved changes' : undefined);
  const files = (await workspaceMarkdownFiles()).sort((a, b) => a.path.localeCompare(b.path));
  let separated = false;
  for (const f of files) {
    if (seen.has(f.toString())) continue;
    if (!separated) items.push({ label: 'Workspace', kind: vscode.QuickPickItemKind.Separator });
    separated = true;
    add(f);
  }
  if (!items.some((i) => i.uri)) {
    void vscode.window.showInformationMessage('Counterpoint: there is no other Markdown document to choose. Open the letter and the response (as .md files) first.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title: options.title, placeHolder: options.placeHolder, matchOnDescription: true });
  return picked?.uri;
}
