/// <reference types="mocha" />
// Nothing lost, in the running extension.
//  - Notes: a note is written to the notes file through a temporary file and a rename (never in place) and survives
//    a reload; a damaged notes file is renamed aside, the user is told, and the new note is still saved; another
//    window's save landing at any point of this window's save is merged in, not overwritten. These run on a
//    `memfs:` folder served by a file system provider registered here, which records every operation the
//    extension makes through vscode.workspace.fs and lets the test act as a second window between two of them.
//    A second window overwriting a note written moments before is undone through the file watcher, on disk.
//  - The consultation log: the quick fix adds its row through one undoable workspace edit (undo removes it), and
//    nothing else in the log changes, with LF and CRLF line endings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, closeAllEditors, describeDiagnostics, fileUri, open, waitFor, withRule } from './helpers';

interface NoteInfo {
  id: string;
  uri: string;
  start?: number;
  end?: number;
  quote: string;
  comments: Array<{ author: string; body: string }>;
  sidecar: string;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

// ---- a recording file system ------------------------------------------------------------------------------------

type Hook = (path: string) => void;

class RecordingFs implements vscode.FileSystemProvider {
  readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  readonly dirs = new Set<string>(['/']);
  readonly ops: string[] = [];
  /** Runs once, before the next write of a temporary notes file. */
  beforeTempWrite?: Hook;
  /** Runs once, right after the next rename onto a notes file. */
  afterRename?: Hook;
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const f = this.files.get(uri.path);
    if (f) return { type: vscode.FileType.File, ctime: f.mtime, mtime: f.mtime, size: f.data.byteLength };
    if (this.dirs.has(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (!this.dirs.has(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
    const prefix = uri.path === '/' ? '/' : `${uri.path}/`;
    const out: [string, vscode.FileType][] = [];
    for (const p of this.files.keys()) if (p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) out.push([p.slice(prefix.length), vscode.FileType.File]);
    for (const p of this.dirs) if (p !== uri.path && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) out.push([p.slice(prefix.length), vscode.FileType.Directory]);
    return out;
  }

  createDirectory(uri: vscode.Uri): void {
    const parts = uri.path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) this.dirs.add('/' + parts.slice(0, i).join('/'));
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const f = this.files.get(uri.path);
    if (!f) throw vscode.FileSystemError.FileNotFound(uri);
    return f.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    const exists = this.files.has(uri.path);
    if (!exists && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (exists && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (/\.annotations\.json\..+\.tmp$/.test(uri.path) && this.beforeTempWrite) {
      const hook = this.beforeTempWrite;
      this.beforeTempWrite = undefined;
      hook(uri.path);
    }
    this.ops.push(`write ${uri.path}`);
    this.put(uri.path, content);
    this.emitter.fire([{ type: exists ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    if (!this.files.delete(uri.path)) {
      if (!this.dirs.has(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
      for (const p of [...this.files.keys()]) if (p.startsWith(uri.path + '/')) this.files.delete(p);
      for (const p of [...this.dirs]) if (p === uri.path || p.startsWith(uri.path + '/')) this.dirs.delete(p);
    }
    this.ops.push(`delete ${uri.path}`);
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(from: vscode.Uri, to: vscode.Uri, options: { overwrite: boolean }): void {
    const f = this.files.get(from.path);
    if (!f) throw vscode.FileSystemError.FileNotFound(from);
    if (this.files.has(to.path) && !options.overwrite) throw vscode.FileSystemError.FileExists(to);
    this.ops.push(`rename ${from.path} -> ${to.path}`);
    this.files.delete(from.path);
    this.files.set(to.path, f);
    this.emitter.fire([
      { type: vscode.FileChangeType.Deleted, uri: from },
      { type: vscode.FileChangeType.Created, uri: to },
    ]);
    if (to.path.endsWith('/annotations.json') && this.afterRename) {
      const hook = this.afterRename;
      this.afterRename = undefined;
      hook(to.path);
    }
  }

  /** Sets a file's content directly, as another program would, without an operation being recorded. */
  put(path: string, data: Uint8Array | string): void {
    this.createDirectory(vscode.Uri.from({ scheme: 'memfs', path: path.slice(0, path.lastIndexOf('/')) || '/' }));
    this.files.set(path, { data: typeof data === 'string' ? enc.encode(data) : data, mtime: Date.now() });
  }

  text(path: string): string | undefined {
    const f = this.files.get(path);
    return f ? dec.decode(f.data) : undefined;
  }
}

// ---- helpers ---------------------------------------------------------------------------------------------------

const LETTER_TEXT = `---
role: letter
date: 2026-11-03
---

# Housing repairs: out-of-hours cover

Dear branch secretary,

The council intends to move the out-of-hours repairs service to a regional call centre from April.

**Close the local depot at night** – the two night-shift operatives will move to day shifts.

**Use contractors for emergency call-outs** – one contract covering all four districts.

Yours sincerely,

Head of Housing Property Services
`;

const DIR = '/nothing-lost';
const NOTES = `${DIR}/.counterpoint/annotations.json`;

async function list(): Promise<NoteInfo[]> {
  return (await vscode.commands.executeCommand<NoteInfo[]>('counterpoint.annotations.list')) ?? [];
}

async function addNote(doc: vscode.TextDocument, quote: string, body: string): Promise<NoteInfo> {
  const start = doc.getText().indexOf(quote);
  assert.ok(start >= 0, `"${quote}" is not in ${doc.uri.toString()}`);
  const added = await vscode.commands.executeCommand<NoteInfo>('counterpoint.addAnnotation', { uri: doc.uri, start, end: start + quote.length, body });
  assert.ok(added, 'the command returned no note');
  return added;
}

function idsIn(text: string | undefined): string[] {
  assert.ok(text !== undefined, 'there is no notes file');
  return (JSON.parse(text) as { annotations: Array<{ id: string }> }).annotations.map((a) => a.id).sort();
}

/** A note as another window would have written it, on `source` at [start, end) of the letter. */
function foreignNote(id: string, quote: string, body: string, source = 'letter.md', text = LETTER_TEXT) {
  const start = text.indexOf(quote);
  const t = '2026-11-03T10:15:00.000Z';
  return {
    id,
    source,
    created: t,
    modified: t,
    status: 'open',
    target: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + quote.length, start + quote.length + 32) },
      position: { type: 'TextPositionSelector', start, end: start + quote.length },
    },
    comments: [{ id: `${id}-c`, body, author: 'Another window', created: t }],
  };
}

/** The notes file's text with `extra` notes added and the notes with ids in `drop` left out. */
function withNotes(text: string | undefined, extra: object[], drop: string[] = []): string {
  const file = text ? (JSON.parse(text) as { version: 1; annotations: Array<{ id: string }> }) : { version: 1, annotations: [] };
  return JSON.stringify({ version: 1, annotations: [...file.annotations.filter((a) => !drop.includes(a.id)), ...extra] }, null, 2) + '\n';
}

/** Captures what the extension shows with vscode.window.showWarningMessage while `run` runs. */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const window = vscode.window as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showWarningMessage;
  const seen: string[] = [];
  window.showWarningMessage = (...args: unknown[]) => {
    seen.push(String(args[0]));
    return original.apply(vscode.window, args);
  };
  try {
    await run();
  } finally {
    window.showWarningMessage = original;
  }
  return seen;
}

// ---- notes ------------------------------------------------------------------------------------------------------

suite('Nothing lost: notes', () => {
  const fs = new RecordingFs();
  let registration: vscode.Disposable | undefined;
  let doc: vscode.TextDocument;
  const letter = vscode.Uri.from({ scheme: 'memfs', path: `${DIR}/letter.md` });
  /** The notes shown on this suite's letter (other suites' documents may still be open). */
  const shownHere = async () => (await list()).filter((n) => n.uri === letter.toString());

  suiteSetup(async () => {
    await activate();
    registration = vscode.workspace.registerFileSystemProvider('memfs', fs, { isCaseSensitive: true });
    fs.put(letter.path, LETTER_TEXT);
    doc = await vscode.workspace.openTextDocument(letter);
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.equal(doc.languageId, 'markdown');
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    registration?.dispose();
  });

  test('adding a note writes the notes file through a temporary file and a rename, never in place, and the note survives a reload', async () => {
    fs.ops.length = 0;
    const added = await addNote(doc, 'move the out-of-hours repairs service to a regional call centre', 'Ask how many call handlers know the district.');
    assert.equal(added.sidecar, vscode.Uri.from({ scheme: 'memfs', path: NOTES }).toString());
    const mine = fs.ops.filter((o) => o.includes('/.counterpoint/'));
    assert.ok(!mine.includes(`write ${NOTES}`), `the notes file was written in place: ${mine.join('; ')}`);
    const rename = mine.find((o) => o.endsWith(` -> ${NOTES}`));
    assert.ok(rename, `no rename onto the notes file: ${mine.join('; ')}`);
    const tmp = /^rename (\S+) -> /.exec(rename)![1];
    assert.match(tmp, /^\/nothing-lost\/\.counterpoint\/\.annotations\.json\..+\.tmp$/, 'the temporary file is beside the notes file');
    assert.ok(mine.indexOf(`write ${tmp}`) >= 0 && mine.indexOf(`write ${tmp}`) < mine.indexOf(rename), 'the temporary file was written before the rename');
    assert.deepEqual([...fs.files.keys()].filter((p) => p.endsWith('.tmp')), [], 'no temporary file is left behind');
    assert.deepEqual(idsIn(fs.text(NOTES)), [added.id]);
    // Rebuild every thread from the file.
    const reloaded = await vscode.commands.executeCommand<NoteInfo[]>('counterpoint.annotations.reload');
    const again = reloaded.find((n) => n.id === added.id);
    assert.ok(again, 'the note did not survive the reload');
    assert.equal(again.start, added.start);
    assert.equal(again.quote, added.quote);
    assert.deepEqual(again.comments.map((c) => c.body), ['Ask how many call handlers know the district.']);
  });

  test('a damaged notes file found on loading is renamed aside, the user is told, and a new note is still saved', async () => {
    const before = (await shownHere()).map((n) => n.id);
    const damaged = '{"version": 1, "annotations": [{"id": "urn:uuid:cut-off';
    fs.put(NOTES, damaged);
    const warnings = await warningsDuring(async () => {
      await vscode.commands.executeCommand('counterpoint.annotations.reload');
      await waitFor(() => [...fs.files.keys()].some((p) => /annotations\.corrupt-.+\.json$/.test(p)), 'the damaged file to be moved aside');
    });
    const aside = [...fs.files.keys()].filter((p) => /\/nothing-lost\/\.counterpoint\/annotations\.corrupt-.+\.json$/.test(p));
    assert.equal(aside.length, 1);
    assert.equal(fs.text(aside[0]), damaged, 'the damaged file is kept exactly as it was');
    const told = warnings.find((w) => w.includes('could not be read'));
    assert.ok(told, `the user was not told (warnings: ${JSON.stringify(warnings)})`);
    assert.match(told, /not valid JSON/);
    assert.ok(told.includes(aside[0].slice(aside[0].lastIndexOf('/') + 1)), `the message does not say where the file was kept: ${told}`);
    assert.match(told, /nothing was deleted/);
    assert.ok(before.length > 0 && (await shownHere()).length === 0, 'the notes of the damaged file are not shown as if read');
    const added = await addNote(doc, 'one contract covering all four districts', 'Which contractor? Ask for the tender.');
    assert.deepEqual(idsIn(fs.text(NOTES)), [added.id]);
    assert.equal(fs.text(aside[0]), damaged, 'the damaged file was touched by the save');
  });

  test('a notes file damaged while loaded is renamed aside on the next save, the user is told, and every note of this window is saved', async () => {
    const shown = (await shownHere()).map((n) => n.id);
    assert.ok(shown.length > 0);
    const damaged = '<<<<<<< HEAD\n{"version": 1}\n=======\n>>>>>>> theirs\n';
    fs.put(NOTES, damaged);
    const asideBefore = new Set([...fs.files.keys()].filter((p) => p.includes('annotations.corrupt-')));
    let added: NoteInfo | undefined;
    const warnings = await warningsDuring(async () => {
      added = await addNote(doc, 'the two night-shift operatives will move to day shifts', 'Protected pay for the night-shift operatives?');
    });
    assert.ok(added);
    const aside = [...fs.files.keys()].filter((p) => p.includes('annotations.corrupt-') && !asideBefore.has(p));
    assert.equal(aside.length, 1, 'the damaged file was not moved aside');
    assert.equal(fs.text(aside[0]), damaged);
    assert.ok(warnings.some((w) => w.includes('could not be read') && w.includes(aside[0].slice(aside[0].lastIndexOf('/') + 1))), `the user was not told (warnings: ${JSON.stringify(warnings)})`);
    assert.deepEqual(idsIn(fs.text(NOTES)), [...shown, added.id].sort());
  });

  test("another window's save landing between this window's read and its rename is merged in, not overwritten", async () => {
    const other = foreignNote('urn:uuid:0b7e1d3c-1111-4aaa-8bbb-000000000001', 'Close the local depot at night', 'From the other window: the depot lease ends in 2028.');
    let wrote = 0;
    fs.beforeTempWrite = () => {
      fs.put(NOTES, withNotes(fs.text(NOTES), [other]));
      wrote++;
    };
    const added = await addNote(doc, 'Head of Housing Property Services', 'Copy to the regional organiser.');
    assert.equal(wrote, 1, 'the second window did not write during the save');
    const ids = idsIn(fs.text(NOTES));
    assert.ok(ids.includes(other.id), `the other window's note was overwritten: ${ids.join(', ')}`);
    assert.ok(ids.includes(added.id), `this window's note is not in the file: ${ids.join(', ')}`);
    // The other window's note is shown here too.
    const shown = await waitFor(async () => (await list()).find((n) => n.id === other.id), "the other window's note to be shown");
    assert.equal(shown.quote, 'Close the local depot at night');
    // The first temporary file, written before the other window's save landed, was dropped.
    assert.deepEqual([...fs.files.keys()].filter((p) => p.endsWith('.tmp')), []);
  });

  test("another window's save landing just after this window's rename is seen, and merged again", async () => {
    const other = foreignNote('urn:uuid:0b7e1d3c-1111-4aaa-8bbb-000000000002', 'Use contractors for emergency call-outs', 'From the other window: the current contract runs to 2027.');
    const beforeSave = fs.text(NOTES);
    fs.afterRename = () => fs.put(NOTES, withNotes(beforeSave, [other]));
    const added = await addNote(doc, 'Dear branch secretary', 'Reply by 20 November.');
    assert.equal(fs.afterRename, undefined, 'the second window did not write during the save');
    const ids = idsIn(fs.text(NOTES));
    assert.ok(ids.includes(other.id), `the other window's note is missing: ${ids.join(', ')}`);
    assert.ok(ids.includes(added.id), `this window's note was lost: ${ids.join(', ')}`);
    for (const id of idsIn(beforeSave)) assert.ok(ids.includes(id), `${id} was lost`);
  });
});

suite('Nothing lost: notes on disk', () => {
  const LETTER = 'report/letter.md';
  const notesFile = () => fileUri('.counterpoint/annotations.json');
  const read = async () => {
    try {
      return dec.decode(await vscode.workspace.fs.readFile(notesFile()));
    } catch {
      return undefined;
    }
  };

  suiteTeardown(closeAllEditors);

  test("a second window's save that goes over a note written moments before is undone: the note is written again, the other window's kept", async () => {
    const editor = await open(LETTER);
    const doc = editor.document;
    const quote = doc.getText().match(/[A-Z][^.\n]{20,60}/)?.[0];
    assert.ok(quote, 'no sentence to annotate in the letter');
    const added = await addNote(doc, quote, 'A note the other window has not seen.');
    const before = await read();
    assert.ok(idsIn(before).includes(added.id));
    // The other window read the file before our save and now writes its own note over it.
    const other = foreignNote('urn:uuid:0b7e1d3c-2222-4aaa-8bbb-000000000003', quote, 'From the other window.', LETTER, doc.getText());
    await vscode.workspace.fs.writeFile(notesFile(), enc.encode(withNotes(before, [other], [added.id])));
    const both = await waitFor(
      async () => {
        const text = await read();
        if (text === undefined) return undefined;
        try {
          const ids = idsIn(text);
          return ids.includes(added.id) && ids.includes(other.id) && ids;
        } catch {
          return undefined;
        }
      },
      `the note written here and the other window's note both in the file`,
      15_000,
    );
    for (const id of idsIn(before)) assert.ok(both.includes(id), `${id} was lost`);
    await waitFor(async () => (await list()).some((n) => n.id === other.id), "the other window's note to be shown");
    // Nothing is left half-written.
    const entries = await vscode.workspace.fs.readDirectory(fileUri('.counterpoint'));
    assert.deepEqual(entries.filter(([name]) => name.endsWith('.tmp')), []);
  });
});

// ---- the consultation log ---------------------------------------------------------------------------------------

const LOG_LETTER = `---
role: letter
date: 2026-11-03
---

# Library and learning services: evening staffing

Dear colleagues,

The university is changing how the libraries are staffed after 6pm during term time.

These changes were agreed with UCU and Unite at the Joint Negotiating Committee.

Student ambassadors will staff the issue desks from January.

Yours sincerely,

Director of Library and Learning Services
`;

const LOG = `# Consultation log: Northgate University professional services

Kept by the branch secretary. One row a meeting; the outcome is the rung reached.

| Date | Forum | Topic | Unions | Outcome | Reference |
|---|---|---|---|---|---|
| 2026-09-14 | JNC | Annual leave carry-over | UCU, Unite | informed | JNC minutes, item 3 |
| 2026-10-01 | Staff side meeting | Car parking charges | UCU | consulted | Email from HR, 1 October |

## Still to chase

- Minutes of the October meeting (promised by HR for the end of the month).
`;

const CLAIM = 'These changes were agreed with UCU and Unite at the Joint Negotiating Committee.';

async function actionsFor(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
}

suite('Nothing lost: the consultation log', () => {
  const folders = ['nothing-lost-lf', 'nothing-lost-crlf'];

  suiteSetup(async () => {
    await activate();
    for (const f of folders) {
      const eol = f.endsWith('crlf') ? '\r\n' : '\n';
      await vscode.workspace.fs.writeFile(fileUri(`${f}/letter.md`), enc.encode(LOG_LETTER.replace(/\n/g, eol)));
      // The CRLF log also ends without a final line break, right after the table.
      const log = f.endsWith('crlf') ? LOG.slice(0, LOG.indexOf('\n\n## Still')).replace(/\n/g, eol) : LOG;
      await vscode.workspace.fs.writeFile(fileUri(`${f}/consultation-log.md`), enc.encode(log));
    }
  });

  suiteTeardown(async () => {
    for (const f of folders) {
      const log = vscode.workspace.textDocuments.find((d) => d.uri.toString() === fileUri(`${f}/consultation-log.md`).toString());
      if (log?.isDirty) {
        await vscode.window.showTextDocument(log);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
    await closeAllEditors();
    for (const f of folders) await vscode.workspace.fs.delete(fileUri(f), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  for (const folder of folders) {
    const crlf = folder.endsWith('crlf');
    test(`the log-entry quick fix adds one row through an undoable edit and changes nothing else in the log (${crlf ? 'CRLF, no final line break' : 'LF, text after the table'})`, async () => {
      const editor = await open(`${folder}/letter.md`);
      const letter = editor.document;
      const letterBefore = letter.getText();
      const logUri = fileUri(`${folder}/consultation-log.md`);
      const onDisk = dec.decode(await vscode.workspace.fs.readFile(logUri));
      const d = await waitFor(() => withRule(letter.uri, 'unevidenced-claim')[0], () => `the unevidenced claim (have: ${describeDiagnostics(letter.uri)})`);
      assert.equal(letter.getText(d.range), CLAIM);
      const action = (await actionsFor(letter.uri, d.range)).find((a) => a.title === 'Add a consultation-log entry for this claim');
      assert.ok(action?.command, 'no log-entry quick fix');
      assert.equal(action.edit, undefined, 'the fix edits through its command');
      const result = await vscode.commands.executeCommand<{ log: string; row: string }>(action.command.command, ...(action.command.arguments ?? []));
      assert.equal(result?.log, logUri.toString());
      const log = await vscode.workspace.openTextDocument(logUri);
      const eol = crlf ? '\r\n' : '\n';
      const after = log.getText();
      // Exactly one row added, after the table's last row; every other character as it was.
      const lastRow = '| 2026-10-01 | Staff side meeting | Car parking charges | UCU | consulted | Email from HR, 1 October |';
      const at = onDisk.indexOf(lastRow) + lastRow.length;
      const expected = crlf ? `${onDisk}${eol}${result.row}${eol}` : `${onDisk.slice(0, at + eol.length)}${result.row}${eol}${onDisk.slice(at + eol.length)}`;
      assert.equal(after, expected);
      assert.match(result.row, /^\| 2026-11-03 \| Joint Negotiating Committee \| Library and learning services: evening staffing \| UCU, Unite \| agreed \| {2}\|$/);
      // An edit in the editor, not a write behind its back: the log is dirty, the file on disk unchanged.
      assert.equal(log.isDirty, true, 'the row was not added as an edit');
      assert.equal(dec.decode(await vscode.workspace.fs.readFile(logUri)), onDisk);
      assert.equal(letter.getText(), letterBefore, 'the letter was changed');
      // One undo in the log removes the row and nothing else.
      await vscode.window.showTextDocument(log, { preview: false });
      await vscode.commands.executeCommand('undo');
      await waitFor(() => log.getText() === onDisk, () => `undo to restore the log exactly (have: ${JSON.stringify(log.getText())})`);
      assert.equal(log.isDirty, false, 'after undo the log is as saved');
      assert.equal(dec.decode(await vscode.workspace.fs.readFile(logUri)), onDisk);
      // And redo puts it back: one edit in the undo stack.
      await vscode.commands.executeCommand('redo');
      await waitFor(() => log.getText() === expected, 'redo to put the row back');
      await vscode.commands.executeCommand('undo');
      await waitFor(() => log.getText() === onDisk, 'undo again');
    });
  }
});
