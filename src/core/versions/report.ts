/**
 * The version diff for people: a terminal report and a Markdown report. What matters comes first (deadlines,
 * figures, commitments, claims), then every aim in the new version's order, with removed aims where they
 * used to be. Word changes are marked [-deleted-] and {+inserted+} (coloured too on a terminal), so they
 * read without colour and survive being pasted into an email.
 */
import type { AimDiff, DiffResult, SignificantChange, WordChange } from '../contract';
import { shorten } from '../findings';
import { pad, PLAIN, type Style } from '../report/style';

const WIDTH = 100;
const INDENT = '      ';

const MARK: Record<AimDiff['change'], string> = { added: '+ added', removed: '- removed', reworded: '~ reworded', unchanged: '= unchanged' };

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** An aim's source text as people read it: emphasis, heading marks and table pipes removed. */
export function readable(text: string, format?: string): string {
  const joined = format === 'heading' ? text.replace(/^\s*(?:#{1,6}\s+)?([^\r\n]*?)\s*#*\s*(?:\r?\n|\r)\s*(?=\S)/, (_, head: string) => (/[.:!?\u2013\u2014-]$/.test(head) ? `${head} ` : `${head} \u2013 `)) : text;
  return joined
    .replace(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*(?:\r?\n|\r)+(?=\S)/gm, '$1 \u2013 ')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/(\*\*|__|\*|_|`)(?=\S)([^*_`]*?\S)\1/g, '$2')
    .replace(/^\s*\|\s*|\s*\|\s*$/gm, '')
    .replace(/\s*\|\s*/g, ' | ')
    .replace(/\s+/g, ' ')
    .trim();
}

function titleOf(a: AimDiff): string {
  const now = a.new?.title ?? a.old?.title ?? '';
  const was = a.old?.title;
  return a.new && was && was !== now ? `${now} (was: ${was})` : now;
}

function where(a: AimDiff): string {
  const o = a.oldIndex !== undefined ? String(a.oldIndex) : '';
  const n = a.newIndex !== undefined ? String(a.newIndex) : '';
  if (a.change === 'added') return `new ${n}`;
  if (a.change === 'removed') return `old ${o}`;
  return o === n ? `aim ${n}` : `${o} → ${n}`;
}

export function summaryLine(result: DiffResult): string {
  const counts = { added: 0, removed: 0, reworded: 0, unchanged: 0 };
  let moved = 0;
  for (const a of result.aims) {
    counts[a.change]++;
    if (a.moved) moved++;
  }
  const before = counts.removed + counts.reworded + counts.unchanged;
  const after = counts.added + counts.reworded + counts.unchanged;
  return `${plural(before, 'aim')} before, ${after} now: ${counts.added} added, ${counts.removed} removed, ${counts.reworded} reworded, ${counts.unchanged} unchanged${moved > 0 ? ` (${moved} moved)` : ''}`;
}

/** Significant changes inside aims, each once (claims are listed with the letter's claims). */
function aimMatters(a: AimDiff): SignificantChange[] {
  return a.significant.filter((s) => s.kind !== 'claim');
}

/* ------------------------------------------------------------ text */

interface Piece {
  text: string;
  style?: (s: string) => string;
}

/** Wraps pieces (each a word with its trailing space) to the width, indenting every line. */
function wrap(pieces: Piece[], indent: string, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  let visible = 0;
  for (const p of pieces) {
    const len = [...p.text].length;
    if (visible > 0 && visible + len > width - indent.length) {
      lines.push(indent + line.trimEnd());
      line = '';
      visible = 0;
    }
    const body = p.text.replace(/\s+$/, '');
    const trail = p.text.slice(body.length);
    line += (p.style ? p.style(body) : body) + trail;
    visible += len;
  }
  if (visible > 0) lines.push(indent + line.trimEnd());
  return lines;
}

function wordsOf(text: string, style?: (s: string) => string): Piece[] {
  return (text.match(/\S+\s*/g) ?? []).map((t) => ({ text: t, style }));
}

/** Long unchanged stretches shortened to their ends, so a small change in a long aim stays visible. */
function trimEqual(text: string, first: boolean, last: boolean): string {
  const keep = 70;
  if (text.length <= 2 * keep + 20) return text;
  if (first) return `… ${text.slice(-keep).replace(/^\S*\s/, '')}`;
  if (last) return `${text.slice(0, keep).replace(/\s\S*$/, ' ')}…`;
  return `${text.slice(0, keep).replace(/\s\S*$/, ' ')}… ${text.slice(-keep).replace(/^\S*\s/, '')}`;
}

/**
 * The word changes of an aim as wrappable words: each word keeps the style of each of its parts, so
 * "[-will-]{+may+}" stays one word with a red and a green half.
 */
function changePieces(words: WordChange[], s: Style): Piece[] {
  const segs: Piece[] = [];
  words.forEach((w, k) => {
    if (w.op === 'equal') {
      segs.push({ text: trimEqual(w.text, k === 0, k === words.length - 1) });
      return;
    }
    const [open, close, style] = w.op === 'delete' ? ['[-', '-]', s.red] : ['{+', '+}', s.green];
    const lead = /^\s*/.exec(w.text)![0];
    const core = w.text.trim();
    let trail = w.text.slice(lead.length + core.length);
    // A replacement reads as one: "[-will-]{+may+} be", not "[-will-] {+may+} be".
    const next = words[k + 1];
    if (w.op === 'delete' && next?.op === 'insert' && /\s$/.test(next.text) === /\s$/.test(w.text)) trail = '';
    if (w.op === 'insert' && k > 0 && words[k - 1].op === 'delete' && /^\s/.test(words[k - 1].text) && /^\s/.test(w.text)) {
      segs.push({ text: open + core + close, style }, { text: trail });
      return;
    }
    segs.push({ text: lead }, { text: open + core + close, style }, { text: trail });
  });
  const out: Piece[] = [];
  let parts: Piece[] = [];
  let space = '';
  const finish = () => {
    if (parts.length === 0) return;
    const done = parts;
    const text = done.map((p) => p.text).join('') + space;
    out.push({ text, style: (body: string) => renderParts(done, body) });
    parts = [];
    space = '';
  };
  for (const seg of segs) {
    for (const m of seg.text.matchAll(/(\S+)|(\s+)/g)) {
      if (m[1]) {
        if (space) finish();
        parts.push({ text: m[1], style: seg.style });
      } else if (parts.length > 0) space += ' ';
    }
  }
  finish();
  return out;
}

function renderParts(parts: Piece[], body: string): string {
  void body;
  return parts.map((p) => (p.style ? p.style(p.text) : p.text)).join('');
}

export function versionsText(result: DiffResult, s: Style = PLAIN): string {
  const out: string[] = [];
  out.push(s.bold('Changes between two versions of a letter'));
  out.push(`  Old: ${result.old.path}`);
  out.push(`  New: ${result.new.path}`);
  out.push('');
  out.push(summaryLine(result));
  const matters = result.aims.filter((a) => aimMatters(a).length > 0 || a.note);
  const claimCount = result.claims.length;
  out.push('');
  out.push(s.bold('What matters'));
  if (matters.length === 0 && claimCount === 0 && !result.elsewhere?.length) out.push(s.dim('  No moved deadline, changed figure, softened commitment or changed claim was found.'));
  if (claimCount > 0) {
    out.push(`  ${s.bold('Claims of union involvement')}`);
    for (const c of result.claims) {
      const line = c.newPosition ? ` (new version, line ${c.newPosition.start.line})` : c.oldPosition ? ` (old version, line ${c.oldPosition.start.line})` : '';
      out.push(...wrap(wordsOf(`! ${c.description}${line}`), '    ').map((l, k) => (k === 0 ? s.yellow(l) : s.yellow(`  ${l}`))));
    }
  }
  for (const a of matters) {
    out.push(`  ${s.bold(shorten(a.new?.title ?? a.old?.title ?? '', 80))} ${s.dim(`(${where(a)}, ${a.change})`)}`);
    for (const m of aimMatters(a)) out.push(...wrap(wordsOf(`! ${m.description}`), '    ').map((l) => s.yellow(l)));
    if (a.note) out.push(`    ${a.note}`);
  }
  if (result.elsewhere && result.elsewhere.length > 0) {
    out.push(`  ${s.bold('Elsewhere in the letter')}`);
    for (const c of result.elsewhere) {
      const line = c.newPosition ? ` (new version, line ${c.newPosition.start.line})` : '';
      out.push(...wrap(wordsOf(`! ${c.description}${line}`), '    ').map((l) => s.yellow(l)));
    }
  }
  out.push('');
  out.push(s.bold('Aim by aim'));
  if (result.aims.length === 0) out.push(s.dim('  No aims were found in either version.'));
  const w = Math.max(0, ...result.aims.map((a) => where(a).length));
  for (const a of result.aims) {
    const markStyle = a.change === 'added' ? s.green : a.change === 'removed' ? s.red : a.change === 'reworded' ? s.yellow : s.dim;
    const head = `  ${markStyle(pad(MARK[a.change], 11))} ${pad(where(a), w)}  ${shorten(titleOf(a), 120)}`;
    out.push(a.change === 'unchanged' ? s.dim(head) + (a.moved ? s.cyan(' (moved)') : '') : head + (a.moved ? s.cyan(' (moved)') : ''));
    if (a.note) out.push(`${INDENT}${s.cyan(a.note)}`);
    for (const m of a.significant) out.push(...wrap(wordsOf(`! ${m.description}`), INDENT).map((l) => s.yellow(l)));
    if (a.change === 'reworded' && a.words) out.push(...wrap(changePieces(a.words, s), INDENT));
    else if (a.change === 'added' && a.new) out.push(...wrap(wordsOf(shorten(readable(a.new.text, a.new.format), 400), s.green), INDENT));
    else if (a.change === 'removed' && a.old) out.push(...wrap(wordsOf(shorten(readable(a.old.text, a.old.format), 400), s.red), INDENT));
  }
  return out.join('\n') + '\n';
}

/* ------------------------------------------------------------ markdown */

/** Escapes document text for one line of Markdown: no markup, link or HTML from the letters survives. */
function md(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>|~&#]/g, (c) => (c === '&' ? '&amp;' : `\\${c}`))
    .trim();
}

function mdWords(words: WordChange[]): string {
  return words
    .map((w, k) => {
      if (w.op === 'equal') return md(trimEqual(w.text, k === 0, k === words.length - 1)).replace(/^(?=\S)/, w.text.startsWith(' ') ? ' ' : '') + (/\s$/.test(w.text) ? ' ' : '');
      const core = md(w.text);
      if (!core) return '';
      const lead = /^\s/.test(w.text) ? ' ' : '';
      const trail = /\s$/.test(w.text) ? ' ' : '';
      return w.op === 'delete' ? `${lead}~~${core}~~${trail}` : `${lead}**${core}**${trail}`;
    })
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export function versionsMarkdown(result: DiffResult): string {
  const out: string[] = [];
  out.push(`# Changes from ${md(result.old.path)} to ${md(result.new.path)}`);
  out.push('');
  out.push(`**${summaryLine(result)}.**`);
  out.push('');
  out.push('## What matters');
  out.push('');
  const matters = result.aims.filter((a) => aimMatters(a).length > 0 || a.note);
  if (matters.length === 0 && result.claims.length === 0 && !result.elsewhere?.length) out.push('No moved deadline, changed figure, softened commitment or changed claim was found.');
  for (const c of result.claims) out.push(`- **Claim:** ${md(c.description)}${c.newPosition ? ` (new version, line ${c.newPosition.start.line})` : c.oldPosition ? ` (old version, line ${c.oldPosition.start.line})` : ''}`);
  for (const a of matters) {
    const items = [...aimMatters(a).map((m) => m.description), ...(a.note ? [a.note] : [])];
    out.push(`- **${md(shorten(a.new?.title ?? a.old?.title ?? '', 100))}** (${where(a)}, ${a.change}): ${items.map(md).join('; ')}`);
  }
  for (const c of result.elsewhere ?? []) out.push(`- **Elsewhere:** ${md(c.description)}${c.newPosition ? ` (new version, line ${c.newPosition.start.line})` : ''}`);
  out.push('');
  out.push('## Aim by aim');
  out.push('');
  if (result.aims.length === 0) out.push('No aims were found in either version.');
  else {
    out.push('| Change | Aim | What matters |');
    out.push('|---|---|---|');
    for (const a of result.aims) {
      const items = [...a.significant.map((m) => m.description), ...(a.note ? [a.note] : []), ...(a.moved ? ['moved'] : [])];
      out.push(`| **${a.change}** (${where(a)}) | ${md(shorten(titleOf(a), 140))} | ${items.map(md).join('<br>') || '—'} |`);
    }
  }
  const reworded = result.aims.filter((a) => a.change === 'reworded' && a.words);
  if (reworded.length > 0) {
    out.push('');
    out.push('## Wording of reworded aims');
    out.push('');
    out.push('Deleted words are struck through; new words are in bold.');
    for (const a of reworded) {
      out.push('');
      out.push(`**${md(shorten(titleOf(a), 140))}** (${where(a)})`);
      out.push('');
      out.push(`> ${mdWords(a.words!)}`);
    }
  }
  return out.join('\n') + '\n';
}
