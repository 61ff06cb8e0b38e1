import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/core/document/parse';
import { extractAims, type LetterAim } from '../../src/core/aims/extract';

function aimsOf(text: string): LetterAim[] {
  return extractAims(parseDocument(text, 'letter.md'));
}

function texts(text: string): string[] {
  return aimsOf(text).map((a) => a.text.replace(/\s+/g, ' '));
}

/** Every aim's text is the source between its offsets, and its line and column agree with the offsets. */
function expectExact(source: string, aims: LetterAim[]): void {
  const doc = parseDocument(source);
  for (const a of aims) {
    expect(doc.source.slice(a.position.start.offset, a.position.end.offset)).toBe(a.text);
    expect(a.span).toEqual({ start: a.position.start.offset, end: a.position.end.offset });
    const before = doc.source.slice(0, a.position.start.offset);
    const line = before.split(/\r\n|\r|\n/).length;
    expect(a.position.start.line).toBe(line);
  }
}

const BACKGROUND = `Dear colleagues,

I am writing to set out the next stage of the review, which the Board commissioned in the spring.

Demand on the service has grown by a fifth since 2022 and vacancies remain high in several teams.
`;
const SIGNOFF = `
Formal consultation will follow once the proposals are finalised.

Yours sincerely,

Jane Smith
Director of Operations
jane.smith@example.org
`;

describe('aim formats', () => {
  it('finds bold lead-ins with en-dashes after an introducing sentence, titled by the lead-in', () => {
    const src = `${BACKGROUND}
The review has the following aims:

**Release workforce capacity** – streamline case management processes and rebalance roles.

**Provide operational consistency** – reduce model complexity and clarify roles.
${SIGNOFF}`;
    const aims = aimsOf(src);
    expect(aims.map((a) => a.title)).toEqual(['Release workforce capacity', 'Provide operational consistency']);
    expect(aims.map((a) => a.format)).toEqual(['lead-in', 'lead-in']);
    expect(aims[0].text).toBe('**Release workforce capacity** – streamline case management processes and rebalance roles.');
    expect(aims.map((a) => a.id)).toEqual(['aim-1', 'aim-2']);
    expectExact(src, aims);
  });

  it('finds plain "Title: text" and "Title - text" lead-ins', () => {
    const colon = `${BACKGROUND}
The review will focus on three areas:

Rostering: move all domestic teams onto the e-rostering system used by nursing.

Shift patterns: replace split shifts in catering with two fixed shifts.

Supervision: reduce the number of supervisors from 28 to 20.
${SIGNOFF}`;
    expect(aimsOf(colon).map((a) => a.title)).toEqual(['Rostering', 'Shift patterns', 'Supervision']);
    const hyphen = `${BACKGROUND}
The measures are:

Centralised listing - move listing officers into a regional listing centre.

Digital case files - end the use of paper files in the Crown Court.
${SIGNOFF}`;
    const aims = aimsOf(hyphen);
    expect(aims.map((a) => a.title)).toEqual(['Centralised listing', 'Digital case files']);
    expectExact(hyphen, aims);
  });

  it('finds numbered list items after an introducing sentence, with the item as the position', () => {
    const src = `${BACKGROUND}
The proposals are:

1. Close the BA Theology programme to new entrants from September 2027.
2. Merge the School of Humanities and the School of Social Sciences.
3. Reduce the number of teaching weeks from 30 to 28.
${SIGNOFF}`;
    const aims = aimsOf(src);
    expect(aims).toHaveLength(3);
    expect(aims.every((a) => a.format === 'list item')).toBe(true);
    expect(aims[0].text).toBe('Close the BA Theology programme to new entrants from September 2027.');
    expect(aims[1].title).toBe('Merge the School of Humanities and the School…');
    expectExact(src, aims);
  });

  it('finds bulleted items under a Proposals heading without an introducing sentence', () => {
    const src = `# Patient transport redesign

## Background

The service carries 1,100 patients a day from seven stations.

## Proposals

- Reduce the number of stations from seven to four.
- Introduce a single rotating shift pattern for all crews.
`;
    expect(texts(src)).toEqual(['Reduce the number of stations from seven to four.', 'Introduce a single rotating shift pattern for all crews.']);
  });

  it('finds a list of one item with a lead-in of its own among lead-in aims, and none in a Next steps section', () => {
    const letter = `# Crewing proposals

Dear Brigade Secretary,

## Wholetime crewing

**Reduce minimum crewing** – from five to four on all first-line appliances from October.

**Create a crewing pool** – establish a pool of twenty firefighters at headquarters to cover detached duties.

- Introduce day-crewing at Ashby: move Ashby to a day-crewed duty system from April, with on-call cover overnight.

## Next steps

- The consultation runs until 30 June and we will write again after it closes.

Yours sincerely,

Director of Service Delivery
`;
    expect(aimsOf(letter).map((a) => a.title)).toEqual(['Reduce minimum crewing', 'Create a crewing pool', 'Introduce day-crewing at Ashby']);
  });

  it('finds a heading per aim: the heading and its first paragraph, not the detail after it', () => {
    const src = `# Changes for September

${BACKGROUND}
## 1. A common school day

All eight schools will adopt the same school day, from 8:40am to 3:20pm.

Schools that finish at 3pm will need to adjust their bus contracts.

## 2. Centralised cover

We will create a Trust cover team of twelve cover supervisors.

## Next steps

We would welcome comments by 27 March.
`;
    const aims = aimsOf(src);
    expect(aims.map((a) => a.title)).toEqual(['A common school day', 'Centralised cover']);
    expect(aims[0].format).toBe('heading');
    expect(aims[0].text).toBe('1. A common school day\n\nAll eight schools will adopt the same school day, from 8:40am to 3:20pm.');
    expect(aims[0].text).not.toContain('bus contracts');
    expectExact(src, aims);
  });

  it('finds table rows, skipping the header row, with the row\'s cells as the position', () => {
    const src = `${BACKGROUND}
| Aim | Detail | From |
|---|---|---|
| A single pay policy | All teachers move onto one pay policy | September 2026 |
| Appraisal | One appraisal policy across all schools | January 2027 |
${SIGNOFF}`;
    const aims = aimsOf(src);
    expect(aims.map((a) => a.title)).toEqual(['A single pay policy', 'Appraisal']);
    expect(aims[0].format).toBe('table row');
    expect(aims[0].text).toBe('A single pay policy | All teachers move onto one pay policy | September 2026');
    expectExact(src, aims);
  });

  it('finds aims stated in prose, and leaves process, belief and past narration alone', () => {
    const src = `Dear Priya,

I am writing to set out the Agency's proposals, which we would like to introduce next year.

In 2023 we introduced a teaching-focused pathway, and forty colleagues have since been promoted through it.

Our proposal is to reduce the network from fourteen offices to nine by March 2028. Staff in those offices would be offered a place at their nearest remaining office.

We also intend to introduce shared desking at a ratio of six desks for every ten staff.

The review will look at the location of our fraud investigation teams.

The aim is to replace the current three-year probation with a two-year probation.

We plan to introduce a requirement that all staff obtain Fellowship within two years.

We propose to pay excess fares for three years.

We believe the framework will make careers clearer and fairer.

We will write to you again once the consultation has concluded, and a formal consultation will begin in February.

Best wishes,

Angela
`;
    const aims = aimsOf(src);
    expect(aims.every((a) => a.format === 'prose')).toBe(true);
    expect(aims.map((a) => a.title)).toEqual([
      'Reduce the network from fourteen offices to nine…',
      'Introduce shared desking at a ratio of six…',
      'Look at the location of our fraud investigation…',
      'Replace the current three-year probation with a two-year…',
      'Introduce a requirement that all staff obtain Fellowship…',
      'Pay excess fares for three years',
    ]);
    // The aim covers the sentence stating it and the sentence that continues it, not the whole paragraph's neighbours.
    expect(aims[0].text).toBe(
      'Our proposal is to reduce the network from fourteen offices to nine by March 2028. Staff in those offices would be offered a place at their nearest remaining office.',
    );
    expectExact(src, aims);
  });
});

describe('what is not an aim', () => {
  it('leaves out lists of attendees, documents and unions, and the letter furniture', () => {
    const src = `# Notice of meeting

Dear colleagues,

The following members have confirmed their attendance:

- Alan Birtles, Director of Workforce (Chair)
- Nadia Kowalczyk, UNISON Branch Secretary

The papers for the meeting are:

1. Minutes of the meeting held on 10 September 2026
2. Workforce report for Quarter 2

These proposals will be the subject of consultation with the recognised unions:

- UNISON
- GMB

Lunch will be provided after the meeting.

Kind regards,

Lauren Pike
lauren.pike@example.org
`;
    expect(aimsOf(src)).toEqual([]);
  });

  it('gives no aims for an empty letter, a blank one, or one with only a greeting and sign-off', () => {
    expect(aimsOf('')).toEqual([]);
    expect(aimsOf('\n\n   \n')).toEqual([]);
    expect(aimsOf('Dear colleagues,\n\nThank you for your time last week.\n\nYours sincerely,\n\nJane\n')).toEqual([]);
  });

  it('does not take "To:", "From:" and "Date:" header lines or a background section for aims', () => {
    const src = `**To:** Branch Secretary
**From:** Director of Estates
**Date:** 3 March 2026

Dear colleagues,

## Background

We will need to save four per cent this year, and the review will report in the autumn.

## Proposals

1. Move all domestic teams onto e-rostering.
2. Replace split shifts with two fixed shifts.
`;
    expect(aimsOf(src).map((a) => a.title)).toEqual(['Move all domestic teams onto e-rostering', 'Replace split shifts with two fixed shifts']);
  });
});

describe('positions', () => {
  it('keeps exact positions with CRLF line endings and a byte-order mark', () => {
    const lf = `${BACKGROUND}
The review has the following aims:

**Consolidate court hubs** – bring the eleven court teams into four hubs.

**Standardise reports** – move to a single short-format report.
${SIGNOFF}`;
    const crlf = '\ufeff' + lf.replace(/\n/g, '\r\n');
    const aims = aimsOf(crlf);
    expect(aims.map((a) => a.title)).toEqual(['Consolidate court hubs', 'Standardise reports']);
    expectExact(crlf, aims);
    expect(aims[1].position.start.line).toBe(aimsOf(lf)[1].position.start.line);
  });

  it('gives exact positions for every aim of every fixture letter', () => {
    const root = join(process.cwd(), 'test/fixtures/pairs');
    let count = 0;
    for (const name of readdirSync(root)) {
      const src = readFileSync(join(root, name, 'letter.md'), 'utf8');
      const aims = aimsOf(src);
      expectExact(src, aims);
      aims.forEach((a, i) => expect(a.id).toBe(`aim-${i + 1}`));
      count += aims.length;
    }
    expect(count).toBeGreaterThan(60);
  });
});
