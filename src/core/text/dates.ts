/**
 * Dates as UK letters write them: "12 March 2026", "Thursday 12th March", "12th of March 2026", "March 12, 2026",
 * "2026-03-12", "12/03/2026" and "12.03.26" (day first, as in the UK), "March 2026", "Spring 2026",
 * "Winter 2026/27", "Q3 2026". Each mention becomes a range of ISO days (`from`..`to`, both inclusive): a day is
 * a one-day range, a month or a season a longer one. A mention without a year ("12th March", "the spring") takes
 * the year from `options.year` when given, and otherwise has no `from`/`to`.
 *
 * Pure string code, one precompiled regular expression with no nested quantifiers: linear in the text.
 */

export type DatePrecision = 'day' | 'month' | 'season' | 'quarter' | 'year';
export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

export interface DateMention {
  /** The mention as written. */
  text: string;
  /** Offsets of the mention in the text searched (end exclusive). */
  start: number;
  end: number;
  precision: DatePrecision;
  /** First day covered, `yyyy-mm-dd`; absent when the year is not known. */
  from?: string;
  /** Last day covered, `yyyy-mm-dd`; absent when the year is not known. */
  to?: string;
  year?: number;
  /** 1..12 */
  month?: number;
  day?: number;
  season?: Season;
  quarter?: number;
  /** True when the year came from `options.year`, not from the text. */
  yearAssumed?: boolean;
}

export interface DateOptions {
  /** The year to assume for a mention that has none ("12th March"). */
  year?: number;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Meteorological seasons, as UK organisations use them: spring is March to May. */
const SEASONS: Record<Season, { first: number; last: number }> = {
  spring: { first: 3, last: 5 },
  summer: { first: 6, last: 8 },
  autumn: { first: 9, last: 11 },
  winter: { first: 12, last: 2 },
};

const MONTH_RE = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const DAY_RE = '([0-3]?\\d)(?:st|nd|rd|th)?';
const WEEKDAY_RE = '(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?,?\\s+)?';
const YEAR_RE = '((?:19|20)\\d\\d)';

/**
 * The alternatives, tried left to right at each position. Every quantifier is bounded or applies to a single
 * character class, so matching is linear.
 */
const DATE_PATTERN = new RegExp(
  [
    // 1: ISO 2026-03-12
    `\\b((?:19|20)\\d\\d)-(\\d\\d?)-(\\d\\d?)\\b`,
    // 4: day first numeric 12/03/2026, 12.03.26, 12-03-2026
    `\\b(\\d\\d?)([/.\\-])(\\d\\d?)\\5((?:19|20)?\\d\\d)\\b(?![/.\\-]\\d)`,
    // 8: [weekday] 12[th] [of] March [2026]
    `\\b${WEEKDAY_RE}${DAY_RE}(?:\\s+of)?\\s+${MONTH_RE}(?:,?\\s+${YEAR_RE})?\\b`,
    // 11: March 12[th][,] [2026]
    `\\b${MONTH_RE}\\s+${DAY_RE}(?:,?\\s+${YEAR_RE})?\\b(?!\\s*(?:%|per\\b))`,
    // 14: March 2026
    `\\b${MONTH_RE}\\s+${YEAR_RE}\\b`,
    // 16: Spring 2026, spring of 2026, winter 2026/27, the spring
    `\\b(spring|summer|autumn|winter)(?:\\s+(?:of\\s+)?${YEAR_RE}(?:\\s*[/-]\\s*(\\d\\d(?:\\d\\d)?))?)?\\b`,
    // 19: Q3 2026
    `\\b[qQ]([1-4])\\s+${YEAR_RE}\\b`,
  ].join('|'),
  'gi',
);

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

function dayMention(base: Pick<DateMention, 'text' | 'start' | 'end'>, year: number | undefined, month: number, day: number, options: DateOptions): DateMention | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const y = year ?? options.year;
  if (day > (y === undefined ? daysInMonth(2024, month) : daysInMonth(y, month))) return undefined;
  const out: DateMention = { text: base.text, start: base.start, end: base.end, precision: 'day', month, day };
  if (y !== undefined) {
    out.year = y;
    out.from = out.to = iso(y, month, day);
    if (year === undefined) out.yearAssumed = true;
  }
  return out;
}

function monthMention(base: Pick<DateMention, 'text' | 'start' | 'end'>, year: number, month: number): DateMention {
  return { text: base.text, start: base.start, end: base.end, precision: 'month', year, month, from: iso(year, month, 1), to: iso(year, month, daysInMonth(year, month)) };
}

function seasonMention(base: Pick<DateMention, 'text' | 'start' | 'end'>, season: Season, year: number | undefined, options: DateOptions, assumed: boolean): DateMention {
  const out: DateMention = { text: base.text, start: base.start, end: base.end, precision: 'season', season };
  const y = year ?? options.year;
  if (y !== undefined) {
    const { first, last } = SEASONS[season];
    out.year = y;
    out.from = iso(y, first, 1);
    const endYear = season === 'winter' ? y + 1 : y;
    out.to = iso(endYear, last, daysInMonth(endYear, last));
    if (assumed || year === undefined) out.yearAssumed = true;
  }
  return out;
}

function fromMatch(m: RegExpExecArray, options: DateOptions): DateMention | undefined {
  const base = { text: m[0], start: m.index, end: m.index + m[0].length };
  if (m[1] !== undefined) return dayMention(base, Number(m[1]), Number(m[2]), Number(m[3]), options);
  if (m[4] !== undefined) {
    // 12.03.26 could be a version number or a time; only accept a plausible day and month.
    return dayMention(base, fullYear(m[7]), Number(m[6]), Number(m[4]), options);
  }
  if (m[8] !== undefined) {
    return dayMention(base, m[10] !== undefined ? Number(m[10]) : undefined, MONTHS[m[9].toLowerCase()], Number(m[8]), options);
  }
  if (m[11] !== undefined) {
    const month = MONTHS[m[11].toLowerCase()];
    // "May 5" is a date; "may 5 staff" is not. A lower-case "may" is the verb unless a year follows.
    if (m[11] === 'may' && m[13] === undefined) return undefined;
    return dayMention(base, m[13] !== undefined ? Number(m[13]) : undefined, month, Number(m[12]), options);
  }
  if (m[14] !== undefined) {
    if (m[14] === 'may' || m[14] === 'mar' || m[14] === 'sat' || m[14] === 'sun') return undefined;
    return monthMention(base, Number(m[15]), MONTHS[m[14].toLowerCase()]);
  }
  if (m[16] !== undefined) {
    const season = m[16].toLowerCase() as Season;
    return seasonMention(base, season, m[17] !== undefined ? Number(m[17]) : undefined, options, false);
  }
  if (m[19] !== undefined) {
    const q = Number(m[19]);
    const year = Number(m[20]);
    const first = (q - 1) * 3 + 1;
    return { text: base.text, start: base.start, end: base.end, precision: 'quarter', quarter: q, year, from: iso(year, first, 1), to: iso(year, first + 2, daysInMonth(year, first + 2)) };
  }
  return undefined;
}

/** Every date mentioned in `text`, in order. */
export function findDates(text: string, options: DateOptions = {}): DateMention[] {
  const out: DateMention[] = [];
  const re = new RegExp(DATE_PATTERN.source, DATE_PATTERN.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const mention = fromMatch(m, options);
    if (mention) out.push(mention);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/**
 * The date a short text states, when the text is (nearly) only a date: a table cell, a front-matter value,
 * a date line at the top of a letter ("Date: 14 September 2026"). Undefined when it holds no date, or more.
 */
export function parseDate(text: string, options: DateOptions = {}): DateMention | undefined {
  const trimmed = text.trim().replace(/^(?:(?:date[d]?|sent|issued)\s*[:\-–]?\s*)?(?:on\s+)?(?:the\s+)?/i, '');
  if (trimmed === '') return undefined;
  const found = findDates(trimmed, options);
  if (found.length !== 1) return undefined;
  const rest = (trimmed.slice(0, found[0].start) + trimmed.slice(found[0].end)).replace(/[\s,.()*_]+/g, '');
  if (rest.length > 0) return undefined;
  return found[0];
}

/** "2026-07-03" → "3 July 2026". */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
}

/** A mention in words, whatever its precision: "3 July 2026", "March 2026", "spring 2026", "Q3 2026". */
export function describeDate(d: DateMention): string {
  switch (d.precision) {
    case 'day':
      return d.from ? formatDate(d.from) : `${d.day} ${MONTH_NAMES[(d.month ?? 1) - 1]}`;
    case 'month':
      return `${MONTH_NAMES[(d.month ?? 1) - 1]} ${d.year}`;
    case 'season':
      return d.year !== undefined && !d.yearAssumed ? `${d.season} ${d.year}` : `${d.season}`;
    case 'quarter':
      return `Q${d.quarter} ${d.year}`;
    default:
      return String(d.year);
  }
}

/** Compares two ISO days: negative when `a` is earlier. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * How two mentions relate in time: 'earlier' when all of `a` comes before `b`, 'later' when all of it comes
 * after, 'overlapping' otherwise, and undefined when either has no year.
 */
export function relateDates(a: DateMention, b: DateMention): 'earlier' | 'later' | 'overlapping' | undefined {
  if (!a.from || !a.to || !b.from || !b.to) return undefined;
  if (a.to < b.from) return 'earlier';
  if (a.from > b.to) return 'later';
  return 'overlapping';
}
