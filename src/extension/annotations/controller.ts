/**
 * Notes on a span of a letter or response, shown with VS Code's Comments API (threads in the gutter, replies,
 * resolve / reopen) and kept in `.counterpoint/annotations.json` beside the workspace (never in the document).
 *
 * Each note is anchored the W3C way (quote + context + position, `src/core/annotations/anchor.ts`). While a
 * document is edited, notes follow their text: edits elsewhere shift them exactly; an edit touching the text, or
 * a new version of the file, re-attaches them by position, then by quote and context, then approximately. A note
 * whose text is gone is kept, shown as an orphaned thread at the top of the file, and exported as orphaned.
 *
 * Loaded with the features file the first time notes are needed (notes.ts, which the extension creates at
 * activation, decides when, and hands over its comment controller).
 */
import * as vscode from 'vscode';
import { attach, describe, type Anchor, type AttachOptions } from '../../core/annotations/anchor';
import type { AnnotationComment, StoredAnnotation } from '../../core/annotations/store';
import { excerpt } from '../../core/report/model';
import { Sidecar, type CorruptReport } from './sidecar';
import { annotatable, createCommentController, notesFolder, type NoteInfo } from './notes';

export type { NoteInfo } from './notes';

class NoteComment implements vscode.Comment {
  savedBody: string | vscode.MarkdownString;
  contextValue = 'counterpoint-note';
  label?: string;
  constructor(
    readonly data: AnnotationComment,
    public body: string | vscode.MarkdownString,
    public mode: vscode.CommentMode,
    public author: vscode.CommentAuthorInformation,
    readonly live: Live,
    public timestamp?: Date,
  ) {
    this.savedBody = body;
  }
}

interface Live {
  annotation: StoredAnnotation;
  base: Base;
  uri: vscode.Uri;
  thread?: vscode.CommentThread;
  /** Offsets in the open document. */
  start: number;
  end: number;
  orphaned: boolean;
  /** An edit touched the text: re-attach on the next pass. */
  touched: boolean;
}

interface Base {
  key: string;
  sidecar: Sidecar;
  annotations: StoredAnnotation[];
  loaded: Promise<void>;
  /** Anchors moved since the last save. */
  moved: boolean;
}

export class AnnotationController implements vscode.Disposable {
  private controller: vscode.CommentController;
  private readonly bases = new Map<string, Base>();
  /** One Sidecar per notes file for the life of the controller, so that every read and write of it is queued. */
  private readonly sidecars = new Map<string, Sidecar>();
  private readonly watched = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lives = new Map<string, Live>();
  private readonly byThread = new Map<vscode.CommentThread, Live>();
  private readonly passes = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** Fired when notes change (added, replied to, resolved, deleted, moved or reloaded). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Damaged notes files moved aside, most recent last (for tests and the output channel). */
  readonly corrupt: CorruptReport[] = [];

  /** `comments`: the comment controller to use (notes.ts made it at activation); by default, a new one. */
  constructor(
    private readonly output?: vscode.LogOutputChannel,
    comments?: vscode.CommentController,
  ) {
    this.controller = comments ?? createCommentController();
    const watcher = vscode.workspace.createFileSystemWatcher('**/.counterpoint/annotations.json');
    this.disposables.push(
      this.changed,
      watcher,
      watcher.onDidChange((uri) => this.sidecarEvent(uri)),
      watcher.onDidCreate((uri) => this.sidecarEvent(uri)),
      watcher.onDidDelete((uri) => this.sidecarEvent(uri)),
      vscode.workspace.onDidOpenTextDocument((d) => void this.showThreads(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.hideThreads(d.uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.onSave(d)),
    );
    for (const d of vscode.workspace.textDocuments) void this.showThreads(d);
  }

  dispose(): void {
    for (const t of this.passes.values()) clearTimeout(t);
    for (const t of this.watched.values()) clearTimeout(t);
    this.disposeThreads();
    this.controller.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private disposeThreads(): void {
    for (const live of this.lives.values()) live.thread?.dispose();
    this.lives.clear();
    this.byThread.clear();
  }

  /** Disposes the comment controller and every thread, then rebuilds them from the notes files on disk. */
  async reload(): Promise<NoteInfo[]> {
    for (const t of this.passes.values()) clearTimeout(t);
    this.passes.clear();
    this.disposeThreads();
    this.controller.dispose();
    this.bases.clear();
    this.controller = createCommentController();
    await Promise.all(vscode.workspace.textDocuments.map((d) => this.showThreads(d)));
    this.changed.fire(undefined);
    return this.list();
  }

  // ---- bases (one notes file per workspace folder) -------------------------------------------------------

  private baseFor(uri: vscode.Uri): Base {
    return this.baseOfFolder(notesFolder(uri));
  }

  private baseOfFolder(folder: vscode.Uri): Base {
    const key = folder.toString();
    let base = this.bases.get(key);
    if (!base) {
      let sidecar = this.sidecars.get(key);
      if (!sidecar) {
        sidecar = new Sidecar(folder);
        this.sidecars.set(key, sidecar);
      }
      const b: Base = { key, sidecar, annotations: [], loaded: Promise.resolve(), moved: false };
      b.loaded = b.sidecar.load().then(
        (r) => {
          b.annotations = r.file.annotations;
          if (r.corrupt) this.reportCorrupt(b.sidecar.uri, r.corrupt);
        },
        (error) => {
          this.output?.error(`Counterpoint could not read ${b.sidecar.uri.toString(true)}: ${(error as Error).message}`);
          void vscode.window.showErrorMessage(`Counterpoint: the notes file ${vscode.workspace.asRelativePath(b.sidecar.uri)} could not be read (${(error as Error).message}). Notes are not shown until it can be.`);
          throw error;
        },
      );
      this.bases.set(key, b);
      base = b;
    }
    return base;
  }

  private sourceOf(uri: vscode.Uri, base: Base): string {
    const root = base.sidecar.base.path.replace(/\/$/, '');
    return uri.path.startsWith(root + '/') ? uri.path.slice(root.length + 1) : uri.path.slice(uri.path.lastIndexOf('/') + 1);
  }

  private reportCorrupt(file: vscode.Uri, c: CorruptReport): void {
    this.corrupt.push(c);
    const message = `Counterpoint: the notes file ${vscode.workspace.asRelativePath(file)} could not be read (${c.error}). It has been kept as ${vscode.workspace.asRelativePath(c.movedTo)}, and a new notes file will be started; nothing was deleted.`;
    this.output?.warn(message);
    void vscode.window.showWarningMessage(message);
  }

  /** File events come in bursts (a save is a rename; git writes in steps): act once they settle. */
  private sidecarEvent(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.watched.get(key);
    if (t) clearTimeout(t);
    this.watched.set(
      key,
      setTimeout(() => {
        this.watched.delete(key);
        void this.onSidecarChanged(uri);
      }, 300),
    );
  }

  private async onSidecarChanged(uri: vscode.Uri): Promise<void> {
    const base = [...this.bases.values()].find((b) => b.sidecar.uri.toString() === uri.toString());
    if (!base) return;
    if (base.sidecar.writing) return this.sidecarEvent(uri);
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = undefined;
    }
    if (base.sidecar.isOwnText(text)) return;
    if (base.sidecar.lostRecent(text)) {
      // Another window's save, begun before ours landed, went over notes written here moments ago: save again
      // (the merge keeps them, and takes in the other window's notes).
      this.output?.info(`Another window saved ${vscode.workspace.asRelativePath(uri)} over notes written here moments before; saving them again.`);
      await this.save(base).catch(() => undefined);
      return;
    }
    // Changed by someone else (git, a colleague, another window): show what is on disk now.
    for (const [id, live] of this.lives) {
      if (live.base !== base) continue;
      live.thread?.dispose();
      this.lives.delete(id);
    }
    this.bases.delete(base.key);
    await Promise.all(vscode.workspace.textDocuments.map((d) => this.showThreads(d)));
    this.changed.fire(undefined);
  }

  // ---- threads for open documents ------------------------------------------------------------------------

  private async showThreads(document: vscode.TextDocument): Promise<void> {
    if (!annotatable(document)) return;
    const base = this.baseFor(document.uri);
    try {
      await base.loaded;
    } catch {
      return;
    }
    if (document.isClosed) return;
    const source = this.sourceOf(document.uri, base);
    const text = document.getText();
    for (const a of base.annotations) {
      if (a.source !== source || this.lives.has(a.id)) continue;
      const live: Live = { annotation: a, base, uri: document.uri, start: 0, end: 0, orphaned: true, touched: false };
      this.place(live, text, a.target);
      this.lives.set(a.id, live);
      this.render(live, document, vscode.CommentThreadCollapsibleState.Collapsed);
    }
  }

  private hideThreads(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const [id, live] of this.lives) {
      if (live.uri.toString() !== key) continue;
      live.thread?.dispose();
      if (live.thread) this.byThread.delete(live.thread);
      this.lives.delete(id);
    }
  }

  /** Attaches a note to the text; updates its offsets, orphan state and stored anchor. */
  private place(live: Live, text: string, anchor: Anchor, options?: AttachOptions): void {
    const at = attach(text, anchor, options);
    const wasOrphaned = live.orphaned;
    if (at.orphaned) {
      live.orphaned = true;
      if (!live.annotation.orphaned) {
        live.annotation.orphaned = true;
        live.base.moved = true;
      }
    } else {
      live.orphaned = false;
      live.start = at.start;
      live.end = at.end;
      const next = describe(text, at.start, at.end);
      const a = live.annotation;
      if (a.orphaned || !sameAnchor(a.target, next)) {
        a.target = next;
        delete a.orphaned;
        live.base.moved = true;
      }
    }
    if (wasOrphaned !== live.orphaned) this.output?.info(`Note ${live.annotation.id} ${live.orphaned ? 'lost its text and is kept as orphaned' : 're-attached'} in ${live.annotation.source}.`);
  }

  private render(live: Live, document: vscode.TextDocument, collapsible?: vscode.CommentThreadCollapsibleState): void {
    const range = live.orphaned ? new vscode.Range(0, 0, 0, 0) : new vscode.Range(document.positionAt(live.start), document.positionAt(live.end));
    let thread = live.thread;
    if (!thread) {
      thread = this.controller.createCommentThread(live.uri, range, []);
      live.thread = thread;
      this.byThread.set(thread, live);
    } else if (!thread.range || !thread.range.isEqual(range)) {
      thread.range = range;
    }
    if (collapsible !== undefined) thread.collapsibleState = collapsible;
    const a = live.annotation;
    thread.canReply = true;
    thread.contextValue = `counterpoint-${a.status}${live.orphaned ? '-orphaned' : ''}`;
    thread.state = a.status === 'resolved' ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
    const quote = excerpt(a.target.quote.exact, 60);
    thread.label = live.orphaned ? `[orphaned] “${quote}” (the text is no longer in this document)` : `“${quote}”`;
    thread.comments = a.comments.map((c) => this.comment(c, live));
  }

  private comment(c: AnnotationComment, live: Live): NoteComment {
    const existing = live.thread?.comments.find((x) => x instanceof NoteComment && x.data.id === c.id) as NoteComment | undefined;
    if (existing && existing.mode === vscode.CommentMode.Editing) return existing;
    const date = new Date(c.created);
    return new NoteComment(c, c.body, vscode.CommentMode.Preview, { name: c.author || 'Unknown author' }, live, Number.isNaN(date.getTime()) ? undefined : date);
  }

  // ---- following the text through edits ------------------------------------------------------------------

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const key = e.document.uri.toString();
    const lives = [...this.lives.values()].filter((l) => l.uri.toString() === key);
    if (lives.length === 0) return;
    // Each change's offsets refer to the text before the event; applied last first, earlier offsets stay valid.
    const changes = [...e.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset);
    for (const live of lives) {
      if (live.orphaned) continue;
      for (const c of changes) {
        const s = c.rangeOffset;
        const end = s + c.rangeLength;
        const delta = c.text.length - c.rangeLength;
        if (end <= live.start) {
          live.start += delta;
          live.end += delta;
        } else if (s >= live.end) {
          continue;
        } else {
          live.touched = true;
          live.end = Math.max(live.start, live.end + delta);
        }
      }
    }
    this.schedulePass(e.document);
  }

  private schedulePass(document: vscode.TextDocument, delay = 150): void {
    const key = document.uri.toString();
    const pending = this.passes.get(key);
    if (pending) clearTimeout(pending);
    this.passes.set(
      key,
      setTimeout(() => {
        this.passes.delete(key);
        this.pass(document);
      }, delay),
    );
  }

  /** Re-attaches touched and orphaned notes of a document and moves their threads. */
  private pass(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    const key = document.uri.toString();
    const text = document.getText();
    let changed = false;
    for (const live of this.lives.values()) {
      if (live.uri.toString() !== key) continue;
      const before = `${live.orphaned}|${live.start}|${live.end}`;
      // An orphaned note is searched for from its stored anchor; the others from where edits have moved them.
      const anchor: Anchor = live.orphaned ? live.annotation.target : { quote: live.annotation.target.quote, position: { type: 'TextPositionSelector', start: live.start, end: live.end } };
      // While typing, an orphaned note is looked for exactly and near where it was, not approximately across the
      // whole document (that is done when the document is opened or the notes reloaded).
      this.place(live, text, anchor, live.orphaned ? { budget: 0 } : undefined);
      live.touched = false;
      this.render(live, document);
      if (before !== `${live.orphaned}|${live.start}|${live.end}`) changed = true;
    }
    if (changed) this.changed.fire(document.uri);
  }

  /** Settles pending re-attachment for a document now (tests, exports and reports call this first). */
  flush(uri?: vscode.Uri): void {
    for (const [key, t] of [...this.passes]) {
      if (uri && key !== uri.toString()) continue;
      clearTimeout(t);
      this.passes.delete(key);
      const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === key);
      if (d) this.pass(d);
    }
  }

  private async onSave(document: vscode.TextDocument): Promise<void> {
    const live = [...this.lives.values()].find((l) => l.uri.toString() === document.uri.toString());
    if (!live) return;
    this.flush(document.uri);
    if (live.base.moved) await this.save(live.base);
  }

  // ---- changes ------------------------------------------------------------------------------------------

  private async save(base: Base): Promise<void> {
    try {
      const r = await base.sidecar.save(base.annotations);
      base.moved = false;
      if (r.corrupt) this.reportCorrupt(base.sidecar.uri, r.corrupt);
      if (r.removed.length > 0 || r.updated.length > 0) await this.adopt(base, r.removed, r.updated);
    } catch (error) {
      const message = `Counterpoint: the notes could not be saved to ${vscode.workspace.asRelativePath(base.sidecar.uri)} (${(error as Error).message}).`;
      this.output?.error(message);
      void vscode.window.showErrorMessage(message);
      throw error;
    }
  }

  /**
   * Takes in what a save merged from the file: notes deleted elsewhere go, notes new or changed elsewhere join or
   * replace this window's. Applied to the list as it is now (notes added here during the save stay).
   */
  private async adopt(base: Base, removed: string[], updated: StoredAnnotation[]): Promise<void> {
    const gone = new Set(removed);
    const byId = new Map(updated.map((a) => [a.id, a] as const));
    const list = base.annotations.filter((a) => !gone.has(a.id)).map((a) => byId.get(a.id) ?? a);
    const have = new Set(list.map((a) => a.id));
    for (const a of updated) if (!have.has(a.id)) list.push(a);
    base.annotations = list;
    for (const [id, live] of [...this.lives]) {
      if (live.base !== base) continue;
      const next = byId.get(id);
      if (gone.has(id)) {
        live.thread?.dispose();
        if (live.thread) this.byThread.delete(live.thread);
        this.lives.delete(id);
      } else if (next && next !== live.annotation) {
        // Keep where the note sits in this window's open document; take the rest (replies, status) from the file.
        next.target = live.annotation.target;
        if (live.annotation.orphaned) next.orphaned = true;
        else delete next.orphaned;
        live.annotation = next;
        const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === live.uri.toString());
        if (d) this.render(live, d);
      }
    }
    await Promise.all(vscode.workspace.textDocuments.map((d) => this.showThreads(d)));
    this.changed.fire(undefined);
  }

  /** Adds a note on [start, end) of an open document; returns it. */
  async add(document: vscode.TextDocument, start: number, end: number, body: string, existingThread?: vscode.CommentThread): Promise<NoteInfo> {
    if (!annotatable(document)) throw new Error('Counterpoint keeps notes only on saved Markdown files.');
    const base = this.baseFor(document.uri);
    await base.loaded;
    const text = document.getText();
    const now = new Date().toISOString();
    const annotation: StoredAnnotation = {
      id: `urn:uuid:${uuid()}`,
      source: this.sourceOf(document.uri, base),
      created: now,
      modified: now,
      status: 'open',
      target: describe(text, start, end),
      comments: [{ id: uuid(), body, author: authorName(), created: now }],
    };
    base.annotations.push(annotation);
    const live: Live = { annotation, base, uri: document.uri, start, end, orphaned: false, touched: false };
    if (existingThread) {
      live.thread = existingThread;
      this.byThread.set(existingThread, live);
    }
    this.lives.set(annotation.id, live);
    this.render(live, document, vscode.CommentThreadCollapsibleState.Expanded);
    await this.save(base);
    this.changed.fire(document.uri);
    return this.info(live);
  }

  /** The comment API's "Add note" on a new thread (gutter "+"): the thread's range becomes the note's span. */
  async createFromThread(reply: vscode.CommentReply): Promise<NoteInfo | undefined> {
    const thread = reply.thread;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === thread.uri.toString()) ?? (await vscode.workspace.openTextDocument(thread.uri));
    const range = thread.range ?? new vscode.Range(0, 0, 0, 0);
    const span = spanOf(document, range);
    return this.add(document, span.start, span.end, reply.text, thread);
  }

  /** A reply from the comment widget, or `{ id, text }` (a note's id) from a command. */
  async reply(reply: vscode.CommentReply | { id: string; text: string }): Promise<NoteInfo | undefined> {
    const live = 'thread' in reply ? this.byThread.get(reply.thread) : this.lives.get(reply.id);
    if (!live) return 'thread' in reply ? this.createFromThread(reply) : undefined;
    const now = new Date().toISOString();
    live.annotation.comments.push({ id: uuid(), body: reply.text, author: authorName(), created: now });
    live.annotation.modified = now;
    return this.commit(live);
  }

  async setStatus(thread: vscode.CommentThread | string, status: 'open' | 'resolved'): Promise<NoteInfo | undefined> {
    const live = this.find(thread);
    if (!live) return undefined;
    live.annotation.status = status;
    live.annotation.modified = new Date().toISOString();
    return this.commit(live);
  }

  async deleteNote(thread: vscode.CommentThread | string): Promise<NoteInfo | undefined> {
    const live = this.find(thread);
    if (!live) return undefined;
    const info = this.info(live);
    const base = live.base;
    base.annotations = base.annotations.filter((a) => a.id !== live.annotation.id);
    base.sidecar.noteDeleted(live.annotation.id);
    live.thread?.dispose();
    if (live.thread) this.byThread.delete(live.thread);
    this.lives.delete(live.annotation.id);
    await this.save(base);
    this.changed.fire(live.uri);
    const undo = 'Undo';
    void vscode.window.showInformationMessage(`Counterpoint: note on “${excerpt(info.quote, 50)}” deleted.`, undo).then(async (choice) => {
      if (choice !== undo) return;
      base.sidecar.noteRestored(live.annotation.id);
      base.annotations.push(live.annotation);
      await this.save(base);
      const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === live.uri.toString());
      if (d) await this.showThreads(d);
      this.changed.fire(live.uri);
    });
    return info;
  }

  async deleteComment(comment: vscode.Comment): Promise<NoteInfo | undefined> {
    if (!(comment instanceof NoteComment)) return undefined;
    const live = comment.live;
    if (live.annotation.comments[0]?.id === comment.data.id) return this.deleteNote(live.annotation.id);
    live.annotation.comments = live.annotation.comments.filter((c) => c.id !== comment.data.id);
    live.annotation.modified = new Date().toISOString();
    return this.commit(live);
  }

  editComment(comment: vscode.Comment): void {
    if (!(comment instanceof NoteComment) || !comment.live.thread) return;
    comment.live.thread.comments = comment.live.thread.comments.map((c) => {
      if (c === comment) (c as NoteComment).mode = vscode.CommentMode.Editing;
      return c;
    });
  }

  async saveComment(comment: vscode.Comment): Promise<NoteInfo | undefined> {
    if (!(comment instanceof NoteComment)) return undefined;
    const raw: string | vscode.MarkdownString = comment.body;
    const body = typeof raw === 'string' ? raw : raw.value;
    const data = comment.live.annotation.comments.find((c) => c.id === comment.data.id);
    if (!data) return undefined;
    const now = new Date().toISOString();
    data.body = body;
    data.modified = now;
    comment.live.annotation.modified = now;
    comment.mode = vscode.CommentMode.Preview;
    return this.commit(comment.live, true);
  }

  cancelEdit(comment: vscode.Comment): void {
    if (!(comment instanceof NoteComment) || !comment.live.thread) return;
    comment.body = comment.savedBody;
    comment.mode = vscode.CommentMode.Preview;
    const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === comment.live.uri.toString());
    if (d) this.render(comment.live, d);
  }

  private async commit(live: Live, rerender = true): Promise<NoteInfo> {
    const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === live.uri.toString());
    if (d && rerender) {
      for (const c of live.thread?.comments ?? []) if (c instanceof NoteComment) c.mode = vscode.CommentMode.Preview;
      if (live.thread) live.thread.comments = [];
      this.render(live, d);
    }
    await this.save(live.base);
    this.changed.fire(live.uri);
    return this.info(live);
  }

  private find(thread: vscode.CommentThread | string): Live | undefined {
    if (typeof thread === 'string') return this.lives.get(thread);
    return this.byThread.get(thread);
  }

  // ---- queries ------------------------------------------------------------------------------------------

  private info(live: Live): NoteInfo {
    const a = live.annotation;
    const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === live.uri.toString());
    const r = live.thread?.range;
    return {
      id: a.id,
      uri: live.uri.toString(),
      source: a.source,
      status: a.status,
      orphaned: live.orphaned,
      quote: !live.orphaned && d ? d.getText().slice(live.start, live.end) : a.target.quote.exact,
      ...(live.orphaned ? {} : { start: live.start, end: live.end }),
      ...(r ? { range: [r.start.line, r.start.character, r.end.line, r.end.character] as [number, number, number, number] } : {}),
      comments: a.comments.map((c) => ({ author: c.author, body: c.body })),
      ...(live.thread?.label ? { label: live.thread.label } : {}),
      sidecar: live.base.sidecar.uri.toString(),
    };
  }

  /** Every note shown in an open document. */
  list(): NoteInfo[] {
    this.flush();
    return [...this.lives.values()].map((l) => this.info(l));
  }

  /** The notes on a document (open or not), with anchors as they are now; loads its notes file if needed. */
  async annotationsFor(uri: vscode.Uri): Promise<StoredAnnotation[]> {
    this.flush(uri);
    const base = this.baseFor(uri);
    try {
      await base.loaded;
    } catch {
      return [];
    }
    const source = this.sourceOf(uri, base);
    return base.annotations.filter((a) => a.source === source).map((a) => ({ ...a, ...(this.lives.get(a.id)?.orphaned ? { orphaned: true } : {}) }));
  }

  /** Every note in the workspace's notes files (each workspace folder's, and those already loaded). */
  async all(): Promise<Array<{ base: vscode.Uri; annotations: StoredAnnotation[] }>> {
    this.flush();
    for (const f of vscode.workspace.workspaceFolders ?? []) this.baseOfFolder(f.uri);
    const out: Array<{ base: vscode.Uri; annotations: StoredAnnotation[] }> = [];
    for (const b of this.bases.values()) {
      try {
        await b.loaded;
      } catch {
        continue;
      }
      if (b.annotations.length > 0) out.push({ base: b.sidecar.base, annotations: b.annotations.map((a) => ({ ...a, ...(this.lives.get(a.id)?.orphaned ? { orphaned: true } : {}) })) });
    }
    return out;
  }
}

function sameAnchor(a: Anchor, b: Anchor): boolean {
  return a.position.start === b.position.start && a.position.end === b.position.end && a.quote.exact === b.quote.exact && a.quote.prefix === b.quote.prefix && a.quote.suffix === b.quote.suffix;
}

/** A selection's span; an empty selection or a bare line means the text of that line, without its indent. */
export function spanOf(document: vscode.TextDocument, range: vscode.Range): { start: number; end: number } {
  let start = document.offsetAt(range.start);
  let end = document.offsetAt(range.end);
  if (end > start && document.getText(range).trim() !== '') return { start, end };
  const line = document.lineAt(range.start.line);
  const text = line.text;
  const lead = text.length - text.trimStart().length;
  const trail = text.trimEnd().length;
  start = document.offsetAt(line.range.start) + lead;
  end = document.offsetAt(line.range.start) + Math.max(lead, trail);
  return { start, end };
}

export function authorName(): string {
  const configured = vscode.workspace.getConfiguration('counterpoint').get<string>('annotations.author', '').trim();
  if (configured) return configured;
  const env = typeof process !== 'undefined' ? process.env : undefined;
  return env?.USER || env?.USERNAME || 'Unknown author';
}

function uuid(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
