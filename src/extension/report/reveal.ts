/**
 * Showing a span of a document from a report page or the Explorer tree (kept apart from the panels, which load on
 * first use: the tree's items use it from the start).
 */
import * as vscode from 'vscode';

/** Opens `uri` with [start, end) selected and in view, in the editor group already showing it if there is one. */
export async function revealOffsets(uri: vscode.Uri, start: number, end: number, fallback: vscode.ViewColumn = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
  const s = Math.max(0, Math.min(start, document.getText().length));
  const e = Math.max(s, Math.min(end, document.getText().length));
  const range = new vscode.Range(document.positionAt(s), document.positionAt(e));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? fallback, selection: range, preserveFocus: false, preview: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
