/**
 * Small commands the other features link to: open a location beside the current editor, open a rule's docs
 * page, and the internal ids they share. Arguments are plain JSON (strings and numbers) so hovers can pass them.
 */
import * as vscode from 'vscode';
import { RULES, type RuleId } from '../core/rules';
import { exists } from './workspace';

export const OPEN_BESIDE = 'counterpoint.openBeside';
export const OPEN_RULE_DOCS = 'counterpoint.openRuleDocs';
export const PAIR_WITH_RESPONSE = 'counterpoint.pairWithResponse';
export const PAIR_WITH_LETTER = 'counterpoint.pairWithLetter';
export const ADD_LOG_ENTRY = 'counterpoint.addLogEntry';
export const SILENCE = 'counterpoint.silence';
export const SHOW_DETAILS = 'counterpoint.showDetails';

/** [uri, startLine, startCharacter, endLine, endCharacter] */
export type LocationArgs = [string, number, number, number, number];

export function locationArgs(location: vscode.Location): LocationArgs {
  const r = location.range;
  return [location.uri.toString(), r.start.line, r.start.character, r.end.line, r.end.character];
}

/** Opens a document beside the active editor with the range selected and in view. */
export async function openBeside(uri: vscode.Uri, range?: vscode.Range): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri, {
    viewColumn: vscode.ViewColumn.Beside,
    preview: true,
    preserveFocus: false,
    ...(range ? { selection: range } : {}),
  });
  if (range) editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function registerCommonCommands(extensionUri: vscode.Uri): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(OPEN_BESIDE, async (uri: unknown, sl?: number, sc?: number, el?: number, ec?: number) => {
      const target = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
      if (!target) return undefined;
      const range = typeof sl === 'number' ? new vscode.Range(sl, sc ?? 0, el ?? sl, ec ?? sc ?? 0) : undefined;
      const editor = await openBeside(target, range);
      return editor.document.uri.toString();
    }),
    vscode.commands.registerCommand(OPEN_RULE_DOCS, async (id: unknown) => {
      const rule = typeof id === 'string' ? RULES[id as RuleId] : undefined;
      if (!rule) return undefined;
      const uri = vscode.Uri.joinPath(extensionUri, rule.docs);
      if (!(await exists(uri))) {
        void vscode.window.showWarningMessage(`Counterpoint: the page for ${rule.id} is missing from this installation. ${rule.title}: ${rule.summary}`);
        return undefined;
      }
      try {
        await vscode.commands.executeCommand('markdown.showPreview', uri);
      } catch {
        await vscode.window.showTextDocument(uri, { preview: true });
      }
      return uri.toString();
    }),
  ];
}
