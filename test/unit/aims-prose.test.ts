import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse';
import { extractAims } from '../../src/core/aims/extract';

function texts(text: string): string[] {
  return extractAims(parseDocument(text, 'letter.md')).map((a) => a.text.replace(/\s+/g, ' '));
}

describe('aims: passive and connective prose', () => {
  const letter = [
    'Dear colleagues,',
    '',
    'The county library service has faced a fall in visits for three years running. This letter sets out what we mean to change.',
    '',
    'Opening hours at branch libraries are being looked at. It is proposed that Saturday afternoon opening be ended at the six smallest branches.',
    '',
    'Further, it is also proposed that the mobile library be replaced by a home delivery service run with volunteers.',
    '',
    'We will discuss these plans with the unions at the next joint committee.',
    '',
    'Yours sincerely,',
    '',
    'Head of Libraries',
  ].join('\n');

  it('finds "it is proposed that …" when it is not the first sentence of its paragraph, and after a connective', () => {
    const t = texts(letter);
    expect(t.some((x) => x.startsWith('It is proposed that Saturday afternoon opening be ended'))).toBe(true);
    expect(t.some((x) => x.includes('the mobile library be replaced by a home delivery service'))).toBe(true);
    expect(t.some((x) => x.includes('joint committee'))).toBe(false);
  });

  it('keeps "it is proposed to meet …" out: that is the letter\'s process', () => {
    const t = texts('Dear all,\n\nIt is proposed to meet the branch officers on 4 March.\n\nYours,\n\nJo Bloggs');
    expect(t).toEqual([]);
  });
});

describe('aims: a prose aim after a run of bold numbered lead-ins', () => {
  const letter = [
    'Dear representatives,',
    '',
    '**1. Shift length.** Day shifts in the control room will move from eight to ten hours.',
    '',
    '**2. Overtime.** Overtime will be allocated through a single regional pool.',
    '',
    'Alongside this, the service will issue new headsets to every call handler by March.',
    '',
    'Separately, the service will issue a further update once the pilot ends.',
    '',
    'Yours faithfully,',
    '',
    'Operations Manager',
  ].join('\n');

  it('takes the additive prose aim but not the promise of a further update', () => {
    const t = texts(letter);
    expect(t.length).toBe(3);
    expect(t[2]).toContain('issue new headsets to every call handler');
  });

  it('ignores an ordinary "will" sentence after structured aims when nothing marks it as another item', () => {
    const t = texts(letter.replace('Alongside this, the service', 'The service'));
    expect(t.length).toBe(2);
  });
});

describe('aims: intentions in prose after a belief, and the employer by its own name', () => {
  const letter = [
    'Dear Dev,',
    '',
    'We intend to close the Withernsea jobcentre when its lease ends. We recognise that this means longer journeys for some claimants, and so we also plan to set up outreach surgeries in Withernsea, held fortnightly in the public library.',
    '',
    'Alongside the estate changes, the district will move to an appointment-only model in all of its jobcentres from September. Claimants who arrive without an appointment will still be seen where they are in urgent need.',
    '',
    'We recognise that these are difficult changes, and we will meet the branch as often as needed.',
    '',
    'Yours sincerely,',
    '',
    'District Manager',
  ].join('\n');

  it('takes the intention stated in a clause after "We recognise that …", and "the district will move to …"', () => {
    const t = texts(letter);
    expect(t.some((x) => x.includes('we also plan to set up outreach surgeries'))).toBe(true);
    expect(t.some((x) => x.startsWith('Alongside the estate changes, the district will move to an appointment-only model'))).toBe(true);
    expect(t.some((x) => x.startsWith('Claimants who arrive'))).toBe(false);
    // A belief followed by a promise about the letter's own process states no aim.
    expect(t.some((x) => x.includes('meet the branch'))).toBe(false);
  });
});
