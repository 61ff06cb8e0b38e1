/** Plain-text reports for people at a terminal: aligned columns, colour only when the style provides it. */
import type { CheckResult, Claim, CompareResult, DiffResult, Stance } from '../contract';
import { FLAGGED_STATUSES } from '../contract';
import { shorten } from '../findings';
import { pad, PLAIN, type Style } from './style';
import { versionsText } from '../versions/report';

function stanceStyled(stance: Stance, s: Style): string {
  const label = pad(stance, 11);
  switch (stance) {
    case 'support':
      return s.green(label);
    case 'qualified':
      return s.cyan(label);
    case 'concern':
      return s.yellow(label);
    case 'oppose':
      return s.red(label);
    default:
      return s.bold(label);
  }
}

function claimLines(path: string, claims: Claim[], s: Style): string[] {
  const lines: string[] = [];
  for (const c of claims) {
    const flagged = FLAGGED_STATUSES.includes(c.status);
    const where = `${path}:${c.position.start.line}:${c.position.start.column}`;
    const status = flagged ? (c.status === 'disputed' ? s.red(pad(c.status, 11)) : s.yellow(pad(c.status, 11))) : s.dim(pad(c.status, 11));
    lines.push(`  ${where}  ${status} ${pad(c.rung, 10)} ${c.message}`);
  }
  return lines;
}

export function compareText(result: CompareResult, s: Style = PLAIN): string {
  const out: string[] = [];
  const aims = result.letter.aims;
  const flagged = [...result.letter.claims, ...result.response.claims].filter((c) => FLAGGED_STATUSES.includes(c.status));
  const unanswered = result.alignments.filter((a) => a.stance === 'unaddressed').length;
  out.push(s.bold(`Letter:   ${result.letter.path}`));
  out.push(s.bold(`Response: ${result.response.path}`));
  if (result.log) out.push(`Log:      ${result.log.path} (${result.log.entries} entries)`);
  out.push(`${aims.length} aims, ${unanswered} unanswered, ${flagged.length} flagged claims`);
  for (const d of [result.letter, result.response]) for (const w of d.warnings ?? []) out.push(s.yellow(`${d.path}:${w.position.start.line}  ${w.message}`));
  out.push('');
  if (aims.length === 0) {
    out.push('No aims found in the letter.');
  } else {
    const byAim = new Map(result.alignments.map((a) => [a.aim, a]));
    const width = Math.min(48, aims.reduce((w, a) => Math.max(w, [...a.title].length), 3));
    out.push(s.bold(`  ${pad('#', 3)} ${pad('Aim', width)}  ${pad('Stance', 11)} Answered in`));
    aims.forEach((aim, i) => {
      const al = byAim.get(aim.id);
      const stance = al?.stance ?? 'unaddressed';
      const where = al && al.passages.length > 0 ? al.passages.map((p) => `¶${p.paragraph} (line ${p.position.start.line})`).join(', ') : '—';
      out.push(`  ${pad(String(i + 1), 3)} ${pad(shorten(aim.title, width), width)}  ${stanceStyled(stance, s)} ${where}`);
      // The words that decided the stance, so the reader can check it against the response.
      const cues = al?.cues ?? [];
      if (cues.length > 0) out.push(s.dim(`      ${pad('', width)}  because: ${cues.slice(0, 3).map((c) => `"${shorten(c.text.replace(/\s+/g, ' '), 50)}"`).join(', ')}`));
    });
  }
  if (result.response.points.length > 0) {
    out.push('');
    out.push(s.bold("The union's own points (answering no aim)"));
    for (const p of result.response.points) out.push(`  ¶${p.paragraph} (line ${p.position.start.line})  ${shorten(p.text, 100)}`);
  }
  const claimBlock = [...claimLines(result.letter.path, result.letter.claims, s), ...claimLines(result.response.path, result.response.claims, s)];
  if (claimBlock.length > 0) {
    out.push('');
    out.push(s.bold('Claims of union involvement'));
    for (const line of claimBlock) out.push(line);
  }
  if (result.log && result.log.warnings.length > 0) {
    out.push('');
    for (const w of result.log.warnings) out.push(s.yellow(`  ${w.path ?? result.log.path}${w.line ? `:${w.line}` : ''}  ${w.message}`));
  }
  return out.join('\n') + '\n';
}

export function checkText(result: CheckResult, s: Style = PLAIN): string {
  const out: string[] = [];
  let total = 0;
  let flagged = 0;
  for (const d of result.documents) {
    total += d.claims.length;
    flagged += d.claims.filter((c) => FLAGGED_STATUSES.includes(c.status)).length;
    out.push(s.bold(d.path));
    for (const w of d.warnings ?? []) out.push(s.yellow(`  ${d.path}:${w.position.start.line}  ${w.message}`));
    if (d.claims.length === 0) out.push(s.dim('  no claims of union involvement'));
    else for (const line of claimLines(d.path, d.claims, s)) out.push(line);
  }
  for (const log of result.log ?? []) for (const w of log.warnings) out.push(s.yellow(`${w.path ?? log.path}${w.line ? `:${w.line}` : ''}  ${w.message}`));
  out.push('');
  out.push(`${result.documents.length} document${result.documents.length === 1 ? '' : 's'}, ${total} claim${total === 1 ? '' : 's'}, ${flagged} flagged`);
  return out.join('\n') + '\n';
}

export function diffText(result: DiffResult, s: Style = PLAIN): string {
  return versionsText(result, s);
}
