/** The smallest buffer worth releasing, in bytes. */
export const RELEASE_FROM = 16 * 1024;

/**
 * Gives the memory of typed arrays a stage is done with back now, rather than when the collector next runs a full
 * collection. A typed array's numbers live outside the heap; once its wrapper has been promoted (it lived through
 * a stage), they are freed only by a full collection, and on a long response the last one can come well before
 * the analysis ends: the matching stages' arrays (tens of megabytes on a 4 MB pair) then stay resident to the end.
 *
 * Transferring a buffer (`structuredClone` with `transfer`, in Node and in browsers) detaches it: every view of it
 * reads as empty from then on, and its memory moves to a new buffer that nothing holds, which the next scavenge of
 * the young generation frees. Pass only arrays no one will read again. An array that views only part of its
 * buffer (a `subarray`, an array of an `Arena`) is left alone: others may view the rest.
 */
export function release(...arrays: Array<ArrayBufferView | undefined>): void {
  for (const a of arrays) {
    const buffer = a?.buffer;
    // A view of part of a buffer (a `subarray`, an array of an `Arena`) does not own its buffer.
    if (buffer instanceof ArrayBuffer && a!.byteOffset === 0 && a!.byteLength === buffer.byteLength) releaseBuffer(buffer);
  }
}

/** Gives a buffer's memory back now (see `release`): every view of it reads as empty from then on. */
export function releaseBuffer(buffer: ArrayBuffer): void {
  // Arrays of a short document are not worth a transfer (a few microseconds each, on every analysis).
  if (typeof structuredClone !== 'function' || buffer.byteLength < RELEASE_FROM) return;
  structuredClone(buffer, { transfer: [buffer] });
}
