/**
 * Claims of union involvement: found in any document, placed on the ladder
 * (informed < engaged < consulted < negotiated < agreed), and weighed against the evidence in the text, the
 * consultation log and the paired union response. See docs/rules/*-claim.md for what each status means.
 */
import type { Claim, ClaimStatus, Evidence, Located, Rung } from '../contract';
import { rungLevel } from '../contract';
import type { Doc } from '../document/model';
import type { LetterAim } from '../aims/extract';
import { located } from '../document/located';
import { silencedBy } from '../document/directives';
import type { Position, Span } from '../text/positions';
import { describeDate, findDates, formatDate, parseDate } from '../text/dates';
import { logTopicIndex, type ConsultationLog, type LogEntry } from './log';
import { DISPUTE_CUES, EVIDENCE, FORUM_CAP, REPORTED_SPEECH, REPORTING_FRAME, SELF_SPEAKER, UNION_NAMES } from './lexicon';
import { endOf, firstAtOrAfter, readingsOf, scanDocument, ScanMemo, startOf, type Scan, type SentenceReading } from './scan';
import { sharedStems, topicStems } from './topic';
import { collapsedSpaces, flattened, sourceSpan, spaced, wordAlternatives } from './compact';
import type { Reading } from './sentence';
import { firstAtLeastBy } from '../text/search';
import { CLAIM_RULE } from '../rules';
import { detachStrings } from '../text/detached';

export type { LogEntry, ConsultationLog } from './log';
export { parseConsultationLog } from './log';

/** A phrase a user adds in settings: a literal, never a regular expression. */
export interface ExtraPhrase {
  phrase: string;
  rung: Rung;
}

export interface ClaimContext {
  log?: ConsultationLog;
  /** The paired response, which may dispute the letter's claims. */
  response?: Doc;
  /** The letter's aims, which give a claim its subject. */
  aims?: LetterAim[];
  extraPhrases?: ExtraPhrase[];
  /**
   * Who is speaking. Without it: the front matter's `role`, then `responds-to`; a document given a `response`
   * to weigh against is the letter; failing all that, the document's voice decides.
   */
  role?: 'letter' | 'response';
}

const RUNG_NOUN: Record<Rung, string> = {
  informed: 'that the unions were even informed',
  engaged: 'engagement',
  consulted: 'consultation',
  negotiated: 'negotiation',
  agreed: 'agreement',
};
const RUNG_ONLY: Record<Rung, string> = {
  informed: 'that the unions were informed',
  engaged: 'engagement',
  consulted: 'consultation',
  negotiated: 'negotiation',
  agreed: 'agreement',
};

const EVIDENCE_RE = new RegExp(wordAlternatives(EVIDENCE.map((e) => e.pattern)), 'g');
const IMPLICIT_DENIAL = new RegExp(
  spaced(/\b(?:(?:(?:not|never|nobody|none of us (?:was|were)) (?:been |being |properly |formally |officially |kept |even |ever |meaningfully ){0,3}|at no (?:point|stage|time) (?:were|was|have|has|had) (?:we|the unions?|the branch|staff side|either union|any union|our (?:members|representatives|reps|stewards)) (?:been |ever |even ){0,2})(consulted|informed|told|briefed|involved|engaged|notified|shown|asked|negotiated|agreed)|(?:(?:do|does|did) not|nor do (?:we|members|the unions)) (share) (?:your|the [a-z'-]+|this|that) (?:views?|assessment|analysis|position))\b/.source),
);
const DENIED_RUNG: Record<string, Rung> = {
  consulted: 'consulted', informed: 'informed', told: 'informed', briefed: 'informed', involved: 'engaged', engaged: 'engaged',
  notified: 'informed', shown: 'informed', asked: 'consulted', negotiated: 'negotiated', agreed: 'agreed',
  // "We do not share your view that …": the letter's "the unions share our view" (agreement) denied.
  share: 'agreed',
};
const DOC_REF = new RegExp(spaced(/\b(?:the|these|this|our|its|my) (?:proposals?|plans?|changes?|review|redesign|restructure|restructuring|reorganisation|programme|project|policy|paper|document|model|strategy|scheme|framework|consultation document|business case|options)\b(?! (?:board|team|group|manager|lead|officer|director|sponsor)s?\b)/.source));
const ANAPHORA = new RegExp(spaced(/\b(?:since then|at th(?:at|is|e same) meeting|on th(?:at|e same) (?:date|day)|that day|th(?:ese|ose) meetings|at which|following (?:that|this)|thereafter|subsequently|as a result)\b/.source));
const CORRESPONDENCE_RE = new RegExp(spaced(/\b(?:email|e-mail|emailed|letter|wrote|written|memo|memorandum|sent|copy|copied|circulated|issued)\b/.source));
const MEETING_RE = new RegExp(spaced(/\b(?:meeting|meetings|met|workshop|workshops|session|sessions|committee|council|forum|board|conference|call|demonstrat\w*|presentation|presented|walkthrough|visit)\b/.source));
const FUTURE_NEAR = new RegExp(spaced(/\b(?:will|shall|next|upcoming|forthcoming|planned|due to|would|intend|propose to|scheduled)\b/.source));
const NEGATION_NEAR = new RegExp(spaced(/\b(?:no|not|never|without|nor|none|n't|yet to)\b/.source));

/** Finds claims of union involvement and weighs them against the evidence. */
export function findClaims(doc: Doc, ctx: ClaimContext = {}): Claim[] {
  return claimsOf(doc, ctx, (role) => scanDocument(doc, { role, extraPhrases: ctx.extraPhrases }));
}

function roleOf(doc: Doc, ctx: ClaimContext): 'letter' | 'response' | undefined {
  return ctx.role ?? (ctx.response && !doc.frontMatter.role ? 'letter' : undefined);
}

/** A claim as weighed, before any directive silences it, with what the weighing depended on beyond the sentence's own block. */
interface Weighed {
  claim: Claim;
  /** Whether the claim was weighed (its aim and section heading then count), and those. */
  weighed: boolean;
  aim: string | undefined;
  heading: string;
  /** Which of its pieces of evidence are the document's own sentences (moved with them). */
  own: boolean[];
}

/** Keeps claims weighed for the readings of one scan, for the next scan of the document (see `ClaimsMemo`). */
interface ClaimReuse {
  /** The claim weighed last time for the reading `sr` came from, moved to where it is now, if it still holds. */
  find(sr: SentenceReading, aim: () => string | undefined, heading: () => string): Claim | undefined;
  keep(sr: SentenceReading, w: Weighed): void;
}

/** Evidence read from the document's own sentences (its position moves with them after an edit). */
const OWN_EVIDENCE = new WeakSet<Evidence>();

function claimsOf(doc: Doc, ctx: ClaimContext, scanOf: (role: 'letter' | 'response' | undefined) => Scan, reuse?: (globals: unknown[]) => ClaimReuse | undefined): Claim[] {
  const role = roleOf(doc, ctx);
  const scan = scanOf(role);
  const letterDate = documentDate(doc);
  const title = documentTitle(doc);
  const responseScan = ctx.response ? scanDocument(ctx.response, { role: 'response', extraPhrases: ctx.extraPhrases }) : undefined;
  const { disputes, confirmations, disputeIndex, confirmationIndex } = responseScan ? responseReadings(responseScan) : NO_RESPONSE;
  const docNoun = scan.isResponse ? 'The response' : doc.frontMatter.role === 'letter' || ctx.response || role === 'letter' ? 'The letter' : 'The document';
  const out: Claim[] = [];
  const titleStems = topicStems(title);
  const firstHeading = doc.blocks.findIndex((b) => b.kind === 'heading');
  const reusing = reuse?.([letterDate, title, docNoun, responseScan, ctx.log, ctx.extraPhrases, role]);
  const subjectMemo = new Map<number, Set<string>>();
  const evidenceMemo: EvidenceMemo = { bySentence: new Map(), last: -1, inOrder: true };
  for (const sr of scan.readings) {
    const known = reusing?.find(
      sr,
      () => aimOf(doc, sr, ctx.aims)?.text,
      () => (ctx.log ? subjectHeading(doc, sr, title, firstHeading) : ''),
    );
    if (known) {
      out.push(silenced(doc, known, sr.span));
      continue;
    }
    const { reading } = sr;
    const base = located(doc, sr.span);
    const phraseSpan = sourceSpan(scan.compact, reading.trigger.s, reading.trigger.e);
    const fragment = fragmentOf(scan, reading);
    const initial = statusOf(scan, sr);
    let status: ClaimStatus = initial === 'quoted' ? 'reported' : initial;
    const claim: Claim = {
      text: base.text,
      position: base.position,
      rung: reading.rung,
      status,
      message: '',
      phrase: doc.source.slice(phraseSpan.start, phraseSpan.end),
      hedged: reading.hedged,
      evidence: [],
    };
    if (status !== 'unevidenced') {
      claim.message = flattened(nonClaimMessage(initial, fragment, reading));
      reusing?.keep(sr, { claim, weighed: false, aim: undefined, heading: '', own: [] });
      out.push(claim);
      continue;
    }
    // Weigh the claim.
    const aim = aimOf(doc, sr, ctx.aims);
    const claimStems = () => {
      const own = clauseStemsOf(scan, reading);
      if (!aim) return own;
      const st = new Set(own);
      topicStems(aim.text, st);
      return st;
    };
    const evidence: Evidence[] = [];
    evidence.push(...textEvidence(scan, sr, letterDate, evidenceMemo));
    let disputedBy: (Located & { path?: string }) | undefined;
    if (ctx.log) {
      let subject = subjectMemo.get(sr.block);
      if (!subject) {
        subject = subjectStems(doc, sr, ctx.aims, '');
        subjectMemo.set(sr.block, subject);
      }
      // "the proposals", "this review": the claim is about the document's own subject, which its title names.
      const aboutDocument = DOC_REF.test(scan.compact.lower(reading.clause.s, reading.clause.e));
      const local = aboutDocument ? new Set([...subject, ...titleStems]) : subject;
      const { support, denial } = logEvidence(ctx.log, reading, local, titleStems, letterDate, () => namedUnions(reading, scan));
      evidence.push(...support);
      if (denial && !support.some((e) => rungLevel(e.rung) >= rungLevel(reading.rung) && (e.date ?? '') >= (denial.date ?? ''))) {
        disputedBy = { text: denial.text, position: denial.position, ...(ctx.log.path !== undefined ? { path: ctx.log.path } : {}) };
      }
    }
    if (responseScan && (confirmations.length > 0 || disputes.length > 0)) {
      const clauseStems = claimStems();
      let claimTextMemo: string | undefined;
      const claimText = () => (claimTextMemo ??= normWords(doc.source.slice(sr.span.start, sr.span.end)));
      for (const k of confirmationIndex.candidates(clauseStems, 2)) {
        const { c, stems, quotes } = confirmations[k];
        if (!(countShared(clauseStems, stems) >= 2 || quoteMatches(quotes, claimText))) continue;
        const sp = responseScan.doc.sentences[c.sentence];
        const loc = located(responseScan.doc, sp.span);
        evidence.push({ kind: 'text', description: flattened(`the union's own account in its response (${c.reading.rung}): "${shorten(sp.text, 120)}"`), rung: c.reading.rung, ...loc, ...(responseScan.doc.path ? { path: responseScan.doc.path } : {}) });
      }
      let d: DisputePassage | undefined;
      for (const k of disputeIndex.candidates(clauseStems, 1)) {
        const p = disputes[k];
        if ((p.denies === undefined || rungLevel(reading.rung) >= rungLevel(p.denies)) && passageMatches(p, claimText, clauseStems, reading.rung, titleStems)) {
          d = p;
          break;
        }
      }
      if (d) {
        disputedBy = { ...located(responseScan.doc, d.span), ...(responseScan.doc.path ? { path: responseScan.doc.path } : {}) };
        // The disputing passage is quoted once: an account inside it is not listed again as evidence.
        const within = (e: Evidence) =>
          e.kind === 'text' && e.path === disputedBy!.path && e.position !== undefined &&
          e.position.start.offset >= d.span.start && e.position.end.offset <= d.span.end;
        if (evidence.some(within)) evidence.splice(0, evidence.length, ...evidence.filter((e) => !within(e)));
      }
    }
    const weighed = logOverrides(evidence);
    if (weighed !== evidence) {
      evidence.length = 0;
      for (const e of weighed) evidence.push(e);
    }
    // A list of its own length (one grown by adding keeps room for more).
    claim.evidence = evidence.length === 0 ? [] : evidence.slice();
    // On a tie, the log's own row is named rather than the text it overrode.
    const best = evidence.reduce<Evidence | undefined>((b, e) => (!b || rungLevel(e.rung) > rungLevel(b.rung) || (rungLevel(e.rung) === rungLevel(b.rung) && CAPPED.has(b) && !CAPPED.has(e)) ? e : b), undefined);
    if (disputedBy) {
      status = 'disputed';
      claim.disputedBy = disputedBy;
    } else if (best && rungLevel(best.rung) >= rungLevel(reading.rung)) status = 'evidenced';
    else if (best) status = 'overstated';
    else status = 'unevidenced';
    claim.status = status;
    claim.message = flattened(flaggedMessage(docNoun, status, fragment, reading, evidence, best, disputedBy, ctx.log !== undefined, responseScan !== undefined));
    if (evidence.length > MAX_LISTED_EVIDENCE) {
      claim.evidence = strongestEvidence(evidence, best);
      claim.evidenceNotListed = evidence.length - claim.evidence.length;
    }
    reusing?.keep(sr, {
      claim,
      weighed: true,
      aim: aim?.text,
      heading: ctx.log ? subjectHeading(doc, sr, title, firstHeading) : '',
      own: claim.evidence.map((e) => OWN_EVIDENCE.has(e)),
    });
    out.push(silenced(doc, claim, sr.span));
  }
  return out;
}

/** The claim as a directive on or before its line leaves it: silenced, or as it was. */
function silenced(doc: Doc, claim: Claim, span: Span): Claim {
  const rule = CLAIM_RULE[claim.status];
  if (!rule) return claim;
  const d = silencedBy(doc.directives, rule, span);
  if (!d) return claim;
  return {
    ...claim,
    status: 'silenced',
    ...(d.reason ? { silencedReason: d.reason } : {}),
    message: `Silenced by a directive on line ${d.line}${d.reason ? ` (${d.reason})` : ''}. Without it: ${claim.message}`,
  };
}

/**
 * Kept between findings of claims in versions of one letter compared with one response: the scan of the letter
 * (see `ScanMemo`), the claims weighed for each reading, and the response's own claims. After an edit, a claim is
 * weighed again only if its block or the marks in it changed, its aim's words or its section heading changed, or
 * what every claim is weighed against did (the letter's date and title, the response, the log, the options). The
 * claims are exactly what `findClaims` gives.
 */
export class ClaimsMemo {
  readonly #scans = new ScanMemo();
  #globals: unknown[] = [];
  #weighed = new Map<SentenceReading, Weighed>();
  #responseKey: unknown[] = [];
  #responseClaims: Claim[] = [];

  /** The claims of the letter (`ctx` names the response, the aims, the log and the options). */
  letter(doc: Doc, ctx: ClaimContext): Claim[] {
    const scans = this.#scans;
    // After the first version, what is weighed now is kept as copies, not views on this version's text (see
    // `detached`).
    const detach = this.#weighed.size > 0;
    return claimsOf(doc, ctx, (role) => scans.scan(doc, { role, extraPhrases: ctx.extraPhrases }), (globals) => {
      const same = globals.length === this.#globals.length && globals.every((g, i) => g === this.#globals[i]);
      const before = same ? this.#weighed : new Map<SentenceReading, Weighed>();
      const now = new Map<SentenceReading, Weighed>();
      this.#globals = globals;
      this.#weighed = now;
      return {
        find(sr, aim, heading) {
          const origin = scans.origin(sr);
          const w = origin && before.get(origin.from);
          if (!w || (w.weighed && (w.aim !== aim() || w.heading !== heading()))) return undefined;
          const claim = origin.after ? movedClaim(doc, w, origin.d) : w.claim;
          now.set(sr, claim === w.claim ? w : { ...w, claim });
          return claim;
        },
        keep(sr, w) {
          now.set(sr, detach ? detachStrings(w) : w);
        },
      };
    });
  }

  /** The response's own claims: found again only when the response, the log or the options change. */
  response(doc: Doc, ctx: ClaimContext): Claim[] {
    const key = [doc, ctx.log, ctx.extraPhrases, ctx.role, ctx.response, ctx.aims];
    if (key.length === this.#responseKey.length && key.every((k, i) => k === this.#responseKey[i])) return this.#responseClaims;
    this.#responseClaims = findClaims(doc, ctx);
    this.#responseKey = key;
    return this.#responseClaims;
  }
}

/** A claim weighed in the last version, where its sentence now is: the claim, and the evidence from its own text, moved. */
function movedClaim(doc: Doc, w: Weighed, d: number): Claim {
  const at = (p: Position) => doc.lines.position(p.start.offset + d, p.end.offset + d);
  const c = w.claim;
  const evidence = w.own.some((x) => x) ? c.evidence.map((e, k) => (w.own[k] && e.position ? { ...e, position: at(e.position) } : e)) : c.evidence;
  return { ...c, position: at(c.position), evidence };
}

/**
 * Evidence listed for one claim, at most. A log whose every row shares a word with every claim would otherwise
 * list the whole log under each claim: unreadable, and in a long letter more than a result can hold.
 */
const MAX_LISTED_EVIDENCE = 8;

/** The strongest pieces of evidence (the deciding one first chosen), in the order they were found. */
function strongestEvidence(evidence: Evidence[], best: Evidence | undefined): Evidence[] {
  const ranked = evidence
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e === best ? -1 : b.e === best ? 1 : rungLevel(b.e.rung) - rungLevel(a.e.rung) || (b.e.date ?? '').localeCompare(a.e.date ?? '') || a.i - b.i));
  return ranked
    .slice(0, MAX_LISTED_EVIDENCE)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.e);
}

/** The status a reading gives before evidence is weighed: 'unevidenced' stands for "a claim to weigh". */
type Status = ClaimStatus | 'quoted';

function statusOf(scan: Scan, sr: SentenceReading): Status {
  return (sr.status ??= statusOfUncached(scan, sr)) as Status;
}

function statusOfUncached(scan: Scan, sr: SentenceReading): Status {
  const { reading } = sr;
  const doc = scan.doc;
  const block = doc.blocks[sr.block];
  if (reading.status === 'question') return 'question';
  const triggerQuoted = scan.quotesOf(sr.block).some((q) => q.s < reading.trigger.s && reading.trigger.s < q.e);
  const { s } = scan.range(sr.span);
  const before = scan.compact.lower(s, reading.trigger.s);
  if (scan.isResponse) {
    if (triggerQuoted || block.quoteDepth > 0) return 'quoted';
    REPORTING_FRAME.lastIndex = 0;
    if (REPORTING_FRAME.test(before)) return 'quoted';
    if (reportsOthers(before)) return 'quoted';
  } else if (triggerQuoted) {
    // A letter quoting a claim in order to deny it.
    const r = scan.range(sr.span);
    DISPUTE_CUES.lastIndex = 0;
    if (DISPUTE_CUES.test(scan.compact.lower(r.s, r.e))) return 'quoted';
  }
  if (reading.status !== 'claim') return reading.status;
  return scan.isResponse ? 'reported' : 'unevidenced';
}

/** "the Director told us that …", "HR wrote that …": someone other than the union speaking, reported by it. */
function reportsOthers(before: string): boolean {
  REPORTED_SPEECH.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REPORTED_SPEECH.exec(before)) !== null) {
    const lead = before.slice(Math.max(0, m.index - 60), m.index).split(/[,;:.!?]/).pop() ?? '';
    // "we have said that …", "the branch told members that …": the union's own words.
    if (lead.trim() === '' || SELF_SPEAKER.test(lead)) continue;
    return true;
  }
  return false;
}

/**
 * The topic stems of the last few clauses asked for: a claim's and its paragraph's neighbours' are asked for again
 * and again while it is weighed, and then not at all (a cache of every reading's would hold them all to the end).
 */
const CLAUSE_STEMS_KEPT = 32;
const clauseStemsKeys: Array<Reading | undefined> = new Array(CLAUSE_STEMS_KEPT).fill(undefined);
const clauseStemsValues: Array<Set<string> | undefined> = new Array(CLAUSE_STEMS_KEPT).fill(undefined);
let clauseStemsNext = 0;

function clauseStemsOf(scan: Scan, r: Reading): Set<string> {
  const k = clauseStemsKeys.indexOf(r);
  if (k >= 0) return clauseStemsValues[k]!;
  const st = topicStems(plainOf(scan, r.clause));
  clauseStemsKeys[clauseStemsNext] = r;
  clauseStemsValues[clauseStemsNext] = st;
  clauseStemsNext = (clauseStemsNext + 1) % CLAUSE_STEMS_KEPT;
  return st;
}

function plainOf(scan: Scan, m: { s: number; e: number }): string {
  return collapsedSpaces(scan.compact.cased, m.s, m.e);
}

/** A short quotation of the claim for messages: its clause, trimmed around the trigger and the party. */
function fragmentOf(scan: Scan, r: Reading): string {
  let s = r.clause.s;
  let e = r.clause.e;
  const text = scan.compact.cased;
  const lo = Math.min(r.trigger.s, r.party.s);
  const hi = Math.max(r.trigger.e, r.party.e);
  if (e - s > 140) {
    s = Math.max(s, lo - 50);
    e = Math.min(e, hi + 50);
    while (s > r.clause.s && !/\s/.test(text[s - 1])) s--;
    while (e < r.clause.e && !/\s/.test(text[e])) e++;
  }
  let out = collapsedSpaces(text, s, e).trim().replace(/^[,"'(\s]+|[,.;:"'\s)]+$/g, '');
  if (s > r.clause.s) out = `…${out}`;
  if (e < r.clause.e) out = `${out}…`;
  return out;
}

function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

export function documentDate(doc: Doc): string | undefined {
  const fm = doc.frontMatter.date ? parseDate(doc.frontMatter.date) : undefined;
  if (fm?.to) return fm.to;
  for (const b of doc.blocks.slice(0, 8)) {
    // A date on a line of its own, or on one of the first lines of a header block ("Date: 14 March 2025" above
    // "To:" and "From:").
    const whole = dateLine(b.text);
    if (whole) return whole;
    let at = b.span.start;
    for (let line = 0; line < 8 && at < b.span.end; line++) {
      let end = doc.masked.indexOf('\n', at);
      if (end < 0 || end > b.span.end) end = b.span.end;
      const date = end - at <= 80 ? dateLine(doc.masked.slice(at, end).trim()) : undefined;
      if (date) return date;
      at = end + 1;
    }
  }
  return undefined;
}

/** The day a short line gives as its date ("Date: 14 March 2025", "3 June 2026"), if that is all it says. */
function dateLine(text: string): string | undefined {
  if (text.length === 0 || text.length > 60) return undefined;
  const d = parseDate(text.replace(/^(?:date|dated|sent)\s*[:\-–]\s*/i, ''));
  return d?.to && !d.yearAssumed && d.precision === 'day' ? d.to : undefined;
}

export function documentTitle(doc: Doc): string {
  if (doc.frontMatter.title) return doc.frontMatter.title;
  const h = doc.blocks.find((b) => b.kind === 'heading');
  return h ? h.text : '';
}

/** For each block, the first aim (in the letter's order) holding it or whose span holds its start; and the first
 * aim holding it as one of its own blocks. Built once per list of aims: looking aims up claim by claim was
 * quadratic in long letters. */
interface AimsByBlock {
  holding: Int32Array;
  owning: Int32Array;
}
const aimsByBlockMemo = new WeakMap<LetterAim[], { doc: Doc; index: AimsByBlock }>();

function aimsByBlock(doc: Doc, aims: LetterAim[]): AimsByBlock {
  const memo = aimsByBlockMemo.get(aims);
  if (memo && memo.doc === doc) return memo.index;
  const n = doc.blocks.length;
  const owning = new Int32Array(n).fill(-1);
  const holding = new Int32Array(n).fill(-1);
  const blocks = doc.blocks;
  // Aims come in the letter's order: the first block of each is found by walking on from the last one's.
  let at = 0;
  let lastStart = -1;
  aims.forEach((a, i) => {
    for (const b of a.blocks) if (b >= 0 && b < n && owning[b] < 0) owning[b] = i;
    const { start, end } = a.span;
    if (start < lastStart) at = firstAtLeastBy(blocks, start, startOf);
    else while (at < n && startOf(blocks[at]) < start) at++;
    lastStart = start;
    for (let b = at; b < n && startOf(blocks[b]) < end; b++) if (holding[b] < 0) holding[b] = i;
  });
  for (let b = 0; b < n; b++) if (owning[b] >= 0 && (holding[b] < 0 || owning[b] < holding[b])) holding[b] = owning[b];
  const index = { holding, owning };
  aimsByBlockMemo.set(aims, { doc, index });
  return index;
}

function aimOf(doc: Doc, sr: SentenceReading, aims: LetterAim[] | undefined): LetterAim | undefined {
  if (!aims || aims.length === 0) return undefined;
  const block = doc.blocks[sr.block];
  const { holding, owning } = aimsByBlock(doc, aims);
  const direct = holding[sr.block];
  if (direct >= 0) return aims[direct];
  const viaHeading = block.headingIndex >= 0 ? owning[block.headingIndex] : -1;
  return viaHeading >= 0 ? aims[viaHeading] : undefined;
}

/** The heading of the claim's section that counts as its subject (see `subjectStems`), or ''. */
function subjectHeading(doc: Doc, sr: SentenceReading, docTitle: string, firstHeading: number): string {
  const block = doc.blocks[sr.block];
  const heading = block.headingIndex >= 0 && block.headingIndex !== sr.block ? doc.blocks[block.headingIndex] : undefined;
  return heading && heading.text !== docTitle && !(heading.depth === 1 && firstHeading === heading.index) ? heading.text : '';
}

function subjectStems(doc: Doc, sr: SentenceReading, aims: LetterAim[] | undefined, title: string): Set<string> {
  const block = doc.blocks[sr.block];
  const stems = topicStems(block.text.length > 2000 ? doc.sentences[sr.sentence].text : block.text);
  const aim = aimOf(doc, sr, aims);
  if (aim) topicStems(aim.text, stems);
  // The section heading is the claim's own subject; the document's title is not (it is weighed separately).
  const heading = block.headingIndex >= 0 && block.headingIndex !== sr.block ? doc.blocks[block.headingIndex] : undefined;
  if (heading && heading.text !== documentTitle(doc) && !(heading.depth === 1 && doc.blocks.findIndex((b) => b.kind === 'heading') === heading.index)) topicStems(heading.text, stems);
  if (title) topicStems(title, stems);
  return stems;
}

/**
 * The evidence of each sentence, worked out once in a finding of claims (the first claim to ask decides it). A
 * claim asks only about sentences at most four before its own, and claims come in the order of their sentences,
 * so sentences left behind are dropped as claims move on (when they do come in that order).
 */
interface EvidenceMemo {
  bySentence: Map<number, Evidence[]>;
  /** The sentence of the last claim weighed, and whether the claims so far came in the order of their sentences. */
  last: number;
  inOrder: boolean;
}

/** How many sentences before a claim's own its paragraph's evidence is read from. */
const EVIDENCE_BEFORE = 4;
const NO_EVIDENCE: Evidence[] = [];

/** The first reading of sentence `si` in the scan (its readings are in the order of their sentences). */
function firstReadingOf(scan: Scan, si: number): SentenceReading | undefined {
  const k = firstAtLeastBy(scan.readings, si, (r) => r.sentence);
  return k < scan.readings.length && scan.readings[k].sentence === si ? scan.readings[k] : undefined;
}

/** Evidence in the claim's sentence and its paragraph. */
function textEvidence(scan: Scan, sr: SentenceReading, letterDate: string | undefined, memo: EvidenceMemo): Evidence[] {
  const doc = scan.doc;
  const block = doc.blocks[sr.block];
  const out: Evidence[] = [];
  const at = sr.sentence - block.firstSentence;
  const first = Math.max(0, at - EVIDENCE_BEFORE);
  // (The block's sentences from `first`, nine at most, read from the block's range: the whole list of a block of
  // thousands of sentences, made for each of its claims, would cost time in the square of its length.)
  const sentences: number[] = [];
  for (let k = first; k < Math.min(block.sentenceCount, first + 9); k++) sentences.push(block.firstSentence + k);
  if (sr.sentence < memo.last) memo.inOrder = false;
  if (memo.inOrder && sr.sentence !== memo.last && memo.bySentence.size > 64) {
    for (const k of memo.bySentence.keys()) if (k < sr.sentence - EVIDENCE_BEFORE) memo.bySentence.delete(k);
  }
  memo.last = sr.sentence;
  // "since then", "at that meeting": the claim continues the sentence before it, whose evidence it shares.
  const claimRange = scan.range(sr.span);
  // The cells of a table row are one record: a claim in one ("Formal consultation on the Newcastle closure")
  // shares the evidence of another ("Formal consultation letter issued … on 4 November").
  const continues = block.kind === 'tableRow' || ANAPHORA.test(scan.compact.lower(claimRange.s, claimRange.e));
  for (const si of sentences) {
    const own = si === sr.sentence ? sr : firstReadingOf(scan, si);
    if (own && statusOf(scan, own) !== 'unevidenced') continue; // negated, future, hypothetical … prove nothing
    // Another claim in the paragraph carries its own evidence, unless it is about the same thing.
    if (own && own !== sr && !continues && sharedStems(clauseStemsOf(scan, own.reading), clauseStemsOf(scan, sr.reading)).length === 0) continue;
    let found = memo.bySentence.get(si);
    if (!found) {
      found = sentenceEvidence(scan, si, own, letterDate);
      memo.bySentence.set(si, found);
    }
    out.push(...found);
  }
  return out;
}


/** The evidence one sentence gives, whatever claim it is weighed for. */
function sentenceEvidence(scan: Scan, si: number, own: SentenceReading | undefined, letterDate: string | undefined): Evidence[] {
  const doc = scan.doc;
  const out: Evidence[] = [];
  const year = letterDate ? Number(letterDate.slice(0, 4)) : undefined;
  const sentence = doc.sentences[si];
  const r = scan.range(sentence.span);
  const lower = scan.compact.lower(r.s, r.e);
  const ownRung: Rung = own ? own.reading.rung : 'engaged';
  const withPath = doc.path ? { path: doc.path } : {};
  let loc: Located | undefined;
  const here = () => (loc ??= located(doc, sentence.span));
  // A date with a named forum or a meeting.
  const fi = firstAtOrAfter(scan.forums, r.s);
  const forum = fi < scan.forums.length && scan.forums[fi].e <= r.e ? scan.forums[fi] : undefined;
  const worthDating = forum !== undefined || (own !== undefined && (MEETING_RE.test(lower) || CORRESPONDENCE_RE.test(lower)));
  // A table row is one record: its date may be in a cell of its own ("| Redeployment policy | 6 May 2025 |
  // Consulted on at the JNCC |").
  const block = doc.blocks[sentence.block];
  const dated = block.kind === 'tableRow' ? scan.range(block.span) : r;
  const datedLower = dated === r ? lower : scan.compact.lower(dated.s, dated.e);
  if (worthDating && (/\d/.test(datedLower) || /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/.test(datedLower))) {
    const dates = findDates(scan.compact.cased.slice(dated.s, dated.e), { year }).filter((d) => d.from && (d.precision === 'day' || d.precision === 'month') && (!letterDate || d.from <= letterDate));
    if (dates.length > 0 && !(own === undefined && FUTURE_NEAR.test(lower))) {
      const date = dates[0];
      const when = date.from ? { date: date.from } : {};
      if (forum) {
        const cap = FORUM_CAP[forum.forum ?? 'meeting'];
        const rung = rungLevel(cap) < rungLevel(ownRung) ? cap : ownRung;
        const e: Evidence = { kind: 'text', description: flattened(`${plainOf(scan, forum)} on ${describeDate(date)}`), rung, ...here(), ...when, ...withPath };
        MEETING_OF.set(e, plainOf(scan, forum));
        OWN_EVIDENCE.add(e);
        out.push(e);
      } else if (own && MEETING_RE.test(lower)) {
        const rung = rungLevel(ownRung) < rungLevel('engaged') ? ownRung : 'engaged';
        const e: Evidence = { kind: 'text', description: flattened(`a meeting on ${describeDate(date)}`), rung, ...here(), ...when, ...withPath };
        MEETING_OF.set(e, '');
        OWN_EVIDENCE.add(e);
        out.push(e);
      } else if (own && CORRESPONDENCE_RE.test(lower)) {
        // A dated letter or email to the unions proves they were told, nothing more.
        const e: Evidence = { kind: 'text', description: flattened(`correspondence dated ${describeDate(date)}`), rung: 'informed', ...here(), ...when, ...withPath };
        OWN_EVIDENCE.add(e);
        out.push(e);
      }
    }
  }
  // Documents: minutes, a formal consultation letter, an HR1, a ballot, a signed agreement.
  EVIDENCE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EVIDENCE_RE.exec(lower)) !== null) {
    let g = 1;
    while (g < m.length && m[g] === undefined) g++;
    const entry = EVIDENCE[g - 1];
    const lead = lower.slice(Math.max(0, m.index - 40), m.index).split(/[,;:]/).pop() ?? '';
    if (NEGATION_NEAR.test(lead) || FUTURE_NEAR.test(lead)) continue;
    let rung = entry.rung;
    if (entry.id === 'ballot' && !/\b(?:accept\w*|in\s+favour|endorse\w*|approv\w*|agreed)\b/.test(lower)) rung = 'negotiated';
    if (entry.id === 'ballot' && /\b(?:reject\w*|against)\b/.test(lower)) continue;
    if (entry.id === 'signed-agreement' && findDates(lower, { year }).length === 0 && !/\b(?:annex|appendix|attached|enclosed|ref(?:erence)?\.?\s*\w*\d)/.test(lower)) continue;
    const e: Evidence = { kind: 'text', description: entry.describe, rung, ...here(), ...withPath };
    OWN_EVIDENCE.add(e);
    out.push(e);
  }
  return out.length === 0 ? NO_EVIDENCE : out;
}

const UNION_NAME = new RegExp(`\\b(${UNION_NAMES.join('|')})\\b`, 'g');

function namedUnions(r: Reading, scan: Scan): string[] {
  const names: string[] = [];
  if (r.party.name) names.push(r.party.name.toLowerCase());
  const clause = scan.compact.cased.slice(r.clause.s, r.clause.e);
  for (const m of clause.matchAll(UNION_NAME)) names.push(m[1].toLowerCase());
  return names;
}

/** Text evidence of a meeting: the forum as written ('' for a plain meeting). */
const MEETING_OF = new WeakMap<Evidence, string>();
/** Log evidence: its row. */
const ROW_OF = new WeakMap<Evidence, LogEntry>();
/** Text evidence held down to the log's rung. */
const CAPPED = new WeakSet<Evidence>();

function forumKey(name: string): { words: string; acronym: string } {
  const words = name.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\b(?:the|a|an)\b/g, ' ').replace(/\s+/g, ' ').trim();
  const acronym = words
    .split(' ')
    .filter((w) => w && !['and', 'of', 'for', 'on', 'in'].includes(w))
    .map((w) => w[0])
    .join('');
  return { words, acronym };
}

function sameForum(a: string, b: string): boolean {
  if (!a || !b) return false;
  const x = forumKey(a);
  const y = forumKey(b);
  if (!x.words || !y.words) return false;
  return x.words === y.words || x.words === y.acronym || y.words === x.acronym || (x.acronym.length >= 3 && x.acronym === y.acronym && (x.words.includes(' ') === y.words.includes(' ')));
}

/**
 * The consultation log is the union's own record: when it records the same meeting the text describes (the same
 * date, or the same forum on the same topic) at a lower rung, the text's account of that meeting is not evidence of
 * more than the log shows. Every piece of evidence from that sentence of the text is held to the log's rung.
 */
function withinDays(a: string | undefined, b: string | undefined, days: number): boolean {
  if (!a || !b) return true;
  const d = Math.abs(Date.parse(a) - Date.parse(b));
  return Number.isFinite(d) && d <= days * 86400000;
}

function logOverrides(evidence: Evidence[]): Evidence[] {
  const caps = new Map<string, Rung>();
  for (const t of evidence) {
    const forum = MEETING_OF.get(t);
    if (forum === undefined || t.text === undefined) continue;
    let cap: Rung | undefined;
    for (const l of evidence) {
      const row = ROW_OF.get(l);
      if (!row) continue;
      // The same day; or the same forum on the same topic within a month (a meeting the letter misdates).
      const same = (t.date !== undefined && row.date !== undefined && t.date === row.date) || (sameForum(forum, row.forum) && withinDays(t.date, row.date, 31));
      if (!same) continue;
      if (cap === undefined || rungLevel(l.rung) > rungLevel(cap)) cap = l.rung;
    }
    if (cap === undefined) continue;
    // The row confirms the meeting took place, and a meeting at a forum is engagement whatever else it reached.
    if (rungLevel(cap) < rungLevel('engaged')) cap = 'engaged';
    const prev = caps.get(t.text);
    if (prev === undefined || rungLevel(cap) > rungLevel(prev)) caps.set(t.text, cap);
  }
  if (caps.size === 0) return evidence;
  return evidence.map((e) => {
    if (e.kind !== 'text' || e.text === undefined) return e;
    const cap = caps.get(e.text);
    if (cap === undefined || rungLevel(e.rung) <= rungLevel(cap)) return e;
    const capped: Evidence = { ...e, rung: cap, description: `${e.description} (the consultation log records that meeting as ${cap})` };
    CAPPED.add(capped);
    if (OWN_EVIDENCE.has(e)) OWN_EVIDENCE.add(capped);
    return capped;
  });
}

/** Whether a log row with `size` topic stems, `shared` of them with the claim's subject and title, is on its topic. */
function rowMatches(shared: number, size: number): boolean {
  return size === 1 ? shared === 1 : shared >= 2 && shared / size >= 0.4;
}

/** The fewest shared stems with which a row of `size` stems is on the claim's topic (for the log's topic index). */
function rowStemsNeeded(size: number): number {
  for (let shared = 1; shared <= size; shared++) if (rowMatches(shared, size)) return shared;
  return size;
}

/** Log rows on the claim's topic, dated on or before the letter. */
function logEvidence(log: ConsultationLog, r: Reading, subject: Set<string>, titleStems: Set<string>, letterDate: string | undefined, claimedNames: () => string[]): { support: Evidence[]; denial?: LogEntry } {
  const scored: Array<{ e: Evidence; score: number; specific: number }> = [];
  let denial: LogEntry | undefined;
  // Only the rows that could share enough words with the claim's subject and title (see LogTopicIndex), in log order.
  const index = logTopicIndex(log, rowStemsNeeded);
  for (const i of index.candidates(subject, titleStems)) {
    const row = log.entries[i];
    if (!row.outcome) continue;
    if (letterDate && row.date && row.date > letterDate) continue;
    const rowStems = index.stems[i];
    if (rowStems.size === 0) continue;
    // The row must share a word with the claim's own sentence, paragraph, aim or section; the document's title
    // may add to that, but cannot match a row on its own.
    const local = sharedStems(rowStems, subject);
    if (local.length === 0) continue;
    const shared = local.length + sharedStems(rowStems, titleStems).filter((x) => !subject.has(x)).length;
    if (!rowMatches(shared, rowStems.size)) continue;
    const unions = row.unions.toLowerCase();
    if (unions && /[a-z]/.test(unions) && !/\b(?:all|staff side|tus|trade unions|unions|joint)\b/.test(unions)) {
      const claimed = claimedNames();
      if (claimed.length > 0 && !claimed.some((n) => unions.includes(n))) continue;
    }
    if (row.denies && rungLevel(r.rung) >= rungLevel(row.denies)) {
      if (!denial || (row.date ?? '') > (denial.date ?? '')) denial = row;
    }
    const specific = local.filter((x) => !titleStems.has(x) && subject.has(x)).length;
    const ev: Evidence = {
      kind: 'log',
      description: `${row.forum || 'a meeting'}${row.dateText ? ` on ${row.dateText}` : ''}: "${row.topic}" (${row.outcomeText || row.outcome}${row.reference ? `; ${row.reference}` : ''})`,
      rung: row.outcome,
      text: row.text,
      position: row.position,
      ...(log.path !== undefined ? { path: log.path } : {}),
      ...(row.date ? { date: row.date } : {}),
    };
    ROW_OF.set(ev, row);
    scored.push({ specific, score: shared / rowStems.size + local.length / 10, e: ev });
  }
  // Rows on the claim's own subject (a word beyond the document's title) outrank rows on the whole document.
  const specificOnly = scored.some((x) => x.specific > 0) ? scored.filter((x) => x.specific > 0) : scored;
  specificOnly.sort((a, b) => b.score - a.score);
  return { support: specificOnly.map((x) => x.e), denial };
}

interface DisputePassage {
  span: Span;
  /** For a union denial: the rung it denies; undefined for an outright contradiction ("this is not the case"). */
  denies: Rung | undefined;
  /** The rung the passage denies, outright contradiction or not: one shared word is enough for a claim of that rung. */
  denied: Rung | undefined;
  /** The passage's topic words (each once) and the quotations around it, which `passageMatches` compares with a claim's. */
  stems: readonly string[];
  quotes: string[];
}

/** How many of `stems` (each once) are in `set`: the number of stems the two share. */
/** How many of `stems` are in `set`, not counting those in `except`. */
function countShared(set: Set<string>, stems: readonly string[], except?: Set<string>): number {
  let n = 0;
  for (const s of stems) if (set.has(s) && !except?.has(s)) n++;
  return n;
}

/** Whether a disputing passage answers a claim (its text, stems and rung). */
function passageMatches(p: DisputePassage, claimText: () => string, claimStems: Set<string>, claimRung: Rung, titleStems: Set<string>): boolean {
  if (quoteMatches(p.quotes, claimText)) return true;
  // The letter's title words (the employer's name, the programme's) are in every passage's subject: not a topic.
  const shared = countShared(claimStems, p.stems, titleStems);
  // Two words in common, or one when the passage denies exactly what the claim asserts.
  return shared >= 2 || (shared === 1 && p.denied !== undefined && p.denied === claimRung);
}

/**
 * Passages found by the words they share with a claim. A passage can match a claim only by sharing at least
 * `least` of its words or by quoting it, so only those are tried, in their order: the same answers as trying
 * every passage for every claim, without the cost of that in a long letter and a long response.
 */
class PassageIndex {
  readonly #byStem = new Map<string, number[]>();
  readonly #quoting: number[] = [];
  readonly #size: number;
  constructor(items: Array<{ stems: readonly string[]; quotes: string[] }>) {
    this.#size = items.length;
    items.forEach((item, i) => {
      for (const st of item.stems) {
        const list = this.#byStem.get(st);
        if (list) list.push(i);
        else this.#byStem.set(st, [i]);
      }
      if (item.quotes.length > 0) this.#quoting.push(i);
    });
  }
  /** Indexes, ascending, of the passages sharing at least `least` of `stems` or holding quotations. */
  candidates(stems: Set<string>, least: number): number[] {
    const counts = (this.#counts ??= new Int32Array(this.#size));
    const touched: number[] = [];
    for (const st of stems) {
      const list = this.#byStem.get(st);
      if (!list) continue;
      for (const i of list) if (counts[i]++ === 0) touched.push(i);
    }
    const out: number[] = [];
    for (const i of touched) {
      if (counts[i] >= least) {
        out.push(i);
        counts[i] = -1;
      } else counts[i] = 0;
    }
    for (const i of this.#quoting) if (counts[i] !== -1) out.push(i);
    for (const i of out) counts[i] = 0;
    return out.sort((a, b) => a - b);
  }
  #counts: Int32Array | undefined;
}

interface ResponseReadings {
  disputes: DisputePassage[];
  /** A response's own accounts of its involvement, with their clauses' topic stems (each once) and what they quote. */
  confirmations: Array<{ c: SentenceReading; stems: readonly string[]; quotes: string[] }>;
  disputeIndex: PassageIndex;
  confirmationIndex: PassageIndex;
}

const NO_RESPONSE: ResponseReadings = { disputes: [], confirmations: [], disputeIndex: new PassageIndex([]), confirmationIndex: new PassageIndex([]) };

/** What a response says about involvement: read once per scan of it, however many letters are compared with it. */
const responseReadingsMemo = new WeakMap<Scan, ResponseReadings>();

function responseReadings(rs: Scan): ResponseReadings {
  const known = responseReadingsMemo.get(rs);
  if (known) return known;
  const disputes = disputingPassages(rs);
  const confirmations = rs.readings.filter((r) => statusOf(rs, r) === 'reported').map((c) => ({ c, stems: [...clauseStemsOf(rs, c.reading)], quotes: quotesAround(rs, c.sentence) }));
  const out = { disputes, confirmations, disputeIndex: new PassageIndex(disputes), confirmationIndex: new PassageIndex(confirmations) };
  responseReadingsMemo.set(rs, out);
  return out;
}

const NO_QUOTES: string[] = [];

function normWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a response sentence quotes: quotations in it and in the two sentences before it, and a quotation set out
 * just before its paragraph ("> …" or a quoted line), normalised for matching with the letter's text.
 */
function quotesAround(rs: Scan, si: number): string[] {
  const doc = rs.doc;
  const sentence = doc.sentences[si];
  const block = doc.blocks[sentence.block];
  const pos = si - block.firstSentence;
  const quotes: string[] = [];
  const pushQuotes = (k: number, b: number) => {
    const s = startOf(doc.sentences[k]);
    const e = endOf(doc.sentences[k]);
    for (const q of rs.quotesOf(b)) if (q.s >= s && q.e <= e) quotes.push(normWords(rs.compact.cased.slice(q.s + 1, q.e - 1)));
  };
  pushQuotes(si, block.index);
  for (let k = 1; k <= 2 && pos - k >= 0; k++) pushQuotes(si - k, block.index);
  if (pos === 0 && block.index > 0) {
    const prevBlock = doc.blocks[block.index - 1];
    if (prevBlock.kind !== 'heading') {
      if (prevBlock.quoteDepth > block.quoteDepth) quotes.push(normWords(prevBlock.text));
      for (let k = Math.max(0, prevBlock.sentenceCount - 2); k < prevBlock.sentenceCount; k++) pushQuotes(prevBlock.firstSentence + k, prevBlock.index);
    }
  }
  const kept = quotes.filter((q) => q.split(' ').length >= 3);
  return kept.length === 0 ? NO_QUOTES : kept;
}

function quoteMatches(quotes: string[], claimText: () => string): boolean {
  if (quotes.length === 0) return false;
  const text = claimText();
  return quotes.some((q) => text.includes(q) || (q.length > 30 && q.includes(text.slice(0, 60))));
}

/** Passages of the union's response that deny involvement or contradict the letter outright. */
function disputingPassages(rs: Scan): DisputePassage[] {
  const doc = rs.doc;
  const out: DisputePassage[] = [];
  const title = documentTitle(doc);
  const denials = new Map<number, Rung>();
  for (const r of rs.readings) {
    for (const a of readingsOf(r)) {
      if (a.status !== 'negated') continue;
      const prev = denials.get(r.sentence);
      if (prev === undefined || rungLevel(a.rung) < rungLevel(prev)) denials.set(r.sentence, a.rung);
    }
  }
  for (const sentence of doc.sentences) {
    const block = doc.blocks[sentence.block];
    if (block.kind === 'heading') continue;
    const lower = rs.compact.lower(startOf(sentence), endOf(sentence));
    DISPUTE_CUES.lastIndex = 0;
    const explicit = DISPUTE_CUES.test(lower);
    let denies = denials.get(sentence.index);
    if (!explicit && denies === undefined) {
      // "The Group was not kept informed": a denial whose subject Counterpoint does not know as a party.
      const m = IMPLICIT_DENIAL.exec(lower);
      if (m) denies = DENIED_RUNG[m[1] ?? m[2]] ?? 'informed';
    }
    if (!explicit && denies === undefined) continue;
    const pos = sentence.index - block.firstSentence;
    // Context: this sentence, the one before, and the section heading (not the document title).
    const context = [sentence.text];
    if (pos > 0) context.push(doc.sentences[sentence.index - 1].text);
    const quotes = quotesAround(rs, sentence.index);
    const heading = block.headingIndex >= 0 ? doc.blocks[block.headingIndex].text : '';
    if (heading && heading !== title) context.push(heading);
    // Show the contradiction with what follows it when it is a short "This is not the case.": what follows says
    // what the contradiction is about too.
    let span: Span = sentence.span;
    if (explicit && sentence.text.length < 60 && pos + 1 < block.sentenceCount) {
      const next = doc.sentences[block.firstSentence + pos + 1];
      span = { start: sentence.span.start, end: next.span.end };
      context.push(next.text);
    }
    const stems = [...topicStems(context.join(' '))];
    out.push({
      span,
      denies: explicit ? undefined : denies,
      denied: denies,
      stems,
      quotes,
    });
  }
  return out;
}

function nonClaimMessage(status: Status, fragment: string, r: Reading): string {
  switch (status) {
    case 'negated':
      return `Not a claim: the statement is negated ("${fragment}"), so it says the involvement did not happen.`;
    case 'future':
      return `Not a claim: a future commitment ("${fragment}"). Worth tracking, but it does not say the involvement has happened.`;
    case 'hypothetical':
      return `Not a claim: a conditional statement ("${fragment}").`;
    case 'question':
      return `Not a claim: a question ("${fragment}").`;
    case 'quoted':
      return `Not a claim: the employer's words quoted or reported ("${fragment}"), not asserted here.`;
    case 'reported':
      return `The union's own account of its involvement ("${fragment}", ${r.rung}); not a claim to check.`;
    default:
      return fragment;
  }
}

function flaggedMessage(
  docNoun: string,
  status: ClaimStatus,
  fragment: string,
  r: Reading,
  evidence: Evidence[],
  best: Evidence | undefined,
  disputedBy: (Located & { path?: string }) | undefined,
  hasLog: boolean,
  hasResponse: boolean,
): string {
  const says = `${docNoun} says "${fragment}" (${r.rung}${r.hedged ? ', hedged' : ''}).`;
  const hedge = r.hedged ? ' A belief is not evidence.' : '';
  switch (status) {
    case 'disputed': {
      const where = disputedBy?.position ? `${disputedBy.path ? `${baseName(disputedBy.path)}, ` : ''}line ${disputedBy.position.start.line}` : '';
      const fromLog = disputedBy && evidence.some((e) => e.kind === 'log' && e.text === disputedBy.text);
      const who = fromLog ? 'The consultation log records otherwise' : "The union's response disputes this";
      return `${says} ${who}: "${shorten(disputedBy?.text ?? '', 220)}"${where ? ` (${where})` : ''}.`;
    }
    case 'evidenced':
      return `${says} Supported by ${best ? (best.kind === 'log' ? `the consultation log: ${best.description}` : best.description) : 'the evidence'}.`;
    case 'overstated': {
      const e = best!;
      const source = e.kind === 'log' ? `The consultation log shows only ${RUNG_ONLY[e.rung]} (${e.description})` : `The text shows only ${RUNG_ONLY[e.rung]} (${e.description})`;
      return `${says} ${source}; nothing shows ${RUNG_NOUN[r.rung]}.${hedge}`;
    }
    default: {
      const logPart = hasLog ? `, and the consultation log has no entry on this showing ${RUNG_NOUN[r.rung]}` : ', and no consultation log was given to check it against';
      const respPart = hasResponse ? '' : '';
      return `${says} Nothing supports it: the text names no dated meeting at a named forum, no minutes and no formal letter${logPart}.${respPart}${hedge}`;
    }
  }
}

function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}

export { formatDate };
