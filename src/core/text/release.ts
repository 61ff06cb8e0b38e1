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
 * the young generation frees. Pass only arrays no one will read again, and whose buffer no one else views (a
 * `subarray` shares its parent's buffer).
 */
export function release(...arrays: Array<ArrayBufferView | undefined>): void {
  if (typeof structuredClone !== 'function') return;
  for (const a of arrays) {
    const buffer = a?.buffer;
    // Arrays of a short document are not worth a transfer (a few microseconds each, on every analysis).
    if (!(buffer instanceof ArrayBuffer) || buffer.byteLength < RELEASE_FROM) continue;
    structuredClone(buffer, { transfer: [buffer] });
  }
}
