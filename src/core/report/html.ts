/**
 * The comparison report as HTML: one renderer for the VS Code webview and the exported file, from the shared view
 * model, so both show the same content.
 *
 * Safety: every string from a document (and every path) goes through `esc`; the renderer never emits a link,
 * image, frame or script built from document content. The exported file is self-contained (inline CSS, no
 * script, no remote resources) and carries its own Content-Security-Policy forbidding scripts and any load; the
 * webview variant carries the webview's CSP with a nonce for its one stylesheet and its one click-to-reveal
 * script. Colours come from VS Code's theme variables in the webview and from light/dark fallbacks
 * (`prefers-color-scheme`) in the exported file; a stance is always shown as a colour, a shape and a word.
 */
import type { ClaimStatus, Stance } from '../contract';
import {
  moreEvidence,
  STANCE_INFO,
  STANCE_ORDER,
  STATUS_INFO,
  type DocRole,
  type ReportAim,
  type ReportAnnotation,
  type ReportClaim,
  type ReportLocation,
  type ReportModel,
  type ReportPassage,
  plainText,
} from './model';
import { BASE_CSS, THEME_CSS, css, js } from './css';

export type HtmlOptions =
  | { mode: 'export' }
  | {
      mode: 'webview';
      /** `webview.cspSource`. */
      cspSource: string;
      /** A fresh random nonce for this page. */
      nonce: string;
    };

/** The Content-Security-Policy of the exported file: nothing may load or run; only the inline stylesheet applies. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'; img-src 'none'; font-src 'none'; connect-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

export function webviewCsp(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'`;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(text: string): string {
  const s = String(text);
  return NEEDS_ESCAPE.test(s) ? s.replace(/[&<>"'`]/g, (c) => ESCAPES[c]) : s;
}
const NEEDS_ESCAPE = /[&<>"'`]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** The whole page. */
export function renderReportHtml(model: ReportModel, options: HtmlOptions = { mode: 'export' }): string {
  const title = `${model.title}: ${model.letter.name} and ${model.response.name}`;
  return htmlPage(options, { title, css: REPORT_CSS, mainId: 'report', body: renderReportBody(model, options), script: WEBVIEW_SCRIPT });
}

/**
 * A self-contained page (the comparison report, the versions summary): its content security policy, its style
 * sheet and, in a webview, its script, both with the webview's nonce.
 */
export function htmlPage(options: HtmlOptions, page: { title: string; css: string; mainId: string; body: string; script: string }): string {
  const webview = options.mode === 'webview';
  const csp = webview ? webviewCsp(options.cspSource, options.nonce) : EXPORT_CSP;
  const nonceAttr = webview ? ` nonce="${esc(options.nonce)}"` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="generator" content="Counterpoint">',
    `<title>${esc(page.title)}</title>`,
    `<style${nonceAttr}>${page.css}</style>`,
    '</head>',
    `<body class="${webview ? 'in-webview' : 'exported'}">`,
    `<main id="${page.mainId}" class="report">${page.body}</main>`,
    webview ? `<script${nonceAttr}>${page.script}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The report's content (what goes inside `<main>`), also sent to the webview to update it in place. */
export function renderReportBody(model: ReportModel, options: HtmlOptions = { mode: 'export' }): string {
  const r = new Renderer(options.mode === 'webview');
  return [r.masthead(model), r.aims(model), r.points(model), r.claims(model), r.otherClaims(model), r.annotations(model), r.footer(model)].join('\n');
}

// ------------------------------------------------------------------------------------------------------------

class Renderer {
  constructor(private readonly interactive: boolean) {}

  masthead(m: ReportModel): string {
    const s = m.summary;
    const tiles = [
      tile(s.aims, s.aims === 1 ? 'aim in the letter' : 'aims in the letter', ''),
      tile(s.unanswered, 'unanswered', s.unanswered > 0 ? 'attention' : ''),
      tile(s.flaggedClaims, s.flaggedClaims === 1 ? 'flagged claim' : 'flagged claims', s.flaggedClaims > 0 ? 'attention' : ''),
      tile(s.points, s.points === 1 ? 'point of the union’s own' : 'points of the union’s own', ''),
    ];
    if (s.annotations > 0) tiles.push(tile(s.annotations, s.annotations === 1 ? 'note' : 'notes', s.orphanedAnnotations > 0 ? 'attention' : ''));
    const log = m.log ? `<span class="sep">·</span> Consultation log: <span class="path">${esc(m.log.path)}</span> (${m.log.entries} ${m.log.entries === 1 ? 'entry' : 'entries'})` : '';
    return `<header class="masthead">
<p class="eyebrow">${ICON.logo}<span>Counterpoint</span><span class="sep">·</span><span>${esc(m.title)}</span></p>
${m.subject ? `<h1>${esc(m.subject)}</h1>\n<p class="docs"><span class="doc-name">${esc(m.letter.name)}</span> <span class="vs">answered by</span> <span class="doc-name">${esc(m.response.name)}</span></p>` : `<h1><span class="doc-name">${esc(m.letter.name)}</span> <span class="vs">answered by</span> <span class="doc-name">${esc(m.response.name)}</span></h1>`}
<p class="paths">Letter: <span class="path">${esc(m.letter.path)}</span> <span class="sep">·</span> Response: <span class="path">${esc(m.response.path)}</span> ${log}</p>
<div class="summary">
<ul class="tiles">${tiles.join('')}</ul>
${this.stanceBar(m)}
</div>
</header>`;
  }

  stanceBar(m: ReportModel): string {
    const total = m.summary.aims;
    if (total === 0) return '';
    let x = 0;
    const rects: string[] = [];
    for (const st of STANCE_ORDER) {
      const n = m.summary.byStance[st];
      if (n === 0) continue;
      const w = (n / total) * 100;
      rects.push(`<rect class="seg seg-${st}" x="${x.toFixed(3)}%" y="0" width="${w.toFixed(3)}%" height="100%"><title>${esc(`${STANCE_INFO[st].label}: ${n}`)}</title></rect>`);
      x += w;
    }
    const legend = STANCE_ORDER.map((st) => `<li>${badge(st, 'small')}<span class="count">${m.summary.byStance[st]}</span></li>`).join('');
    const label = STANCE_ORDER.map((st) => `${m.summary.byStance[st]} ${STANCE_INFO[st].label.toLowerCase()}`).join(', ');
    return `<div class="stances">
<svg class="stancebar" role="img" aria-label="${esc(`Stances of the response on the ${total} aims: ${label}`)}" preserveAspectRatio="none" width="100%" height="10">${rects.join('')}</svg>
<ul class="legend" aria-label="Stances">${legend}</ul>
</div>`;
  }

  aims(m: ReportModel): string {
    const head = `<section id="aims" class="section"><h2>Aims and answers</h2>`;
    if (m.aims.length === 0) return `${head}<p class="empty">No aims were found in the letter.</p></section>`;
    const hint = m.summary.unanswered > 0 ? 'Unanswered aims first, then the rest in the letter’s order.' : 'Every aim is answered. In the letter’s order.';
    return `${head}<p class="hint">${hint}</p>
<ol class="aims">
${m.aims.map((a) => this.aim(a)).join('\n')}
</ol></section>`;
  }

  aim(a: ReportAim): string {
    const info = STANCE_INFO[a.stance];
    const answer =
      a.passages.length === 0
        ? `<div class="no-answer">${ICON.unaddressed}<p><strong>Not answered.</strong> The response does not answer this aim. You may want to answer it, or say why not, before sending.</p></div>`
        : a.passages.map((p) => this.passage(p)).join('');
    const cues = a.cues.length > 0 ? `<p class="cues">Decided by ${a.cues.map((c) => `<span class="cue-chip cue-${c.stance}">“${esc(c.phrase)}”</span>`).join(' ')}</p>` : '';
    return `<li class="aim stance-${a.stance}" id="aim-${esc(a.id)}" aria-label="${esc(`Aim ${a.number}: ${a.title}. ${info.label}.`)}">
<div class="aim-letter"${this.reveal(a.location)}>
<p class="aim-meta"><span class="aim-number">Aim ${a.number}</span>${this.where(a.location, 'Letter')}</p>
<h3 class="aim-title">${esc(a.title)}</h3>
${a.body ? `<blockquote class="quote">${esc(a.body)}</blockquote>` : ''}
</div>
<div class="aim-answer">
<p class="answer-meta">${badge(a.stance)}${a.passages.length > 0 ? `<span class="stance-note">${esc(info.description)}</span>` : ''}</p>
${answer}
${cues}
</div>
</li>`;
  }

  passage(p: ReportPassage): string {
    const body = p.runs.map((r) => (r.cue ? `<mark class="cue cue-${r.cue}">${esc(r.text)}</mark>` : esc(r.text))).join('');
    return `<figure class="passage"${this.reveal(p.location)}>
<figcaption>${this.where(p.location, `Response ¶${p.paragraph}`)}</figcaption>
<blockquote class="quote">${body}</blockquote>
</figure>`;
  }

  points(m: ReportModel): string {
    if (m.points.length === 0) return '';
    return `<section id="points" class="section"><h2>The union’s own points</h2>
<p class="hint">Passages of the response that answer no aim of the letter.</p>
<ul class="points">${m.points
      .map((p) => `<li class="point"${this.reveal(p.location)}><p class="aim-meta">${this.where(p.location, `Response ¶${p.paragraph}`)}</p><blockquote class="quote">${esc(p.display)}</blockquote></li>`)
      .join('\n')}</ul></section>`;
  }

  claims(m: ReportModel): string {
    const head = `<section id="claims" class="section"><h2>Claims of union involvement</h2>`;
    if (m.flaggedClaims.length === 0) {
      const none = m.summary.claims === 0 ? 'Neither document claims union involvement.' : 'No claim of union involvement is flagged.';
      return `${head}<p class="empty">${none}</p></section>`;
    }
    return `${head}<p class="hint">Statements that the unions were informed, engaged, consulted, negotiated with or agreed, which the evidence does not bear out.</p>
<div class="claims">${m.flaggedClaims.map((c) => this.claim(c)).join('\n')}</div></section>`;
  }

  claim(c: ReportClaim): string {
    const evidence =
      c.evidence.length === 0
        ? '<p class="evidence none">No evidence found: no dated meeting at a named forum, no minutes or formal letter in the text, and no matching entry in the consultation log.</p>'
        : `<ul class="evidence">${c.evidence.map((e) => `<li><span class="rung">${esc(e.rung)}</span> ${esc(e.description)}</li>`).join('')}${c.evidenceNotListed ? `<li>${esc(moreEvidence(c.evidenceNotListed))}</li>` : ''}</ul>`;
    // When the reason already quotes the disputing passage, point to it rather than quote it twice.
    const quoted = c.disputedBy !== undefined && plainText(c.reason).includes(c.disputedBy.display.slice(0, 40));
    const disputed = !c.disputedBy
      ? ''
      : quoted
        ? c.disputedBy.location
          ? `<p class="aim-meta disputed-link">Disputed by the response: ${this.where(c.disputedBy.location)}</p>`
          : ''
        : `<div class="disputed-by"${c.disputedBy.location ? this.reveal(c.disputedBy.location) : ''}><p class="aim-meta">Disputed by${c.disputedBy.location ? this.where(c.disputedBy.location) : ''}</p><blockquote class="quote">${esc(c.disputedBy.display)}</blockquote></div>`;
    return `<article class="claim status-${c.status}">
<p class="claim-meta">${statusBadge(c.status)}<span class="chip">claims: ${esc(c.rung)}</span>${c.hedged ? '<span class="chip">hedged</span>' : ''}${this.where(c.location)}</p>
<blockquote class="quote"${this.reveal(c.location)}>${highlight(c.display, c.phrase)}</blockquote>
<p class="reason">${esc(c.reason)}</p>
${evidence}
${disputed}
</article>`;
  }

  otherClaims(m: ReportModel): string {
    if (m.otherClaims.length === 0) return '';
    const rows = m.otherClaims
      .map((c) => `<tr><td class="nowrap">${this.where(c.location)}</td><td>${highlight(c.display, c.phrase)}</td><td class="nowrap">${statusBadge(c.status)}</td><td>${esc(c.silencedReason ? `${c.reason} (${c.silencedReason})` : c.reason)}</td></tr>`)
      .join('\n');
    return `<section id="other-claims" class="section"><h2>Other statements about union involvement</h2>
<p class="hint">Not flagged: evidenced, denied, future or hypothetical.</p>
<table class="other"><thead><tr><th scope="col">Where</th><th scope="col">Statement</th><th scope="col">Status</th><th scope="col">Why not flagged</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
  }

  annotations(m: ReportModel): string {
    if (m.annotations.length === 0) return '';
    return `<section id="annotations" class="section"><h2>Notes</h2>
<p class="hint">Notes kept beside the documents. An orphaned note’s text is no longer in the document; it is kept so nothing is lost.</p>
<ul class="notes">${m.annotations.map((a) => this.annotation(a)).join('\n')}</ul></section>`;
  }

  annotation(a: ReportAnnotation): string {
    const [note, ...replies] = a.comments;
    const where = a.location ? this.where(a.location) : `<span class="loc">${esc(docLabel(a.doc))}: the text is no longer there</span>`;
    const state = a.orphaned ? '<span class="chip orphaned">[orphaned]</span>' : a.status === 'resolved' ? '<span class="chip resolved">resolved</span>' : '<span class="chip">open</span>';
    const comment = (c: { author: string; body: string; created: string }, cls: string) =>
      `<div class="${cls}"><p class="note-by">${esc(c.author || 'Someone')}<span class="sep">·</span>${esc(formatDate(c.created))}</p><p class="note-body">${esc(c.body)}</p></div>`;
    return `<li class="note${a.orphaned ? ' is-orphaned' : ''}">
<p class="aim-meta">${state}${where}</p>
<blockquote class="quote"${a.location ? this.reveal(a.location) : ''}>${esc(plainText(a.quote))}</blockquote>
${note ? comment(note, 'note-main') : ''}
${replies.map((r) => comment(r, 'note-reply')).join('')}
</li>`;
  }

  footer(m: ReportModel): string {
    const warnings = m.log && m.log.warnings.length > 0 ? `<p class="warnings"><strong>Consultation log:</strong> ${m.log.warnings.map(esc).join('; ')}</p>` : '';
    return `<footer class="foot">${warnings}
<p>Made by Counterpoint on this computer: the documents were not sent anywhere. Stances and flags are a reader’s aid; check each passage before you rely on it.</p>
</footer>`;
  }

  /** "letter.md, line 14": a button that reveals the span in the webview, plain text in the exported file. */
  where(l: ReportLocation, label = docLabel(l.doc)): string {
    const text = l.line > 0 ? `${label}, line ${l.line}` : label;
    if (!this.interactive) return `<span class="loc">${esc(text)}</span>`;
    return `<button type="button" class="loc" data-doc="${esc(l.doc)}" data-start="${l.start}" data-end="${l.end}" title="${esc(`Show in ${l.path}`)}">${esc(text)}</button>`;
  }

  /** Makes a block clickable in the webview (the script reveals the span); nothing in the exported file. */
  reveal(l: ReportLocation): string {
    if (!this.interactive) return '';
    return ` data-reveal="" data-doc="${esc(l.doc)}" data-start="${l.start}" data-end="${l.end}"`;
  }
}

function docLabel(doc: DocRole): string {
  return doc === 'letter' ? 'Letter' : 'Response';
}

function tile(n: number, label: string, cls: string): string {
  return `<li class="tile ${cls}"><strong>${n}</strong><span>${esc(label)}</span></li>`;
}

function badge(stance: Stance, size: '' | 'small' = ''): string {
  const info = STANCE_INFO[stance];
  return `<span class="badge stance-${stance} ${size}" title="${esc(info.description)}">${ICON[stance]}<span class="word">${esc(info.label)}</span></span>`;
}

const STATUS_ICON: Record<ClaimStatus, string> = {
  disputed: 'oppose',
  overstated: 'concern',
  unevidenced: 'question',
  evidenced: 'support',
  negated: 'muted',
  future: 'muted',
  hypothetical: 'muted',
  question: 'muted',
  reported: 'muted',
  silenced: 'muted',
};

function statusBadge(status: ClaimStatus): string {
  const info = STATUS_INFO[status];
  const icon = ICON[STATUS_ICON[status] as keyof typeof ICON] ?? ICON.muted;
  return `<span class="badge status-${status}" title="${esc(info.description)}">${icon}<span class="word">${esc(info.label)}</span></span>`;
}

/** The text with the first occurrence of `phrase` marked (case-insensitive), all escaped. */
function highlight(text: string, phrase: string): string {
  const i = phrase ? text.toLowerCase().indexOf(phrase.toLowerCase()) : -1;
  if (i < 0) return esc(text);
  return `${esc(text.slice(0, i))}<mark class="phrase">${esc(text.slice(i, i + phrase.length))}</mark>${esc(text.slice(i + phrase.length))}`;
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

// Shapes drawn inline (SVG is markup, not a loaded resource): each stance has its own shape as well as colour.
const svg = (body: string, cls: string) => `<svg class="icon ${cls}" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${body}</svg>`;
const ICON = {
  support: svg('<circle cx="8" cy="8" r="7" class="fill"/><path d="M4.6 8.3l2.2 2.2 4.6-4.8" class="mark" fill="none" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>', 'i-support'),
  qualified: svg('<circle cx="8" cy="8" r="6.2" class="ring" fill="none" stroke-width="1.6"/><path d="M8 1.8a6.2 6.2 0 0 1 0 12.4z" class="fill"/>', 'i-qualified'),
  concern: svg('<path d="M8 1.3l7 12.6H1z" class="fill" stroke-linejoin="round"/><path d="M8 6v3.6" class="mark" stroke-width="1.7" stroke-linecap="round"/><circle cx="8" cy="11.8" r="0.95" class="mark-fill"/>', 'i-concern'),
  oppose: svg('<path d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1z" class="fill"/><path d="M5.5 5.5l5 5M10.5 5.5l-5 5" class="mark" stroke-width="1.8" stroke-linecap="round"/>', 'i-oppose'),
  unaddressed: svg('<circle cx="8" cy="8" r="6.2" class="ring" fill="none" stroke-width="1.6" stroke-dasharray="2.6 1.9"/>', 'i-unaddressed'),
  question: svg('<circle cx="8" cy="8" r="7" class="fill"/><path d="M6 6.2a2 2 0 1 1 2.9 1.8c-.6.3-.9.7-.9 1.3v.4" class="mark" fill="none" stroke-width="1.6" stroke-linecap="round"/><circle cx="8" cy="11.9" r="0.95" class="mark-fill"/>', 'i-question'),
  muted: svg('<circle cx="8" cy="8" r="3.2" class="fill"/>', 'i-muted'),
  logo: svg('<path d="M2 3.5h7M2 6.5h5M2 9.5h6M2 12.5h4" class="mark-c" stroke-width="1.4" stroke-linecap="round"/><path d="M11 2.5v11M11 2.5l3 2.5M11 13.5l3-2.5" class="mark-c" fill="none" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round"/>', 'i-logo'),
};

/** Reveal on click (blocks and location buttons), unless the reader was selecting text; updates in place. */
const WEBVIEW_SCRIPT = js`(function () {
  const vscode = acquireVsCodeApi();
  function reveal(el) {
    vscode.postMessage({ type: 'reveal', doc: el.getAttribute('data-doc'), start: Number(el.getAttribute('data-start')), end: Number(el.getAttribute('data-end')) });
  }
  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const button = target.closest('button.loc');
    if (button) { reveal(button); return; }
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const block = target.closest('[data-reveal]');
    if (block) reveal(block);
  });
  window.addEventListener('message', function (event) {
    const msg = event.data;
    if (msg && msg.type === 'update' && typeof msg.html === 'string') {
      const main = document.getElementById('report');
      if (main) main.innerHTML = msg.html;
    }
  });
  vscode.postMessage({ type: 'ready' });
})();`;

const REPORT_CSS = THEME_CSS + BASE_CSS + css`
:root {
  --cp-mark: var(--vscode-editor-findMatchHighlightBackground, rgba(255, 196, 0, 0.28));
  --cp-support: var(--vscode-charts-green, #1a7f37);
  --cp-qualified: var(--vscode-charts-blue, #0969da);
  --cp-concern: var(--vscode-charts-orange, #bc4c00);
  --cp-oppose: var(--vscode-charts-red, #cf222e);
  --cp-unaddressed: var(--vscode-charts-purple, #8250df);
  --cp-unevidenced: var(--vscode-charts-yellow, #9a6700);
}
@media (prefers-color-scheme: dark) {
  :root {
    --cp-mark: var(--vscode-editor-findMatchHighlightBackground, rgba(234, 179, 8, 0.3));
    --cp-support: var(--vscode-charts-green, #3fb950);
    --cp-qualified: var(--vscode-charts-blue, #4493f8);
    --cp-concern: var(--vscode-charts-orange, #e3813b);
    --cp-oppose: var(--vscode-charts-red, #f85149);
    --cp-unaddressed: var(--vscode-charts-purple, #b392f0);
    --cp-unevidenced: var(--vscode-charts-yellow, #d29922);
  }
}
html { -webkit-text-size-adjust: 100%; }
body.in-webview { font-size: var(--vscode-font-size, 13px); background: var(--vscode-editor-background); padding: 0; }
.report { max-width: 1120px; margin: 0 auto; padding: 28px 32px 40px; }
.in-webview .report { padding: 16px 20px 32px; }
h1 { font-size: 1.6em; font-weight: 650; letter-spacing: -0.01em; margin: 4px 0 6px; overflow-wrap: anywhere; }
h3 { font-size: 1.02em; font-weight: 650; }
.vs { color: var(--cp-muted); font-weight: 400; font-size: .7em; margin: 0 .25em; white-space: nowrap; }
.i-logo .mark-c { stroke: var(--cp-link); }
.path { font-family: var(--cp-mono); font-size: .95em; }
.masthead { padding-bottom: 18px; border-bottom: 1px solid var(--cp-border); margin-bottom: 22px; }
.summary { margin-top: 16px; display: grid; gap: 12px; }
.tiles { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 10px; }
.tile { display: flex; align-items: baseline; gap: 8px; padding: 8px 14px; border: 1px solid var(--cp-border); border-radius: var(--cp-radius); background: var(--cp-card); outline: 1px solid var(--cp-contrast); }
.tile strong { font-size: 1.45em; font-variant-numeric: tabular-nums; font-weight: 650; }
.tile.attention { border-color: var(--cp-unaddressed); box-shadow: inset 3px 0 0 var(--cp-unaddressed); }
.stances { display: grid; gap: 8px; }
.stancebar { display: block; width: 100%; height: 10px; border-radius: 5px; overflow: hidden; background: var(--cp-border); }
.seg-support { fill: var(--cp-support); } .seg-qualified { fill: var(--cp-qualified); } .seg-concern { fill: var(--cp-concern); }
.seg-oppose { fill: var(--cp-oppose); } .seg-unaddressed { fill: var(--cp-unaddressed); }
.legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 16px; }
.legend li { display: flex; align-items: center; gap: 6px; }
.legend .count { font-variant-numeric: tabular-nums; font-weight: 600; }

.section { margin-top: 30px; }
.empty { color: var(--cp-muted); padding: 14px 16px; border: 1px dashed var(--cp-border); border-radius: var(--cp-radius); }

.badge { --c: var(--cp-muted); display: inline-flex; align-items: center; gap: 5px; padding: 1px 9px 1px 6px; border-radius: 999px; border: 1px solid var(--c); color: var(--cp-fg); background: color-mix(in srgb, var(--c) 13%, transparent); font-weight: 600; font-size: .86em; white-space: nowrap; line-height: 1.6; outline: 1px solid var(--cp-contrast); }
.badge.small { font-size: .8em; }
.badge .icon { flex: none; }
.icon { width: 1.15em; height: 1.15em; vertical-align: -0.2em; }
.icon .fill, .icon .mark-fill { fill: var(--c); }
.icon .ring { stroke: var(--c); }
.icon .mark { stroke: var(--cp-bg); }
.icon .mark-fill { fill: var(--cp-bg); }
.stance-support { --c: var(--cp-support); } .stance-qualified { --c: var(--cp-qualified); } .stance-concern { --c: var(--cp-concern); }
.stance-oppose { --c: var(--cp-oppose); } .stance-unaddressed { --c: var(--cp-unaddressed); }
.status-disputed { --c: var(--cp-oppose); } .status-overstated { --c: var(--cp-concern); } .status-unevidenced { --c: var(--cp-unevidenced); }
.status-evidenced { --c: var(--cp-support); }
.badge.stance-unaddressed { background: transparent; border-style: dashed; }

.aims { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; }
.aim { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.25fr); border: 1px solid var(--cp-border); border-left: 5px solid var(--c); border-radius: var(--cp-radius); background: var(--cp-bg); overflow: hidden; outline: 1px solid var(--cp-contrast); break-inside: avoid; page-break-inside: avoid; }
.aim-letter { padding: 14px 16px; background: var(--cp-card); border-right: 1px solid var(--cp-border); display: grid; gap: 6px; align-content: start; }
.aim-answer { padding: 14px 16px; display: grid; gap: 10px; align-content: start; }
.aim-meta, .answer-meta, .claim-meta, figcaption { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; color: var(--cp-muted); font-size: .84em; }
.stance-note { color: var(--cp-muted); }
.quote { margin: 0; padding: 8px 12px; border-left: 3px solid var(--cp-quote-border); background: var(--cp-quote); border-radius: 0 4px 4px 0; font-family: var(--cp-quote-font); font-size: 1.02em; line-height: 1.55; overflow-wrap: anywhere; }
.docs { font-size: 1.05em; font-weight: 600; margin-bottom: 2px; }
.docs .vs { font-size: .85em; }
.aim-letter .quote { background: transparent; padding: 0 0 0 12px; color: var(--cp-fg); }
.passage { margin: 0; display: grid; gap: 4px; }
mark { color: inherit; border-radius: 3px; padding: 0 2px; }
.cue { --c: var(--cp-muted); }
mark.cue { background: color-mix(in srgb, var(--c) 24%, transparent); box-shadow: inset 0 -2px 0 var(--c); }
.cue-support { --c: var(--cp-support); } .cue-qualified { --c: var(--cp-qualified); } .cue-concern { --c: var(--cp-concern); } .cue-oppose { --c: var(--cp-oppose); }
mark.phrase { background: var(--cp-mark); box-shadow: inset 0 -2px 0 var(--cp-unevidenced); }
.cues { font-size: .84em; color: var(--cp-muted); }
.cue-chip { color: var(--cp-fg); border-bottom: 2px solid var(--c); }
.no-answer { display: flex; gap: 10px; align-items: flex-start; padding: 10px 12px; border: 1px dashed var(--cp-unaddressed); border-radius: var(--cp-radius); --c: var(--cp-unaddressed); }
.no-answer .icon { margin-top: 2px; }

.points { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
.point { display: grid; gap: 4px; }

.claims { display: grid; gap: 12px; }
.claim { border: 1px solid var(--cp-border); border-left: 5px solid var(--c); border-radius: var(--cp-radius); padding: 12px 16px; display: grid; gap: 8px; outline: 1px solid var(--cp-contrast); break-inside: avoid; page-break-inside: avoid; }
.chip { display: inline-block; padding: 0 8px; border: 1px solid var(--cp-border); border-radius: 999px; font-size: .95em; color: var(--cp-fg); }
.chip.orphaned { border-color: var(--cp-oppose); border-style: dashed; font-weight: 600; }
.chip.resolved { border-color: var(--cp-support); }
.reason { font-weight: 600; }
.evidence { margin: 0; padding-left: 18px; color: var(--cp-muted); font-size: .92em; }
p.evidence { padding-left: 0; }
.rung { font-weight: 600; color: var(--cp-fg); }
.disputed-by { display: grid; gap: 4px; padding-left: 12px; border-left: 2px solid var(--cp-oppose); }

table.other { width: 100%; border-collapse: collapse; font-size: .92em; }
table.other th, table.other td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid var(--cp-border); }
table.other th { color: var(--cp-muted); font-weight: 600; font-size: .9em; }
.nowrap { white-space: nowrap; }

.notes { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
.note { border: 1px solid var(--cp-border); border-radius: var(--cp-radius); padding: 10px 14px; display: grid; gap: 6px; break-inside: avoid; }
.note.is-orphaned { border-style: dashed; }
.note-by { color: var(--cp-muted); font-size: .84em; }
.note-body { white-space: pre-wrap; overflow-wrap: anywhere; }
.note-reply { margin-left: 14px; padding-left: 10px; border-left: 2px solid var(--cp-border); }

button.loc:hover { text-decoration-thickness: 2px; }
.aim-letter[data-reveal]:hover, .passage[data-reveal]:hover .quote, .point[data-reveal]:hover .quote, blockquote[data-reveal]:hover { background: var(--cp-hover); }

.foot { margin-top: 36px; padding-top: 14px; border-top: 1px solid var(--cp-border); color: var(--cp-muted); font-size: .84em; display: grid; gap: 6px; }

@media (max-width: 760px) {
  .report { padding: 18px 16px 32px; }
  .aim { grid-template-columns: minmax(0, 1fr); }
  .aim-letter { border-right: 0; border-bottom: 1px solid var(--cp-border); }
}
body.vscode-high-contrast .aim, body.vscode-high-contrast .claim, body.vscode-high-contrast .tile, body.vscode-high-contrast .note { border-color: var(--vscode-contrastBorder); }
body.vscode-high-contrast .aim, body.vscode-high-contrast .claim { border-left-color: var(--c); }
body.vscode-high-contrast .badge { background: transparent; }
@media (forced-colors: active) {
  .aim, .claim, .badge, .tile, .note { border-color: CanvasText; }
  .icon .fill, .icon .mark-fill { fill: CanvasText; }
  .icon .ring, .icon .mark { stroke: CanvasText; }
  .icon .mark { stroke: Canvas; }
  .stancebar { forced-color-adjust: none; }
}
@media print {
  :root { --cp-bg: #ffffff; --cp-fg: #000000; --cp-muted: #444444; --cp-border: #bbbbbb; --cp-card: #ffffff; --cp-quote: #ffffff;
          --cp-support: #1a7f37; --cp-qualified: #0550ae; --cp-concern: #a33e00; --cp-oppose: #b3141f; --cp-unaddressed: #6639ba; --cp-unevidenced: #7d5400; }
  body { font-size: 10.5pt; }
  .report { max-width: none; padding: 0; }
  .badge, .stancebar, .aim, .claim, mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
  button.loc { color: var(--cp-muted); text-decoration: none; }
}
`;
