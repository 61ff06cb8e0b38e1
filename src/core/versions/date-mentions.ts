/**
 * Dates in the wording of an aim, for spotting a moved deadline: the shared UK date parser
 * (src/core/text/dates.ts: "31 March 2027", "Spring 2026", "Q3 2026" …) plus a few forms that only matter when
 * comparing versions ("by the end of 2026", "2026/27", "starting in January", "by the autumn").
 *
 * Every pattern is a bounded alternation with no nested quantifiers: one linear pass per pattern.
 */
import { findDates } from '../text/dates';
import { firstAtLeastBy } from '../text/search';

export interface DateMention {
  start: number;
  end: number;
  /** The words as written ("Spring 2026"). */
  text: string;
  /** A point on a month scale (year × 12 + month − 1) for ordering, when the mention says enough. */
  value?: number;
}


const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const SEASON = '(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)';
const YEAR = '(?:19|20)\\d\\d';

/**
 * Forms the shared parser leaves alone that matter when a deadline moves: a year after a preposition ("by
 * 2027", "the end of 2026"), a financial or academic year ("2026/27"), a month or season alone after a
 * preposition ("starting in January", "by the autumn"), and "the end of the (financial) year".
 */
const EXTRA_PATTERNS: Array<{ re: RegExp; value: (m: RegExpExecArray) => number | undefined }> = [
  {
    re: new RegExp(`\\b(${YEAR})[/\\u2013-](\\d\\d)\\b`, 'g'),
    value: (m) => monthValue(+m[1], 4),
  },
  {
    re: new RegExp(`\\b(?:(?:the\\s+)?(?:end|start|beginning|middle)\\s+of\\s+|(?:by|in|from|until|before|after|during|since)\\s+)(${YEAR})\\b(?![/\\u2013-]\\d)`, 'g'),
    value: (m) => monthValue(+m[1], /end/.test(m[0]) ? 12 : 1),
  },
  {
    re: new RegExp(`\\b(?:in|by|from|until|before|after|during|since|of|this|next|last)\\s+(?:the\\s+)?(?:(?:early|late|mid)[\\s-]+)?(${MONTH}|${SEASON})\\b(?!\\s+\\d)`, 'g'),
    value: () => undefined,
  },
  {
    re: /\b(?:the\s+)?(?:end|start|beginning)\s+of\s+(?:the\s+|this\s+|next\s+)?(?:(?:financial|academic|calendar|school)\s+)?(?:year|month|quarter|term)\b/gi,
    value: () => undefined,
  },
];

function monthValue(year: number, month: number | undefined): number | undefined {
  if (month === undefined) return undefined;
  return year * 12 + month - 1;
}

/** The dates in a text, left to right, never overlapping: the shared parser's, then the extra forms. */
export function findDateMentions(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const d of findDates(text)) {
    if (/^may$/i.test(d.text)) continue;
    found.push({ start: d.start, end: d.end, text: d.text, value: d.from ? isoValue(d.from) : undefined });
  }
  found.sort((a, b) => a.start - b.start);
  const base = found.slice();
  const overlaps = (start: number, end: number): boolean => {
    // base is sorted by start: the last mention starting before `end`.
    const lo = firstAtLeastBy(base, end, (m) => m.start);
    return lo > 0 && base[lo - 1].end > start;
  };
  for (const { re, value } of EXTRA_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      let start = m.index;
      const end = start + m[0].length;
      // Drop a leading preposition from what is reported: "in January" reads "January".
      const lead = /^(?:in|by|from|until|before|after|during|since|of)\s+/i.exec(m[0]);
      if (lead) start += lead[0].length;
      if (overlaps(start, end) || found.some((f) => f.start < end && f.end > start && !base.includes(f))) continue;
      // "May" on its own is a modal verb far more often than a month.
      if (/^(?:the\s+)?May$/i.test(text.slice(start, end).replace(/^(?:this|next|last)\s+/i, ''))) continue;
      found.push({ start, end, text: text.slice(start, end), value: value(m) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function isoValue(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return y * 12 + m - 1 + (d - 1) / 31;
}
