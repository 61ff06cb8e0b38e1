/**
 * What a negotiator needs to see first when an aim is reworded: dates and deadlines moved, figures changed,
 * and commitments softened or hardened ("will" → "may", "must" → "should", "we intend to" → "we will").
 *
 * Each kind is found as a list of mentions in the old and the new text; mentions equal in both are paired off
 * in order (a longest common subsequence over a handful of items), and what is left is paired by position,
 * or by unit for figures, and described in plain British English.
 */
import type { SignificantChange } from '../contract';
import { findDateMentions, type DateMention } from './date-mentions';
import { stem } from './tokens';

export type Change = NonNullable<SignificantChange['change']>;

/* ---------------------------------------------------------------- dates */

const DEADLINE_BEFORE = /\b(?:by|no later than|not later than|before|deadline(?: of| is)?|until|due(?: by| in)?|complete(?:d)?(?: by| in)?)\s*(?:the\s+)?$/i;
const START_BEFORE = /\b(?:from|starting(?: in| on| from)?|start(?:s|ing)?(?: in| on)?|begin(?:ning|s)?(?: in| on)?|with effect from|commenc\w*(?: in| on)?|as of)\s*(?:the\s+)?$/i;

function dateRole(text: string, d: DateMention): 'deadline' | 'start date' | 'date' {
  const before = text.slice(Math.max(0, d.start - 40), d.start);
  if (DEADLINE_BEFORE.test(before)) return 'deadline';
  if (START_BEFORE.test(before)) return 'start date';
  return 'date';
}

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '').replace(/(\d)(?:st|nd|rd|th)\b/g, '$1');
}

export function dateChanges(oldText: string, newText: string, a = findDateMentions(oldText), b = findDateMentions(newText)): SignificantChange[] {
  const { onlyOld, onlyNew } = pairOff(a, b, (x, y) => norm(x.text) === norm(y.text));
  const out: SignificantChange[] = [];
  const n = Math.max(onlyOld.length, onlyNew.length);
  for (let k = 0; k < n; k++) {
    const o = onlyOld[k];
    const w = onlyNew[k];
    if (o && w) {
      const role = dateRole(newText, w) !== 'date' ? dateRole(newText, w) : dateRole(oldText, o);
      let change: Change = 'changed';
      if (o.value !== undefined && w.value !== undefined && o.value !== w.value) change = w.value > o.value ? 'later' : 'earlier';
      const suffix = change === 'later' ? ' (later)' : change === 'earlier' ? ' (earlier)' : '';
      const verb = role === 'date' ? 'changed' : 'moved';
      out.push({ kind: 'date', description: `${role} ${verb} from ${o.text} to ${w.text}${suffix}`, old: o.text, new: w.text, change });
    } else if (o) {
      out.push({ kind: 'date', description: `${dateRole(oldText, o)} removed: ${o.text}`, old: o.text, change: 'removed' });
    } else if (w) {
      out.push({ kind: 'date', description: `${dateRole(newText, w)} added: ${w.text}`, new: w.text, change: 'added' });
    }
  }
  return out;
}

/* ---------------------------------------------------------------- figures */

interface NumberMention {
  start: number;
  end: number;
  text: string;
  value: number;
  /** "per cent", "£", or the words that follow the figure ("regional hubs"). */
  unit: string;
  unitStems: string[];
  /** True when the unit is joined by a hyphen ("30-minute break"). */
  hyphen: boolean;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, half: 0.5,
  dozen: 12,
};
const NUMBER =
  /(?:£|\$|€)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:m|bn|k|million|billion|thousand)\b)?|\b\d[\d,]*(?:\.\d+)?(?:\s?(?:%|per\s?cent\b|percent\b))?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|dozen)\b(?:\s?(?:%|per\s?cent\b|percent\b))?/gi;
/** Words that end the unit phrase after a figure. */
const UNIT_STOP = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'from', 'with', 'and', 'or', 'but', 'per', 'each', 'every',
  'before', 'after', 'instead', 'than', 'into', 'onto', 'who', 'which', 'that', 'so', 'as', 'is', 'are', 'will', 'be',
  'through', 'across', 'over', 'within', 'under', 'during', 'between', 'including', 'among', 'up', 'down', 'out',
  'about', 'around', 'against', 'towards', 'via', 'while', 'where', 'when', 'if', 'unless', 'until', 'since', 'we',
  'it', 'they', 'this', 'these', 'those', 'has', 'have', 'was', 'were', 'not', 'only', 'more', 'less', 'fewer',
]);

function findNumbers(text: string, skip: DateMention[]): NumberMention[] {
  const out: NumberMention[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m !== null; m = NUMBER.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (skip.some((d) => start < d.end && end > d.start)) continue;
    const raw = m[0];
    const lower = raw.toLowerCase();
    // "one" as a pronoun or "one of": only a figure when a noun follows.
    const word = /^[a-z]+/.exec(lower)?.[0];
    let value: number;
    if (word && word in NUMBER_WORDS) value = NUMBER_WORDS[word];
    else value = parseFloat(lower.replace(/[£$€,\s]/g, '').replace(/(?:m|bn|k|million|billion|thousand|%|percent|per\s?cent)$/, ''));
    if (Number.isNaN(value)) continue;
    if (/(?:m|million)$/.test(lower)) value *= 1e6;
    else if (/(?:bn|billion)$/.test(lower)) value *= 1e9;
    else if (/(?:k|thousand)$/.test(lower)) value *= 1e3;
    // The unit: a sign of percentage or money, else the words that follow ("regional hubs", "-week programme").
    let unit = '';
    let hyphen = false;
    const words: string[] = [];
    if (/%|per\s?cent|percent/.test(lower)) unit = 'per cent';
    else {
      const after = text.slice(end, end + 60);
      const re = /^(?:-|\s+)([A-Za-z][\w'\u2019-]*)/;
      let rest = after;
      for (let k = 0; k < 4; k++) {
        const w = re.exec(rest);
        if (!w || UNIT_STOP.has(w[1].toLowerCase())) break;
        if (k === 0 && w[0].startsWith('-')) hyphen = true;
        words.push(w[1]);
        rest = rest.slice(w[0].length);
        if (/^[,.;:)]/.test(rest)) break;
      }
      unit = words.join(' ');
      if (/^[£$€]/.test(raw)) unit = unit ? `${raw[0]} ${unit}` : raw[0];
    }
    if (word === 'one' && words.length === 0) continue;
    if (word === 'half' && words.length === 0) continue;
    const unitStems = unit === 'per cent' ? ['%'] : words.map((w) => stem(w.toLowerCase()));
    out.push({ start, end, text: raw, value, unit, unitStems, hyphen });
  }
  return out;
}

function describeNumber(n: NumberMention): string {
  if (n.unit === 'per cent' || n.unit === '' || /^[£$€]$/.test(n.unit)) return n.text;
  const joiner = n.hyphen ? '-' : ' ';
  return `${n.text}${joiner}${n.unit.replace(/^[£$€] ?/, '')}`;
}

export function numberChanges(oldText: string, newText: string, oldDates = findDateMentions(oldText), newDates = findDateMentions(newText)): SignificantChange[] {
  const a = findNumbers(oldText, oldDates);
  const b = findNumbers(newText, newDates);
  const { onlyOld, onlyNew } = pairOff(a, b, (x, y) => x.value === y.value && sameUnit(x, y));
  const out: SignificantChange[] = [];
  const usedNew = new Set<number>();
  const pairs: Array<[NumberMention | undefined, NumberMention | undefined]> = [];
  // Pair by unit first ("four regional hubs" with "three regional hubs"), then in order.
  const restOld: NumberMention[] = [];
  for (const o of onlyOld) {
    const k = onlyNew.findIndex((w, idx) => !usedNew.has(idx) && sameUnit(o, w));
    if (k >= 0) {
      usedNew.add(k);
      pairs.push([o, onlyNew[k]]);
    } else restOld.push(o);
  }
  const restNew = onlyNew.filter((_, idx) => !usedNew.has(idx));
  const m = Math.max(restOld.length, restNew.length);
  for (let k = 0; k < m; k++) pairs.push([restOld[k], restNew[k]]);
  for (const [o, w] of pairs) {
    if (o && w) {
      const change: Change = w.value > o.value ? 'increased' : w.value < o.value ? 'decreased' : 'changed';
      const sameUnits = sameUnit(o, w);
      const oldDesc = describeNumber(o);
      const newDesc = sameUnits ? w.text : describeNumber(w);
      out.push({ kind: 'number', description: `figure changed from ${oldDesc} to ${newDesc}`, old: oldDesc, new: describeNumber(w), change });
    } else if (o) {
      out.push({ kind: 'number', description: `figure removed: ${describeNumber(o)}`, old: describeNumber(o), change: 'removed' });
    } else if (w) {
      out.push({ kind: 'number', description: `new figure: ${describeNumber(w)}`, new: describeNumber(w), change: 'added' });
    }
  }
  return out;
}

function sameUnit(x: NumberMention, y: NumberMention): boolean {
  if (x.unit === y.unit) return true;
  if (x.unitStems.length === 0 || y.unitStems.length === 0) return false;
  // The head noun is usually the last word of the unit; any shared content word will do.
  return x.unitStems.some((s) => s.length > 2 && y.unitStems.includes(s));
}

/* ---------------------------------------------------------------- commitments */

interface ModalMention {
  start: number;
  end: number;
  text: string;
  lexeme: string;
  level: number;
  negated: boolean;
}

/**
 * Strength of commitment, strongest first. Longer phrases are listed before the words they contain, and the
 * alternation is built once at module load.
 */
const MODAL_LEVELS: Array<[string, number]> = [
  ['must not', 5], ['shall not', 5], ['will not', 4], ["won't", 4], ['cannot', 4], ['can not', 4],
  ['is required to', 5], ['are required to', 5], ['must', 5], ['shall', 5], ['will guarantee', 5], ['guarantee', 5],
  ['are committed to', 4], ['is committed to', 4], ['commit to', 4], ['will ensure', 4], ['will consider', 2],
  ['will explore', 2], ['will look at', 2], ['will seek to', 2], ['will aim to', 3], ['will try to', 2],
  ['will', 4], ['are going to', 4], ['is going to', 4],
  ['intend to', 3], ['intends to', 3], ['plan to', 3], ['plans to', 3], ['propose to', 3], ['proposes to', 3],
  ['expect to', 3], ['expects to', 3], ['aim to', 3], ['aims to', 3], ['should', 3], ['would expect to', 3],
  ['seek to', 2], ['seeks to', 2], ['hope to', 2], ['hopes to', 2], ['would like to', 2], ['wish to', 2],
  ['endeavour to', 2], ['try to', 2], ['aspire to', 2], ['can', 2],
  ['may not', 1], ['might not', 1], ['may', 1], ['might', 1], ['could', 1], ['consider', 1], ['explore', 1],
];
const MODAL_LEVEL = new Map(MODAL_LEVELS);
/**
 * Phrases by their first word, longest first. A scan finds candidate first words with one simple regular
 * expression, then tries only the phrases that start with that word: far cheaper than one alternation of every
 * phrase tried at every position.
 */
const MODAL_BY_FIRST = new Map<string, string[]>();
for (const [p] of MODAL_LEVELS) {
  const first = p.split(' ')[0];
  const list = MODAL_BY_FIRST.get(first) ?? [];
  list.push(p);
  MODAL_BY_FIRST.set(first, list);
}
for (const list of MODAL_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);
const MODAL_FIRST_RE = new RegExp(`\\b(?:${[...MODAL_BY_FIRST.keys()].map((w) => w.replace(/'/g, "['\\u2019]")).join('|')})\\b`, 'gi');

/** Qualifications that soften a commitment wherever they appear. */
const QUALIFIERS = [
  'where operationally possible', 'where possible', 'wherever possible', 'if possible', 'as far as possible',
  'where practicable', 'where reasonably practicable', 'if practicable', 'where appropriate', 'where feasible',
  'subject to funding', 'subject to approval', 'subject to affordability', 'subject to business need',
  'subject to operational need', 'subject to', 'if resources allow', 'resources permitting', 'where resources allow',
  'if necessary', 'where necessary', 'in principle', 'where crewing levels allow', 'where staffing levels allow',
  'where levels allow', 'if required', 'where required', 'in most cases', 'where agreed',
];
const QUALIFIER_RE = new RegExp(`\\b(?:${QUALIFIERS.map((q) => q.replace(/ /g, '\\s+')).join('|')})\\b|\\b(?:where|when|if|as)\\s+(?:[a-z]+\\s+){0,2}(?:allows?|permits?)\\b`, 'gi');

function findModals(text: string, skip: DateMention[]): ModalMention[] {
  const out: ModalMention[] = [];
  MODAL_FIRST_RE.lastIndex = 0;
  for (let m = MODAL_FIRST_RE.exec(text); m !== null; m = MODAL_FIRST_RE.exec(text)) {
    const start = m.index;
    const first = m[0].toLowerCase().replace(/\u2019/g, "'");
    const rest = text.slice(start, start + 40).toLowerCase().replace(/\s+/g, ' ').replace(/\u2019/g, "'");
    const phrase = (MODAL_BY_FIRST.get(first) ?? []).find((p) => rest.startsWith(p) && !/[\p{L}\p{N}]/u.test(rest.charAt(p.length)));
    if (!phrase) continue;
    const end = endOfPhrase(text, start, phrase);
    MODAL_FIRST_RE.lastIndex = end;
    const raw = text.slice(start, end);
    // "May" with a capital is the month unless a verb follows ("May we ask" is rare in letters).
    if (raw === 'May' && !/^\s+(?:be|not|also|need|wish|have|choose|decide|apply|consider|ask)\b/.test(text.slice(end, end + 12))) continue;
    if (skip.some((d) => start < d.end && end > d.start)) continue;
    const level = MODAL_LEVEL.get(phrase) ?? 0;
    out.push({ start, end, text: raw, lexeme: phrase, level, negated: / not$|n't$|^cannot$|^can not$/.test(phrase) });
  }
  return out;
}

/** Where a phrase (matched with white space collapsed) ends in the original text. */
function endOfPhrase(text: string, start: number, phrase: string): number {
  let i = start;
  let k = 0;
  while (k < phrase.length && i < text.length) {
    if (phrase[k] === ' ') {
      while (i < text.length && /\s/.test(text[i])) i++;
      k++;
    } else {
      i++;
      k++;
    }
  }
  return i;
}

/** The word before a mention when it is a subject worth quoting ("we will", "the council will"). */
function withSubject(text: string, m: { start: number; text: string }): string {
  const before = /\b(we|they|staff|it|you)\s+$/i.exec(text.slice(Math.max(0, m.start - 12), m.start));
  return before ? `${before[1]} ${m.text}` : m.text;
}

export function modalChanges(oldText: string, newText: string, oldDates = findDateMentions(oldText), newDates = findDateMentions(newText), pairedOnly = false): SignificantChange[] {
  const a = findModals(oldText, oldDates);
  const b = findModals(newText, newDates);
  const { onlyOld, onlyNew } = pairOff(a, b, (x, y) => x.lexeme === y.lexeme);
  const out: SignificantChange[] = [];
  const n = Math.min(onlyOld.length, onlyNew.length);
  for (let k = 0; k < n; k++) {
    const o = onlyOld[k];
    const w = onlyNew[k];
    const oq = withSubject(oldText, o);
    const nq = withSubject(newText, w);
    if (o.negated !== w.negated) {
      out.push({ kind: 'modal', description: `commitment changed from '${oq}' to '${nq}'`, old: oq, new: nq, change: 'changed' });
    } else if (w.level < o.level) {
      out.push({ kind: 'modal', description: `commitment softened from '${oq}' to '${nq}'`, old: oq, new: nq, change: 'softened' });
    } else if (w.level > o.level) {
      out.push({ kind: 'modal', description: `commitment hardened from '${oq}' to '${nq}'`, old: oq, new: nq, change: 'hardened' });
    }
  }
  // A commitment word that disappears or appears without a counterpart matters only at the strong end.
  for (const o of pairedOnly ? [] : onlyOld.slice(n)) {
    if (o.level >= 4 && !o.negated) out.push({ kind: 'modal', description: `commitment removed: '${withSubject(oldText, o)}'`, old: withSubject(oldText, o), change: 'softened' });
  }
  for (const w of pairedOnly ? [] : onlyNew.slice(n)) {
    if (w.level <= 1 && !w.negated) out.push({ kind: 'modal', description: `hedge added: '${withSubject(newText, w)}'`, new: withSubject(newText, w), change: 'softened' });
  }
  const qa = findQualifiers(oldText);
  const qb = findQualifiers(newText);
  const q = pairOff(qa, qb, (x, y) => x.key === y.key);
  for (const w of q.onlyNew) out.push({ kind: 'modal', description: `qualification added: '${w.text}'`, new: w.text, change: 'softened' });
  for (const o of q.onlyOld) out.push({ kind: 'modal', description: `qualification removed: '${o.text}'`, old: o.text, change: 'hardened' });
  return out;
}

function findQualifiers(text: string): Array<{ text: string; key: string }> {
  const out: Array<{ text: string; key: string }> = [];
  QUALIFIER_RE.lastIndex = 0;
  for (let m = QUALIFIER_RE.exec(text); m !== null; m = QUALIFIER_RE.exec(text)) out.push({ text: m[0], key: m[0].toLowerCase().replace(/\s+/g, ' ') });
  return out;
}

/* ---------------------------------------------------------------- pairing */

/**
 * Pairs off mentions equal in both lists, keeping their order (an LCS: mention lists within one aim are a
 * handful long; longer lists fall back to a greedy in-order pass so that cost stays linear).
 */
export function pairOff<T>(a: T[], b: T[], eq: (x: T, y: T) => boolean): { onlyOld: T[]; onlyNew: T[] } {
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  if (a.length * b.length <= 4096) {
    const n = a.length;
    const m = b.length;
    const L = new Int32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        L[i * (m + 1) + j] = eq(a[i], b[j]) ? L[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(L[(i + 1) * (m + 1) + j], L[i * (m + 1) + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (eq(a[i], b[j])) {
        usedA[i++] = 1;
        usedB[j++] = 1;
      } else if (L[(i + 1) * (m + 1) + j] >= L[i * (m + 1) + j + 1]) i++;
      else j++;
    }
  } else {
    let j = 0;
    for (let i = 0; i < a.length && j < b.length; i++) {
      let k = j;
      while (k < b.length && k < j + 8 && !eq(a[i], b[k])) k++;
      if (k < b.length && k < j + 8) {
        usedA[i] = 1;
        usedB[k] = 1;
        j = k + 1;
      }
    }
  }
  return { onlyOld: a.filter((_, i) => !usedA[i]), onlyNew: b.filter((_, j) => !usedB[j]) };
}

/**
 * All significant changes between the old and new wording of one aim, dates first. With `pairedOnly` (for long
 * paragraphs that are not aims) only a date, figure or commitment replaced by another is reported, not one
 * that merely appears or disappears, which in a rewritten paragraph is mostly noise.
 */
export function significantChanges(oldText: string, newText: string, pairedOnly = false): SignificantChange[] {
  const a = findDateMentions(oldText);
  const b = findDateMentions(newText);
  const all = [...dateChanges(oldText, newText, a, b), ...numberChanges(oldText, newText, a, b), ...modalChanges(oldText, newText, a, b, pairedOnly)];
  return pairedOnly ? all.filter((c) => c.old !== undefined && c.new !== undefined) : all;
}
