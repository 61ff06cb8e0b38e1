/// <reference types="mocha" />
// Quick fixes through vscode.executeCodeActionProvider, applied as the lightbulb would apply them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, fileUri, open, ours, textAt, waitFor, withRule } from './helpers';

const CLAIM = 'The new opening hours were jointly agreed with UNISON at the Joint Consultative Committee.';

async function actionsFor(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
}

async function run(action: vscode.CodeAction): Promise<unknown> {
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  return action.command ? vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? [])) : undefined;
}

suite('Code actions', () => {
  suiteTeardown(closeAllEditors);

  test('an unevidenced claim offers a log entry and silencing; a disputed one offers the disputing passage', async () => {
    const fixes = (await open('fixes/letter.md')).document.uri;
    const d = await waitFor(() => withRule(fixes, 'unevidenced-claim')[0], () => `an unevidenced claim in fixes/letter.md (have: ${describeDiagnostics(fixes)})`);
    const titles = (await actionsFor(fixes, d.range)).map((a) => a.title);
    assert.ok(titles.includes('Add a consultation-log entry for this claim'), titles.join(', '));
    assert.ok(titles.includes('Silence with a reason…'), titles.join(', '));
    const all = await actionsFor(fixes, d.range);
    assert.ok(all.every((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value));

    const estates = (await open('estates/letter.md')).document.uri;
    const disputed = await waitFor(() => withRule(estates, 'disputed-claim')[0], 'the disputed claim in estates/letter.md');
    const actions = await actionsFor(estates, disputed.range);
    const openIt = actions.find((a) => a.title === 'Open the disputing passage to the side');
    assert.ok(openIt, actions.map((a) => a.title).join(', '));
    await run(openIt);
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith('/estates/response.md') && e;
    }, 'the response to open beside the letter');
    assert.equal(editor.viewColumn, vscode.ViewColumn.Two);
    assert.match(editor.document.getText(editor.selection), /not the case/);
  });

  test('an answered aim offers "Open the answer to the side"', async () => {
    const { document } = await open('estates/letter.md');
    const at = document.positionAt(document.getText().indexOf('Replace paper job sheets') + 2);
    const actions = await actionsFor(document.uri, new vscode.Range(at, at));
    assert.ok(actions.some((a) => a.title === 'Open the answer to the side'), actions.map((a) => a.title).join(', '));
  });

  test('"Silence with a reason…" inserts a directive above the block as one edit, the claim is silenced, and undo restores the text', async () => {
    const editor = await open('fixes/letter.md');
    const uri = editor.document.uri;
    const before = editor.document.getText();
    const d = await waitFor(() => withRule(uri, 'unevidenced-claim')[0], 'the unevidenced claim');
    const action = (await actionsFor(uri, d.range)).find((a) => a.title === 'Silence with a reason…');
    assert.ok(action?.command);
    // The command asks for the reason in an input box; the test passes it as the command's last argument.
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []), 'agreed at the JCC on 14 May; minutes in annex B');
    const line = editor.document.getText().split('\n').findIndex((l) => l === CLAIM);
    assert.equal(
      editor.document.lineAt(line - 1).text,
      '<!-- counterpoint-disable-next-line unevidenced-claim -- agreed at the JCC on 14 May; minutes in annex B -->',
    );
    await waitFor(() => withRule(uri, 'unevidenced-claim').length === 0, () => `the claim to be silenced (have: ${describeDiagnostics(uri)})`);
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before, 'one undo restores the letter exactly');
    await waitFor(() => withRule(uri, 'unevidenced-claim').length === 1, 'the claim to be flagged again');
  });

  test('"Add a consultation-log entry" creates consultation-log.md beside the letter with a pre-filled row, opens it, and the claim is then evidenced', async () => {
    const editor = await open('fixes/letter.md');
    const uri = editor.document.uri;
    const d = await waitFor(() => withRule(uri, 'unevidenced-claim')[0], 'the unevidenced claim');
    assert.equal(textAt(uri, d.range), CLAIM);
    const action = (await actionsFor(uri, d.range)).find((a) => a.title === 'Add a consultation-log entry for this claim');
    assert.ok(action);
    const result = (await run(action)) as { log: string; row: string };
    const logUri = fileUri('fixes/consultation-log.md');
    assert.equal(result.log, logUri.toString());
    const log = await vscode.workspace.openTextDocument(logUri);
    const lines = log.getText().split('\n');
    assert.ok(lines.includes('| Date | Forum | Topic | Unions | Outcome | Reference |'), log.getText());
    assert.ok(lines.includes('| 2026-06-02 | Joint Consultative Committee | Library opening hours review | UNISON | agreed |  |'), log.getText());
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.toString(), logUri.toString(), 'the log is opened');
    assert.equal(active?.viewColumn, vscode.ViewColumn.Two, 'beside the letter');
    // The row reaches the claimed rung on the letter's topic and date: the claim is no longer flagged.
    await waitFor(() => ours(uri).every((x) => textAt(uri, x.range) !== CLAIM), () => `the claim to count as evidenced (have: ${describeDiagnostics(uri)})`);
    assert.ok(await log.save());
  });
});
