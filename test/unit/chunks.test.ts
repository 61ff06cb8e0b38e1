import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chunkBoundaries, chunkBoundariesAfterEdit, htmlBlockKind } from '../../src/core/document/chunks';
import { applyEdit, edit, markdownDocument } from '../generate/markdown-arbitraries';
import { DocumentParser } from '../../src/core/document/parse';
import type { Doc } from '../../src/core/document/model';

/** Paragraphs of ordinary prose, enough to give the chunker room for boundaries on either side of a case. */
function prose(n: number, from = 0): string {
  const out: string[] = [];
  for (let i = from; i < from + n; i++) out.push(`Paragraph ${i} sets out how the team will handle case ${i * 7} during the review. Staff were told on ${1 + (i % 28)} May.`);
  return out.join('\n\n');
}

function summary(doc: Doc) {
  return {
    blocks: doc.blocks.map((b) => ({ ...b, position: b.position })),
    sentences: doc.sentences.map((s) => ({ ...s, position: s.position })),
    masked: doc.masked,
  };
}

/** The chunked parse must give exactly the model a parse of the whole text gives. */
function expectSameAsWhole(text: string): number[] {
  const whole = new DocumentParser({ chunk: false }).parse(text);
  const chunked = new DocumentParser({ minChunk: 64, maxChunk: 512 }).parse(text);
  expect(summary(chunked)).toEqual(summary(whole));
  return chunkBoundaries(text, 64, 512);
}

/**
 * The same with a boundary at every line where the chunker may place one (minChunk and maxChunk of 1), so that a
 * boundary the rules allow in the wrong place cannot hide behind the choice by hash.
 */
function expectSameAsWholeDense(text: string): number[] {
  const whole = new DocumentParser({ chunk: false }).parse(text);
  const chunked = new DocumentParser({ minChunk: 1, maxChunk: 1 }).parse(text);
  expect(summary(chunked)).toEqual(summary(whole));
  return chunkBoundaries(text, 1, 1);
}

describe('chunk boundaries only where nothing before carries over', () => {
  it('reads only spaces and tabs as a blank line, not other white space (a paragraph with a setext underline)', () => {
    for (const space of ['\u00a0', '\u3000', '\ufeff', ' \ufeff', '\u2028']) {
      const text = `${prose(2)}\n\nA paragraph line\n${space}\n===\n\nAfter the heading.\n\n${prose(2, 5)}`;
      const starts = expectSameAsWholeDense(text);
      expect(starts).not.toContain(text.indexOf('==='));
      expect(starts).toContain(text.indexOf('After the heading.'));
    }
  });

  it('starts no chunk at a quote, which after indented code cannot open a list numbered from 10 or an empty item', () => {
    for (const quote of ['> 10. We will close three offices.\n> \n> More.', '> -\n> More.', '> > 2) Second.']) {
      const text = `${prose(2)}\n\n    indented code\n\n${quote}\n\nAfter the quote.\n\n${prose(2, 5)}`;
      const starts = expectSameAsWholeDense(text);
      expect(starts).not.toContain(text.indexOf('> '));
      expect(starts).toContain(text.indexOf('After the quote.'));
    }
  });

  it('after an edit, gives what a whole parse gives for a quote after indented code (generated case, seed 948415194)', () => {
    const text =
      'the.\n10. **the** – We welcome this in principle.\n    - the.\n\n    - <span>the</span> [the](https://example.org/the) **the**. We plan to replace the case notes system with a single national tool.\n' +
      '      - **[training](https://example.org/training) \ud83d** – These proposals have been agreed with the trade unions. We welcome this in principle.\n\n' +
      '> 10. We will close three offices and move teams into shared buildings.\n> \n> .';
    const parser = new DocumentParser({ minChunk: 48, maxChunk: 400 });
    expect(summary(parser.parse(text))).toEqual(summary(new DocumentParser({ chunk: false }).parse(text)));
    const edited = `مرحبا teams rota a😀b branch shifts مرحبا rota *working JNCC \ud83d${text}`;
    expect(summary(parser.parse(edited))).toEqual(summary(new DocumentParser({ chunk: false }).parse(edited)));
  });

  it('tells a comment or CDATA opened at the top level from one inside a paragraph or a list item', () => {
    // `<!--` inside a paragraph opens nothing; the CDATA on the next line is open to the end of the text.
    const cdata = `${prose(2)}\n\nSome text <!-- a note\n<![CDATA[ not the end -->\n\nStill inside.\n\n${prose(2, 5)}`;
    expect(expectSameAsWholeDense(cdata).every((s) => s < cdata.indexOf('<![CDATA['))).toBe(true);
    // A declaration in a list item ends with the item; the comment after it is open to the end of the text.
    const comment = `${prose(2)}\n\n2)\n   <!DOCTYPE x\n<!-- unclosed\n>\n\nStill inside.\n\n${prose(2, 5)}`;
    expect(expectSameAsWholeDense(comment).every((s) => s < comment.indexOf('<!-- unclosed'))).toBe(true);
    // `<!-->` is a whole comment (the dashes of the opening count): chunks may start after it.
    const empty = `${prose(2)}\n\n<!-->\n\n${prose(2, 5)}`;
    expect(expectSameAsWholeDense(empty).some((s) => s > empty.indexOf('<!-->'))).toBe(true);
  });

  it('places no more boundaries after fenced code indented 2 or 3 spaces that may belong to a list item', () => {
    // The first fence belongs to the item and closes with it; the second opens code that holds "Inside code".
    const text = `${prose(2)}\n\n- an item\n\n  \`\`\`\n  code\n\nText after the list.\n\n\`\`\`\n\nInside code.\n\n\`\`\`\n\n${prose(2, 5)}`;
    const starts = expectSameAsWholeDense(text);
    expect(starts.every((s) => s < text.indexOf('  ```'))).toBe(true);
    // At the top level (no list item open) the same fence is followed exactly: it holds "Text after the list.",
    // and the second fence closes it.
    const top = text.replace('- an item', 'A paragraph');
    const topStarts = expectSameAsWholeDense(top);
    expect(topStarts).not.toContain(top.indexOf('Text after'));
    expect(topStarts).toContain(top.indexOf('Inside code.'));
  });

  it('keeps a text with a link reference definition whole, as the definition applies before and after it', () => {
    const text = `${prose(2)}\n\nSee [the minutes] for the detail.\n\n${prose(2, 5)}\n\n[the minutes]: https://example.org/minutes\n\n${prose(2, 10)}`;
    expect(expectSameAsWholeDense(text)).toEqual([0]);
  });

  it('takes as front matter only what micromark does: `---` alone on the first line, closed by `---` alone', () => {
    // "----" opens no front matter: the fence on the third line is open to the end of the text.
    const text = `----\ntitle: x\n\`\`\`\n\ndate: y\n---\n\nInside code.\n\n${prose(2)}`;
    expect(expectSameAsWholeDense(text)).toEqual([0]);
    // "..." does not close front matter either.
    const dots = `---\ntitle: x\n...\n\n${prose(2)}\n---\n\n${prose(2, 5)}`;
    const starts = expectSameAsWholeDense(dots);
    expect(starts.every((s) => s === 0 || s > dots.lastIndexOf('---'))).toBe(true);
    expect(starts.length).toBeGreaterThan(1);
  });
});

describe('chunk boundaries in long runs of blank lines', () => {
  const run = `${'\n'.repeat(3000)}${'  \n'.repeat(400)}\t\n`;

  it('makes the run a chunk of its own when the line after it could start one', () => {
    const text = `${prose(3)}\n\n${run}The next paragraph follows the gap.\n\n${prose(3, 10)}`;
    const starts = chunkBoundaries(text);
    const second = text.indexOf('\n\n', text.indexOf('Staff were told', text.indexOf('Paragraph 2'))) + 2;
    expect(starts).toContain(second);
    expect(starts).toContain(text.indexOf('The next paragraph'));
    const whole = new DocumentParser({ chunk: false }).parse(text);
    expect(summary(new DocumentParser().parse(text))).toEqual(summary(whole));
  });

  it('does not when the line after it continues a list or opens a quote, or the run is inside fenced code', () => {
    for (const after of ['- a list item after the gap', '2. a numbered item after the gap', '> a quote after the gap', '    indented code after the gap']) {
      const text = `- a list item\n\n${run}${after}\n\n${prose(2)}`;
      const starts = chunkBoundaries(text, 1, 1);
      expect(starts.some((s) => s > text.indexOf('- a list item') && s <= text.indexOf(after)), after).toBe(false);
      expectSameAsWholeDense(text);
    }
    const fenced = `\`\`\`\ncode\n\n${run}more code\n\`\`\`\n\n${prose(2)}`;
    expect(chunkBoundaries(fenced, 1, 1).some((s) => s > 0 && s <= fenced.indexOf('more code'))).toBe(false);
    expectSameAsWholeDense(fenced);
  });

  it('parse as a whole text does, with runs between any blocks, before and after edits (generated)', () => {
    const gap = fc.constantFrom('\n\n', '\n\n\n\n\n', '\n'.repeat(70), ` \n${' \n'.repeat(40)}`, '\n\t\n  \n\n');
    const parts = fc.array(fc.tuple(fc.oneof(markdownDocument(), fc.constantFrom('```\ncode\n\n\n\nmore\n```', '- a\n\n\n\n- b', '> quote', '    code')), gap), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(parts, fc.array(edit, { maxLength: 3 }), (ps, edits) => {
        let text = ps.map(([p, g]) => p + g).join('');
        expectSameAsWholeDense(text);
        let starts = chunkBoundaries(text, 48, 400);
        const parser = new DocumentParser({ minChunk: 48, maxChunk: 400 });
        parser.parse(text);
        for (const e of edits) {
          const next = applyEdit(text, e);
          let start = 0;
          while (start < text.length && start < next.length && text[start] === next[start]) start++;
          let tail = 0;
          while (tail < text.length - start && tail < next.length - start && text[text.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
          starts = chunkBoundariesAfterEdit(next, starts, start, next.length - tail, next.length - text.length, 48, 400);
          expect(starts).toEqual(chunkBoundaries(next, 48, 400));
          expect(summary(parser.parse(next))).toEqual(summary(new DocumentParser({ chunk: false }).parse(next)));
          text = next;
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('chunk boundaries around HTML blocks', () => {
  it('knows the kinds of HTML block that end at a blank line', () => {
    expect(htmlBlockKind('<div>')).toBe(6);
    expect(htmlBlockKind('  </TABLE>')).toBe(6);
    expect(htmlBlockKind('<p class="x">Some text')).toBe(6);
    expect(htmlBlockKind('<section/>')).toBe(6);
    expect(htmlBlockKind('<custom-tag data-x="1" hidden>')).toBe(7);
    expect(htmlBlockKind('</custom>  ')).toBe(7);
    expect(htmlBlockKind("<x a=b c='d e' f = \"g\" />")).toBe(7);
    expect(htmlBlockKind('<b>bold</b> words')).toBe(0);
    expect(htmlBlockKind('<x a=>')).toBe(0);
    expect(htmlBlockKind('<x "a">')).toBe(0);
    expect(htmlBlockKind('    <div>')).toBe(0);
    expect(htmlBlockKind('<pre>')).toBe(0);
    expect(htmlBlockKind('a <div>')).toBe(0);
  });

  it('does not read a fence inside an HTML block as opening code', () => {
    // The first ``` is part of the HTML block; the second opens code that runs to the end.
    const text = `${prose(6)}\n\n<div>\n<p>Some <b>raw</b> HTML.</p>\n</div>\n\`\`\`\n\n\`\`\`\n\n${prose(8, 10)}`;
    const starts = expectSameAsWhole(text);
    const opening = text.indexOf('```', text.indexOf('</div>\n```') + 10);
    expect(starts.every((s) => s <= opening)).toBe(true);
  });

  it('does the same for a custom tag alone on its line, which cannot interrupt a paragraph', () => {
    const block = `${prose(6)}\n\n<custom-box>\n~~~\n</custom-box>\n\n~~~\n\n${prose(6, 10)}\n\n~~~\n\n${prose(6, 20)}`;
    const starts = expectSameAsWhole(block);
    expect(starts.some((s) => s > block.lastIndexOf('~~~'))).toBe(true);
    const inParagraph = `${prose(6)}\n\nA paragraph line\n<custom-box>\n\`\`\`\n\n${prose(6, 10)}\n\n\`\`\`\n\n${prose(6, 20)}`;
    expectSameAsWhole(inParagraph);
  });

  it('keeps processing instructions, declarations and CDATA whole until they close', () => {
    for (const [open, close] of [['<?php', '?>'], ['<!DOCTYPE html', '>'], ['<![CDATA[', ']]>']]) {
      const text = `${prose(6)}\n\n${open}\n\n${prose(6, 10)}\n\n${close}\n\n${prose(6, 20)}`;
      const starts = expectSameAsWhole(text);
      expect(starts.some((s) => s > text.indexOf(open) && s < text.indexOf(close, text.indexOf(open) + open.length))).toBe(false);
    }
  });

  it('places no more boundaries after a fence in an indented HTML block, which may belong to a list item', () => {
    const text = `${prose(6)}\n\n- an item\n\n  <div>\n\`\`\`\n\n${prose(6, 10)}\n\n\`\`\`\n\n${prose(6, 20)}`;
    const starts = expectSameAsWhole(text);
    expect(starts.every((s) => s < text.indexOf('<div>'))).toBe(true);
  });
});

describe('chunk boundaries after an edit', () => {
  /** Where two texts differ: the common prefix, and the end of the changed part in the second. */
  function changed(a: string, b: string): { start: number; end: number } {
    let start = 0;
    while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
    let end = 0;
    while (end < a.length - start && end < b.length - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
    return { start, end: b.length - end };
  }

  it('give what a whole parse gives after an edit that removes the last chunks', () => {
    const text = `${prose(4)}\n\nThe last paragraph.\n\nAnd another.`;
    const parser = new DocumentParser({ minChunk: 1, maxChunk: 1 });
    parser.parse(text);
    const edited = text.slice(0, text.indexOf('The last'));
    expect(summary(parser.parse(edited))).toEqual(summary(new DocumentParser({ chunk: false }).parse(edited)));
  });

  it('are found again from the start when an edit closes front matter opened at the top', () => {
    const text = `---\n\n${prose(40)}`;
    const before = chunkBoundaries(text, 48, 400);
    expect(before.length).toBeGreaterThan(4);
    const at = before[3] + 10;
    const edited = `${text.slice(0, at)}\n---\n${text.slice(at)}`;
    const after = chunkBoundariesAfterEdit(edited, before, at, at + 5, 5, 48, 400);
    expect(after).toEqual(chunkBoundaries(edited, 48, 400));
    expect(after[1]).toBeGreaterThan(at);
  });

  it('are the boundaries of the edited text, scanning only around the edit (generated)', () => {
    let resumed = 0;
    const blocks = fc.array(fc.oneof(markdownDocument(), fc.constantFrom('```\ncode\n\nmore\n```', '<!--\n\nnote\n\n-->', '<div>\n\ntext\n</div>', '- a\n\n- b', '---\ntitle: x\n---')), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(blocks, fc.array(edit, { minLength: 1, maxLength: 3 }), (parts, edits) => {
        let text = parts.join('\n\n');
        let starts = chunkBoundaries(text, 48, 400);
        for (const e of edits) {
          const next = applyEdit(text, e);
          const { start, end } = changed(text, next);
          const after = chunkBoundariesAfterEdit(next, starts, start, end, next.length - text.length, 48, 400);
          expect(after).toEqual(chunkBoundaries(next, 48, 400));
          if (starts.length > 2 && start > starts[2]) resumed++;
          text = next;
          starts = after;
        }
      }),
      { numRuns: 600, seed: 11 },
    );
    expect(resumed).toBeGreaterThan(50);
  });
});
