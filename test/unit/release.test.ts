import { describe, expect, it } from 'vitest';
import { release, RELEASE_FROM } from '../../src/core/text/release';
import { Bm25Index } from '../../src/core/align/bm25';

describe('release', () => {
  it('frees a typed array now: the array and every view of its buffer read as empty afterwards', () => {
    const a = new Float64Array(RELEASE_FROM / 8).fill(1);
    const view = a.subarray(10, 20);
    release(a);
    expect(a.length).toBe(0);
    expect(a.buffer.byteLength).toBe(0);
    expect(view.length).toBe(0);
  });

  it('leaves alone an array that views only part of its buffer: others may view the rest', () => {
    const a = new Int32Array(RELEASE_FROM).fill(5);
    const head = a.subarray(0, 10);
    const tail = a.subarray(10);
    release(head, tail);
    expect([a.length, a[RELEASE_FROM - 1], head.length]).toEqual([RELEASE_FROM, 5, 10]);
  });

  it('leaves small arrays, and what is not an array, alone', () => {
    const small = new Int32Array(RELEASE_FROM / 4 - 1).fill(3);
    release(small, undefined);
    expect(small.length).toBe(RELEASE_FROM / 4 - 1);
    expect(small[0]).toBe(3);
  });

  it('frees a BM25 index built large enough to be worth it', () => {
    const index = new Bm25Index(RELEASE_FROM);
    for (let i = 0; i < 20_000; i++) index.add(['rota', `site${i}`, 'notice']);
    expect(index.termIds.length).toBeGreaterThan(0);
    index.release();
    expect(index.termIds.length).toBe(0);
  });
});
