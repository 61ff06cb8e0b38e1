/** Markdown reports: the same content as the text report, as tables a union officer can paste or keep. */
import type { CompareResult, DiffResult } from '../contract';
import { FLAGGED_STATUSES } from '../contract';
import { shorten } from '../findings';

/** Escapes text for a Markdown table cell or paragraph: no markup, links or HTML from the documents survive. */
export function mdEscape(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1')
    .trim();
}

export function compareMarkdown(result: CompareResult): string {
  const out: string[] = [];
  const { letter, response } = result;
  const byAim = new Map(result.alignments.map((a) => [a.aim, a]));
  out.push(`# Comparison: ${mdEscape(letter.path)} and ${mdEscape(response.path)}`);
  out.push('');
  const unanswered = result.alignments.filter((a) => a.stance === 'unaddressed').length;
  const flagged = [...letter.claims, ...response.claims].filter((c) => FLAGGED_STATUSES.includes(c.status));
  out.push(`${letter.aims.length} aims, ${unanswered} unanswered, ${flagged.length} flagged claims.`);
  out.push('');
  out.push('## Aims and answers');
  out.push('');
  if (letter.aims.length === 0) out.push('No aims found in the letter.');
  else {
    out.push('| # | Aim | Stance | Answered in |');
    out.push('|---|---|---|---|');
    letter.aims.forEach((aim, i) => {
      const al = byAim.get(aim.id);
      const where = al && al.passages.length > 0 ? al.passages.map((p) => `¶${p.paragraph}: ${mdEscape(shorten(p.text, 120))}`).join('<br>') : '—';
      out.push(`| ${i + 1} | ${mdEscape(aim.title)} (line ${aim.position.start.line}) | **${al?.stance ?? 'unaddressed'}** | ${where} |`);
    });
  }
  if (response.points.length > 0) {
    out.push('');
    out.push("## The union's own points");
    out.push('');
    for (const p of response.points) out.push(`- ¶${p.paragraph}: ${mdEscape(shorten(p.text, 200))}`);
  }
  const claims = [...letter.claims.map((c) => ({ c, path: letter.path })), ...response.claims.map((c) => ({ c, path: response.path }))];
  if (claims.length > 0) {
    out.push('');
    out.push('## Claims of union involvement');
    out.push('');
    out.push('| Where | Claim | Rung | Status | Why |');
    out.push('|---|---|---|---|---|');
    for (const { c, path } of claims) {
      out.push(`| ${mdEscape(path)}:${c.position.start.line} | ${mdEscape(shorten(c.text, 160))} | ${c.rung} | **${c.status}** | ${mdEscape(c.message)} |`);
    }
  }
  return out.join('\n') + '\n';
}

export function diffMarkdown(result: DiffResult): string {
  const out: string[] = [];
  out.push(`# Changes from ${mdEscape(result.old.path)} to ${mdEscape(result.new.path)}`);
  out.push('');
  out.push('| Change | Aim | What matters |');
  out.push('|---|---|---|');
  for (const a of result.aims) {
    const title = a.new?.title ?? a.old?.title ?? '';
    out.push(`| **${a.change}** | ${mdEscape(shorten(title, 120))} | ${a.significant.map((s) => mdEscape(s.description)).join('<br>') || '—'} |`);
  }
  if (result.claims.length > 0) {
    out.push('');
    out.push('## Claims of union involvement');
    out.push('');
    for (const c of result.claims) out.push(`- ${mdEscape(c.description)}`);
  }
  return out.join('\n') + '\n';
}
