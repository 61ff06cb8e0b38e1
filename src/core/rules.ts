/**
 * The rules, as data: one entry per rule id, with its default severity and the docs page that explains it.
 * Every finding names one of these ids, so the CLI, diagnostics, hovers and quick fixes share one vocabulary.
 */
import type { ClaimStatus } from './contract';

export type RuleId = 'unevidenced-claim' | 'overstated-claim' | 'disputed-claim' | 'unanswered-aim' | 'input-warning';
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Rule {
  id: RuleId;
  title: string;
  severity: Severity;
  /** Path of the rule's docs page, relative to the repository (and to the installed extension). */
  docs: string;
  summary: string;
}

export const RULES: Record<RuleId, Rule> = {
  'unevidenced-claim': {
    id: 'unevidenced-claim',
    title: 'Claim of union involvement with no evidence',
    severity: 'warning',
    docs: 'docs/rules/unevidenced-claim.md',
    summary: 'The text claims the unions were informed, engaged, consulted, negotiated with or agreed, and nothing in the text or the consultation log supports it.',
  },
  'overstated-claim': {
    id: 'overstated-claim',
    title: 'Claim stronger than the evidence',
    severity: 'warning',
    docs: 'docs/rules/overstated-claim.md',
    summary: 'Evidence exists, but only for a lower rung of involvement than the one claimed (for example, it claims agreement where the log shows consultation).',
  },
  'disputed-claim': {
    id: 'disputed-claim',
    title: 'Claim the union disputes',
    severity: 'error',
    docs: 'docs/rules/disputed-claim.md',
    summary: "The union's response, or the consultation log, says the claimed involvement did not happen.",
  },
  'unanswered-aim': {
    id: 'unanswered-aim',
    title: 'Aim the response does not answer',
    severity: 'information',
    docs: 'docs/rules/unanswered-aim.md',
    summary: 'The letter states this aim and the paired response says nothing about it.',
  },
  'input-warning': {
    id: 'input-warning',
    title: 'Part of a document could not be read',
    severity: 'warning',
    docs: 'docs/rules/input-warning.md',
    summary: 'Front matter or a consultation-log row could not be read and was skipped; the rest of the document was analysed.',
  },
};

/** The rule that flags a claim of each status; a status without one is not flagged. */
export const CLAIM_RULE: Readonly<Partial<Record<ClaimStatus, RuleId>>> = {
  unevidenced: 'unevidenced-claim',
  overstated: 'overstated-claim',
  disputed: 'disputed-claim',
};
