/**
 * One finding shape for every result, in the spirit of vfile messages: a rule id, a message, a note, a docs
 * url and an exact position. The CLI prints findings; the extension turns them into diagnostics and hovers.
 */
import type { Position } from './text/positions';
import { CLAIM_RULE, RULES, type RuleId, type Severity } from './rules';
import { RUNGS, type Claim, type CompareResult } from './contract';

export interface RelatedLocation {
  path?: string;
  position: Position;
  message: string;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** One line: what is wrong. */
  message: string;
  /** More detail: why, what was found, what would resolve it. */
  note: string;
  /** The rule's docs page, relative to the repository root. */
  url: string;
  path?: string;
  position: Position;
  /** The exact source text at `position`. */
  text: string;
  related: RelatedLocation[];
}

/** The finding for a claim, or undefined for a claim that is not flagged. */
export function claimFinding(claim: Claim, path?: string, severities?: Partial<Record<RuleId, Severity>>): Finding | undefined {
  const ruleId = CLAIM_RULE[claim.status];
  if (!ruleId) return undefined;
  const rule = RULES[ruleId];
  const related: RelatedLocation[] = [];
  if (claim.disputedBy) {
    related.push({ path: claim.disputedBy.path, position: claim.disputedBy.position, message: `Disputed: "${shorten(claim.disputedBy.text, 160)}"` });
  }
  for (const e of claim.evidence) {
    if (e.position) related.push({ path: e.path, position: e.position, message: `Evidence (${e.rung}): ${e.description}` });
  }
  return {
    ruleId,
    severity: severities?.[ruleId] ?? rule.severity,
    message: claimHeadline(claim),
    note: claimNote(claim, rule.summary),
    url: rule.docs,
    path,
    position: claim.position,
    text: claim.text,
    related,
  };
}

/**
 * The one line a diagnostic shows: what kind of flag, at which rung, on which words. The full account (the
 * evidence found or missing, the disputing passage) is the claim's `message`, shown in hovers and reports; VS Code
 * puts a diagnostic's message first in the hover, so a long one would push the explanation out of view.
 */
export function claimHeadline(claim: Claim): string {
  const words = `"${shorten(claim.text.replace(/[*_`]/g, ''), 90)}"`;
  const kind = `claim of ${RUNG_NOUN[claim.rung]}${claim.hedged ? ', stated as a belief,' : ''}`;
  const best = claim.evidence.reduce<Claim['rung'] | undefined>((top, e) => (top === undefined || RUNGS.indexOf(e.rung) > RUNGS.indexOf(top) ? e.rung : top), undefined);
  switch (claim.status) {
    case 'unevidenced':
      return `No evidence found for this ${kind}: ${words}`;
    case 'overstated':
      return `This ${kind} goes beyond the evidence${best ? `, which shows ${EVIDENCE_SHOWS[best]}` : ''}: ${words}`;
    case 'disputed':
      return `This ${kind} is disputed${claim.disputedBy?.path ? ` in ${claim.disputedBy.path.split(/[\\/]/).pop()}` : ''}: ${words}`;
    default:
      return claim.message;
  }
}

const EVIDENCE_SHOWS: Record<Claim['rung'], string> = {
  informed: 'only that the unions were informed',
  engaged: 'engagement only',
  consulted: 'consultation only',
  negotiated: 'negotiation but not agreement',
  agreed: 'agreement',
};

const RUNG_NOUN: Record<Claim['rung'], string> = {
  informed: 'informing the unions',
  engaged: 'engagement',
  consulted: 'consultation',
  negotiated: 'negotiation',
  agreed: 'agreement',
};

const RESOLVE: Partial<Record<Claim['status'], string>> = {
  unevidenced: 'Ask for the date and forum of the meeting, the minutes or the letter that shows it, or add the meeting to your consultation log.',
  overstated: 'Ask for the claim to describe the involvement as it was, or for evidence of the stronger rung.',
  disputed: 'Put the record straight in writing before the claim is repeated.',
};

/** The note for a flagged claim: the rule, the phrase that made it a claim, and what would resolve it. */
function claimNote(claim: Claim, summary: string): string {
  const parts = [summary, `Claim word: "${claim.phrase}" (${claim.rung}).`];
  if (claim.hedged) parts.push('It is hedged, and a belief is not evidence.');
  const resolve = RESOLVE[claim.status];
  if (resolve) parts.push(resolve);
  return parts.join(' ');
}

/** Every finding of a comparison, letter first. */
export function compareFindings(result: CompareResult, severities?: Partial<Record<RuleId, Severity>>): Finding[] {
  const out: Finding[] = [];
  const aims = new Map(result.letter.aims.map((a) => [a.id, a]));
  for (const alignment of result.alignments) {
    if (alignment.stance !== 'unaddressed') continue;
    const aim = aims.get(alignment.aim);
    if (!aim) continue;
    const rule = RULES['unanswered-aim'];
    out.push({
      ruleId: rule.id,
      severity: severities?.[rule.id] ?? rule.severity,
      message: `The response does not answer this aim: "${shorten(aim.title, 80)}".`,
      note: rule.summary,
      url: rule.docs,
      path: result.letter.path,
      position: aim.position,
      text: aim.text,
      related: [],
    });
  }
  for (const c of result.letter.claims) {
    const f = claimFinding(c, result.letter.path, severities);
    if (f) out.push(f);
  }
  for (const c of result.response.claims) {
    const f = claimFinding(c, result.response.path, severities);
    if (f) out.push(f);
  }
  return out.sort((a, b) => (a.path === b.path ? a.position.start.offset - b.position.start.offset : a.path === result.letter.path ? -1 : 1));
}

export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
