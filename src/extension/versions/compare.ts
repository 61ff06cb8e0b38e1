/**
 * Comparing two versions of a letter (registered by `index.ts`, loaded on first use with the other features in
 * src/extension/lazy/): choosing the versions, VS Code's diff editor, and the summary beside it.
 */
import * as vscode from 'vscode';
import type { DiffResult } from '../../core/contract';
import { activeMarkdown, toUri } from '../report/comparison';
import { basename, displayName, dirname, workspaceMarkdownFiles } from '../workspace';
import { diffVersions, VersionsPanel } from './panel';

/** The command: the two versions from its arguments, asking for what is missing, then the diff and the summary. */
export async function compareVersionsCommand(first?: unknown, second?: unknown): Promise<DiffResult | undefined> {
  const picked = await chooseVersions(first, second);
  if (!picked) return undefined;
  return compareVersions(picked.old, picked.new);
}

/** For tests: the open summary, in plain data. */
export function versionsState() {
  const p = VersionsPanel.active;
  return p
    ? { result: p.result, html: p.panel.webview.html, visible: p.panel.visible, options: p.panel.webview.options, received: p.received, old: p.oldUri.toString(), new: p.newUri.toString(), column: p.panel.viewColumn }
    : undefined;
}

/** For tests: the same path as a click in the summary's webview. */
export async function versionsMessage(message: unknown) {
  const p = VersionsPanel.active;
  const m = message as { type?: string; doc?: 'old' | 'new'; start?: number; end?: number };
  if (!p || m?.type !== 'reveal' || (m.doc !== 'old' && m.doc !== 'new') || typeof m.start !== 'number' || typeof m.end !== 'number') return undefined;
  const editor = await p.reveal(m.doc, m.start, m.end);
  return { uri: editor.document.uri.toString(), start: editor.document.offsetAt(editor.selection.start), end: editor.document.offsetAt(editor.selection.end) };
}

/** Opens the diff editor on the two versions and the summary beside it; returns the diff. */
async function compareVersions(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<DiffResult> {
  const result = await diffVersions(oldUri, newUri);
  await vscode.commands.executeCommand('vscode.diff', oldUri, newUri, `${basename(oldUri)} ↔ ${basename(newUri)} (versions)`, {
    viewColumn: vscode.ViewColumn.One,
    preview: false,
  });
  await VersionsPanel.show(oldUri, newUri, result, vscode.ViewColumn.Two);
  return result;
}

/**
 * The two versions from the arguments, asking for what is missing. A command run from a context menu gets the
 * clicked file and, from the Explorer, the selected files.
 */
async function chooseVersions(first: unknown, second: unknown): Promise<{ old: vscode.Uri; new: vscode.Uri } | undefined> {
  const a = toUri(first);
  if (a && Array.isArray(second)) {
    const selected = second.map(toUri).filter((u): u is vscode.Uri => u !== undefined);
    if (selected.length === 2) return { old: selected[0], new: selected[1] };
    const old = await pickVersion('old', a);
    return old && { old, new: a };
  }
  const b = toUri(second);
  if (a && b) return { old: a, new: b };
  if (a) {
    const old = await pickVersion('old', a);
    return old && { old, new: a };
  }
  const newer = await pickVersion('new');
  if (!newer) return undefined;
  const old = await pickVersion('old', newer);
  return old && { old, new: newer };
}

interface VersionItem extends vscode.QuickPickItem {
  uri?: vscode.Uri;
}

/** How alike two file names are: the length of their common beginning, ignoring case. */
function nameKinship(a: vscode.Uri, b: vscode.Uri): number {
  const x = basename(a).toLowerCase().replace(/\.(md|markdown)$/, '');
  const y = basename(b).toLowerCase().replace(/\.(md|markdown)$/, '');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * Asks for one version. For the new version the active Markdown editor comes first; for the old, the other open
 * and workspace Markdown files, those beside the new version and with the most similar names first.
 */
async function pickVersion(which: 'old' | 'new', newer?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const seen = new Set<string>(newer ? [newer.toString()] : []);
  const candidates: Array<{ uri: vscode.Uri; open: boolean; dirty: boolean }> = [];
  const add = (uri: vscode.Uri, open: boolean, dirty = false) => {
    const k = uri.toString();
    if (seen.has(k)) return;
    seen.add(k);
    candidates.push({ uri, open, dirty });
  };
  const active = activeMarkdown();
  if (which === 'new' && active) add(active, true, vscode.window.activeTextEditor?.document.isDirty ?? false);
  for (const d of vscode.workspace.textDocuments) {
    if (d.languageId === 'markdown' && !d.isClosed && d.uri.scheme !== 'output' && d.uri.scheme !== 'git') add(d.uri, true, d.isDirty);
  }
  for (const f of await workspaceMarkdownFiles()) add(f, false);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(
      which === 'new'
        ? 'Counterpoint: there is no Markdown document to compare. Open a version of the letter (as a .md file) first.'
        : 'Counterpoint: there is no other Markdown document to compare with. Put the other version of the letter in the workspace (as a .md file) first.',
    );
    return undefined;
  }
  if (which === 'old' && newer) {
    const folder = dirname(newer).toString();
    const score = (u: vscode.Uri) => (dirname(u).toString() === folder ? 1000 : 0) + nameKinship(u, newer);
    candidates.sort((p, q) => score(q.uri) - score(p.uri) || displayName(p.uri).localeCompare(displayName(q.uri)));
  } else {
    const head = active ? candidates.slice(0, 1) : [];
    const rest = candidates.slice(head.length).sort((p, q) => Number(q.open) - Number(p.open) || displayName(p.uri).localeCompare(displayName(q.uri)));
    candidates.splice(0, candidates.length, ...head, ...rest);
  }
  const items: VersionItem[] = candidates.map((c) => {
    const rel = displayName(c.uri);
    const folder = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    const detail = which === 'new' && active && c.uri.toString() === active.toString() ? 'The active editor' : c.dirty ? 'Open, with unsaved changes' : undefined;
    return { label: `$(markdown) ${basename(c.uri)}`, description: folder, ...(detail ? { detail } : {}), uri: c.uri };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: which === 'new' ? 'Compare letter versions (1 of 2): the new version' : `Compare letter versions (2 of 2): the old version of ${basename(newer!)}`,
    placeHolder: which === 'new' ? 'Choose the newer version of the letter' : 'Choose the earlier version to compare it with',
    matchOnDescription: true,
  });
  return picked?.uri;
}
