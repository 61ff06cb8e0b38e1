/**
 * Typed arrays that die together: the large ones are carved, one after another, out of a few large buffers,
 * and `release` gives all of them back at once.
 *
 * Why: a typed array's numbers come from the C allocator. When a block it mapped on its own is freed, glibc's
 * malloc raises the size from which it maps blocks (up to 32 MiB) to that block's, and the size of free memory
 * it keeps at the top of each of its heaps to twice that. Arrays of a few megabytes freed one by one thus left
 * later arrays in its heaps, and every heap (one per thread that allocates) keeping megabytes of freed memory
 * resident: on the 4 MB pair, about 30 MiB at the analysis's peak. A buffer of 32 MiB or more is always mapped
 * on its own, and freeing it changes neither size: only the pages written count, and freeing it unmaps it.
 *
 * The memory of a released arena is not reused: make one for a stage whose arrays all die at its end. Arrays
 * smaller than `ARENA_FROM` are made on their own, as usual (a short document makes no buffer at all).
 */

import { releaseBuffer } from './release';

/** Requests from this many bytes are carved from the arena's buffers. */
export const ARENA_FROM = 64 * 1024;
/** The size of each buffer (more for a larger request): at glibc's highest threshold for mapping a block. */
export const ARENA_BUFFER = 32 * 1024 * 1024;

export class Arena {
  readonly #buffers: ArrayBuffer[] = [];
  #used = 0;

  /** `from`: the smallest request carved from the arena's buffers, in bytes. */
  constructor(private readonly from = ARENA_FROM) {}

  /** A new array of `n` 32-bit integers, zeros. */
  int32(n: number): Int32Array {
    const at = this.#take(n * 4);
    return at < 0 ? new Int32Array(n) : new Int32Array(this.#buffers[this.#buffers.length - 1], at, n);
  }

  /** A new array of `n` numbers, zeros. */
  float64(n: number): Float64Array {
    const at = this.#take(n * 8);
    return at < 0 ? new Float64Array(n) : new Float64Array(this.#buffers[this.#buffers.length - 1], at, n);
  }

  /** A new array of `n` bytes, zeros. */
  uint8(n: number): Uint8Array {
    const at = this.#take(n);
    return at < 0 ? new Uint8Array(n) : new Uint8Array(this.#buffers[this.#buffers.length - 1], at, n);
  }

  /** A new array of 32-bit integers holding `list` (a copy of part of an array: pass its `subarray`). */
  int32From(list: ArrayLike<number>): Int32Array {
    const out = this.int32(list.length);
    out.set(list);
    return out;
  }

  /** A new array of numbers holding `list`. */
  float64From(list: ArrayLike<number>): Float64Array {
    const out = this.float64(list.length);
    out.set(list);
    return out;
  }

  /** Gives back the memory of every array carved so far: each of them reads as empty from then on. */
  release(): void {
    for (const buffer of this.#buffers) releaseBuffer(buffer);
    this.#buffers.length = 0;
    this.#used = 0;
  }

  /** Where `bytes` bytes start in the last buffer (a new one when they do not fit), or -1 for a small request. */
  #take(bytes: number): number {
    if (bytes < this.from) return -1;
    const last = this.#buffers[this.#buffers.length - 1];
    if (!last || this.#used + bytes > last.byteLength) {
      this.#buffers.push(new ArrayBuffer(Math.max(ARENA_BUFFER, bytes)));
      this.#used = 0;
    }
    const at = this.#used;
    // Eight-byte steps: every array's start is aligned for any element type.
    this.#used += Math.ceil(bytes / 8) * 8;
    return at;
  }
}

/** An arena that carves nothing: every array is made on its own, as usual. */
export const PLAIN = new Arena(Infinity);
