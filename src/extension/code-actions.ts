/**
 * Quick fixes for Counterpoint's diagnostics:
 * - "Add a consultation-log entry for this claim": appends a pre-filled row to the letter's consultation log
 *   (creating consultation-log.md beside the letter if there is none) as one undoable edit, then opens it;
 * - "Silence with a reason…": asks for the reason and inserts a counterpoint-disable-next-line comment above
 *   the block, as one undoable edit;
 * - "Open the disputing passage to the side", "Open the answer to the side", "Open the response to the side".
 */
import * as vscode from 'vscode';
import type { Analysis, AnalysisService } from './analysis-service';
import { claimAt, disputedLocation, ruleOf } from './diagnostics';
import { contains, toRange } from './positions';
import { ADD_LOG_ENTRY, OPEN_BESIDE, SILENCE, locationArgs, openBeside } from './commands';
import { containerPrefix, directive, formatRow, guessForum, guessTopic, guessUnions, insertRow, newLog, rowDate } from './log-entry';
import { basename, dirname, exists, openDocument } from './workspace';
import type { Block } from '../core/document/model';

const CLAIM_RULES = new Set(['unevidenced-claim', 'overstated-claim', 'disputed-claim']);
const SILENCEABLE = new Set([...CLAIM_RULES, 'unanswered-aim']);

export class CodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly service: AnalysisService) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const ours = context.diagnostics.filter((d) => ruleOf(d) !== undefined);
    const analysis = await this.service.get(document);
    if (!analysis || token.isCancellationRequested) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of ours) {
      const rule = ruleOf(d)!;
      const claim = CLAIM_RULES.has(rule) ? claimAt(analysis, document.offsetAt(d.range.start), document.offsetAt(d.range.end)) : undefined;
      if (claim && (rule === 'unevidenced-claim' || rule === 'overstated-claim')) {
        const a = new vscode.CodeAction('Add a consultation-log entry for this claim', vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.command = { title: a.title, command: ADD_LOG_ENTRY, arguments: [document.uri.toString(), claim.position.start.offset] };
        actions.push(a);
      }
      if (claim && rule === 'disputed-claim') {
        const where = disputedLocation(analysis, claim);
        if (where) {
          const a = new vscode.CodeAction('Open the disputing passage to the side', vscode.CodeActionKind.QuickFix);
          a.diagnostics = [d];
          a.command = { title: a.title, command: OPEN_BESIDE, arguments: locationArgs(where) };
          actions.push(a);
        }
      }
      if (rule === 'unanswered-aim' && analysis.response) {
        const a = new vscode.CodeAction('Open the response to the side', vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.command = { title: a.title, command: OPEN_BESIDE, arguments: [analysis.response.uri.toString()] };
        actions.push(a);
      }
      if (SILENCEABLE.has(rule)) {
        const block = blockAt(analysis, document.offsetAt(d.range.start));
        const a = new vscode.CodeAction(block?.kind === 'tableRow' ? 'Silence in this table with a reason…' : 'Silence with a reason…', vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.command = { title: a.title, command: SILENCE, arguments: [document.uri.toString(), rule, document.offsetAt(d.range.start)] };
        actions.push(a);
      }
    }
    // An answered aim under the cursor: open its answer, with or without a diagnostic.
    if (analysis.role.role === 'letter' && analysis.paired && analysis.response) {
      for (const aim of analysis.aims) {
        if (!contains(aim.position, range.start)) continue;
        const passage = analysis.alignments.get(aim.id)?.passages[0];
        if (!passage) continue;
        const a = new vscode.CodeAction('Open the answer to the side', vscode.CodeActionKind.QuickFix);
        a.command = {
          title: a.title,
          command: OPEN_BESIDE,
          arguments: locationArgs(new vscode.Location(analysis.response.uri, toRange(passage.position))),
        };
        actions.push(a);
      }
    }
    return actions;
  }
}

function blockAt(analysis: Analysis, offset: number): Block | undefined {
  const blocks = analysis.doc.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  let found: Block | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].span.start <= offset) {
      found = blocks[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Blocks are in document order, but a list item's paragraph starts after its marker: prefer the block holding the offset.
  return found && offset <= found.span.end ? found : blocks.find((b) => b.span.start <= offset && offset <= b.span.end);
}

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

export function registerCodeActionCommands(service: AnalysisService): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(ADD_LOG_ENTRY, (uri: unknown, offset: unknown) => addLogEntry(service, uri, offset)),
    vscode.commands.registerCommand(SILENCE, (uri: unknown, rule: unknown, offset: unknown, reason?: unknown) => silence(service, uri, rule, offset, reason)),
  ];
}
