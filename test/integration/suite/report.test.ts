/// <reference types="mocha" />
// The comparison report, its export and the Explorer tree, driven through the real commands in a real VS Code.
// Commands accept their answers as arguments (documented in src/extension/commands/index.ts), which skips the
// quick picks and dialogs; the tests that exercise the prompts open them and cancel them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { compare } from '../../../src/core/analyse';
import type { ReportModel } from '../../../src/core/report/model';
import { reportMarkdown } from '../../../src/core/report/markdown';
import { activate, closeAllEditors, fileUri, open, settle, sleep, waitFor } from './helpers';

const LETTER = 'report/letter.md';
const RESPONSE = 'report/response.md';

interface ReportState {
  model?: ReportModel;
  html: string;
  visible: boolean;
  options: vscode.WebviewOptions;
  received: unknown[];
  letter: string;
  response: string;
}

interface TreeSnapshot {
  label: string;
  description?: string;
  icon?: string;
  colour?: string;
  children: TreeSnapshot[];
}

async function text(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** What the engine says about the two files, computed here independently of the extension. */
async function expected() {
  const letter = await text(fileUri(LETTER));
  const response = await text(fileUri(RESPONSE));
  return compare({ path: 'letter', text: letter }, { path: 'response', text: response });
}

function state(): Thenable<ReportState | undefined> {
  return vscode.commands.executeCommand<ReportState | undefined>('counterpoint.report.state');
}

suite('Comparison report', () => {
  suiteSetup(async () => {
    await activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('counterpoint.unpair', fileUri(LETTER));
    await closeAllEditors();
  });

  test('its commands are contributed to the palette under "Counterpoint" and registered', async () => {
    const ext = vscode.extensions.getExtension('counterpoint-union-tools.counterpoint')!;
    const contributed = ext.packageJSON.contributes.commands as Array<{ command: string; title: string; category: string }>;
    const titles = new Map(contributed.map((c) => [c.command, `${c.category}: ${c.title}`]));
    assert.equal(titles.get('counterpoint.compareWithResponse'), 'Counterpoint: Compare Letter with Response…');
    assert.equal(titles.get('counterpoint.showReport'), 'Counterpoint: Show Comparison Report');
    assert.equal(titles.get('counterpoint.exportReport'), 'Counterpoint: Export Comparison Report…');
    assert.equal(titles.get('counterpoint.addAnnotation'), 'Counterpoint: Add Annotation…');
    assert.equal(titles.get('counterpoint.exportAnnotations'), 'Counterpoint: Export Annotations…');
    const hidden = (ext.packageJSON.contributes.menus.commandPalette as Array<{ command: string; when?: string }>).filter((m) => m.when === 'false').map((m) => m.command);
    for (const id of ['counterpoint.compareWithResponse', 'counterpoint.showReport', 'counterpoint.exportReport', 'counterpoint.addAnnotation', 'counterpoint.exportAnnotations']) {
      assert.ok(!hidden.includes(id), `${id} is hidden from the palette`);
    }
    const registered = await vscode.commands.getCommands(true);
    for (const id of titles.keys()) assert.ok(registered.includes(id), `${id} is contributed but not registered`);
  });

  test('Show Comparison Report opens the report of the active letter with nothing set up', async () => {
    await closeAllEditors();
    await open(LETTER);
    const model = await vscode.commands.executeCommand<ReportModel>('counterpoint.showReport');
    assert.ok(model, 'the command returned no report');
    const want = await expected();
    assert.ok(want.letter.aims.length > 0, 'the engine found no aims in the test letter');
    assert.equal(model.summary.aims, want.letter.aims.length);
    // Unanswered aims first, then the letter's order; each with the engine's stance.
    const stance = new Map(want.alignments.map((a) => [a.aim, a.stance]));
    const order = [...want.letter.aims.filter((a) => stance.get(a.id) === 'unaddressed'), ...want.letter.aims.filter((a) => stance.get(a.id) !== 'unaddressed')];
    assert.deepEqual(
      model.aims.map((a) => [a.title, a.stance]),
      order.map((a) => [a.title, stance.get(a.id)]),
    );
    assert.equal(model.letter.path, 'report/letter.md');
    assert.equal(model.response.path, 'report/response.md');
    assert.equal(model.subject, 'Library service review: proposals for consultation');

    const s = await waitFor(async () => {
      const st = await state();
      return st?.html.includes('class="aim ') && st;
    }, 'the report panel to render');
    assert.equal(s.letter, fileUri(LETTER).toString());
    assert.equal(s.response, fileUri(RESPONSE).toString());
    // The webview's policy: scripts only with this page's nonce, styles from the webview or with the nonce, nothing else.
    const nonce = /<script nonce="([^"]+)">/.exec(s.html)?.[1];
    assert.ok(nonce && nonce.length >= 16, 'the script has no nonce');
    assert.match(s.html, new RegExp(`content="default-src &#39;none&#39;; style-src .+? &#39;nonce-${nonce}&#39;; script-src &#39;nonce-${nonce}&#39;"`));
    assert.equal((s.html.match(/<script/g) ?? []).length, 1);
    assert.equal(s.options.enableScripts, true);
    const roots = (s.options.localResourceRoots ?? []).map((u) => vscode.Uri.from(u as vscode.Uri).path);
    assert.deepEqual(roots, [vscode.Uri.joinPath(vscode.extensions.getExtension('counterpoint-union-tools.counterpoint')!.extensionUri, 'media').path]);
    for (const a of model.aims) assert.ok(s.html.includes(a.title.replace(/&/g, '&amp;').replace(/'/g, '&#39;')), `the report does not show "${a.title}"`);
    // Stances shown as a word and a shape, not colour alone.
    for (const a of model.aims) assert.match(s.html, new RegExp(`class="badge stance-${a.stance} "[^]*?class="icon i-${a.stance}"`));
  });

  test('clicking an item in the report reveals it in the editor (postMessage → reveal)', async () => {
    const s = (await state())!;
    const answered = s.model!.aims.find((a) => a.passages.length > 0)!;
    const passage = answered.passages[0];
    // The rendered item carries exactly these offsets for the webview script to send back.
    assert.ok(s.html.includes(`data-doc="response" data-start="${passage.location.start}" data-end="${passage.location.end}"`));
    const revealed = await vscode.commands.executeCommand<{ uri: string; start: number; end: number }>('counterpoint.report.message', {
      type: 'reveal',
      doc: 'response',
      start: passage.location.start,
      end: passage.location.end,
    });
    assert.deepEqual(revealed, { uri: fileUri(RESPONSE).toString(), start: passage.location.start, end: passage.location.end });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), fileUri(RESPONSE).toString());
    assert.equal(editor.document.getText(editor.selection), passage.text);
  });

  test('Compare Letter with Response… with its documents given opens both side by side and the report', async () => {
    await closeAllEditors();
    const model = await vscode.commands.executeCommand<ReportModel>('counterpoint.compareWithResponse', fileUri(LETTER), fileUri(RESPONSE));
    assert.ok(model && model.summary.aims > 0);
    const columns = new Map(vscode.window.visibleTextEditors.map((e) => [vscode.workspace.asRelativePath(e.document.uri), e.viewColumn]));
    assert.equal(columns.get(LETTER), vscode.ViewColumn.One);
    assert.equal(columns.get(RESPONSE), vscode.ViewColumn.Two);
    const s = await waitFor(async () => {
      const st = await state();
      return st?.visible && st;
    }, 'the report panel to be visible');
    assert.equal(s.model?.summary.aims, model.summary.aims);
  });

  test('Compare Letter with Response… from the palette asks for the response with a quick pick', async () => {
    await open(LETTER);
    const running = vscode.commands.executeCommand<ReportModel | undefined>('counterpoint.compareWithResponse');
    await sleep(1500);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const result = await running;
    assert.equal(result, undefined, 'cancelling the quick pick should cancel the command');
  });

  test('the report follows edits to the response', async () => {
    await vscode.commands.executeCommand('counterpoint.compareWithResponse', fileUri(LETTER), fileUri(RESPONSE));
    const responseDoc = await vscode.workspace.openTextDocument(fileUri(RESPONSE));
    const before = (await state())!.model!;
    const answeredBefore = before.aims.filter((a) => a.stance !== 'unaddressed').length;
    const section = responseDoc.getText().indexOf('## Job descriptions');
    const next = responseDoc.getText().indexOf('## Consultation so far');
    assert.ok(section > 0 && next > section);
    const removed = new vscode.Range(responseDoc.positionAt(section), responseDoc.positionAt(next));
    const original = responseDoc.getText(removed);
    const edit = new vscode.WorkspaceEdit();
    edit.delete(responseDoc.uri, removed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await settle(responseDoc.uri);
      const after = await waitFor(async () => {
        const m = (await state())?.model;
        return m && m.aims.filter((a) => a.stance !== 'unaddressed').length < answeredBefore && m;
      }, 'the report to show one answer fewer after the section was deleted');
      assert.equal(after.aims[0].stance, 'unaddressed', 'unanswered aims come first');
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.insert(responseDoc.uri, responseDoc.positionAt(section), original);
      await vscode.workspace.applyEdit(undo);
      await responseDoc.save();
    }
  });

  test('Export Comparison Report writes a self-contained HTML page and the same report in Markdown', async () => {
    const folder = fileUri('report/exports');
    const html = await vscode.commands.executeCommand<vscode.Uri>('counterpoint.exportReport', {
      letter: fileUri(LETTER),
      response: fileUri(RESPONSE),
      format: 'html',
      target: vscode.Uri.joinPath(folder, 'report.html'),
    });
    const md = await vscode.commands.executeCommand<vscode.Uri>('counterpoint.exportReport', {
      letter: fileUri(LETTER),
      response: fileUri(RESPONSE),
      format: 'markdown',
      target: vscode.Uri.joinPath(folder, 'report.md'),
    });
    assert.equal(html?.toString(), vscode.Uri.joinPath(folder, 'report.html').toString());
    assert.equal(md?.toString(), vscode.Uri.joinPath(folder, 'report.md').toString());
    const page = await text(html);
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;[^"]*script-src &#39;none&#39;/);
    assert.doesNotMatch(page, /<script|<link|<img|<iframe|\ssrc=|\shref=/i);
    assert.match(page, /prefers-color-scheme:\s*dark/);
    assert.match(page, /@media print/);
    const model = await vscode.commands.executeCommand<ReportModel>('counterpoint.showReport', fileUri(LETTER), fileUri(RESPONSE));
    for (const a of model.aims) assert.ok(page.includes(a.title.replace(/'/g, '&#39;')), `the exported page lacks "${a.title}"`);
    // The Markdown export is the shared renderer's output for the same model.
    assert.equal(await text(md), reportMarkdown(model));
  });

  test('Export Comparison Report from the palette asks for the format, and cancelling writes nothing', async () => {
    await open(LETTER);
    const running = vscode.commands.executeCommand<vscode.Uri | undefined>('counterpoint.exportReport');
    await sleep(1500);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await running, undefined);
  });

  test('the Explorer tree shows aims with stance icons and words, passages as children, and claims by status', async () => {
    await open(LETTER);
    await vscode.commands.executeCommand('counterpoint.comparison.focus');
    const snap = await vscode.commands.executeCommand<{ items: TreeSnapshot[]; visible: boolean }>('counterpoint.comparisonTree.snapshot');
    const aims = snap.items.find((i) => i.label === 'Aims and answers');
    assert.ok(aims, `no aims section in ${snap.items.map((i) => i.label).join(', ')}`);
    const model = (await state())!.model!;
    assert.equal(aims.children.length, model.aims.length);
    const words: Record<string, string> = { support: 'Support', qualified: 'Qualified', concern: 'Concern', oppose: 'Oppose', unaddressed: 'Unanswered' };
    const colours: Record<string, string> = { support: 'charts.green', qualified: 'charts.blue', concern: 'charts.orange', oppose: 'charts.red', unaddressed: 'charts.purple' };
    model.aims.forEach((a, i) => {
      const item = aims.children[i];
      assert.equal(item.label, `${a.number}. ${a.title}`);
      assert.equal(item.description, words[a.stance], 'the stance word is shown, not only a colour');
      assert.equal(item.colour, colours[a.stance]);
      assert.ok(item.icon, 'a stance icon');
      assert.equal(item.children.length, a.passages.length);
      for (const p of item.children) assert.match(p.label, /^Response ¶\d+$/);
    });
    const claims = snap.items.find((i) => i.label === 'Claims of union involvement');
    assert.ok(claims);
    const total = model.flaggedClaims.length + model.otherClaims.length;
    assert.equal(
      claims.children.reduce((n, g) => n + g.children.length, 0),
      total,
    );
    for (const g of claims.children) assert.match(g.label, /^[A-Z][a-z]+ \(\d+\)$/);
  });

  test('the tree does no work while hidden and catches up when shown', async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const hidden = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<{ visible: boolean; computations: number }>('counterpoint.comparisonTree.stats');
      return !s.visible && s;
    }, 'the tree to be hidden');
    const doc = await vscode.workspace.openTextDocument(fileUri(RESPONSE));
    const end = doc.getText().length;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.positionAt(end), '\nA closing line.\n');
    await vscode.workspace.applyEdit(edit);
    await settle(doc.uri);
    await sleep(500);
    const still = await vscode.commands.executeCommand<{ visible: boolean; computations: number }>('counterpoint.comparisonTree.stats');
    assert.equal(still.computations, hidden.computations, 'the hidden tree recomputed');
    await vscode.commands.executeCommand('counterpoint.comparison.focus');
    await waitFor(async () => {
      const s = await vscode.commands.executeCommand<{ visible: boolean; computations: number }>('counterpoint.comparisonTree.stats');
      return s.visible && s.computations > hidden.computations;
    }, 'the tree to recompute once shown');
    const restore = new vscode.WorkspaceEdit();
    restore.delete(doc.uri, new vscode.Range(doc.positionAt(end), doc.positionAt(doc.getText().length)));
    await vscode.workspace.applyEdit(restore);
    await doc.save();
  });
});
