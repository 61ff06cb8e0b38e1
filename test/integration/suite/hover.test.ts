/// <reference types="mocha" />
// Hovers through vscode.executeHoverProvider, as the editor asks for them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, hoverText, open, positionOf, waitFor, withRule } from './helpers';

async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
}

function counterpointHover(hovers: vscode.Hover[]): string {
  return hoverText(hovers).filter((t) => t.includes('**Counterpoint**')).join('\n\n');
}

suite('Hover', () => {
  suiteTeardown(closeAllEditors);

  test('on a disputed claim: the rung, why, the evidence, the disputing passage quoted, what would count, the docs', async () => {
    const { document } = await open('estates/letter.md');
    await waitFor(() => withRule(document.uri, 'disputed-claim').length > 0, () => `a disputed claim (have: ${describeDiagnostics(document.uri)})`);
    const hovers = await hoversAt(document.uri, positionOf(document, 'agreed with the trade unions', 3));
    const text = counterpointHover(hovers);
    assert.ok(text, `no Counterpoint hover; hovers: ${hoverText(hovers).join(' || ')}`);
    assert.match(text, /claim of agreement · \*\*disputed\*\*/);
    assert.match(text, /\*\*Rung claimed:\*\* agreed/);
    assert.match(text, /\*\*Why it is flagged:\*\*/);
    assert.match(text, /\*\*Evidence found:\*\*/);
    assert.match(text, /> .*not the case/, 'the disputing passage is quoted');
    assert.match(text, /\*\*What would count as evidence:\*\* a signed collective agreement/);
    assert.match(text, /\[Open the disputing passage to the side\]\(command:counterpoint\.openBeside\?/);
    assert.match(text, /\(command:counterpoint\.openRuleDocs\?/);
    const md = hovers.flatMap((h) => h.contents).find((c) => typeof c !== 'string' && 'value' in c && c.value.includes('**Counterpoint**')) as vscode.MarkdownString;
    assert.notEqual(md.isTrusted, true, 'hovers quoting documents are never fully trusted');
    const enabled = typeof md.isTrusted === 'object' ? [...md.isTrusted.enabledCommands].sort() : [];
    assert.deepEqual(enabled, ['counterpoint.openBeside', 'counterpoint.openRuleDocs', 'counterpoint.pairWithResponse']);
    assert.ok(!md.supportHtml, 'no HTML in hovers');
  });

  test('document text in a hover is escaped, so Markdown in a letter cannot make links or markup', async () => {
    const { document } = await open('estates/letter.md');
    const hovers = await hoversAt(document.uri, positionOf(document, 'agreed with the trade unions', 3));
    const text = counterpointHover(hovers);
    const quotes = text.split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2));
    assert.ok(quotes.some((q) => q.includes('not the case')), `no quotation of the response in: ${text}`);
    for (const q of quotes) {
      assert.doesNotMatch(q.replace(/&#\d+;|&amp;/g, ''), /(^|[^\\])[*_`[\]()<>#|!]/, `unescaped Markdown in the quotation: ${q}`);
      assert.doesNotMatch(q, /https?:\/\//, `a bare web address the renderer would link: ${q}`);
      assert.match(q, /\\\./, 'full stops are escaped');
    }
  });

  test("on an aim's first line: the stance and the answering passage, with a link to open it beside the letter", async () => {
    const { document } = await open('estates/letter.md');
    const hovers = await hoversAt(document.uri, positionOf(document, 'Move domestic staff', 4));
    const text = counterpointHover(hovers);
    assert.ok(text, `no Counterpoint hover on the aim; hovers: ${hoverText(hovers).join(' || ')}`);
    assert.match(text, /aim 2 of 4/);
    assert.match(text, /\*\*Stance: oppose\*\*/);
    assert.match(text, /> .*We cannot accept compulsory weekend working/);
    assert.match(text, /\[open beside the letter\]\(command:counterpoint\.openBeside\?/);
  });

  test('no Counterpoint hover on ordinary prose', async () => {
    const { document } = await open('estates/letter.md');
    const hovers = await hoversAt(document.uri, positionOf(document, 'Dear colleagues', 2));
    assert.equal(counterpointHover(hovers), '');
  });
});
