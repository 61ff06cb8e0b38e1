/**
 * Activation: wiring only. Each feature lives in its own module; this file creates them and connects them to
 * VS Code's events. The same bundle runs in the Node extension host and in the web worker host.
 */
import * as vscode from 'vscode';
import { AnalysisService } from './analysis-service';
import { CodeActionProvider, registerCodeActionCommands } from './code-actions';
import { CodeLensProvider } from './codelens';
import { registerCommonCommands, SHOW_DETAILS, openBeside } from './commands';
import { Diagnostics } from './diagnostics';
import { HoverProvider } from './hover';
import { Pairing, registerPairingCommands, targetDocument } from './pairing';
import { ignoredWorkspaceSettingsAsync, readSettings, SECTION } from './settings';
import { StatusBar } from './status-bar';
import { displayName, isMarkdown, openDocument } from './workspace';
import { registerComparisonFeatures } from './commands/index';
import { registerVersionFeatures } from './versions/index';
import { setExtensionRoot } from './lazy/load';

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

export interface CounterpointApi {
  /** Resolves true once the open document's current version has been analysed and published. */
  analysed(uri: vscode.Uri): Promise<boolean>;
  /** What the status bar item shows now (for tests). */
  status(): { visible: boolean; text: string; label: string; command: string };
}

export function activate(context: vscode.ExtensionContext): CounterpointApi {
  setExtensionRoot(context.extensionUri);
  const output = vscode.window.createOutputChannel('Counterpoint', { log: true });
  const pairing = new Pairing(context.workspaceState);
  const service = new AnalysisService(pairing, output);
  const diagnostics = new Diagnostics(context.extensionUri, (uri) => service.latest(uri) !== undefined && openDocument(uri) !== undefined);
  const codeLenses = new CodeLensProvider(service);
  const statusBar = new StatusBar(service);
  context.subscriptions.push(output, pairing, service, diagnostics, codeLenses, statusBar);
  registerComparisonFeatures(context, { service, pairing, output });
  registerVersionFeatures(context, output);

  const scheduleAll = (delay = 0) => {
    for (const d of vscode.workspace.textDocuments) if (isMarkdown(d) && !d.isClosed) service.schedule(d, delay);
  };
  const scheduleDependents = (uri: vscode.Uri, delay?: number) => {
    for (const d of service.dependents(uri)) service.schedule(d, delay);
  };

  let toldUntrusted = false;
  let checkingUntrusted = false;
  const tellUntrustedOnce = async (uri: vscode.Uri) => {
    if (toldUntrusted || checkingUntrusted || vscode.workspace.isTrusted) return;
    checkingUntrusted = true;
    const ignored = await ignoredWorkspaceSettingsAsync(uri).finally(() => (checkingUntrusted = false));
    if (ignored.length === 0 || toldUntrusted || vscode.workspace.isTrusted) return;
    toldUntrusted = true;
    const message = `Counterpoint: this workspace is not trusted, so its settings ${ignored.join(' and ')} are ignored; your own user settings are used instead.`;
    output.warn(message);
    void vscode.window.showInformationMessage(message);
  };

  context.subscriptions.push(
    service.onDidAnalyse((a) => {
      diagnostics.show(a);
      statusBar.update();
      codeLenses.refresh();
      void tellUntrustedOnce(a.uri);
      const document = openDocument(a.uri);
      if (document) void pairing.offerConvention(document, a.role);
    }),
    service.onDidClear((uri) => {
      diagnostics.clear(uri);
      statusBar.update();
      codeLenses.refresh();
    }),
    pairing.onDidChange(() => {
      service.invalidate();
      scheduleAll(50);
    }),

    vscode.languages.registerHoverProvider(MARKDOWN, new HoverProvider(service)),
    vscode.languages.registerCodeLensProvider(MARKDOWN, codeLenses),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new CodeActionProvider(service), {
      providedCodeActionKinds: CodeActionProvider.kinds,
    }),

    vscode.workspace.onDidOpenTextDocument((d) => {
      if (isMarkdown(d)) service.schedule(d, 0);
      scheduleDependents(d.uri, 0);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      const d = e.document;
      if (readSettings(d.uri).run !== 'onType') return;
      if (isMarkdown(d)) service.schedule(d);
      scheduleDependents(d.uri);
    }),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (readSettings(d.uri).run !== 'onSave') return;
      if (isMarkdown(d)) service.schedule(d, 0);
      scheduleDependents(d.uri, 0);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      service.clear(d.uri);
      // Documents that read the closed one as an open buffer now read the file on disk.
      scheduleDependents(d.uri, 0);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      service.invalidate();
      for (const d of vscode.workspace.textDocuments) {
        if (!isMarkdown(d)) continue;
        if (readSettings(d.uri).enable) service.schedule(d, 0);
        else service.clear(d.uri);
      }
      for (const p of readSettings().problems) output.warn(p);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      service.invalidate();
      scheduleAll();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()),

    ...registerPairingCommands(pairing),
    ...registerCommonCommands(context.extensionUri),
    ...registerCodeActionCommands(service),
    vscode.commands.registerCommand(SHOW_DETAILS, () => statusBar.showDetails()),
    vscode.commands.registerCommand('counterpoint.analyse', async (arg?: unknown) => {
      const uri = targetDocument(arg);
      const d = uri && (openDocument(uri) ?? (await vscode.workspace.openTextDocument(uri)));
      if (!d) return 0;
      service.invalidate();
      const a = await service.run(d);
      return a?.findings.length ?? 0;
    }),
    vscode.commands.registerCommand('counterpoint.openPartnerBeside', async (arg?: unknown) => {
      const uri = targetDocument(arg);
      const d = uri && openDocument(uri);
      const a = d && (await service.get(d));
      if (!a?.role.partner) {
        void vscode.window.showInformationMessage('Counterpoint: this document is not paired. Use "Counterpoint: Pair with Letter…" or "Pair with Response…".');
        return undefined;
      }
      await openBeside(a.role.partner);
      return a.role.partner.toString();
    }),
  );

  // Files changed on disk (by git, another editor, a sync tool): documents that read them are analysed again.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
  const onDisk = (uri: vscode.Uri) => {
    if (openDocument(uri)) return;
    service.invalidate();
    scheduleDependents(uri, 0);
  };
  context.subscriptions.push(watcher, watcher.onDidChange(onDisk), watcher.onDidCreate(onDisk), watcher.onDidDelete(onDisk));

  for (const p of readSettings().problems) output.warn(p);
  output.info(`Counterpoint ${vscode.extensions.getExtension('counterpoint-union-tools.counterpoint')?.packageJSON.version ?? ''} active${vscode.workspace.isTrusted ? '' : ' (restricted mode)'}.`);
  scheduleAll();
  statusBar.update();
  void pairing.ensureIndexed();

  return {
    status: () => ({
      visible: statusBar.visible,
      text: statusBar.item.text,
      label: statusBar.item.accessibilityInformation?.label ?? '',
      command: typeof statusBar.item.command === 'string' ? statusBar.item.command : (statusBar.item.command?.command ?? ''),
    }),
    analysed: async (uri: vscode.Uri) => {
      const d = openDocument(uri);
      if (!d) return false;
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const a = service.latest(uri);
        if (a && a.version === d.version) return true;
        await new Promise((r) => setTimeout(r, 25));
      }
      output.warn(`Timed out waiting for ${displayName(uri)} to be analysed.`);
      return false;
    },
  };
}

export function deactivate(): void {}
