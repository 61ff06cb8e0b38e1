/**
 * Strings that keep no other string alive.
 *
 * V8 makes a slice of a string (`slice`, `substring`, `trim`, a regular expression's match) of 13 characters or
 * more a view on the string it was cut from, and keeps that whole string alive while the slice lives. A memo
 * that carries what it made from one version of a document into the next (an aim, a claim, a chunk of the parse)
 * therefore keeps that version's whole text alive too: after a few hundred edits to a long letter, hundreds of
 * versions of it. What a memo makes after its first version is detached instead: copies of the few strings an
 * edit changed, not views on the whole text. (What it made from the first version keeps that one version alive,
 * as the document does.)
 */

/** The characters of `text` in a string of their own. */
export function detached(text: string): string {
  // Adding a character makes a string of two parts; slicing that flattens it into a new string first, and the
  // slice is a view on that copy (one character longer), not on what `text` was cut from.
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * Replaces every string in `value` (an object or array, and the plain objects and arrays it holds) with a detached
 * copy, in place; returns `value`. Only for what a memo makes and keeps: it changes the objects it is given.
 */
export function detachStrings<T>(value: T): T {
  detachIn(value, 0);
  return value;
}

/** Deep enough for anything the engine keeps (a claim's evidence's position, a fact's parts). */
const MAX_DEPTH = 6;

function detachIn(value: unknown, depth: number): void {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') value[i] = detached(v);
      else detachIn(v, depth + 1);
    }
    return;
  }
  // Objects of a class (a document's blocks, say) are not walked into: only what `value` itself is made of.
  if (depth > 0 && Object.getPrototypeOf(value) !== Object.prototype) return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (typeof v === 'string') record[key] = detached(v);
    else detachIn(v, depth + 1);
  }
}
