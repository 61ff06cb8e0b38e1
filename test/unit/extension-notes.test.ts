/**
 * Notes at activation (src/extension/annotations/notes.ts): the notes controller lives in the features file and is
 * loaded only when notes are needed. Until then the extension keeps a comment controller (the gutter's "+") and
 * answers that there are no notes; it loads the controller, handing it that comment controller, when an open
 * document's folder has a notes file, when one appears, or when a note is added or asked for where one exists.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SIDECAR_PATH } from '../../src/core/annotations/store';

interface Uri {
  scheme: string;
  path: string;
  toString(): string;
}
const uri = (path: string, scheme = 'file'): Uri => ({ scheme, path, toString: () => `${scheme}://${path}` });
const doc = (path: string, languageId = 'markdown') => ({ uri: uri(path), languageId, isClosed: false });
type Listener = (value: unknown) => void;

/** What the stand-in vscode module holds: files that exist, open documents, and the listeners registered. */
const world = {
  files: new Set<string>(),
  stats: [] as string[],
  documents: [] as Array<ReturnType<typeof doc>>,
  folders: [] as Uri[],
  listeners: new Map<string, Listener[]>(),
  controllers: [] as Array<{ id: string; disposed: boolean; commentingRangeProvider?: { provideCommentingRanges(d: unknown): unknown[] } }>,
  fire(event: string, value: unknown) {
    for (const l of this.listeners.get(event) ?? []) l(value);
  },
};
const on = (event: string) => (l: Listener) => {
  world.listeners.set(event, [...(world.listeners.get(event) ?? []), l]);
  return { dispose: () => world.listeners.set(event, (world.listeners.get(event) ?? []).filter((x) => x !== l)) };
};

vi.mock('vscode', () => {
  class EventEmitter<T> {
    private ls: Array<(v: T) => void> = [];
    event = (l: (v: T) => void) => {
      this.ls.push(l);
      return { dispose: () => (this.ls = this.ls.filter((x) => x !== l)) };
    };
    fire(v: T) {
      for (const l of this.ls) l(v);
    }
    dispose() {
      this.ls = [];
    }
  }
  class Range {
    constructor(
      readonly startLine: number,
      readonly startCharacter: number,
      readonly endLine: number,
      readonly endCharacter: number,
    ) {}
  }
  const join = (base: Uri, ...parts: string[]): Uri => {
    const out: string[] = [];
    for (const p of [...base.path.split('/'), ...parts]) {
      if (p === '' || p === '.') continue;
      if (p === '..') out.pop();
      else out.push(p);
    }
    return uri('/' + out.join('/'), base.scheme);
  };
  return {
    EventEmitter,
    Range,
    Uri: { joinPath: join },
    comments: {
      createCommentController: (id: string) => {
        const c = { id, disposed: false, dispose: () => (c.disposed = true) };
        world.controllers.push(c);
        return c;
      },
    },
    workspace: {
      get textDocuments() {
        return world.documents;
      },
      getWorkspaceFolder: (u: Uri) => world.folders.find((f) => u.path.startsWith(f.path + '/')) && { uri: world.folders.find((f) => u.path.startsWith(f.path + '/')) },
      onDidOpenTextDocument: on('open'),
      createFileSystemWatcher: () => ({ onDidCreate: on('create'), onDidChange: on('change'), onDidDelete: on('delete'), dispose: () => undefined }),
      fs: {
        stat: async (u: Uri) => {
          world.stats.push(u.path);
          if (!world.files.has(u.path)) throw Object.assign(new Error('not found'), { code: 'FileNotFound' });
          return { type: 1 };
        },
      },
    },
  };
});

/** The controller the features file would give: records how it was made and what it was asked. */
const made: Array<{ comments: unknown; calls: string[]; fire(uri?: unknown): void }> = [];
let loads = 0;
vi.mock('../../src/extension/lazy/load', () => ({
  features: async () => {
    loads++;
    class AnnotationController {
      calls: string[] = [];
      corrupt = [{ error: 'damaged' }];
      private ls: Listener[] = [];
      constructor(
        _output: unknown,
        readonly comments: unknown,
      ) {
        made.push(this);
      }
      onDidChange = (l: Listener) => {
        this.ls.push(l);
        return { dispose: () => undefined };
      };
      fire(u?: unknown) {
        for (const l of this.ls) l(u);
      }
      async list() {
        this.calls.push('list');
        return [{ id: 'n1' }];
      }
      async annotationsFor(u: Uri) {
        this.calls.push(`annotationsFor ${u.path}`);
        return [{ id: 'n1' }];
      }
      async add(_d: unknown, start: number, end: number, body: string) {
        this.calls.push(`add ${start} ${end} ${body}`);
        return { id: 'n2' };
      }
      editComment() {
        this.calls.push('editComment');
      }
      dispose() {
        this.calls.push('dispose');
      }
    }
    return { AnnotationController };
  },
}));

const { Notes, NOTES_FILE, annotatable } = await import('../../src/extension/annotations/notes');
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  world.files.clear();
  world.stats.length = 0;
  world.documents = [];
  world.folders = [uri('/ws')];
  world.listeners.clear();
  world.controllers.length = 0;
  made.length = 0;
  loads = 0;
});

describe('notes at activation', () => {
  it('names the notes file the notes store reads and writes', () => {
    expect(NOTES_FILE).toBe(SIDECAR_PATH);
  });

  it('without a notes file: a comment controller for the gutter, no notes, and nothing loaded', async () => {
    world.documents = [doc('/ws/letter.md'), doc('/ws/notes.txt', 'plaintext')];
    const notes = new Notes();
    await settle();
    expect(world.controllers.map((c) => c.id)).toEqual(['counterpoint.annotations']);
    expect(world.controllers[0].commentingRangeProvider?.provideCommentingRanges({ ...doc('/ws/letter.md'), lineCount: 3 })).toHaveLength(1);
    expect(world.controllers[0].commentingRangeProvider?.provideCommentingRanges({ ...doc('/ws/a.txt', 'plaintext'), lineCount: 3 })).toHaveLength(0);
    expect(world.stats).toEqual(['/ws/.counterpoint/annotations.json']);
    expect(await notes.list()).toEqual([]);
    expect(await notes.annotationsFor(uri('/ws/response.md') as never)).toEqual([]);
    expect(notes.corrupt).toEqual([]);
    // Outside the workspace, a document's own folder.
    expect(await notes.annotationsFor(uri('/elsewhere/letter.md') as never)).toEqual([]);
    expect(world.stats).toEqual(['/ws/.counterpoint/annotations.json', '/elsewhere/.counterpoint/annotations.json']);
    expect(loads).toBe(0);
    notes.dispose();
    expect(world.controllers[0].disposed).toBe(true);
  });

  it('an open document whose folder has a notes file loads the controller, which takes over the comment controller', async () => {
    world.files.add('/ws/.counterpoint/annotations.json');
    world.documents = [doc('/ws/letter.md')];
    const notes = new Notes();
    await vi.waitFor(() => expect(made).toHaveLength(1));
    expect(made[0].comments).toBe(world.controllers[0]);
    expect(world.controllers).toHaveLength(1);
    expect(await notes.list()).toEqual([{ id: 'n1' }]);
    expect(notes.corrupt).toEqual([{ error: 'damaged' }]);
    const seen: unknown[] = [];
    notes.onDidChange((u) => seen.push(u));
    made[0].fire('changed');
    expect(seen).toEqual(['changed']);
    notes.editComment({} as never);
    expect(made[0].calls).toEqual(['list', 'editComment']);
    // Opening more documents loads nothing more.
    world.fire('open', doc('/ws/response.md'));
    await settle();
    expect(loads).toBe(1);
    notes.dispose();
    expect(made[0].calls).toContain('dispose');
    expect(world.controllers[0].disposed).toBe(false); // the controller disposes it (it may have made a new one)
  });

  it('a document opened later, or a notes file appearing, loads it', async () => {
    const notes = new Notes();
    world.fire('open', doc('/ws/letter.md'));
    await settle();
    expect(loads).toBe(0);
    world.fire('create', uri('/ws/.counterpoint/annotations.json'));
    await vi.waitFor(() => expect(made).toHaveLength(1));
    notes.dispose();

    world.files.add('/other/.counterpoint/annotations.json');
    const again = new Notes();
    world.fire('open', doc('/other/letter.md'));
    await vi.waitFor(() => expect(made).toHaveLength(2));
    again.dispose();
  });

  it('adding a note loads the controller; asking for the notes of a document loads it only where a notes file is', async () => {
    const notes = new Notes();
    expect(notes.editComment({} as never)).toBeUndefined();
    expect(await notes.add(doc('/ws/letter.md') as never, 3, 9, 'Ask about rotas')).toEqual({ id: 'n2' });
    expect(made[0].calls).toEqual(['add 3 9 Ask about rotas']);
    notes.dispose();

    world.files.add('/ws/.counterpoint/annotations.json');
    const other = new Notes();
    expect(await other.annotationsFor(uri('/ws/letter.md') as never)).toEqual([{ id: 'n1' }]);
    expect(made[1].calls).toEqual(['annotationsFor /ws/letter.md']);
    other.dispose();
  });

  it('keeps notes only on Markdown documents of a file system it can write beside', () => {
    expect(annotatable(doc('/ws/a.md') as never)).toBe(true);
    expect(annotatable(doc('/ws/a.txt', 'plaintext') as never)).toBe(false);
    expect(annotatable({ uri: uri('/a.md', 'untitled'), languageId: 'markdown' } as never)).toBe(false);
  });
});
