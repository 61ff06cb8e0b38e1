/**
 * Letter versions: "Counterpoint: Compare Letter Versions…" opens VS Code's diff editor on two versions of a letter
 * with a summary of the aim-level changes beside it. Registered from `main.ts` with one call.
 *
 *   counterpoint.compareVersions (oldUri?, newUri?) → DiffResult
 *     With both arguments, no prompt. From the palette: asks for the new version (the active Markdown editor
 *     first) and then the old (files in the same folder and with similar names first). From the Explorer's or
 *     the editor title's context menu: the file clicked is the new version, and it asks for the old; with two
 *     files selected in the Explorer, the first selected is the old version (as in VS Code's "Compare Selected").
 *   counterpoint.compareWithVersion is the same command under the context menus' title.
 *   Documents may be given as a Uri, a URI string or an absolute path.
 *
 * For tests (not in the palette): counterpoint.versions.state → { result, html, visible, options, received, old,
 * new } of the open summary, and counterpoint.versions.message (message) → the same path as a click in the
 * webview.
  *
 * The commands are registered here, at activation; what they do is in compare.ts, loaded the first time one runs.
 */
import * as vscode from 'vscode';
import type { DiffResult } from '../../core/contract';
import { features } from '../lazy/load';

export const COMPARE_VERSIONS = 'counterpoint.compareVersions';
/** The same command under the title the Explorer's and the editor tab's context menus show. */
export const COMPARE_WITH_VERSION = 'counterpoint.compareWithVersion';

export function registerVersionFeatures(context: vscode.ExtensionContext, output?: vscode.LogOutputChannel): void {
  const register = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn as (...args: unknown[]) => unknown));

  const run = async (first?: unknown, second?: unknown): Promise<DiffResult | undefined> => {
    try {
      return await (await features()).compareVersionsCommand(first, second);
    } catch (error) {
      const message = (error as Error)?.message ?? String(error);
      output?.error(`compare letter versions failed: ${(error as Error)?.stack ?? message}`);
      void vscode.window.showErrorMessage(`Counterpoint: could not compare the two versions: ${message}`);
      return undefined;
    }
  };
  register(COMPARE_VERSIONS, run);
  register(COMPARE_WITH_VERSION, run);

  register('counterpoint.versions.state', async () => (await features()).versionsState());
  register('counterpoint.versions.message', async (message: unknown) => (await features()).versionsMessage(message));
}
