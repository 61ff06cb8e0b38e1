// The features the extension loads on first use (src/extension/lazy/, scripts/lazy-chunk.mjs): built as a file
// of their own, loaded through vscode.workspace.fs in a sandbox with only what a web worker has, for the web and
// the Node bundle alike, they give exactly what the same code gives bundled in one piece.
import { describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { isBuiltin } from 'node:module';
import { buildWithLazyChunk, pureSourcesPlugin, SHARED_PREFIX } from '../../scripts/lazy-chunk.mjs';
import { compactEntitiesPlugin } from '../../scripts/compact-entities.mjs';
import { minifyTemplatesPlugin } from '../../scripts/minify-templates.mjs';

const root = path.resolve(__dirname, '../..');
const harness = path.join(__dirname, 'lazy-chunk-harness.ts');
const registry = path.join(root, 'src/extension/lazy/shared.ts');
const sample = (name: string) => ({ path: name, text: readFileSync(path.join(root, 'samples', name), 'utf8') });

const HOSTS: Record<string, esbuild.BuildOptions> = {
  node: { platform: 'node' },
  web: { platform: 'browser', mainFields: ['browser', 'module', 'main'], conditions: ['worker', 'browser'], define: { 'process.env.NODE_ENV': '"production"' } },
};

function options(host: esbuild.BuildOptions, entry: string, outfile: string, define: Record<string, string> = {}): esbuild.BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: 'cjs',
    external: ['vscode'],
    target: 'es2022',
    charset: 'utf8',
    logLevel: 'silent',
    plugins: [pureSourcesPlugin(path.join(root, 'src')), compactEntitiesPlugin, minifyTemplatesPlugin],
    ...host,
    define: { ...host.define, ...define },
  };
}

interface Harness {
  setExtensionRoot(uri: unknown): void;
  features(): Promise<Record<string, (...args: unknown[]) => unknown>>;
  compare(letter: unknown, response: unknown): unknown;
  buildReportModel(result: unknown, options: unknown): unknown;
}

/** Runs a CommonJS bundle with only what a web worker has, and a vscode whose file system reads `dir`. */
function run(code: string, node: boolean, dir: string, reads: string[], failFirst = false): Harness {
  let failed = !failFirst;
  // What the loader uses, and for the rest (the panels' and commands' modules read enums at load) a stand-in whose
  // every property is itself.
  const deep: unknown = new Proxy(function () {}, {
    get: (_t, key) => (key === Symbol.toPrimitive ? () => 0 : deep),
    apply: () => deep,
    construct: () => deep as object,
  });
  const orDeep = <T extends object>(o: T): T => new Proxy(o, { get: (t, key) => (key in t ? t[key as keyof T] : deep) });
  // The bundles copy the module's own properties (esbuild's ES module interop): give it every capitalised name the
  // code reads (DiagnosticSeverity, ViewColumn …), as the stand-in.
  const names = [...new Set([...code.matchAll(/\.([A-Z]\w*)/g), ...readFileSync(path.join(dir, 'features.js'), 'utf8').matchAll(/\.([A-Z]\w*)/g)].map((m) => m[1]))];
  const vscode = orDeep({
    ...Object.fromEntries(names.map((n) => [n, deep])),
    Uri: orDeep({ joinPath: (base: { path: string }, ...parts: string[]) => ({ path: path.posix.join(base.path, ...parts) }) }),
    workspace: orDeep({
      fs: {
        readFile: async (uri: { path: string }) => {
          reads.push(uri.path);
          if (!failed) {
            failed = true;
            throw new Error('unavailable');
          }
          return new Uint8Array(readFileSync(path.join(dir, uri.path)));
        },
      },
    }),
  });
  const mod = { exports: {} as Harness };
  const sandbox = {
    module: mod,
    exports: mod.exports,
    require: (id: string) => {
      if (id === 'vscode') return vscode;
      // The Node bundle may use Node's built-ins (vfile does); the web bundle may not.
      if (node && isBuiltin(id)) return require(id);
      throw new Error(`the bundle asked for "${id}"`);
    },
    console,
    setTimeout,
    clearTimeout,
    TextDecoder,
    TextEncoder,
    URL,
    queueMicrotask,
  };
  vm.runInNewContext(code, sandbox, { filename: 'main.js' });
  mod.exports.setExtensionRoot({ path: '/' });
  return mod.exports;
}

/** What the features give on the samples: the versions diff, both report pages, the Markdown report. */
async function outputs(h: Harness): Promise<string[]> {
  const f = await h.features();
  const model = h.buildReportModel(h.compare(sample('letter.md'), sample('response.md')), {
    letterText: sample('letter.md').text,
    responseText: sample('response.md').text,
  });
  const diff = f.diff(sample('letter.md'), sample('letter-v2.md'));
  return [
    JSON.stringify(diff),
    f.renderReportHtml(model) as string,
    f.renderReportHtml(model, { mode: 'webview', cspSource: 'vscode-webview:', nonce: 'abc' }) as string,
    f.renderReportBody(model) as string,
    f.reportMarkdown(model) as string,
    f.renderVersionsHtml(diff, { mode: 'export' }, { oldName: 'letter.md', newName: 'letter-v2.md' }) as string,
  ];
}

describe('the lazily loaded features file', () => {
  it('names shared modules as the loader expects', () => {
    const loader = readFileSync(path.join(root, 'src/extension/lazy/load.ts'), 'utf8');
    expect(loader).toContain(`export const SHARED_PREFIX = '${SHARED_PREFIX}';`);
  });

  for (const [name, host] of Object.entries(HOSTS)) {
    it(`${name}: loads once through workspace.fs, holds no copy of the bundle's modules, and gives what one bundle gives`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), `cp-lazy-${name}-`));
      const main = options(host, harness, path.join(dir, 'main.js'), { COUNTERPOINT_FEATURES: '"features.js"' });
      const chunk = options(host, 'src/extension/lazy/features.ts', path.join(dir, 'features.js'));
      const { shared, copied } = await buildWithLazyChunk(main, chunk, registry, root);

      // The parser, which the harness uses itself, is handed over; analyse.ts is copied (handing its `diff` over
      // would pull the comparison of versions into the bundle).
      expect([...shared.keys()]).toContain('src/core/document/parse.ts');
      expect(copied).toContain('src/core/analyse.ts');
      const mainCode = readFileSync(path.join(dir, 'main.js'), 'utf8');
      const chunkCode = readFileSync(path.join(dir, 'features.js'), 'utf8');
      expect(mainCode).not.toContain('Aims and answers');
      expect(chunkCode).toContain('Aims and answers');
      expect(chunkCode).toContain(`${SHARED_PREFIX}src/core/document/parse.ts`);
      const chunkMeta = await esbuild.build({ ...chunk, write: false, metafile: true, plugins: chunk.plugins });
      expect(Object.keys(chunkMeta.metafile.inputs).some((k) => k.includes('micromark'))).toBe(true); // alone, it would hold the parser
      expect(chunkCode).not.toMatch(/micromark|mdast/);

      // One bundle with everything, as `npm run build -- --watch` makes (features imported, not read).
      const whole = await esbuild.build({ ...options(host, harness, path.join(dir, 'whole.js')), write: false });

      const reads: string[] = [];
      const split = run(mainCode, name === 'node', dir, reads, true);
      await expect(split.features()).rejects.toThrow('unavailable');
      const got = await outputs(split);
      await split.features();
      expect(reads).toEqual(['/features.js', '/features.js']);
      const want = await outputs(run(whole.outputFiles[0].text, name === 'node', dir, []));
      expect(got.map((s) => s.length)).toEqual(want.map((s) => s.length));
      expect(got).toEqual(want);
      expect(got[1]).toContain('<!DOCTYPE html>');
    }, 60_000);
  }

  it('leaves out of a bundle a module of ours it imports but does not use (its top level builds tables)', async () => {
    // The harness imports analyse.ts, which imports the comparison of versions; only `compare` is used (the
    // features, with `diff`, are read from their file). The significant changes (dates, figures, commitments)
    // are found with patterns built at load.
    const entry = options(HOSTS.node, harness, 'main.js', { COUNTERPOINT_FEATURES: '"features.js"' });
    const modules = async (plugins: esbuild.Plugin[]) => {
      const r = await esbuild.build({ ...entry, plugins, write: false, metafile: true });
      const [output] = Object.values(r.metafile.outputs);
      return Object.keys(output.inputs).filter((k) => output.inputs[k].bytesInOutput > 0);
    };
    const without = await modules([compactEntitiesPlugin]);
    const marked = await modules([pureSourcesPlugin(path.join(root, 'src')), compactEntitiesPlugin]);
    expect(without).toContain('src/core/versions/significant.ts');
    expect(marked).not.toContain('src/core/versions/significant.ts');
    expect(marked).toContain('src/core/align/align.ts');
    expect(marked.filter((k) => !without.includes(k))).toEqual([]);
  }, 60_000);
});
