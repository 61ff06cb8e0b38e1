/**
 * The summary of changes between two versions of a letter, in a webview beside VS Code's diff editor. Same
 * approach as the comparison report: a strict Content-Security-Policy with a fresh nonce for its one stylesheet
 * and its one click-to-reveal script, no local or remote resources, every document string escaped by the
 * renderer. It follows edits to either version and renders again.
 */
import * as vscode from 'vscode';
import { diff } from '../../core/analyse';
import type { DiffResult } from '../../core/contract';
import { renderVersionsHtml, type VersionRole } from '../../core/report/versions-html';
import { nonce } from '../report/panel';
import { revealOffsets } from '../report/reveal';
import { basename, displayName, readText, sameUri } from '../workspace';

export const VERSIONS_VIEW_TYPE = 'counterpoint.versions';

/** Diffs the two versions as they are now (open buffers preferred to the files). */
export async function diffVersions(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<DiffResult> {
  const [a, b] = await Promise.all([readText(oldUri), readText(newUri)]);
  if (!a) throw new Error(`cannot read ${displayName(oldUri)}`);
  if (!b) throw new Error(`cannot read ${displayName(newUri)}`);
  return diff({ path: displayName(oldUri), text: a.text }, { path: displayName(newUri), text: b.text });
}

export class VersionsPanel implements vscode.Disposable {
  private static current: VersionsPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  result: DiffResult | undefined;
  /** Messages the webview sent (for tests). */
  readonly received: unknown[] = [];

  static get active(): VersionsPanel | undefined {
    return VersionsPanel.current;
  }

  /** Shows the summary of `oldUri` → `newUri`, reusing the open panel. */
  static async show(oldUri: vscode.Uri, newUri: vscode.Uri, result: DiffResult, column: vscode.ViewColumn = vscode.ViewColumn.Beside): Promise<VersionsPanel> {
    const existing = VersionsPanel.current;
    if (existing) {
      existing.oldUri = oldUri;
      existing.newUri = newUri;
      existing.panel.reveal(existing.panel.viewColumn ?? column, true);
      existing.render(result);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(VERSIONS_VIEW_TYPE, 'Changes', { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      localResourceRoots: [],
      retainContextWhenHidden: false,
    });
    const view = new VersionsPanel(panel, oldUri, newUri);
    VersionsPanel.current = view;
    view.render(result);
    return view;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    public oldUri: vscode.Uri,
    public newUri: vscode.Uri,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => void this.onMessage(m)),
      panel.onDidChangeViewState((e) => {
        // A hidden webview is discarded; when it is shown again, give it the page again.
        if (e.webviewPanel.visible && this.result) this.render(this.result);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.concerns(e.document.uri)) this.schedule();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.concerns(d.uri)) this.schedule(0);
      }),
    );
  }

  private concerns(uri: vscode.Uri): boolean {
    return sameUri(uri, this.oldUri) || sameUri(uri, this.newUri);
  }

  private schedule(delay = 400): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh().catch(() => undefined);
    }, delay);
  }

  /** Diffs the two versions again and shows the result. */
  async refresh(): Promise<DiffResult> {
    const generation = ++this.generation;
    const result = await diffVersions(this.oldUri, this.newUri);
    if (generation === this.generation) this.render(result);
    return result;
  }

  render(result: DiffResult): void {
    this.result = result;
    this.panel.title = `Changes: ${basename(this.oldUri)} ↔ ${basename(this.newUri)}`;
    const webview = this.panel.webview;
    webview.html = renderVersionsHtml(result, { mode: 'webview', cspSource: webview.cspSource, nonce: nonce() }, { oldName: basename(this.oldUri), newName: basename(this.newUri) });
  }

  dispose(): void {
    if (VersionsPanel.current === this) VersionsPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }

  private async onMessage(message: unknown): Promise<void> {
    this.received.push(message);
    if (!message || typeof message !== 'object') return;
    const m = message as { type?: unknown; doc?: unknown; start?: unknown; end?: unknown };
    if (m.type !== 'reveal') return;
    if ((m.doc !== 'old' && m.doc !== 'new') || !Number.isInteger(m.start) || !Number.isInteger(m.end)) return;
    await this.reveal(m.doc, m.start as number, m.end as number);
  }

  /**
   * Shows a span of the old or the new version: in the diff editor's own side when it is visible (so the diff
   * stays in view), else in an editor of its own.
   */
  async reveal(doc: VersionRole, start: number, end: number): Promise<vscode.TextEditor> {
    const uri = doc === 'old' ? this.oldUri : this.newUri;
    const visible = vscode.window.visibleTextEditors.find((e) => sameUri(e.document.uri, uri));
    if (visible) {
      const length = visible.document.getText().length;
      const s = Math.max(0, Math.min(start, length));
      const e = Math.max(s, Math.min(end, length));
      const range = new vscode.Range(visible.document.positionAt(s), visible.document.positionAt(e));
      visible.selection = new vscode.Selection(range.start, range.end);
      visible.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return visible;
    }
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    return revealOffsets(uri, start, end, column);
  }
}
