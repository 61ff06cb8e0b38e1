import { describe, expect, it } from 'vitest';
import { readFlatYaml } from '../../src/core/document/flat-yaml';
import { readFrontMatter } from '../../src/core/document/front-matter';

describe('readFlatYaml', () => {
  it('reads plain and quoted scalars, comments and lists', () => {
    const r = readFlatYaml(
      [
        '# a comment',
        'role: letter   # trailing comment',
        'date: 2026-09-14',
        'from: "Regional Director: North West"',
        "title: 'It''s the review'",
        'unions: [Napo, UNISON, "GMB"]',
        'copied-to:',
        '  - Branch secretaries',
        '  - Staff side',
        'empty:',
        'nothing: ~',
      ].join('\n'),
    );
    expect(r.error).toBeUndefined();
    expect(r.data).toEqual({
      role: 'letter',
      date: '2026-09-14',
      from: 'Regional Director: North West',
      title: "It's the review",
      unions: ['Napo', 'UNISON', 'GMB'],
      'copied-to': ['Branch secretaries', 'Staff side'],
      empty: '',
      nothing: '',
    });
  });

  it('keeps a nested structure as raw text under its key, evaluating nothing', () => {
    const r = readFlatYaml('meta:\n  author: HR\n  tags: !!js/function "function(){}"\nrole: response');
    expect(r.data.role).toBe('response');
    expect(r.data.meta).toBe('  author: HR\n  tags: !!js/function "function(){}"');
  });

  it('reports the first line it cannot read', () => {
    expect(readFlatYaml('role: letter\nthis is prose').error).toBe('line 2 is not "key: value"');
    expect(readFlatYaml('  indented: first').error).toBe('line 1 is indented but belongs to no key');
  });

  it('is linear on a long hostile line', () => {
    const r = readFlatYaml(`title: "${'\\\\'.repeat(100000)}`);
    expect(typeof r.data.title).toBe('string');
  });
});

describe('readFrontMatter', () => {
  it('maps the known keys and keeps the rest', () => {
    const r = readFrontMatter('role: Response\nresponds-to: ../letters/letter.md\nconsultation-log: log.md\nbranch: North West');
    expect(r.warning).toBeUndefined();
    expect(r.data).toEqual({ role: 'response', respondsTo: '../letters/letter.md', consultationLog: 'log.md', extra: { branch: 'North West' } });
  });

  it('warns about a bad role and a list where one value is wanted', () => {
    const r = readFrontMatter('role: memo\ndate: [1, 2]');
    expect(r.warning).toBe('Front matter: "role" should be "letter" or "response", not "memo"; "date" should be a single value.');
  });
});
