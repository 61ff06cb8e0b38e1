// Minifies the style sheets and webview scripts of the HTML pages (src/core/report/*.ts) when they are bundled.
// They are written readably as tagged template literals, css`…` and js`…` (src/core/report/css.ts); esbuild's
// minifier leaves the text inside a template alone, so this plugin hands each tagged literal to esbuild's own CSS
// or JavaScript minifier and puts the result in its place as a plain string: the same rules and the same script,
// without the white space (about a third of the sheets). Line breaks are kept after the string so that line
// numbers in the rest of the file, and so the source maps, stay right.
import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';

/** A `css` or `js` tag right after `=`, `+`, `(` or `,` (so never the words in a comment), and its literal. */
const TAGGED = /(?<=[=+(,]\s*)\b(css|js)`([^`]*)`/g;

/** The source with every tagged literal minified; refuses `${…}` and backslashes, which it does not handle. */
export async function minifyTagged(source, file = '') {
  let out = '';
  let last = 0;
  for (const m of source.matchAll(TAGGED)) {
    const [whole, tag, text] = m;
    if (text.includes('${') || text.includes('\\')) throw new Error(`${file}: a ${tag}\`…\` literal must be plain text (no \${…}, no backslash)`);
    // Scripts: white space and local names only; esbuild's syntax minifier may drop code it judges to do nothing.
    const minify = tag === 'css' ? { minify: true } : { minifyWhitespace: true, minifyIdentifiers: true };
    const result = await transform(text, { loader: tag, ...minify, charset: 'utf8', logLevel: 'silent' });
    if (result.warnings.length > 0) throw new Error(`${file}: ${tag}\`…\`: ${result.warnings.map((w) => w.text).join('; ')}`);
    const lines = whole.split('\n').length - 1;
    out += source.slice(last, m.index) + JSON.stringify(result.code.trim()) + '\n'.repeat(lines);
    last = m.index + whole.length;
  }
  return out + source.slice(last);
}

/** esbuild plugin: applies `minifyTagged` to src/core/report/*.ts. */
export const minifyTemplatesPlugin = {
  name: 'minify-tagged-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]report[\\/][^\\/]+\.ts$/ }, async (args) => ({
      contents: await minifyTagged(await readFile(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};
