/**
 * The consultation log: the union's own record of meetings, as Markdown tables
 * `| Date | Forum | Topic | Unions | Outcome | Reference |`. Columns are found by their header names, in any
 * order and any case; extra columns are ignored; Forum, Unions and Reference may be missing. A file may hold
 * several tables. A row that cannot be read (no date, a date that is not a date, an outcome that is not a rung
 * of the ladder, no topic) is skipped with a warning naming its line; nothing here throws.
 */
import type { LogWarning, Rung } from '../contract';
import { rungLevel } from '../contract';
import { LineIndex, type Position } from '../text/positions';
import { describeDate, parseDate } from '../text/dates';
import { topicStems } from './topic';

export interface LogEntry {
  /** ISO day the meeting was held (the first day, for a row dated by month). */
  date?: string;
  /** The date as written, in words ("3 July 2026", "March 2026"). */
  dateText?: string;
  forum: string;
  topic: string;
  unions: string;
  /** The rung the meeting reached. */
  outcome?: Rung;
  /** The outcome as written. */
  outcomeText?: string;
  /** For a refusal ("not agreed", "rejected"): the rung the row says was NOT reached. */
  denies?: Rung;
  reference: string;
  /** The row's text and position in the log file. */
  text: string;
  position: Position;
  line: number;
}

export interface ConsultationLog {
  path?: string;
  entries: LogEntry[];
  warnings: LogWarning[];
}

type Column = 'date' | 'forum' | 'topic' | 'unions' | 'outcome' | 'reference';

const HEADER_NAMES: Array<[Column, string[]]> = [
  ['date', ['date', 'meeting date', 'date of meeting', 'when', 'dated', 'day']],
  ['forum', ['forum', 'meeting', 'body', 'committee', 'venue', 'where', 'setting', 'group']],
  ['topic', ['topic', 'subject', 'item', 'agenda item', 'matter', 'issue', 'proposal', 'title', 'description', 'topics']],
  ['unions', ['unions', 'union', 'trade unions', 'trade union', 'attendees', 'present', 'parties', 'who']],
  ['outcome', ['outcome', 'result', 'status', 'level', 'rung', 'involvement', 'outcomes']],
  ['reference', ['reference', 'ref', 'refs', 'references', 'minutes', 'source', 'evidence', 'document', 'documents', 'link']],
];
const REQUIRED: Column[] = ['date', 'topic', 'outcome'];

function headerColumn(cell: string): Column | undefined {
  const name = cell.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().replace(/[:.]$/, '');
  for (const [column, names] of HEADER_NAMES) if (names.includes(name)) return column;
  return undefined;
}

/** Splits a table line into cells, honouring `\|` escapes and pipes inside code spans. */
export function splitCells(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  let inCode = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\' && s[i + 1] === '|') {
      cur += '|';
      i++;
      continue;
    }
    if (ch === '`') inCode = !inCode;
    if (ch === '|' && !inCode) {
      cells.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

function isDelimiterRow(line: string): boolean {
  let dash = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '-') dash = true;
    else if (ch !== '|' && ch !== ':' && ch !== ' ' && ch !== '\t') return false;
  }
  return dash;
}

function plainCell(cell: string): string {
  return cell.replace(/\*\*|__|[*_`]/g, '').replace(/<br\s*\/?>/gi, ' ').replace(/\s+/g, ' ').trim();
}

const OUTCOME_WORDS: Array<[RegExp, Rung]> = [
  [/\b(?:agreed|agreement|signed|ratified|accepted|endorsed|approved|settled|concluded)\b/, 'agreed'],
  [/\b(?:negotiat\w*|talks|bargaining|offer made|pay offer)\b/, 'negotiated'],
  [/\b(?:consult\w*|s\.? ?188|hr1|views sought|comments? (?:invited|sought|given|made|submitted)|responded|response submitted)\b/, 'consulted'],
  [/\b(?:engag\w*|discuss\w*|workshops?|met|meeting|involved|worked|working group|partnership|feedback|listening)\b/, 'engaged'],
  [/\b(?:informed|information|inform|briefed|briefing|noted|note|shared|presented|presentation|updated?|told|tabled|circulated|notified|sent|aware|received)\b/, 'informed'],
];
const REFUSAL = /\b(?:not agreed|no agreement|not accepted|failed to agree|failure to agree|disagreed|disagreement|rejected|declined|refused|withdrew|walked out|in dispute|imposed)\b/;
const NOT_CONSULTED = /\b(?:not consulted|no consultation|without consultation)\b/;
const INFO_ONLY = /\bfor information(?: only)?\b|\bnoted only\b/;

/** The rung an outcome cell names, and for a refusal the rung it denies. Undefined for an unknown outcome. */
export function outcomeRung(text: string): { rung: Rung; denies?: Rung } | undefined {
  const t = text.toLowerCase().replace(/[-–—]/g, ' ');
  if (NOT_CONSULTED.test(t)) return { rung: 'informed', denies: 'consulted' };
  if (REFUSAL.test(t)) {
    const rung: Rung = /negotiat|talks/.test(t) ? 'negotiated' : /no agreement|failed to agree|failure to agree/.test(t) ? 'negotiated' : 'consulted';
    return { rung, denies: 'agreed' };
  }
  if (INFO_ONLY.test(t)) return { rung: 'informed' };
  let best: Rung | undefined;
  for (const [re, rung] of OUTCOME_WORDS) {
    if (re.test(t) && (best === undefined || rungLevel(rung) > rungLevel(best))) best = rung;
  }
  return best ? { rung: best } : undefined;
}

interface Table {
  columns: Map<Column, number>;
  skipping: boolean;
}

/** Reads every consultation-log table in a Markdown file. Never throws. */
export function parseConsultationLog(text: string, path?: string): ConsultationLog {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineIndex(source);
  const entries: LogEntry[] = [];
  const warnings: LogWarning[] = [];
  const warn = (line: number | undefined, message: string) => warnings.push({ message, ...(path !== undefined ? { path } : {}), ...(line !== undefined ? { line } : {}) });
  let table: Table | undefined;
  let sawTable = false;
  let inFence = false;
  for (let n = 1; n <= lines.lineCount; n++) {
    const start = lines.lineStart(n);
    const next = n < lines.lineCount ? lines.lineStart(n + 1) : source.length;
    let end = next;
    while (end > start && (source[end - 1] === '\n' || source[end - 1] === '\r')) end--;
    const line = source.slice(start, end);
    if (/^\s{0,3}(?:```|~~~)/.test(line)) {
      inFence = !inFence;
      table = undefined;
      continue;
    }
    if (inFence) continue;
    const trimmed = line.trim();
    if (!trimmed.includes('|') || trimmed.startsWith('<!--')) {
      table = undefined;
      continue;
    }
    const stripped = trimmed.replace(/^>\s?/, '');
    if (isDelimiterRow(stripped)) continue;
    const cells = splitCells(stripped);
    if (table === undefined) {
      const columns = new Map<Column, number>();
      cells.forEach((cell, i) => {
        const c = headerColumn(cell);
        if (c !== undefined && !columns.has(c)) columns.set(c, i);
      });
      if (columns.size < 2 || !(columns.has('date') || columns.has('outcome'))) {
        // A table that is not a log (an action list, a header we cannot read): skip it whole, quietly.
        table = { columns, skipping: true };
        continue;
      }
      sawTable = true;
      const missing = REQUIRED.filter((c) => !columns.has(c));
      if (missing.length > 0) {
        warn(n, `This table has no ${missing.map((c) => `"${c[0].toUpperCase()}${c.slice(1)}"`).join(' or ')} column, so its rows were skipped (a log table needs Date, Topic and Outcome columns).`);
        table = { columns, skipping: true };
      } else {
        table = { columns, skipping: false };
      }
      continue;
    }
    if (table.skipping) continue;
    const cell = (c: Column) => {
      const i = table!.columns.get(c);
      return i === undefined || i >= cells.length ? '' : plainCell(cells[i]);
    };
    if (cells.every((c) => plainCell(c) === '')) continue;
    const dateText = cell('date');
    const topic = cell('topic');
    const outcomeText = cell('outcome');
    if (dateText === '') {
      warn(n, 'This row has no date, so it was skipped.');
      continue;
    }
    const date = parseDate(dateText);
    if (!date || !date.from || date.yearAssumed) {
      warn(n, `The date "${dateText}" could not be read (write it as 12 March 2026, 12/03/2026 or 2026-03-12), so this row was skipped.`);
      continue;
    }
    if (topic === '') {
      warn(n, 'This row has no topic, so it was skipped.');
      continue;
    }
    const outcome = outcomeRung(outcomeText);
    if (!outcome) {
      warn(
        n,
        outcomeText === ''
          ? 'This row has no outcome, so it was skipped (use informed, engaged, consulted, negotiated or agreed).'
          : `The outcome "${outcomeText}" is not a rung of the ladder (informed, engaged, consulted, negotiated, agreed), so this row was skipped.`,
      );
      continue;
    }
    entries.push({
      date: date.from,
      dateText: describeDate(date),
      forum: cell('forum'),
      topic,
      unions: cell('unions'),
      outcome: outcome.rung,
      outcomeText,
      ...(outcome.denies ? { denies: outcome.denies } : {}),
      reference: cell('reference'),
      text: line,
      position: lines.position(start, end),
      line: n,
    });
  }
  if (!sawTable) warn(undefined, 'No consultation-log table was found: expected a Markdown table with the columns Date, Forum, Topic, Unions, Outcome and Reference.');
  return { ...(path !== undefined ? { path } : {}), entries, warnings };
}

/**
 * The log's rows found by their topic words, so that a claim is weighed against the few rows that could be on its
 * topic rather than every row: a long letter against a long log was quadratic. A row matches a claim only when it
 * shares at least `needed(k)` of its k topic stems with the claim's words, so it is filed under only its
 * k − needed(k) + 1 rarest stems (a row sharing enough stems must share one of those); `candidates` returns every
 * row that could match, in log order, and the caller checks each as before. Rows with no outcome or no topic
 * stems are never candidates (they can match nothing).
 */
export class LogTopicIndex {
  /** Each entry's topic stems, by index in `log.entries`. */
  readonly stems: Array<Set<string>>;
  private readonly postings = new Map<string, number[]>();
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(
    readonly entries: readonly LogEntry[],
    readonly needed: (size: number) => number,
  ) {
    this.stems = entries.map((e) => topicStems(e.topic));
    this.seen = new Uint32Array(entries.length);
    const frequency = new Map<string, number>();
    const filed = (i: number) => entries[i].outcome !== undefined && this.stems[i].size > 0;
    for (let i = 0; i < entries.length; i++) if (filed(i)) for (const s of this.stems[i]) frequency.set(s, (frequency.get(s) ?? 0) + 1);
    for (let i = 0; i < entries.length; i++) {
      if (!filed(i)) continue;
      const stems = [...this.stems[i]];
      const k = stems.length;
      const need = Math.min(k, Math.max(1, needed(k)));
      stems.sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
      for (const s of stems.slice(0, k - need + 1)) {
        const list = this.postings.get(s);
        if (list) list.push(i);
        else this.postings.set(s, [i]);
      }
    }
  }

  /** Indices, ascending, of the rows filed under any stem in `bags`: every row that could share enough stems with their union. */
  candidates(...bags: Array<Set<string>>): number[] {
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const out: number[] = [];
    for (const bag of bags) {
      for (const s of bag) {
        const list = this.postings.get(s);
        if (!list) continue;
        for (const i of list) {
          if (this.seen[i] === this.stamp) continue;
          this.seen[i] = this.stamp;
          out.push(i);
        }
      }
    }
    return out.sort((a, b) => a - b);
  }
}

const topicIndexes = new WeakMap<ConsultationLog, LogTopicIndex>();

/** The topic index of a log, built once and kept while the log is (rebuilt if its entries or the rule change). */
export function logTopicIndex(log: ConsultationLog, needed: (size: number) => number): LogTopicIndex {
  const known = topicIndexes.get(log);
  if (known && known.entries === log.entries && known.needed === needed && known.stems.length === log.entries.length) return known;
  const index = new LogTopicIndex(log.entries, needed);
  topicIndexes.set(log, index);
  return index;
}
