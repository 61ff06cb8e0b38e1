/**
 * A structural stand-in for aim extraction, used by the version diff only when the shared extractor
 * (src/core/aims/extract.ts) finds no aim in either version: table rows, list items, lead-in paragraphs,
 * sections under a heading, and paragraphs of prose that state an intention. It knows nothing of the
 * domain's wording beyond a few openings, so a real extractor always wins.
 */
import type { AimFormat } from '../contract';
import type { LetterAim } from '../aims/extract';
import type { Block, Doc } from '../document/model';
import { located } from '../document/located';
import type { Span } from '../text/positions';
import { isEnumeratorOnly } from './tokens';

const NOT_AN_AIM = /^(?:dear\b|yours\b|kind regards|best wishes|regards\b|thank you\b|to:|from:|date:|re:|cc:)/i;
const DASHED = /^[^.:\u2013\u2014]{3,90}?\s[\u2013\u2014-]\s\S/;
const PROSE = /^(?:we|the\s+(?:\w+\s+){0,2}(?:council|service|trust|department|university|review|school|board|faculty|constabulary|directorate|employer|organisation|programme|authority))\s+(?:will|intend|propose|plan|aim|also\s+(?:intend|propose|plan|will|want)|are\s+(?:proposing|planning)|want)\b/i;

export function standInAims(doc: Doc): LetterAim[] {
  const aims: LetterAim[] = [];
  const add = (blocks: Block[], format: AimFormat, title: string) => {
    const span: Span = { start: blocks[0].span.start, end: blocks[blocks.length - 1].span.end };
    const loc = located(doc, span);
    aims.push({ id: `aim-${aims.length + 1}`, ...loc, title: title.trim(), format, span, blocks: blocks.map((b) => b.index) });
  };
  const blocks = doc.blocks;
  let lastHeading = -1;
  for (const b of blocks) if (b.kind === 'heading') lastHeading = b.index;
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.quoteDepth > 0 || b.text.length < 3 || NOT_AN_AIM.test(b.text)) continue;
    if (b.kind === 'tableRow') {
      if (b.headerRow || !b.cells) continue;
      const cells = b.cells.map((c) => doc.masked.slice(c.start, c.end).trim());
      const title = cells.find((c) => c.length > 0 && !isEnumeratorOnly(c)) ?? b.text;
      add([b], 'table row', title);
      continue;
    }
    if (b.kind === 'heading') {
      if ((b.depth ?? 1) < 2) continue;
      const body: Block[] = [];
      let e = k + 1;
      while (e < blocks.length && blocks[e].kind !== 'heading' && blocks[e].kind !== 'tableRow' && !(blocks[e].list && blocks[e].firstInItem)) {
        if (NOT_AN_AIM.test(blocks[e].text)) break;
        body.push(blocks[e]);
        e++;
        if (e < blocks.length && blocks[e].kind !== 'heading' && e > lastHeading) break;
      }
      if (body.length === 0) continue;
      add([b, ...body], 'heading', b.text);
      k = e - 1;
      continue;
    }
    if (b.list) {
      if (!b.firstInItem || b.list.depth > 1) continue;
      const title = b.leadIn ? doc.masked.slice(b.leadIn.start, b.leadIn.end).trim() : firstWords(b.text);
      add([b], b.leadIn ? 'lead-in' : 'list item', title);
      continue;
    }
    if (b.leadIn && b.leadIn.end < b.span.end - 3) {
      add([b], 'lead-in', doc.masked.slice(b.leadIn.start, b.leadIn.end).trim().replace(/[:.\u2013\u2014-]$/, ''));
      continue;
    }
    const dashed = DASHED.exec(b.text);
    if (dashed) {
      add([b], 'lead-in', b.text.split(/\s[\u2013\u2014-]\s/)[0]);
      continue;
    }
    if (PROSE.test(b.text)) add([b], 'prose', firstWords(b.text));
  }
  return aims;
}

function firstWords(text: string): string {
  const words = text.split(/\s+/).slice(0, 8).join(' ');
  return words.length < text.length ? `${words} …` : words;
}
