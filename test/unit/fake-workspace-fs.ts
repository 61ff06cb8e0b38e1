/**
 * An in-memory stand-in for the parts of the `vscode` module the notes file (src/extension/annotations/sidecar.ts)
 * uses: `Uri`, `FileSystemError`, `FileType` and `workspace.fs`. It records every write, rename and delete in
 * `fakeFs.ops`, and runs `fakeFs.before` before each read, write and rename and `fakeFs.after` after each rename,
 * so that a test can hold an operation up and let another window's save land at that point.
 *
 *   vi.mock('vscode', async () => (await import('./fake-workspace-fs')).fakeVscode());
 */
export type FsOp = 'read' | 'write' | 'rename';

export interface FakeUri {
  path: string;
  scheme: string;
  toString(): string;
}

export const fakeFs = {
  files: new Map<string, Uint8Array>(),
  ops: [] as string[],
  before: (_op: FsOp, _path: string): Promise<void> | void => undefined,
  after: (_op: FsOp, _path: string): Promise<void> | void => undefined,
  /** Empties the files and the record, and takes the hooks off. */
  reset(): void {
    this.files.clear();
    this.ops.length = 0;
    this.before = () => undefined;
    this.after = () => undefined;
  },
};

export function fakeVscode() {
  const { files, ops } = fakeFs;
  const norm = (p: string) => {
    const out: string[] = [];
    for (const part of p.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') out.pop();
      else out.push(part);
    }
    return '/' + out.join('/');
  };
  const uri = (p: string): FakeUri => ({ path: norm(p), scheme: 'file', toString: () => `file://${norm(p)}` });
  class FileSystemError extends Error {
    constructor(
      message: string,
      readonly code: string,
    ) {
      super(message);
    }
  }
  const notFound = (p: string) => new FileSystemError(`not found: ${p}`, 'FileNotFound');
  const FileType = { File: 1, Directory: 2 };
  const fs = {
    async readFile(u: FakeUri) {
      await fakeFs.before('read', u.path);
      const f = files.get(u.path);
      if (!f) throw notFound(u.path);
      return f;
    },
    async writeFile(u: FakeUri, data: Uint8Array) {
      await fakeFs.before('write', u.path);
      ops.push(`write ${u.path}`);
      files.set(u.path, data);
    },
    async rename(a: FakeUri, b: FakeUri, o?: { overwrite?: boolean }) {
      await fakeFs.before('rename', a.path);
      if (!files.has(a.path)) throw notFound(a.path);
      if (files.has(b.path) && !o?.overwrite) throw new FileSystemError(`exists: ${b.path}`, 'FileExists');
      ops.push(`rename ${a.path} -> ${b.path}`);
      files.set(b.path, files.get(a.path)!);
      files.delete(a.path);
      await fakeFs.after('rename', b.path);
    },
    async delete(u: FakeUri) {
      ops.push(`delete ${u.path}`);
      files.delete(u.path);
    },
    async createDirectory() {},
    async stat(u: FakeUri) {
      if (!files.has(u.path)) throw notFound(u.path);
      return { type: FileType.File };
    },
    async readDirectory(u: FakeUri) {
      const prefix = u.path.endsWith('/') ? u.path : `${u.path}/`;
      return [...files.keys()].filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/')).map((k) => [k.slice(prefix.length), FileType.File]);
    },
  };
  return {
    Uri: { joinPath: (base: FakeUri, ...parts: string[]) => uri([base.path, ...parts].join('/')), file: (p: string) => uri(p) },
    FileSystemError,
    FileType,
    workspace: { fs },
  };
}
