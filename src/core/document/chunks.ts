/**
 * Splits a Markdown text into chunks that parse the same on their own as they do in the whole text, so a
 * long document can be parsed piece by piece and only the pieces an edit touches parsed again.
 *
 * A chunk may start only where micromark (CommonMark with the GFM table and strikethrough and front-matter
 * extensions) carries nothing across from the text before:
 * - at a line after a blank line (spaces and tabs only: U+00A0, U+3000, U+FEFF and the like are text, and a line
 *   of them continues a paragraph, which the next line may turn into a setext heading). The blank line has closed
 *   every paragraph, table and HTML block of kinds 6 and 7;
 * - at a line that is not indented and starts no container: not a list item (which would continue the list
 *   before, its numbering and looseness) and not a quote. Such a line closes every list item and quote still
 *   open (a list item spans blank lines; lazy continuation needs a paragraph, closed by the blank line). A quote
 *   is left out because micromark reads the containers a line opens as interrupting when the flow before is still
 *   in a construct, as indented code is across blank lines: after indented code, `> 10. text` is a quote of a
 *   paragraph, not of a list numbered from 10, and `> -` no empty list item;
 * - outside fenced code and HTML blocks of kinds 1 to 5 (`<script`, `<pre`, `<style`, `<textarea`, comments,
 *   processing instructions, declarations, CDATA), which run to their end or to the end of the text when opened
 *   at the top level. Only a line indented at most 3 spaces opens them at the top level; a line indented 2 or 3
 *   may instead belong to a list item (where the block ends with the item), and a line after a paragraph line or
 *   after an HTML block's first line of kind 7 may be inside that HTML block. Where the scanner cannot tell, it
 *   places no more boundaries in the document;
 * - not a link reference definition (`[`), which applies to the whole document: a text that may hold one
 *   (any `]:`) is one chunk; and after front matter, which micromark opens only with `---` alone on the first line.
 * Among those lines, boundaries are chosen by content (a hash of the line) within size bounds, so an edit moves
 * at most the boundaries next to it. The scanner's state at a boundary is always the same (after a blank line,
 * nothing open), so the boundaries after one depend only on the text after it.
 *
 * A run of blank lines at least `minChunk` long, outside fenced code and HTML blocks of kinds 1 to 5 and followed
 * by a line that may start a chunk (or by the end of the text), is a chunk of its own: from the run's second line
 * to that line. It holds nothing, and the parser does not hand it to micromark, which reads blank lines slowly
 * (200 KB of them took over a second). Such a boundary depends on the run and the line after it.
 */
import { lineAt } from '../text/positions';
import { firstAtLeast } from '../text/search';

const MIN_CHUNK = 2048;
const MAX_CHUNK = 32768;

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
  if (mayDefineLinks(text)) return [0];
  return scan(text, frontMatterEnd(text), [0], false, minChunk, maxChunk);
}

/**
 * Whether the text may hold a link reference definition (`[label]: destination`), which applies to the whole
 * document, before it and after: such a text is one chunk.
 */
function mayDefineLinks(text: string): boolean {
  return text.includes(']:');
}

/**
 * Where front matter ends (it belongs to the first chunk whole), or 0: micromark's YAML front matter opens with
 * `---` alone on the first line and closes at the next line that is `---` alone (trailing spaces allowed). Only
 * then: lines after a `----` or an unclosed `---` are Markdown, and scanned as such.
 */
function frontMatterEnd(text: string): number {
  const open = /^---[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return 0;
  const close = /(?:^|\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/.exec(text.slice(open[0].length));
  return close ? open[0].length + close.index + close[0].length : 0;
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
  // (A boundary at a blank line starts a run of them: it depends on the run and the line after it.)
  let j = before.length - 1;
  while (j > 0 && !(before[j] < editStart && lineAt(text, dependsOn(text, before[j])).next < editStart)) j--;
  // Front matter is found by looking ahead: an edit can close it after the boundary (the boundary then falls
  // inside it). Front matter that closes before the boundary closes in the same place before and after the edit.
  // A link reference definition anywhere makes the text one chunk.
  if (j === 0 || frontMatterEnd(text) > before[j] || mayDefineLinks(text)) return chunkBoundaries(text, minChunk, maxChunk);
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
 * `pos` is in. `atBoundary`: `pos` is that boundary, so the scanner starts in its state at a boundary (the line
 * before blank, nothing open). `resync` is asked at each new boundary for the boundaries that follow it, when they
 * are already known.
 *
 * The scanner follows only what can still be open at the top level after a blank line (see the header comment):
 * fenced code and HTML blocks. It gives up (places no more boundaries) where it cannot tell whether a line opens
 * one of them at the top level or inside a list item or another HTML block.
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
  /** The open fenced code block's fence (at the top level). */
  let fence: string | undefined;
  /** What ends the open HTML block of kinds 1 to 5 (at the top level); lower case. */
  let closer: RegExp | string | undefined;
  /** In an HTML block of kind 6 or 7 at the top level, which ends at a blank line. */
  let htmlBlock = false;
  /** Since the last blank line, a line may have opened an HTML block of kind 6 or 7 (in a container or not). */
  let htmlMaybe = false;
  /** A list item may be open, so that a line indented 2 or 3 spaces may belong to it rather than to the top level. */
  let listMaybe = false;
  let previousBlank = atBoundary;
  let chunkStart = starts[starts.length - 1];
  /** Where the run of blank lines last measured ends: a run is measured once. */
  let runChecked = 0;
  /** Starts a chunk at `at`; true when the boundaries after it are known from before an edit (and added). */
  const startChunk = (at: number): boolean => {
    starts.push(at);
    chunkStart = at;
    const rest = resync?.(at);
    if (rest) for (const r of rest) starts.push(r);
    return rest !== undefined;
  };

  while (pos < text.length) {
    const { eol, next } = lineAt(text, pos);
    const line = text.slice(pos, eol);
    const blank = isBlank(line);
    if (!fence && !closer && previousBlank && blank && pos > chunkStart && pos >= runChecked) {
      // A long run of blank lines (micromark reads each at some cost, and they make nothing) is a chunk of its own
      // when the line after it could start one: it starts at the run's second line, and the line after it starts
      // the next chunk, whatever its hash.
      const after = (runChecked = blankRunEnd(text, next));
      if (after - pos >= minChunk && (after === text.length || canStartChunk(text.slice(after, lineAt(text, after).eol)))) {
        if (startChunk(pos) || (after < text.length && startChunk(after))) return starts;
        // At the line after the run: nothing open, after a blank line, no list (that line closes any).
        htmlBlock = htmlMaybe = listMaybe = false;
        pos = after;
        continue;
      }
    }
    if (!fence && !closer && !htmlBlock && previousBlank && !blank && pos > chunkStart && pos - chunkStart >= minChunk && canStartChunk(line)) {
      if ((hashLine(line) % 8 === 0 || pos - chunkStart >= maxChunk) && startChunk(pos)) return starts;
    }

    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (closer) {
      if (closes(line, 0, closer)) closer = undefined;
    } else if (blank) {
      htmlBlock = false;
      htmlMaybe = false;
    } else if (!htmlBlock) {
      let indent = 0;
      while (indent < 4 && line.charCodeAt(indent) === 32) indent++;
      if (indent < 4 && line.charCodeAt(indent) === 9) indent = 4;
      const first = line.charCodeAt(indent);
      // After a blank line, a line indented less than any list item's content (at least 2 columns) ends all lists
      // and block quotes, unless it starts a list item or a quote itself.
      if (previousBlank && indent <= 1 && first !== 62 /* > */ && listMarkerEnd(line, indent) < 0) listMaybe = false;
      // Only a line indented at most 3 spaces can open fenced code or an HTML block at the top level; one
      // indented 2 or 3 spaces may belong to an open list item instead.
      const kind = indent < 4 && (first === 96 || first === 126 || first === 60) ? openerKind(line, indent) : 0;
      if (kind !== 0) {
        const topLevel = indent <= 1 || !listMaybe;
        if (kind === FENCED || kind <= 5) {
          const end = kind === FENCED ? undefined : closerOf(kind);
          const stays = kind === FENCED || !closes(line, indent + openerLength(kind, line, indent), end!);
          // A block closed on its own line leaves nothing open, wherever it is.
          if (stays) {
            // Inside a list item or an HTML block of kind 6 or 7 this line is not what it is at the top level.
            if (!topLevel || htmlMaybe) return starts;
            if (kind === FENCED) fence = line.slice(indent, runEnd(line, indent));
            else closer = end;
          }
        } else if (topLevel && (kind === 6 || previousBlank)) htmlBlock = true;
        // A seventh kind after a line of text may continue a paragraph; either kind indented 2 or 3 spaces may
        // belong to a list item, where it ends with the item.
        else htmlMaybe = true;
        // A block opened at the top level has closed every list.
        if (topLevel && (fence || closer || htmlBlock)) listMaybe = false;
      }
      if (!listMaybe && startsListItem(line)) listMaybe = true;
    }
    previousBlank = blank;
    pos = next;
  }
  return starts;
}

const FENCED = 8;
const RAW_CLOSE = /<\/(?:script|pre|style|textarea)>/i;
const RAW_OPEN = /^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i;

/**
 * Whether a line (from `i`, after at most 3 spaces) opens fenced code (`FENCED`) or an HTML block of CommonMark's
 * kind 1 (`<script`, `<pre`, `<style`, `<textarea`), 2 (`<!--`), 3 (`<?`), 4 (`<!` and a letter), 5 (`<![CDATA[`),
 * 6 (a known block tag) or 7 (another complete tag alone on its line); 0 for none.
 */
function openerKind(line: string, i: number): number {
  const c = line.charCodeAt(i);
  if (c === 96 || c === 126) {
    const end = runEnd(line, i);
    if (end - i < 3) return 0;
    return c === 96 && line.indexOf('`', end) >= 0 ? 0 : FENCED;
  }
  const d = line.charCodeAt(i + 1);
  if (d === 33 /* ! */) {
    if (line.startsWith('--', i + 2)) return 2;
    if (line.startsWith('[CDATA[', i + 2)) return 5;
    return isLetter(line.charCodeAt(i + 2)) ? 4 : 0;
  }
  if (d === 63 /* ? */) return 3;
  if (RAW_OPEN.test(line.slice(i, i + 10))) return 1;
  return htmlBlockKind(line);
}

/** What ends an HTML block of kinds 1 to 5. */
function closerOf(kind: number): RegExp | string {
  return kind === 1 ? RAW_CLOSE : kind === 2 ? '-->' : kind === 3 ? '?>' : kind === 4 ? '>' : ']]>';
}

/**
 * Where on its opening line micromark starts looking for the end of an HTML block of kinds 1 to 5, from the `<`:
 * the dashes of `<!--` count towards `-->` (`<!-->` is a whole comment), the `?` of `<?` towards `?>`.
 */
function openerLength(kind: number, line: string, i: number): number {
  return kind === 1 ? 1 + (/^[a-z]+/i.exec(line.slice(i + 1, i + 10))?.[0].length ?? 0) : kind === 2 ? 2 : kind === 3 ? 1 : kind === 4 ? 2 : 9;
}

function closes(line: string, from: number, end: RegExp | string): boolean {
  return typeof end === 'string' ? line.indexOf(end, from) >= 0 : end.test(from === 0 ? line : line.slice(from));
}

/** The end of the run of the character at `i`. */
function runEnd(line: string, i: number): number {
  const c = line.charCodeAt(i);
  let j = i;
  while (line.charCodeAt(j) === c) j++;
  return j;
}

/** Whether a line closes fenced code opened with `fence`: at most 3 spaces, as long a run or longer, nothing after. */
function closesFence(line: string, fence: string): boolean {
  let i = 0;
  while (i < 4 && line.charCodeAt(i) === 32) i++;
  if (i === 4 || line.charCodeAt(i) !== fence.charCodeAt(0)) return false;
  const end = runEnd(line, i);
  return end - i >= fence.length && isBlank(line.slice(end));
}

/** The last line a boundary at `b` was chosen by: its own, or for one in a run of blank lines, the line after the run. */
function dependsOn(text: string, b: number): number {
  return isBlank(text.slice(b, lineAt(text, b).eol)) ? blankRunEnd(text, b) : b;
}

/** The start of the first line from `pos` (a line start) that is not blank, or the end of the text. */
function blankRunEnd(text: string, pos: number): number {
  while (pos < text.length) {
    const { eol, next } = lineAt(text, pos);
    if (!isBlank(text.slice(pos, eol))) return pos;
    pos = next;
  }
  return text.length;
}

/** Blank for CommonMark: spaces and tabs only (not the other white space `trim` removes). */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Where a list item's marker at `i` ends (`-`, `+`, `*`, or up to nine digits and `.` or `)`, then white space or the end), or -1. */
function listMarkerEnd(line: string, i: number): number {
  const c = line.charCodeAt(i);
  let j = i;
  if (c === 45 || c === 43 || c === 42) j++;
  else {
    while (j - i < 9 && isDigit(line.charCodeAt(j))) j++;
    if (j === i) return -1;
    const m = line.charCodeAt(j);
    if (m !== 46 && m !== 41) return -1;
    j++;
  }
  return j === line.length || isSpace(line.charCodeAt(j)) ? j : -1;
}

/** Whether a line may start a list item, after any quote markers and indentation. */
function startsListItem(line: string): boolean {
  let i = 0;
  for (;;) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 62) break;
    i++;
  }
  return listMarkerEnd(line, i) >= 0;
}

/**
 * Whether a chunk may start at a line that follows a blank line outside fenced code and HTML blocks: one that
 * starts no container (a quote or a list item, which could continue one before or be read differently after
 * indented code) and is not indented, not a link reference definition, not a front-matter fence. (A chunk
 * may start with U+FEFF: the parser keeps it, see parse.ts.)
 */
function canStartChunk(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c === 32 || c === 9 || c === 62 /* > */ || c === 91 /* [ */) return false;
  return listMarkerEnd(line, 0) < 0 && !line.startsWith('---');
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
