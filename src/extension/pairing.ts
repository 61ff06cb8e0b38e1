/**
 * Which document is a letter, which a response, and which response answers which letter.
 *
 * In order of precedence:
 *  1. a pairing the user made with "Pair with Letter…" / "Pair with Response…" (kept per workspace);
 *  2. a response's front matter `responds-to: <path relative to the response>` (and, in reverse, the letter
 *     a response names);
 *  3. front matter `role: letter | response` gives a role without a partner.
 * A letter and a response side by side in a folder (letter.md / response.md, x-letter.md / x-response.md) are
 * never paired silently: the pairing is offered once, with a button.
 */
import * as vscode from 'vscode';
import {
  basename,
  dirname,
  displayName,
  exists,
  openDocument,
  peekFrontMatter,
  readText,
  resolveFrom,
  sameUri,
  workspaceMarkdownFiles,
} from './workspace';
import type { FrontMatter } from '../core/document/model';
import { conventionalNames, isLogName, looksLikeLog, roleFromName } from './conventions';

export type Role = 'letter' | 'response' | 'log' | 'document';

export interface RoleInfo {
  role: Role;
  /** The letter of a response, or the response of a letter. */
  partner?: vscode.Uri;
  /** How the partner is known. */
  pairedBy?: 'pairing' | 'front matter';
  frontMatter: FrontMatter;
  /** A `responds-to` that names a file which cannot be found (shown as an input warning). */
  missingPartner?: string;
  /** A `responds-to` naming a file outside the workspace, not read because the workspace is not trusted. */
  untrustedPartner?: string;
}

interface StoredPair {
  letter: string;
  response: string;
}

const PAIRS_KEY = 'counterpoint.pairs';
const DECLINED_KEY = 'counterpoint.declinedPairings';

export class Pairing implements vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<void>();
  /** Fired when pairs or the responds-to index change. */
  readonly onDidChange = this.#changed.event;
  /** response URI → letter URI, from `responds-to` front matter of workspace files and open documents. */
  readonly #respondsTo = new Map<string, string>();
  #indexed: Promise<void> | undefined;
  #indexDone = false;
  readonly #folders = new Map<string, Promise<void>>();
  readonly #reading = new Map<string, Promise<void>>();
  readonly #offered = new Set<string>();
  readonly #considered = new Set<string>();
  readonly #disposables: vscode.Disposable[] = [];

  constructor(private readonly state: vscode.Memento) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    this.#disposables.push(
      watcher,
      this.#changed,
      watcher.onDidCreate((uri) => void this.#indexFile(uri)),
      watcher.onDidChange((uri) => {
        if (!openDocument(uri)) void this.#indexFile(uri);
      }),
      watcher.onDidDelete((uri) => {
        if (this.#respondsTo.delete(uri.toString())) this.#changed.fire();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId !== 'markdown') return;
        if (e.contentChanges.some((c) => c.range.start.line < 60)) this.#indexText(e.document.uri, e.document.getText());
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.languageId === 'markdown') this.#indexText(d.uri, d.getText());
      }),
    );
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }

  /** Reads `responds-to` from every Markdown file of the workspace, once. */
  ensureIndexed(): Promise<void> {
    this.#indexed ??= (async () => {
      for (const d of vscode.workspace.textDocuments) if (d.languageId === 'markdown') this.#indexText(d.uri, d.getText(), false);
      const files = await workspaceMarkdownFiles();
      await Promise.all(files.filter((f) => !openDocument(f)).map((f) => this.#indexFile(f, false)));
      this.#indexDone = true;
      this.#changed.fire();
    })();
    return this.#indexed;
  }

  /**
   * Until the workspace index is ready, reads the `responds-to` of the Markdown files in one folder (where a
   * letter's response usually is), so a letter opened at start-up is paired on its first analysis.
   */
  async #ensureFolderIndexed(folder: vscode.Uri): Promise<void> {
    if (this.#indexDone) return;
    const key = folder.toString();
    let pending = this.#folders.get(key);
    if (!pending) {
      pending = (async () => {
        let entries: [string, vscode.FileType][] = [];
        try {
          entries = await vscode.workspace.fs.readDirectory(folder);
        } catch {
          return;
        }
        const files = entries.filter(([name, type]) => (type & vscode.FileType.File) !== 0 && /\.(md|markdown)$/i.test(name)).slice(0, 200);
        await Promise.all(files.map(([name]) => vscode.Uri.joinPath(folder, name)).filter((f) => !openDocument(f)).map((f) => this.#indexFile(f, false)));
      })();
      this.#folders.set(key, pending);
    }
    await pending;
  }

  /**
   * Reads one file's front matter into the index. The start-up reads (folder and workspace) of the same file
   * share one request; a read for a change on disk (`notify`) always reads afresh.
   */
  #indexFile(uri: vscode.Uri, notify = true): Promise<void> {
    if (notify) return readText(uri).then((src) => (src ? this.#indexText(uri, src.text, true) : undefined));
    const key = uri.toString();
    let pending = this.#reading.get(key);
    if (!pending) {
      pending = readText(uri)
        .then((src) => {
          if (src) this.#indexText(uri, src.text, false);
        })
        .finally(() => this.#reading.delete(key));
      this.#reading.set(key, pending);
    }
    return pending;
  }

  #indexText(uri: vscode.Uri, text: string, notify = true): void {
    const key = uri.toString();
    const fm = peekFrontMatter(text);
    const before = this.#respondsTo.get(key);
    const after = fm.respondsTo ? resolveFrom(uri, fm.respondsTo).toString() : undefined;
    if (before === after) return;
    if (after) this.#respondsTo.set(key, after);
    else this.#respondsTo.delete(key);
    if (notify) this.#changed.fire();
  }

  #pairs(): StoredPair[] {
    return this.state.get<StoredPair[]>(PAIRS_KEY, []);
  }

  /** Remembers that `response` answers `letter`, replacing any earlier pairing of either. */
  async pair(letter: vscode.Uri, response: vscode.Uri): Promise<void> {
    const l = letter.toString();
    const r = response.toString();
    const kept = this.#pairs().filter((p) => p.letter !== l && p.response !== r && p.letter !== r && p.response !== l);
    await this.state.update(PAIRS_KEY, [...kept, { letter: l, response: r }]);
    this.#changed.fire();
  }

  /** Forgets the pairing a document is part of. Returns false when it had none. */
  async unpair(uri: vscode.Uri): Promise<boolean> {
    const k = uri.toString();
    const pairs = this.#pairs();
    const kept = pairs.filter((p) => p.letter !== k && p.response !== k);
    if (kept.length === pairs.length) return false;
    await this.state.update(PAIRS_KEY, kept);
    this.#considered.clear();
    this.#changed.fire();
    return true;
  }

  storedPartner(uri: vscode.Uri): { role: 'letter' | 'response'; partner: vscode.Uri } | undefined {
    const k = uri.toString();
    for (const p of this.#pairs()) {
      if (p.response === k) return { role: 'response', partner: vscode.Uri.parse(p.letter) };
      if (p.letter === k) return { role: 'letter', partner: vscode.Uri.parse(p.response) };
    }
    return undefined;
  }

  /** A response that names this letter in its front matter. */
  #indexedResponse(letter: vscode.Uri): vscode.Uri | undefined {
    const k = letter.toString();
    for (const [response, l] of this.#respondsTo) if (l === k) return vscode.Uri.parse(response);
    return undefined;
  }

  /** The role of a document and its partner, from pairings, front matter and the documents that name it. */
  async roleOf(uri: vscode.Uri, text: string, usedAsLog = false): Promise<RoleInfo> {
    const frontMatter = peekFrontMatter(text);
    const stored = this.storedPartner(uri);
    const written = frontMatter.respondsTo ? resolveFrom(uri, frontMatter.respondsTo) : undefined;
    if (!stored && !written) await this.#ensureFolderIndexed(dirname(uri));
    const named = this.#indexedResponse(uri);
    let role: Role | undefined = frontMatter.role;
    role ??= stored?.role ?? (written ? 'response' : named ? 'letter' : undefined);
    if (!role && (usedAsLog || isLogName(basename(uri)) || looksLikeLog(text))) role = 'log';
    role ??= roleFromName(basename(uri)) ?? 'document';
    const info: RoleInfo = { role, frontMatter };
    if (role === 'response') {
      if (stored?.role === 'response') Object.assign(info, { partner: stored.partner, pairedBy: 'pairing' });
      else if (written) {
        // A document someone else wrote must not make an untrusted workspace read files outside it.
        if (!vscode.workspace.isTrusted && !vscode.workspace.getWorkspaceFolder(written)) info.untrustedPartner = frontMatter.respondsTo;
        else if (await exists(written)) Object.assign(info, { partner: written, pairedBy: 'front matter' });
        else info.missingPartner = frontMatter.respondsTo;
      }
    } else if (role === 'letter' || role === 'document') {
      if (stored?.role === 'letter') Object.assign(info, { role: 'letter', partner: stored.partner, pairedBy: 'pairing' });
      else if (named) Object.assign(info, { role: 'letter', partner: named, pairedBy: 'front matter' });
    }
    return info;
  }

  /**
   * When a letter and a response sit side by side by name and neither is paired, offers to pair them (once per
   * session; "Don't Ask Again" is remembered for the workspace). Never pairs without the user's click.
   */
  async offerConvention(document: vscode.TextDocument, info: RoleInfo): Promise<void> {
    if (info.partner || (info.role !== 'letter' && info.role !== 'response')) return;
    // Looked at once per document and session: the folder is not searched again on every keystroke.
    const self = document.uri.toString();
    if (this.#considered.has(self)) return;
    this.#considered.add(self);
    const counterpart = await conventionalCounterpart(document.uri, info.role);
    if (!counterpart) return;
    // Offer only what the whole workspace does not already settle (a responds-to elsewhere, a pairing).
    await this.ensureIndexed();
    if (document.isClosed || (await this.roleOf(document.uri, document.getText())).partner) return;
    const other = await readText(counterpart);
    const theirs = other ? peekFrontMatter(other.text) : undefined;
    // The counterpart answers another letter, or says it has the same role: not a pair.
    if (!theirs || theirs.respondsTo || theirs.role === info.role) return;
    const letter = info.role === 'letter' ? document.uri : counterpart;
    const response = info.role === 'letter' ? counterpart : document.uri;
    if (this.storedPartner(counterpart)) return;
    const key = `${letter.toString()}|${response.toString()}`;
    if (this.#offered.has(key) || this.state.get<string[]>(DECLINED_KEY, []).includes(key)) return;
    this.#offered.add(key);
    const pairIt = 'Pair Them';
    const never = "Don't Ask Again";
    const choice = await vscode.window.showInformationMessage(
      `Counterpoint: "${displayName(letter)}" and "${displayName(response)}" sit side by side. Compare them as a letter and its response?`,
      pairIt,
      'Not Now',
      never,
    );
    if (choice === pairIt) await this.pair(letter, response);
    else if (choice === never) await this.state.update(DECLINED_KEY, [...this.state.get<string[]>(DECLINED_KEY, []), key]);
  }
}

async function conventionalCounterpart(uri: vscode.Uri, role: 'letter' | 'response'): Promise<vscode.Uri | undefined> {
  const folder = dirname(uri);
  for (const name of conventionalNames(basename(uri), role)) {
    const candidate = vscode.Uri.joinPath(folder, name);
    if (!sameUri(candidate, uri) && (await exists(candidate))) return candidate;
  }
  return undefined;
}

interface PickItem extends vscode.QuickPickItem {
  uri?: vscode.Uri;
}

/** A quick pick of open Markdown documents and workspace Markdown files, the conventional counterpart first. */
export async function pickDocument(current: vscode.Uri, want: 'letter' | 'response'): Promise<vscode.Uri | undefined> {
  const seen = new Set<string>([current.toString()]);
  const counterpart = await conventionalCounterpart(current, want === 'response' ? 'letter' : 'response');
  const items: PickItem[] = [];
  const add = (uri: vscode.Uri, detail: string) => {
    const k = uri.toString();
    if (seen.has(k)) return;
    seen.add(k);
    const folder = displayName(dirname(uri));
    items.push({ label: `$(markdown) ${basename(uri)}`, description: folder === dirname(uri).toString() ? '' : folder, detail, uri });
  };
  if (counterpart) add(counterpart, 'Side by side with this document');
  const open = vscode.workspace.textDocuments.filter((d) => d.languageId === 'markdown' && !d.isClosed && d.uri.scheme !== 'output');
  if (open.length) items.push({ label: 'Open documents', kind: vscode.QuickPickItemKind.Separator });
  for (const d of open) add(d.uri, d.isDirty ? 'Open, with unsaved changes' : 'Open');
  const files = (await workspaceMarkdownFiles()).sort((a, b) => a.path.localeCompare(b.path));
  const before = items.length;
  for (const f of files) {
    if (seen.has(f.toString())) continue;
    if (items.length === before) items.push({ label: 'Workspace', kind: vscode.QuickPickItemKind.Separator });
    add(f, '');
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: want === 'response' ? `Pair ${basename(current)} with its response` : `Pair ${basename(current)} with the letter it answers`,
    placeHolder: want === 'response' ? 'Choose the union response to this letter' : 'Choose the letter this response answers',
    matchOnDescription: true,
  });
  return picked?.uri;
}

/** The document the user means: a URI passed to a command, else the active Markdown editor. */
export function targetDocument(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg.length > 0) return vscode.Uri.parse(arg);
  const editor = vscode.window.activeTextEditor;
  return editor && editor.document.languageId === 'markdown' ? editor.document.uri : undefined;
}

export function registerPairingCommands(pairing: Pairing): vscode.Disposable[] {
  const pairCommand = (want: 'letter' | 'response') => async (first?: unknown, second?: unknown) => {
    const current = targetDocument(first);
    if (!current) {
      void vscode.window.showInformationMessage('Counterpoint: open a Markdown letter or response first.');
      return undefined;
    }
    const other = second instanceof vscode.Uri || typeof second === 'string' ? targetDocument(second) : await pickDocument(current, want);
    if (!other) return undefined;
    if (sameUri(current, other)) {
      void vscode.window.showWarningMessage('Counterpoint: a document cannot be paired with itself.');
      return undefined;
    }
    const letter = want === 'response' ? current : other;
    const response = want === 'response' ? other : current;
    await pairing.pair(letter, response);
    const src = await readText(response);
    const written = src ? peekFrontMatter(src.text).respondsTo : undefined;
    const note = written && !sameUri(resolveFrom(response, written), letter) ? ` (this overrides "responds-to: ${written}" in its front matter, in this workspace only)` : '';
    vscode.window.setStatusBarMessage(`Counterpoint: ${basename(response)} now answers ${basename(letter)}${note}`, 5000);
    return { letter: letter.toString(), response: response.toString() };
  };
  return [
    vscode.commands.registerCommand('counterpoint.pairWithResponse', pairCommand('response')),
    vscode.commands.registerCommand('counterpoint.pairWithLetter', pairCommand('letter')),
    vscode.commands.registerCommand('counterpoint.unpair', async (arg?: unknown) => {
      const uri = targetDocument(arg);
      if (!uri) return false;
      const done = await pairing.unpair(uri);
      vscode.window.setStatusBarMessage(
        done ? `Counterpoint: ${basename(uri)} is no longer paired` : `Counterpoint: ${basename(uri)} was not paired by a command (check its front matter)`,
        5000,
      );
      return done;
    }),
  ];
}
