/// <reference types="mocha" />
// Workspace Trust in the real VS Code. scripts/vscode-server/run-integration.mjs opens a copy of
// test/integration/untrusted/workspace/ twice with this suite:
//   untrusted  Workspace Trust on and the folder not trusted: Restricted Mode, as a folder from elsewhere opens;
//   trusted    Workspace Trust off: the control, showing what the same documents and settings give when honoured.
// COUNTERPOINT_EXPECT_TRUST says which. The folder's .vscode/settings.json sets counterpoint.consultationLog
// (logs/meetings.md, which evidences the mileage claim in letter.md) and counterpoint.extraClaimPhrases
// ("waved through by", at agreed); pay-letter.md's front matter names ../outside/consultation-log.md, a log
// outside the folder (the runner copies test/integration/untrusted/outside/ beside it) that evidences its claim;
// parking-response.md's names ../outside/parking-letter.md as the letter it answers.
// In Restricted Mode Counterpoint must still check documents, but use none of those four, and say so.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, closeAllEditors, describeDiagnostics, hoverText, open, ours, positionOf, waitFor, withRule, workspaceUri } from '../../suite/helpers';

const expected = process.env.COUNTERPOINT_EXPECT_TRUST;
const trusted = expected === 'trusted';

const PHRASE_SENTENCE = 'The new lone working procedure was waved through by the joint trade unions in April.';
const MILEAGE_SENTENCE = 'The revised mileage rates were negotiated with the trade unions over the spring.';
const STANDBY_SENTENCE = 'The new standby allowance was agreed with the trade unions at the Joint Consultative Committee.';
const TOLD =
  'Counterpoint: this workspace is not trusted, so its settings counterpoint.consultationLog and counterpoint.extraClaimPhrases are ignored; your own user settings are used instead.';

type Kind = 'information' | 'warning' | 'error';
const shown: { kind: Kind; message: string }[] = [];
let restore: (() => void) | undefined;

/** Records every message the extension shows with vscode.window.show…Message (the API object it shares with us). */
function captureMessages(): () => void {
  const window = vscode.window as unknown as Record<string, (...args: unknown[]) => Thenable<unknown>>;
  const names = { information: 'showInformationMessage', warning: 'showWarningMessage', error: 'showErrorMessage' } as const;
  const originals = Object.entries(names).map(([kind, name]) => {
    const original = window[name];
    window[name] = (...args: unknown[]) => {
      shown.push({ kind: kind as Kind, message: String(args[0]) });
      return original.apply(vscode.window, args);
    };
    return () => { window[name] = original; };
  });
  return () => originals.forEach((undo) => undo());
}

async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hoverText(hovers).filter((t) => t.includes('**Counterpoint**')).join('\n\n');
}

/** Counterpoint's diagnostics that cover exactly `sentence`. */
function on(document: vscode.TextDocument, sentence: string): vscode.Diagnostic[] {
  return ours(document.uri).filter((d) => document.getText(d.range) === sentence);
}

suite(`Workspace Trust (${expected ?? 'expectation unset'})`, () => {
  suiteSetup(() => {
    // Before any document is opened: the extension is told of nothing until it analyses one.
    restore = captureMessages();
  });
  suiteTeardown(async () => {
    restore?.();
    await closeAllEditors();
  });

  test(`the window is ${trusted ? 'trusted (the control)' : 'in Restricted Mode'}`, async () => {
    assert.ok(expected === 'trusted' || expected === 'untrusted', `COUNTERPOINT_EXPECT_TRUST is "${expected}": the runner sets it to trusted or untrusted`);
    assert.equal(vscode.workspace.isTrusted, trusted);
    const settingsFile = path.join(workspaceUri().fsPath, '.vscode', 'settings.json');
    assert.match(fs.readFileSync(settingsFile, 'utf8'), /"counterpoint\.consultationLog": "logs\/meetings\.md"/);
    const inspected = vscode.workspace.getConfiguration('counterpoint').inspect<string>('consultationLog');
    // In Restricted Mode VS Code itself hides the workspace value of a setting package.json lists under
    // restrictedConfigurations: the extension cannot learn from inspect() that the workspace sets it.
    assert.equal(inspected?.workspaceValue, trusted ? 'logs/meetings.md' : undefined);
    assert.equal(inspected?.globalValue, undefined, 'no user setting for the log');
    const api = await activate();
    assert.ok(api, 'the extension activates');
  });

  test('the letter is still checked: its claims are found and shown', async () => {
    const { document } = await open('letter.md');
    // The mileage claim is flagged as unevidenced when the log is ignored, and is evidenced (a hover, no problem)
    // when it is used: either way the letter was analysed.
    const hover = await waitFor(
      async () => {
        const text = await hoversAt(document.uri, positionOf(document, 'negotiated with', 3));
        return text.includes('claim of negotiation') ? text : undefined;
      },
      () => `a claim hover on the mileage sentence (have: ${describeDiagnostics(document.uri)})`,
    );
    assert.match(hover, /\*\*Rung claimed:\*\* negotiated/);
    if (!trusted) assert.ok(ours(document.uri).length > 0, 'diagnostics in Restricted Mode');
  });

  test(`the workspace's consultation log ${trusted ? 'evidences' : 'is not used to evidence'} a claim`, async () => {
    const { document } = await open('letter.md');
    const at = positionOf(document, 'negotiated with', 3);
    if (trusted) {
      const hover = await waitFor(async () => { const t = await hoversAt(document.uri, at); return /\*\*evidenced\*\*/.test(t) ? t : undefined; }, 'the mileage claim to be evidenced by logs/meetings.md');
      assert.match(hover, /Revised mileage rates/);
      assert.deepEqual(on(document, MILEAGE_SENTENCE).map((d) => d.message), [], 'no problem on an evidenced claim');
    } else {
      const d = await waitFor(() => withRule(document.uri, 'unevidenced-claim').find((x) => document.getText(x.range) === MILEAGE_SENTENCE), () => `the mileage claim flagged as unevidenced (have: ${describeDiagnostics(document.uri)})`);
      assert.match(d.message, /^No evidence found for this claim of negotiation/);
      const hover = await hoversAt(document.uri, at);
      assert.match(hover, /No consultation log was found/);
      assert.doesNotMatch(hover, /Revised mileage rates|meetings\.md/);
    }
  });

  test(`the workspace's extra claim phrase ${trusted ? 'makes' : 'does not make'} a claim`, async () => {
    const { document } = await open('letter.md');
    const at = positionOf(document, 'waved through by', 3);
    // Settled first on something this run must show, so that an absence below is not just "not yet".
    await waitFor(() => ours(document.uri).some((d) => document.getText(d.range) === (trusted ? PHRASE_SENTENCE : MILEAGE_SENTENCE)), () => `the letter's diagnostics (have: ${describeDiagnostics(document.uri)})`);
    const flagged = on(document, PHRASE_SENTENCE);
    const hover = await hoversAt(document.uri, at);
    if (trusted) {
      assert.equal(flagged.length, 1, describeDiagnostics(document.uri));
      assert.match(flagged[0].message, /claim of agreement/);
      assert.match(hover, /from “waved through by”/);
    } else {
      assert.deepEqual(flagged.map((d) => d.message), [], 'no claim on the phrase the workspace added');
      assert.equal(hover, '', 'no claim hover on the sentence');
    }
  });

  test(`a consultation log named in front matter outside the workspace ${trusted ? 'is read' : 'is not read, and the user is told'}`, async () => {
    const outside = path.join(path.dirname(workspaceUri().fsPath), 'outside', 'consultation-log.md');
    assert.ok(fs.existsSync(outside), `${outside} is there to be read`);
    const { document } = await open('pay-letter.md');
    const at = positionOf(document, 'agreed with', 3);
    if (trusted) {
      const hover = await waitFor(async () => { const t = await hoversAt(document.uri, at); return /\*\*evidenced\*\*/.test(t) ? t : undefined; }, 'the standby claim to be evidenced by the log outside');
      assert.match(hover, /Standby allowance for out\\-of\\-hours officers/);
      assert.match(hover, /\(command:counterpoint\.openBeside\?[^)]*%2Foutside%2Fconsultation-log\.md/, 'the evidence links to the log outside');
      assert.deepEqual(ours(document.uri).map((d) => d.message), [], 'no problems');
    } else {
      const warning = await waitFor(() => withRule(document.uri, 'input-warning')[0], () => `an input warning on the front matter (have: ${describeDiagnostics(document.uri)})`);
      assert.equal(
        warning.message,
        'This workspace is not trusted, so the consultation log "../outside/consultation-log.md" named in the front matter, outside the workspace, was not read; claims were checked without a log.',
      );
      assert.equal(document.lineAt(warning.range.start.line).text, 'consultation-log: ../outside/consultation-log.md', 'on the front-matter line');
      const claim = await waitFor(() => on(document, STANDBY_SENTENCE)[0], 'the standby claim flagged');
      assert.equal(claim.code && typeof claim.code === 'object' ? claim.code.value : claim.code, 'unevidenced-claim');
      assert.doesNotMatch(await hoversAt(document.uri, at), /Standby allowance/, 'nothing from the log outside');
    }
  });

  test(`a letter named by responds-to outside the workspace ${trusted ? 'is paired' : 'is not read, and the user is told'}`, async () => {
    const outside = vscode.Uri.file(path.join(path.dirname(workspaceUri().fsPath), 'outside', 'parking-letter.md'));
    assert.ok(fs.existsSync(outside.fsPath), `${outside.fsPath} is there to be read`);
    const { document } = await open('parking-response.md');
    const partner = await vscode.commands.executeCommand<string | undefined>('counterpoint.openPartnerBeside', document.uri);
    if (trusted) {
      assert.equal(partner, outside.toString(), 'paired through responds-to');
      assert.deepEqual(withRule(document.uri, 'input-warning').map((d) => d.message), [], 'no warning');
    } else {
      assert.equal(partner, undefined, 'not paired');
      const warning = await waitFor(() => withRule(document.uri, 'input-warning')[0], () => `an input warning on the front matter (have: ${describeDiagnostics(document.uri)})`);
      assert.equal(
        warning.message,
        'This workspace is not trusted, so the letter "../outside/parking-letter.md" named in the front matter, outside the workspace, was not read; the response is checked on its own.',
      );
      assert.equal(document.lineAt(warning.range.start.line).text, 'responds-to: ../outside/parking-letter.md', 'on the front-matter line');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === outside.toString()), 'the letter outside was not opened');
    }
  });

  test('the response is checked with its letter', async () => {
    const { document } = await open('response.md');
    const partner = await vscode.commands.executeCommand<string | undefined>('counterpoint.openPartnerBeside', document.uri);
    assert.equal(partner, vscode.Uri.joinPath(workspaceUri(), 'letter.md').toString(), 'paired through responds-to');
  });

  test(trusted ? 'no message about trust is shown' : 'the user is told once that the workspace settings are ignored', async () => {
    await open('letter.md'); // analysed at least once (already, unless --grep picked this test alone)
    const about = () => shown.filter((m) => /not trusted/.test(m.message));
    if (trusted) {
      assert.deepEqual(about(), []);
      return;
    }
    await waitFor(() => about().length > 0, () => `the message (shown: ${JSON.stringify(shown)})`);
    // Three documents analysed, several times over: still once.
    assert.deepEqual(about(), [{ kind: 'information', message: TOLD }]);
  });
});
