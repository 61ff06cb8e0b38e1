/**
 * The distinct numbers of a list, in the order first seen, added to a column: what
 * `Float64Array.from(new Set(list))` gives (numbers compared as a Set compares them: 0 and -0 alike, NaN equal to
 * itself), without a Set or an iterator. Alignment dedupes the word trigrams of every paragraph and every aim this
 * way; for the short lists it gets (tens of numbers, most of them too large for small integers) a Set costs
 * several times more than one pass over a reused open-addressing table.
 */

import type { Column } from './column';

/** The table: slots holding a number are those whose stamp is the current pass's. Grown when a list needs it. */
let bits = 10;
let keys = new Float64Array(1 << bits);
let stamps = new Int32Array(1 << bits);
let pass = 0;
/** The distinct numbers of the list being read, copied out at the end. */
let found = new Float64Array(64);
/** The two halves of a number's bits, for hashing. */
const scratch = new Float64Array(1);
const halves = new Int32Array(scratch.buffer);

/** Appends the distinct numbers of `list[from, to)` to `column`; returns how many. */
export function appendDistinct(list: ArrayLike<number>, column: Column<Float64Array | Int32Array>, from = 0, to = list.length): number {
  const count = distinct(list, from, to);
  column.append(found, 0, count);
  return count;
}

/** Writes the distinct numbers of `list[from, to)` to the start of `found`; returns how many. */
function distinct(list: ArrayLike<number>, from: number, to: number): number {
  const n = Math.max(0, to - from);
  if (n === 0) return 0;
  if (found.length < n) found = new Float64Array(Math.max(n, found.length * 2));
  const out = found;
  // At most half full, so that probes stay short.
  if (n * 2 > keys.length) {
    while (n * 2 > 1 << bits) bits++;
    keys = new Float64Array(1 << bits);
    stamps = new Int32Array(1 << bits);
    pass = 0;
  }
  if (++pass === 0x7fffffff) {
    stamps.fill(0);
    pass = 1;
  }
  const mask = keys.length - 1;
  const shift = 32 - bits;
  let count = 0;
  let nan = false;
  for (let i = from; i < to; i++) {
    let x = list[i];
    if (x !== x) {
      if (!nan) out[count++] = x;
      nan = true;
      continue;
    }
    if (x === 0) x = 0; // -0 is 0, as in a Set.
    scratch[0] = x;
    let slot = (Math.imul(halves[0] ^ Math.imul(halves[1], 0x85ebca6b), 0x9e3779b1) >>> shift) & mask;
    for (;;) {
      if (stamps[slot] !== pass) {
        stamps[slot] = pass;
        keys[slot] = x;
        out[count++] = x;
        break;
      }
      if (keys[slot] === x) break;
      slot = (slot + 1) & mask;
    }
  }
  return count;
}
