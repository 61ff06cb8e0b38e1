/**
 * Files, through `vscode.workspace.fs` only (so the same code runs in the web worker extension host and in
 * virtual workspaces), and path arithmetic on URIs (no Node `path`). An open document's text is always
 * preferred to the file on disk, so unsaved edits count.
 */
import * as vscode from 'vscode';
import { decodeText } from '../core/text/decode';
import { readFrontMatter } from '../core/document/front-matter';
import type { FrontMatter } from '../core/document/model';

export interface TextSource {
  uri: vscode.Uri;
  text: string;
  /** The open document's version, or undefined for a file read from disk. */
  version?: number;
}

export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** The text of a document: the open editor's buffer when it is open, else the file. Undefined when unreadable. */
export async function readText(uri: vscode.Uri): Promise<TextSource | undefined> {
  const open = openDocument(uri);
  if (open) return { uri, text: open.getText(), version: open.version };
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { uri, text: decodeText(bytes, basename(uri)) };
  } catch {
    return undefined;
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  if (openDocument(uri)) return true;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return (stat.type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

export function basename(uri: vscode.Uri): string {
  const p = uri.path;
  return p.slice(p.lastIndexOf('/') + 1);
}

export function dirname(uri: vscode.Uri): vscode.Uri {
  const p = uri.path;
  const i = p.lastIndexOf('/');
  return uri.with({ path: i <= 0 ? '/' : p.slice(0, i) });
}

/** Resolves a path written in a document (relative to that document, or absolute) to a URI. */
export function resolveFrom(document: vscode.Uri, written: string): vscode.Uri {
  const p = written.trim().replace(/\\/g, '/');
  if (p.startsWith('/') || /^[a-zA-Z]:\//.test(p)) return document.with({ path: p.startsWith('/') ? p : `/${p}` });
  return vscode.Uri.joinPath(dirname(document), p);
}

/** Resolves the `counterpoint.consultationLog` setting: relative to the document's workspace folder, or absolute. */
export function resolveSetting(document: vscode.Uri, written: string): vscode.Uri {
  const p = written.trim().replace(/\\/g, '/');
  if (p.startsWith('/') || /^[a-zA-Z]:\//.test(p)) return document.with({ path: p.startsWith('/') ? p : `/${p}` });
  const folder = vscode.workspace.getWorkspaceFolder(document)?.uri ?? dirname(document);
  return vscode.Uri.joinPath(folder, p);
}

/** A short name for a document in messages: its workspace-relative path. */
export function displayName(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

export function sameUri(a: vscode.Uri | undefined, b: vscode.Uri | undefined): boolean {
  return a !== undefined && b !== undefined && a.toString() === b.toString();
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The front matter of a text, read without parsing the rest of the document (for roles and pairing). */
export function peekFrontMatter(text: string): FrontMatter {
  const m = FRONT_MATTER.exec(text.length > 20000 ? text.slice(0, 20000) : text);
  if (!m) return { extra: {} };
  return readFrontMatter(m[1]).data;
}

/** A Markdown document Counterpoint analyses (not a git diff's old side, not an output channel). */
export function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && document.uri.scheme !== 'git' && document.uri.scheme !== 'output';
}

/** Markdown files of the workspace (at most `limit`), for pairing pickers and the responds-to index. */
export async function workspaceMarkdownFiles(limit = 2000): Promise<vscode.Uri[]> {
  if (!vscode.workspace.workspaceFolders?.length) return [];
  try {
    return await vscode.workspace.findFiles('**/*.{md,markdown}', '{**/node_modules/**,**/.git/**}', limit);
  } catch {
    return [];
  }
}
