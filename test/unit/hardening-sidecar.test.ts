/**
 * Nothing lost: the notes file (.counterpoint/annotations.json) is written through a temporary file and a rename;
 * two windows saving at once keep both sets of notes; a damaged file is renamed aside, reported, and never
 * overwritten; a save interrupted between writing the temporary file and renaming it is recovered. The Sidecar
 * class runs against an in-memory stand-in for vscode.workspace.fs that records every operation, and that can
 * make each operation wait, so that saves from one window interleave.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { fakeFs, type FakeUri } from './fake-workspace-fs';

vi.mock('vscode', async () => (await import('./fake-workspace-fs')).fakeVscode());

const { files, ops } = fakeFs;
let tick = () => Promise.resolve();
fakeFs.before = () => tick();

const vscode = (await import('vscode')) as unknown as { Uri: { file(p: string): FakeUri } };
const { Sidecar } = await import('../../src/extension/annotations/sidecar');
const { parseAnnotationFile } = await import('../../src/core/annotations/store');

const base = vscode.Uri.file('/ws');
const SIDECAR = '/ws/.counterpoint/annotations.json';
const text = (p: string) => new TextDecoder().decode(files.get(p));

function note(id: string, body: string) {
  const t = '2026-09-14T10:00:00.000Z';
  return {
    id: `urn:uuid:${id}`,
    source: 'letter.md',
    created: t,
    modified: t,
    status: 'open' as const,
    target: { quote: { type: 'TextQuoteSelector' as const, exact: 'rota', prefix: 'the ', suffix: ' will' }, position: { type: 'TextPositionSelector' as const, start: 4, end: 8 } },
    comments: [{ id: `${id}-c`, body, author: 'Officer', created: t }],
  };
}

const ids = () => {
  const parsed = parseAnnotationFile(text(SIDECAR));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.file.annotations.map((a) => a.id).sort();
};

beforeEach(() => {
  fakeFs.reset();
  tick = () => Promise.resolve();
  fakeFs.before = () => tick();
});

describe('the notes file', () => {
  it('is written atomically: a temporary file in the same folder, then a rename over the old file', async () => {
    const s = new Sidecar(base as never);
    await s.load();
    await s.save([note('1', 'First note')] as never);
    expect(ops).toHaveLength(2);
    expect(ops[0]).toMatch(/^write \/ws\/\.counterpoint\/\.annotations\.json\..+\.tmp$/);
    expect(ops[1]).toMatch(/^rename \/ws\/\.counterpoint\/\.annotations\.json\..+\.tmp -> \/ws\/\.counterpoint\/annotations\.json$/);
    expect(ids()).toEqual(['urn:uuid:1']);
    expect([...files.keys()].filter((k) => k.endsWith('.tmp'))).toEqual([]);
  });

  it('a second window that loaded before the first saved merges the first window\'s notes instead of overwriting them', async () => {
    const a = new Sidecar(base as never);
    const b = new Sidecar(base as never);
    await a.load();
    await b.load();
    await a.save([note('a', 'From window A')] as never);
    await b.save([note('b', 'From window B')] as never);
    expect(ids()).toEqual(['urn:uuid:a', 'urn:uuid:b']);
    // Saves that interleave between read and rename: test/unit/sidecar-race.test.ts.
  });

  it('saves from one window are serialised: many at once end with the last', async () => {
    const s = new Sidecar(base as never);
    await s.load();
    tick = () => new Promise((r) => setTimeout(r, Math.random() * 2));
    const all = Array.from({ length: 10 }, (_, i) => Array.from({ length: i + 1 }, (__, k) => note(String(k), `Note ${k}`)));
    await Promise.all(all.map((list) => s.save(list as never)));
    expect(ids()).toHaveLength(10);
  });

  it('a damaged file is renamed aside, reported, and not overwritten', async () => {
    const damaged = '{"version": 1, "annotations": [ {"id": "urn:uuid:x", oops';
    files.set(SIDECAR, new TextEncoder().encode(damaged));
    const s = new Sidecar(base as never);
    const loaded = await s.load();
    expect(loaded.corrupt?.error).toMatch(/not valid JSON/);
    expect(loaded.corrupt?.movedTo.path).toMatch(/^\/ws\/\.counterpoint\/annotations\.corrupt-.+\.json$/);
    expect(text(loaded.corrupt!.movedTo.path)).toBe(damaged);
    expect(files.has(SIDECAR)).toBe(false);
    // A save after that writes a fresh file; the damaged one stays where it was put.
    await s.save([note('1', 'New note')] as never);
    expect(text(loaded.corrupt!.movedTo.path)).toBe(damaged);
    expect(ids()).toEqual(['urn:uuid:1']);
  });

  it('a file damaged by someone else between load and save is moved aside before the save, and reported', async () => {
    const s = new Sidecar(base as never);
    await s.load();
    await s.save([note('1', 'Mine')] as never);
    files.set(SIDECAR, new TextEncoder().encode('<<<<<<< HEAD\nmerge conflict\n>>>>>>> theirs\n'));
    const saved = await s.save([note('1', 'Mine'), note('2', 'Mine too')] as never);
    expect(saved.corrupt?.movedTo.path).toMatch(/annotations\.corrupt-/);
    expect(text(saved.corrupt!.movedTo.path)).toMatch(/merge conflict/);
    expect(ids()).toEqual(['urn:uuid:1', 'urn:uuid:2']);
  });

  it('a save interrupted after writing the temporary file is recovered on the next load', async () => {
    const s = new Sidecar(base as never);
    await s.load();
    await s.save([note('1', 'Saved')] as never);
    const saved = files.get(SIDECAR)!;
    files.delete(SIDECAR);
    files.set('/ws/.counterpoint/.annotations.json.2026-09-14T10-00-00-000.abc123.tmp', saved);
    const loaded = await new Sidecar(base as never).load();
    expect(loaded.file.annotations.map((a) => a.id)).toEqual(['urn:uuid:1']);
    expect(files.has(SIDECAR)).toBe(true);
  });
});
