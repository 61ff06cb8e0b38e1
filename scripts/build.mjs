// Builds every bundle with esbuild: the Node extension host bundle, the web-worker bundle,
// the CLI, and the evaluation/benchmark entry points used by `npm run eval` and `npm run bench`.
import * as esbuild from 'esbuild';
import { chmodSync, mkdirSync } from 'node:fs';
import { compactEntitiesPlugin } from './compact-entities.mjs';
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { buildWithLazyChunk, pureSourcesPlugin } from './lazy-chunk.mjs';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

import { readFileSync } from 'node:fs';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const common = {
  bundle: true,
  define: { COUNTERPOINT_VERSION: JSON.stringify(pkg.version) },
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  target: 'es2022',
  // Non-ASCII characters as themselves, not \u escapes (a third of the size for ’, “, ·, ¶ …). Node reads the
  // bundles as UTF-8, and so does the web extension host, which fetches the script and decodes it as text.
  charset: 'utf8',
  // Our own modules marked free of side effects, so that one no bundle uses is left out (lazy-chunk.mjs), the
  // table of HTML5 character references written compactly (compact-entities.mjs), and the report pages' style
  // sheets and scripts minified (minify-templates.mjs).
  plugins: [pureSourcesPlugin('src'), compactEntitiesPlugin, minifyTemplatesPlugin],
};

// The extension, for the Node extension host and for the web worker host: each its bundle, and beside it the
// features it loads on first use (src/extension/lazy/), built by lazy-chunk.mjs and named to the bundle by
// COUNTERPOINT_FEATURES (its path in the extension). In watch mode, one bundle with both.
const hosts = [
  {
    ...common,
    outfile: 'dist/extension.js',
    features: 'dist/features.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    ...common,
    outfile: 'dist/web/extension.js',
    features: 'dist/web/features.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    conditions: ['worker', 'browser'],
    define: { ...common.define, 'process.env.NODE_ENV': '"production"' },
  },
];
const extensions = hosts.map(({ features, ...host }) => ({
  main: { ...host, entryPoints: ['src/extension/main.ts'], define: { ...host.define, ...(watch ? {} : { COUNTERPOINT_FEATURES: JSON.stringify(features) }) } },
  chunk: { ...host, entryPoints: ['src/extension/lazy/features.ts'], outfile: features },
}));
const registry = path.resolve('src/extension/lazy/shared.ts');

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
  },
];

const optional = [
  ['scripts/eval.ts', 'dist/eval.js', 'cjs'],
  ['scripts/bench.ts', 'dist/bench.mjs', 'esm'],
  ['scripts/bench-memory.ts', 'dist/bench-memory.mjs', 'esm'],
];
import { existsSync } from 'node:fs';
for (const [entry, outfile, format] of optional) {
  const banner = format === 'esm' ? { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } : undefined;
  if (existsSync(entry)) builds.push({ ...common, minify: false, entryPoints: [entry], outfile, platform: 'node', format, banner, external: ['markdownlint'] });
}

mkdirSync('dist/web', { recursive: true });
if (watch) {
  for (const b of [...extensions.map((e) => e.main), ...builds]) (await esbuild.context(b)).watch();
} else {
  await Promise.all([...extensions.map((e) => buildWithLazyChunk(e.main, e.chunk, registry)), ...builds.map((b) => esbuild.build(b))]);
  chmodSync('dist/cli.js', 0o755);
}
