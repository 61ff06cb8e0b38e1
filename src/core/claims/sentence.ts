/**
 * Reads one sentence: finds each involvement word (a trigger), the union party it relates to, and whether the
 * sentence asserts it, denies it, puts it in the future, makes it conditional, asks about it or quotes it.
 * Works on tokens of the compact text with a few bounded windows: linear in the sentence's length.
 */
import type { ClaimStatus, Rung } from '../contract';
import { rungLevel } from '../contract';
import { HEDGES, type TriggerEntry } from './lexicon';

export interface Tok {
  /** Compact offsets, end exclusive. */
  s: number;
  e: number;
  w: string;
  /** Inside quotation marks. */
  quoted: boolean;
  boundary: boolean;
}

export interface Mark {
  /** Compact offsets. */
  s: number;
  e: number;
}
export interface PartyMark extends Mark {
  forum?: 'negotiating' | 'consultative';
  /** A union named ("UNISON"), for matching with a log row's Unions column. */
  name?: string;
  /** A pronoun standing for the union in its own response. */
  self?: boolean;
}
export interface TriggerMark extends Mark {
  entry: TriggerEntry;
}

/** What one trigger in the sentence amounts to. */
export interface Reading {
  trigger: TriggerMark;
  party: PartyMark;
  rung: Rung;
  /** 'claim' for an assertion; otherwise the non-claim status. */
  status: 'claim' | Extract<ClaimStatus, 'negated' | 'future' | 'hypothetical' | 'question' | 'quoted'>;
  hedged: boolean;
  /** Token range of the trigger's clause, for quoting and topics. */
  clause: Mark;
  /** The cue that decided a non-claim status ("not", "will", "if"). */
  cue?: string;
}

const BOUNDARY_WORDS = new Set(['but', 'whereas', 'while', 'whilst', 'although', 'though', 'however', 'because', 'unless', 'until', 'so', 'otherwise', 'meanwhile', 'nevertheless', 'instead']);
const BOUNDARY_PUNCT = new Set([';', ':', '–', '—', '?', '!']);

const MODIFIERS = new Set([
  'the', 'our', 'all', 'both', 'its', 'their', 'his', 'her', 'your', 'relevant', 'recognised', 'recognized', 'local', 'national', 'regional',
  'main', 'two', 'three', 'four', 'five', 'six', 'respective', 'appropriate', 'departmental', 'campus', 'teaching', 'nursing', 'health',
  'other', 'each', 'every', 'individual', 'key', 'several', 'various', 'a', 'an', 'this', 'that', 'these', 'those', 'prison', 'probation',
  'divisional', 'area', 'branch', 'district', 'full', 'formal', 'informal', 'joint', 'representatives', 'representative', 'colleagues',
  'senior', 'elected', 'accredited', 'lead', 'staff', 'union', 'trade', 'affiliated', 'sister', 'partner', 'professional', 'many', 'most', 'some',
  // Where the representatives are: "their school union reps", "the depot reps".
  'school', 'site', 'workplace', 'depot', 'station', 'hospital', 'college', 'academy', 'office', 'ward',
]);
const LINKS = new Set(['with', 'to', 'by', 'at', 'through', 'via', 'alongside', 'among', 'amongst', 'between', 'from', 'of', 'for', 'including', 'involving', 'across', 'within', 'before', 'in']);
const STANCE_LINKS = new Set(['by', 'of', 'from']);
const PEOPLE = new Set([
  'staff', 'managers', 'management', 'leaders', 'stakeholders', 'colleagues', 'employees', 'workers', 'hr', 'teams', 'team', 'members', 'partners',
  'governors', 'directors', 'heads', 'representatives', 'officers', 'crews', 'nurses', 'teachers', 'doctors', 'us', 'them', 'employer',
  'council', 'trust', 'university', 'department', 'board', 'leadership', 'executive', 'officials', 'reps', 'others', 'bodies', 'organisations',
  'associations', 'unions', 'side', 'committee', 'group', 'groups', 'hmpps', 'nhs', 'school', 'schools', 'academies', 'service', 'services',
  'commissioners', 'partnership', 'forum', 'council', 'government', 'ministers', 'acas', 'we', 'branches',
]);
const SUBJECT_GAP = new Set([
  'have', 'has', 'had', 'been', 'be', 'being', 'is', 'are', 'was', 'were', 'will', 'would', 'shall', 'should', 'could', 'may', 'might', 'must',
  'can', 'cannot', 'do', 'does', 'did', 'not', "n't", 'never', 'also', 'all', 'both', 'fully', 'already', 'now', 'broadly', 'largely', 'generally',
  'formally', 'properly', 'previously', 'recently', 'jointly', 'duly', 'subsequently', 'still', 'indeed', 'themselves', 'each', 'collectively',
  'in', 'to', 'yet', 'able', 'unable', 'willing', 'colleagues', 'representatives', 'reps', 'officials', 'side', "'s", "'", 'closely', 'actively',
  'very', 'extensively', 'regularly', 'constructively', 'positively', 'meaningfully', 'directly', 'consistently', 'always', 'repeatedly',
  'informally', 'further', 'again', 'since', 'then', 'therefore', 'thus', 'helpfully', 'kindly', 'happily', 'clearly', 'openly', 'genuinely',
  'it', 'seem', 'seems', 'appear', 'appears', 'remain', 'remains', 'continue', 'continues', 'continued', 'felt', 'feel', 'says', 'said', 'tell',
  'told', 'us', 'that', 'were', 'generally', 'overall', 'now', 'entirely', 'wholly', 'largely', 'firmly', 'strongly', 'unanimously',
  'taken', 'take', 'took', 'part', 'given', 'gave', 'give', 'provided', 'an', 'a', 'opportunity', 'the', 'their', 'its', 'our', 'full', 'chance',
  'fully', 'been', 'consistently', 'indicated', 'confirmed', 'expressed', 'made', 'clear', 'shown', 'signalled', 'raised', 'no',
  'kept', 'look', 'looks', 'looking', 'forward', 'expect', 'expects', 'hope', 'hopes', 'wish', 'wishes', 'want', 'wants', 'asked', 'ask',
  'need', 'needs', 'keen', 'pleased', 'happy', 'glad', 'invited', 'agreed', 'chosen', 'decided', 'declined', 'refused', 'failed', 'yet',
  'enter', 'entered', 'begin', 'began', 'begun', 'start', 'started', 'open', 'opened', 'hold', 'held', 'conduct', 'conducted', 'undertake',
  'undertaken', 'commence', 'commenced', 'resume', 'resumed', 'had', 'has', 'recently', 'subsequently', 'they',
  'constructive', 'positive', 'productive', 'useful', 'helpful', 'regular', 'detailed', 'extensive', 'early', 'initial', 'ongoing',
  'informal', 'formal', 'several', 'many', 'some', 'good', 'close', 'frequent', 'open', 'honest', 'lengthy', 'expected', 'due',
  'scheduled', 'likely', 'set', 'going', 'later', 'soon', '"', "'", 'provide', 'provides', 'submit', 'submitted', 'offer', 'offered', 'sent', 'send',
]);
const STAFF_OBJECTS = new Set(['members', 'member', 'staff', 'colleagues', 'workers', 'employees', 'managers', 'teams', 'team', 'pupils', 'students', 'patients', 'residents', 'parents', 'volunteers', 'everyone', 'people']);
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'without', 'nor', 'neither', 'none', 'nothing', 'cannot', 'failed', 'failure', 'fail', 'fails', 'lack', 'lacking', 'absence', 'absent', 'refused', 'refuses', 'declined', 'declines', 'unable', 'nobody', 'prior']);
const FUTURE = new Set([
  'will', 'shall', "'ll", 'intend', 'intends', 'intending', 'intention', 'plan', 'plans', 'planning', 'planned', 'propose', 'proposes', 'proposing', 'aim',
  'aims', 'expect', 'expects', 'hope', 'hopes', 'seek', 'seeks', 'seeking', 'wish', 'wishes', 'want', 'wants', 'keen', 'committed', 'commit',
  'commits', 'pledge', 'pledged', 'forward', 'once', 'upcoming', 'forthcoming', 'future', 'next', 'due', 'scheduled', 'going', 'subject', 'ahead',
  'soon', 'shortly', 'later', 'eventually', 'tomorrow', 'forward', 'envisage', 'envisaged', 'anticipate', 'anticipated', 'ready', 'prepared', 'open', 'willing',
]);
const HYPOTHETICAL = new Set(['please', 'would', 'could', 'might', 'may', 'should', 'must', 'if', 'unless', 'provided', 'providing', 'assuming', 'ought', 'suppose', 'supposing', 'whenever', 'hopefully', 'need', 'needs']);
const PRESUPPOSE = new Set(['following', 'after', 'having', 'as', 'since', 'further', 'light', 'through']);
const INFINITIVE_PAST = new Set(['appear', 'appears', 'appeared', 'seem', 'seems', 'seemed', 'proved', 'proven', 'began', 'begun', 'started', 'continued', 'continues', 'continue', 'continuing', 'able', 'managed', 'used', 'sought', 'tried', 'agreed', 'helped', 'chose', 'decided', 'happy', 'pleased', 'glad', 'delighted', 'went', 'came']);
const AUX = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'will', 'shall', 'would', 'could', 'should', 'may', 'might', 'must', 'did', 'does', 'do', 'took', 'began', 'started', 'begun', 'continues', 'continued', 'follows', 'followed', 'ran', 'runs', 'remains', 'remained', 'can', 'cannot', 'took', 'takes', 'happened', 'happen', 'occurred', 'starts', 'begins', 'opens', 'opened']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'our', 'their', 'its', 'any', 'no', 'some', 'further', 'formal', 'informal', 'early', 'initial', 'ongoing', 'regular', 'proper', 'meaningful', 'full', 'genuine', 'extensive', 'detailed']);

const NO_WAY = new Set(['way', 'opportunity', 'chance', 'means', 'mechanism', 'power', 'right', 'say', 'ability', 'scope', 'attempt', 'effort']);
const GIVE_VIEWS = new Set(["'s", "'", 'did', 'do', 'does', 'provide', 'provided', 'provides', 'gave', 'give', 'given', 'submit', 'submitted', 'offer', 'offered', 'made', 'make', 'sent', 'have', 'has', 'had', 'also', 'been', 'their', 'its', 'detailed', 'written', 'full', 'further']);
const AFTER_INFORMED = new Set(['of', 'about', 'on', 'at', 'in', 'by', 'through', 'via', 'during', 'before', 'after', 'when', 'as', 'and', 'or', 'throughout', 'regularly', 'fully', 'promptly', 'first', 'too', 'also', ',', '.', ';', ')', '(', '-', '–']);
const ARRANGED = new Set(['arranged', 'scheduled', 'planned', 'booked', 'organised', 'organized', 'set', 'pencilled', 'proposed', 'diarised']);
const CLAUSE_VERBS = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'will', 'would', 'shall', 'should', 'could', 'can', 'may', 'might', 'must', 'did', 'does', 'do', "n't", 'not', 'remain', 'remains', 'continue', 'continues', 'took', 'take', 'takes']);
const LINK_STOP = new Set(['with', 'to', 'by', 'at', 'of', 'for', 'from', 'and', 'or', ',']);
const FOR_COMMENT = /\bfor\s+(?:their\s+)?(?:comments?|views|feedback|consultation)\b/;
const TOKEN = /[a-z0-9]+(?:['-][a-z0-9]+)*'?|[^\sa-z0-9]/g;

/**
 * Quoted regions of [start, end) of a compact string (double quotes always; single quotes where they are clearly
 * quotation marks); `text` holds the compact string from `base` on. With `fold`, `text` is the text in its own case
 * (lower-cased code point by code point: see compact.ts), read as its lower-cased form would be: curly quotes as
 * straight ones, and the one character that lower-cases to an ASCII letter (the Kelvin sign) as that letter.
 */
export function quoteRegions(text: string, start: number, end: number, base = 0, fold = false): Mark[] {
  const at = (i: number) => (fold ? folded(text.charCodeAt(i - base)) : text.charCodeAt(i - base));
  const out: Mark[] = [];
  let dbl = -1;
  let sgl = -1;
  for (let i = start; i < end; i++) {
    const c = at(i);
    if (c === 34) {
      if (dbl < 0) dbl = i;
      else {
        out.push({ s: dbl, e: i + 1 });
        dbl = -1;
      }
    } else if (c === 39) {
      const prev = i > start ? at(i - 1) : 32;
      const next = i + 1 < end ? at(i + 1) : 32;
      const prevWord = isWordChar(prev);
      const nextWord = isWordChar(next);
      if (sgl < 0 && !prevWord && nextWord) sgl = i;
      else if (sgl >= 0 && !nextWord && (prevWord || prev === 46 || prev === 44 || prev === 33 || prev === 63) && i - sgl > 3) {
        out.push({ s: sgl, e: i + 1 });
        sgl = -1;
      }
    }
  }
  return out;
}

/** A character of a text in its own case as `quoteRegions` reads it lower-cased. */
function folded(c: number): number {
  if (c < 0x2bc) return c;
  return c === 0x201c || c === 0x201d || c === 0x201e ? 34 : c === 0x2018 || c === 0x2019 || c === 0x2bc ? 39 : c === 0x212a ? 107 : c;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** The tokens of the stretch [start, end), whose lower-cased text is `slice`. */
export function tokenize(slice: string, start: number, end: number, quotes: Mark[]): Tok[] {
  const toks: Tok[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  // First quotation that could contain this stretch (the list is sorted).
  let q = 0;
  let hi = quotes.length;
  while (q < hi) {
    const mid = (q + hi) >> 1;
    if (quotes[mid].e <= start) q = mid + 1;
    else hi = mid;
  }
  while ((m = TOKEN.exec(slice)) !== null) {
    let w = m[0];
    const s = start + m.index;
    let e = s + w.length;
    while (q < quotes.length && quotes[q].e <= s) q++;
    const quoted = q < quotes.length && quotes[q].s < s && s < quotes[q].e;
    if (w.endsWith("n't") && w.length > 3) {
      // "didn't" → "did" + "n't"
      toks.push({ s, e: e - 3, w: w.slice(0, -3), quoted, boundary: false });
      toks.push({ s: e - 3, e, w: "n't", quoted, boundary: false });
      continue;
    }
    if (w.endsWith("'ll")) {
      toks.push({ s, e: e - 3, w: w.slice(0, -3), quoted, boundary: false });
      toks.push({ s: e - 3, e, w: "'ll", quoted, boundary: false });
      continue;
    }
    if (w.endsWith("'s")) {
      toks.push({ s, e: e - 2, w: w.slice(0, -2), quoted, boundary: false });
      toks.push({ s: e - 2, e, w: "'s", quoted, boundary: false });
      continue;
    }
    if (w.length > 1 && w.endsWith("'")) {
      w = w.slice(0, -1);
      e--;
    }
    const boundary = BOUNDARY_PUNCT.has(w) || BOUNDARY_WORDS.has(w) || (w === '-' && s > start && /\s/.test(slice[s - 1 - start]));
    toks.push({ s, e, w, quoted, boundary });
  }
  // ", which" and ", who" open a new clause; so does ", and" when a new subject and verb follow, and "and will"
  // ("has been developed with the unions and will be tested from May": the claim is in the past).
  for (let i = 1; i < toks.length; i++) {
    if (toks[i].w === 'and' && i + 1 < toks.length && (toks[i + 1].w === 'will' || toks[i + 1].w === 'shall')) toks[i].boundary = true;
    if ((toks[i].w === 'which' || toks[i].w === 'who' || toks[i].w === 'where') && toks[i - 1].w === ',') toks[i].boundary = true;
    if ((toks[i].w === 'and' || toks[i].w === 'or') && (toks[i - 1].w === ',' || toks[i - 1].w === ';')) {
      for (let k = i + 1; k < Math.min(toks.length, i + 6); k++) {
        if (CLAUSE_VERBS.has(toks[k].w)) {
          toks[i].boundary = true;
          break;
        }
        if (LINK_STOP.has(toks[k].w)) break;
      }
    }
  }
  return toks;
}

/** Index of the first token whose start is at or after `offset`. */
function tokenAt(toks: Tok[], offset: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].s < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Last token index that starts before `offset`. */
function tokenBefore(toks: Tok[], offset: number): number {
  return tokenAt(toks, offset) - 1;
}

interface Span2 {
  a: number;
  b: number;
}

function tokRange(toks: Tok[], m: Mark): Span2 {
  const a = tokenAt(toks, m.s);
  const b = Math.max(a, tokenBefore(toks, m.e));
  return { a, b };
}

export interface SentenceInput {
  /** The lower-cased text of the stretch read, [start, end). */
  lower: string;
  start: number;
  end: number;
  quotes: Mark[];
  triggers: TriggerMark[];
  parties: PartyMark[];
  isResponse: boolean;
  /** For a cell of a table row that names no union itself: a union another cell of the row names (a record such
   * as "| Fire Control merger | FBU, UNISON | Agreed at the Programme Board |"). */
  rowParty?: PartyMark;
}

/** Reads every trigger of the sentence that relates to a union party. */
export function readSentence(input: SentenceInput): Reading[] {
  const { lower, start, end, triggers, isResponse } = input;
  const toks = tokenize(lower, start, end, input.quotes);
  if (toks.length === 0) return [];
  const parties = input.parties.map((p) => ({ p, r: tokRange(toks, p) }));
  const isQuestion = endsWithQuestion(lower);
  const hedged = HEDGES.test(lower);
  const readings: Reading[] = [];
  const triggerRanges = triggers.map((t) => tokRange(toks, t));
  let lastSubject: { party: PartyMark; clause: number } | undefined;
  for (let ti = 0; ti < triggers.length; ti++) {
    const trigger = triggers[ti];
    if (isResponse && trigger.entry.kind === 'stance') continue;
    const tr = triggerRanges[ti];
    if (tr.a >= toks.length) continue;
    const clause = clauseOf(toks, tr.a);
    let linked: PartyMark | undefined = trigger.entry.selfParty ? { s: trigger.s, e: trigger.e } : undefined;
    let linkedBefore = false;
    // Party after the trigger: object or prepositional link.
    for (const { p, r } of linked ? [] : parties) {
      if (r.a <= tr.b || r.a > clause.b || r.a - tr.b > 10) continue;
      if (linksAfter(toks, tr.b, r.a, trigger.entry.kind, parties.map((x) => x.r))) {
        linked = p;
        break;
      }
    }
    // Party before the trigger: subject, possessive or compound ("trade union consultation").
    if (!linked) {
      for (let pi = parties.length - 1; pi >= 0; pi--) {
        const { p, r } = parties[pi];
        if (r.b >= tr.a || r.b < clause.a || tr.a - r.b > 7) continue;
        if (linksBefore(toks, r.b, tr.a, parties.map((x) => x.r))) {
          linked = p;
          linkedBefore = true;
          break;
        }
      }
    }
    // "a meeting with UCU representatives on 3 March, at which the timetable was agreed": agreed by the party the
    // meeting was with.
    if (!linked && (trigger.entry.kind === 'verb' || trigger.entry.kind === 'noun')) {
      for (let k = tr.a - 1; k >= Math.max(0, tr.a - 8); k--) {
        const w = toks[k].w;
        if ((w === 'which' && ['at', 'in', 'during'].includes(toks[k - 1]?.w ?? '')) || w === 'where') {
          for (let pi = parties.length - 1; pi >= 0; pi--) {
            const { p, r } = parties[pi];
            if (r.b < k && k - r.b <= 14) {
              linked = p;
              linkedBefore = true;
              break;
            }
          }
          break;
        }
      }
    }
    // "The unions were consulted on 3 May and agreed the proposals": the second verb shares the first one's subject.
    if (!linked && lastSubject && lastSubject.clause === clause.a && trigger.entry.kind !== 'stance') {
      const p1 = toks[tr.a - 1]?.w;
      const p2 = toks[tr.a - 2]?.w;
      if (p1 === 'and' || p1 === 'then' || ((p1 === 'also' || p1 === 'subsequently' || p1 === 'later') && p2 === 'and')) {
        linked = lastSubject.party;
        linkedBefore = true;
      }
    }
    // A cell opening with the trigger ("Agreed at the Programme Board on 15 July") records the row's unions' part.
    if (!linked && input.rowParty && tr.a === 0) linked = input.rowParty;
    if (!linked) continue;
    const word0 = toks[tr.a].w;
    // Bare "views" and "comments" count only as the unions' own ("staff side's views", "the unions' comments").
    if (trigger.entry.id === 'views' && (word0 === 'views' || word0 === 'comments') && tr.a === tr.b) {
      if (!linkedBefore || linked.self) continue;
      const pr = tokRange(toks, linked);
      let ok = true;
      for (let k = pr.b + 1; k < tr.a; k++) if (!GIVE_VIEWS.has(toks[k].w)) ok = false;
      if (!ok) continue;
    }
    const after = toks[tr.b + 1]?.w;
    // "we were told that …", "we have been made aware that …": reporting, not involvement.
    const reportingVerb = trigger.entry.id === 'inform' || trigger.entry.id === 'made-aware' || (trigger.entry.id === 'tell' && (word0 === 'told' || word0 === 'advised'));
    if (reportingVerb && (after === 'that' || after === '"' || after === ':' || after === "'")) continue;
    // "we have been made aware some managers are …", "we were told the review …": a report, not an involvement.
    const endsInLink = toks[tr.b].w === 'of' || toks[tr.b].w === 'in' || toks[tr.b].w === 'into';
    if (reportingVerb && !endsInLink && isPassive(toks, tr.a) && after !== undefined && !AFTER_INFORMED.has(after) && !isPartyToken(parties.map((x) => x.r), tr.b + 1)) continue;
    // "members have told us …": staff telling the union, not the employer involving it.
    if (trigger.entry.id === 'tell' || trigger.entry.id === 'inform') {
      const partyRanges = parties.map((x) => x.r);
      let staffSubject = false;
      for (let k = tr.a - 1; k >= Math.max(clause.a, tr.a - 5); k--) if (STAFF_OBJECTS.has(toks[k].w) && !isPartyToken(partyRanges, k)) staffSubject = true;
      if (staffSubject && !isPassive(toks, tr.a)) continue;
    }
    // "at a meeting with the unions" names where something happened; it is evidence, not the claim.
    if (trigger.entry.id === 'meet' && (word0 === 'meeting' || word0 === 'meetings') && tr.a >= 2 && (toks[tr.a - 1].w === 'a' || toks[tr.a - 1].w === 'the') && toks[tr.a - 2].w === 'at' && readingsHaveOther(triggers, ti, tr, toks)) continue;
    // "UNISON has consulted its members": the union acting on its members is not the employer involving it.
    if (linkedBefore && trigger.entry.kind === 'verb' && !isPassive(toks, tr.a)) {
      let k = tr.b + 1;
      while (k < toks.length && MODIFIERS.has(toks[k].w) && !STAFF_OBJECTS.has(toks[k].w)) k++;
      if (k < toks.length && STAFF_OBJECTS.has(toks[k].w)) continue;
    }
    const word = toks[tr.a].w;
    // "we agree with the unions that workloads are too high": a view shared, not a proposal agreed.
    if (trigger.entry.id === 'agree' && (word === 'agree' || word === 'agrees') && !hasAuxBefore(toks, tr.a, clause.a)) {
      let k = tr.b + 1;
      let that = false;
      for (; k < Math.min(toks.length, tr.b + 9) && k <= clause.b; k++) if (toks[k].w === 'that') that = true;
      if (that || (isResponse && linked.self)) continue;
    }
    if (isResponse && linked.self && linkedBefore && (trigger.entry.id === 'agree' || trigger.entry.id === 'accepted') && !isPassive(toks, tr.a) && !hasAuxBefore(toks, tr.a, clause.a)) continue;
    let rung = trigger.entry.rung;
    // "shared with the unions for comment" is consultation; "for information only" is not.
    if (rungLevel(rung) < rungLevel('consulted') && FOR_COMMENT.test(lower.slice(toks[clause.a].s - start, toks[clause.b].e - start))) rung = 'consulted';
    const polarity = polarityOf(toks, tr, clause, isQuestion, trigger.entry.kind);
    if (trigger.entry.kind === 'verb') {
      let subject: PartyMark | undefined = linkedBefore ? linked : undefined;
      for (let pi = parties.length - 1; !subject && pi >= 0; pi--) {
        const { p, r } = parties[pi];
        if (r.b < tr.a && r.b >= clause.a && tr.a - r.b <= 7 && linksBefore(toks, r.b, tr.a, parties.map((x) => x.r))) subject = p;
      }
      if (subject) lastSubject = { party: subject, clause: clause.a };
    }
    readings.push({ trigger, party: linked, rung, status: polarity.status, hedged, clause: { s: toks[clause.a].s, e: toks[clause.b].e }, cue: polarity.cue });
  }
  return readings;
}

/** Whether another trigger sits earlier in the sentence (so a venue phrase is not the sentence's only claim). */
function readingsHaveOther(triggers: TriggerMark[], ti: number, tr: Span2, toks: Tok[]): boolean {
  return triggers.some((t, i) => i !== ti && t.s < toks[tr.a].s);
}

function endsWithQuestion(lower: string): boolean {
  let i = lower.length - 1;
  while (i >= 0 && (lower[i] === '"' || lower[i] === "'" || lower[i] === ')' || /\s/.test(lower[i]) || lower[i] === '*' || lower[i] === '_')) i--;
  return i >= 0 && lower[i] === '?';
}

function clauseOf(toks: Tok[], at: number): Span2 {
  let a = at;
  while (a > 0 && !toks[a - 1].boundary) a--;
  let b = at;
  while (b + 1 < toks.length && !toks[b + 1].boundary) b++;
  return { a, b };
}

function isPartyToken(ranges: Span2[], k: number): boolean {
  return ranges.some((r) => k >= r.a && k <= r.b);
}

function linksAfter(toks: Tok[], tEnd: number, pStart: number, kind: TriggerEntry['kind'], partyRanges: Span2[]): boolean {
  let k = pStart - 1;
  while (k > tEnd && (MODIFIERS.has(toks[k].w) || toks[k].w === '"' || toks[k].w === "'")) k--;
  if (k === tEnd) return kind !== 'stance';
  const w = toks[k].w;
  if (kind === 'stance') return STANCE_LINKS.has(w) && k - tEnd <= 3;
  if (LINKS.has(w)) {
    // "before the unions' meeting" is no link; "with", "to", "by" are.
    if (w === 'before' || w === 'in' || w === 'within') return false;
    return true;
  }
  if (w === 'and' || w === 'or' || w === ',' || w === '&') {
    let j = k - 1;
    while (j > tEnd && MODIFIERS.has(toks[j].w) && !PEOPLE.has(toks[j].w)) j--;
    if (j <= tEnd) return false;
    if (isPartyToken(partyRanges, j) || PEOPLE.has(toks[j].w)) {
      // The list must itself hang on a link word: "with managers and the unions".
      for (let x = j; x > tEnd; x--) {
        if (LINKS.has(toks[x].w) && toks[x].w !== 'before' && toks[x].w !== 'in') return true;
        if (toks[x].boundary) return false;
      }
      return j - tEnd <= 2;
    }
  }
  return false;
}

function linksBefore(toks: Tok[], pEnd: number, tStart: number, partyRanges: Span2[]): boolean {
  const gap = tStart - pEnd - 1;
  if (gap > 6) return false;
  for (let k = pEnd + 1; k < tStart; k++) {
    const w = toks[k].w;
    // "members have told us they were not consulted": a new subject straight after the party is not the party.
    if (w === 'they' && k === pEnd + 1) return false;
    if (SUBJECT_GAP.has(w) || isPartyToken(partyRanges, k) || (w.length > 4 && w.endsWith('ly'))) continue;
    if (w === 'and' && k + 1 < tStart && (toks[k + 1].w === 'the' || toks[k + 1].w === 'management' || toks[k + 1].w === 'we' || PEOPLE.has(toks[k + 1].w))) continue;
    if ((w === 'the' || w === 'management' || w === 'employer' || w === 'trust' || w === 'council' || w === 'university' || w === 'department' || w === 'we') && k > pEnd + 1 && toks[k - 1].w === 'and') continue;
    if (w === ',' && k + 1 < tStart) continue;
    return false;
  }
  return true;
}

function isPassive(toks: Tok[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
    const w = toks[k].w;
    if (w === 'been' || w === 'was' || w === 'were' || w === 'be' || w === 'being' || w === 'is' || w === 'are') return true;
  }
  return false;
}

function hasAuxBefore(toks: Tok[], at: number, floor: number): boolean {
  for (let k = at - 1; k >= Math.max(floor, at - 3); k--) {
    const w = toks[k].w;
    if (w === 'have' || w === 'has' || w === 'had' || w === 'been' || w === 'was' || w === 'were') return true;
  }
  return false;
}

const MONTH_BEFORE = new Set(['in', 'on', 'of', 'since', 'until', 'by', 'from', 'early', 'late', 'mid', 'during', 'before', 'after', 'end', 'start', 'beginning', 'this', 'next', 'last', 'throughout', 'to', 'and', 'or', 'between', '-', '–']);

/** "in May", "on 3 May 2026": the month, not the modal verb. */
function isMonth(toks: Tok[], k: number): boolean {
  const prev = toks[k - 1]?.w ?? '';
  const next = toks[k + 1]?.w ?? '';
  return MONTH_BEFORE.has(prev) || /^\d/.test(prev) || /^\d/.test(next);
}

function isNominal(toks: Tok[], tr: Span2, kind: TriggerEntry['kind']): boolean {
  const head = toks[tr.a].w;
  if (head === 'meeting' || head === 'meetings' || head === 'talks' || head === 'discussions' || head === 'conversations' || head === 'workshop' || head === 'workshops') return true;
  const w = toks[tr.b].w;
  if (/(?:tion|tions|ment|ments|sion|sions|talks|dialogue|ship|ships)$/.test(w)) return true;
  if (kind === 'noun') return true;
  if (w.endsWith('ing') || w.endsWith('ings')) return tr.a > 0 && DETERMINERS.has(toks[tr.a - 1].w);
  return false;
}

/** Words of time that say "future" only when the verb group does not say otherwise. */
const TIME_WORDS = new Set(['next', 'future', 'upcoming', 'forthcoming', 'ahead', 'soon', 'shortly', 'later', 'eventually', 'tomorrow']);
const PAST_AUX = new Set(['has', 'have', 'had', 'was', 'were', 'been', 'is', 'are', 'did', "'s"]);

/** A past or present finite verb group between a word of time and the trigger ("… has been discussed"). */
function pastVerbGroup(toks: Tok[], from: number, at: number): boolean {
  let past = false;
  for (let k = from + 1; k < at; k++) {
    const w = toks[k].w;
    if (w === 'will' || w === 'shall' || w === "'ll" || w === 'going' || w === 'due') return false;
    if (PAST_AUX.has(w)) past = true;
  }
  // "the unions were later consulted": the auxiliary may come before the adverb.
  if (!past && from > 0 && PAST_AUX.has(toks[from - 1].w) && (toks[from].w === 'later' || toks[from].w === 'soon' || toks[from].w === 'shortly' || toks[from].w === 'eventually')) past = true;
  // A past participle or simple past as the trigger itself after the noun phrase ("the next phase was agreed").
  return past;
}

function polarityOf(toks: Tok[], tr: Span2, clause: Span2, isQuestion: boolean, kind: TriggerEntry['kind']): { status: Reading['status']; cue?: string } {
  if (isQuestion) return { status: 'question', cue: '?' };
  // Backwards over the clause: negation, modality, conditions.
  let status: Reading['status'] = 'claim';
  let cue: string | undefined;
  for (let k = tr.a - 1, dist = 1; k >= Math.max(0, tr.a - 16); k--, dist++) {
    if (toks[k].w === 'whether' && k >= clause.a) return { status: 'question', cue: 'whether' };
  }
  for (let k = tr.a - 1, dist = 1; k >= clause.a && dist <= 9; k--, dist++) {
    const w = toks[k].w;
    if (dist <= 2 && PRESUPPOSE.has(w)) {
      // "following consultation with staff side", "as agreed with the unions": presupposed, past.
      if (w === 'as' && k + 1 < toks.length && !/ed$/.test(toks[k + 1].w) && toks[k + 1].w !== 'part') continue;
      if (w === 'through' && !isNominal(toks, tr, kind)) continue;
      if (w === 'further' && toks[k + 1]?.w !== 'to') continue;
      if (w === 'light' && toks[k - 1]?.w !== 'in') continue;
      break;
    }
    // "there is no way for the unions to agree", "no opportunity to comment"
    if (w === 'no' && NO_WAY.has(toks[k + 1]?.w ?? '')) return { status: 'negated', cue: `no ${toks[k + 1].w}` };
    if (NEGATORS.has(w)) {
      if (w === 'no' && dist > 4) continue;
      if (w === 'without' && dist > 5) continue;
      if (w === 'prior') continue;
      // "the lack of consultation", "in the absence of agreement"; but "sickness absence procedures" is no negation.
      if ((w === 'lack' || w === 'absence' || w === 'failure') && toks[k + 1]?.w !== 'of') continue;
      if ((w === 'absent' || w === 'lacking') && dist > 2) continue;
      const next = toks[k + 1]?.w;
      if ((w === 'not' || w === "n't") && (next === 'only' || next === 'just' || next === 'least' || next === 'merely')) continue;
      if (w === 'no' && (next === 'doubt' || next === 'longer' && false)) continue;
      if (status === 'claim') return { status: 'negated', cue: w };
    }
    if (w === 'yet' && toks[k + 1]?.w === 'to') return { status: 'negated', cue: 'yet to' };
    if ((w === 'point' || w === 'time' || w === 'stage') && toks[k - 1]?.w === 'no' && toks[k - 2]?.w === 'at') return { status: 'negated', cue: 'at no point' };

    if (w === 'rather' && toks[k + 1]?.w === 'than') return { status: 'negated', cue: 'rather than' };
    if (w === 'instead' && toks[k + 1]?.w === 'of') return { status: 'negated', cue: 'instead of' };
    if (status === 'claim' && FUTURE.has(w)) {
      // "the plan for the next phase has been discussed", "were later consulted": a word of time inside a noun
      // phrase or beside a past verb group does not make the verb future; the verb group decides.
      if (TIME_WORDS.has(w) && pastVerbGroup(toks, k, tr.a)) continue;
      if (w === 'subject' && toks[k + 1]?.w !== 'to') continue;
      if (w === 'due' && toks[k + 1]?.w !== 'to') continue;
      if (w === 'going' && toks[k + 1]?.w !== 'to') continue;
      if (w === 'forward' && toks[k - 1]?.w !== 'look' && toks[k - 1]?.w !== 'looking' && toks[k - 1]?.w !== 'looks') continue;
      if ((w === 'plan' || w === 'plans' || w === 'aim' || w === 'aims' || w === 'hope' || w === 'wish' || w === 'want' || w === 'intention' || w === 'next' || w === 'future' || w === 'ahead' || w === 'prepared' || w === 'ready' || w === 'open' || w === 'willing') && !(toks[k + 1]?.w === 'to' || w === 'next' || w === 'future' || w === 'ahead')) continue;
      status = 'future';
      cue = w;
      continue;
    }
    if (status === 'claim' && HYPOTHETICAL.has(w) && !(w === 'may' && isMonth(toks, k))) {
      if ((w === 'need' || w === 'needs') && toks[k + 1]?.w !== 'to') continue;
      status = 'hypothetical';
      cue = w;
      continue;
    }
  }
  if (status === 'future') {
    // "we will consult the unions if the pilot is extended": conditional.
    for (let k = tr.b + 1; k <= clause.b; k++) {
      const w = toks[k].w;
      if (w === 'if' || w === 'unless' || w === 'provided' || w === 'providing') return { status: 'hypothetical', cue: w };
    }
  }
  if (status !== 'claim') return { status, cue };
  // An infinitive: "to consult", "to be consulted", unless it reports the past ("we were able to agree").
  const before = toks[tr.a - 1]?.w;
  const before2 = toks[tr.a - 2]?.w;
  if ((before === 'to' && !INFINITIVE_PAST.has(before2 ?? '') && !isNominal(toks, tr, kind) && before2 !== 'up' && before2 !== 'signed') || (before === 'be' && before2 === 'to')) {
    const anchor = before === 'be' ? toks[tr.a - 3]?.w : before2;
    if (!INFINITIVE_PAST.has(anchor ?? '')) return { status: 'future', cue: 'to' };
  }
  // "has agreed no such thing", "agreed nothing".
  const a1 = toks[tr.b + 1]?.w;
  const a2 = toks[tr.b + 2]?.w;
  if (a1 === 'nothing' || (a1 === 'no' && (a2 === 'such' || a2 === 'part')) || (a1 === 'to' && a2 === 'nothing')) return { status: 'negated', cue: a1 };
  // After a noun trigger: "consultation will follow", "agreement has not been reached", "talks would resume".
  if (isNominal(toks, tr, kind) || kind === 'stance') {
    let depth = 0;
    // ("Formal consultation with all four representative bodies on the staffing implications of the plan will
    // begin …": the verb can come a dozen words after the noun.)
    for (let k = tr.b + 1, n = 0; k <= clause.b && n < 16; k++) {
      const w = toks[k].w;
      if (w === '(') depth++;
      if (w === ')') depth = Math.max(0, depth - 1);
      if (depth > 0 || w === ')') continue;
      // "the unions share our view that the model is not sustainable": what follows is the view, not the claim.
      if (kind === 'stance' && w === 'that' && k === tr.b + 1) break;
      n++;
      if (w === 'will' || w === 'shall' || w === "'ll") return { status: 'future', cue: w };
      if ((w === 'is' || w === 'are') && (toks[k + 1]?.w === 'due' || toks[k + 1]?.w === 'planned' || toks[k + 1]?.w === 'scheduled' || toks[k + 1]?.w === 'expected' || toks[k + 1]?.w === 'intended' || toks[k + 1]?.w === 'proposed' || toks[k + 1]?.w === 'to')) return { status: 'future', cue: toks[k + 1].w };
      if (w === 'would' || w === 'could' || w === 'might' || (w === 'may' && !isMonth(toks, k)) || w === 'should' || w === 'must') return { status: 'hypothetical', cue: w };
      if (AUX.has(w)) {
        const n1 = toks[k + 1]?.w;
        const n2 = toks[k + 2]?.w;
        const n3 = toks[k + 3]?.w;
        // "a meeting with the branch has been arranged for 28 April"
        if ((n1 === 'been' || n1 === 'being') && ARRANGED.has(n2 ?? '') && (n3 === 'for' || n3 === 'to')) return { status: 'future', cue: n2 };
        if (ARRANGED.has(n1 ?? '') && (n2 === 'for' || n2 === 'to')) return { status: 'future', cue: n1 };
        if (n1 === 'not' || n1 === "n't" || n1 === 'never' || n2 === 'not' || n2 === "n't" || n2 === 'never') return { status: 'negated', cue: 'not' };
        if (n1 === 'yet' && n2 === 'to') return { status: 'negated', cue: 'yet to' };
        break;
      }
    }
  }
  return { status: 'claim' };
}

/**
 * The strongest asserted reading, else the strongest non-claim one. A ballot's acceptance is the evidence for the
 * sentence's other claim ("negotiated with UCU, and accepted by members in a ballot"); it is the claim only when
 * the sentence makes no other.
 */
export function chooseReading(readings: Reading[]): Reading | undefined {
  let best: Reading | undefined;
  const rank = (r: Reading) => (r.status === 'claim' ? (r.trigger.entry.id === 'ballot-accept' ? 1 : 2) : 0);
  for (const r of readings) {
    if (!best) {
      best = r;
      continue;
    }
    const rc = rank(r);
    const bc = rank(best);
    if (rc > bc) best = r;
    else if (rc === bc && rungLevel(r.rung) > rungLevel(best.rung)) best = r;
  }
  return best;
}
