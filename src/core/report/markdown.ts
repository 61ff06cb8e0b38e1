/** Markdown reports: the same content as the text report, as tables a union officer can paste or keep. */
import type { CompareResult, DiffResult, Stance } from '../contract';
import { buildReportModel, moreEvidence, plainText, STANCE_INFO, STANCE_ORDER, STATUS_INFO, type ReportLocation, type ReportModel, type ReportOptions } from './model';
import { shorten } from '../findings';
import { versionsMarkdown } from '../versions/report';

/** Escapes text for a Markdown table cell or paragraph: no markup, links or HTML from the documents survive. */
export function mdEscape(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1')
    .trim();
}

/** The comparison report in Markdown: the same view model, content and order as the HTML report and the webview. */
export function compareMarkdown(result: CompareResult, options?: ReportOptions): string {
  return reportMarkdown(buildReportModel(result, options));
}

const where = (l: ReportLocation, label = l.doc === 'letter' ? 'Letter' : 'Response') => (l.line > 0 ? `${label}, line ${l.line}` : label);
const stanceCell = (s: Stance) => `${STANCE_INFO[s].symbol} **${STANCE_INFO[s].label}**`;

/**
 * Escapes document text for the report's Markdown, which always places it inside a line (a table cell or after a
 * list item's label): white space collapsed, and every character that could start markup, a link, an image, raw
 * HTML, an entity or a table cell escaped. Lighter than `mdEscape`, so the file still reads well as plain text.
 */
export function md(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .trim();
}

export function reportMarkdown(model: ReportModel): string {
  const out: string[] = [];
  const s = model.summary;
  out.push(model.subject ? `# ${md(model.title)} — ${md(model.subject)}` : `# ${md(model.title)}`);
  out.push('');
  out.push(`${md(model.letter.name)} answered by ${md(model.response.name)}`);
  out.push('');
  out.push(`Letter: ${md(model.letter.path)} · Response: ${md(model.response.path)}${model.log ? ` · Consultation log: ${md(model.log.path)} (${model.log.entries} ${model.log.entries === 1 ? 'entry' : 'entries'})` : ''}`);
  out.push('');
  const counts = [`${s.aims} ${s.aims === 1 ? 'aim' : 'aims'}`, `${s.unanswered} unanswered`, `${s.flaggedClaims} flagged ${s.flaggedClaims === 1 ? 'claim' : 'claims'}`, `${s.points} ${s.points === 1 ? 'point' : 'points'} of the union's own`];
  if (s.annotations > 0) counts.push(`${s.annotations} ${s.annotations === 1 ? 'note' : 'notes'}`);
  out.push(`**${counts.join(', ')}.**`);
  if (s.aims > 0) {
    out.push('');
    out.push(`Stances: ${STANCE_ORDER.map((st) => `${STANCE_INFO[st].symbol} ${STANCE_INFO[st].label} ${s.byStance[st]}`).join(' · ')}`);
  }
  out.push('');
  out.push('## Aims and answers');
  out.push('');
  if (model.aims.length === 0) out.push('No aims were found in the letter.');
  else {
    out.push(s.unanswered > 0 ? "Unanswered aims first, then the rest in the letter's order." : "Every aim is answered. In the letter's order.");
    out.push('');
    out.push('| Aim | Stance | Answered in |');
    out.push('|---|---|---|');
    for (const a of model.aims) {
      const answer = a.passages.length > 0 ? a.passages.map((p) => `${where(p.location, `Response ¶${p.paragraph}`)}: ${md(shorten(plainText(p.text), 160))}`).join('<br>') : 'Not answered';
      out.push(`| ${a.number}. ${md(a.title)} (${where(a.location, 'letter')}) | ${stanceCell(a.stance)} | ${answer} |`);
    }
  }
  if (model.points.length > 0) {
    out.push('');
    out.push("## The union's own points");
    out.push('');
    for (const p of model.points) out.push(`- ${where(p.location, `Response ¶${p.paragraph}`)}: ${md(shorten(p.display, 240))}`);
  }
  out.push('');
  out.push('## Claims of union involvement');
  out.push('');
  if (model.flaggedClaims.length === 0) out.push(s.claims === 0 ? 'Neither document claims union involvement.' : 'No claim of union involvement is flagged.');
  else {
    out.push('| Where | Claim | Rung | Status | Why |');
    out.push('|---|---|---|---|---|');
    for (const c of model.flaggedClaims) {
      const repeated = c.disputedBy !== undefined && plainText(c.reason).includes(c.disputedBy.display.slice(0, 40));
      const why = [c.reason, ...(c.disputedBy && !repeated ? [`Disputed by: ${shorten(c.disputedBy.display, 160)}`] : []), ...c.evidence.map((e) => `Evidence (${e.rung}): ${e.description}`), ...(c.evidenceNotListed ? [moreEvidence(c.evidenceNotListed)] : [])];
      out.push(`| ${where(c.location)} | ${md(shorten(c.display, 200))} | ${c.rung} | **${STATUS_INFO[c.status].label}** | ${why.map(md).join('<br>')} |`);
    }
  }
  if (model.otherClaims.length > 0) {
    out.push('');
    out.push('## Other statements about union involvement');
    out.push('');
    out.push('| Where | Statement | Status | Why not flagged |');
    out.push('|---|---|---|---|');
    for (const c of model.otherClaims) out.push(`| ${where(c.location)} | ${md(shorten(c.display, 200))} | ${STATUS_INFO[c.status].label} | ${md(c.silencedReason ? `${c.reason} (${c.silencedReason})` : c.reason)} |`);
  }
  if (model.annotations.length > 0) {
    out.push('');
    out.push('## Notes');
    out.push('');
    for (const a of model.annotations) {
      const [note, ...replies] = a.comments;
      const state = a.orphaned ? '\\[orphaned\\] ' : a.status === 'resolved' ? '(resolved) ' : '';
      const at = a.location ? where(a.location) : a.doc === 'letter' ? 'Letter' : 'Response';
      out.push(`- ${state}${at}: “${md(shorten(plainText(a.quote), 160))}”${note ? ` — ${md(note.body)} (${md(note.author || 'Someone')})` : ''}`);
      for (const r of replies) out.push(`  - ${md(r.body)} (${md(r.author || 'Someone')})`);
    }
  }
  if (model.log && model.log.warnings.length > 0) {
    out.push('');
    out.push(`Consultation log: ${model.log.warnings.map(md).join('; ')}`);
  }
  out.push('');
  out.push('Made by Counterpoint on this computer: the documents were not sent anywhere.');
  return out.join('\n') + '\n';
}

export function diffMarkdown(result: DiffResult): string {
  return versionsMarkdown(result);
}
