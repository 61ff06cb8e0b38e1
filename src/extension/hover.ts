/**
 * Hovers: on a claim of union involvement, the rung claimed, why it is flagged, the evidence found or missing,
 * the disputing passage quoted and what would count as evidence; on an aim's first line, the response's stance
 * and the answering passages. Document text is escaped, and only Counterpoint's own commands can run from links.
 */
import * as vscode from 'vscode';
import type { AnalysisService, Analysis } from './analysis-service';
import { aimHover, claimHover, commandLink, explainsClaim, ruleForClaim } from './explain';
import { disputedLocation, evidenceLocations } from './diagnostics';
import { contains, toRange } from './positions';
import { basename } from './workspace';
import { OPEN_BESIDE, OPEN_RULE_DOCS, PAIR_WITH_RESPONSE, locationArgs } from './commands';

export const HOVER_COMMANDS = [OPEN_BESIDE, OPEN_RULE_DOCS, PAIR_WITH_RESPONSE];

export function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

export function claimMarkdown(analysis: Analysis, index: number): string {
  const claim = analysis.claims[index];
  const disputed = disputedLocation(analysis, claim);
  const rule = ruleForClaim(claim);
  return claimHover(claim, {
    disputed: disputed ? commandLink(OPEN_BESIDE, locationArgs(disputed)) : undefined,
    disputedWhere: disputed && claim.disputedBy ? `${basename(disputed.uri)}, line ${claim.disputedBy.position.start.line}` : undefined,
    evidence: claim.evidence.map((e) => {
      if (!e.position) return undefined;
      const loc = evidenceLocations(analysis, { ...claim, evidence: [e] })[0];
      return loc ? commandLink(OPEN_BESIDE, locationArgs(loc.location)) : undefined;
    }),
    docs: rule ? commandLink(OPEN_RULE_DOCS, [rule]) : undefined,
    logName: analysis.log ? basename(analysis.log.uri) : undefined,
  });
}

export function aimMarkdown(analysis: Analysis, index: number): string {
  const aim = analysis.aims[index];
  const alignment = analysis.alignments.get(aim.id);
  const response = analysis.response?.uri;
  return aimHover(aim, alignment, {
    index,
    count: analysis.aims.length,
    paired: analysis.paired,
    responseName: response ? basename(response) : undefined,
    passageLinks: response ? (alignment?.passages ?? []).map((p) => commandLink(OPEN_BESIDE, locationArgs(new vscode.Location(response, toRange(p.position))))) : [],
    pairLink: commandLink(PAIR_WITH_RESPONSE, [analysis.uri.toString()]),
  });
}

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: AnalysisService) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const analysis = await this.service.get(document);
    if (!analysis || token.isCancellationRequested) return undefined;
    const parts: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    analysis.claims.forEach((claim, i) => {
      if (!explainsClaim(claim) || !contains(claim.position, position)) return;
      parts.push(markdown(claimMarkdown(analysis, i)));
      range = toRange(claim.position);
    });
    if (analysis.role.role === 'letter') {
      analysis.aims.forEach((aim, i) => {
        const first = toRange(aim.position);
        const line = new vscode.Range(first.start, first.start.line === first.end.line ? first.end : document.lineAt(first.start.line).range.end);
        if (!line.contains(position)) return;
        parts.push(markdown(aimMarkdown(analysis, i)));
        range ??= line;
      });
    }
    return parts.length > 0 ? new vscode.Hover(parts, range) : undefined;
  }
}
