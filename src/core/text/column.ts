import { type Arena, PLAIN } from './arena';

/**
 * A typed array that grows: lists of numbers kept one after another, each found by where it starts and ends.
 * Alignment keeps a few lists of numbers for every paragraph of a response (its words' stems, its trigrams); a
 * typed array for each costs about a hundred bytes for its view alone, more than the numbers of most paragraphs,
 * and tens of thousands of views add up to megabytes. One column for every paragraph's lists costs one view.
 *
 * `array` is replaced when the column grows: read it after the lists are added, not before.
 */
export class Column<A extends Int32Array | Float64Array> {
  array: A;
  length = 0;

  constructor(
    private readonly make: (n: number) => A,
    capacity: number,
  ) {
    this.array = make(Math.max(16, capacity));
  }

  /** Room for `n` more numbers (zeros) at the end; returns where they start. */
  add(n: number): number {
    const at = this.length;
    const need = at + n;
    if (need > this.array.length) {
      const next = this.make(Math.max(need, this.array.length * 2));
      next.set(this.array.subarray(0, at));
      this.array = next;
    }
    this.length = need;
    return at;
  }

  /** Appends `x`. */
  push(x: number): void {
    const at = this.add(1);
    this.array[at] = x;
  }

  /** Appends `list[from, to)`; returns where it starts. */
  append(list: ArrayLike<number>, from = 0, to = list.length): number {
    const at = this.add(to - from);
    const array = this.array;
    for (let i = from; i < to; i++) array[at + i - from] = list[i];
    return at;
  }
}

/** A column of 32-bit integers, with room for `capacity` to start with; its arrays from `arena`. */
export function int32Column(capacity: number, arena: Arena = PLAIN): Column<Int32Array> {
  return new Column((n) => arena.int32(n), capacity);
}

/** A column of numbers, with room for `capacity` to start with; its arrays from `arena`. */
export function float64Column(capacity: number, arena: Arena = PLAIN): Column<Float64Array> {
  return new Column((n) => arena.float64(n), capacity);
}
