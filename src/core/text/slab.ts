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

type Numbers = Float64Array | Int32Array;

/** Empty arrays are shared by every slab: nothing can be written to them. */
const EMPTY_F64 = new Float64Array(0);
const EMPTY_I32 = new Int32Array(0);

/** Arrays of one kind cut from blocks of that kind. */
class Blocks<A extends Numbers> {
  private block: A;
  private used = 0;

  constructor(
    private readonly make: (n: number) => A,
    private readonly empty: A,
  ) {
    this.block = empty;
  }

  /** A new array of `n` zeros. */
  take(n: number): A {
    if (n === 0) return this.empty;
    if (this.used + n > this.block.length) {
      if (n > MAX_BLOCK / 4) return this.make(n);
      this.block = this.make(nextBlock(this.block.length, n));
      this.used = 0;
    }
    return this.block.subarray(this.used, (this.used += n)) as A;
  }

  /** A copy of `list[from, to)`. */
  copy(list: ArrayLike<number>, from: number, to: number): A {
    const out = this.take(to - from);
    for (let i = from; i < to; i++) out[i - from] = list[i];
    return out;
  }
}

export class Slab {
  private readonly f64 = new Blocks((n) => new Float64Array(n), EMPTY_F64);
  private readonly i32 = new Blocks((n) => new Int32Array(n), EMPTY_I32);

  /** A new array of `n` zeros. */
  float64(n: number): Float64Array {
    return this.f64.take(n);
  }

  /** A new array of `n` zeros. */
  int32(n: number): Int32Array {
    return this.i32.take(n);
  }

  /** A copy of `list[from, to)`. */
  float64Of(list: ArrayLike<number>, from = 0, to = list.length): Float64Array {
    return this.f64.copy(list, from, to);
  }

  /** A copy of `list[from, to)`. */
  int32Of(list: ArrayLike<number>, from = 0, to = list.length): Int32Array {
    return this.i32.copy(list, from, to);
  }
}

function nextBlock(last: number, n: number): number {
  let size = Math.min(MAX_BLOCK, Math.max(FIRST_BLOCK, last * 2));
  while (size < n) size *= 2;
  return size;
}
