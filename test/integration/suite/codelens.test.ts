/// <reference types="mocha" />
// CodeLens above each aim, through vscode.executeCodeLensProvider, and what a click does.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, open, waitFor } from './helpers';

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
}

suite('CodeLens', () => {
  suiteTeardown(closeAllEditors);

  test('a paired letter shows, above each aim, whether and where the response answers it', async () => {
    const { document } = await open('estates/letter.md');
    const list = await waitFor(async () => {
      const l = await lenses(document.uri);
      return l.length >= 4 && l;
    }, 'four aim lenses on estates/letter.md');
    const byLine = new Map(list.map((l) => [document.lineAt(l.range.start.line).text, l.command?.title ?? '']));
    const title = (lead: string) => [...byLine].find(([line]) => line.includes(lead))?.[1];
    assert.equal(title('Reduce agency spend'), 'Unanswered');
    assert.match(title('Move domestic staff') ?? '', /^Answered · oppose · response ¶\d+/);
    assert.match(title('Replace paper job sheets') ?? '', /^Answered · support · response ¶\d+/);
    assert.match(title('Bring portering under one rota') ?? '', /^Answered · (concern|qualified|oppose) · response ¶\d+/);
  });

  test('clicking an answered lens opens the passage beside the letter, selected', async () => {
    const { document } = await open('estates/letter.md');
    const list = await lenses(document.uri);
    const lens = list.find((l) => document.lineAt(l.range.start.line).text.includes('Move domestic staff'));
    assert.ok(lens?.command, 'no lens on the seven-day roster aim');
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith('/estates/response.md') && e;
    }, 'the response to open');
    assert.equal(editor.viewColumn, vscode.ViewColumn.Two, 'opened beside the letter');
    assert.match(editor.document.getText(editor.selection), /We cannot accept compulsory weekend working/);
  });

  test('an unpaired letter offers "Pair with a response…" instead', async () => {
    const { document } = await open('pairing/letter.md');
    const list = await waitFor(async () => {
      const l = await lenses(document.uri);
      return l.length >= 2 && l;
    }, 'aim lenses on pairing/letter.md');
    assert.ok(list.every((l) => l.command?.title === 'Pair with a response…'), list.map((l) => l.command?.title).join(', '));
    assert.equal(list[0].command?.command, 'counterpoint.pairWithResponse');
  });
});
