/// <reference types="mocha" />
// Letter versions in a real VS Code: "Compare Letter Versions…" opens the diff editor on the two versions and the
// summary of aim-level changes beside it. The command accepts (oldUri, newUri), which skips the quick picks;
// one test answers the quick picks as a person would.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diff } from '../../../src/core/analyse';
import type { DiffResult } from '../../../src/core/contract';
import { activate, closeAllEditors, fileUri, open, sleep, waitFor } from './helpers';

const OLD = 'versions/workload-letter.md';
const NEW = 'versions/workload-letter-v2.md';

interface VersionsState {
  result?: DiffResult;
  html: string;
  visible: boolean;
  options: vscode.WebviewOptions;
  received: unknown[];
  old: string;
  new: string;
}

function state(): Thenable<VersionsState | undefined> {
  return vscode.commands.executeCommand<VersionsState | undefined>('counterpoint.versions.state');
}

async function text(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** What the engine says about the two files, computed here independently of the extension. */
async function expected(): Promise<DiffResult> {
  return diff({ path: OLD, text: await text(fileUri(OLD)) }, { path: NEW, text: await text(fileUri(NEW)) });
}

function diffTabs(): vscode.TabInputTextDiff[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.input)).filter((i): i is vscode.TabInputTextDiff => i instanceof vscode.TabInputTextDiff);
}

function diffTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.toString() === fileUri(OLD).toString() && t.input.modified.toString() === fileUri(NEW).toString());
}

function versionDiffTabs(): number {
  return diffTabs().length;
}

function summaryTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('counterpoint.versions'));
}

suite('Letter versions', () => {
  suiteSetup(async () => {
    await activate();
  });

  suiteTeardown(async () => {
    await closeAllEditors();
  });

  test('the command is contributed under "Counterpoint", registered, and offered in the context menus of Markdown files', async () => {
    const ext = vscode.extensions.getExtension('counterpoint-union-tools.counterpoint')!;
    const contributed = ext.packageJSON.contributes.commands as Array<{ command: string; title: string; category: string }>;
    const titles = new Map(contributed.map((c) => [c.command, `${c.category}: ${c.title}`]));
    assert.equal(titles.get('counterpoint.compareVersions'), 'Counterpoint: Compare Letter Versions…');
    assert.equal(titles.get('counterpoint.compareWithVersion'), 'Counterpoint: Compare with Another Version…');
    const menus = ext.packageJSON.contributes.menus as Record<string, Array<{ command: string; when?: string }>>;
    assert.ok(!menus.commandPalette.some((m) => m.command === 'counterpoint.compareVersions' && m.when === 'false'), 'hidden from the palette');
    for (const where of ['explorer/context', 'editor/title/context']) {
      assert.ok(menus[where]?.some((m) => m.command === 'counterpoint.compareWithVersion' && /markdown/.test(m.when ?? '')), `not in ${where}`);
    }
    const registered = await vscode.commands.getCommands(true);
    assert.ok(registered.includes('counterpoint.compareVersions'));
    assert.ok(registered.includes('counterpoint.compareWithVersion'));
  });

  test('with two versions given, it returns the diff and opens the diff editor with the summary beside it', async () => {
    await closeAllEditors();
    const result = await vscode.commands.executeCommand<DiffResult>('counterpoint.compareVersions', fileUri(OLD), fileUri(NEW));
    assert.ok(result, 'the command returned nothing');
    const want = await expected();
    assert.deepEqual(
      result.aims.map((a) => [a.change, a.old?.title, a.new?.title]),
      want.aims.map((a) => [a.change, a.old?.title, a.new?.title]),
    );
    assert.deepEqual(
      result.claims.map((c) => c.description),
      want.claims.map((c) => c.description),
    );
    assert.equal(result.old.path, OLD);
    assert.equal(result.new.path, NEW);
    // The fixture's changes, as the engine finds them: a deadline moved, a figure raised, "will" softened, a claim
    // of agreement where the old version said "discussed", one aim removed and one added.
    const changes = result.aims.map((a) => a.change);
    assert.ok(changes.includes('added') && changes.includes('removed') && changes.includes('reworded') && changes.includes('unchanged'), changes.join(', '));
    const kinds = new Set([...result.aims.flatMap((a) => a.significant.map((s) => s.kind)), ...result.claims.map((c) => c.kind)]);
    for (const k of ['date', 'number', 'modal', 'claim']) assert.ok(kinds.has(k as never), `no ${k} change found`);

    // The diff editor, old on the left and new on the right, with a title naming both.
    const tab = await waitFor(() => diffTab(), () => `a diff editor of ${OLD} and ${NEW} (diff tabs: ${diffTabs().map((i) => `${i.original.path} ↔ ${i.modified.path}`).join('; ') || 'none'})`);
    assert.equal(tab.label, 'workload-letter.md ↔ workload-letter-v2.md (versions)');

    // The summary panel, beside it.
    const panelTab = await waitFor(() => summaryTab(), 'the summary panel to open');
    assert.notEqual(panelTab.group.viewColumn, tab.group.viewColumn, 'the summary should be beside the diff editor');
    const s = await waitFor(async () => {
      const st = await state();
      return st?.html.includes('id="aims"') && st;
    }, 'the summary to render');
    assert.equal(s.old, fileUri(OLD).toString());
    assert.equal(s.new, fileUri(NEW).toString());
    assert.equal(s.visible, true);
    // Strict policy: one script, with this page's nonce; styles only from the webview or with the nonce.
    const nonce = /<script nonce="([^"]+)">/.exec(s.html)?.[1];
    assert.ok(nonce && nonce.length >= 16, 'the script has no nonce');
    assert.match(s.html, new RegExp(`content="default-src &#39;none&#39;; style-src .+? &#39;nonce-${nonce}&#39;; script-src &#39;nonce-${nonce}&#39;"`));
    assert.equal((s.html.match(/<script/g) ?? []).length, 1);
    assert.deepEqual(s.options.localResourceRoots, []);
    // Counts, then what matters, then the aims.
    for (const k of ['added', 'removed', 'reworded', 'unchanged'] as const) {
      const n = result.aims.filter((a) => a.change === k).length;
      assert.match(s.html, new RegExp(`<li class="tile change-${k}[^"]*"><span class="sym" aria-hidden="true">[^<]+</span><strong>${n}</strong><span>${k}</span>`));
    }
    const matters = s.html.indexOf('id="matters"');
    const aims = s.html.indexOf('id="aims"');
    assert.ok(matters > 0 && aims > matters, 'significant changes should come before the aims');
    const section = s.html.slice(matters, aims);
    assert.match(section, /deadline moved from 31 May 2027 to 30 September 2027/);
    assert.match(section, /softened/);
    assert.match(section, /agreed with UCU/);
    assert.match(s.html, /<del class="w-del"><span class="mk" aria-hidden="true">\[-<\/span>550<span class="mk" aria-hidden="true">-\]<\/span><\/del>/);
    assert.match(s.html, /<ins class="w-ins"><span class="mk" aria-hidden="true">\{\+<\/span>600<span class="mk" aria-hidden="true">\+\}<\/span><\/ins>/);
  });

  test('clicking an aim in the summary reveals it in the old or the new version (postMessage → reveal)', async () => {
    const s = (await state())!;
    const removed = s.result!.aims.find((a) => a.change === 'removed')!;
    const added = s.result!.aims.find((a) => a.change === 'added')!;
    const o = removed.old!.position;
    const n = added.new!.position;
    // The rendered aims carry exactly these offsets for the webview script to send back.
    assert.ok(s.html.includes(`data-doc="old" data-start="${o.start.offset}" data-end="${o.end.offset}"`));
    assert.ok(s.html.includes(`data-doc="new" data-start="${n.start.offset}" data-end="${n.end.offset}"`));
    const oldDoc = await vscode.workspace.openTextDocument(fileUri(OLD));
    const newDoc = await vscode.workspace.openTextDocument(fileUri(NEW));
    const a = await vscode.commands.executeCommand<{ uri: string; start: number; end: number }>('counterpoint.versions.message', { type: 'reveal', doc: 'old', start: o.start.offset, end: o.end.offset });
    assert.equal(a.uri, fileUri(OLD).toString());
    assert.equal(oldDoc.getText().slice(a.start, a.end), removed.old!.text);
    const b = await vscode.commands.executeCommand<{ uri: string; start: number; end: number }>('counterpoint.versions.message', { type: 'reveal', doc: 'new', start: n.start.offset, end: n.end.offset });
    assert.equal(b.uri, fileUri(NEW).toString());
    assert.equal(newDoc.getText().slice(b.start, b.end), added.new!.text);
    // The diff editor is still open: the reveal happened in its own sides.
    assert.ok(diffTab(), 'revealing closed the diff editor');
    assert.match(added.new!.text, /appeals panel/);
  });

  test('the summary follows edits to the new version', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri(NEW));
    const at = doc.getText().indexOf('30 September 2027');
    assert.ok(at > 0);
    const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + '30 September 2027'.length));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, range, '31 May 2027');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const s = await waitFor(async () => {
        const st = await state();
        return st?.result && !st.html.includes('30 September 2027') && st;
      }, 'the summary to drop the moved deadline after the edit');
      assert.ok(!s.result!.aims.some((a) => a.significant.some((m) => m.kind === 'date')), 'a date change is still reported');
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + '31 May 2027'.length)), '30 September 2027');
      await vscode.workspace.applyEdit(undo);
      await doc.save();
    }
  });

  test('from the palette it asks for the new version (the active editor first) and then the old (a similar name first)', async () => {
    await closeAllEditors();
    await open(NEW);
    const running = vscode.commands.executeCommand<DiffResult | undefined>('counterpoint.compareVersions');
    await sleep(1200);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await sleep(1200);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const result = await running;
    assert.ok(result, 'the command returned nothing');
    assert.equal(result.new.path, NEW);
    assert.equal(result.old.path, OLD);
    await waitFor(() => diffTab(), 'the diff editor to open');
  });

  test('cancelling the quick pick cancels the command', async () => {
    await closeAllEditors();
    await open(NEW);
    let settled = false;
    const running = Promise.resolve(vscode.commands.executeCommand<DiffResult | undefined>('counterpoint.compareVersions')).finally(() => (settled = true));
    // Escape until the command gives up (the quick pick may take a moment to appear).
    for (let i = 0; i < 20 && !settled; i++) {
      await sleep(500);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
    assert.equal(await running, undefined);
    assert.equal(versionDiffTabs(), 0, 'no diff editor should open');
  });
});
