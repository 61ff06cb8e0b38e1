import { describe, expect, it } from 'vitest';
import { Arena, ARENA_BUFFER, ARENA_FROM, PLAIN } from '../../src/core/text/arena';
import { release } from '../../src/core/text/release';

describe('arena of typed arrays', () => {
  it('carves large arrays from one shared buffer: zeros, apart, aligned', () => {
    const arena = new Arena();
    const a = arena.int32(ARENA_FROM / 4);
    const b = arena.uint8(ARENA_FROM + 3);
    const c = arena.float64(ARENA_FROM / 8);
    expect(a.buffer).toBe(b.buffer);
    expect(b.buffer).toBe(c.buffer);
    expect(a.buffer.byteLength).toBe(ARENA_BUFFER);
    expect(c.byteOffset % 8).toBe(0);
    expect([a.every((x) => x === 0), b.every((x) => x === 0), c.every((x) => x === 0)]).toEqual([true, true, true]);
    a.fill(-1);
    b.fill(255);
    c.fill(0.5);
    expect([a[a.length - 1], b[0], b[b.length - 1], c[0]]).toEqual([-1, 255, 255, 0.5]);
  });

  it('makes small arrays on their own, and a request larger than its buffers gets a buffer of its own', () => {
    const arena = new Arena();
    const small = arena.int32(ARENA_FROM / 4 - 1);
    expect(small.buffer.byteLength).toBe(small.byteLength);
    const first = arena.uint8(ARENA_FROM);
    const huge = arena.uint8(ARENA_BUFFER + 1);
    expect(huge.buffer).not.toBe(first.buffer);
    expect(huge.buffer.byteLength).toBe(ARENA_BUFFER + 1);
  });

  it('frees every array it carved at once; `release` of one of them alone frees nothing', () => {
    const arena = new Arena();
    const a = arena.int32(ARENA_FROM);
    const b = arena.float64(ARENA_FROM).fill(2);
    release(a);
    expect(b[0]).toBe(2);
    expect(a.length).toBe(ARENA_FROM);
    arena.release();
    expect([a.length, b.length]).toEqual([0, 0]);
    // Usable again afterwards, with a new buffer.
    expect(arena.int32(ARENA_FROM)[0]).toBe(0);
  });

  it('copies a list into an array; the plain arena carves nothing', () => {
    expect([...new Arena(0).int32From([3, -1, 7])]).toEqual([3, -1, 7]);
    expect([...new Arena(0).float64From(new Float64Array([0.5, 2, 9]).subarray(0, 2))]).toEqual([0.5, 2]);
    const plain = PLAIN.float64(ARENA_BUFFER / 64);
    expect(plain.buffer.byteLength).toBe(plain.byteLength);
  });
});
