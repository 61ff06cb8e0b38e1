/**
 * Binary search over sorted arrays: the first place whose value (or key) is at least the one sought, which is
 * where it would be inserted to keep the order; `xs.length` when every value is smaller.
 */

/** The first index of `xs` (sorted, ascending) whose value is at least `x`. */
export function firstAtLeast<T extends number | string>(xs: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of `xs` (sorted by `key`, ascending) whose key is at least `x`. */
export function firstAtLeastBy<T>(xs: ArrayLike<T>, x: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid]) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
