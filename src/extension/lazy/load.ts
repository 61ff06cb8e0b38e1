/**
 * Loads `features.ts` on first use. The bundles build it as a file of its own beside the extension's bundle
 * (COUNTERPOINT_FEATURES, its path in the extension, is defined by scripts/build.mjs). It is read through
 * `vscode.workspace.fs`, as the extension reads any file, so the same code works in the Node extension host and
 * in the web worker host: there the extension lives at an http(s) address, which VS Code's web workbench serves
 * through its file service for this purpose, or on the remote (vscode-remote:), a file system of its own. It is
 * CommonJS with two kinds of import: `vscode`, and the modules it shares with this bundle
 * (`counterpoint-shared:<path>`, from `SHARED`). Without a build (unit tests), the module is imported.
 */
import * as vscode from 'vscode';
import { SHARED } from './shared';

export type Features = typeof import('./features');

declare const COUNTERPOINT_FEATURES: string | undefined;

/** How the features file names a module it shares with this bundle. */
export const SHARED_PREFIX = 'counterpoint-shared:';

let root: vscode.Uri | undefined;
let loading: Promise<Features> | undefined;
let done: Features | undefined;

/** Where the extension is installed (from activation), so that the features file can be found. */
export function setExtensionRoot(uri: vscode.Uri): void {
  root = uri;
}

/** The features, loaded once; a failed load is tried again on the next call. */
export function features(): Promise<Features> {
  loading ??= (typeof COUNTERPOINT_FEATURES === 'string' ? readFeatures(COUNTERPOINT_FEATURES) : import('./features')).then(
    (f) => (done = f),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The features if they have been loaded, without loading them. */
export function loaded(): Features | undefined {
  return done;
}

async function readFeatures(file: string): Promise<Features> {
  if (!root) throw new Error('the extension has not been activated');
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, file));
  return evaluateFeatures(new TextDecoder().decode(bytes), SHARED);
}

/** Runs the features file's CommonJS text with its two kinds of import, and returns its exports. */
export function evaluateFeatures(source: string, shared: Readonly<Record<string, unknown>>): Features {
  const load = (id: string): unknown => {
    if (id === 'vscode') return vscode;
    const key = id.startsWith(SHARED_PREFIX) ? id.slice(SHARED_PREFIX.length) : undefined;
    if (key !== undefined && Object.prototype.hasOwnProperty.call(shared, key)) return shared[key];
    throw new Error(`Counterpoint: the features file asks for ${id}, which this build does not provide`);
  };
  const module = { exports: {} as Features };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the extension's own file, built with it
  new Function('module', 'exports', 'require', source)(module, module.exports, load);
  return module.exports;
}
