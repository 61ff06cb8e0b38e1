/**
 * Naming conventions for letters, responses and consultation logs. Pure functions over file names (no
 * `vscode`), so they can be unit-tested. A convention only ever leads to an offer, never a silent pairing.
 */

const LETTER_NAME = /(^|[-_ .])letter([-_ .]|$)/i;
const RESPONSE_NAME = /(^|[-_ .])(response|reply)([-_ .]|$)/i;
const LOG_NAME = /(^|[-_ .])consultation[-_ ]?log([-_ .]|$)/i;
const LOG_HEADER = /^[ \t]*\|?[ \t]*date[ \t]*\|[ \t]*forum[ \t]*\|/im;

function stem(name: string): string {
  return name.replace(/\.(md|markdown)$/i, '');
}

/** The role a file name suggests: "letter.md", "2026-05-letter.md" → letter; "response.md", "x-reply.md" → response. */
export function roleFromName(name: string): 'letter' | 'response' | undefined {
  const s = stem(name);
  if (RESPONSE_NAME.test(s)) return 'response';
  if (LETTER_NAME.test(s)) return 'letter';
  return undefined;
}

export function isLogName(name: string): boolean {
  return LOG_NAME.test(stem(name));
}

/** True when the text opens with a consultation-log table (Date | Forum | … | Outcome …). */
export function looksLikeLog(text: string): boolean {
  const head = text.slice(0, 4000);
  return LOG_HEADER.test(head) && /\|[ \t]*outcome[ \t]*\|/i.test(head);
}

/**
 * The names a document's counterpart would have by the folder convention:
 * letter.md ↔ response.md or reply.md; may-letter.md ↔ may-response.md; Letter-v2.md ↔ Response-v2.md.
 */
export function conventionalNames(name: string, role: 'letter' | 'response'): string[] {
  const from = role === 'letter' ? /(^|[-_ .])(letter)([-_ .]|$)/i : /(^|[-_ .])(response|reply)([-_ .]|$)/i;
  const to = role === 'letter' ? ['response', 'reply'] : ['letter'];
  if (!from.test(name)) return [];
  const out: string[] = [];
  for (const t of to) {
    const renamed = name.replace(from, (_m: string, pre: string, word: string, post: string) => `${pre}${matchCase(word, t)}${post}`);
    if (renamed !== name && !out.includes(renamed)) out.push(renamed);
  }
  return out;
}

function matchCase(model: string, word: string): string {
  if (model === model.toUpperCase()) return word.toUpperCase();
  if (model[0] === model[0].toUpperCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}
