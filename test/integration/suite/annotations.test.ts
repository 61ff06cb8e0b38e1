/// <reference types="mocha" />
// Notes on a span of a letter, through the real Comments API and the commands: stored beside the workspace in
// .counterpoint/annotations.json, following their text through edits and reloads, kept (as orphaned) when their
// text is gone, exported as W3C Web Annotations, and a damaged notes file moved aside rather than overwritten.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NoteInfo } from '../../../src/extension/annotations/notes';
import { activate, closeAllEditors, fileUri, open, sleep, waitFor } from './helpers';

const LETTER = 'report/letter.md';

const sidecar = () => fileUri('.counterpoint/annotations.json');

async function readJson<T = any>(uri: vscode.Uri): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as T;
}

/** The notes file, or undefined while a save is replacing it (VS Code's rename removes the old file first). */
async function sidecarJson(): Promise<any> {
  try {
    return await readJson(sidecar());
  } catch {
    return undefined;
  }
}

async function list(): Promise<NoteInfo[]> {
  return (await vscode.commands.executeCommand<NoteInfo[]>('counterpoint.annotations.list')) ?? [];
}

async function note(id: string): Promise<NoteInfo> {
  const n = (await list()).find((x) => x.id === id);
  assert.ok(n, `note ${id} is not shown`);
  return n;
}

async function letterDoc(): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(fileUri(LETTER));
}

async function replaceText(doc: vscode.TextDocument, find: string, by: string): Promise<void> {
  const at = doc.getText().indexOf(find);
  assert.ok(at >= 0, `"${find}" is not in ${doc.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + find.length)), by);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

suite('Annotations', () => {
  let original = '';
  const quote = 'install self-service machines in every branch';
  let id = '';

  suiteSetup(async () => {
    await activate();
    original = (await letterDoc()).getText();
  });

  suiteTeardown(async () => {
    const doc = await letterDoc();
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
    await vscode.workspace.applyEdit(edit);
    await doc.save();
    await vscode.commands.executeCommand('counterpoint.unpair', fileUri(LETTER));
    await closeAllEditors();
  });

  test('Add Annotation puts a note on the selected text, as a comment thread, and saves it beside the workspace', async () => {
    const editor = await open(LETTER);
    const doc = editor.document;
    const start = doc.getText().indexOf(quote);
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(start + quote.length));
    const added = await vscode.commands.executeCommand<NoteInfo>('counterpoint.addAnnotation', { body: 'Ask what happens to the counter staff at the smaller branches.' });
    assert.ok(added, 'the command returned no note');
    id = added.id;
    assert.match(id, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.equal(added.quote, quote);
    assert.equal(added.start, start);
    const range = doc.positionAt(start);
    assert.deepEqual(added.range?.slice(0, 2), [range.line, range.character]);
    assert.equal(added.sidecar, sidecar().toString());
    const stored = await readJson(sidecar());
    assert.equal(stored.version, 1);
    const entry = stored.annotations.find((a: { id: string }) => a.id === id);
    assert.ok(entry, 'the note is not in .counterpoint/annotations.json');
    assert.equal(entry.source, LETTER);
    assert.equal(entry.target.quote.exact, quote);
    assert.equal(entry.target.quote.prefix, doc.getText().slice(start - 32, start));
    assert.deepEqual(entry.target.position, { type: 'TextPositionSelector', start, end: start + quote.length });
    assert.equal(entry.comments[0].body, 'Ask what happens to the counter staff at the smaller branches.');
    // The letter itself is untouched.
    assert.equal(doc.getText(), original);
    assert.equal(doc.isDirty, false);
  });

  test('replies and resolving are kept in the notes file', async () => {
    const replied = await vscode.commands.executeCommand<NoteInfo>('counterpoint.annotations.reply', { id, text: 'Raised at the joint meeting; HR to reply.' });
    assert.deepEqual(
      replied.comments.map((c) => c.body),
      ['Ask what happens to the counter staff at the smaller branches.', 'Raised at the joint meeting; HR to reply.'],
    );
    const resolved = await vscode.commands.executeCommand<NoteInfo>('counterpoint.annotations.resolve', id);
    assert.equal(resolved.status, 'resolved');
    const entry = (await readJson(sidecar())).annotations.find((a: { id: string }) => a.id === id);
    assert.equal(entry.status, 'resolved');
    assert.equal(entry.comments.length, 2);
    const reopened = await vscode.commands.executeCommand<NoteInfo>('counterpoint.annotations.reopen', id);
    assert.equal(reopened.status, 'open');
  });

  test('a note follows its text when an edit moves it, and after a reload from the notes file', async () => {
    const doc = await letterDoc();
    await replaceText(doc, 'Dear branch secretary,', 'Dear branch secretary,\n\nThis letter replaces our note of 20 February, which went out before Cabinet had met.');
    const moved = await waitFor(async () => {
      const n = await note(id);
      return n.start !== undefined && n.start !== original.indexOf(quote) && n;
    }, 'the note to move with its text');
    assert.equal(moved.quote, quote);
    assert.equal(moved.start, doc.getText().indexOf(quote));
    assert.equal(moved.range?.[0], doc.positionAt(moved.start!).line);
    await doc.save();
    await waitFor(async () => (await sidecarJson())?.annotations.find((a: { id: string; target: { position: { start: number } } }) => a.id === id && a.target.position.start === moved.start), 'the saved position');
    // Dispose the comment controller and rebuild everything from the file on disk.
    const reloaded = await vscode.commands.executeCommand<NoteInfo[]>('counterpoint.annotations.reload');
    const again = reloaded.find((n) => n.id === id);
    assert.ok(again, 'the note did not survive the reload');
    assert.equal(again.start, moved.start);
    assert.equal(again.quote, quote);
    assert.equal(again.comments.length, 2);
  });

  test('a note re-attaches after a light edit inside its text', async () => {
    const doc = await letterDoc();
    await replaceText(doc, 'self-service machines', 'self service machines');
    const n = await waitFor(async () => {
      const x = await note(id);
      return x.quote === 'install self service machines in every branch' && x;
    }, 'the note to follow the edited text');
    assert.equal(n.orphaned, false);
    assert.equal(n.start, doc.getText().indexOf('install self service machines'));
  });

  test('a note whose text is gone is kept, shown as orphaned, and survives a reload', async () => {
    const doc = await letterDoc();
    const para = doc.getText().indexOf('**Introduce self-service kiosks**');
    const paraEnd = doc.getText().indexOf('\n\n', para);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(para), doc.positionAt(paraEnd)), '**Introduce online renewals** – let readers renew loans through the website.');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const orphan = await waitFor(async () => {
      const x = await note(id);
      return x.orphaned && x;
    }, 'the note to become orphaned');
    assert.deepEqual(orphan.range, [0, 0, 0, 0], 'an orphaned note sits at the top of the file');
    assert.match(orphan.label ?? '', /^\[orphaned\] /);
    assert.equal(orphan.comments.length, 2, 'nothing of the note was dropped');
    await doc.save();
    const entry = await waitFor(async () => (await sidecarJson())?.annotations.find((a: { id: string; orphaned?: boolean }) => a.id === id && a.orphaned), 'the orphaned state saved');
    assert.equal(entry.target.quote.exact, 'install self service machines in every branch', 'the old quote is kept to re-attach later');
    const reloaded = await vscode.commands.executeCommand<NoteInfo[]>('counterpoint.annotations.reload');
    const still = reloaded.find((n) => n.id === id);
    assert.ok(still?.orphaned, 'the orphaned note was dropped on reload');
  });

  test('Export Annotations writes W3C Web Annotation JSON-LD, orphaned notes included', async () => {
    const target = fileUri('report/exports/notes.jsonld');
    const written = await vscode.commands.executeCommand<vscode.Uri>('counterpoint.exportAnnotations', { target });
    assert.equal(written?.toString(), target.toString());
    const collection = await readJson(target);
    assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.type, 'AnnotationCollection');
    const items = collection.first.items as any[];
    const main = items.find((a) => a.id === id);
    assert.ok(main);
    assert.equal(main.type, 'Annotation');
    assert.equal(main.motivation, 'commenting');
    assert.equal(main.body[0].type, 'TextualBody');
    assert.equal(main.body[0].value, 'Ask what happens to the counter staff at the smaller branches.');
    assert.ok(main.body.some((b: { purpose: string; value: string }) => b.purpose === 'tagging' && b.value === 'orphaned'));
    assert.equal(main.target.source, fileUri(LETTER).toString());
    assert.deepEqual(
      main.target.selector.map((s: { type: string }) => s.type),
      ['TextQuoteSelector', 'TextPositionSelector'],
    );
    const reply = items.find((a) => a.motivation === 'replying' && a.target === id);
    assert.equal(reply?.body[0].value, 'Raised at the joint meeting; HR to reply.');
  });

  test('notes on the letter appear in the comparison report, orphaned ones marked', async () => {
    const model = await vscode.commands.executeCommand<{ annotations: Array<{ id: string; orphaned: boolean }> }>('counterpoint.showReport', fileUri(LETTER), fileUri('report/response.md'));
    const inReport = model.annotations.find((a) => a.id === id);
    assert.ok(inReport, 'the note is not in the report');
    assert.equal(inReport.orphaned, true);
  });

  test('Add Annotation from the palette asks for the note, and cancelling adds nothing', async () => {
    const editor = await open(LETTER);
    editor.selection = new vscode.Selection(4, 0, 4, 5);
    const before = (await list()).length;
    const running = vscode.commands.executeCommand<NoteInfo | undefined>('counterpoint.addAnnotation');
    await sleep(1500);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await running, undefined);
    assert.equal((await list()).length, before);
  });

  test('a damaged notes file is moved aside and reported, never overwritten', async () => {
    const damaged = '{"version": 1, "annotations": [ {"id": "half written';
    await vscode.workspace.fs.writeFile(sidecar(), new TextEncoder().encode(damaged));
    await vscode.commands.executeCommand('counterpoint.annotations.reload');
    const reports = await waitFor(async () => {
      const r = await vscode.commands.executeCommand<Array<{ movedTo: string; error: string }>>('counterpoint.annotations.corrupt');
      return r.length > 0 && r;
    }, 'the damaged file to be reported');
    const last = reports[reports.length - 1];
    assert.match(last.error, /not valid JSON/);
    assert.match(last.movedTo, /\/\.counterpoint\/annotations\.corrupt-[^/]+\.json$/);
    const kept = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(last.movedTo)));
    assert.equal(kept, damaged, 'the damaged file was not kept as it was');
    // A new note starts a fresh file; the damaged one stays where it was moved.
    const editor = await open(LETTER);
    const doc = editor.document;
    const at = doc.getText().indexOf('Merge the mobile library teams');
    const added = await vscode.commands.executeCommand<NoteInfo>('counterpoint.addAnnotation', { uri: doc.uri, start: at, end: at + 30, body: 'Which depot?' });
    assert.ok(added);
    const fresh = await readJson(sidecar());
    assert.deepEqual(
      fresh.annotations.map((a: { id: string }) => a.id),
      [added.id],
    );
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(last.movedTo))), damaged);
  });
});
