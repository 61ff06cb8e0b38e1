// The bundles decode HTML5 named character references (`&ngE;`, `&fjlig;` …) from a compact copy of the
// `character-entities` table (scripts/compact-entities.mjs, wired in by scripts/build.mjs). It must answer exactly
// as the package does, for every name, and load with nothing a web worker lacks.
import { describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { characterEntities } from 'character-entities';
import { decodeNamedCharacterReference as realDecode } from 'decode-named-character-reference';
import { compactEntitiesPlugin, decodeEntities, encodeEntities } from '../../scripts/compact-entities.mjs';

const root = path.resolve(__dirname, '../..');

/** Bundles decode-named-character-reference as the extension's bundles do and loads it in a bare sandbox. */
async function bundledDecoder(platform: 'node' | 'browser'): Promise<{ decode: (name: string) => string | false; inputs: string[]; bytes: number }> {
  const result = await esbuild.build({
    absWorkingDir: root,
    stdin: { contents: "export { decodeNamedCharacterReference } from 'decode-named-character-reference';", resolveDir: path.join(root, 'src'), loader: 'js' },
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    charset: 'utf8',
    format: 'cjs',
    platform,
    conditions: platform === 'browser' ? ['worker', 'browser'] : [],
    plugins: [compactEntitiesPlugin],
    logLevel: 'silent',
  });
  const mod = { exports: {} as { decodeNamedCharacterReference?: (name: string) => string | false } };
  // Only what any JavaScript realm has: no document, window, require or process.
  vm.runInNewContext(result.outputFiles[0].text, { module: mod, exports: mod.exports });
  return { decode: mod.exports.decodeNamedCharacterReference!, inputs: Object.keys(result.metafile!.inputs), bytes: result.outputFiles[0].contents.length };
}

describe('compact table of character references', () => {
  it('turns back into the very same table: every name, in order, with its value', () => {
    const { names, values } = encodeEntities();
    const table = decodeEntities(names, values);
    expect(Object.keys(table)).toEqual(Object.keys(characterEntities));
    expect(table).toEqual(characterEntities);
    expect(Object.keys(table)).toHaveLength(2125);
  });

  it('round-trips awkward tables too: names that are prefixes of the one before, long shared prefixes, two code points, astral values', () => {
    const table = { emsp13: '\u2004', emsp14: '\u2005', emsp: '\u2003', NotNestedGreaterGreater: '\u2AA2\u0338', NotNestedLessLess: '\u2AA1\u0338', Afr: '\u{1D504}', fjlig: 'fj', a: '"', b: '\\', c: '~', d: '\n' };
    const { names, values } = encodeEntities(table);
    expect(decodeEntities(names, values)).toEqual(table);
  });

  it('refuses a table it cannot write: a name outside [A-Za-z0-9] or a value of three code points', () => {
    expect(() => encodeEntities({ 'a-b': 'x' })).toThrow(/unexpected name/);
    expect(() => encodeEntities({ ab: 'xyz' })).toThrow(/code points/);
  });

  for (const platform of ['node', 'browser'] as const) {
    it(`bundled for ${platform}, decodes every name as decode-named-character-reference does, in a realm without document`, async () => {
      const { decode, inputs } = await bundledDecoder(platform);
      for (const name of Object.keys(characterEntities)) expect(decode(name), name).toBe(realDecode(name));
      for (const name of ['bogus', 'amp;', 'AMP ', '', '__proto__', 'constructor', 'hasOwnProperty', 'toString', '#123', 'x26'])
        expect(decode(name), name).toBe(false);
      expect(decode('fjlig')).toBe('fj');
      expect(decode('NotNestedGreaterGreater')).toBe('\u2AA2\u0338');
      expect(decode('Afr')).toBe('\u{1D504}');
      // The package's own table is not in the bundle, only the compact copy.
      expect(inputs.filter((i) => !i.startsWith('compact-entities:') && /character-entities/.test(i))).toEqual([]);
      expect(inputs.some((i) => i.startsWith('compact-entities:'))).toBe(true);
    });
  }

  it('is smaller than the package table it replaces', async () => {
    const { bytes } = await bundledDecoder('node');
    const plain = await esbuild.build({
      absWorkingDir: root,
      stdin: { contents: "export { decodeNamedCharacterReference } from 'decode-named-character-reference';", resolveDir: path.join(root, 'src'), loader: 'js' },
      bundle: true, write: false, minify: true, charset: 'utf8', format: 'cjs', platform: 'node', logLevel: 'silent',
    });
    expect(bytes).toBeLessThan(plain.outputFiles[0].contents.length * 0.6);
  });

  it('the built CLI decodes named references in a heading as before', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-entities-'));
    try {
      writeFileSync(
        path.join(dir, 'letter.md'),
        '# Office changes\n\nThe proposals have the following aims:\n\n**Merge the teams &amp; the f&fjlig;ord desk &bogus;** – bring the two teams together by April.\n\n**Close the old office** – end the lease in March.\n',
      );
      writeFileSync(path.join(dir, 'response.md'), 'We support merging the teams.\n');
      const out = execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'compare', 'letter.md', 'response.md', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
      const titles = (JSON.parse(out) as { letter: { aims: Array<{ title: string }> } }).letter.aims.map((a) => a.title);
      expect(titles).toContain('Merge the teams & the ffjord desk &bogus;');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The bundles are written in UTF-8 (charset: 'utf8' in scripts/build.mjs), so their non-ASCII text must survive
// being read back as UTF-8, which is how Node and the web extension host read them.
describe('bundles written in UTF-8', () => {
  it('dist/cli.js keeps its non-ASCII messages as characters, not escapes', () => {
    const cli = readFileSync(path.join(root, 'dist/cli.js'), 'utf8');
    // Written with charset: 'ascii', every one of these would be a \u escape.
    expect(cli).toMatch(/[’·¶]/);
  });
});
