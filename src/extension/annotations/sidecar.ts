/**
 * The notes file beside the workspace, `.counterpoint/annotations.json`, read and written through
 * `vscode.workspace.fs` only (so it works in the web extension host and in remote workspaces):
 *  - writes are atomic: the new content goes to a temporary file in the same folder, which is then renamed over
 *    the old one, so a crash never leaves half a file (VS Code removes the old file just before the rename; a
 *    save stopped in between leaves the complete temporary file, which the next load restores);
 *  - writes are serialised per file, and each is merged note by note with what is on disk (another window, a
 *    `git pull`, a colleague on a shared drive), then checked before and after the rename, and merged again if
 *    the file changed meanwhile, so two saves at once lose neither. A rename cannot be made conditional, so a
 *    save landing between another window's last check and its rename is overwritten; notes this window wrote in
 *    the last minute and finds missing (on its next save, or when the watcher sees the file change) are written
 *    again;
 *  - a file that cannot be read is never overwritten: it is renamed aside (`annotations.corrupt-<time>.json`)
 *    and the caller is told, so it can say so.
 */
import * as vscode from 'vscode';
import {
  emptyAnnotationFile,
  mergeAnnotations,
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

export interface SaveResult {
  /** The notes now in the file. */
  annotations: StoredAnnotation[];
  /** Ids of this window's notes deleted elsewhere. */
  removed: string[];
  /** Notes new in the file, or changed there, that replace or join this window's. */
  updated: StoredAnnotation[];
  corrupt?: CorruptReport;
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

/** How many times a save reads, merges and writes before giving up on a file that keeps changing. */
const MAX_ATTEMPTS = 8;
const CHANGING = 'the notes file kept changing while it was being saved; your notes are kept in this window and will be saved with your next change';

/**
 * How long a note this window wrote counts as its own new work: missing from the file within this time, it was
 * overwritten by another window's save that began before ours landed (a rename cannot be made conditional through
 * vscode.workspace.fs), not deleted, and is written again. Deleting another window's note within a minute of its
 * writing is rare; losing a note is worse than showing a deleted one again.
 */
export const RECENT_MS = 60_000;

/** A short wait, longer after each attempt and a little random, so that two windows do not retry in step. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt + 5));
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
  /** Notes this window added or changed in a save, by id, with when that save landed. */
  private readonly recent = new Map<string, number>();
  /** Saves merged again because the file changed while they were being written (for tests and the log). */
  retries = 0;

  constructor(
    readonly base: vscode.Uri,
    private readonly clock: () => number = Date.now,
  ) {
    this.uri = sidecarUri(base);
  }

  /** Ids of notes this window wrote in the last minute, less those deleted here since. */
  private recentIds(): Set<string> {
    const since = this.clock() - RECENT_MS;
    for (const [id, t] of this.recent) if (t < since) this.recent.delete(id);
    return new Set(this.recent.keys());
  }

  /**
   * True when `text` (the file as someone else left it) lacks a note this window wrote in the last minute: another
   * window's save overwrote ours, and saving again restores it (the merge keeps it).
   */
  lostRecent(text: string | undefined): boolean {
    const recent = this.recentIds();
    if (recent.size === 0) return false;
    const parsed = text === undefined ? undefined : parseAnnotationFile(text);
    if (!parsed?.ok) return false;
    const there = new Set(parsed.file.annotations.map((a) => a.id));
    for (const id of recent) if (!there.has(id)) return true;
    return false;
  }

  /** True when `text` is what this process last wrote or read (a watcher event for our own write). */
  isOwnText(text: string | undefined): boolean {
    return text !== undefined && text === this.lastText;
  }

  noteDeleted(id: string): void {
    this.deleted.add(id);
    this.recent.delete(id);
  }

  /** A deleted note brought back (Undo) before the deletion was saved. */
  noteRestored(id: string): void {
    this.deleted.delete(id);
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
   * Writes `annotations` (the notes this window holds for this folder), merged note by note with the file on disk
   * (`mergeAnnotations`: another window's new notes are kept, notes deleted here stay deleted, the newer change to
   * a note wins). The merged text goes to a temporary file that is renamed over the old one. Just before the
   * rename the file is read again; if it changed since it was merged (another window saved meanwhile), the
   * temporary file is dropped and the merge done again. After the rename the file is read once more, and merged
   * again if another save landed at the same moment. Returns the merged notes, what changed in this window's
   * list, and any damaged file moved aside on the way.
   */
  save(annotations: StoredAnnotation[]): Promise<SaveResult> {
    this.pending++;
    const done = this.enqueue(async () => {
      const deletedHere = new Set(this.deleted);
      let corrupt: CorruptReport | undefined;
      for (let attempt = 1; ; attempt++) {
        const onDisk = await readIfExists(this.uri);
        let theirs: StoredAnnotation[] | undefined;
        if (onDisk !== undefined) {
          const parsed = parseAnnotationFile(onDisk);
          if (parsed.ok) {
            theirs = parsed.file.annotations;
          } else {
            // Never overwritten: moved aside, reported, then read again (it is normally gone now).
            const movedTo = await this.moveAside();
            if (movedTo) corrupt = { movedTo, error: parsed.error };
            if (attempt >= MAX_ATTEMPTS) throw new Error(CHANGING);
            continue;
          }
        }
        const seen = this.lastText === undefined ? undefined : parseAnnotationFile(this.lastText);
        // A note written here in the last minute and missing from the file was overwritten, not deleted: leave it
        // out of the base, so that the merge keeps it as new.
        const recent = this.recentIds();
        const base = seen?.ok ? seen.file.annotations.filter((a) => !recent.has(a.id)) : undefined;
        const merged = mergeAnnotations({ mine: annotations, theirs, base, deletedHere });
        const text = serialiseAnnotationFile({ version: 1, annotations: merged.annotations });
        if (text !== onDisk) {
          const tmp = await this.writeTemporary(text);
          const now = await readIfExists(this.uri);
          if (now !== onDisk) {
            // Another window saved between our read and now: merge again with what it wrote.
            await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
            if (attempt >= MAX_ATTEMPTS) throw new Error(CHANGING);
            this.retries++;
            await pause(attempt);
            continue;
          }
          const renamed = await this.rename(tmp);
          const after = await readIfExists(this.uri);
          // VS Code renames over a file by deleting it first; a window that looked in between may have restored our
          // temporary file itself (see recover). Our text in place is what matters.
          if (renamed !== true && after !== text) throw renamed;
          if (after !== text) {
            // Another save landed on top of ours at the same moment: merge again, so that neither is lost.
            if (attempt >= MAX_ATTEMPTS) throw new Error(CHANGING);
            this.retries++;
            await pause(attempt);
            continue;
          }
        }
        const before = new Map((seen?.ok ? seen.file.annotations : []).map((a) => [a.id, a.modified] as const));
        const landed = this.clock();
        for (const a of annotations) {
          const was = before.get(a.id);
          if (!deletedHere.has(a.id) && (was === undefined || was !== a.modified)) this.recent.set(a.id, landed);
        }
        this.lastText = text;
        for (const id of deletedHere) this.deleted.delete(id);
        return { annotations: merged.annotations, removed: merged.removed, updated: merged.updated, ...(corrupt ? { corrupt } : {}) };
      }
    });
    return done.finally(() => {
      this.pending--;
    });
  }

  /** Writes `text` to a new temporary file beside the notes file (same folder, so the rename stays on one disk). */
  private async writeTemporary(text: string): Promise<vscode.Uri> {
    const folder = vscode.Uri.joinPath(this.uri, '..');
    await vscode.workspace.fs.createDirectory(folder);
    const tmp = vscode.Uri.joinPath(folder, `.annotations.json.${stamp()}.${Math.random().toString(36).slice(2, 8)}.tmp`);
    await vscode.workspace.fs.writeFile(tmp, encoder.encode(text));
    return tmp;
  }

  /** Renames a temporary file over the notes file: true, or the error (the temporary file is then removed). */
  private async rename(tmp: vscode.Uri): Promise<true | unknown> {
    try {
      await vscode.workspace.fs.rename(tmp, this.uri, { overwrite: true });
      return true;
    } catch (error) {
      await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
      return error ?? new Error('the rename failed');
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
