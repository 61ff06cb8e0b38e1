/**
 * Splits a Markdown text into chunks that parse the same on their own as they do in the whole text, so a
 * long document can be parsed piece by piece and only the pieces an edit touches parsed again.
 *
 * A chunk may start only at a line that follows a blank line, begins a new top-level block (not indented,
 * not a list item, which would change list numbering and looseness) and lies outside fenced code, HTML comments
 * and raw HTML blocks, and outside front matter. Among those lines, boundaries are chosen by content (a hash
 * of the line) within size bounds, so an edit moves at most the boundaries next to it.
 *
 * Known difference from parsing the whole text at once: a link reference definition in one chunk does not
 * resolve a reference in another (the reference then reads as its bracketed text).
 */
import { lineAt } from '../text/positions';

const MIN_CHUNK = 2048;
const MAX_CHUNK = 32768;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_MARKER = /^(?:[-+*][ \t]|\d{1,9}[.)](?:[ \t]|$))/;
const RAW_HTML_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;

export function chunkBoundaries(text: string, minChunk = MIN_CHUNK, maxChunk = MAX_CHUNK): number[] {
  const starts = [0];
  let pos = 0;
  let fence: string | undefined;
  let inComment = false;
  let rawHtml: string | undefined;
  let previousBlank = false;
  let chunkStart = 0;

  // Front matter belongs to the first chunk whole.
  if (text.startsWith('---')) {
    const close = /(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/.exec(text.slice(3));
    if (close) pos = 3 + close.index + close[0].length;
  }

  while (pos < text.length) {
    const { eol, next } = lineAt(text, pos);
    const line = text.slice(pos, eol);

    const blank = line.trim().length === 0;
    if (!fence && !inComment && !rawHtml && previousBlank && !blank && pos - chunkStart >= minChunk) {
      const first = line.charCodeAt(0);
      const startsBlock = first !== 32 && first !== 9 && !LIST_MARKER.test(line) && !line.startsWith('---') && !line.startsWith('[');
      if (startsBlock && (hashLine(line) % 8 === 0 || pos - chunkStart >= maxChunk)) {
        starts.push(pos);
        chunkStart = pos;
      }
    }

    // Track the states in which a blank line does not end the block.
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.slice(m[0].length).trim() === '') fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if (rawHtml) {
      if (line.toLowerCase().includes(`</${rawHtml}`)) rawHtml = undefined;
    } else {
      const m = FENCE.exec(line);
      if (m && !(m[1][0] === '`' && line.slice(m[0].length).includes('`'))) fence = m[1];
      else {
        const open = line.lastIndexOf('<!--');
        if (open >= 0 && line.indexOf('-->', open + 4) < 0) inComment = true;
        const raw = RAW_HTML_OPEN.exec(line);
        if (raw && !line.toLowerCase().includes(`</${raw[1].toLowerCase()}`)) rawHtml = raw[1].toLowerCase();
      }
    }
    previousBlank = blank;
    pos = next;
  }
  return starts;
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
