/** Word-level differences within a reworded aim, with jsdiff (white space kept as its own tokens). */
import { diffWordsWithSpace } from 'diff';
import type { WordChange } from '../contract';

/** The longest edit script worth computing; past it an aim is shown as deleted and inserted whole. */
const MAX_EDIT = 4000;

export function wordChanges(oldText: string, newText: string): WordChange[] {
  const changes = diffWordsWithSpace(oldText, newText, { maxEditLength: MAX_EDIT });
  if (!changes) {
    const out: WordChange[] = [];
    if (oldText) out.push({ op: 'delete', text: oldText });
    if (newText) out.push({ op: 'insert', text: newText });
    return out;
  }
  const out: WordChange[] = [];
  for (const c of changes) {
    const op: WordChange['op'] = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += c.value;
    else out.push({ op, text: c.value });
  }
  return tidy(out);
}

/**
 * Makes the changes read as a person would mark them up: within a run of changes, deletions come before
 * insertions, and a lone space between two changes is folded into both sides, so "[-will-] [-be-]{+may+} {+be+}"
 * reads "[-will be-]{+may be+}". The old text is still equal + deleted, the new text equal + inserted.
 */
function tidy(changes: WordChange[]): WordChange[] {
  const out: WordChange[] = [];
  const pushEqual = (text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === 'equal') last.text += text;
    else out.push({ op: 'equal', text });
  };
  let k = 0;
  while (k < changes.length) {
    if (changes[k].op === 'equal') {
      pushEqual(changes[k++].text);
      continue;
    }
    // A run: changes joined by white space only, ending before real equal text.
    let end = k;
    let hasDel = false;
    let hasIns = false;
    let last = k;
    while (end < changes.length && (changes[end].op !== 'equal' || /^\s+$/.test(changes[end].text))) {
      if (changes[end].op === 'delete') hasDel = true;
      if (changes[end].op === 'insert') hasIns = true;
      if (changes[end].op !== 'equal') last = end;
      end++;
    }
    if (!(hasDel && hasIns)) {
      for (let x = k; x <= last; x++) {
        const c = changes[x];
        const prev = out[out.length - 1];
        if (prev && prev.op === c.op) prev.text += c.text;
        else out.push({ ...c });
      }
    } else {
      let del = '';
      let ins = '';
      for (let x = k; x <= last; x++) {
        const c = changes[x];
        if (c.op !== 'insert') del += c.text;
        if (c.op !== 'delete') ins += c.text;
      }
      out.push({ op: 'delete', text: del }, { op: 'insert', text: ins });
    }
    k = last + 1;
  }
  return out;
}
