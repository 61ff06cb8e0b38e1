/**
 * What two of the quick fixes of code-actions.ts do (loaded on first use with the other features in
 * src/extension/lazy/): add a consultation-log entry for a claim, and silence a finding with a reason.
 */
import * as vscode from 'vscode';
import type { AnalysisService } from './analysis-service';
import { blockAt } from './code-actions';
import { openBeside } from './commands';
import { containerPrefix, directive, formatRow, guessForum, guessTopic, guessUnions, insertRow, newLog, rowDate } from './log-entry';
import { basename, dirname, exists, openDocument } from './workspace';

async function documentFor(uri: unknown): Promise<vscode.TextDocument | undefined> {
  const u = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
  if (!u) return undefined;
  return openDocument(u) ?? (await vscode.workspace.openTextDocument(u));
}

/** Appends a row for the claim at `offset` to the consultation log, as one undoable edit, and opens the log. */
export async function addLogEntry(service: AnalysisService, uri: unknown, offset: unknown): Promise<{ log: string; row: string } | undefined> {
  const document = await documentFor(uri);
  if (!document || typeof offset !== 'number') return undefined;
  const analysis = await service.get(document);
  const claim = analysis?.claims.find((c) => c.position.start.offset === offset);
  if (!analysis || !claim) {
    void vscode.window.showWarningMessage('Counterpoint: that claim has changed since the fix was offered; try again.');
    return undefined;
  }
  const letter = analysis.letter ?? { uri: analysis.uri, doc: analysis.doc };
  const logUri = analysis.log?.uri ?? vscode.Uri.joinPath(dirname(letter.uri), 'consultation-log.md');
  const aim = analysis.role.role === 'letter' ? analysis.aims.find((a) => a.position.start.offset <= offset && offset < a.position.end.offset) : undefined;
  const title = letter.doc.frontMatter.title ?? letter.doc.blocks.find((b) => b.kind === 'heading')?.text;
  const row = formatRow({
    date: rowDate(letter.doc.frontMatter.date),
    forum: guessForum(claim.text),
    topic: guessTopic(claim.text, aim?.title, title),
    unions: guessUnions(claim.text),
    outcome: claim.rung,
    reference: '',
  });
  const edit = new vscode.WorkspaceEdit();
  let rowStart: vscode.Position;
  if (await exists(logUri)) {
    const log = await vscode.workspace.openTextDocument(logUri);
    const ins = insertRow(log.getText(), row);
    edit.insert(logUri, log.positionAt(ins.offset), ins.text);
    const before = log.getText().slice(0, ins.offset) + ins.text.slice(0, ins.rowOffset - ins.offset);
    const lines = before.split(/\r\n|\r|\n/);
    rowStart = new vscode.Position(lines.length - 1, lines[lines.length - 1].length);
  } else {
    const text = newLog(row);
    edit.createFile(logUri, { ignoreIfExists: true });
    edit.insert(logUri, new vscode.Position(0, 0), text);
    rowStart = new vscode.Position(text.split('\n').length - 2, 0);
  }
  const ok = await vscode.workspace.applyEdit(edit, { isRefactoring: false });
  if (!ok) {
    void vscode.window.showErrorMessage(`Counterpoint: could not add a row to ${basename(logUri)}.`);
    return undefined;
  }
  // Select the Reference cell: the one thing only the user can fill in.
  const refCol = rowStart.character + row.lastIndexOf('|', row.length - 2) + 2;
  await openBeside(logUri, new vscode.Range(rowStart.line, refCol, rowStart.line, refCol));
  return { log: logUri.toString(), row };
}

/**
 * Inserts `<!-- counterpoint-disable-next-line <rule> -- <reason> -->` above the block at `offset` (for a table
 * row, a disable/enable pair around the table), asking for the reason unless one is given.
 */
export async function silence(service: AnalysisService, uri: unknown, rule: unknown, offset: unknown, givenReason?: unknown): Promise<boolean> {
  const document = await documentFor(uri);
  if (!document || typeof rule !== 'string' || typeof offset !== 'number') return false;
  const analysis = await service.get(document);
  if (!analysis) return false;
  let reason = typeof givenReason === 'string' ? givenReason : undefined;
  reason ??= await vscode.window.showInputBox({
    title: `Silence ${rule}`,
    prompt: 'Why is this not a problem? The reason stays in the document, for whoever reads it next.',
    placeHolder: 'For example: minutes of the 3 July meeting are in annex B',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim().length < 3 ? 'Give a reason in a few words.' : undefined),
  });
  if (!reason || reason.trim().length === 0) return false;
  const block = blockAt(analysis, offset);
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const edit = new vscode.WorkspaceEdit();
  if (block?.kind === 'tableRow') {
    const blocks = analysis.doc.blocks;
    let first = block.index;
    while (first > 0 && blocks[first - 1].kind === 'tableRow' && blocks[first - 1].position.end.line >= blocks[first].position.start.line - 2) first--;
    let last = block.index;
    while (last + 1 < blocks.length && blocks[last + 1].kind === 'tableRow' && blocks[last + 1].position.start.line <= blocks[last].position.end.line + 2) last++;
    const top = blocks[first].position.start.line - 1;
    const bottom = blocks[last].position.end.line - 1;
    const prefix = containerPrefix(document.lineAt(top).text);
    const open = directive(rule, reason).replace('counterpoint-disable-next-line', 'counterpoint-disable');
    edit.insert(document.uri, new vscode.Position(top, 0), `${prefix}${open}${eol}`);
    edit.insert(document.uri, document.lineAt(bottom).range.end, `${eol}${prefix}<!-- counterpoint-enable ${rule} -->`);
  } else {
    const line = block ? block.position.start.line - 1 : document.positionAt(offset).line;
    const prefix = containerPrefix(document.lineAt(line).text);
    edit.insert(document.uri, new vscode.Position(line, 0), `${prefix}${directive(rule, reason)}${eol}`);
  }
  return vscode.workspace.applyEdit(edit);
}
