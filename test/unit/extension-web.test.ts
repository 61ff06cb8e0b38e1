// The extension must run in a web worker extension host: no Node built-ins anywhere in what the `browser`
// bundle pulls in, and files only through vscode.workspace.fs.
import { describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { builtinModules } from 'node:module';

const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return (readdirSync(path.join(root, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
}

describe('the web extension bundle', () => {
  it('builds for the browser with vscode as the only external, pulling in no Node built-in', async () => {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: ['src/extension/main.ts'],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'cjs',
      external: ['vscode'],
      mainFields: ['browser', 'module', 'main'],
      conditions: ['worker', 'browser'],
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const imports = Object.values(result.metafile!.inputs).flatMap((i) => i.imports.map((x) => x.path));
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(imports.filter((p) => builtins.has(p))).toEqual([]);
    expect(imports.filter((p) => p.startsWith('node:'))).toEqual([]);
    const externals = new Set(Object.values(result.metafile!.inputs).flatMap((i) => i.imports.filter((x) => x.external).map((x) => x.path)));
    expect([...externals]).toEqual(['vscode']);
  });

  it('imports no Node module and uses no require or __dirname in src/extension or src/core', () => {
    const builtins = builtinModules.filter((m) => !m.startsWith('_')).join('|');
    const nodeImport = new RegExp(`from ['"](node:)?(${builtins})(/[\\w/]*)?['"]|\\brequire\\(|__dirname|__filename`);
    const files = [...sources('src/extension'), ...sources('src/core')];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readFileSync(path.join(root, file), 'utf8'), file).not.toMatch(nodeImport);
  });

  it('package.json declares the web entry, virtual workspace support and limited untrusted support', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.browser).toBe('./dist/web/extension.js');
    expect(pkg.capabilities.virtualWorkspaces).toBe(true);
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations).toEqual(['counterpoint.consultationLog', 'counterpoint.extraClaimPhrases']);
  });
});

describe('loading the web bundle in a worker-like sandbox', () => {
  it('evaluates with only what a web worker has (no require, process, Buffer or __dirname) and exports activate', async () => {
    const vm = await import('node:vm');
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: ['src/extension/main.ts'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'cjs',
      external: ['vscode'],
      mainFields: ['browser', 'module', 'main'],
      // "worker" before "browser": some packages' browser builds use the DOM (decode-named-character-reference's
      // index.dom.js calls document.createElement at load), which a web worker extension host does not have.
      conditions: ['worker', 'browser'],
      define: { 'process.env.NODE_ENV': '"production"', COUNTERPOINT_VERSION: '"test"' },
      logLevel: 'silent',
    });
    // A stand-in for the vscode module: each name the bundle uses is a constructible function with any property.
    const deep: unknown = new Proxy(function () {}, {
      get: (_t, key) => (key === Symbol.toPrimitive ? () => 0 : deep),
      apply: () => deep,
      construct: () => deep as object,
    });
    const code = result.outputFiles[0].text;
    const names = new Set([...code.matchAll(/\bvscode\d*\.([A-Za-z]\w*)/g)].map((m) => m[1]));
    expect(names.size).toBeGreaterThan(10);
    const stub = Object.fromEntries([...names].map((n) => [n, deep]));
    const asked: string[] = [];
    const mod = { exports: {} as Record<string, unknown> };
    const sandbox = {
      module: mod,
      exports: mod.exports,
      require: (id: string) => {
        asked.push(id);
        if (id === 'vscode') return stub;
        throw new Error(`the web bundle asked for "${id}"`);
      },
      console,
      setTimeout,
      clearTimeout,
      TextDecoder,
      TextEncoder,
      URL,
      queueMicrotask,
      performance,
    };
    vm.runInNewContext(code, sandbox, { filename: 'web/extension.js' });
    expect([...new Set(asked)]).toEqual(['vscode']);
    expect(typeof mod.exports.activate).toBe('function');
  });

  it('is what scripts/build.mjs builds: the web bundle resolves the "worker" export condition', () => {
    const build = readFileSync(path.join(root, 'scripts/build.mjs'), 'utf8');
    const web = build.slice(build.indexOf("outfile: 'dist/web/extension.js'"));
    const conditions = /conditions:\s*\[([^\]]*)\]/.exec(web.slice(0, 600))?.[1] ?? '';
    expect(conditions, 'scripts/build.mjs must pass conditions: ["worker", "browser"] for dist/web/extension.js').toMatch(/['"]worker['"]/);
  });
});
