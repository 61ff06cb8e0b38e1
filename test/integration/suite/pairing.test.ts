/// <reference types="mocha" />
// Pairing a letter with its response: by command (remembered per workspace), by front matter, and the folder
// convention, which is only ever offered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, fileUri, open, settle, waitFor, withRule } from './helpers';

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  return lenses.map((l) => l.command?.title ?? '');
}

suite('Pairing', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('counterpoint.unpair', fileUri('pairing/letter.md'));
    await closeAllEditors();
  });

  test('a letter and a response side by side are not paired until the user says so', async () => {
    const { document } = await open('pairing/letter.md');
    await settle(document.uri);
    const titles = await waitFor(async () => {
      const t = await lensTitles(document.uri);
      return t.length > 0 && t;
    }, 'lenses on pairing/letter.md');
    assert.ok(titles.every((t) => t === 'Pair with a response…'), titles.join(', '));
    assert.equal(withRule(document.uri, 'unanswered-aim').length, 0, 'no unanswered aims without a response');
  });

  test('"Pair with Response…" pairs the two documents: the letter then shows answers and unanswered aims', async () => {
    const letter = fileUri('pairing/letter.md');
    const response = fileUri('pairing/response.md');
    await open('pairing/letter.md');
    const result = await vscode.commands.executeCommand<{ letter: string; response: string }>('counterpoint.pairWithResponse', letter, response);
    assert.deepEqual(result, { letter: letter.toString(), response: response.toString() });
    const titles = await waitFor(async () => {
      const t = await lensTitles(letter);
      return t.some((x) => x.startsWith('Answered')) && t;
    }, 'the letter to show answers after pairing');
    assert.match(titles[0], /^Answered · oppose · response ¶\d+$/);
    assert.equal(titles[1], 'Unanswered');
    const unanswered = await waitFor(() => withRule(letter, 'unanswered-aim')[0], () => `an unanswered-aim (have: ${describeDiagnostics(letter)})`);
    const doc = await vscode.workspace.openTextDocument(letter);
    assert.match(doc.getText(unanswered.range), /Introduce a transport allowance/);
  });

  test('"Unpair This Document" forgets the pairing', async () => {
    const letter = fileUri('pairing/letter.md');
    assert.equal(await vscode.commands.executeCommand('counterpoint.unpair', letter), true);
    await waitFor(async () => (await lensTitles(letter)).every((t) => t === 'Pair with a response…'), 'the lenses to go back to "Pair with a response…"');
    await waitFor(() => withRule(letter, 'unanswered-aim').length === 0, 'unanswered-aim diagnostics to go');
  });

  test('"Pair with Letter…" from the response pairs the same way round', async () => {
    const letter = fileUri('pairing/letter.md');
    const response = fileUri('pairing/response.md');
    await open('pairing/response.md');
    const result = await vscode.commands.executeCommand<{ letter: string; response: string }>('counterpoint.pairWithLetter', response, letter);
    assert.deepEqual(result, { letter: letter.toString(), response: response.toString() });
    await open('pairing/letter.md');
    await waitFor(async () => (await lensTitles(letter)).includes('Unanswered'), 'the letter to be compared with the response');
  });

  test('front matter responds-to pairs a response with its letter without any command', async () => {
    const { document } = await open('estates/letter.md');
    const titles = await waitFor(async () => {
      const t = await lensTitles(document.uri);
      return t.length === 4 && t;
    }, 'four aim lenses on estates/letter.md');
    assert.ok(titles.every((t) => t !== 'Pair with a response…'), titles.join(', '));
  });

  test('the pairing commands are in the palette under "Counterpoint" with British English titles', async () => {
    const ext = vscode.extensions.getExtension('counterpoint-union-tools.counterpoint')!;
    const commands = ext.packageJSON.contributes.commands as Array<{ command: string; title: string; category: string }>;
    const titles = new Map(commands.map((c) => [c.command, `${c.category}: ${c.title}`]));
    assert.equal(titles.get('counterpoint.pairWithLetter'), 'Counterpoint: Pair with Letter…');
    assert.equal(titles.get('counterpoint.pairWithResponse'), 'Counterpoint: Pair with Response…');
    const registered = await vscode.commands.getCommands(true);
    for (const c of commands) assert.ok(registered.includes(c.command), `${c.command} is contributed but not registered`);
  });
});
