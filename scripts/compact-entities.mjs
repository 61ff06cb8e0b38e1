// The table of HTML5 named character references (the `character-entities` package, which micromark reads through
// decode-named-character-reference to decode `&ngE;`, `&fjlig;` …), written compactly for the bundles.
//
// The package is an object literal of 2,125 names, about 35 KB minified: nearly a third of what the extension's
// dependencies weigh in its bundles. Here the same table is two strings (16 KB in a bundle written in UTF-8), made
// at build time from the very package the bundle would have used, so it cannot drift from it:
//   - names: each name in the package's order, as one marker character followed by the letters that differ from
//     the name before it. The marker says how many leading characters the name shares with the one before it
//     (MARKERS[n]) and, with a "~" in front, that its value is two code points rather than one;
//   - values: the values, one after another (one or two code points each).
// The bundle unpacks them into the same object the first time a document has a named reference (a few
// milliseconds, once). Plain JavaScript over strings: no `document`, so it works in a web worker.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { characterEntities } from 'character-entities';

/** Marker characters for a shared prefix of 0, 1, 2 … characters: none is a letter or a digit, as names are. */
const MARKERS = "!#$%&'()*+,-./:;<=>?@[]^_{|}";
const TWO = '~';

/** The two strings and the marker alphabet, for the table given (the package's by default). */
export function encodeEntities(table = characterEntities) {
  let names = '';
  let values = '';
  let previous = '';
  for (const [name, value] of Object.entries(table)) {
    if (!/^[A-Za-z0-9]+$/.test(name)) throw new Error(`compact-entities: unexpected name "${name}"`);
    const points = [...value].length;
    if (points < 1 || points > 2) throw new Error(`compact-entities: "${name}" has ${points} code points`);
    let shared = 0;
    while (shared < previous.length && shared < name.length && shared < MARKERS.length - 1 && previous[shared] === name[shared]) shared++;
    names += (points === 2 ? TWO : '') + MARKERS[shared] + name.slice(shared);
    values += value;
    previous = name;
  }
  return { names, values };
}

/** Turns the two strings back into the table (the same code runs in the bundle, see `compactEntitiesSource`). */
export function decodeEntities(names, values) {
  const table = {};
  let name = '';
  let v = 0;
  let i = 0;
  const value = () => {
    const c = values.codePointAt(v);
    const s = String.fromCodePoint(c);
    v += s.length;
    return s;
  };
  while (i < names.length) {
    const two = names[i] === TWO;
    if (two) i++;
    const shared = MARKERS.indexOf(names[i++]);
    let j = i;
    for (let c = names.charCodeAt(j); (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122); c = names.charCodeAt(++j));
    name = name.slice(0, shared) + names.slice(i, j);
    i = j;
    table[name] = two ? value() + value() : value();
  }
  return table;
}

/**
 * The module the bundles get in place of `decode-named-character-reference`: the same function, answering the same
 * (the character or characters a name stands for, or false), over the compact table. The table is unpacked on the
 * first call, so loading the extension costs nothing for it; most documents have no named references at all.
 */
export function compactDecoderSource(table = characterEntities) {
  const { names, values } = encodeEntities(table);
  return [
    `const MARKERS = ${JSON.stringify(MARKERS)};`,
    `const TWO = ${JSON.stringify(TWO)};`,
    decodeEntities.toString(),
    'const own = {}.hasOwnProperty;',
    'let table;',
    'export function decodeNamedCharacterReference(value) {',
    `  table ??= decodeEntities(${JSON.stringify(names)}, ${JSON.stringify(values)});`,
    '  return own.call(table, value) ? table[value] : false;',
    '}',
    '',
  ].join('\n');
}

/** What the package does, which the module above repeats: if this changes in a new version, review it first. */
const LOOKUP = 'return own.call(characterEntities, value) ? characterEntities[value] : false';

/**
 * esbuild plugin: resolves `decode-named-character-reference` to the compact module above, with the table taken
 * from the very `character-entities` that the package itself would have imported.
 */
export const compactEntitiesPlugin = {
  name: 'compact-character-entities',
  setup(build) {
    const SKIP = Symbol('compact-entities');
    build.onResolve({ filter: /^decode-named-character-reference$/ }, async (args) => {
      if (args.pluginData === SKIP) return undefined;
      const real = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: SKIP });
      if (real.errors.length > 0) return { errors: real.errors };
      if (!readFileSync(real.path, 'utf8').includes(LOOKUP)) {
        return { errors: [{ text: `${real.path} no longer looks names up as compact-entities.mjs expects: review the plugin` }] };
      }
      const entities = await build.resolve('character-entities', { kind: 'import-statement', resolveDir: path.dirname(real.path) });
      if (entities.errors.length > 0) return { errors: entities.errors };
      return { path: entities.path, namespace: 'compact-entities' };
    });
    build.onLoad({ filter: /.*/, namespace: 'compact-entities' }, async (args) => {
      const { characterEntities: table } = await import(pathToFileURL(args.path).href);
      return { contents: compactDecoderSource(table), loader: 'js', watchFiles: [args.path] };
    });
  },
};
