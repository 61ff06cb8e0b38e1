// Shared by the Counterpoint integration tests (not a test file itself): the workspace, opening documents,
// waiting for the extension's results, and reading its diagnostics through the real VS Code API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'counterpoint-union-tools.counterpoint';

export function workspaceUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceUri(), ...relative.split('/'));
}

interface Api {
  analysed(uri: vscode.Uri): Promise<boolean>;
  status(): { visible: boolean; text: string; label: string; command: string };
}

export async function activate(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** Opens a workspace file in an editor (column one unless given) and waits for its analysis. */
export async function open(relative: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const api = await activate();
  const doc = await vscode.workspace.openTextDocument(fileUri(relative));
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
  assert.ok(await api.analysed(doc.uri), `${relative} was not analysed within 10 s`);
  return editor;
}

export async function settle(uri: vscode.Uri): Promise<void> {
  const api = await activate();
  assert.ok(await api.analysed(uri), `${vscode.workspace.asRelativePath(uri)} was not analysed within 10 s`);
}

/** Polls until `check` returns a value other than undefined/false, or fails with `what`. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string | (() => string),
  ms = 10_000,
): Promise<T> {
  const end = Date.now() + ms;
  let last: T | undefined | false;
  for (;;) {
    last = await check();
    if (last !== undefined && last !== false) return last;
    if (Date.now() > end) assert.fail(`timed out after ${ms} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Counterpoint');
}

export function ruleOf(d: vscode.Diagnostic): string {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export function withRule(uri: vscode.Uri, rule: string): vscode.Diagnostic[] {
  return ours(uri).filter((d) => ruleOf(d) === rule);
}

export function textAt(uri: vscode.Uri, range: vscode.Range): string {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  assert.ok(doc, `${uri.toString()} is not open`);
  return doc.getText(range);
}

/** The position of the first occurrence of `needle` in an open document, plus `delta` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is not in ${vscode.workspace.asRelativePath(doc.uri)}`);
  return doc.positionAt(at + delta);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const list = ours(uri).map((d) => `${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} "${d.message}"`);
  return list.length ? list.join('; ') : 'no Counterpoint diagnostics';
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** A hover's Markdown as plain strings. */
export function hoverText(hovers: vscode.Hover[]): string[] {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c))));
}
