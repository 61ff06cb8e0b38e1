/**
 * The words of hovers, as Markdown built from the engine's contract objects. Pure (no `vscode`), so it can be
 * unit-tested. Every piece of document text is escaped: hovers are rendered without HTML and only the links
 * this module writes (command links the caller has enabled) can act.
 */
import type { Aim, Alignment, Claim, Evidence, Rung, Stance } from '../core/contract';
import { RUNGS, rungLevel } from '../core/contract';
import { CLAIM_RULE, RULES, type RuleId } from '../core/rules';
import { moreEvidence } from '../core/report/model';
import { shorten } from '../core/findings';

/**
 * Escapes text so that Markdown shows it literally, on one line: no markup, no HTML, and no links (the renderer
 * turns bare "https://…", "www.…" and e-mail addresses into links, so their ":", "." and "@" become entities).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => (c === '&' ? '&amp;' : `\\${c}`))
    .replace(/:(?=\/\/)/g, '&#58;')
    .replace(/\b(www)\\\./gi, '$1&#46;')
    .replace(/@/g, '&#64;');
}

/** A quotation of document text as a Markdown block quote, shortened to about `max` characters. */
export function quote(text: string, max = 400): string {
  return `> ${escapeMarkdown(shorten(text, max))}`;
}

/** A `command:` link target with JSON arguments. */
export function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

export const RUNG_NOUN: Record<Rung, string> = {
  informed: 'informing the unions',
  engaged: 'engagement with the unions',
  consulted: 'consultation',
  negotiated: 'negotiation',
  agreed: 'agreement',
};

/** What would count as evidence for a claim at each rung, in plain words. */
export const EVIDENCE_FOR: Record<Rung, string> = {
  agreed:
    'a signed collective agreement, a ballot result, or minutes recording agreement at a named negotiating forum (for example the JNCC, NNC, NJC or a Whitley council); or a row in the consultation log on this topic, dated on or before the letter, with the outcome "agreed".',
  negotiated:
    'minutes of dated negotiations at a named forum, held with a view to reaching agreement; or a row in the consultation log on this topic, dated on or before the letter, with the outcome "negotiated" or "agreed".',
  consulted:
    'a formal consultation letter, an HR1 form, TUPE regulation 13 consultation, or minutes of a dated meeting at a named forum where the proposals were put to the union for comment before a decision; or a log row on this topic, dated on or before the letter, with the outcome "consulted" or stronger. A meeting alone is not consultation.',
  engaged:
    'a dated meeting or session at a named forum with a note of who took part; or a row in the consultation log on this topic, dated on or before the letter, with the outcome "engaged" or stronger.',
  informed:
    'a dated briefing, email or letter to the union; or a row in the consultation log on this topic, dated on or before the letter, with any outcome.',
};

export const STANCE_MEANING: Record<Stance, string> = {
  support: 'the response agrees without material reservation.',
  qualified: 'the response agrees in principle, with conditions or concerns.',
  concern: 'the response takes no position yet: it raises concerns or asks for information.',
  oppose: 'the response rejects or disputes this aim.',
  unaddressed: 'the response does not answer this aim.',
};

const STATUS_WORD: Partial<Record<Claim['status'], string>> = {
  unevidenced: 'no evidence found',
  overstated: 'stronger than the evidence',
  disputed: 'disputed',
  evidenced: 'evidenced',
  silenced: 'silenced',
};

export function ruleForClaim(claim: Claim): RuleId | undefined {
  return CLAIM_RULE[claim.status];
}

/** True for the claims a hover explains: flagged, evidenced or silenced (not negated, future, quoted…). */
export function explainsClaim(claim: Claim): boolean {
  return STATUS_WORD[claim.status] !== undefined;
}

export interface ClaimHoverLinks {
  /** Opens the disputing passage beside the document. */
  disputed?: string;
  /** Where the disputing passage is, in words ("response.md, line 12"). */
  disputedWhere?: string;
  /** One link per evidence item with a position, by index. */
  evidence?: Array<string | undefined>;
  /** Opens the rule's docs page. */
  docs?: string;
  /** The consultation log's name, or undefined when no log was found. */
  logName?: string;
}

function strongest(evidence: Evidence[]): Rung | undefined {
  let best: Rung | undefined;
  for (const e of evidence) if (!best || rungLevel(e.rung) > rungLevel(best)) best = e.rung;
  return best;
}

/** The hover for a claim of union involvement. */
export function claimHover(claim: Claim, links: ClaimHoverLinks = {}): string {
  const out: string[] = [];
  const status = STATUS_WORD[claim.status] ?? claim.status;
  out.push(`**Counterpoint** · claim of ${RUNG_NOUN[claim.rung]} · **${status}**`);
  out.push('');
  out.push(escapeMarkdown(claim.message));
  out.push('');
  const ladder = RUNGS.map((r) => (r === claim.rung ? `**${r}**` : r)).join(' < ');
  out.push(`**Rung claimed:** ${claim.rung} (from “${escapeMarkdown(claim.phrase)}”), on the ladder ${ladder}.`);
  if (claim.hedged) out.push('', 'It is worded as a belief or expectation. A belief is not evidence, and such sentences are later read as agreement.');
  out.push('');
  if (claim.status === 'unevidenced') {
    out.push(
      `**Why it is flagged:** nothing in the document${links.logName ? ` or in the consultation log (${escapeMarkdown(links.logName)})` : ''} supports it.` +
        (links.logName ? '' : ' No consultation log was found: put consultation-log.md beside the letter, name one in the front matter (consultation-log:), or set counterpoint.consultationLog.'),
    );
  } else if (claim.status === 'overstated') {
    const best = strongest(claim.evidence);
    out.push(`**Why it is flagged:** the evidence found reaches only *${best ?? 'a lower rung'}*, below the *${claim.rung}* claimed.`);
  } else if (claim.status === 'disputed') {
    out.push('**Why it is flagged:** the union says the claimed involvement did not happen.');
  } else if (claim.status === 'silenced') {
    out.push(`**Silenced** by a counterpoint-disable comment${claim.silencedReason ? `: ${escapeMarkdown(claim.silencedReason)}` : ' (no reason given)'}.`);
  }
  out.push('');
  if (claim.evidence.length === 0) {
    out.push('**Evidence found:** none.');
  } else {
    out.push('**Evidence found:**');
    out.push('');
    claim.evidence.forEach((e, i) => {
      const link = links.evidence?.[i];
      out.push(`- ${escapeMarkdown(e.description)} (reaches *${e.rung}*)${link ? ` · [open](${link})` : ''}`);
    });
    if (claim.evidenceNotListed) out.push(`- ${escapeMarkdown(moreEvidence(claim.evidenceNotListed))}`);
  }
  if (claim.disputedBy) {
    out.push('');
    out.push(`**Disputed${links.disputedWhere ? ` in ${escapeMarkdown(links.disputedWhere)}` : ''}:**`);
    out.push('');
    out.push(quote(claim.disputedBy.text));
    if (links.disputed) {
      out.push('');
      out.push(`[Open the disputing passage to the side](${links.disputed})`);
    }
  }
  if (claim.status !== 'evidenced' && claim.status !== 'silenced') {
    out.push('');
    out.push(`**What would count as evidence:** ${EVIDENCE_FOR[claim.rung]}`);
  }
  const rule = ruleForClaim(claim);
  if (rule && links.docs) {
    out.push('');
    out.push(`[About this check: ${rule}](${links.docs}) · ${escapeMarkdown(RULES[rule].title)}`);
  }
  return out.join('\n');
}

export interface AimHoverContext {
  index: number;
  count: number;
  paired: boolean;
  responseName?: string;
  /** One link per passage, opening it beside the letter. */
  passageLinks?: string[];
  /** Opens the pairing picker, when no response is paired. */
  pairLink?: string;
}

/** The hover for an aim of the letter: its stance and the answering passages. */
export function aimHover(aim: Aim, alignment: Alignment | undefined, ctx: AimHoverContext): string {
  const out: string[] = [];
  out.push(`**Counterpoint** · aim ${ctx.index + 1} of ${ctx.count}: ${escapeMarkdown(aim.title)}`);
  out.push('');
  if (!ctx.paired) {
    out.push(`No response is paired with this letter, so there is no answer to show.${ctx.pairLink ? ` [Pair with a response…](${ctx.pairLink})` : ''}`);
    return out.join('\n');
  }
  const stance = alignment?.stance ?? 'unaddressed';
  out.push(`**Stance: ${stance}**: ${STANCE_MEANING[stance]}`);
  const cues = alignment?.cues ?? [];
  if (cues.length > 0) {
    out.push('');
    out.push(`Decided by: ${cues.slice(0, 4).map((c) => `“${escapeMarkdown(c.phrase)}” (${c.stance})`).join(', ')}.`);
  }
  const passages = alignment?.passages ?? [];
  passages.slice(0, 3).forEach((p, i) => {
    out.push('');
    const link = ctx.passageLinks?.[i];
    const where = `${ctx.responseName ? `${escapeMarkdown(ctx.responseName)} ` : 'response '}¶${p.paragraph}`;
    out.push(`**Answered in ${where}**${link ? ` · [open beside the letter](${link})` : ''}`);
    out.push('');
    out.push(quote(p.text));
  });
  if (passages.length > 3) out.push('', `…and ${passages.length - 3} more passage(s).`);
  return out.join('\n');
}

/** The CodeLens title for an aim: "Answered · qualified · response ¶4" or "Unanswered". */
export function aimLensTitle(alignment: Alignment | undefined): string {
  if (!alignment || alignment.stance === 'unaddressed' || alignment.passages.length === 0) return 'Unanswered';
  const paras = [...new Set(alignment.passages.map((p) => p.paragraph))];
  return `Answered · ${alignment.stance} · response ${paras.slice(0, 3).map((n) => `¶${n}`).join(', ')}${paras.length > 3 ? '…' : ''}`;
}
