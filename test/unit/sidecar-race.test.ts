/**
 * Two windows (two extension hosts) saving one notes file at about the same time. Each save reads the file, merges
 * (src/core/annotations/store.ts, mergeAnnotations), writes a temporary file, reads the file again, renames, and
 * reads it once more; a change seen at either check makes it merge again. The Sidecar class runs against an
 * in-memory stand-in for vscode.workspace.fs whose operations can be held up by a hook, so that another window's
 * save can be made to land at each point of this window's save.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { fakeFs, type FakeUri, type FsOp as Op } from './fake-workspace-fs';

vi.mock('vscode', async () => (await import('./fake-workspace-fs')).fakeVscode());

const { files, ops } = fakeFs;
/** Runs before each read, write and rename. */
let hook: (op: Op, path: string) => Promise<void> | void = () => undefined;
/** Runs after each rename. */
let after: (op: Op, path: string) => Promise<void> | void = () => undefined;
/** Random delays before each operation, for the stress test. */
let jitter = false;
function useHooks(): void {
  fakeFs.before = async (op, path) => {
    if (jitter) await new Promise((r) => setTimeout(r, Math.random() * 2));
    await hook(op, path);
  };
  fakeFs.after = (op, path) => after(op, path);
}
useHooks();

const vscode = (await import('vscode')) as unknown as { Uri: { file(p: string): FakeUri } };
const { Sidecar } = await import('../../src/extension/annotations/sidecar');
const { parseAnnotationFile, serialiseAnnotationFile } = await import('../../src/core/annotations/store');
type StoredAnnotation = import('../../src/core/annotations/store').StoredAnnotation;

const base = vscode.Uri.file('/ws');
const SIDECAR = '/ws/.counterpoint/annotations.json';
const text = (p: string) => new TextDecoder().decode(files.get(p));
const put = (p: string, s: string) => files.set(p, new TextEncoder().encode(s));
const isTmp = (p: string) => /\/\.annotations\.json\..+\.tmp$/.test(p);

function note(id: string, body: string, minute = 0): StoredAnnotation {
  const t = new Date(Date.parse('2026-10-05T09:00:00.000Z') + minute * 60_000).toISOString();
  return {
    id: `urn:uuid:${id}`,
    source: 'letter.md',
    created: t,
    modified: t,
    status: 'open',
    target: { quote: { type: 'TextQuoteSelector', exact: 'rota', prefix: 'the ', suffix: ' will' }, position: { type: 'TextPositionSelector', start: 4, end: 8 } },
    comments: [{ id: `${id}-c`, body, author: 'Officer', created: t }],
  };
}

function onDisk(): StoredAnnotation[] {
  const parsed = parseAnnotationFile(text(SIDECAR));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.file.annotations;
}
const ids = () => onDisk().map((a) => a.id).sort();
const temporaries = () => [...files.keys()].filter(isTmp);

/** A hook that runs `job` once, the first time `when` holds; the job's own file operations pass through. */
function once(when: (op: Op, path: string) => boolean, job: () => Promise<unknown> | void) {
  let done = false;
  return async (op: Op, path: string) => {
    if (done || !when(op, path)) return;
    done = true;
    await job();
  };
}

beforeEach(() => {
  fakeFs.reset();
  useHooks();
  hook = () => undefined;
  after = () => undefined;
  jitter = false;
});

/** What the controller does with a save's result: notes deleted elsewhere go, new or changed ones come in. */
function adopt(list: StoredAnnotation[], r: { removed: string[]; updated: StoredAnnotation[] }): StoredAnnotation[] {
  const gone = new Set(r.removed);
  const byId = new Map(r.updated.map((n) => [n.id, n] as const));
  const out = list.filter((n) => !gone.has(n.id)).map((n) => byId.get(n.id) ?? n);
  for (const n of r.updated) if (!out.some((m) => m.id === n.id)) out.push(n);
  return out;
}

describe('two windows saving the notes file at once', () => {
  it('a save by the other window between this window\'s read and its rename is merged in, not overwritten', async () => {
    put(SIDECAR, serialiseAnnotationFile({ version: 1, annotations: [note('x', 'Already there')] }));
    const a = new Sidecar(base as never);
    const b = new Sidecar(base as never);
    await a.load();
    await b.load();
    // Window B saves its new note while window A is writing its temporary file.
    hook = once((op, path) => op === 'write' && isTmp(path), () => b.save([note('x', 'Already there'), note('b', 'From window B', 2)]));
    const saved = await a.save([note('x', 'Already there'), note('a', 'From window A', 1)]);
    expect(ids()).toEqual(['urn:uuid:a', 'urn:uuid:b', 'urn:uuid:x']);
    expect(a.retries).toBe(1);
    expect(b.retries).toBe(0);
    // A's first temporary file was dropped, not renamed; the second one was renamed; none is left behind.
    const aTemps = ops.filter((o) => o.startsWith('write ') && isTmp(o.slice(6)));
    expect(aTemps).toHaveLength(3);
    expect(ops).toContain(`delete ${aTemps[1].slice(6)}`);
    expect(temporaries()).toEqual([]);
    // Window A learns of B's note, to show it.
    expect(saved.updated.map((n) => n.id)).toEqual(['urn:uuid:b']);
    expect(saved.annotations.map((n) => n.id).sort()).toEqual(ids());
  });

  it('a save by the other window landing just after this window\'s rename is seen, and merged again', async () => {
    const a = new Sidecar(base as never);
    await a.load();
    await a.save([note('x', 'Already there')]);
    // Window B read the file before A's rename and renames its own text over A's straight after it.
    after = once((op, path) => op === 'rename' && path === SIDECAR, () => {
      put(SIDECAR, serialiseAnnotationFile({ version: 1, annotations: [note('x', 'Already there'), note('b', 'From window B', 2)] }));
    });
    await a.save([note('x', 'Already there'), note('a', 'From window A', 1)]);
    expect(ids()).toEqual(['urn:uuid:a', 'urn:uuid:b', 'urn:uuid:x']);
    expect(a.retries).toBe(1);
    expect(temporaries()).toEqual([]);
  });

  it('two windows saving at once through many rounds end with every note', async () => {
    // Window B saves while window A's save is under way, landing at a different point of A's save each round:
    // before A reads, before A writes its temporary file, and between A's last check and its rename. The last
    // cannot be seen by any check (a rename cannot be made conditional); B's note is then overwritten, and B's
    // next save writes it again, because B wrote it moments before.
    const a = new Sidecar(base as never);
    const b = new Sidecar(base as never);
    await a.load();
    await b.load();
    const mineA: StoredAnnotation[] = [];
    const mineB: StoredAnnotation[] = [];
    for (let round = 0; round < 12; round++) {
      mineA.push(note(`a${round}`, `A ${round}`, round));
      mineB.push(note(`b${round}`, `B ${round}`, round));
      const points: Op[] = ['read', 'write', 'rename'];
      const at = points[round % points.length];
      let fired = false;
      hook = async (op) => {
        if (fired || op !== at) return;
        fired = true;
        await b.save([...mineB]);
      };
      const r = await a.save([...mineA]);
      hook = () => undefined;
      // Each window takes in what the other wrote, as the controller does.
      for (const n of r.updated) if (!mineA.some((m) => m.id === n.id)) mineA.push(n);
    }
    const last = await b.save([...mineB]);
    const all = [...mineA, ...mineB].map((n) => n.id);
    expect(ids()).toEqual([...new Set(all)].sort());
    expect(last.annotations).toHaveLength(24);
    expect(temporaries()).toEqual([]);
  });

  it('two windows saving at once, with random delays, end with every note once each has saved again', async () => {
    jitter = true;
    const a = new Sidecar(base as never);
    const b = new Sidecar(base as never);
    await a.load();
    await b.load();
    let mineA: StoredAnnotation[] = [];
    let mineB: StoredAnnotation[] = [];
    for (let round = 0; round < 25; round++) {
      mineA.push(note(`a${round}`, `A ${round}`, round));
      mineB.push(note(`b${round}`, `B ${round}`, round));
      const [ra, rb] = await Promise.all([a.save([...mineA]), b.save([...mineB])]);
      mineA = adopt(mineA, ra);
      mineB = adopt(mineB, rb);
    }
    jitter = false;
    mineA = adopt(mineA, await a.save([...mineA]));
    mineB = adopt(mineB, await b.save([...mineB]));
    const want = Array.from({ length: 25 }, (_, i) => [`urn:uuid:a${i}`, `urn:uuid:b${i}`]).flat().sort();
    expect(ids()).toEqual(want);
    expect(mineB.map((n) => n.id).sort()).toEqual(want);
    expect(temporaries()).toEqual([]);
  });

  it('a note this window wrote moments ago and another window\'s save went over is written again; after a minute, its absence is a deletion', async () => {
    let now = Date.parse('2026-10-05T09:00:00.000Z');
    const a = new Sidecar(base as never, () => now);
    await a.load();
    await a.save([note('a', 'Mine')]);
    // Another window that read the file before A's save renames its own text over it.
    const other = serialiseAnnotationFile({ version: 1, annotations: [note('b', 'Theirs')] });
    put(SIDECAR, other);
    expect(a.lostRecent(other)).toBe(true);
    now += 20_000;
    const r = await a.save([note('a', 'Mine')]);
    expect(ids()).toEqual(['urn:uuid:a', 'urn:uuid:b']);
    expect(r.removed).toEqual([]);
    // A minute and more later, a note of A's missing from the file was deleted there.
    put(SIDECAR, other);
    now += 61_000;
    expect(a.lostRecent(other)).toBe(false);
    const later = await a.save([note('a', 'Mine'), note('b', 'Theirs')]);
    expect(later.removed).toEqual(['urn:uuid:a']);
    expect(ids()).toEqual(['urn:uuid:b']);
  });

  it('a note deleted in the other window goes from this window\'s save too, unless changed here', async () => {
    put(SIDECAR, serialiseAnnotationFile({ version: 1, annotations: [note('x', 'Delete me'), note('y', 'Keep me')] }));
    const a = new Sidecar(base as never);
    const b = new Sidecar(base as never);
    await a.load();
    await b.load();
    b.noteDeleted('urn:uuid:x');
    b.noteDeleted('urn:uuid:y');
    await b.save([]);
    const yChanged = { ...note('y', 'Keep me'), modified: '2026-10-05T11:00:00.000Z' };
    const r = await a.save([note('x', 'Delete me'), yChanged, note('a', 'New in A', 3)]);
    expect(ids()).toEqual(['urn:uuid:a', 'urn:uuid:y']);
    expect(r.removed).toEqual(['urn:uuid:x']);
  });

  it('a note deleted in this window stays deleted although the other window replied to it meanwhile', async () => {
    put(SIDECAR, serialiseAnnotationFile({ version: 1, annotations: [note('x', 'Delete me')] }));
    const a = new Sidecar(base as never);
    const b = new Sidecar(base as never);
    await a.load();
    await b.load();
    const replied = note('x', 'Delete me', 5);
    replied.comments.push({ id: 'x-r', body: 'A reply from B', author: 'Officer', created: replied.modified });
    await b.save([replied]);
    a.noteDeleted('urn:uuid:x');
    await a.save([]);
    expect(ids()).toEqual([]);
    // The next save of this window no longer carries the deletion.
    await a.save([note('z', 'Later')]);
    expect(ids()).toEqual(['urn:uuid:z']);
  });

  it('a file that keeps changing is given up on with a message, leaving the other writer\'s file and no temporary files', async () => {
    const a = new Sidecar(base as never);
    await a.load();
    let n = 0;
    hook = async (op, path) => {
      if (op === 'write' && isTmp(path)) put(SIDECAR, serialiseAnnotationFile({ version: 1, annotations: [note(`other${n++}`, 'Busy')] }));
    };
    await expect(a.save([note('a', 'Mine')])).rejects.toThrow(/kept changing while it was being saved; your notes are kept in this window/);
    expect(ids()).toEqual([`urn:uuid:other${n - 1}`]);
    expect(temporaries()).toEqual([]);
    // Once it settles, the next save goes through with both.
    hook = () => undefined;
    await a.save([note('a', 'Mine')]);
    expect(ids()).toEqual(['urn:uuid:a', `urn:uuid:other${n - 1}`]);
  });

  it('a rename that fails because another window already moved our temporary file into place counts as saved', async () => {
    // VS Code renames over a file by deleting it first; a window loading the notes in between finds no file and
    // restores the newest complete temporary file, which is ours.
    const a = new Sidecar(base as never);
    await a.load();
    hook = once((op, path) => op === 'rename' && isTmp(path), async () => {
      files.delete(SIDECAR);
      await new Sidecar(base as never).load();
    });
    await a.save([note('a', 'Mine')]);
    expect(ids()).toEqual(['urn:uuid:a']);
    expect(temporaries()).toEqual([]);
  });

  it('a rename that fails for another reason fails the save, leaving the old file and no temporary file', async () => {
    const a = new Sidecar(base as never);
    await a.load();
    await a.save([note('x', 'Saved before')]);
    hook = (op) => {
      if (op === 'rename') throw new Error('permission denied');
    };
    await expect(a.save([note('x', 'Saved before'), note('a', 'Mine')])).rejects.toThrow('permission denied');
    expect(ids()).toEqual(['urn:uuid:x']);
    expect(temporaries()).toEqual([]);
  });

  it('a save with nothing new writes nothing', async () => {
    const a = new Sidecar(base as never);
    await a.load();
    await a.save([note('a', 'Mine')]);
    ops.length = 0;
    await a.save([note('a', 'Mine')]);
    expect(ops).toEqual([]);
  });
});
