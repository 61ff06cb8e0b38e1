/**
 * Notes at activation: what the extension needs of them before anyone has written one. The notes themselves
 * (threads, following their text through edits, the notes file: controller.ts and sidecar.ts) are loaded with
 * the features file (src/extension/lazy/) the first time they are needed:
 *  - a document is open whose folder has a notes file (`.counterpoint/annotations.json`), or one appears;
 *  - a note is added (the Add Annotation command, or the gutter's "+" and the comment widget), or a command
 *    works on notes (reply, resolve, reload, export …);
 *  - a report or the tree asks for the notes on a document whose folder has a notes file.
 * Until then, this keeps the comment controller (so the gutter offers to comment on any Markdown file, as the
 * controller does), and answers that there are no notes, which is what the controller would say: with no notes
 * file there are none.
 */
import * as vscode from 'vscode';
import type { StoredAnnotation } from '../../core/annotations/store';
import { features } from '../lazy/load';
import type { AnnotationController } from './controller';

export const CONTROLLER_ID = 'counterpoint.annotations';
/**
 * Where a folder's notes file is: SIDECAR_PATH of src/core/annotations/store.ts, which the notes file's reading
 * and writing use (a test checks they agree). Written out here, not imported, so that the bundle does not keep
 * store.ts, which the features file then shares rather than copies.
 */
export const NOTES_FILE = '.counterpoint/annotations.json';
const SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs', 'vscode-userdata', 'memfs']);

/** What tests and other features see of a note. */
export interface NoteInfo {
  id: string;
  uri: string;
  source: string;
  status: 'open' | 'resolved';
  orphaned: boolean;
  /** The annotated text now (or, for an orphaned note, as it was). */
  quote: string;
  /** Offsets in the open document; absent when the document is not open or the note is orphaned. */
  start?: number;
  end?: number;
  /** [startLine, startCharacter, endLine, endCharacter] of the thread, 0-based. */
  range?: [number, number, number, number];
  comments: Array<{ author: string; body: string }>;
  /** The thread's label ("[orphaned] …" for an orphaned note). */
  label?: string;
  sidecar: string;
}

/** Whether notes can be kept on a document: a Markdown file saved on a file system we can write beside. */
export function annotatable(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && SCHEMES.has(document.uri.scheme);
}

/** The folder whose notes file holds a document's notes: its workspace folder, or else its own folder. */
export function notesFolder(uri: vscode.Uri): vscode.Uri {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.joinPath(uri, '..');
}

/** The Comments API controller for notes: any line of an annotatable document can take a comment. */
export function createCommentController(): vscode.CommentController {
  const controller = vscode.comments.createCommentController(CONTROLLER_ID, 'Counterpoint notes');
  controller.options = { placeHolder: 'Write a note on this passage (kept in .counterpoint/annotations.json)', prompt: 'Add a note…' };
  controller.commentingRangeProvider = {
    provideCommentingRanges: (document) => (annotatable(document) ? [new vscode.Range(0, 0, Math.max(0, document.lineCount - 1), 0)] : []),
  };
  return controller;
}

/** The notes, loaded on first need (see above); the same methods as the controller. */
export class Notes implements vscode.Disposable {
  private controller: AnnotationController | undefined;
  private loading: Promise<AnnotationController> | undefined;
  private disposed = false;
  /** Until the controller is loaded: its comment controller, and what watches for a reason to load it. */
  private readonly comments: vscode.CommentController;
  private readonly waiting: vscode.Disposable[] = [];
  /** Folders found to have no notes file (a new one is seen by the watcher, which loads the controller). */
  private readonly absent = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** Fired when notes change (added, replied to, resolved, deleted, moved or reloaded). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly output?: vscode.LogOutputChannel) {
    this.comments = createCommentController();
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${NOTES_FILE}`);
    const appeared = () => void this.loadQuietly();
    this.waiting.push(
      watcher,
      watcher.onDidCreate(appeared),
      watcher.onDidChange(appeared),
      vscode.workspace.onDidOpenTextDocument((d) => void this.check(d)),
    );
    for (const d of vscode.workspace.textDocuments) void this.check(d);
  }

  /** Loads the controller if a document's folder has a notes file. */
  private async check(document: vscode.TextDocument): Promise<void> {
    if (this.loading || !annotatable(document)) return;
    if (await this.hasNotesFile(notesFolder(document.uri))) await this.loadQuietly();
  }

  /** Whether a folder has a notes file (one that cannot be stat'ed counts as missing, as the controller reads it). */
  private async hasNotesFile(folder: vscode.Uri): Promise<boolean> {
    const key = folder.toString();
    if (this.absent.has(key)) return false;
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, ...NOTES_FILE.split('/')));
      return true;
    } catch {
      this.absent.add(key);
      return false;
    }
  }

  private async loadQuietly(): Promise<void> {
    try {
      await this.load();
    } catch (error) {
      this.output?.error(`Counterpoint could not load its notes: ${(error as Error)?.stack ?? String(error)}`);
    }
  }

  /** The controller, loaded once; a failed load is tried again on the next call. */
  load(): Promise<AnnotationController> {
    this.loading ??= features().then(
      ({ AnnotationController }) => {
        if (this.disposed) throw new Error('the extension has been deactivated');
        for (const d of this.waiting.splice(0)) d.dispose();
        const controller = new AnnotationController(this.output, this.comments);
        controller.onDidChange((uri) => this.changed.fire(uri));
        this.controller = controller;
        return controller;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  dispose(): void {
    this.disposed = true;
    for (const d of this.waiting.splice(0)) d.dispose();
    if (this.controller) this.controller.dispose();
    else this.comments.dispose();
    this.changed.dispose();
  }

  // ---- changes (each loads the controller) ----------------------------------------------------------------

  async add(document: vscode.TextDocument, start: number, end: number, body: string): Promise<NoteInfo> {
    return (await this.load()).add(document, start, end, body);
  }

  async createFromThread(reply: vscode.CommentReply): Promise<NoteInfo | undefined> {
    return (await this.load()).createFromThread(reply);
  }

  async reply(reply: vscode.CommentReply | { id: string; text: string }): Promise<NoteInfo | undefined> {
    return (await this.load()).reply(reply);
  }

  async setStatus(thread: vscode.CommentThread | string, status: 'open' | 'resolved'): Promise<NoteInfo | undefined> {
    return (await this.load()).setStatus(thread, status);
  }

  async deleteNote(thread: vscode.CommentThread | string): Promise<NoteInfo | undefined> {
    return (await this.load()).deleteNote(thread);
  }

  async deleteComment(comment: vscode.Comment): Promise<NoteInfo | undefined> {
    return (await this.load()).deleteComment(comment);
  }

  async saveComment(comment: vscode.Comment): Promise<NoteInfo | undefined> {
    return (await this.load()).saveComment(comment);
  }

  /** A comment to edit is one of the controller's: without it, there is none. */
  editComment(comment: vscode.Comment): void {
    this.controller?.editComment(comment);
  }

  cancelEdit(comment: vscode.Comment): void {
    this.controller?.cancelEdit(comment);
  }

  async reload(): Promise<NoteInfo[]> {
    return (await this.load()).reload();
  }

  // ---- queries ------------------------------------------------------------------------------------------

  /** Damaged notes files moved aside, most recent last. */
  get corrupt(): AnnotationController['corrupt'] {
    return this.controller?.corrupt ?? [];
  }

  /** Every note shown in an open document. */
  async list(): Promise<NoteInfo[]> {
    return this.loading ? (await this.loading).list() : [];
  }

  /** The notes on a document (open or not), with anchors as they are now. */
  async annotationsFor(uri: vscode.Uri): Promise<StoredAnnotation[]> {
    if (!this.loading && !(await this.hasNotesFile(notesFolder(uri)))) return [];
    return (await this.load()).annotationsFor(uri);
  }

  /** Every note in the workspace's notes files. */
  async all(): Promise<Array<{ base: vscode.Uri; annotations: StoredAnnotation[] }>> {
    return (await this.load()).all();
  }
}
