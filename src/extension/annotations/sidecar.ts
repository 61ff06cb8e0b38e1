/**
 * The notes file beside the workspace, `.counterpoint/annotations.json`, read and written through
 * `vscode.workspace.fs` only (so it works in the web extension host and in remote workspaces):
 *  - writes are atomic: the new content goes to a temporary file in the same folder, which is then renamed over
 *    the old one, so a crash never leaves half a file;
 *  - writes are serialised per file, and notes added to the file by someone else meanwhile (a `git pull`, a
 *    colleague on a shared drive) are merged in rather than overwritten;
 *  - a file that cannot be read is never overwritten: it is renamed aside (`annotations.corrupt-<time>.json`)
 *    and the caller is told, so it can say so.
 */
import * as vscode from 'vscode';
import {
  emptyAnnotationFile,
  parseAnnotationFile,
  serialiseAnnotationFile,
  SIDECAR_PATH,
  type AnnotationFile,
  type StoredAnnotation,
} from '../../core/annotations/store';

export interface CorruptReport {
  /** The damaged file's new name. */
  movedTo: vscode.Uri;
  error: string;
}

export interface LoadResult {
  file: AnnotationFile;
  corrupt?: CorruptReport;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export function sidecarUri(base: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(base, ...SIDECAR_PATH.split('/'));
}

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    // Some file systems report a missing file with a plain error: check before treating it as unreadable.
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return undefined;
    }
    throw error;
  }
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').replace(/Z$/, '');
}

/** One notes file: its folder (`base`), what was last read or written, and a queue of writes. */
export class Sidecar {
  readonly uri: vscode.Uri;
  private queue: Promise<unknown> = Promise.resolve();
  /** The text last read from or written to disk, to tell our own writes from someone else's. */
  private lastText: string | undefined;
  /** Ids deleted here since the last write, so a merge does not bring them back. */
  private readonly deleted = new Set<string>();

  constructor(readonly base: vscode.Uri) {
    this.uri = sidecarUri(base);
  }

  /** True when `text` is what this process last wrote or read (a watcher event for our own write). */
  isOwnText(text: string | undefined): boolean {
    return text !== undefined && text === this.lastText;
  }

  noteDeleted(id: string): void {
    this.deleted.add(id);
  }

  /** Saves in progress (a watcher event during one is this process's own write). */
  get writing(): boolean {
    return this.pending > 0;
  }
  private pending = 0;

  /**
   * Reads the file. A missing file is an empty one, unless a complete temporary file from an interrupted save
   * is there, which is then restored. A damaged file is moved aside and reported.
   */
  load(): Promise<LoadResult> {
    return this.enqueue(async () => {
      let text = await readIfExists(this.uri);
      if (text === undefined) text = await this.recover();
      if (text === undefined) {
        this.lastText = undefined;
        return { file: emptyAnnotationFile() };
      }
      const parsed = parseAnnotationFile(text);
      if (parsed.ok) {
        this.lastText = text;
        return { file: parsed.file };
      }
      const movedTo = await this.moveAside();
      this.lastText = undefined;
      if (!movedTo) return { file: emptyAnnotationFile() };
      return { file: emptyAnnotationFile(), corrupt: { movedTo, error: parsed.error } };
    });
  }

  /** The newest complete temporary file left by a save that stopped between writing it and renaming it. */
  private async recover(): Promise<string | undefined> {
    const folder = vscode.Uri.joinPath(this.uri, '..');
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return undefined;
    }
    const temps = entries.filter(([name, type]) => type === vscode.FileType.File && /^\.annotations\.json\..+\.tmp$/.test(name)).map(([name]) => name).sort().reverse();
    for (const name of temps) {
      const uri = vscode.Uri.joinPath(folder, name);
      const text = await readIfExists(uri);
      if (text === undefined || !parseAnnotationFile(text).ok) continue;
      await vscode.workspace.fs.rename(uri, this.uri, { overwrite: false }).then(undefined, () => undefined);
      return text;
    }
    return undefined;
  }

  /**
   * Writes `annotations` (the notes this window holds for this folder), merged with notes that appeared on disk
   * since the last read or write. Returns the merged list and any damaged file moved aside on the way.
   */
  save(annotations: StoredAnnotation[]): Promise<{ annotations: StoredAnnotation[]; corrupt?: CorruptReport }> {
    this.pending++;
    const done = this.enqueue(async () => {
      let merged = annotations;
      let corrupt: CorruptReport | undefined;
      const onDisk = await readIfExists(this.uri);
      if (onDisk !== undefined && onDisk !== this.lastText) {
        const parsed = parseAnnotationFile(onDisk);
        if (parsed.ok) {
          const mine = new Set(annotations.map((a) => a.id));
          const theirs = parsed.file.annotations.filter((a) => !mine.has(a.id) && !this.deleted.has(a.id));
          merged = [...annotations, ...theirs];
        } else {
          const movedTo = await this.moveAside();
          if (movedTo) corrupt = { movedTo, error: parsed.error };
        }
      }
      const text = serialiseAnnotationFile({ version: 1, annotations: merged });
      await this.writeAtomically(text);
      this.lastText = text;
      this.deleted.clear();
      return { annotations: merged, ...(corrupt ? { corrupt } : {}) };
    });
    return done.finally(() => {
      this.pending--;
    });
  }

  private async writeAtomically(text: string): Promise<void> {
    const folder = vscode.Uri.joinPath(this.uri, '..');
    await vscode.workspace.fs.createDirectory(folder);
    const tmp = vscode.Uri.joinPath(folder, `.annotations.json.${stamp()}.${Math.random().toString(36).slice(2, 8)}.tmp`);
    await vscode.workspace.fs.writeFile(tmp, encoder.encode(text));
    try {
      await vscode.workspace.fs.rename(tmp, this.uri, { overwrite: true });
    } catch (error) {
      await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
      throw error;
    }
  }

  /** Renames the damaged file aside; undefined when it has gone meanwhile (moved by someone else). */
  private async moveAside(): Promise<vscode.Uri | undefined> {
    const target = vscode.Uri.joinPath(this.uri, '..', `annotations.corrupt-${stamp()}.json`);
    try {
      await vscode.workspace.fs.rename(this.uri, target, { overwrite: false });
    } catch (error) {
      if ((await readIfExists(this.uri)) === undefined) return undefined;
      throw error;
    }
    return target;
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
