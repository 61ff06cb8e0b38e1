/**
 * The comparison report as a webview panel: the same view model and HTML as the exported report, with VS Code's
 * theme colours, a strict Content-Security-Policy (a fresh nonce for its one stylesheet and its one script), no
 * remote resources, `localResourceRoots` limited to the extension's media folder, and scripts enabled only for
 * click-to-reveal. It follows edits to either document (and to their notes) and updates in place.
 */
import * as vscode from 'vscode';
import { renderReportBody, renderReportHtml } from '../../core/report/html';
import type { DocRole, ReportModel } from '../../core/report/model';
import type { AnalysisService } from '../analysis-service';
import type { Notes } from '../annotations/notes';
import { basename } from '../workspace';
import { revealOffsets } from './reveal';
import type { Comparison, Comparisons } from './comparison';

export const REPORT_VIEW_TYPE = 'counterpoint.report';

export function nonce(): string {
  const bytes = new Uint8Array(18);
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/[+/=]/g, (ch) => (ch === '+' ? '-' : ch === '/' ? '_' : ''));
}

export class ReportPanel implements vscode.Disposable {
  private static current: ReportPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  model: ReportModel | undefined;
  /** Messages the webview sent (for tests: the click-to-reveal round trip). */
  readonly received: unknown[] = [];

  static get active(): ReportPanel | undefined {
    return ReportPanel.current;
  }

  /** Shows the report of a comparison, reusing the open panel. */
  static async show(
    extensionUri: vscode.Uri,
    comparisons: Comparisons,
    service: AnalysisService,
    notes: Notes,
    comparison: Comparison,
    column: vscode.ViewColumn = vscode.ViewColumn.Beside,
  ): Promise<ReportPanel> {
    const existing = ReportPanel.current;
    if (existing) {
      existing.comparison = comparison;
      existing.panel.reveal(column === vscode.ViewColumn.Beside ? existing.panel.viewColumn : column, false);
      await existing.render(true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Comparison report', { viewColumn: column, preserveFocus: false }, {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
      retainContextWhenHidden: false,
    });
    const report = new ReportPanel(panel, comparisons, service, notes, comparison);
    ReportPanel.current = report;
    await report.render(true);
    return report;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly comparisons: Comparisons,
    service: AnalysisService,
    notes: Notes,
    public comparison: Comparison,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => void this.onMessage(m)),
      panel.onDidChangeViewState((e) => {
        // A hidden webview is discarded; when it is shown again, give it the whole page, up to date.
        if (e.webviewPanel.visible) this.schedule(0, true);
      }),
      service.onDidAnalyse((a) => {
        if (this.concerns(a.uri)) this.schedule();
      }),
      notes.onDidChange((uri) => {
        if (!uri || this.concerns(uri)) this.schedule();
      }),
    );
  }

  private concerns(uri: vscode.Uri): boolean {
    const k = uri.toString();
    return k === this.comparison.letter.uri.toString() || k === this.comparison.response.uri.toString();
  }

  dispose(): void {
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }

  private pendingFull = false;

  private schedule(delay = 300, full = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.pendingFull ||= full;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const whole = this.pendingFull;
      this.pendingFull = false;
      void this.render(whole, true).catch(() => undefined);
    }, delay);
  }

  /**
   * Shows the report: the whole page when `full` (or when the panel is hidden), else the content in place, so
   * the reader keeps their scroll position while the documents are edited. `recompute` analyses again first.
   */
  async render(full: boolean, recompute = false): Promise<ReportModel> {
    const generation = ++this.generation;
    if (recompute) this.comparison = await this.comparisons.of(this.comparison.letter.uri, this.comparison.response.uri);
    const model = await this.comparisons.model(this.comparison);
    if (generation !== this.generation) return model;
    this.model = model;
    this.panel.title = `Report: ${basename(this.comparison.letter.uri)}`;
    const webview = this.panel.webview;
    if (full || !this.panel.visible) {
      webview.html = renderReportHtml(model, { mode: 'webview', cspSource: webview.cspSource, nonce: nonce() });
    } else {
      void webview.postMessage({ type: 'update', html: renderReportBody(model, { mode: 'webview', cspSource: webview.cspSource, nonce: '' }) });
    }
    return model;
  }

  private async onMessage(message: unknown): Promise<void> {
    this.received.push(message);
    if (!message || typeof message !== 'object') return;
    const m = message as { type?: unknown; doc?: unknown; start?: unknown; end?: unknown };
    if (m.type !== 'reveal') return;
    if ((m.doc !== 'letter' && m.doc !== 'response') || !Number.isInteger(m.start) || !Number.isInteger(m.end)) return;
    await this.reveal(m.doc, m.start as number, m.end as number);
  }

  /** Shows a span of the letter or the response beside the report. */
  reveal(doc: DocRole, start: number, end: number): Promise<vscode.TextEditor> {
    const uri = doc === 'letter' ? this.comparison.letter.uri : this.comparison.response.uri;
    const reportColumn = this.panel.viewColumn ?? vscode.ViewColumn.Three;
    const fallback = doc === 'letter' ? vscode.ViewColumn.One : vscode.ViewColumn.Two;
    return revealOffsets(uri, start, end, fallback === reportColumn ? vscode.ViewColumn.Beside : fallback);
  }
}
