import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse';
import { extractAims } from '../../src/core/aims/extract';
import { alignAims, paragraphNumbers } from '../../src/core/align/align';
import { countWords, stem, tokenize } from '../../src/core/align/text';
import fc from 'fast-check';
import type { Alignment } from '../../src/core/contract';
import { compare } from '../../src/core/analyse';

const LETTER = `# Court Services Redesign

Dear colleagues,

I am writing to update you on the Court Services Redesign. Court teams have faced rising listings and late
reports since the last restructure.

The redesign has the following aims:

**Consolidate court hubs** – bring the eleven magistrates' court teams into four regional hubs.

**Standardise pre-sentence reports** – move to a single short-format report for most cases.

**Strengthen case allocation** – introduce a single allocation desk in each hub.

**Invest in court staff** – provide a new induction programme and protected learning time.

Yours sincerely,

Regional Director
`;

function run(letter: string, response: string) {
  const l = parseDocument(letter, 'letter.md');
  const r = parseDocument(response, 'response.md');
  const aims = extractAims(l);
  const result = alignAims(l, aims, r);
  const byTitle = new Map<string, Alignment>();
  aims.forEach((a, i) => byTitle.set(a.title, result.alignments[i]));
  const paras = (title: string) => byTitle.get(title)!.passages.map((p) => p.paragraph);
  return { l, r, aims, ...result, byTitle, paras };
}

/** Every passage and point is the exact source text at its position. */
function expectExact(source: string, result: { alignments: Alignment[]; points: Array<{ text: string; position: { start: { offset: number }; end: { offset: number } } }> }) {
  const doc = parseDocument(source);
  for (const a of result.alignments) {
    for (const p of a.passages) {
      expect(doc.source.slice(p.position.start.offset, p.position.end.offset)).toBe(p.text);
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(1);
      expect(p.reasons.length).toBeGreaterThan(0);
    }
    for (const c of a.cues) expect(doc.source.slice(c.position.start.offset, c.position.end.offset)).toBe(c.text);
  }
  for (const p of result.points) expect(doc.source.slice(p.position.start.offset, p.position.end.offset)).toBe(p.text);
}

describe('alignment', () => {
  it('follows restated headings, leaves an unanswered aim unaddressed and reports the union\'s own points', () => {
    const response = `# Branch response

Dear Director,

Thank you for your letter of 14 September.

The letter says the redesign "has been agreed with the trade unions". This is not the case.

## Consolidate court hubs

We have significant concerns about this aim. Members in smaller teams would face long journeys.

We ask for the travel analysis before any decision.

## Standardise pre-sentence reports

While we agree with the sentiment, we have very real concerns about the extra work.

## Strengthen case allocation

The branch has no issues with this aim, and we welcome it.

## Other matters

The branch was not told of the summer engagement sessions in advance.

Yours sincerely,

Branch Secretary
`;
    const r = run(LETTER, response);
    expect(r.paras('Consolidate court hubs')).toEqual([4, 5]);
    expect(r.paras('Standardise pre-sentence reports')).toEqual([6]);
    expect(r.paras('Strengthen case allocation')).toEqual([7]);
    expect(r.byTitle.get('Invest in court staff')).toMatchObject({ stance: 'unaddressed', passages: [], cues: [] });
    expect(r.byTitle.get('Consolidate court hubs')!.stance).toBe('concern');
    expect(r.byTitle.get('Standardise pre-sentence reports')!.stance).toBe('qualified');
    expect(r.byTitle.get('Strengthen case allocation')!.stance).toBe('support');
    expect(r.byTitle.get('Consolidate court hubs')!.passages[1].reasons).toContain('follows restatement');
    // Greeting, courtesy and sign-off are neither passages nor points; the correction and the other matter are points.
    expect(r.points.map((p) => p.paragraph)).toEqual([3, 8]);
    expectExact(response, r);
  });

  it('treats a verbatim restatement as the aim\'s own text, not a passage or a point', () => {
    const response = `Consolidate court hubs – bring the eleven magistrates' court teams into four regional hubs.

Napo does not support this. Members would face journeys of over an hour.

Standardise pre-sentence reports – move to a single short-format report for most cases.

This aim is welcome, and members have asked for it.
`;
    const r = run(LETTER, response);
    expect(r.paras('Consolidate court hubs')).toEqual([2]);
    expect(r.paras('Standardise pre-sentence reports')).toEqual([4]);
    expect(r.points).toEqual([]);
    expect(r.byTitle.get('Consolidate court hubs')!.stance).toBe('oppose');
  });

  it('finds blockquoted aims and the answer after them, and a paragraph answering two aims', () => {
    const response = `> **Consolidate court hubs** – bring the eleven magistrates' court teams into four regional hubs.
>
> **Strengthen case allocation** – introduce a single allocation desk in each hub.

We take these two together. Members have not yet seen the hub locations or the desk staffing, and we ask for both.

> **Standardise pre-sentence reports** – move to a single short-format report

We oppose a single short format for most cases.
`;
    const r = run(LETTER, response);
    expect(r.paras('Consolidate court hubs')).toEqual([3]);
    expect(r.paras('Strengthen case allocation')).toEqual([3]);
    expect(r.paras('Standardise pre-sentence reports')).toEqual([5]);
    expect(r.byTitle.get('Strengthen case allocation')!.stance).toBe('concern');
    expect(r.byTitle.get('Standardise pre-sentence reports')!.stance).toBe('oppose');
  });

  it('reads a numbered aim quoted whole ("> 1. …") as restating it, and the reply after the quote as its answer', () => {
    const letter = `# Court Services Redesign

Dear colleagues,

We propose to:

1. Bring the eleven magistrates' court teams into four regional hubs.
2. Move to a single short-format pre-sentence report for most cases.
3. Introduce a single allocation desk in each hub.

Yours sincerely,

Regional Director
`;
    // The replies share no word with the aims they answer: only the quotes say which aim each is about.
    const response = `> 1. Bring the eleven magistrates' court teams into four regional hubs.

Noted; the branch has no comment at present.

> 2. Move to a single short-format pre-sentence report for most cases.

Members are worried about this. Please send us the evaluation of last year's trial.

> 3. Introduce a single allocation desk in each hub.

We welcome this.

We would welcome the meeting offered in your letter. Please contact the branch secretary to agree a time.
`;
    const r = run(letter, response);
    const [hubs, reports, desk] = r.alignments;
    expect(hubs.passages.map((p) => p.paragraph)).toEqual([2]);
    expect(hubs.stance).toBe('concern');
    expect(hubs.passages[0].reasons).toContain('follows restatement');
    expect(reports.passages.map((p) => p.paragraph)).toEqual([4]);
    expect(reports.stance).toBe('concern');
    // The closing offer of a meeting is courtesy: it answers no aim and is no point of the union's own.
    expect(desk.passages.map((p) => p.paragraph)).toEqual([6]);
    expect(desk.stance).toBe('support');
    expect(r.points).toEqual([]);
  });

  it("does not take a heading made of the letter's title words for a restatement of the one aim that shares a word", () => {
    const letter = `# Changes to the Daily Regime and Staff Deployment

Dear colleagues,

From 7 July we will:

- introduce a standard core day in all four establishments, with unlock at 08:00;
- close the regime on Friday afternoons to make protected time for training;
- replace the local shift patterns with a single Group-wide detail;
- move Operational Support Grades into a pool that can be deployed to any site.

Yours sincerely,

Prison Group Director
`;
    const response = `# Response

## Regime changes

We welcome the principle of a standard core day, but only with a published minimum staffing level for each wing.

The Friday afternoon closure is one we can support.

## Deployment

The POA does not accept the replacement of local shift patterns with a single Group-wide detail.

On the Operational Support Grades pool, we need far more information before we can respond.
`;
    const r = run(letter, response);
    const [core, friday, shifts, pool] = r.alignments;
    expect(core.passages.map((p) => p.paragraph)).toEqual([1]);
    expect(friday.passages.map((p) => p.paragraph)).toEqual([2]);
    expect(shifts.passages.map((p) => p.paragraph)).toEqual([3]);
    expect(shifts.stance).toBe('oppose');
    expect(pool.passages.map((p) => p.paragraph)).toEqual([4]);
    expect(pool.stance).toBe('concern');
  });

  it('reads the stance on each aim of a paragraph answering two in the sentences about that aim', () => {
    const response = `Dear Director,

Members have asked for a single allocation desk in each hub for years, and we support it without reservation. A single short-format pre-sentence report is a different matter: we oppose it, because most cases are too complex for it.

Yours sincerely,

Branch Secretary
`;
    const r = run(LETTER, response);
    expect(r.paras('Strengthen case allocation')).toEqual([2]);
    expect(r.paras('Standardise pre-sentence reports')).toEqual([2]);
    expect(r.byTitle.get('Strengthen case allocation')!.stance).toBe('support');
    expect(r.byTitle.get('Standardise pre-sentence reports')!.stance).toBe('oppose');
    expect(r.byTitle.get('Standardise pre-sentence reports')!.cues.map((c) => c.text)).toEqual(['we oppose']);
  });

  it("reports a paragraph correcting the letter's account of the consultation as a point, not an answer", () => {
    const response = `Dear Director,

First, we must correct the statement in your letter that these proposals were developed with the branch. They were not: the induction programme and the learning time were never put to us.

We oppose a single short-format report for most cases.

Yours sincerely,

Branch Secretary
`;
    const r = run(LETTER, response);
    expect(r.paras('Invest in court staff')).toEqual([]);
    expect(r.points.map((p) => p.paragraph)).toEqual([2]);
  });

  it('reads a paragraph of italic words alone as a heading restating an aim, not as an answer', () => {
    const response = `Dear Director,

Members discussed the redesign at a branch meeting on 3 May.

*Regional court hubs*

Members have no issues with this, provided nobody has to travel further than now.

*One short report*

We oppose it: most cases are too complex.

Yours sincerely,

Branch Secretary
`;
    const r = run(LETTER, response);
    expect(r.paras('Consolidate court hubs')).toEqual([4]);
    expect(r.byTitle.get('Consolidate court hubs')!.passages[0].reasons).toContain('follows restatement');
    expect(r.paras('Standardise pre-sentence reports')).toEqual([6]);
    expect(r.byTitle.get('Standardise pre-sentence reports')!.stance).toBe('oppose');
    expect(r.points.map((p) => p.paragraph)).toEqual([2]);
  });

  it('finds paraphrased answers in another order, without restatements, by their words', () => {
    const response = `Dear Director,

On induction and learning time for court officers, we welcome the new programme and the protected time.

A single desk in each hub to allocate cases is something members have asked for, and we support it.

Merging eleven court teams into four hubs is wholly unrealistic for staff in the smaller courts.

Separately, the car park at the county court has been closed for a month.

Yours faithfully,

Branch Secretary
`;
    const r = run(LETTER, response);
    expect(r.paras('Invest in court staff')).toEqual([2]);
    expect(r.paras('Strengthen case allocation')).toEqual([3]);
    expect(r.paras('Consolidate court hubs')).toEqual([4]);
    expect(r.byTitle.get('Standardise pre-sentence reports')!.stance).toBe('unaddressed');
    expect(r.byTitle.get('Consolidate court hubs')!.stance).toBe('oppose');
    expect(r.points.map((p) => p.paragraph)).toEqual([5]);
    expect(r.byTitle.get('Strengthen case allocation')!.passages[0].reasons).toContain('lexical');
  });

  it('answers a bold lead-in restatement in the same paragraph, and a response table row by row', () => {
    const lead = `**Court hubs.** We do not support the move to four hubs.

**Case allocation.** We welcome the allocation desk.
`;
    const r1 = run(LETTER, lead);
    expect(r1.paras('Consolidate court hubs')).toEqual([1]);
    expect(r1.paras('Strengthen case allocation')).toEqual([2]);
    expect(r1.byTitle.get('Consolidate court hubs')!.passages[0].reasons[0]).toBe('restated');
    const table = `| Aim | Our view |
|---|---|
| Court hubs | We do not support the move to four hubs. |
| Pre-sentence reports | We welcome a shorter report in principle, but it must not add to workloads. |
`;
    const r2 = run(LETTER, table);
    expect(r2.paras('Consolidate court hubs')).toEqual([2]);
    expect(r2.paras('Standardise pre-sentence reports')).toEqual([3]);
    expect(r2.byTitle.get('Standardise pre-sentence reports')!.stance).toBe('qualified');
  });

  it('has no alignments for an aim-less letter, and reports every substantive paragraph as a point', () => {
    const r = run('Dear colleagues,\n\nThe meeting will take place on 12 November.\n\nKind regards,\n\nLauren\n', 'Dear Lauren,\n\nWe would like to add the delay in paying enhancements to the agenda.\n\nBest wishes,\n\nNadia\n');
    expect(r.aims).toEqual([]);
    expect(r.alignments).toEqual([]);
    expect(r.points.map((p) => p.paragraph)).toEqual([2]);
  });

  it('handles empty documents', () => {
    expect(run('', '')).toMatchObject({ alignments: [], points: [] });
    const r = run(LETTER, '');
    expect(r.alignments.every((a) => a.stance === 'unaddressed')).toBe(true);
  });

  it('keeps exact positions with CRLF line endings and a byte-order mark', () => {
    const response = '\ufeff## Consolidate court hubs\r\n\r\nWe have significant concerns about the hubs.\r\n\r\n## Strengthen case allocation\r\n\r\nWe welcome it.\r\n';
    const letter = LETTER.replace(/\n/g, '\r\n');
    const r = run(letter, response);
    expect(r.paras('Consolidate court hubs')).toEqual([1]);
    expect(r.paras('Strengthen case allocation')).toEqual([2]);
    expectExact(response, r);
    expect(r.byTitle.get('Consolidate court hubs')!.passages[0].position.start.line).toBe(3);
  });

  it('numbers paragraphs by blocks of prose, headings left out', () => {
    const doc = parseDocument('# Title\n\nOne.\n\n## Part\n\nTwo.\n\n- Three\n- Four\n\n| a | b |\n|---|---|\n| c | d |\n');
    expect(paragraphNumbers(doc)).toEqual([0, 1, 0, 2, 3, 4, 5, 6]);
  });

  it('fills aims and alignments in compare', () => {
    const result = compare({ path: 'letter.md', text: LETTER }, { path: 'response.md', text: '## Strengthen case allocation\n\nWe welcome it.\n' });
    expect(result.letter.aims).toHaveLength(4);
    expect(result.alignments.map((a) => a.stance)).toEqual(['unaddressed', 'unaddressed', 'support', 'unaddressed']);
  });
});

describe('words for retrieval', () => {
  it('stems inflections and derivations of a word to one stem', () => {
    for (const group of [
      ['supervisors', 'supervisory', 'supervision'],
      ['rostering', 'rostered', 'roster'],
      ['closure', 'closing', 'closed'],
      ['allocate', 'allocation', 'allocated'],
      ['redeployment', 'redeployed'],
    ]) {
      expect(new Set(group.map(stem)).size, group.join(', ')).toBe(1);
    }
    expect(stem('staff')).not.toBe(stem('start'));
  });

  it('splits on hyphens, keeps inner apostrophes and drops possessives', () => {
    expect(tokenize("The union's e-rostering don’t members'").map((t) => t.word)).toEqual(['the', 'union', 'e', 'rostering', "don't", 'members']);
  });

  it('counts the words it would make, up to a limit, without making them', () => {
    const pieces = ['a', 'É', '9', "'", '’', '-', ' ', '\n', 'ß', '×', 'Ω', "'s", 'word'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.nat({ max: 12 }), (parts, limit) => {
        const text = parts.join('');
        expect(countWords(text)).toBe(tokenize(text).length);
        expect(countWords(text, limit)).toBe(tokenize(text, 0, text.length, limit).length);
      }),
      { numRuns: 2000 },
    );
    expect(countWords("The union's e-rostering don’t members'")).toBe(6);
  });
});
