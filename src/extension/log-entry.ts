/**
 * A consultation-log row pre-filled from a claim, and where to put it. Pure (no `vscode`): the quick fix in
 * code-actions.ts turns the result into one WorkspaceEdit.
 *
 * The log is a Markdown table, one row a meeting: | Date | Forum | Topic | Unions | Outcome | Reference |
 */
import type { Rung } from '../core/contract';

export const LOG_COLUMNS = ['Date', 'Forum', 'Topic', 'Unions', 'Outcome', 'Reference'] as const;
export const LOG_HEADER = `| ${LOG_COLUMNS.join(' | ')} |\n|---|---|---|---|---|---|\n`;

export interface LogRow {
  date: string;
  forum: string;
  topic: string;
  unions: string;
  outcome: Rung;
  reference: string;
}

/** A table cell: one line, pipes escaped. */
export function cell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

export function formatRow(row: LogRow): string {
  return `| ${[row.date, row.forum, row.topic, row.unions, row.outcome, row.reference].map(cell).join(' | ')} |`;
}

// Forums where unions and employers meet, longest names first so "NHS Staff Council" wins over "Staff Council".
const FORUM = new RegExp(
  [
    String.raw`(?:Regional |Local |National |Departmental |Trust |Branch )?Joint (?:Negotiating|Consultative|Consultation|Negotiation) (?:Committee|Council|Forum)`,
    String.raw`National Negotiating Council`,
    String.raw`National Joint Council`,
    String.raw`NHS Staff Council`,
    String.raw`New JNCHES`,
    String.raw`Whitley [Cc]ouncil`,
    String.raw`(?:Staff|Social) [Pp]artnership [Ff]orum`,
    String.raw`Partnership [Ff]orum`,
    String.raw`Trade Union Side`,
    String.raw`[Ss]taff [Ss]ide`,
    String.raw`\b(?:RJNC|JNCC|JNCHES|LJNC|LJCC|JSCC|JCNC|JNC|NJC|NNC|JCC|LNC|JPF|SPF)\b`,
  ].join('|'),
);

const UNIONS = /\b(?:Napo|UNISON|Unison|GMB|PCS|UCU|RCN|BMA|Unite|Prospect|FDA|NEU|NASUWT|NAHT|RCM|CSP|EIS|POA|Usdaw|CWU|RMT|ASLEF|TSSA|BDA|HCSA)\b/g;

/** The forum a claim names ("the Regional Joint Negotiating Committee" → that name), or ''. */
export function guessForum(text: string): string {
  const m = FORUM.exec(text);
  return m ? m[0] : '';
}

/** The unions a claim names, in order, without repeats. */
export function guessUnions(text: string): string {
  const seen: string[] = [];
  for (const m of text.matchAll(UNIONS)) {
    const name = m[0] === 'Unison' ? 'UNISON' : m[0];
    if (!seen.includes(name)) seen.push(name);
  }
  return seen.join(', ');
}

/** A topic for the row: the aim the claim sits in, else the letter's title, else the claim's first words. */
export function guessTopic(claimText: string, aimTitle?: string, docTitle?: string): string {
  const pick = (aimTitle ?? '').trim() || (docTitle ?? '').trim();
  if (pick) return pick.replace(/^#+\s*/, '').replace(/[*_`]/g, '').replace(/[\s–—:-]+$/, '');
  const words = claimText.replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim().split(' ');
  return words.slice(0, 8).join(' ') + (words.length > 8 ? '…' : '');
}

/** An ISO date (YYYY-MM-DD) from front matter, or today's date. */
export function rowDate(frontMatterDate: string | undefined, today: Date = new Date()): string {
  const d = (frontMatterDate ?? '').trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  const y = today.getFullYear();
  const m = String(today.getMonth() + 1).padStart(2, '0');
  const day = String(today.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export interface Insertion {
  /** Offset in the log's text where `text` goes. */
  offset: number;
  text: string;
  /** Offset, within the log after the insertion, of the row's first character. */
  rowOffset: number;
}

const HEADER_LINE = /^[ \t]*\|?[ \t]*date[ \t]*\|/i;
const SEPARATOR_LINE = /^[ \t]*\|?[ \t]*:?-{3,}/;

/**
 * Where a row goes: after the last row of the log table (the first table whose header starts "Date |"), or, in a
 * file with no such table, a new table at the end.
 */
export function insertRow(logText: string, row: string): Insertion {
  const eol = logText.includes('\r\n') ? '\r\n' : '\n';
  const lines: Array<{ start: number; end: number; text: string }> = [];
  for (let start = 0; start <= logText.length; ) {
    let end = logText.indexOf('\n', start);
    if (end < 0) end = logText.length;
    const text = logText.slice(start, end).replace(/\r$/, '');
    lines.push({ start, end, text });
    if (end >= logText.length) break;
    start = end + 1;
  }
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!HEADER_LINE.test(lines[i].text) || !SEPARATOR_LINE.test(lines[i + 1].text)) continue;
    let last = i + 1;
    while (last + 1 < lines.length && /^[ \t]*\|/.test(lines[last + 1].text)) last++;
    const after = lines[last];
    if (after.end < logText.length) {
      // The table's last line ends with a newline: the row goes on the next line.
      const offset = after.end + 1;
      return { offset, text: `${row}${eol}`, rowOffset: offset };
    }
    return { offset: logText.length, text: `${eol}${row}${eol}`, rowOffset: logText.length + eol.length };
  }
  const header = LOG_HEADER.replace(/\n/g, eol);
  const sep = logText.length === 0 ? '' : logText.endsWith(`${eol}${eol}`) ? '' : logText.endsWith(eol) ? eol : `${eol}${eol}`;
  const text = `${sep}${header}${row}${eol}`;
  return { offset: logText.length, text, rowOffset: logText.length + sep.length + header.length };
}

/** The text of a new consultation log holding one row. */
export function newLog(row: string): string {
  return `# Consultation log\n\nOne row a meeting. Outcome is the rung reached: informed, engaged, consulted, negotiated or agreed.\n\n${LOG_HEADER}${row}\n`;
}

/** The silencing directive for a rule, with the reason kept on one line and unable to close the comment early. */
export function directive(rule: string, reason: string): string {
  const r = reason.replace(/\s+/g, ' ').replace(/--+>?/g, '–').trim();
  return `<!-- counterpoint-disable-next-line ${rule} -- ${r} -->`;
}

/** The prefix a directive needs to sit in the same container as a line: its indentation and quote markers. */
export function containerPrefix(line: string): string {
  const m = /^[ \t]*(?:>[ \t]?)*/.exec(line);
  return m ? m[0] : '';
}
