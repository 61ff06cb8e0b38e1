/// <reference types="mocha" />
// Hardening in the real VS Code: a pathological document (quotations 10,000 deep, and a 20,000-row table) gives
// a message and the extension stays responsive: diagnostics still arrive on another document.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, open, ours, ruleOf, waitFor, withRule } from './helpers';

suite('Hardening', () => {
  suiteTeardown(closeAllEditors);

  test('a document nested 10,000 deep is read as plain text with a warning, and diagnostics still work elsewhere', async () => {
    const content = `# Proposals\n\nWe will review the rota.\n\n${'>'.repeat(10_000)} These changes were agreed with the unions.\n\n${'| a | b |\n|---|---|\n'}${'| row | we will agree |\n'.repeat(20_000)}`;
    const deep = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(deep);
    const t0 = Date.now();
    const warning = await waitFor(
      () => ours(deep.uri).find((d) => ruleOf(d) === 'input-warning' && /read as plain text/.test(d.message)),
      () => `an input warning on the deep document (have: ${describeDiagnostics(deep.uri)})`,
      60_000,
    );
    console.log(`[hardening] deep document analysed in ${Date.now() - t0} ms: ${warning.message}`);
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    // Close the untitled document without a save prompt.
    await vscode.window.showTextDocument(deep);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // The extension host still answers: a normal letter gets its diagnostics.
    const t1 = Date.now();
    const editor = await open('solo/restructure-letter.md');
    const found = await waitFor(() => withRule(editor.document.uri, 'unevidenced-claim')[0], () => `an unevidenced-claim after the deep document (have: ${describeDiagnostics(editor.document.uri)})`, 60_000);
    console.log(`[hardening] next document's diagnostics in ${Date.now() - t1} ms`);
    assert.ok(found);
  });
});
