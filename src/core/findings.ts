/**
 * One finding shape for every result, in the spirit of vfile messages: a rule id, a message, a note, a docs
 * url and an exact position. The CLI prints findings; the extension turns them into diagnostics and hovers.
 */
import type { Position } from './text/positions';
import { RULES, type RuleId, type Severity } from './rules';
import type { Claim, CompareResult } from './contract';

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

const CLAIM_RULE: Partial<Record<Claim['status'], RuleId>> = {
  unevidenced: 'unevidenced-claim',
  overstated: 'overstated-claim',
  disputed: 'disputed-claim',
};

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
    message: claim.message,
    note: claimNote(claim, rule.summary),
    url: rule.docs,
    path,
    position: claim.position,
    text: claim.text,
    related,
  };
}

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
