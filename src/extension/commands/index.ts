/**
 * Comparisons and notes: the commands, the report panel, the Explorer tree and the notes controller, wired to
 * the adapter's analysis service and pairing. Registered from `main.ts` with one call.
 *
 * Every command works from the Command Palette with nothing set up, asking with a quick pick (or an input box, or
 * a save dialog) for what it needs. Each also accepts its answers as arguments, which skips the prompts: the
 * integration tests use this, and so can keybindings or other extensions. Each returns a useful value:
 *
 *   counterpoint.compareWithResponse (letter?, response?)          → ReportModel (opens both side by side + report)
 *   counterpoint.showReport          (document?, partner?)         → ReportModel
 *   counterpoint.exportReport        ({ letter?, response?, format?: 'html' | 'markdown', target? } | document?)
 *                                                                   → the Uri written
 *   counterpoint.addAnnotation       ({ uri?, start?, end?, range?: [l, c, l, c], body? })
 *                                                                   → NoteInfo (see annotations/notes.ts)
 *   counterpoint.exportAnnotations   ({ target?, document? })       → the Uri written
 * Documents and targets may be given as a Uri, a URI string or an absolute path.
 *
 * Internal (hidden from the palette): counterpoint.revealRange (uri, startOffset, endOffset), the comment thread
 * menu commands (counterpoint.annotations.*), and for tests counterpoint.annotations.list / .reload,
 * counterpoint.report.state, counterpoint.report.message and counterpoint.comparisonTree.snapshot.
 */
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis-service';
import type { Pairing } from '../pairing';
import { Notes, type NoteInfo } from '../annotations/notes';
import type { AddAnnotationOptions } from '../annotations/add';
import { activeMarkdown, Comparisons, toUri } from '../report/comparison';
import type { ReportPanel } from '../report/panel';
import { revealOffsets } from '../report/reveal';
import { ComparisonTree, REVEAL_COMMAND } from '../tree/tree';
import { features, loaded } from '../lazy/load';
import type { ReportModel } from '../../core/report/model';

export const COMMANDS = {
  compareWith: 'counterpoint.compareWithResponse',
  showReport: 'counterpoint.showReport',
  exportReport: 'counterpoint.exportReport',
  addAnnotation: 'counterpoint.addAnnotation',
  exportAnnotations: 'counterpoint.exportAnnotations',
  reveal: REVEAL_COMMAND,
  refreshTree: 'counterpoint.comparisonTree.refresh',
} as const;

export interface ComparisonDeps {
  service: AnalysisService;
  pairing: Pairing;
  output?: vscode.LogOutputChannel;
}

export function registerComparisonFeatures(context: vscode.ExtensionContext, deps: ComparisonDeps): void {
  const { service, pairing, output } = deps;
  const notes = new Notes(output);
  const comparisons = new Comparisons(service, pairing, notes, output);
  const tree = new ComparisonTree(comparisons, service, notes);
  const showPanel = async (c: Parameters<typeof ReportPanel.show>[4], column?: vscode.ViewColumn) => (await features()).ReportPanel.show(context.extensionUri, comparisons, service, notes, c, column);
  /** The open report, if any (there is none before the features are loaded). */
  const activeReport = () => loaded()?.ReportPanel.active;

  /** Runs a command; a failure is shown in plain words and logged, and the command returns undefined. */
  const guarded =
    <A extends unknown[], R>(what: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await fn(...args);
      } catch (error) {
        const message = (error as Error)?.message ?? String(error);
        output?.error(`${what} failed: ${(error as Error)?.stack ?? message}`);
        void vscode.window.showErrorMessage(`Counterpoint: could not ${what}: ${message}`);
        return undefined;
      }
    };

  const register = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn as (...args: unknown[]) => unknown));

  context.subscriptions.push(notes, tree);

  register(
    COMMANDS.compareWith,
    guarded('compare the letter with its response', async (letter?: unknown, response?: unknown): Promise<ReportModel | undefined> => {
      const c = await comparisons.resolve(letter, response, { forcePick: !(toUri(letter) && toUri(response)) });
      if (!c) return undefined;
      await vscode.window.showTextDocument(c.letter.uri, { viewColumn: vscode.ViewColumn.One, preview: false, preserveFocus: true });
      await vscode.window.showTextDocument(c.response.uri, { viewColumn: vscode.ViewColumn.Two, preview: false, preserveFocus: true });
      tree.follow(c.letter.uri);
      const panel = await showPanel(c, vscode.ViewColumn.Three);
      return panel.model;
    }),
  );

  register(
    COMMANDS.showReport,
    guarded('show the comparison report', async (document?: unknown, partner?: unknown): Promise<ReportModel | undefined> => {
      const first = toUri(document);
      const c = first && toUri(partner) ? await comparisons.of(first, toUri(partner)!) : await comparisons.resolve(first);
      if (!c) return undefined;
      tree.follow(c.letter.uri);
      const panel = await showPanel(c, vscode.ViewColumn.Beside);
      return panel.model;
    }),
  );

  register(
    COMMANDS.exportReport,
    guarded('export the comparison report', async (options?: unknown): Promise<vscode.Uri | undefined> => {
      const o = options instanceof vscode.Uri || typeof options === 'string' ? { letter: options } : ((options ?? {}) as { letter?: unknown; response?: unknown; format?: unknown; target?: unknown });
      const panelComparison = !o.letter && !activeMarkdown() ? activeReport()?.comparison : undefined;
      const c = panelComparison ?? (await comparisons.resolve(o.letter, o.response));
      if (!c) return undefined;
      const [model, { exportReport }] = await Promise.all([comparisons.model(c), features()]);
      return exportReport(c, model, { format: o.format, target: o.target });
    }),
  );

  register(
    COMMANDS.addAnnotation,
    guarded('add the note', async (options?: unknown): Promise<NoteInfo | undefined> => {
      const o = (options instanceof vscode.Uri ? { uri: options } : (options ?? {})) as AddAnnotationOptions & { uri?: unknown };
      const uri = toUri(o.uri) ?? activeMarkdown();
      return (await features()).addAnnotation(notes, uri, o);
    }),
  );

  register(
    COMMANDS.exportAnnotations,
    guarded('export the notes', async (options?: unknown): Promise<vscode.Uri | undefined> => {
      const o = (options instanceof vscode.Uri ? { document: options } : (options ?? {})) as { target?: unknown; document?: unknown };
      return (await features()).exportAnnotations(notes, o);
    }),
  );

  register(
    COMMANDS.reveal,
    guarded('show the passage', async (uri?: unknown, start?: unknown, end?: unknown): Promise<string | undefined> => {
      const target = toUri(uri);
      if (!target || typeof start !== 'number' || typeof end !== 'number') return undefined;
      const panel = activeReport();
      const concerns = panel && [panel.comparison.letter.uri.toString(), panel.comparison.response.uri.toString()].includes(target.toString());
      const doc = concerns ? (panel.comparison.letter.uri.toString() === target.toString() ? 'letter' : 'response') : undefined;
      const editor = doc && panel ? await panel.reveal(doc, start, end) : await revealOffsets(target, start, end);
      return editor.document.uri.toString();
    }),
  );

  register(COMMANDS.refreshTree, async () => {
    await tree.refresh();
  });

  // The comment thread's own buttons (package.json menus: comments/commentThread/context, …/title, comments/comment/*).
  register('counterpoint.annotations.create', guarded('add the note', (reply: vscode.CommentReply) => notes.createFromThread(reply)));
  register('counterpoint.annotations.reply', guarded('add the reply', (reply: vscode.CommentReply | { id: string; text: string }) => notes.reply(reply)));
  register('counterpoint.annotations.resolve', guarded('resolve the note', (thread: vscode.CommentThread | string) => notes.setStatus(thread, 'resolved')));
  register('counterpoint.annotations.reopen', guarded('reopen the note', (thread: vscode.CommentThread | string) => notes.setStatus(thread, 'open')));
  register('counterpoint.annotations.delete', guarded('delete the note', (thread: vscode.CommentThread | string) => notes.deleteNote(thread)));
  register('counterpoint.annotations.deleteComment', guarded('delete the comment', (comment: vscode.Comment) => notes.deleteComment(comment)));
  register('counterpoint.annotations.editComment', (comment: vscode.Comment) => notes.editComment(comment));
  register('counterpoint.annotations.saveComment', guarded('save the comment', (comment: vscode.Comment) => notes.saveComment(comment)));
  register('counterpoint.annotations.cancelEdit', (comment: vscode.Comment) => notes.cancelEdit(comment));

  // For tests: what the features hold, in plain data.
  register('counterpoint.annotations.list', async () => notes.list());
  register('counterpoint.annotations.reload', async () => notes.reload());
  register('counterpoint.annotations.corrupt', async () => notes.corrupt.map((c) => ({ movedTo: c.movedTo.toString(), error: c.error })));
  register('counterpoint.report.state', async () => {
    const p = activeReport();
    return p ? { model: p.model, html: p.panel.webview.html, visible: p.panel.visible, options: p.panel.webview.options, received: p.received, letter: p.comparison.letter.uri.toString(), response: p.comparison.response.uri.toString() } : undefined;
  });
  register('counterpoint.report.message', async (message: unknown) => {
    const p = activeReport();
    if (!p) return undefined;
    // The same path a click in the webview takes (postMessage → reveal), for tests that cannot click.
    const m = message as { type?: string; doc?: 'letter' | 'response'; start?: number; end?: number };
    if (m?.type === 'reveal' && (m.doc === 'letter' || m.doc === 'response') && typeof m.start === 'number' && typeof m.end === 'number') {
      const editor = await p.reveal(m.doc, m.start, m.end);
      return { uri: editor.document.uri.toString(), start: editor.document.offsetAt(editor.selection.start), end: editor.document.offsetAt(editor.selection.end) };
    }
    return undefined;
  });
  register('counterpoint.comparisonTree.snapshot', async () => ({ items: await tree.snapshot(), visible: tree.view.visible, computations: tree.computations }));
  register('counterpoint.comparisonTree.stats', async () => ({ visible: tree.view.visible, computations: tree.computations }));
}
