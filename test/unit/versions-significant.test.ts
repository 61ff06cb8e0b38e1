import { describe, expect, it } from 'vitest';
import { dateChanges, modalChanges, numberChanges, significantChanges } from '../../src/core/versions/significant';

const described = (list: Array<{ description: string }>) => list.map((c) => c.description);

describe('dates and deadlines', () => {
  it('reports a deadline moved later, with both dates as written', () => {
    const changes = dateChanges('Implement nationally – by Spring 2026.', 'Implement nationally – by Autumn 2026.');
    expect(changes).toEqual([{ kind: 'date', description: 'deadline moved from Spring 2026 to Autumn 2026 (later)', old: 'Spring 2026', new: 'Autumn 2026', change: 'later' }]);
  });

  it('reports a deadline brought forward, and full dates', () => {
    expect(described(dateChanges('The new system must be live by 30 September 2027.', 'The new system must be live by 31 March 2027.'))).toEqual([
      'deadline moved from 30 September 2027 to 31 March 2027 (earlier)',
    ]);
  });

  it('reads a start date, a month without a year and the end of a year', () => {
    expect(described(dateChanges('with recruitment starting in January.', 'with recruitment starting in March.'))).toEqual(['start date moved from January to March']);
    expect(described(dateChanges('merge the depots by the end of 2026.', 'merge the depots by the end of 2027.'))).toEqual(['deadline moved from the end of 2026 to the end of 2027 (later)']);
  });

  it('reports a date added or removed, and nothing when dates are unchanged', () => {
    expect(described(dateChanges('Close the office.', 'Close the office by December 2026.'))).toEqual(['deadline added: December 2026']);
    expect(described(dateChanges('Close the office in March 2027, as planned.', 'Close the Halton Street office in March 2027.'))).toEqual([]);
  });
});

describe('figures', () => {
  it('reports a number changed with its unit, in words or digits', () => {
    expect(described(numberChanges("bring the eleven court teams into four regional hubs", "bring the eleven court teams into three regional hubs"))).toEqual([
      'figure changed from four regional hubs to three',
    ]);
    expect(numberChanges('Recruit 40 call handlers.', 'Recruit 25 call handlers.')[0]).toMatchObject({ change: 'decreased', old: '40 call handlers', new: '25 call handlers' });
  });

  it('reports percentages and sums of money', () => {
    expect(described(numberChanges('Staff will spend at least 60% of their time in the office.', 'Staff will spend at least 40% of their time in the office.'))).toEqual(['figure changed from 60% to 40%']);
    expect(described(numberChanges('a consolidated payment of £1,200 a year', 'a consolidated payment of £900 a year'))).toEqual(['figure changed from £1,200 to £900']);
  });

  it('pairs figures by their unit, not their order', () => {
    expect(described(numberChanges('reduce from 60 to 48 hours a week', 'reduce from 60 to 52 hours a week'))).toEqual(['figure changed from 48 hours to 52']);
    expect(described(numberChanges('work from home for up to two shifts a week', 'work from home for one shift a week'))).toEqual(['figure changed from two shifts to one']);
  });

  it('does not read the numbers of a date as figures', () => {
    expect(numberChanges('by 31 March 2027', 'by 30 September 2027')).toEqual([]);
  });
});

describe('commitments', () => {
  it('reports will softened to may, and must to should', () => {
    expect(modalChanges('We will pilot self-rostering on two wards.', 'We may pilot self-rostering on two wards.')).toEqual([
      { kind: 'modal', description: "commitment softened from 'We will' to 'We may'", old: 'We will', new: 'We may', change: 'softened' },
    ]);
    expect(described(modalChanges('All new starters must complete the course.', 'All new starters should complete the course.'))).toEqual([
      "commitment softened from 'must' to 'should'",
    ]);
  });

  it('reports an intention hardened into a commitment', () => {
    expect(modalChanges('We intend to introduce waking night cover.', 'We will introduce waking night cover.')).toEqual([
      { kind: 'modal', description: "commitment hardened from 'We intend to' to 'We will'", old: 'We intend to', new: 'We will', change: 'hardened' },
    ]);
  });

  it('reports a qualification added or removed', () => {
    expect(described(modalChanges('Cap contact teaching at 550 hours.', 'Cap contact teaching at 550 hours, where operationally possible.'))).toEqual([
      "qualification added: 'where operationally possible'",
    ]);
    expect(modalChanges('We will do this where possible.', 'We will do this.')[0]).toMatchObject({ change: 'hardened' });
  });

  it('does not take the month of May for a modal verb', () => {
    expect(modalChanges('The review will report in May 2026.', 'The review will report in June 2026.')).toEqual([]);
    expect(significantChanges('The review will report in May 2026.', 'The review will report in June 2026.').map((c) => c.kind)).toEqual(['date']);
  });

  it('reports will turned into will not as a change, not a softening', () => {
    expect(modalChanges('We will close the office.', 'We will not close the office.')[0]).toMatchObject({ change: 'changed', old: 'We will', new: 'We will not' });
  });
});

describe('qualifications in general form', () => {
  it('reads "where staffing allows", "if resources permit" and the like as qualifications', () => {
    expect(described(modalChanges('Each team will run a daily duty rota.', 'Each team will run a daily duty rota, where staffing allows.'))).toEqual(["qualification added: 'where staffing allows'"]);
    expect(described(modalChanges('We will fund two posts.', 'We will fund two posts if resources permit.'))).toEqual(["qualification added: 'if resources permit'"]);
    expect(modalChanges('Staff may work as they wish.', 'Staff may work as they wish.')).toEqual([]);
  });
});
