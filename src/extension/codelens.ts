/**
 * A CodeLens above each aim of a letter: "Answered · qualified · response ¶4" (opens the passage beside the
 * letter, selected) or "Unanswered" (opens the response); with no response paired, "Pair with a response…".
 */
import * as vscode from 'vscode';
import type { AnalysisService } from './analysis-service';
import { aimLensTitle } from './explain';
import { toRange } from './positions';
import { OPEN_BESIDE, PAIR_WITH_RESPONSE, locationArgs } from './commands';
import { basename } from './workspace';

export class CodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly service: AnalysisService) {}

  dispose(): void {
    this.changed.dispose();
  }

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const analysis = await this.service.get(document);
    if (!analysis || token.isCancellationRequested || analysis.role.role !== 'letter') return [];
    const lenses: vscode.CodeLens[] = [];
    const response = analysis.response?.uri;
    analysis.aims.forEach((aim, i) => {
      const start = toRange(aim.position).start;
      const range = new vscode.Range(start, start);
      if (!analysis.paired || !response) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: 'Pair with a response…',
            tooltip: `Aim ${i + 1} of ${analysis.aims.length}. Choose the union response to this letter to see how it answers each aim.`,
            command: PAIR_WITH_RESPONSE,
            arguments: [analysis.uri],
          }),
        );
        return;
      }
      const alignment = analysis.alignments.get(aim.id);
      const title = aimLensTitle(alignment);
      const first = alignment?.passages[0];
      const target = first ? new vscode.Location(response, toRange(first.position)) : new vscode.Location(response, new vscode.Range(0, 0, 0, 0));
      lenses.push(
        new vscode.CodeLens(range, {
          title,
          tooltip: first
            ? `Open ${basename(response)} ¶${first.paragraph} beside the letter`
            : `${basename(response)} does not answer this aim. Open the response beside the letter.`,
          command: OPEN_BESIDE,
          arguments: first ? locationArgs(target) : [response.toString()],
        }),
      );
    });
    return lenses;
  }
}
