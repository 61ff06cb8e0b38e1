/**
 * The summary of changes between two versions of a letter, as HTML for the VS Code webview (beside the diff
 * editor) or a self-contained file. Pure: from the engine's DiffResult, no `vscode`.
 *
 * What matters comes first: moved deadlines, changed figures, softened or hardened commitments and changed claims
 * of union involvement; then every aim in the new version's order (removed aims where they used to be) with its
 * change and its word-level diff.
 *
 * Safety, as in the comparison report (`html.ts`): every string from a document or a path goes through `esc`;
 * nothing from a document becomes a link, an image, a style or a script. The webview page carries a strict
 * Content-Security-Policy with a fresh nonce for its one stylesheet and its one click-to-reveal script; the
 * exported page allows no script and no load at all. Colour is never the only signal: each change shows a word
 * and a symbol, and deleted and inserted words carry text markers ([-…-] and {+…+}) as well as <del> and <ins>.
 */
import type { AimDiff, DiffResult, SignificantChange, WordChange } from '../contract';
import type { Position } from '../text/positions';
import { esc, htmlPage, type HtmlOptions } from './html';
import { BASE_CSS, THEME_CSS, css, js } from './css';

export type VersionRole = 'old' | 'new';

export interface VersionsHtmlOptions {
  /** Short names of the two versions for headings (default: the result's paths). */
  oldName?: string;
  newName?: string;
}

/** How each kind of aim change is shown: a word and a text symbol, besides the colour. */
export const AIM_CHANGE_INFO: Record<AimDiff['change'], { label: string; symbol: string; description: string }> = {
  added: { label: 'Added', symbol: '+', description: 'An aim only in the new version.' },
  removed: { label: 'Removed', symbol: '−', description: 'An aim of the old version that the new version no longer has.' },
  reworded: { label: 'Reworded', symbol: '~', description: 'The aim is in both versions, in different words.' },
  unchanged: { label: 'Unchanged', symbol: '=', description: 'The aim reads the same in both versions.' },
};

/** How each kind of significant change is named and marked. */
export const SIGNIFICANT_INFO: Record<SignificantChange['kind'], { label: string; symbol: string }> = {
  date: { label: 'Date', symbol: '◷' },
  number: { label: 'Figure', symbol: '#' },
  modal: { label: 'Commitment', symbol: '⇅' },
  claim: { label: 'Claim', symbol: '!' },
};

/** A significant change placed in the letter: where it is (to reveal it) and which aim it belongs to, if any. */
export interface VersionsMatter {
  change: SignificantChange;
  /** 'claims', an aim, or 'elsewhere' (other paragraphs). */
  source: 'claim' | 'aim' | 'elsewhere';
  aim?: AimDiff;
  old?: { start: number; end: number; line: number };
  new?: { start: number; end: number; line: number };
}

/** Counts of aims by change. */
export function versionCounts(result: DiffResult): Record<AimDiff['change'], number> & { moved: number } {
  const counts = { added: 0, removed: 0, reworded: 0, unchanged: 0, moved: 0 };
  for (const a of result.aims) {
    counts[a.change]++;
    if (a.moved) counts.moved++;
  }
  return counts;
}

const at = (p: Position | undefined) => (p ? { start: p.start.offset, end: p.end.offset, line: p.start.line } : undefined);

/**
 * The significant changes in the order the summary lists them: claims of union involvement first (a claim of
 * agreement inserted is what is most often presented later as fact), then the aims' own changes in the new
 * version's order, then the rest of the letter. Within the aims, deadlines and dates come before figures and
 * commitments. Claims are listed once (an aim's claim changes are the letter's claim changes).
 */
export function versionMatters(result: DiffResult): VersionsMatter[] {
  const out: VersionsMatter[] = [];
  for (const c of result.claims) out.push({ change: c, source: 'claim', old: at(c.oldPosition), new: at(c.newPosition) });
  const rank: Record<SignificantChange['kind'], number> = { date: 0, number: 1, modal: 2, claim: 3 };
  for (const a of result.aims) {
    const own = a.significant.filter((s) => s.kind !== 'claim').sort((x, y) => rank[x.kind] - rank[y.kind]);
    for (const s of own) out.push({ change: s, source: 'aim', aim: a, old: at(s.oldPosition ?? a.old?.position), new: at(s.newPosition ?? a.new?.position) });
  }
  for (const c of result.elsewhere ?? []) out.push({ change: c, source: 'elsewhere', old: at(c.oldPosition), new: at(c.newPosition) });
  return out;
}

/** The whole page. */
export function renderVersionsHtml(result: DiffResult, options: HtmlOptions = { mode: 'export' }, names: VersionsHtmlOptions = {}): string {
  const oldName = names.oldName ?? result.old.path;
  const newName = names.newName ?? result.new.path;
  const body = renderVersionsBody(result, options.mode === 'webview', oldName, newName);
  return htmlPage(options, { title: `Changes from ${oldName} to ${newName}`, css: VERSIONS_CSS, mainId: 'versions', body, script: WEBVIEW_SCRIPT });
}

function renderVersionsBody(result: DiffResult, interactive: boolean, oldName: string, newName: string): string {
  const r = new VersionsRenderer(interactive);
  return [r.masthead(result, oldName, newName), r.matters(result), r.aims(result), r.footer()].join('\n');
}

class VersionsRenderer {
  constructor(private readonly interactive: boolean) {}

  masthead(result: DiffResult, oldName: string, newName: string): string {
    const c = versionCounts(result);
    const tiles = (['added', 'removed', 'reworded', 'unchanged'] as const).map(
      (k) => `<li class="tile change-${k}${c[k] > 0 && k !== 'unchanged' ? ' attention' : ''}"><span class="sym" aria-hidden="true">${AIM_CHANGE_INFO[k].symbol}</span><strong>${c[k]}</strong><span>${esc(AIM_CHANGE_INFO[k].label.toLowerCase())}</span></li>`,
    );
    const matters = versionMatters(result).length;
    tiles.push(`<li class="tile${matters > 0 ? ' attention significant' : ''}"><span class="sym" aria-hidden="true">!</span><strong>${matters}</strong><span>${matters === 1 ? 'significant change' : 'significant changes'}</span></li>`);
    const before = c.removed + c.reworded + c.unchanged;
    const after = c.added + c.reworded + c.unchanged;
    return `<header class="masthead">
<p class="eyebrow"><span>Counterpoint</span><span class="sep">·</span><span>Letter versions</span></p>
<h1><span class="doc-name">${esc(oldName)}</span> <span class="vs">to</span> <span class="doc-name">${esc(newName)}</span></h1>
<p class="paths">Old: <span class="path">${esc(result.old.path)}</span> <span class="sep">·</span> New: <span class="path">${esc(result.new.path)}</span></p>
<p class="counts-line">${before} ${before === 1 ? 'aim' : 'aims'} before, ${after} now${c.moved > 0 ? `; ${c.moved} moved` : ''}.</p>
<ul class="tiles" aria-label="Aims by change">${tiles.join('')}</ul>
</header>`;
  }

  matters(result: DiffResult): string {
    const list = versionMatters(result);
    const head = '<section id="matters" class="section"><h2>What matters</h2>';
    if (list.length === 0) return `${head}<p class="empty">No moved deadline, changed figure, softened commitment or changed claim of union involvement was found.</p></section>`;
    return `${head}<p class="hint">Deadlines and dates, figures, commitments (“will” and “may”) and claims of union involvement that changed between the versions.</p>
<ol class="matters">
${list.map((m) => this.matter(m)).join('\n')}
</ol></section>`;
  }

  matter(m: VersionsMatter): string {
    const s = m.change;
    const info = SIGNIFICANT_INFO[s.kind];
    const where = m.source === 'aim' ? `Aim: ${m.aim?.new?.title ?? m.aim?.old?.title ?? ''}` : m.source === 'claim' ? 'Claim of union involvement' : 'Elsewhere in the letter';
    const direction = s.change ? `<span class="chip dir dir-${esc(s.change)}">${esc(directionWord(s.change))}</span>` : '';
    const target = m.new ? { role: 'new' as const, ...m.new } : m.old ? { role: 'old' as const, ...m.old } : undefined;
    const links = [m.old && this.where('old', m.old), m.new && this.where('new', m.new)].filter(Boolean).join(' ');
    const words = s.old !== undefined || s.new !== undefined ? `<p class="was-now">${s.old !== undefined ? `<del class="w-del"><span class="mk" aria-hidden="true">[-</span>${esc(s.old)}<span class="mk" aria-hidden="true">-]</span></del>` : ''} ${s.new !== undefined ? `<ins class="w-ins"><span class="mk" aria-hidden="true">{+</span>${esc(s.new)}<span class="mk" aria-hidden="true">+}</span></ins>` : ''}</p>` : '';
    return `<li class="matter kind-${s.kind}"${target ? this.reveal(target.role, target) : ''}>
<p class="matter-meta"><span class="badge kind-${s.kind}"><span class="sym" aria-hidden="true">${esc(info.symbol)}</span><span class="word">${esc(info.label)}</span></span>${direction}<span class="matter-where">${esc(where)}</span>${links}</p>
<p class="matter-text">${esc(s.description)}</p>
${words}
</li>`;
  }

  aims(result: DiffResult): string {
    const head = '<section id="aims" class="section"><h2>Aim by aim</h2>';
    if (result.aims.length === 0) return `${head}<p class="empty">No aims were found in either version.</p></section>`;
    return `${head}<p class="hint">In the new version’s order, with removed aims where they used to be. Deleted words are struck through and marked [-like this-]; new words are underlined and marked {+like this+}. Click an aim to show it in the letter.</p>
<ol class="aims">
${result.aims.map((a) => this.aim(a)).join('\n')}
</ol></section>`;
  }

  aim(a: AimDiff): string {
    const info = AIM_CHANGE_INFO[a.change];
    const title = a.new?.title ?? a.old?.title ?? '';
    const was = a.new && a.old && a.old.title !== a.new.title ? `<p class="was">Was: ${esc(a.old.title)}</p>` : '';
    const number = a.change === 'added' ? `New ${a.newIndex ?? ''}` : a.change === 'removed' ? `Old ${a.oldIndex ?? ''}` : a.oldIndex === a.newIndex ? `Aim ${a.newIndex ?? ''}` : `Aim ${a.oldIndex ?? ''} → ${a.newIndex ?? ''}`;
    const oldAt = at(a.old?.position);
    const newAt = at(a.new?.position);
    const target = newAt ? { role: 'new' as const, ...newAt } : oldAt ? { role: 'old' as const, ...oldAt } : undefined;
    const links = [oldAt && this.where('old', oldAt), newAt && this.where('new', newAt)].filter(Boolean).join(' ');
    const notes = [
      ...(a.moved ? ['<span class="chip moved"><span aria-hidden="true">↕ </span>moved</span>'] : []),
      ...(a.similarity !== undefined && a.change === 'reworded' ? [`<span class="chip">${Math.round(a.similarity * 100)}% alike</span>`] : []),
    ].join('');
    const matters = a.significant.length > 0 ? `<ul class="aim-matters">${a.significant.map((s) => `<li><span class="sym" aria-hidden="true">${esc(SIGNIFICANT_INFO[s.kind].symbol)}</span> <strong>${esc(SIGNIFICANT_INFO[s.kind].label)}:</strong> ${esc(s.description)}</li>`).join('')}</ul>` : '';
    let body = '';
    if (a.change === 'reworded' && a.words) body = `<blockquote class="quote words">${renderWords(a.words)}</blockquote>`;
    else if (a.change === 'added' && a.new) body = `<blockquote class="quote"><ins class="w-ins whole"><span class="mk" aria-hidden="true">{+</span>${esc(plain(a.new.text))}<span class="mk" aria-hidden="true">+}</span></ins></blockquote>`;
    else if (a.change === 'removed' && a.old) body = `<blockquote class="quote"><del class="w-del whole"><span class="mk" aria-hidden="true">[-</span>${esc(plain(a.old.text))}<span class="mk" aria-hidden="true">-]</span></del></blockquote>`;
    else if (a.new) body = `<blockquote class="quote muted">${esc(plain(a.new.text))}</blockquote>`;
    return `<li class="aim change-${a.change}" aria-label="${esc(`${number}: ${title}. ${info.label}.`)}"${target ? this.reveal(target.role, target) : ''}>
<p class="aim-meta"><span class="badge change-${a.change}" title="${esc(info.description)}"><span class="sym" aria-hidden="true">${esc(info.symbol)}</span><span class="word">${esc(info.label)}</span></span><span class="aim-number">${esc(number)}</span>${notes}${links}</p>
<h3 class="aim-title">${esc(title)}</h3>
${was}
${a.note ? `<p class="note">${esc(a.note)}</p>` : ''}
${matters}
${body}
</li>`;
  }

  footer(): string {
    return `<footer class="foot"><p>Made by Counterpoint on this computer: the letters were not sent anywhere. Check each change against the letters before you rely on it.</p></footer>`;
  }

  where(role: VersionRole, l: { start: number; end: number; line: number }): string {
    const text = `${role === 'old' ? 'Old' : 'New'}, line ${l.line}`;
    if (!this.interactive) return `<span class="loc">${esc(text)}</span>`;
    return `<button type="button" class="loc" data-doc="${role}" data-start="${l.start}" data-end="${l.end}" title="${esc(`Show in the ${role} version`)}">${esc(text)}</button>`;
  }

  reveal(role: VersionRole, l: { start: number; end: number }): string {
    if (!this.interactive) return '';
    return ` data-reveal="" data-doc="${role}" data-start="${l.start}" data-end="${l.end}"`;
  }
}

function directionWord(change: NonNullable<SignificantChange['change']>): string {
  return change;
}

/** An aim's text on one line, without heading marks, emphasis markers or table pipes. */
function plain(text: string): string {
  return text
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/(\*\*|__)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/^\s*\|\s*|\s*\|\s*$/gm, '')
    .replace(/\s*\|\s*/g, ' | ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Long unchanged stretches shortened to their ends, so a small change in a long aim stays in view. */
function trimEqual(text: string, first: boolean, last: boolean): string {
  const keep = 120;
  if (text.length <= 2 * keep + 40) return text;
  if (first) return `… ${text.slice(-keep).replace(/^\S*\s/, '')}`;
  if (last) return `${text.slice(0, keep).replace(/\s\S*$/, ' ')}…`;
  return `${text.slice(0, keep).replace(/\s\S*$/, ' ')}… ${text.slice(-keep).replace(/^\S*\s/, '')}`;
}

/** Word changes as HTML: <del> and <ins> with text markers, everything escaped. */
export function renderWords(words: WordChange[]): string {
  return words
    .map((w, k) => {
      if (w.op === 'equal') return esc(trimEqual(w.text, k === 0, k === words.length - 1));
      const lead = /^\s*/.exec(w.text)![0];
      const core = w.text.trim();
      const trail = w.text.slice(lead.length + core.length);
      if (!core) return esc(w.text);
      const body =
        w.op === 'delete'
          ? `<del class="w-del"><span class="mk" aria-hidden="true">[-</span>${esc(core)}<span class="mk" aria-hidden="true">-]</span></del>`
          : `<ins class="w-ins"><span class="mk" aria-hidden="true">{+</span>${esc(core)}<span class="mk" aria-hidden="true">+}</span></ins>`;
      return `${esc(lead)}${body}${esc(trail)}`;
    })
    .join('');
}

/** Reveal on click (blocks and location buttons), unless the reader was selecting text. */
const WEBVIEW_SCRIPT = js`(function () {
  const vscode = acquireVsCodeApi();
  function reveal(el) {
    vscode.postMessage({ type: 'reveal', doc: el.getAttribute('data-doc'), start: Number(el.getAttribute('data-start')), end: Number(el.getAttribute('data-end')) });
  }
  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const button = target.closest('button.loc');
    if (button) { event.stopPropagation(); reveal(button); return; }
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const block = target.closest('[data-reveal]');
    if (block) reveal(block);
  });
  vscode.postMessage({ type: 'ready' });
})();`;

const VERSIONS_CSS = THEME_CSS + BASE_CSS + css`
:root {
  --cp-added: var(--vscode-charts-green, #1a7f37);
  --cp-removed: var(--vscode-charts-red, #cf222e);
  --cp-reworded: var(--vscode-charts-blue, #0969da);
  --cp-unchanged: var(--vscode-descriptionForeground, #59636e);
  --cp-significant: var(--vscode-charts-orange, #bc4c00);
  --cp-claim: var(--vscode-charts-purple, #8250df);
  --cp-ins-bg: var(--vscode-diffEditor-insertedTextBackground, rgba(46, 160, 67, 0.2));
  --cp-del-bg: var(--vscode-diffEditor-removedTextBackground, rgba(248, 81, 73, 0.2));
}
@media (prefers-color-scheme: dark) {
  :root {
    --cp-added: var(--vscode-charts-green, #3fb950);
    --cp-removed: var(--vscode-charts-red, #f85149);
    --cp-reworded: var(--vscode-charts-blue, #4493f8);
    --cp-significant: var(--vscode-charts-orange, #e3813b);
    --cp-claim: var(--vscode-charts-purple, #b392f0);
  }
}
body.in-webview { font-size: var(--vscode-font-size, 13px); background: var(--vscode-editor-background); }
.report { max-width: 960px; margin: 0 auto; padding: 28px 32px 40px; }
.in-webview .report { padding: 14px 18px 28px; }
h1 { font-size: 1.45em; font-weight: 650; margin: 4px 0 6px; overflow-wrap: anywhere; }
h3 { font-size: 1.02em; font-weight: 650; overflow-wrap: anywhere; }
.vs { color: var(--cp-muted); font-weight: 400; font-size: .7em; margin: 0 .25em; }
.path { font-family: var(--cp-mono); font-size: .95em; }
.counts-line { margin-top: 10px; }
.masthead { padding-bottom: 16px; border-bottom: 1px solid var(--cp-border); margin-bottom: 20px; }
.tiles { list-style: none; margin: 12px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 8px; }
.tile { --c: var(--cp-unchanged); display: flex; align-items: baseline; gap: 7px; padding: 6px 12px; border: 1px solid var(--cp-border); border-radius: var(--cp-radius); background: var(--cp-card); outline: 1px solid var(--cp-contrast); }
.tile strong { font-size: 1.35em; font-variant-numeric: tabular-nums; font-weight: 650; }
.tile .sym { color: var(--c); font-weight: 700; font-family: var(--cp-mono); }
.tile.attention { border-color: var(--c); box-shadow: inset 3px 0 0 var(--c); }
.tile.significant { --c: var(--cp-significant); }
.change-added { --c: var(--cp-added); } .change-removed { --c: var(--cp-removed); } .change-reworded { --c: var(--cp-reworded); } .change-unchanged { --c: var(--cp-unchanged); }
.kind-date, .kind-number, .kind-modal { --c: var(--cp-significant); } .kind-claim { --c: var(--cp-claim); }
.section { margin-top: 26px; }
.empty { color: var(--cp-muted); padding: 12px 14px; border: 1px dashed var(--cp-border); border-radius: var(--cp-radius); }
.badge { --c: var(--cp-muted); display: inline-flex; align-items: center; gap: 5px; padding: 1px 9px 1px 7px; border-radius: 999px; border: 1px solid var(--c); background: color-mix(in srgb, var(--c) 13%, transparent); font-weight: 600; font-size: .86em; white-space: nowrap; line-height: 1.6; outline: 1px solid var(--cp-contrast); color: var(--cp-fg); }
.badge .sym { font-family: var(--cp-mono); font-weight: 700; color: var(--c); }
.chip { display: inline-block; padding: 0 8px; border: 1px solid var(--cp-border); border-radius: 999px; font-size: .92em; color: var(--cp-fg); }
.matters, .aims { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
.matter, .aim { border: 1px solid var(--cp-border); border-left: 5px solid var(--c); border-radius: var(--cp-radius); padding: 10px 14px; display: grid; gap: 6px; outline: 1px solid var(--cp-contrast); break-inside: avoid; }
.aim.change-unchanged { border-left-style: dotted; }
.aim.change-removed { border-left-style: dashed; }
.matter-meta, .aim-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; color: var(--cp-muted); font-size: .84em; }
.matter-text { font-weight: 600; }
.matter-where { overflow-wrap: anywhere; }
.was, .note { color: var(--cp-muted); font-size: .9em; }
.aim-matters { margin: 0; padding-left: 0; list-style: none; font-size: .92em; }
.aim-matters .sym { color: var(--cp-significant); font-family: var(--cp-mono); font-weight: 700; }
.quote { margin: 0; padding: 8px 12px; border-left: 3px solid var(--cp-quote-border); background: var(--cp-quote); border-radius: 0 4px 4px 0; font-family: var(--cp-quote-font); line-height: 1.6; overflow-wrap: anywhere; }
.quote.muted { color: var(--cp-muted); }
ins.w-ins, del.w-del { border-radius: 3px; padding: 0 2px; }
ins.w-ins { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 2px; text-decoration-color: var(--cp-added); background: var(--cp-ins-bg); }
del.w-del { text-decoration: line-through; text-decoration-color: var(--cp-removed); background: var(--cp-del-bg); }
.mk { font-family: var(--cp-mono); font-size: .8em; color: var(--cp-muted); text-decoration: none; display: inline-block; }
.whole { display: inline; }
.was-now { font-size: .92em; }
[data-reveal]:hover { background: var(--cp-hover); }
.foot { margin-top: 30px; padding-top: 12px; border-top: 1px solid var(--cp-border); color: var(--cp-muted); font-size: .84em; }
body.vscode-high-contrast .matter, body.vscode-high-contrast .aim, body.vscode-high-contrast .tile { border-color: var(--vscode-contrastBorder); }
body.vscode-high-contrast .matter, body.vscode-high-contrast .aim { border-left-color: var(--c); }
@media (forced-colors: active) {
  .matter, .aim, .badge, .tile { border-color: CanvasText; }
  ins.w-ins, del.w-del { background: transparent; }
}
@media print {
  :root { --cp-bg: #ffffff; --cp-fg: #000000; --cp-muted: #444444; --cp-border: #bbbbbb; --cp-card: #ffffff; --cp-quote: #ffffff; }
  .report { max-width: none; padding: 0; }
  button.loc { color: var(--cp-muted); text-decoration: none; }
}
`;
