import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse';
import { silencedBy } from '../../src/core/document/directives';
import { findClaims } from '../../src/core/claims/claims';

const doc = (body: string) => parseDocument(`---\nrole: letter\ndate: 2026-06-01\n---\n\n${body}\n`, 'letter.md');
const statuses = (body: string) => findClaims(doc(body)).map((c) => [c.status, c.silencedReason]);

describe('directives silence flagged claims', () => {
  it('disable-next-line with a rule and a reason', () => {
    const body = [
      '<!-- counterpoint-disable-next-line unevidenced-claim -- minutes are in the annex -->',
      'The rota was agreed with the unions.',
      '',
      'The pay offer was agreed with the unions.',
    ].join('\n');
    expect(statuses(body)).toEqual([
      ['silenced', 'minutes are in the annex'],
      ['unevidenced', undefined],
    ]);
    const [c] = findClaims(doc(body));
    expect(c.message).toMatch(/^Silenced by a directive on line \d+ \(minutes are in the annex\)\. Without it: The letter says/);
  });

  it('covers every sentence of the next block, which may wrap over several lines', () => {
    const body = ['<!-- counterpoint-disable-next-line -->', 'Some background first.', 'The rota was agreed with', 'the unions.'].join('\n');
    expect(statuses(body)).toEqual([['silenced', undefined]]);
  });

  it('does not silence another rule', () => {
    const body = ['<!-- counterpoint-disable-next-line disputed-claim -- settled -->', 'The rota was agreed with the unions.'].join('\n');
    expect(statuses(body)).toEqual([['unevidenced', undefined]]);
  });

  it('disable … enable covers a range, for the rules it names', () => {
    const body = [
      'The rota was agreed with the unions.',
      '',
      '<!-- counterpoint-disable unevidenced-claim, overstated-claim -- settled at the May JNCC -->',
      '',
      'The pay offer was agreed with the unions.',
      '',
      'The grading was agreed with UNISON.',
      '',
      '<!-- counterpoint-enable unevidenced-claim -->',
      '',
      'The mileage rate was agreed with GMB.',
    ].join('\n');
    expect(statuses(body)).toEqual([
      ['unevidenced', undefined],
      ['silenced', 'settled at the May JNCC'],
      ['silenced', 'settled at the May JNCC'],
      ['unevidenced', undefined],
    ]);
  });

  it('a disable with no enable runs to the end of the document', () => {
    expect(statuses(['<!-- counterpoint-disable -->', '', 'The rota was agreed with the unions.', '', 'It was shared with staff side.'].join('\n'))).toEqual([
      ['silenced', undefined],
      ['silenced', undefined],
    ]);
  });

  it('leaves statements that are not flagged alone', () => {
    expect(statuses(['<!-- counterpoint-disable-next-line -->', 'The rota has not been agreed with the unions.'].join('\n'))).toEqual([['negated', undefined]]);
  });

  it('ignores directives in code, other comments, and a directive at the very end', () => {
    const body = ['```', '<!-- counterpoint-disable -->', '```', '', '<!-- just a note -->', 'The rota was agreed with the unions.', '', '<!-- counterpoint-disable-next-line -->'].join('\n');
    expect(statuses(body)).toEqual([['unevidenced', undefined]]);
  });

  it('silencedBy answers for a span', () => {
    const d = doc(['<!-- counterpoint-disable-next-line unevidenced-claim -->', 'Line one.'].join('\n'));
    const start = d.source.indexOf('Line one.');
    expect(silencedBy(d.directives, 'unevidenced-claim', { start, end: start + 9 })?.kind).toBe('disable-next-line');
    expect(silencedBy(d.directives, 'disputed-claim', { start, end: start + 9 })).toBeUndefined();
    expect(silencedBy(d.directives, 'unevidenced-claim', { start: 0, end: 3 })).toBeUndefined();
  });
});
