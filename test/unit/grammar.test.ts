// The injection grammar in syntaxes/, tokenised with vscode-textmate + vscode-oniguruma (the libraries VS Code
// itself uses) inside VS Code's own Markdown grammar, as it is injected in the editor.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const contribution = pkg.contributes.grammars.find((g: { injectTo?: string[] }) => g.injectTo?.includes('text.html.markdown'));
const injectionPath = path.join(root, contribution.path);
const injection = JSON.parse(readFileSync(injectionPath, 'utf8'));
const markdownPath = path.join(__dirname, 'grammar-fixtures', 'markdown.tmLanguage.json');

let grammar: vsctm.IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(path.join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === 'text.html.markdown') return vsctm.parseRawGrammar(readFileSync(markdownPath, 'utf8'), markdownPath);
      if (scopeName === injection.scopeName) return vsctm.parseRawGrammar(readFileSync(injectionPath, 'utf8'), injectionPath);
      return null;
    },
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [injection.scopeName] : undefined),
  });
  const g = await registry.loadGrammar('text.html.markdown');
  if (!g) throw new Error('the Markdown grammar did not load');
  grammar = g;
});

interface Token {
  text: string;
  scopes: string[];
}

function tokenise(text: string): Token[][] {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The text covered, line by line, by tokens having a scope that starts with `prefix`, joined per run. */
function scoped(text: string, prefix: string): string[] {
  const out: string[] = [];
  for (const line of tokenise(text)) {
    let run = '';
    for (const t of line) {
      if (t.scopes.some((s) => s.startsWith(prefix))) run += t.text;
      else if (run) {
        out.push(run);
        run = '';
      }
    }
    if (run) out.push(run);
  }
  return out;
}

function scopesOf(text: string, fragment: string): string[] {
  for (const line of tokenise(text)) {
    for (const t of line) if (t.text.includes(fragment)) return t.scopes;
  }
  throw new Error(`no token holds "${fragment}"`);
}

describe('package.json grammar contribution', () => {
  it('injects into Markdown with an L: selector and the scope name the file declares', () => {
    expect(contribution.scopeName).toBe(injection.scopeName);
    expect(injection.injectionSelector).toMatch(/^L:text\.html\.markdown\b/);
  });
});

describe('claim phrases', () => {
  it('scopes the strongest claims of involvement with their rung, under meta.counterpoint.claim', () => {
    const text = [
      'This restructure has been agreed with the trade unions.',
      'The new rota was jointly agreed at the JNCC.',
      'The plans were drawn up in consultation with staff side colleagues.',
      'Following consultation with UNISON, the policy was amended.',
      'Engagement sessions were held in every office.',
    ].join('\n');
    expect(scoped(text, 'meta.counterpoint.claim.agreed')).toEqual(['agreed with the trade unions', 'jointly agreed']);
    expect(scoped(text, 'meta.counterpoint.claim.consulted')).toEqual(['in consultation with', 'Following consultation with']);
    expect(scoped(text, 'meta.counterpoint.claim.engaged')).toEqual(['Engagement sessions']);
    expect(scoped(text, 'meta.counterpoint.claim.party')).toEqual(['staff side']);
  });

  it('gives claims a standard scope that themes already colour', () => {
    expect(scopesOf('It was agreed with the unions in March.', 'agreed with the unions')).toContain('markup.bold');
    expect(scopesOf('It went ahead in consultation with Napo.', 'in consultation with')).toContain('markup.italic');
  });

  it('matches regardless of case and of the spacing between words', () => {
    expect(scoped('AGREED WITH THE  TRADE UNIONS in full', 'meta.counterpoint.claim.agreed')).toEqual(['AGREED WITH THE  TRADE UNIONS']);
  });

  it('finds claims inside emphasis, list items, headings and block quotes', () => {
    const text = ['- The changes were **agreed with the unions** last year.', '## Agreed with the trade unions', '> jointly agreed by both sides'].join('\n');
    expect(scoped(text, 'meta.counterpoint.claim.agreed')).toEqual(['agreed with the unions', 'Agreed with the trade unions', 'jointly agreed']);
  });

  it('leaves code, inline code, links and ordinary words alone', () => {
    const text = [
      '```',
      'agreed with the trade unions',
      '```',
      'Use `agreed with the unions` as the example.',
      'See <https://example.org/agreed-with-the-unions> and [the note](https://example.org/jointly-agreed).',
      'We agreed to meet the union reps on Tuesday. The agreement was signed.',
      'Disagreed with the unions? Unagreed.',
    ].join('\n');
    expect(scoped(text, 'meta.counterpoint.claim')).toEqual([]);
  });
});

describe('directives', () => {
  const text = '<!-- counterpoint-disable-next-line unevidenced-claim -- minutes are in annex B -->\nThe plan was agreed with the unions.';

  it('scopes a counterpoint-disable-next-line comment as a comment with a keyword, the rule and the reason', () => {
    expect(scopesOf(text, 'counterpoint-disable-next-line')).toEqual(expect.arrayContaining(['comment.block.html', 'meta.counterpoint.directive.markdown', 'keyword.other.directive.counterpoint']));
    expect(scopesOf(text, 'unevidenced-claim')).toContain('constant.language.rule.counterpoint');
    expect(scoped(text, 'meta.counterpoint.reason')).toEqual([' minutes are in annex B ']);
    expect(scopesOf(text, '-->')).toContain('punctuation.definition.comment.end.html');
  });

  it('does not scope the claim phrases written inside the directive, but does on the next line', () => {
    const t = '<!-- counterpoint-disable -- not agreed with the unions, see minutes -->\nIt was agreed with the unions.';
    expect(scoped(t, 'meta.counterpoint.claim')).toEqual(['agreed with the unions']);
    expect(tokenise(t)[1].some((tok) => tok.scopes.includes('meta.counterpoint.claim.agreed.markdown'))).toBe(true);
  });

  it('scopes counterpoint-enable and a directive spread over two lines', () => {
    expect(scopesOf('<!-- counterpoint-enable -->', 'counterpoint-enable')).toContain('keyword.other.directive.counterpoint');
    const two = tokenise('<!-- counterpoint-disable disputed-claim\n   -- settled at the May JNCC -->\nNext paragraph.');
    expect(two[1].every((t) => t.scopes.includes('meta.counterpoint.directive.markdown'))).toBe(true);
    expect(two[2].some((t) => t.scopes.includes('meta.counterpoint.directive.markdown'))).toBe(false);
  });

  it('leaves other HTML comments to the Markdown grammar', () => {
    const scopes = scopesOf('<!-- counterpointless remark -->', 'remark');
    expect(scopes).toContain('comment.block.html');
    expect(scopes.some((s) => s.startsWith('meta.counterpoint'))).toBe(false);
  });
});

describe('annotation comments', () => {
  it('scopes <!-- note: … --> with a keyword for the label', () => {
    const text = 'A paragraph. <!-- note: ask for the travel analysis -->';
    expect(scopesOf(text, 'note')).toEqual(expect.arrayContaining(['comment.block.html', 'meta.counterpoint.annotation.markdown', 'keyword.other.annotation.counterpoint']));
    expect(scoped(text, 'meta.counterpoint.annotation.body')).toEqual([' ask for the travel analysis ']);
  });

  it('scopes other labels (todo, query) on a line of their own', () => {
    expect(scopesOf('<!-- TODO: check the date -->', 'TODO')).toContain('keyword.other.annotation.counterpoint');
    expect(scopesOf('<!-- query: who attended? -->', 'query')).toContain('keyword.other.annotation.counterpoint');
  });
});
