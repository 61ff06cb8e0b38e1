/**
 * Claims of union involvement compared across versions: a claim added ("agreed with the trade unions" where
 * there was none), removed, strengthened (engaged → agreed) or weakened, anywhere in the letter.
 *
 * Claims come from the shared claim finder (src/core/claims/claims.ts) when it finds any; otherwise a
 * small local finder stands in: a sentence that names a union or a joint forum and, within a few words, a
 * phrase on the ladder of involvement. Claim sentences are matched across versions with the same matcher as
 * aims (exact text first, then similar sentences), so the cost stays near-linear.
 */
import type { Claim, Rung, SignificantChange } from '../contract';
import { rungLevel } from '../contract';
import type { Doc } from '../document/model';
import { located } from '../document/located';
import { findClaims } from '../claims/claims';
import type { Span } from '../text/positions';
import { matchItems, type MatchItem } from './match';
import { normaliseTypography } from './tokens';

/** A claim as the diff needs it. */
export interface VersionClaim {
  span: Span;
  /** The sentence. */
  text: string;
  /** The phrase on the ladder ("agreed with the trade unions"). */
  phrase: string;
  rung: Rung;
  /** False for statements that are not claims: negated, future, hypothetical, a question, reported speech. */
  asserted: boolean;
  /** The status the claim finder gave, for the note on a statement that is not a claim. */
  status: string;
}

const NOT_ASSERTED = new Set(['negated', 'future', 'hypothetical', 'question', 'reported']);

/**
 * Claims in both versions: the shared finder's when it finds any in either version, else the local
 * stand-in's (one finder for both versions, so that a claim is never compared across finders).
 */
export function claimsOfPair(oldDoc: Doc, newDoc: Doc): [VersionClaim[], VersionClaim[]] {
  const a = sharedClaims(oldDoc);
  const b = sharedClaims(newDoc);
  if (a.length > 0 || b.length > 0) return [a.map((c) => fromShared(oldDoc, c)), b.map((c) => fromShared(newDoc, c))];
  return [localClaims(oldDoc), localClaims(newDoc)];
}

function sharedClaims(doc: Doc): Claim[] {
  try {
    return findClaims(doc);
  } catch {
    return [];
  }
}

function fromShared(doc: Doc, c: Claim): VersionClaim {
  const span = { start: c.position.start.offset, end: c.position.end.offset };
  const masked = doc.masked.slice(span.start, span.end);
  const at = c.text.indexOf(c.phrase);
  return {
    span,
    text: c.text,
    phrase: at >= 0 ? widenPhrase(masked, at, at + c.phrase.length) : c.phrase.replace(/\s+/g, ' '),
    rung: c.rung,
    asserted: !NOT_ASSERTED.has(c.status),
    status: c.status,
  };
}

/**
 * The phrase with the union or forum it names, when that is within a few words: "agreed" becomes "agreed with
 * the trade unions", "supports" becomes "UNISON broadly supports".
 */
function widenPhrase(text: string, a: number, b: number): string {
  const near = nearestUnion(unionSpans(text), a, b);
  const [s, e] = near ? [Math.min(a, near[0]), Math.max(b, near[1])] : [a, b];
  return text.slice(s, e).replace(/\s+/g, ' ').trim();
}

function unionSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  UNION.lastIndex = 0;
  for (let m = UNION.exec(text); m !== null; m = UNION.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** The union or forum named nearest a phrase, after it or before it, within 45 characters. */
function nearestUnion(unions: Array<[number, number]>, a: number, b: number): [number, number] | undefined {
  let near: [number, number] | undefined;
  let gap = 46;
  for (const [u, v] of unions) {
    const d = u >= b ? u - b : v <= a ? a - v : Infinity;
    if (d < gap) {
      gap = d;
      near = [u, v];
    }
  }
  return near;
}

/* ------------------------------------------------------------ local stand-in */

const UNION =
  /\b(?:trade\s+unions?|unions?|staff\s+side|trade\s+union\s+side|(?:D?TUS)|recognised\s+unions|representative\s+bodies|Napo|NAPO|UNISON|Unison|GMB|UCU|PCS|FDA|FBU|NEU|RCN|BMA|Unite|POA|NTUS|JNCC|JNC|NNC|NJC|joint\s+(?:negotiating|consultative|consultation)\s+(?:and\s+consultation\s+)?(?:committee|council|forum)|partnership\s+forum|branch(?:es)?)\b/gi;

const RUNG_PHRASES: Array<[Rung, RegExp]> = [
  ['agreed', /\b(?:jointly\s+agreed|agreed|agreement|signed\s+off|endorsed|broadly\s+support(?:s|ed)?|support(?:s|ed)?)\b/gi],
  ['negotiated', /\b(?:negotiat\w*|talks)\b/gi],
  ['consulted', /\b(?:consult(?:ed|ation|ing)?)\b/gi],
  ['engaged', /\b(?:engag(?:ed|ement|ing)|discuss(?:ed|ions?)|involv(?:ed|ement)|worked\s+with|working\s+with|in\s+partnership|met\s+with)\b/gi],
  ['informed', /\b(?:briefed|briefing|shared\s+with|made\s+aware|informed|notified|updated)\b/gi],
];
const NEGATION_BEFORE = /\b(?:not|n't|never|yet\s+to|no|without)\b[^.;]{0,25}$/i;
const FUTURE_BEFORE = /\b(?:will|shall|would|to\s+be|going\s+to|once|until|before)\s+(?:\w+\s+){0,2}$/i;
const FUTURE_AFTER = /^[^.;]{0,30}\b(?:will\s+(?:follow|begin|start|take\s+place|commence)|is\s+planned|are\s+planned)\b/i;

export function localClaims(doc: Doc): VersionClaim[] {
  const out: VersionClaim[] = [];
  for (const s of doc.sentences) {
    const text = doc.masked.slice(s.span.start, s.span.end);
    const unions = unionSpans(text);
    if (unions.length === 0) continue;
    let best: VersionClaim | undefined;
    let bestScore = -1;
    for (const [rung, re] of RUNG_PHRASES) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const a = m.index;
        const b = a + m[0].length;
        // A forum's name ("Joint Negotiating Committee") is not a claim of negotiation.
        if (unions.some(([u, v]) => a < v && b > u)) continue;
        const near = nearestUnion(unions, a, b);
        if (!near) continue;
        const before = text.slice(Math.max(0, a - 40), a);
        const negated = NEGATION_BEFORE.test(before);
        const future = !negated && (FUTURE_BEFORE.test(before) || FUTURE_AFTER.test(text.slice(b, b + 40)));
        const asserted = !negated && !future;
        const score = (asserted ? 10 : 0) + rungLevel(rung);
        if (score <= bestScore) continue;
        const ps = Math.min(a, near[0]);
        const pe = Math.max(b, near[1]);
        bestScore = score;
        best = {
          span: s.span,
          text: doc.source.slice(s.span.start, s.span.end),
          phrase: text.slice(ps, pe).replace(/\s+/g, ' ').trim(),
          rung,
          asserted,
          status: negated ? 'negated' : future ? 'future' : 'unevidenced',
        };
      }
    }
    if (best) out.push(best);
  }
  return out;
}

/* ------------------------------------------------------------ comparison */

export interface ClaimChange extends SignificantChange {
  /** Offsets of the old and new claim sentences, to place the change inside an aim. */
  oldSpan?: Span;
  newSpan?: Span;
}

const STATUS_WORDS: Record<string, string> = {
  negated: 'a denial, not a claim',
  future: 'a future step, not a claim',
  hypothetical: 'a hypothetical, not a claim',
  question: 'a question, not a claim',
  reported: 'reported speech, not a claim',
};

function quote(c: VersionClaim): string {
  return `'${c.phrase}' (${c.rung})`;
}

/** Claim changes between two versions of a letter, in the order of the new version (removals last). */
export function diffClaims(oldDoc: Doc, oldClaims: VersionClaim[], newDoc: Doc, newClaims: VersionClaim[]): ClaimChange[] {
  const item = (c: VersionClaim): MatchItem => ({ key: normaliseTypography(c.text) });
  const m = matchItems(oldClaims.map(item), newClaims.map(item), { nearThreshold: 0.3, farThreshold: 0.5 });
  const out: ClaimChange[] = [];
  const at = (doc: Doc, span: Span) => located(doc, span).position;
  newClaims.forEach((n, j) => {
    const i = m.newToOld[j];
    const o = i >= 0 ? oldClaims[i] : undefined;
    const base = { kind: 'claim' as const, new: n.text, newPosition: at(newDoc, n.span), newSpan: n.span };
    if (!o) {
      if (n.asserted) out.push({ ...base, description: `New claim: ${quote(n)}`, change: 'added' });
      return;
    }
    const withOld = { ...base, old: o.text, oldPosition: at(oldDoc, o.span), oldSpan: o.span };
    if (n.asserted && !o.asserted) {
      out.push({ ...withOld, description: `New claim: ${quote(n)}, where the old version said '${o.phrase}' (${STATUS_WORDS[o.status] ?? o.status})`, change: 'added' });
    } else if (!n.asserted && o.asserted) {
      out.push({ ...withOld, description: `Claim withdrawn: the old version said ${quote(o)}; the new one says '${n.phrase}' (${STATUS_WORDS[n.status] ?? n.status})`, change: 'removed' });
    } else if (n.asserted && o.asserted && n.rung !== o.rung) {
      const up = rungLevel(n.rung) > rungLevel(o.rung);
      out.push({
        ...withOld,
        description: up ? `New claim: ${quote(n)}, where the old version said ${quote(o)}` : `Claim weakened: ${quote(n)}, where the old version said ${quote(o)}`,
        change: up ? 'strengthened' : 'weakened',
      });
    }
  });
  oldClaims.forEach((o, i) => {
    if (m.oldToNew[i] >= 0 || !o.asserted) return;
    out.push({ kind: 'claim', description: `Claim removed: the old version said ${quote(o)}`, old: o.text, oldPosition: at(oldDoc, o.span), oldSpan: o.span, change: 'removed' });
  });
  return out;
}
