import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse';
import { extractAims } from '../../src/core/aims/extract';
import { alignAims } from '../../src/core/align/align';

const LETTER = `Dear branch secretary,

The library service has set out the following proposals:

- Close the Eastfield branch library and move its stock to the town centre.
- Replace Saturday opening with a rota of late evenings on Tuesdays and Thursdays.
- Introduce self-service kiosks at every remaining branch.
- Transfer the mobile library to a volunteer trust.

Yours sincerely,

Head of Libraries
`;

function run(response: string) {
  const l = parseDocument(LETTER, 'letter.md');
  const r = parseDocument(response, 'response.md');
  const aims = extractAims(l);
  const result = alignAims(l, aims, r);
  const paras = (word: string) => {
    const i = aims.findIndex((a) => a.text.includes(word));
    expect(i).toBeGreaterThanOrEqual(0);
    return result.alignments[i].passages.map((p) => p.paragraph);
  };
  return { aims, result, paras };
}

describe('align: one paragraph naming two aims', () => {
  it('aligns "On X and Y, …" to both aims', () => {
    const { paras } = run(`Dear Head of Libraries,

On the Eastfield closure and the late-evening rota, members say no. Both would hit part-time staff hardest.

The kiosks are welcome if no posts are lost.

Handing the mobile library to a volunteer trust is something we cannot accept.

Branch Secretary
`);
    expect(paras('Eastfield')).toContain(2);
    expect(paras('Saturday')).toContain(2);
    expect(paras('kiosks')).toEqual([3]);
  });
});

describe('align: preamble before the first answer', () => {
  it('does not align an opening paragraph that takes no position on one shared noun', () => {
    const { paras } = run(`Dear Head of Libraries,

We visited the Eastfield library and the central library last week to talk to staff. What follows is their view.

Closing Eastfield is wrong and we oppose it.

Members do not support losing Saturday opening.

Branch Secretary
`);
    expect(paras('Eastfield')).toEqual([3]);
  });

  it('still aligns an opening paragraph that does take a position', () => {
    const { paras } = run(`Dear Head of Libraries,

We oppose the closure of the Eastfield library.

Members do not support losing Saturday opening.

Branch Secretary
`);
    expect(paras('Eastfield')).toEqual([2]);
  });
});

describe('align: a heading restating an aim by one rare word', () => {
  it('lets a short heading sharing one word of a single aim\'s title govern the paragraph under it', () => {
    const { paras } = run(`Dear Head of Libraries,

## Eastfield

We oppose the closure.

## Kiosks for borrowers

Machines can help with returns, but we want every branch to keep a staffed desk.

## Weekends

Members do not support losing Saturday opening.

Branch Secretary
`);
    expect(paras('kiosks')).toEqual([3]);
    expect(paras('Eastfield')).toEqual([2]);
  });
});

describe('align: an opening word naming one aim\'s topic', () => {
  const response = `Dear Head of Libraries,

We oppose the closure of the Eastfield library.

The kiosk idea is a different question. Members want to know who maintains the machines and who answers queries when they fail.

One more thing: the staff room at the central library still has no heating.

Branch Secretary
`;
  it('aligns a paragraph whose opening words name a word only one aim\'s title holds', () => {
    const { paras } = run(response);
    expect(paras('kiosks')).toEqual([3]);
  });
  it('leaves a paragraph that turns to another matter as the union\'s own point', () => {
    const { result } = run(response);
    expect(result.points.map((p) => p.paragraph)).toContain(4);
  });
});

describe('align: a paragraph after "On …," that opens on another aim\'s topic', () => {
  it('is not kept under the earlier restatement when its words lean to that aim', () => {
    const { paras } = run(`Dear Head of Libraries,

We oppose closing Eastfield.

On the mobile library: handing it to a volunteer trust is something we cannot accept.

A kiosk service at each library would be welcome, provided no volunteer is asked to run it.

Branch Secretary
`);
    expect(paras('mobile library')).toEqual([3]);
    expect(paras('kiosks')).toEqual([4]);
  });
});
