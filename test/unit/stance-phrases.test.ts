import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse';
import { classifyStance } from '../../src/core/stance/stance';

function stanceOf(...paragraphs: string[]) {
  const doc = parseDocument(paragraphs.join('\n\n'));
  return classifyStance(doc, doc.blocks.map((b) => b.span));
}

describe('stance: plainer ways of agreeing', () => {
  it('reads backing, good news, endorsement and contentment as support', () => {
    expect(stanceOf('Moving the payroll team to one site is welcome news and the branch will back it.').stance).toBe('support');
    expect(stanceOf('Restoring the library mobile service is great news for rural residents.').stance).toBe('support');
    expect(stanceOf('Members endorse the new mileage rates.').stance).toBe('support');
    expect(stanceOf('We are happy to support the later start time for nights.').stance).toBe('support');
    expect(stanceOf('Staff side is content with the revised rota template.').stance).toBe('support');
    expect(stanceOf('We agree with this recommendation on sickness triggers.').stance).toBe('support');
  });

  it('reads willingness to agree on conditions as qualified, though the conditions that follow are concerns', () => {
    const relief = 'A relief pool could end the late changes to shifts, and we are prepared to support one on conditions. Relief working should be voluntary, and six weeks of notice is too short.';
    expect(stanceOf(relief).stance).toBe('qualified');
    expect(stanceOf('The branch is willing to accept the new rota on the following conditions: no loss of pay and a review after six months.').stance).toBe('qualified');
  });

  it('does not read "back" as agreement when it means return', () => {
    expect(stanceOf('Members want the night allowance brought back to its old level and are deeply concerned by the cut.').stance).toBe('concern');
  });
});

describe('stance: plainer ways of refusing', () => {
  it('reads "the answer is no", objection and refusal as oppose', () => {
    expect(stanceOf('As for weekend opening at the Eastgate office, our answer is a firm no.').stance).toBe('oppose');
    expect(stanceOf('The committee strongly objects to the loss of the twilight shift.').stance).toBe('oppose');
    expect(stanceOf('We will never agree to compulsory transfers between wards.').stance).toBe('oppose');
  });
});

describe('stance: conditions and unreserved agreement', () => {
  it('reads agreement with an explicit condition as qualified', () => {
    expect(stanceOf('We support annualised hours, but only if no one loses pay over the year.').stance).toBe('qualified');
    expect(stanceOf('The branch agrees with the new banding, subject to a right of appeal.').stance).toBe('qualified');
    expect(stanceOf('Members accept the move on condition that travel time is paid.').stance).toBe('qualified');
  });

  it('lets unreserved support stand against "in principle" in another passage', () => {
    const r = stanceOf('We wholeheartedly welcome the offer of permanent posts to agency cover staff.', 'A shared timetable is something we accept in principle.');
    expect(r.stance).toBe('support');
    expect(stanceOf('The mentoring scheme has our backing without reservation.').stance).toBe('support');
  });

  it('still reads "in principle" on its own as qualified', () => {
    expect(stanceOf('A shared timetable is something we accept in principle.').stance).toBe('qualified');
  });
});

describe('stance: passages of different confidence', () => {
  const paras = ['On the induction programme, we are glad to see it and support it.', 'Some of this is acceptable in principle, if the rota allows.'];
  it('lets a sure passage\'s position stand against a weak one that disagrees', () => {
    const doc = parseDocument(paras.join('\n\n'));
    const spans = doc.blocks.map((b) => b.span);
    expect(classifyStance(doc, spans, undefined, [1, 0.3]).stance).toBe('support');
  });
  it('weighs passages of like confidence together', () => {
    const doc = parseDocument(paras.join('\n\n'));
    const spans = doc.blocks.map((b) => b.span);
    expect(classifyStance(doc, spans, undefined, [0.9, 0.85]).stance).toBe('qualified');
    expect(classifyStance(doc, spans).stance).toBe('qualified');
  });
});
