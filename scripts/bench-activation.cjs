// Loads the extension's Node bundle against a stand-in `vscode` module and prints how long require + activate took,
// in milliseconds. Used by `npm run bench`; the stand-in answers every name the vscode API exports.
const Module = require('node:module');
const fs = require('node:fs');
const handler = {
  get: (_t, p) => (p === 'then' ? undefined : p === Symbol.toPrimitive ? () => '' : stub()),
  apply: () => stub(),
  construct: () => stub(),
  set: () => true,
  defineProperty: () => true,
};
function stub() {
  return new Proxy(function () {}, handler);
}
const dts = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
const api = {};
for (const m of dts.matchAll(/^\t(?:export )?(?:namespace|enum|class|function|const|let|var) (\w+)/gm)) api[m[1]] = stub();
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? api : load.call(this, request, ...rest);
};
const context = {
  subscriptions: [],
  extensionUri: stub(),
  workspaceState: { get: () => undefined, update: async () => {}, keys: () => [] },
  globalState: { get: () => undefined, update: async () => {}, keys: () => [] },
  extensionPath: process.cwd(),
  storageUri: undefined,
};
const start = performance.now();
const ext = require(require('node:path').resolve(process.argv[2]));
try {
  ext.activate(context);
} catch (e) {
  process.stderr.write(`activate threw against the stand-in API: ${e.message}\n`);
}
process.stdout.write(String(performance.now() - start));
