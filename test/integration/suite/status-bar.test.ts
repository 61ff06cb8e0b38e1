/// <reference types="mocha" />
// The status bar item: counts for the active document and an accessible label, as the extension reports them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, closeAllEditors, fileUri, open, ours, waitFor } from './helpers';

const FLAGGED = new Set(['unevidenced-claim', 'overstated-claim', 'disputed-claim']);

suite('Status bar', () => {
  suiteTeardown(closeAllEditors);

  test('a paired letter shows its aims, unanswered aims and flagged claims, with a label for screen readers', async () => {
    const api = await activate();
    await open('estates/letter.md');
    const status = await waitFor(() => {
      const s = api.status();
      return s.visible && s.text.includes('aims') && s;
    }, () => `the status bar item (now: ${JSON.stringify(api.status())})`);
    const unanswered = ours(fileUri('estates/letter.md')).filter((d) => String((d.code as { value: string }).value) === 'unanswered-aim').length;
    const flagged = [fileUri('estates/letter.md'), fileUri('estates/response.md')]
      .flatMap((u) => ours(u))
      .filter((d) => FLAGGED.has(String((d.code as { value: string }).value))).length;
    assert.equal(status.text, `$(comment-discussion) 4 aims · ${unanswered} unanswered · ${flagged} flagged`);
    assert.equal(status.label, `Counterpoint: 4 aims, ${unanswered} unanswered, ${flagged} flagged claim${flagged === 1 ? '' : 's'}. Open the Problems panel.`);
    assert.equal(status.command, 'counterpoint.showDetails');
    await vscode.commands.executeCommand(status.command);
  });

  test('a document that is neither letter nor response shows only flagged claims; a non-Markdown file hides the item', async () => {
    const api = await activate();
    await open('settings/phrases.md');
    await waitFor(() => /^\$\(comment-discussion\) \d+ flagged$/.test(api.status().text), () => `a flagged-only status (now: ${JSON.stringify(api.status())})`);
    const plain = await vscode.workspace.openTextDocument({ content: 'not markdown', language: 'plaintext' });
    await vscode.window.showTextDocument(plain);
    await waitFor(() => !api.status().visible, 'the item to hide');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
