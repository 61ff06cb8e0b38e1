import { describe, expect, it } from 'vitest';
import { diff } from '../../src/core/analyse';
import { renderVersionsHtml, renderWords, versionCounts, versionMatters } from '../../src/core/report/versions-html';

const OLD = `# Estates review: proposals

Dear colleagues,

The proposals have the following aims:

- **Close the Harbour Street office** – move the benefits team to the civic centre by March 2026.
- **Reduce the fleet** – cut the pool fleet from 40 vans to 32.
- **Review parking** – we will keep free staff parking at all sites.
- **Hot-desking** – introduce a desk booking system for hybrid teams.

These proposals were shared with the trade unions at the JCC.

Yours sincerely,

Head of Estates
`;

const NEW = `# Estates review: proposals (revised)

Dear colleagues,

The proposals have the following aims:

- **Close the Harbour Street office** – move the benefits team to the civic centre by September 2026.
- **Reduce the fleet** – cut the pool fleet from 40 vans to 24.
- **Review parking** – we may keep free staff parking at all sites.
- **Retire the old telephony** – replace desk phones with softphones <script>alert("x")</script> & "quotes" 'too' \`ticks\`.

These proposals were agreed with the trade unions at the JCC.

Yours sincerely,

Head of Estates
`;

const result = diff({ path: 'estates/v1 <old>.md', text: OLD }, { path: 'estates/v2 "new".md', text: NEW });
const page = renderVersionsHtml(result, { mode: 'webview', cspSource: 'vscode-resource:', nonce: 'NONCE123abcNONCE' }, { oldName: 'v1 <old>.md', newName: 'v2 "new".md' });

describe('renderVersionsHtml', () => {
  it('escapes hostile text from the letters and the file names', () => {
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('&amp; &quot;quotes&quot; &#39;too&#39; &#96;ticks&#96;');
    expect(page).toContain('v1 &lt;old&gt;.md');
    expect(page).toContain('v2 &quot;new&quot;.md');
    expect(page).not.toContain('<old>');
    // Exactly one script, the page's own, with the nonce.
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain('<script nonce="NONCE123abcNONCE">');
  });

  it('carries a strict Content-Security-Policy (webview: nonce; export: nothing runs or loads)', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1].replace(/&#39;/g, "'");
    expect(csp).toBe("default-src 'none'; style-src vscode-resource: 'nonce-NONCE123abcNONCE'; script-src 'nonce-NONCE123abcNONCE'");
    expect(page).toContain('<style nonce="NONCE123abcNONCE">');
    const exported = renderVersionsHtml(result);
    expect(exported).not.toContain('<script');
    expect(exported).toContain("script-src &#39;none&#39;");
    expect(exported).not.toContain('data-reveal=""');
    expect(exported).not.toContain('<button');
  });

  it('counts the aims by change, matching the engine', () => {
    const c = versionCounts(result);
    expect(c.added).toBe(result.aims.filter((a) => a.change === 'added').length);
    expect(c.removed).toBeGreaterThanOrEqual(1);
    expect(c.added).toBeGreaterThanOrEqual(1);
    expect(c.reworded).toBeGreaterThanOrEqual(3);
    for (const k of ['added', 'removed', 'reworded', 'unchanged'] as const) {
      expect(page).toMatch(new RegExp(`<li class="tile change-${k}[^"]*"><span class="sym" aria-hidden="true">[^<]+</span><strong>${c[k]}</strong><span>${k}</span>`));
    }
  });

  it('lists the significant changes first: claims, then deadlines, figures and commitments, before the aims', () => {
    const matters = versionMatters(result);
    const kinds = matters.map((m) => m.change.kind);
    expect(kinds).toContain('claim');
    expect(kinds).toContain('date');
    expect(kinds).toContain('number');
    expect(kinds).toContain('modal');
    expect(kinds[0]).toBe('claim');
    const mattersAt = page.indexOf('id="matters"');
    const aimsAt = page.indexOf('id="aims"');
    expect(mattersAt).toBeGreaterThan(0);
    expect(aimsAt).toBeGreaterThan(mattersAt);
    // Each significant change is in the "What matters" section, in the same order.
    const section = page.slice(mattersAt, aimsAt);
    let from = 0;
    for (const m of matters) {
      const i = section.indexOf(m.change.description.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;'), from);
      expect(i, m.change.description).toBeGreaterThanOrEqual(from);
      from = i;
    }
    // The deadline's old and new wording, marked with words and symbols, not colour alone.
    expect(section).toMatch(/<span class="badge kind-date"><span class="sym" aria-hidden="true">[^<]+<\/span><span class="word">Date<\/span>/);
    expect(section).toContain('<span class="chip dir dir-later">later</span>');
    expect(section).toContain('<span class="chip dir dir-softened">softened</span>');
  });

  it('marks word changes with <del>/<ins> and text markers, and each aim with a word and a symbol', () => {
    expect(page).toMatch(/<del class="w-del"><span class="mk" aria-hidden="true">\[-<\/span>March<span class="mk" aria-hidden="true">-\]<\/span><\/del>/);
    expect(page).toMatch(/<ins class="w-ins"><span class="mk" aria-hidden="true">\{\+<\/span>September<span class="mk" aria-hidden="true">\+\}<\/span><\/ins>/);
    for (const a of result.aims) expect(page).toMatch(new RegExp(`<li class="aim change-${a.change}"`));
    expect(page).toMatch(/<span class="badge change-removed"[^>]*><span class="sym" aria-hidden="true">−<\/span><span class="word">Removed<\/span>/);
    expect(page).toMatch(/<span class="badge change-added"[^>]*><span class="sym" aria-hidden="true">\+<\/span><span class="word">Added<\/span>/);
  });

  it('lets each aim be revealed in the version it belongs to, at its exact offsets', () => {
    const removed = result.aims.find((a) => a.change === 'removed')!;
    const added = result.aims.find((a) => a.change === 'added')!;
    expect(OLD.slice(removed.old!.position.start.offset, removed.old!.position.end.offset)).toBe(removed.old!.text);
    expect(page).toContain(`data-reveal="" data-doc="old" data-start="${removed.old!.position.start.offset}" data-end="${removed.old!.position.end.offset}"`);
    expect(page).toContain(`data-reveal="" data-doc="new" data-start="${added.new!.position.start.offset}" data-end="${added.new!.position.end.offset}"`);
  });

  it('says so plainly when nothing significant changed', () => {
    const same = diff({ path: 'a.md', text: OLD }, { path: 'b.md', text: OLD });
    const html = renderVersionsHtml(same);
    expect(versionMatters(same)).toHaveLength(0);
    expect(html).toContain('No moved deadline, changed figure, softened commitment or changed claim of union involvement was found.');
  });
});

describe('renderWords', () => {
  it('escapes every part and keeps the spaces', () => {
    expect(
      renderWords([
        { op: 'equal', text: 'a <b> ' },
        { op: 'delete', text: 'will ' },
        { op: 'insert', text: 'may&might ' },
        { op: 'equal', text: 'go' },
      ]),
    ).toBe(
      'a &lt;b&gt; <del class="w-del"><span class="mk" aria-hidden="true">[-</span>will<span class="mk" aria-hidden="true">-]</span></del> <ins class="w-ins"><span class="mk" aria-hidden="true">{+</span>may&amp;might<span class="mk" aria-hidden="true">+}</span></ins> go',
    );
  });
});
