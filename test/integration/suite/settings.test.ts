/// <reference types="mocha" />
// Settings change what the Problems panel shows, at once.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, fileUri, open, ours, sleep, waitFor, withRule } from './helpers';
import { readSettings } from '../../../src/extension/settings';

const config = () => vscode.workspace.getConfiguration('counterpoint');

suite('Settings', () => {
  suiteTeardown(async () => {
    await config().update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('run', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('extraClaimPhrases', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('consultationLog', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  test('counterpoint.extraClaimPhrases adds a literal phrase at a rung', async () => {
    const { document } = await open('settings/phrases.md');
    const uri = document.uri;
    const sentence = 'The new night shift pattern was rubber-stamped by the trade unions in May.';
    const on = () => ours(uri).filter((d) => document.getText(d.range) === sentence);
    assert.equal(on().length, 0, `flagged before the phrase was added: ${describeDiagnostics(uri)}`);
    await config().update('extraClaimPhrases', [{ phrase: 'rubber-stamped', rung: 'agreed' }], vscode.ConfigurationTarget.Workspace);
    const d = await waitFor(() => on()[0], () => `the phrase to make a claim (have: ${describeDiagnostics(uri)})`);
    assert.match(d.message, /agree/i);
    await config().update('extraClaimPhrases', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => on().length === 0, 'the claim to go with the phrase');
  });

  test('counterpoint.consultationLog points at a log elsewhere, whose rows can evidence a claim', async () => {
    const { document } = await open('settings/letter.md');
    const uri = document.uri;
    await waitFor(() => withRule(uri, 'unevidenced-claim').length === 1, () => `the unevidenced claim (have: ${describeDiagnostics(uri)})`);
    await config().update('consultationLog', 'settings/logs/meetings.md', vscode.ConfigurationTarget.Workspace);
    await waitFor(() => withRule(uri, 'unevidenced-claim').length === 0 && withRule(uri, 'overstated-claim').length === 0, () => `the log to evidence the claim (have: ${describeDiagnostics(uri)})`);
    await config().update('consultationLog', 'settings/logs/missing.md', vscode.ConfigurationTarget.Workspace);
    const warning = await waitFor(() => withRule(uri, 'input-warning')[0], () => `an input warning for the missing log (have: ${describeDiagnostics(uri)})`);
    assert.match(warning.message, /settings\/logs\/missing\.md.*cannot be read/);
    await config().update('consultationLog', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => withRule(uri, 'unevidenced-claim').length === 1 && withRule(uri, 'input-warning').length === 0, 'the claim to be unevidenced again');
  });

  test('in an untrusted workspace, workspace values of the restricted settings are ignored', async () => {
    const uri = fileUri('settings/letter.md');
    await config().update('consultationLog', 'settings/logs/meetings.md', vscode.ConfigurationTarget.Workspace);
    await config().update('extraClaimPhrases', [{ phrase: 'signed off by the staff forum', rung: 'agreed' }], vscode.ConfigurationTarget.Workspace);
    await config().update('severity', { 'unevidenced-claim': 'error' }, vscode.ConfigurationTarget.Workspace);
    try {
      const trusted = readSettings(uri, true);
      assert.equal(trusted.consultationLog, 'settings/logs/meetings.md');
      assert.deepEqual(trusted.extraPhrases, [{ phrase: 'signed off by the staff forum', rung: 'agreed' }]);
      const untrusted = readSettings(uri, false);
      assert.equal(untrusted.consultationLog, '');
      assert.deepEqual(untrusted.extraPhrases, []);
      assert.equal(untrusted.severity['unevidenced-claim'], 'error', 'other settings still apply');
      const pkg = vscode.extensions.getExtension('counterpoint-union-tools.counterpoint')!.packageJSON;
      assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['counterpoint.consultationLog', 'counterpoint.extraClaimPhrases']);
    } finally {
      await config().update('consultationLog', undefined, vscode.ConfigurationTarget.Workspace);
      await config().update('extraClaimPhrases', undefined, vscode.ConfigurationTarget.Workspace);
      await config().update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const shown = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (shown) await waitFor(() => withRule(uri, 'unevidenced-claim')[0]?.severity === vscode.DiagnosticSeverity.Warning, 'the settings to be restored');
  });

  test('counterpoint.severity sets a rule to error, or off', async () => {
    const { document } = await open('settings/letter.md');
    const uri = document.uri;
    // The default severity, once any earlier change of settings has been applied.
    await waitFor(() => withRule(uri, 'unevidenced-claim')[0]?.severity === vscode.DiagnosticSeverity.Warning, () => `an unevidenced-claim warning in settings/letter.md (have: ${describeDiagnostics(uri)})`);
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
