/// <reference types="mocha" />
// The extension under development is loaded in the extension host and activates on a Markdown file.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'counterpoint-union-tools.counterpoint';
// Compiled to out/test/integration/suite/activation.test.js, four levels below the repo root.
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

function counterpoint(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) {
    const ids = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
    assert.fail(`${EXTENSION_ID} is not loaded in this extension host (non-built-in extensions: ${ids.join(', ') || 'none'})`);
  }
  return ext;
}

async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

suite('Activation', () => {
  test('the Counterpoint extension is loaded from the development folder', () => {
    const ext = counterpoint();
    assert.equal(ext.packageJSON.publisher, 'counterpoint-union-tools');
    assert.equal(ext.packageJSON.name, 'counterpoint');
    assert.equal(path.resolve(ext.extensionUri.fsPath), repoRoot);
  });

  test('the test workspace is open and holds the sample letters', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const names = (await vscode.workspace.fs.readDirectory(folder.uri)).map(([name]) => name);
    assert.ok(names.includes('letter.md'), `letter.md missing from ${names.join(', ')}`);
    assert.ok(names.includes('response.md'), `response.md missing from ${names.join(', ')}`);
  });

  test('opening a Markdown file from the workspace activates the extension', async () => {
    const ext = counterpoint();
    const folder = vscode.workspace.workspaceFolders![0];
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'letter.md'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'markdown');
    assert.ok(await until(() => ext.isActive, 15_000), 'the extension did not activate within 15 s of opening letter.md');
  });

  test('activation completes without throwing, in a Node extension host', async () => {
    const ext = counterpoint();
    await ext.activate(); // rejects with the activation error if activate() threw
    assert.ok(ext.isActive);
    assert.ok(process.versions.node, 'not a Node extension host');
  });
});
