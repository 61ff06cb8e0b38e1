/// <reference types="mocha" />
// Settings change what the Problems panel shows, at once.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, open, ours, sleep, waitFor, withRule } from './helpers';

const config = () => vscode.workspace.getConfiguration('counterpoint');

suite('Settings', () => {
  suiteTeardown(async () => {
    await config().update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('run', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  test('counterpoint.severity sets a rule to error, or off', async () => {
    const { document } = await open('settings/letter.md');
    const uri = document.uri;
    const before = await waitFor(() => withRule(uri, 'unevidenced-claim')[0], () => `an unevidenced claim in settings/letter.md (have: ${describeDiagnostics(uri)})`);
    assert.equal(before.severity, vscode.DiagnosticSeverity.Warning);
    await config().update('severity', { 'unevidenced-claim': 'error' }, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => withRule(uri, 'unevidenced-claim')[0]?.severity === vscode.DiagnosticSeverity.Error, 'the claim to become an error');
    await config().update('severity', { 'unevidenced-claim': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => withRule(uri, 'unevidenced-claim').length === 0, 'the rule to be turned off');
    await config().update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => withRule(uri, 'unevidenced-claim')[0]?.severity === vscode.DiagnosticSeverity.Warning, 'the default severity to return');
  });

  test('with counterpoint.run set to onSave, typing changes nothing until the document is saved', async () => {
    await config().update('run', 'onSave', vscode.ConfigurationTarget.Workspace);
    const editor = await open('settings/letter.md');
    const uri = editor.document.uri;
    await waitFor(() => withRule(uri, 'unevidenced-claim').length === 1, 'one flagged claim to start with');
    const added = 'The pay scales were agreed with the trade unions in March.';
    const at = editor.document.positionAt(editor.document.getText().indexOf('It will apply'));
    assert.ok(await editor.edit((e) => e.insert(at, `${added}\n\n`)));
    await sleep(1200);
    assert.equal(ours(uri).filter((d) => editor.document.getText(d.range) === added).length, 0, 'checked before saving');
    assert.ok(await editor.document.save());
    await waitFor(() => ours(uri).some((d) => editor.document.getText(d.range) === added), () => `the new claim to be flagged on save (have: ${describeDiagnostics(uri)})`);
  });

  test('counterpoint.enable set to false removes Counterpoint diagnostics', async () => {
    const { document } = await open('settings/letter.md');
    await waitFor(() => ours(document.uri).length > 0, 'diagnostics to start with');
    await config().update('enable', false, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => ours(document.uri).length === 0, 'diagnostics to be removed');
    await config().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => ours(document.uri).length > 0, 'diagnostics to come back');
  });
});
