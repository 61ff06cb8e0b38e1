import { describe, expect, it } from 'vitest';
import { describeDate, findDates, formatDate, parseDate, relateDates } from '../../src/core/text/dates';

describe('parseDate', () => {
  it.each([
    ['12 March 2026', '2026-03-12'],
    ['12th March 2026', '2026-03-12'],
    ['Thursday 12th of March 2026', '2026-03-12'],
    ['March 12, 2026', '2026-03-12'],
    ['2026-03-12', '2026-03-12'],
    ['12/03/2026', '2026-03-12'],
    ['12.03.26', '2026-03-12'],
    ['1/2/2026', '2026-02-01'],
    ['Date: 14 September 2026', '2026-09-14'],
  ])('%s → %s (day first)', (text, iso) => {
    const d = parseDate(text);
    expect(d?.precision).toBe('day');
    expect(d?.from).toBe(iso);
    expect(d?.to).toBe(iso);
  });

  it('reads months and seasons as ranges', () => {
    expect(parseDate('March 2026')).toMatchObject({ precision: 'month', from: '2026-03-01', to: '2026-03-31' });
    expect(parseDate('February 2028')).toMatchObject({ to: '2028-02-29' });
    expect(parseDate('Spring 2026')).toMatchObject({ precision: 'season', season: 'spring', from: '2026-03-01', to: '2026-05-31' });
    expect(parseDate('autumn 2026')).toMatchObject({ from: '2026-09-01', to: '2026-11-30' });
    expect(parseDate('Winter 2026/27')).toMatchObject({ from: '2026-12-01', to: '2027-02-28' });
    expect(parseDate('Q3 2026')).toMatchObject({ precision: 'quarter', from: '2026-07-01', to: '2026-09-30' });
  });

  it('takes the year from the options when the text has none', () => {
    expect(parseDate('12th March')).toMatchObject({ precision: 'day', day: 12, month: 3 });
    expect(parseDate('12th March')?.from).toBeUndefined();
    expect(parseDate('12th March', { year: 2027 })).toMatchObject({ from: '2027-03-12', yearAssumed: true });
    expect(parseDate('the spring', { year: 2026 })).toMatchObject({ from: '2026-03-01', yearAssumed: true });
  });

  it('rejects impossible dates and text that is not only a date', () => {
    expect(parseDate('31/02/2026')).toBeUndefined();
    expect(parseDate('2026-13-40')).toBeUndefined();
    expect(parseDate('next Tuesday')).toBeUndefined();
    expect(parseDate('we may 5')).toBeUndefined();
    expect(parseDate('12 March 2026 and 13 March 2026')).toBeUndefined();
    expect(parseDate('')).toBeUndefined();
  });
});

describe('findDates', () => {
  it('finds every date with its offsets', () => {
    const text = 'Agreed at the NNC on 12 March 2026; delivery moved from Spring 2026 to Autumn 2026.';
    const found = findDates(text);
    expect(found.map((d) => d.text)).toEqual(['12 March 2026', 'Spring 2026', 'Autumn 2026']);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('does not read the verb "may" as a month', () => {
    expect(findDates('The unions may wish to comment by 5 May 2026.').map((d) => d.text)).toEqual(['5 May 2026']);
  });

  it('is linear on long adversarial input', () => {
    const text = '1/'.repeat(100000) + ' 12 12 12 '.repeat(20000);
    const t0 = performance.now();
    findDates(text);
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});

describe('formatting and comparing', () => {
  it('writes dates in words', () => {
    expect(formatDate('2026-07-03')).toBe('3 July 2026');
    expect(describeDate(parseDate('Spring 2026')!)).toBe('spring 2026');
    expect(describeDate(parseDate('March 2026')!)).toBe('March 2026');
  });

  it('relates ranges', () => {
    expect(relateDates(parseDate('Spring 2026')!, parseDate('Autumn 2026')!)).toBe('earlier');
    expect(relateDates(parseDate('Autumn 2026')!, parseDate('Spring 2026')!)).toBe('later');
    expect(relateDates(parseDate('April 2026')!, parseDate('Spring 2026')!)).toBe('overlapping');
    expect(relateDates(parseDate('12th March')!, parseDate('Spring 2026')!)).toBeUndefined();
  });
});
