import { describe as group, expect, it } from 'vitest';
import fc from 'fast-check';
import { attach, describe, reanchor, type Anchor } from '../../src/core/annotations/anchor';
import { approxEnds, approxStart, editDistance } from '../../src/core/annotations/approx';
import { parseAnnotationFile, serialiseAnnotationFile, type StoredAnnotation } from '../../src/core/annotations/store';
import { ANNO_CONTEXT, toWebAnnotationCollection, toWebAnnotations } from '../../src/core/annotations/w3c';

const LETTER = `# Estates restructure

Dear colleagues,

**Centralise the helpdesk** – move the four site helpdesks into one service desk at the main hospital, staffed
from 7am to 10pm.

**Review on-call rotas** – replace the current on-call arrangements with a single rota across all sites.

The proposals were discussed with staff side in May. We believe the unions broadly support the single rota.

Yours sincerely,
Director of Estates
`;

function anchorOf(text: string, quote: string, nth = 0): Anchor {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`no ${quote}`);
  return describe(text, at, at + quote.length);
}

function attachedText(text: string, anchor: Anchor): string | undefined {
  const a = attach(text, anchor);
  return a.orphaned ? undefined : text.slice(a.start, a.end);
}

group('describe', () => {
  it('records the exact text, 32 characters either side and the offsets', () => {
    const a = anchorOf(LETTER, 'single service desk'.replace('single ', 'one '));
    expect(a.quote.exact).toBe('one service desk');
    expect(a.quote.prefix).toHaveLength(32);
    expect(a.quote.suffix).toHaveLength(32);
    expect(LETTER.slice(a.position.start - 32, a.position.start)).toBe(a.quote.prefix);
    expect(LETTER.slice(a.position.end, a.position.end + 32)).toBe(a.quote.suffix);
    expect(LETTER.slice(a.position.start, a.position.end)).toBe('one service desk');
  });

  it('shortens the context at the ends of the text and never splits a surrogate pair', () => {
    const a = describe('abc', 0, 1);
    expect(a.quote).toMatchObject({ exact: 'a', prefix: '', suffix: 'bc' });
    const emoji = '😀'.repeat(20) + 'note' + '😀'.repeat(20);
    const b = describe(emoji, 40, 44);
    expect(b.quote.exact).toBe('note');
    expect(b.quote.prefix.length % 2).toBe(0);
    expect(b.quote.suffix.length % 2).toBe(0);
    expect(b.quote.prefix.codePointAt(0)).toBe(0x1f600);
  });
});

group('attach', () => {
  it('uses the position when the text has not moved', () => {
    const a = anchorOf(LETTER, 'single rota across all sites');
    expect(attach(LETTER, a)).toMatchObject({ orphaned: false, method: 'position', start: a.position.start });
  });

  it('re-attaches after insertions before the text', () => {
    const a = anchorOf(LETTER, 'single rota across all sites');
    const edited = LETTER.replace('Dear colleagues,', 'Dear colleagues,\n\nThis letter replaces the one of 2 March. Please read it with the attached plan.');
    const r = attach(edited, a);
    expect(r).toMatchObject({ orphaned: false, method: 'quote' });
    expect(attachedText(edited, a)).toBe('single rota across all sites');
    if (!r.orphaned) expect(r.start).toBe(edited.indexOf('single rota across all sites'));
  });

  it('re-attaches after a light edit inside the text', () => {
    const a = anchorOf(LETTER, 'move the four site helpdesks into one service desk at the main hospital');
    const edited = LETTER.replace('four site helpdesks', 'five site help desks');
    const r = attach(edited, a);
    expect(r).toMatchObject({ orphaned: false, method: 'fuzzy' });
    expect(attachedText(edited, a)).toBe('move the five site help desks into one service desk at the main hospital');
  });

  it('re-attaches when the text moved to another part of the letter', () => {
    const a = anchorOf(LETTER, 'We believe the unions broadly support the single rota.');
    const para = 'The proposals were discussed with staff side in May. We believe the unions broadly support the single rota.\n\n';
    const moved = LETTER.replace(para, '').replace('Dear colleagues,\n\n', 'Dear colleagues,\n\n' + para);
    expect(moved).not.toBe(LETTER);
    const r = attach(moved, a);
    expect(r.orphaned).toBe(false);
    if (!r.orphaned) {
      expect(moved.slice(r.start, r.end)).toBe('We believe the unions broadly support the single rota.');
      expect(r.start).toBeLessThan(a.position.start);
    }
  });

  it('re-attaches text that moved and was lightly edited', () => {
    const quote = 'replace the current on-call arrangements with a single rota across all sites';
    const a = anchorOf(LETTER, quote);
    const edited = 'A new opening paragraph that pushes everything down by quite a few characters indeed.\n\n' + LETTER.replace(quote, 'replace the present on-call arrangements with one rota across all sites');
    expect(attachedText(edited, a)).toBe('replace the present on-call arrangements with one rota across all sites');
  });

  it('is orphaned when the text is gone, and says why', () => {
    const a = anchorOf(LETTER, 'We believe the unions broadly support the single rota.');
    const gone = LETTER.replace('We believe the unions broadly support the single rota.', 'Formal consultation will begin in June.');
    const r = attach(gone, a);
    expect(r.orphaned).toBe(true);
    if (r.orphaned) expect(r.reason).toMatch(/no longer in the document/);
  });

  it('does not attach a short quote to a different word by approximation', () => {
    const a = anchorOf(LETTER, 'helpdesk');
    expect(attach('A letter about rotas and nothing else.', a).orphaned).toBe(true);
  });

  it('picks the right one of repeated identical quotes by prefix and suffix', () => {
    const text = `Aim 1: the review will report by March. We agree.\n\nAim 2: the pay review will report by March. We disagree.\n\nAim 3: the estates review will report by March. We have concerns.\n`;
    const quote = 'will report by March';
    for (let nth = 0; nth < 3; nth++) {
      const a = anchorOf(text, quote, nth);
      // Move everything: a new opening paragraph of a different length, so the old position is wrong.
      const shifted = 'Revised version, issued after the meeting of the joint committee.\n\n' + text;
      const r = attach(shifted, a);
      expect(r.orphaned).toBe(false);
      if (!r.orphaned) {
        expect(r.method).toBe('quote');
        const expected = shifted.indexOf(quote, shifted.indexOf(`Aim ${nth + 1}:`));
        expect(r.start).toBe(expected);
      }
    }
  });

  it('prefers context over nearness when repeated quotes are reordered', () => {
    const text = 'Pay: we agree with this aim.\n\nRotas and shifts: we agree with this aim.\n';
    const a = anchorOf(text, 'we agree with this aim', 1); // the one after "Rotas and shifts: "
    const reordered = 'Our answers follow.\n\nRotas and shifts: we agree with this aim.\n\nPay: we agree with this aim.\n';
    const r = attach(reordered, a);
    expect(r).toMatchObject({ orphaned: false, method: 'quote' });
    if (!r.orphaned) expect(r.start).toBe(reordered.indexOf('Rotas and shifts: ') + 'Rotas and shifts: '.length);
  });

  it('follows an edit to one of several identical passages rather than jumping to another copy', () => {
    const para = 'The proposals were shared with staff side in August. We believe the unions broadly support the move.';
    const text = [1, 2, 3].map((n) => `## Site ${n}\n\n${para}`).join('\n\n');
    const quote = 'We believe the unions broadly support the move.';
    const second = text.indexOf(quote, text.indexOf('## Site 2'));
    const a = describe(text, second, second + quote.length);
    const edited = text.slice(0, second) + text.slice(second).replace('broadly support', 'largely support');
    const r = attach(edited, a);
    expect(r).toMatchObject({ orphaned: false, method: 'fuzzy', start: second });
    if (!r.orphaned) expect(edited.slice(r.start, r.end)).toBe('We believe the unions largely support the move.');
  });

  it('works across CRLF line endings (offsets are UTF-16 code units of the text as it is)', () => {
    const crlf = LETTER.replace(/\n/g, '\r\n');
    const a = anchorOf(LETTER, 'single rota across all sites');
    expect(attachedText(crlf, a)).toBe('single rota across all sites');
  });

  it('keeps following the text through a sequence of edits when re-anchored each time', () => {
    let text = LETTER;
    let anchor = anchorOf(text, 'move the four site helpdesks into one service desk');
    const edits: Array<[string, string]> = [
      ['Dear colleagues,', 'Dear colleagues and staff side,'],
      ['four site helpdesks', 'four site help desks'],
      ['one service desk', 'a single service desk'],
      ['# Estates restructure', '# Estates restructure (version 2)\n\nIssued 4 June.'],
    ];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      const r = reanchor(text, anchor);
      expect(r.attachment.orphaned).toBe(false);
      anchor = r.anchor;
    }
    expect(anchor.quote.exact).toBe('move the four site help desks into a single service desk');
  });

  it('never throws and always returns a span inside the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(), fc.nat(), fc.string({ maxLength: 200 }), (text, x, y, other) => {
        const s = text.length ? x % (text.length + 1) : 0;
        const e = text.length ? y % (text.length + 1) : 0;
        const anchor = describe(text, s, e);
        const same = attach(text, anchor);
        expect(same.orphaned).toBe(false);
        if (!same.orphaned) expect(text.slice(same.start, same.end)).toBe(anchor.quote.exact);
        const r = attach(other, anchor);
        if (!r.orphaned) {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(other.length);
          expect(r.start).toBeLessThanOrEqual(r.end);
        }
      }),
      { numRuns: 300 },
    );
  });
});

group('approximate matching', () => {
  // Naive Sellers: least distance of pattern to a substring of text ending at each offset.
  function naiveEnds(text: string, pattern: string): number[] {
    const m = pattern.length;
    let col = Array.from({ length: m + 1 }, (_, i) => i);
    const out = [col[m]];
    for (let j = 0; j < text.length; j++) {
      const next = [0];
      for (let i = 1; i <= m; i++) next[i] = Math.min(col[i - 1] + (pattern[i - 1] === text[j] ? 0 : 1), col[i] + 1, next[i - 1] + 1);
      col = next;
      out.push(col[m]);
    }
    return out;
  }

  it('agrees with the naive dynamic programme (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', ' ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), fc.array(alphabet, { minLength: 1, maxLength: 12 }).map((a) => a.join('')), fc.nat(5), (text, pattern, k) => {
        const naive = naiveEnds(text, pattern);
        const ends = approxEnds(text, pattern, k);
        for (const e of ends) {
          expect(e.errors).toBe(naive[e.end]);
          expect(e.errors).toBeLessThanOrEqual(k);
          const m = approxStart(text, pattern, e.end, k);
          expect(editDistance(text.slice(m.start, m.end), pattern)).toBe(m.errors);
          expect(m.errors).toBe(e.errors);
        }
        const min = Math.min(...naive.slice(1));
        if (text.length > 0 && min <= k) expect(ends.some((e) => e.errors === min)).toBe(true);
        if (text.length === 0 || min > k) expect(ends).toHaveLength(0);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a lightly edited phrase in a long text quickly', () => {
    const filler = 'The committee noted the report and agreed to return to it at the next meeting. ';
    const text = filler.repeat(12_000) + 'we have very real concerns about the single format' + filler.repeat(100);
    const t0 = performance.now();
    const ends = approxEnds(text, 'we have very real concern about a single format', 6);
    const ms = performance.now() - t0;
    expect(ends.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1500);
  });
});

const NOTE: StoredAnnotation = {
  id: 'urn:uuid:2d0f7a4e-8f3b-4b8e-9d43-5c1b8f7c2a10',
  source: 'letters/estates.md',
  created: '2026-06-04T10:00:00.000Z',
  modified: '2026-06-04T10:05:00.000Z',
  status: 'resolved',
  target: anchorOf(LETTER, 'single rota across all sites'),
  comments: [
    { id: 'c1', body: 'Ask for the rota model <before> the JNCC.', author: 'A. Officer', created: '2026-06-04T10:00:00.000Z' },
    { id: 'c2', body: 'Raised with HR on 5 June.', author: 'B. Rep', created: '2026-06-05T09:00:00.000Z' },
  ],
};

group('the sidecar file', () => {
  it('round-trips through its text form', () => {
    const text = serialiseAnnotationFile({ version: 1, annotations: [NOTE, { ...NOTE, id: 'urn:uuid:x', status: 'open', orphaned: true }] });
    const parsed = parseAnnotationFile(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.file.annotations).toHaveLength(2);
      expect(parsed.file.annotations.find((a) => a.id === NOTE.id)).toEqual(NOTE);
      expect(parsed.file.annotations.find((a) => a.id === 'urn:uuid:x')?.orphaned).toBe(true);
    }
    expect(text.endsWith('\n')).toBe(true);
  });

  it('treats an empty file as no annotations', () => {
    expect(parseAnnotationFile('  \n')).toEqual({ ok: true, file: { version: 1, annotations: [] } });
  });

  it.each([
    ['truncated JSON', '{"version": 1, "annotations": [', /not valid JSON/],
    ['a list', '[]', /JSON object/],
    ['an unknown version', '{"version": 7, "annotations": []}', /unknown version 7/],
    ['a note without comments', JSON.stringify({ version: 1, annotations: [{ ...NOTE, comments: [] }] }), /annotation 1: "comments"/],
    ['a negative offset', JSON.stringify({ version: 1, annotations: [{ ...NOTE, target: { ...NOTE.target, position: { start: -1, end: 3 } } }] }), /target.position/],
    ['a repeated id', JSON.stringify({ version: 1, annotations: [NOTE, NOTE] }), /used twice/],
  ])('reports %s as an error instead of guessing', (_, text, message) => {
    const r = parseAnnotationFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

group('W3C Web Annotation export', () => {
  it('writes notes and replies as Annotations with the standard context, selectors and tags', () => {
    const items = toWebAnnotations([NOTE, { ...NOTE, id: 'urn:uuid:gone', status: 'open', orphaned: true, comments: [NOTE.comments[0]] }], { sourceIri: (s) => `file:///work/${s}` });
    expect(items).toHaveLength(3);
    const [note, reply] = items;
    expect(note['@context']).toBe(ANNO_CONTEXT);
    expect(note).toMatchObject({ type: 'Annotation', motivation: 'commenting', id: NOTE.id, creator: { type: 'Person', name: 'A. Officer' } });
    expect(note.body[0]).toEqual({ type: 'TextualBody', value: 'Ask for the rota model <before> the JNCC.', format: 'text/plain', language: 'en-GB', purpose: 'commenting' });
    expect(note.body).toContainEqual({ type: 'TextualBody', value: 'resolved', purpose: 'tagging' });
    expect(note.target).toEqual({
      type: 'SpecificResource',
      source: 'file:///work/letters/estates.md',
      selector: [
        { type: 'TextQuoteSelector', exact: 'single rota across all sites', prefix: NOTE.target.quote.prefix, suffix: NOTE.target.quote.suffix },
        { type: 'TextPositionSelector', start: NOTE.target.position.start, end: NOTE.target.position.end },
      ],
    });
    expect(reply).toMatchObject({ type: 'Annotation', motivation: 'replying', target: NOTE.id, body: [{ value: 'Raised with HR on 5 June.', purpose: 'replying' }] });
    expect(items[2].body).toContainEqual({ type: 'TextualBody', value: 'orphaned', purpose: 'tagging' });
    const collection = toWebAnnotationCollection([NOTE]);
    expect(collection).toMatchObject({ '@context': ANNO_CONTEXT, type: 'AnnotationCollection', total: 2, first: { type: 'AnnotationPage' } });
  });
});
