// The report pages' style sheets and scripts are written readably as css`…` and js`…` literals and minified when
// bundled (scripts/minify-templates.mjs). The bundled page must be the same page: same markup, a shorter sheet.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { minifyTagged } from '../../scripts/minify-templates.mjs';
import { run } from '../../src/cli/main';
import { BASE_CSS, THEME_CSS } from '../../src/core/report/css';

const root = path.resolve(__dirname, '../..');
const samples = ['samples/letter.md', 'samples/response.md'].map((f) => path.join(root, f));

const styleOf = (html: string) => /<style[^>]*>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
const withoutStyle = (html: string) => html.replace(/<style([^>]*)>[\s\S]*?<\/style>/, '<style$1></style>');

describe('minifying the tagged style sheets and scripts', () => {
  it('replaces each css`…` and js`…` literal with a minified string, keeping every line break', async () => {
    const source = ['const A = css`', 'body {', '  margin: 0;', '}', '`;', 'const B = x + js`(function () {', '  const total = 1 + 2;', '  return total;', '})();`;', ''].join('\n');
    const out = await minifyTagged(source);
    expect(out.split('\n')).toHaveLength(source.split('\n').length);
    expect(out).toContain('const A = "body{margin:0}"');
    // Nothing is dropped from a script, even what does nothing: only white space and local names go.
    expect(out).toMatch(/const B = x \+ "\(function\(\)\{const (\w)=1\+2;return \1\}\)\(\);"/);
    expect(out).not.toContain('css`');
  });

  it('leaves the words css and js in comments and other templates alone', async () => {
    const source = '// the `css` and `js` tags\nconst t = `css` + foo`x`;\n';
    expect(await minifyTagged(source)).toBe(source);
  });

  it('refuses a tagged literal with a substitution or a backslash, rather than mangle it', async () => {
    await expect(minifyTagged('const A = css`a { b: ${c}; }`;', 'x.ts')).rejects.toThrow(/plain text/);
    await expect(minifyTagged('const A = css`a::before { content: "\\2014"; }`;', 'x.ts')).rejects.toThrow(/plain text/);
  });

  it('the src/core/report sheets minify without a warning', async () => {
    for (const f of ['css.ts', 'html.ts', 'versions-html.ts']) {
      const source = readFileSync(path.join(root, 'src/core/report', f), 'utf8');
      const out = await minifyTagged(source, f);
      expect(out.split('\n').length, f).toBe(source.split('\n').length);
    }
    expect(THEME_CSS).toContain('--cp-bg');
    expect(BASE_CSS).toContain('.loc');
  });

  it('the built CLI prints the same report as the source renderers, with a shorter style sheet', () => {
    let fromSource = '';
    expect(run(['compare', ...samples, '--format', 'html'], (s) => (fromSource += s), false)).toBe(0);
    const bundled = execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'compare', ...samples, '--format', 'html'], { encoding: 'utf8' });
    expect(withoutStyle(bundled)).toBe(withoutStyle(fromSource));
    expect(styleOf(bundled).length).toBeGreaterThan(2000);
    expect(styleOf(bundled).length).toBeLessThan(styleOf(fromSource).length * 0.9);
    expect(styleOf(bundled)).not.toContain('\n');
  });
});
