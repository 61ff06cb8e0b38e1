/**
 * Quick fixes for Counterpoint's diagnostics (what the first two do is in fixes.ts, loaded on first use):
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
import { features } from './lazy/load';
import type { Block } from '../core/document/model';
import { CLAIM_RULE } from '../core/rules';

const CLAIM_RULES = new Set<string>(Object.values(CLAIM_RULE));
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

export function blockAt(analysis: Analysis, offset: number): Block | undefined {
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

export function registerCodeActionCommands(service: AnalysisService): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(ADD_LOG_ENTRY, async (uri: unknown, offset: unknown) => (await features()).addLogEntry(service, uri, offset)),
    vscode.commands.registerCommand(SILENCE, async (uri: unknown, rule: unknown, offset: unknown, reason?: unknown) => (await features()).silence(service, uri, rule, offset, reason)),
  ];
}
