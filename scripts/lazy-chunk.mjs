// Builds the extension as two files: its bundle, loaded at activation, and a features file it loads the first time
// a rarely used feature needs it (src/extension/lazy/: the report renderers and the comparison of versions).
//
// Both are CommonJS bundles made by esbuild from the same sources. The features file holds no second copy of
// what the bundle already holds: every module both need stays in the bundle only, which hands it over at load
// time (src/extension/lazy/shared.ts, filled in here with those modules), and the features file imports it as
// `counterpoint-shared:<path>`. Which modules those are is worked out from esbuild's own metafiles:
//   1. build the bundle alone (not written): the modules it holds;
//   2. build the features file as an ES module (not written), with every import of one of those modules left as
//      `counterpoint-shared:<path>`: its import statements name exactly what it needs from the bundle;
//   3. build the bundle handing those names over. When that pulls into the bundle a module it did not hold alone
//      (say src/core/analyse.ts, whose `diff` needs the comparison of versions), the modules handed over that lead
//      to it are not handed over: the features file keeps its own copy of the part it uses. Repeat from 2 until
//      the bundle holds exactly the modules it held alone;
//   4. build both for real.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** How the features file names a module of the bundle (the same in src/extension/lazy/load.ts). */
export const SHARED_PREFIX = 'counterpoint-shared:';

/**
 * Marks the project's own modules (those under `dir`) as free of side effects at load, as a package does with
 * `"sideEffects": false`: a module whose exports a bundle does not use is then left out whole. Without it esbuild
 * keeps every top-level statement that calls a function (`new RegExp(…)`, `new Set(…)`, a table built with
 * `.map`), and with it every module such a statement reads, in any bundle that imports the module at all. Our
 * modules only declare at their top level (tables, patterns, functions, classes), so nothing is lost; it matters
 * most here, where a module the extension's bundle keeps only for those statements would otherwise count as one
 * of its modules, and be handed over to the features file with all it needs (about 13 KB: the comparison of
 * versions' significant changes).
 */
export function pureSourcesPlugin(dir) {
  const prefix = path.resolve(dir) + path.sep;
  return {
    name: 'pure-sources',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        // A resolve asked by a plugin (this one, or lazy-chunk's own) is left to the others.
        if (args.pluginData !== undefined) return undefined;
        const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'pure-sources' });
        if (r.errors.length > 0 || r.external || !r.path.startsWith(prefix)) return undefined;
        return { path: r.path, namespace: r.namespace, sideEffects: false };
      });
    },
  };
}

/** The metafile key esbuild gives a file (a path relative to the working directory, with forward slashes). */
function keyOf(file, cwd) {
  return path.relative(cwd, file).split(path.sep).join('/');
}

/** In the bundle: `registry` (the path of shared.ts) exports, by key, the names the features file imports. */
function registryPlugin(registry, shared, cwd) {
  const modules = [...shared];
  return {
    name: 'lazy-chunk-registry',
    setup(build) {
      build.onLoad({ filter: new RegExp(`^${registry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }, () => ({
        contents: [
          ...modules.map(([key, names], i) => `import { ${names.map((n, j) => `${n} as m${i}_${j}`).join(', ')} } from ${JSON.stringify(path.resolve(cwd, key))};`),
          `export const SHARED = {${modules.map(([key, names], i) => `${JSON.stringify(key)}: { ${names.map((n, j) => `${n}: m${i}_${j}`).join(', ')} }`).join(', ')}};`,
        ].join('\n'),
        loader: 'js',
        resolveDir: cwd,
      }));
    },
  };
}

/** In the features file: imports of the bundle's modules (`inMain`, less `copied`) become `counterpoint-shared:<key>`. */
function sharedImportsPlugin(inMain, copied, cwd) {
  const SKIP = Symbol('lazy-chunk');
  return {
    name: 'lazy-chunk-shared-imports',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === SKIP || args.kind === 'entry-point') return undefined;
        const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: SKIP });
        if (r.errors.length > 0 || r.external || r.namespace !== 'file') return undefined;
        const key = keyOf(r.path, cwd);
        return inMain.has(key) && !copied.has(key) ? { path: SHARED_PREFIX + key, external: true } : undefined;
      });
    },
  };
}

/** The names the features file imports from each module of the bundle, read from its ES module form. */
async function importedNames(chunk, inMain, copied, cwd) {
  const result = await esbuild.build({ ...chunk, format: 'esm', minify: false, sourcemap: false, write: false, plugins: [sharedImportsPlugin(inMain, copied, cwd), ...(chunk.plugins ?? [])] });
  const [{ text }] = result.outputFiles;
  const shared = new Map();
  for (const m of text.matchAll(/^import\s*(?:(\{[^}]*\}|[^"{};\n]*?)\s*from\s*)?"([^"]+)";$/gm)) {
    if (!m[2].startsWith(SHARED_PREFIX)) continue;
    // `import "…"`: none of its names is used (the bundle has run the module already; it gets an empty entry).
    const clause = /^\{([^}]*)\}$/.exec(m[1] ?? '{}');
    if (!clause) throw new Error(`lazy-chunk: unexpected import in the features file: ${m[0]}`);
    const names = clause[1].split(',').map((n) => n.trim().split(/\s+as\s+/)[0]).filter(Boolean);
    const key = m[2].slice(SHARED_PREFIX.length);
    shared.set(key, [...new Set([...(shared.get(key) ?? []), ...names])]);
  }
  if (/\brequire\(\s*"counterpoint-shared:|import\s*\*\s*as\s+\w+\s+from\s*"counterpoint-shared:/.test(text)) throw new Error('lazy-chunk: the features file imports a whole module of the bundle');
  return shared;
}

/** The modules a build holds (those with bytes in its output: esbuild lists the ones it shook out too), with their imports. */
async function inputsOf(options, extra = []) {
  const result = await esbuild.build({ ...options, plugins: [...extra, ...(options.plugins ?? [])], sourcemap: false, write: false, metafile: true });
  const [output] = Object.values(result.metafile.outputs);
  return Object.fromEntries(Object.keys(output.inputs).filter((key) => output.inputs[key].bytesInOutput > 0).map((key) => [key, result.metafile.inputs[key]]));
}

/**
 * Builds `main` (whose source imports `registry`) and `chunk` (the features file) as described above. Returns the
 * names handed over, by module, and the modules the features file keeps a copy of although the bundle has them.
 */
export async function buildWithLazyChunk(main, chunk, registry, cwd = process.cwd()) {
  const mainInputs = await inputsOf(main, [registryPlugin(registry, new Map(), cwd)]);
  const inMain = new Set(Object.keys(mainInputs));
  const copied = new Set();
  let shared;
  for (;;) {
    shared = await importedNames(chunk, inMain, copied, cwd);
    const inputs = await inputsOf(main, [registryPlugin(registry, shared, cwd)]);
    const added = new Set(Object.keys(inputs).filter((key) => !inMain.has(key)));
    if (added.size === 0) break;
    // The modules handed over that lead to an added one, going up from it through the modules that import it.
    const importers = new Map();
    for (const [key, input] of Object.entries(inputs)) for (const i of input.imports) importers.set(i.path, [...(importers.get(i.path) ?? []), key]);
    const pulling = new Set();
    const seen = new Set(added);
    const queue = [...added];
    while (queue.length > 0) {
      for (const up of importers.get(queue.pop()) ?? []) {
        if (seen.has(up)) continue;
        seen.add(up);
        if (shared.has(up)) pulling.add(up);
        else queue.push(up);
      }
    }
    if (pulling.size === 0) throw new Error(`lazy-chunk: handing ${[...shared.keys()].join(', ')} over added ${[...added].join(', ')} to ${main.outfile}`);
    for (const key of pulling) copied.add(key);
  }
  await Promise.all([
    esbuild.build({ ...main, plugins: [registryPlugin(registry, shared, cwd), ...(main.plugins ?? [])] }),
    esbuild.build({ ...chunk, plugins: [sharedImportsPlugin(inMain, copied, cwd), ...(chunk.plugins ?? [])] }),
  ]);
  if (chunk.outfile && chunk.write !== false) {
    const asked = new Set([...readFileSync(chunk.outfile, 'utf8').matchAll(/counterpoint-shared:([^"'`]+)/g)].map((m) => m[1]));
    const missing = [...asked].filter((key) => !shared.has(key));
    if (missing.length > 0) throw new Error(`lazy-chunk: ${chunk.outfile} imports ${missing.join(', ')}, which ${main.outfile} does not hand over`);
  }
  return { shared, copied: [...copied] };
}
