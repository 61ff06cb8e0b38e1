import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { compareDocs } from '../../src/core/analyse';
import { AnalysisCache } from '../../src/core/incremental';
import { detached, detachStrings } from '../../src/core/text/detached';
import { generatePair } from '../generate/documents';

// The collector, to measure what is still kept (the flag can be set once the process runs).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Bytes of heap in use once the collector has run. */
async function heapKept(): Promise<number> {
  await nextTask();
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('detached strings', () => {
  it('have the same characters, short or long', () => {
    const whole = 'We propose to close the depot at Long Lane and to consult staff side on the timetable.';
    for (const part of [whole.slice(3, 9), whole.slice(12, 60), whole]) expect(detached(part)).toBe(part);
    expect(detached('')).toBe('');
  });

  it('replace the strings of plain objects and arrays in place, and leave objects of a class alone', () => {
    class Held {
      text = 'a string held by an object of a class';
    }
    const held = new Held();
    const claim = { text: 'agreed with the trade unions', evidence: [{ text: 'minutes of the meeting on 3 May', position: { start: 1 } }], held };
    expect(detachStrings(claim)).toBe(claim);
    expect(claim).toEqual({ text: 'agreed with the trade unions', evidence: [{ text: 'minutes of the meeting on 3 May', position: { start: 1 } }], held });
    expect(claim.held).toBe(held);
  });
});

describe('memory while a letter is edited', () => {
  it('does not grow with every version analysed', async () => {
    // As the extension analyses a pair while someone types: the parser's cache and the comparison's memo.
    const { letter, response } = generatePair(300_000, 7);
    const cache = new AnalysisCache();
    const memo = cache.memo('letter.md', 'response.md');
    let text = letter;
    const analyse = () => compareDocs(cache.parse('letter.md', text), cache.parse('response.md', response), { memo });
    analyse();
    let at = 0;
    const edit = () => {
      // One word changed in a new place each time, further into the letter.
      at = text.indexOf('staff', at + Math.floor(text.length / 50));
      if (at < 0) at = text.indexOf('staff');
      text = `${text.slice(0, at)}Staff${text.slice(at + 5)}`;
      analyse();
    };
    for (let i = 0; i < 10; i++) edit();
    const after10 = await heapKept();
    for (let i = 0; i < 30; i++) edit();
    const after40 = await heapKept();
    // Before, each version's texts stayed alive (the letter's source and its masked copy): these 30 edits added
    // 25 MB. Now what is kept is what the last version needs.
    expect(after40 - after10).toBeLessThan(3_000_000);
  }, 120_000);
});
