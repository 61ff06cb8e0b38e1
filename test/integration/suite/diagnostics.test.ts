/// <reference types="mocha" />
// Diagnostics on letters: what the engine finds, as the Problems panel shows it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, fileUri, open, ours, ruleOf, settle, textAt, waitFor, withRule } from './helpers';

const CLAIM = 'This restructure has been agreed with the trade unions.';

suite('Diagnostics', () => {
  suiteTeardown(closeAllEditors);

  test('a claim of agreement with no evidence is an unevidenced-claim warning on exactly that sentence', async () => {
    const editor = await open('solo/restructure-letter.md');
    const uri = editor.document.uri;
    const found = await waitFor(() => withRule(uri, 'unevidenced-claim')[0], () => `an unevidenced-claim in solo/restructure-letter.md (have: ${describeDiagnostics(uri)})`);
    assert.equal(textAt(uri, found.range), CLAIM);
    assert.equal(found.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(found.source, 'Counterpoint');
    assert.ok(found.message.length > 20 && found.message.length < 400, `message: ${found.message}`);
    assert.doesNotMatch(found.message, /\*\*|`|\n/, 'the message is plain text on one line');
    const code = found.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'unevidenced-claim');
    const ext = vscode.extensions.getExtension('counterpoint-union-tools.counterpoint')!;
    assert.equal(code.target.toString(), vscode.Uri.joinPath(ext.extensionUri, 'docs/rules/unevidenced-claim.md').toString());
    // Nothing else in this short letter is flagged: the briefing sentence is a future commitment, not a claim.
    assert.deepEqual(ours(uri).map(ruleOf), ['unevidenced-claim'], describeDiagnostics(uri));
  });

  test("a claim the paired response denies is a disputed-claim error, related to the response's correction", async () => {
    const editor = await open('estates/letter.md');
    const uri = editor.document.uri;
    const d = await waitFor(() => withRule(uri, 'disputed-claim')[0], () => `a disputed-claim in estates/letter.md (have: ${describeDiagnostics(uri)})`);
    assert.equal(textAt(uri, d.range), CLAIM);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(d.relatedInformation && d.relatedInformation.length > 0, 'no related information');
    const related = d.relatedInformation![0];
    assert.equal(related.location.uri.toString(), fileUri('estates/response.md').toString());
    const responseText = (await vscode.workspace.openTextDocument(related.location.uri)).getText(related.location.range);
    assert.match(responseText, /not the case/, `related range holds: ${responseText}`);
    assert.match(related.message, /not the case/);
    assert.equal(withRule(uri, 'unevidenced-claim').filter((x) => textAt(uri, x.range) === CLAIM).length, 0, 'the same claim is not also unevidenced');
  });

  test('an aim the paired response does not answer is an unanswered-aim, and answered aims are not', async () => {
    const editor = await open('estates/letter.md');
    const uri = editor.document.uri;
    const unanswered = await waitFor(() => {
      const list = withRule(uri, 'unanswered-aim');
      return list.length > 0 && list;
    }, () => `unanswered-aim diagnostics in estates/letter.md (have: ${describeDiagnostics(uri)})`);
    const texts = unanswered.map((d) => textAt(uri, d.range));
    assert.ok(texts.some((t) => t.includes('Reduce agency spend')), `unanswered: ${texts.join(' | ')}`);
    for (const answered of ['Bring portering under one rota', 'Move domestic staff to a seven-day roster', 'Replace paper job sheets']) {
      assert.ok(!texts.some((t) => t.includes(answered)), `"${answered}" is answered in the response but flagged unanswered`);
    }
    assert.ok(unanswered.every((d) => d.severity === vscode.DiagnosticSeverity.Information));
  });

  test("unreadable consultation-log rows are input warnings on the log's own lines", async () => {
    await open('estates/letter.md');
    const log = fileUri('estates/consultation-log.md');
    const warnings = await waitFor(() => {
      const list = withRule(log, 'input-warning');
      return list.length > 0 && list;
    }, () => `input-warning diagnostics on estates/consultation-log.md (have: ${describeDiagnostics(log)})`);
    assert.deepEqual([...new Set(warnings.map((w) => w.range.start.line))], [6], 'only the row dated "sometime" (line 7) is unreadable');
    const row = (await vscode.workspace.openTextDocument(log)).lineAt(6).text;
    assert.match(row, /sometime/);
  });

  test('diagnostics follow typing: a new claim is flagged after a short pause, and undo removes it', async () => {
    const editor = await open('solo/restructure-letter.md');
    const uri = editor.document.uri;
    await waitFor(() => withRule(uri, 'unevidenced-claim').length === 1, 'the starting unevidenced-claim');
    const added = 'The new hub rota was jointly agreed with the unions last month.';
    const end = editor.document.positionAt(editor.document.getText().indexOf('Kind regards'));
    assert.ok(await editor.edit((e) => e.insert(end, `${added}\n\n`)));
    const two = await waitFor(() => {
      const list = ours(uri).filter((d) => textAt(uri, d.range) === added);
      return list.length > 0 && list;
    }, () => `a diagnostic on the typed sentence (have: ${describeDiagnostics(uri)})`);
    assert.ok(['unevidenced-claim', 'overstated-claim'].includes(ruleOf(two[0])), ruleOf(two[0]));
    await vscode.commands.executeCommand('undo');
    await waitFor(() => ours(uri).every((d) => textAt(uri, d.range) !== added) && withRule(uri, 'unevidenced-claim').length === 1, 'the typed claim to go after undo');
  });

  test("editing the response updates the paired letter's diagnostics", async () => {
    const letter = (await open('estates/letter.md')).document.uri;
    await waitFor(() => withRule(letter, 'disputed-claim').length === 1, () => `the disputed claim (have: ${describeDiagnostics(letter)})`);
    const response = await open('estates/response.md', vscode.ViewColumn.Two);
    const text = response.document.getText();
    const start = text.indexOf('The letter says the restructure');
    const end = text.indexOf('**Portering rota.**');
    assert.ok(start > 0 && end > start);
    try {
      assert.ok(await response.edit((e) => e.delete(new vscode.Range(response.document.positionAt(start), response.document.positionAt(end)))));
      // Without the correction nothing disputes the claim; the log's briefing row (informed) is all that is left.
      await waitFor(
        () => withRule(letter, 'disputed-claim').length === 0 && withRule(letter, 'overstated-claim').some((d) => textAt(letter, d.range) === CLAIM),
        () => `the claim to be overstated rather than disputed (have: ${describeDiagnostics(letter)})`,
      );
      await vscode.window.showTextDocument(response.document, vscode.ViewColumn.Two);
      await vscode.commands.executeCommand('undo');
      assert.equal(response.document.getText(), text);
      await waitFor(() => withRule(letter, 'disputed-claim').length === 1, () => `the disputed claim to return (have: ${describeDiagnostics(letter)})`);
    } finally {
      if (response.document.getText() !== text) {
        const all = new vscode.WorkspaceEdit();
        all.replace(response.document.uri, new vscode.Range(0, 0, response.document.lineCount, 0), text);
        await vscode.workspace.applyEdit(all);
      }
      await response.document.save();
    }
  });

  test('unreadable front matter, and a responds-to naming a missing file, are input warnings where they are written', async () => {
    const broken = (await open('inputs/broken-letter.md')).document;
    const fm = await waitFor(() => withRule(broken.uri, 'input-warning')[0], () => `an input warning on the front matter (have: ${describeDiagnostics(broken.uri)})`);
    assert.equal(fm.range.start.line, 0);
    assert.ok(fm.range.end.line >= 3, 'the warning covers the front matter');
    assert.match(fm.message, /front matter/i);
    assert.equal(fm.severity, vscode.DiagnosticSeverity.Warning);

    const orphan = (await open('inputs/orphan-response.md')).document;
    const missing = await waitFor(() => withRule(orphan.uri, 'input-warning')[0], () => `an input warning on responds-to (have: ${describeDiagnostics(orphan.uri)})`);
    assert.equal(orphan.getText(missing.range), 'responds-to: ../letters/cleaning-letter.md');
    assert.match(missing.message, /cannot be found/);
  });

  test('positions are exact in a file with a byte-order mark, CRLF line ends and non-ASCII text', async () => {
    const editor = await open('crlf/letter.md');
    const uri = editor.document.uri;
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
    const d = await waitFor(() => withRule(uri, 'unevidenced-claim')[0], () => `an unevidenced claim in crlf/letter.md (have: ${describeDiagnostics(uri)})`);
    assert.equal(
      textAt(uri, d.range),
      'The new rota for the contact centre — covering évening and weekend shifts — has been agreed with the trade unions.',
    );
  });

  test("a document's diagnostics are cleared when it closes (here: when it stops being Markdown)", async () => {
    const editor = await open('solo/restructure-letter.md');
    const uri = editor.document.uri;
    await waitFor(() => ours(uri).length > 0, 'diagnostics on the solo letter');
    const plain = await vscode.languages.setTextDocumentLanguage(editor.document, 'plaintext');
    await waitFor(() => ours(uri).length === 0, () => `diagnostics to be cleared (have: ${describeDiagnostics(uri)})`);
    await vscode.languages.setTextDocumentLanguage(plain, 'markdown');
    await settle(uri);
    await waitFor(() => ours(uri).length > 0, 'diagnostics to come back');
  });
});
