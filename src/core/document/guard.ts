/**
 * A linear look at a chunk of Markdown before it goes to the parser, to keep hostile or broken documents from
 * hanging or crashing it. micromark's work grows faster than the text in two cases:
 *  - containers nested deep (a list item in a list item … thousands deep, or `>>>>…`): time grows with the square
 *    or cube of the depth, and the tree it builds can overflow the stack;
 *  - one long list of lists (thousands of items that hold lists, with no break the chunker can split at): time
 *    grows faster than the list;
 *  - a table of many thousands of rows (no quadratic cost, but a third of a millisecond a row);
 *  - a paragraph dense with emphasis and link markup (`*a*a*a…`, `[a](` repeated): time grows with the paragraph's
 *    length times its delimiters.
 * A chunk like that is read as plain text instead (see `flatChunk` in parse.ts), with a warning. Real letters nest
 * a few levels and mark up a few phrases a paragraph, far inside both limits.
 */

/** Most quotes and list items around one line that are read as Markdown. */
export const MAX_NESTING = 32;
/** Most (paragraph length × emphasis and link delimiters in it), summed over a chunk, read as Markdown. */
export const MAX_INLINE_WORK = 10_000_000;
/** Most list items inside other list items in one chunk read as Markdown (a chunk splits only between lists). */
export const MAX_NESTED_ITEMS = 1000;
/** Most table rows in one chunk read as Markdown: micromark takes about a third of a millisecond a row. */
export const MAX_TABLE_ROWS = 5000;

/** The characters counted as emphasis and link delimiters: * _ [ ] < ` ~ */
const DELIMITER = new Uint8Array(128);
for (const c of '*_[]<`~') DELIMITER[c.charCodeAt(0)] = 1;

export type Hardness = 'nesting' | 'list' | 'table' | 'markup';

/** Why a chunk should not go to the Markdown parser, or undefined when it can. One pass over the text. */
export function tooHardToParse(text: string): Hardness | undefined {
  const items: number[] = []; // content columns of the list items open at this line
  let runLength = 0;
  let runDelimiters = 0;
  let work = 0;
  let nestedItems = 0;
  let tableRows = 0;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    // The line's end, and its emphasis and link delimiters (* _ [ ] < ` ~), in one pass.
    let eol = pos;
    let delimiters = 0;
    for (; eol < n; eol++) {
      const c = text.charCodeAt(eol);
      if (c === 10 || c === 13) break;
      if (c < 128 && DELIMITER[c] === 1) delimiters++;
    }
    const next = eol >= n ? n : text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1;
    let i = pos;
    let col = 0;
    while (i < eol) {
      const c = text.charCodeAt(i);
      if (c === 32) col++;
      else if (c === 9) col += 4 - (col % 4);
      else break;
      i++;
    }
    if (i === eol) {
      // A blank line ends a paragraph; list items stay open across it.
      work += runLength * runDelimiters;
      runLength = 0;
      runDelimiters = 0;
      pos = next;
      continue;
    }
    while (items.length > 0 && items[items.length - 1] > col) items.pop();
    // Container markers at the start of the line: quotes and list items, any number of them.
    let quotes = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      let width = 0;
      if (c === 62 /* > */) {
        quotes++;
        i++;
        col++;
      } else if ((c === 45 || c === 42 || c === 43) /* - * + */ && isSpaceOrEnd(text, i + 1, eol)) {
        width = 1;
        // A bullet, not a delimiter.
        if (c === 42) delimiters--;
      } else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < eol && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 41) /* . ) */ && isSpaceOrEnd(text, j + 1, eol)) width = j - i + 1;
        else break;
      } else break;
      if (width > 0) {
        i += width;
        col += width;
        if (items.length > 0 && ++nestedItems > MAX_NESTED_ITEMS) return 'list';
        items.push(col + 1);
      }
      while (i < eol) {
        const s = text.charCodeAt(i);
        if (s === 32) col++;
        else if (s === 9) col += 4 - (col % 4);
        else break;
        i++;
      }
      if (items.length + quotes > MAX_NESTING) return 'nesting';
      if (i >= eol) break;
    }
    if (text.charCodeAt(i) === 124 /* | */) {
      // A table row's cells are read one by one: the row is its own unit.
      work += (eol - pos) * delimiters;
      if (++tableRows > MAX_TABLE_ROWS) return 'table';
    } else {
      runLength += eol - pos;
      runDelimiters += delimiters;
    }
    if (work + runLength * runDelimiters > MAX_INLINE_WORK) return 'markup';
    pos = next;
  }
  return undefined;
}

function isSpaceOrEnd(text: string, i: number, eol: number): boolean {
  if (i >= eol) return true;
  const c = text.charCodeAt(i);
  return c === 32 || c === 9;
}

export const FLAT_MESSAGE: Record<Hardness | 'overflow', string> = {
  nesting: `Lists or quotations here are nested more than ${MAX_NESTING} levels deep, too deep to read as Markdown: this part was read as plain text.`,
  table: `This table has more than ${MAX_TABLE_ROWS.toLocaleString('en-GB')} rows, too many to read as Markdown in good time: it was read as plain text, a row at a time.`,
  list: 'This list holds too many lists within it to read as Markdown in good time: it was read as plain text.',
  markup: 'This part has too much emphasis or link markup in one paragraph to read as Markdown in good time: it was read as plain text.',
  overflow: 'This part is nested too deeply to read as Markdown: it was read as plain text.',
};
