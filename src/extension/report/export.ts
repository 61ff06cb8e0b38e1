/**
 * Saving the comparison report (self-contained HTML or Markdown) and the notes (W3C Web Annotation JSON-LD)
 * where the user chooses, through `vscode.workspace.fs`.
 */
import * as vscode from 'vscode';
import { renderReportHtml } from '../../core/report/html';
import { reportMarkdown } from '../../core/report/markdown';
import type { ReportModel } from '../../core/report/model';
import { toWebAnnotations, type WebAnnotationCollection, ANNO_CONTEXT } from '../../core/annotations/w3c';
import type { Notes } from '../annotations/notes';
import { basename, dirname, displayName } from '../workspace';
import type { Comparison } from './comparison';
import { toUri } from './comparison';

export type ReportFormat = 'html' | 'markdown';

const encoder = new TextEncoder();

export function renderReport(model: ReportModel, format: ReportFormat): string {
  return format === 'html' ? renderReportHtml(model, { mode: 'export' }) : reportMarkdown(model);
}

export async function pickFormat(): Promise<ReportFormat | undefined> {
  const items: Array<vscode.QuickPickItem & { format: ReportFormat }> = [
    { label: '$(globe) HTML page', description: 'one self-contained file: opens in any browser, prints well, runs no scripts', format: 'html' },
    { label: '$(markdown) Markdown', description: 'tables to paste into a reply or keep beside the letters', format: 'markdown' },
  ];
  return (await vscode.window.showQuickPick(items, { title: 'Export the comparison report', placeHolder: 'Choose a format' }))?.format;
}

function stem(uri: vscode.Uri): string {
  return basename(uri).replace(/\.(md|markdown)$/i, '');
}

/** Writes the report; asks for the format and the place unless given. Returns the file written. */
export async function exportReport(comparison: Comparison, model: ReportModel, options: { format?: unknown; target?: unknown } = {}): Promise<vscode.Uri | undefined> {
  const format: ReportFormat | undefined = options.format === 'html' || options.format === 'markdown' ? options.format : await pickFormat();
  if (!format) return undefined;
  const ext = format === 'html' ? 'html' : 'md';
  let target = toUri(options.target);
  if (!target) {
    target = await vscode.window.showSaveDialog({
      title: 'Export the comparison report',
      saveLabel: 'Export',
      defaultUri: vscode.Uri.joinPath(dirname(comparison.letter.uri), `${stem(comparison.letter.uri)}-comparison.${ext}`),
      filters: format === 'html' ? { 'HTML page': ['html', 'htm'] } : { Markdown: ['md', 'markdown'] },
    });
    if (!target) return undefined;
  }
  await vscode.workspace.fs.writeFile(target, encoder.encode(renderReport(model, format)));
  const open = 'Open';
  void vscode.window.showInformationMessage(`Counterpoint: comparison report saved as ${displayName(target)}.`, open).then(async (choice) => {
    if (choice !== open || !target) return;
    if (format === 'html') await vscode.env.openExternal(target);
    else await vscode.window.showTextDocument(target, { preview: true });
  });
  return target;
}

/** Every note of the workspace (or of one document) as one W3C AnnotationCollection. */
export async function annotationCollection(notes: Notes, document?: vscode.Uri): Promise<WebAnnotationCollection> {
  const groups = document ? [{ base: document, annotations: await notes.annotationsFor(document), single: true }] : (await notes.all()).map((g) => ({ ...g, single: false }));
  const items = groups.flatMap((g) =>
    toWebAnnotations(g.annotations, { sourceIri: (s) => (g.single ? g.base.toString() : vscode.Uri.joinPath(g.base, ...s.split('/')).toString()) }),
  );
  return {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: document ? `Counterpoint notes on ${displayName(document)}` : 'Counterpoint notes',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

export async function exportAnnotations(notes: Notes, options: { target?: unknown; document?: unknown } = {}): Promise<vscode.Uri | undefined> {
  const document = toUri(options.document);
  const collection = await annotationCollection(notes, document);
  if (collection.total === 0) {
    void vscode.window.showInformationMessage(
      document ? `Counterpoint: ${displayName(document)} has no notes to export.` : 'Counterpoint: there are no notes to export yet. Select a passage and run "Counterpoint: Add Annotation…".',
    );
    if (!options.target) return undefined;
  }
  let target = toUri(options.target);
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? (document ? dirname(document) : undefined);
    target = await vscode.window.showSaveDialog({
      title: 'Export notes as W3C Web Annotations',
      saveLabel: 'Export',
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, document ? `${stem(document)}-notes.jsonld` : 'counterpoint-notes.jsonld') } : {}),
      filters: { 'Web Annotations (JSON-LD)': ['jsonld', 'json'] },
    });
    if (!target) return undefined;
  }
  await vscode.workspace.fs.writeFile(target, encoder.encode(JSON.stringify(collection, null, 2) + '\n'));
  void vscode.window.showInformationMessage(`Counterpoint: ${collection.total} annotation${collection.total === 1 ? '' : 's'} (notes and replies) exported as ${displayName(target)}.`);
  return target;
}
