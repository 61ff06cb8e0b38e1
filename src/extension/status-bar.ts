/**
 * A status bar item for the active Markdown document: aims, unanswered aims and flagged claims, with an
 * accessible label. Clicking it opens the target chosen by `statusBarTarget` (the Problems panel for now).
 * It also keeps the context keys `counterpoint.role` and `counterpoint.paired` that menus' `when` clauses use.
 */
import * as vscode from 'vscode';
import { FLAGGED_STATUSES, type ClaimStatus } from '../core/contract';
import { CLAIM_RULE } from '../core/rules';
import type { Analysis, AnalysisService } from './analysis-service';
import { SHOW_DETAILS } from './commands';
import { basename } from './workspace';

export interface Counts {
  aims: number;
  unanswered: number;
  flagged: number;
}

export function countsOf(a: Analysis): Counts {
  const claims = a.result && a.paired ? [...a.result.letter.claims, ...a.result.response.claims] : a.claims;
  const off = (status: ClaimStatus) => {
    const rule = CLAIM_RULE[status];
    return rule !== undefined && a.settings.severity[rule] === 'off';
  };
  const aims = a.result && (a.role.role === 'letter' || a.paired) ? a.result.letter.aims.length : 0;
  const unanswered = a.paired && a.result && a.settings.severity['unanswered-aim'] !== 'off' ? a.result.alignments.filter((x) => x.stance === 'unaddressed').length : 0;
  return { aims, unanswered, flagged: claims.filter((c) => FLAGGED_STATUSES.includes(c.status) && !off(c.status)).length };
}

/**
 * Where a click on the status bar item goes. The single place to change when a comparison report view exists.
 */
export function statusBarTarget(_analysis: Analysis | undefined): { command: string; args: unknown[] } {
  return { command: 'workbench.actions.view.problems', args: [] };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('counterpoint.status', vscode.StatusBarAlignment.Right, 100);
  visible = false;

  constructor(private readonly service: AnalysisService) {
    this.item.name = 'Counterpoint';
    this.item.command = SHOW_DETAILS;
  }

  dispose(): void {
    this.item.dispose();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document;
    const a = doc && doc.languageId === 'markdown' ? this.service.latest(doc.uri) : undefined;
    void vscode.commands.executeCommand('setContext', 'counterpoint.role', a?.role.role ?? '');
    void vscode.commands.executeCommand('setContext', 'counterpoint.paired', a?.paired === true);
    if (!a) {
      this.item.hide();
      this.visible = false;
      return;
    }
    if (a.error) {
      this.item.text = '$(warning) Counterpoint';
      this.item.tooltip = `Counterpoint could not check this document (${a.error}). The details are in the Counterpoint output.`;
      this.item.accessibilityInformation = { label: 'Counterpoint could not check this document. Open the Problems panel.', role: 'button' };
      this.item.show();
      this.visible = true;
      return;
    }
    const c = countsOf(a);
    let text: string;
    let label: string;
    if (a.role.role === 'log') {
      const rows = a.log?.log.entries.length ?? 0;
      text = `$(book) ${plural(rows, 'meeting')} logged`;
      label = `Counterpoint: consultation log, ${plural(rows, 'meeting')}, ${plural(a.findings.length, 'unreadable row')}.`;
    } else if (a.role.role === 'letter' || a.paired) {
      const parts = [plural(c.aims, 'aim')];
      if (a.paired) parts.push(`${c.unanswered} unanswered`);
      parts.push(`${c.flagged} flagged`);
      text = `$(comment-discussion) ${parts.join(' · ')}`;
      label = `Counterpoint: ${plural(c.aims, 'aim')}${a.paired ? `, ${c.unanswered} unanswered` : ''}, ${plural(c.flagged, 'flagged claim')}.`;
    } else {
      text = `$(comment-discussion) ${c.flagged} flagged`;
      label = `Counterpoint: ${plural(c.flagged, 'flagged claim')} of union involvement.`;
    }
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendText('Counterpoint: ');
    if (a.paired && a.letter && a.response) tooltip.appendText(`${basename(a.response.uri)} answers ${basename(a.letter.uri)}. `);
    else if (a.role.role === 'letter') tooltip.appendText('this letter has no paired response. ');
    else if (a.role.role === 'response') tooltip.appendText('this response has no paired letter. ');
    tooltip.appendText(label.replace(/^Counterpoint: /, ''));
    tooltip.appendText(a.log ? ` Consultation log: ${basename(a.log.uri)}.` : ' No consultation log found.');
    tooltip.appendText(' Click to see the problems.');
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `${label} Open the Problems panel.`, role: 'button' };
    this.item.show();
    this.visible = true;
  }

  /** Runs the status bar item's target for the active document. */
  async showDetails(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const target = statusBarTarget(doc ? this.service.latest(doc.uri) : undefined);
    await vscode.commands.executeCommand(target.command, ...target.args);
  }
}
