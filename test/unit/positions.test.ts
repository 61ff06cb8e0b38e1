import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/text/positions';

describe('LineIndex', () => {
  it('counts lines after LF, CRLF and lone CR, as VS Code does', () => {
    const text = 'a\nb\r\nc\rd';
    const idx = new LineIndex(text);
    expect(idx.lineCount).toBe(4);
    expect(idx.point(text.indexOf('b'))).toEqual({ line: 2, column: 1, offset: 2 });
    expect(idx.point(text.indexOf('c'))).toEqual({ line: 3, column: 1, offset: 5 });
    expect(idx.point(text.indexOf('d'))).toEqual({ line: 4, column: 1, offset: 7 });
  });

  it('counts columns in UTF-16 code units (an emoji is two)', () => {
    const text = 'x😀y';
    const idx = new LineIndex(text);
    expect(idx.point(text.indexOf('y'))).toEqual({ line: 1, column: 4, offset: 3 });
  });

  it('clamps offsets outside the text', () => {
    const idx = new LineIndex('abc');
    expect(idx.point(-5).offset).toBe(0);
    expect(idx.point(99)).toEqual({ line: 1, column: 4, offset: 3 });
  });
});
