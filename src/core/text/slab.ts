/**
 * Small typed arrays cut from shared blocks. A typed array of its own costs about 250 bytes besides its numbers (the
 * view, its buffer object and the buffer's memory outside the heap); alignment keeps one or two for every paragraph
 * of the response and every aim of the letter, most holding a few dozen numbers. A view on a shared block costs the
 * view alone.
 *
 * Blocks start small and double up to `MAX_BLOCK` numbers, so a slab used for a handful of arrays (the aims an edit
 * changed) holds on to little. A view keeps its whole block alive: give a slab to arrays that live about as long
 * as each other.
 */

const FIRST_BLOCK = 256;
const MAX_BLOCK = 1 << 16;

export class Slab {
  private f64 = new Float64Array(0);
  private f64Used = 0;
  private i32 = new Int32Array(0);
  private i32Used = 0;

  /** A new array of `n` zeros. */
  float64(n: number): Float64Array {
    if (n === 0) return EMPTY_F64;
    if (this.f64Used + n > this.f64.length) {
      if (n > MAX_BLOCK / 4) return new Float64Array(n);
      this.f64 = new Float64Array(nextBlock(this.f64.length, n));
      this.f64Used = 0;
    }
    return this.f64.subarray(this.f64Used, (this.f64Used += n));
  }

  /** A new array of `n` zeros. */
  int32(n: number): Int32Array {
    if (n === 0) return EMPTY_I32;
    if (this.i32Used + n > this.i32.length) {
      if (n > MAX_BLOCK / 4) return new Int32Array(n);
      this.i32 = new Int32Array(nextBlock(this.i32.length, n));
      this.i32Used = 0;
    }
    return this.i32.subarray(this.i32Used, (this.i32Used += n));
  }

  /** A copy of `list[from, to)`. */
  float64Of(list: ArrayLike<number>, from = 0, to = list.length): Float64Array {
    const out = this.float64(to - from);
    for (let i = from; i < to; i++) out[i - from] = list[i];
    return out;
  }

  /** A copy of `list[from, to)`. */
  int32Of(list: ArrayLike<number>, from = 0, to = list.length): Int32Array {
    const out = this.int32(to - from);
    for (let i = from; i < to; i++) out[i - from] = list[i];
    return out;
  }
}

function nextBlock(last: number, n: number): number {
  let size = Math.min(MAX_BLOCK, Math.max(FIRST_BLOCK, last * 2));
  while (size < n) size *= 2;
  return size;
}

/** Empty arrays are shared: nothing can be written to them. */
const EMPTY_F64 = new Float64Array(0);
const EMPTY_I32 = new Int32Array(0);
