import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DocDelta } from '../../src/core/aims/delta';
import { parseDocument } from '../../src/core/document/parse';
import type { Doc } from '../../src/core/document/model';

// The collector, to see which versions of a document are still kept (the flag can be set once the process runs).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

const version = (n: number) => parseDocument(`# Letter\n\nWe propose to close the depot (version ${n}).\n\nWe will consult staff.\n`, 'letter.md');

describe('the delta between two versions of a document', () => {
  it('is worked out once for a pair, however many ask', () => {
    const [a, b] = [version(1), version(2)];
    const d = DocDelta.between(a, b);
    expect(DocDelta.between(a, b)).toBe(d);
    expect(d.prefix).toBeGreaterThan(0);
    expect(d.shift).toBe(0);
  });

  it('does not keep every earlier version of a document being edited', async () => {
    // Four versions, each edit's delta asked for in turn, as aims and claims ask while someone types.
    let docs: Doc[] = [1, 2, 3, 4].map(version);
    for (let k = 1; k < docs.length; k++) DocDelta.between(docs[k - 1], docs[k]);
    const first = new WeakRef(docs[0]);
    const second = new WeakRef(docs[1]);
    const latest = docs[3];
    docs = [];
    await nextTask();
    gc();
    // Only the latest version is held (by the test); its delta may keep the one before it.
    expect(first.deref()).toBeUndefined();
    expect(second.deref()).toBeUndefined();
    expect(DocDelta.between(latest, version(5)).before).toBe(latest);
  });
});
