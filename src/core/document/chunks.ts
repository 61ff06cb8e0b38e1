/**
 * Splits a Markdown text into chunks that parse the same on their own as they do in the whole text, so a
 * long document can be parsed piece by piece and only the pieces an edit touches parsed again.
 *
 * A chunk may start only at a line that follows a blank line, begins a new top-level block (not indented,
 * not a list item, which would change list numbering and looseness) and lies outside fenced code, HTML comments
 * and the other HTML blocks, and outside front matter. A code fence inside an HTML block is not a fence: where the
 * chunker cannot tell whether it is inside one (an indented HTML block may belong to a list item), it places no
 * more boundaries in the document. Among those lines, boundaries are chosen by content (a hash
 * of the line) within size bounds, so an edit moves at most the boundaries next to it.
 *
 * Known difference from parsing the whole text at once: a link reference definition in one chunk does not
 * resolve a reference in another (the reference then reads as its bracketed text).
 */
import { lineAt } from '../text/positions';
import { firstAtLeast } from '../text/search';

const MIN_CHUNK = 2048;
const MAX_CHUNK = 32768;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_MARKER = /^(?:[-+*][ \t]|\d{1,9}[.)](?:[ \t]|$))/;
const RAW_HTML_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;
/** HTML blocks that end at a marker rather than a blank line: processing instructions, declarations, CDATA. */
const MARKED_HTML_OPEN = /^ {0,3}<(?:(\?)|!\[CDATA\[|!([A-Za-z]))/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
/** Tag names that open an HTML block ending at a blank line, whatever follows on the line (CommonMark's 6th kind). */
const HTML_BLOCK_NAMES = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul'
  ).split(' '),
);

export function chunkBoundaries(text: string, minChunk = MIN_CHUNK, maxChunk = MAX_CHUNK): number[] {
  return scan(text, frontMatterEnd(text), [0], false, minChunk, maxChunk);
}

/** Where front matter ends (it belongs to the first chunk whole), or 0. */
function frontMatterEnd(text: string): number {
  if (!text.startsWith('---')) return 0;
  const close = /(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/.exec(text.slice(3));
  return close ? 3 + close.index + close[0].length : 0;
}

/**
 * The boundaries of an edited text, given those of the text before the edit (`before`), which differs from it
 * only in `[editStart, editEnd)` of the new text (the text after the edit is the same in both, shifted by
 * `delta`): the same as `chunkBoundaries(text)`, but scanning only from the last boundary before the edit to the
 * first boundary after it that was a boundary before. At a boundary the scanner is always in the same state (no
 * fence, comment or HTML block open, after a blank line), so from a boundary on, the boundaries depend only on the
 * text that follows it.
 */
export function chunkBoundariesAfterEdit(
  text: string,
  before: readonly number[],
  editStart: number,
  editEnd: number,
  delta: number,
  minChunk = MIN_CHUNK,
  maxChunk = MAX_CHUNK,
): number[] {
  // The last boundary whose line (and the line before it) lies wholly before the edit: it is a boundary again.
  let j = before.length - 1;
  while (j > 0 && !(before[j] < editStart && lineAt(text, before[j]).next < editStart)) j--;
  // Front matter is found by looking ahead: an edit can close it after the boundary (the boundary then falls
  // inside it). Front matter that closes before the boundary closes in the same place before and after the edit.
  if (j === 0 || frontMatterEnd(text) > before[j]) return chunkBoundaries(text, minChunk, maxChunk);
  const resync = (pos: number): number[] | undefined => {
    if (pos < editEnd) return undefined;
    const old = pos - delta;
    const lo = firstAtLeast(before, old);
    if (before[lo] !== old) return undefined;
    const rest: number[] = [];
    for (let k = lo + 1; k < before.length; k++) rest.push(before[k] + delta);
    return rest;
  };
  return scan(text, before[j], before.slice(0, j + 1), true, minChunk, maxChunk, resync);
}

/**
 * Scans from `pos`, a line start; `starts` are the boundaries so far, the last of them the start of the chunk
 * `pos` is in. `atBoundary`: `pos` is that boundary, so the scanner starts in its state at a boundary. `resync`
 * is asked at each new boundary for the boundaries that follow it, when they are already known.
 */
function scan(
  text: string,
  pos: number,
  starts: number[],
  atBoundary: boolean,
  minChunk: number,
  maxChunk: number,
  resync?: (pos: number) => number[] | undefined,
): number[] {
  let fence: string | undefined;
  /** The marker that ends the HTML comment or processing instruction, declaration or CDATA we are in. */
  let closer: string | undefined;
  let rawHtml: string | undefined;
  /** In an HTML block that ends at a blank line; `indented` when its first line was indented. */
  let htmlBlock: { indented: boolean } | undefined;
  let previousBlank = atBoundary;
  /** Whether the previous line may be paragraph text, which an HTML block of the 7th kind cannot interrupt. */
  let paragraph = false;
  let chunkStart = starts[starts.length - 1];

  while (pos < text.length) {
    const { eol, next } = lineAt(text, pos);
    const line = text.slice(pos, eol);

    const blank = line.trim().length === 0;
    if (!fence && !closer && !rawHtml && !htmlBlock && previousBlank && !blank && pos > chunkStart && pos - chunkStart >= minChunk) {
      const first = line.charCodeAt(0);
      const startsBlock = first !== 32 && first !== 9 && !LIST_MARKER.test(line) && !line.startsWith('---') && !line.startsWith('[');
      if (startsBlock && (hashLine(line) % 8 === 0 || pos - chunkStart >= maxChunk)) {
        starts.push(pos);
        chunkStart = pos;
        const rest = resync?.(pos);
        if (rest) {
          for (const r of rest) starts.push(r);
          return starts;
        }
      }
    }

    // Track the states in which a blank line does not end the block.
    let wasParagraph = false;
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.slice(m[0].length).trim() === '') fence = undefined;
    } else if (closer) {
      if (line.includes(closer)) closer = undefined;
    } else if (rawHtml) {
      if (line.toLowerCase().includes(`</${rawHtml}`)) rawHtml = undefined;
    } else if (htmlBlock) {
      if (blank) htmlBlock = undefined;
      else if (htmlBlock.indented && FENCE.test(line)) {
        // Inside the HTML block if it is at the top level, a fence if the block was in a list item: unknown.
        return starts;
      }
    } else {
      const m = FENCE.exec(line);
      if (m && !(m[1][0] === '`' && line.slice(m[0].length).includes('`'))) fence = m[1];
      else {
        const open = line.lastIndexOf('<!--');
        if (open >= 0 && line.indexOf('-->', open + 4) < 0) closer = '-->';
        const raw = RAW_HTML_OPEN.exec(line);
        const marked = MARKED_HTML_OPEN.exec(line);
        if (raw && !line.toLowerCase().includes(`</${raw[1].toLowerCase()}`)) rawHtml = raw[1].toLowerCase();
        else if (raw) {
          // A raw HTML block closed on its own line.
        } else if (marked && !closer) {
          const end = marked[1] ? '?>' : marked[2] ? '>' : ']]>';
          if (!line.includes(end, marked[0].length)) closer = end;
        } else if (!closer && !blank) {
          const kind = htmlBlockKind(line);
          if (kind === 6 || (kind === 7 && !paragraph)) htmlBlock = { indented: line.charCodeAt(0) === 32 };
          else wasParagraph = !ATX_HEADING.test(line);
        }
      }
    }
    previousBlank = blank;
    paragraph = wasParagraph;
    pos = next;
  }
  return starts;
}

/**
 * Whether a line opens an HTML block that ends at a blank line: 6 for a known block tag (`<div`, `</table>` …),
 * 7 for any other complete opening or closing tag alone on its line, 0 for neither. One pass over the line.
 */
export function htmlBlockKind(line: string): 0 | 6 | 7 {
  const n = line.length;
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  if (line.charCodeAt(i) !== 60 /* < */) return 0;
  i++;
  const closing = line.charCodeAt(i) === 47; /* / */
  if (closing) i++;
  const nameStart = i;
  if (!isLetter(line.charCodeAt(i))) return 0;
  while (i < n && (isLetter(line.charCodeAt(i)) || isDigit(line.charCodeAt(i)) || line.charCodeAt(i) === 45)) i++;
  const name = line.slice(nameStart, i).toLowerCase();
  let c = line.charCodeAt(i);
  if (HTML_BLOCK_NAMES.has(name) && (i >= n || c === 32 || c === 9 || c === 62 || (c === 47 && line.charCodeAt(i + 1) === 62))) return 6;
  if (!closing && (name === 'script' || name === 'pre' || name === 'style' || name === 'textarea')) return 0;
  if (!closing) {
    // Attributes: white space, a name, and optionally `=` and a value.
    for (;;) {
      const before = i;
      while (i < n && isSpace(line.charCodeAt(i))) i++;
      c = line.charCodeAt(i);
      if (i === before || !(isLetter(c) || c === 95 || c === 58)) {
        i = before;
        break;
      }
      while (i < n && isAttributeNameChar(line.charCodeAt(i))) i++;
      let j = i;
      while (j < n && isSpace(line.charCodeAt(j))) j++;
      if (line.charCodeAt(j) !== 61 /* = */) continue;
      j++;
      while (j < n && isSpace(line.charCodeAt(j))) j++;
      const q = line.charCodeAt(j);
      if (q === 34 || q === 39) {
        const close = line.indexOf(q === 34 ? '"' : "'", j + 1);
        if (close < 0) return 0;
        i = close + 1;
      } else {
        const valueStart = j;
        while (j < n && isUnquotedValueChar(line.charCodeAt(j))) j++;
        if (j === valueStart) return 0;
        i = j;
      }
    }
  }
  while (i < n && isSpace(line.charCodeAt(i))) i++;
  if (!closing && line.charCodeAt(i) === 47) i++;
  if (line.charCodeAt(i) !== 62 /* > */) return 0;
  i++;
  while (i < n && isSpace(line.charCodeAt(i))) i++;
  return i === n ? 7 : 0;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isAttributeNameChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95 || c === 46 || c === 58 || c === 45;
}

/** Not white space, `"`, `'`, `=`, `<`, `>` or `` ` ``. */
function isUnquotedValueChar(c: number): boolean {
  return !isSpace(c) && c !== 34 && c !== 39 && c !== 61 && c !== 60 && c !== 62 && c !== 96;
}

function hashLine(line: string): number {
  let h = 2166136261;
  const n = Math.min(line.length, 48);
  for (let i = 0; i < n; i++) {
    h ^= line.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
