import { describe, expect, it } from 'vitest';
import { aimHover, aimLensTitle, claimHover, commandLink, escapeMarkdown, explainsClaim, quote } from '../../src/extension/explain';
import type { Aim, Alignment, Claim } from '../../src/core/contract';

const pos = (line: number) => ({ start: { line, column: 1, offset: line * 100 }, end: { line, column: 40, offset: line * 100 + 39 } });

const claim = (over: Partial<Claim> = {}): Claim => ({
  text: 'This restructure has been agreed with the trade unions.',
  position: pos(14),
  rung: 'agreed',
  status: 'unevidenced',
  message: 'The letter says this was agreed with the trade unions; nothing supports it.',
  phrase: 'agreed with the trade unions',
  hedged: false,
  evidence: [],
  ...over,
});

describe('escaping document text', () => {
  it('shows Markdown, links and HTML literally', () => {
    const e = escapeMarkdown('**bold** [link](command:workbench.action.quit) <img src=x> `code` #1 & more');
    expect(e).toBe('\\*\\*bold\\*\\* \\[link\\]\\(command:workbench\\.action\\.quit\\) \\<img src=x\\> \\`code\\` \\#1 &amp; more');
    expect(e).not.toMatch(/(^|[^\\])[[\]()<>*`]/);
  });

  it('leaves no bare web address or e-mail address for the renderer to turn into a link', () => {
    const e = escapeMarkdown('See https://example.org/jncc, www.example.org and hr@example.org.');
    expect(e).toBe('See https&#58;//example\\.org/jncc, www&#46;example\\.org and hr&#64;example\\.org\\.');
    expect(e).not.toMatch(/https?:\/\/|www\.|@/);
  });

  it('quotes on one line, shortened', () => {
    expect(quote('a\nb', 10)).toBe('> a b');
    expect(quote('x'.repeat(500), 20)).toBe(`> ${'x'.repeat(19)}…`);
  });

  it('writes command links with JSON arguments', () => {
    expect(commandLink('counterpoint.openBeside', ['file:///a b.md', 3])).toBe(`command:counterpoint.openBeside?${encodeURIComponent('["file:///a b.md",3]')}`);
  });
});

describe('claim hovers', () => {
  it('explain an unevidenced claim: rung, why, no evidence, what would count, docs', () => {
    const h = claimHover(claim(), { docs: 'command:counterpoint.openRuleDocs?x', logName: 'consultation-log.md' });
    expect(h).toContain('claim of agreement · **no evidence found**');
    expect(h).toContain('**Rung claimed:** agreed');
    expect(h).toContain('informed < engaged < consulted < negotiated < **agreed**');
    expect(h).toContain('nothing in the document or in the consultation log (consultation\\-log\\.md) supports it');
    expect(h).toContain('**Evidence found:** none.');
    expect(h).toMatch(/\*\*What would count as evidence:\*\* a signed collective agreement/);
    expect(h).toContain('[About this check: unevidenced-claim](command:counterpoint.openRuleDocs?x)');
  });

  it('say where to put a log when there is none', () => {
    expect(claimHover(claim())).toContain('No consultation log was found');
  });

  it('explain an overstated claim by the strongest evidence found', () => {
    const h = claimHover(
      claim({
        status: 'overstated',
        evidence: [
          { kind: 'log', description: 'JNCC, 3 July 2026: informed', rung: 'informed' },
          { kind: 'log', description: 'JNCC, 4 August 2026: consulted', rung: 'consulted' },
        ],
      }),
      { evidence: [undefined, 'command:counterpoint.openBeside?y'] },
    );
    expect(h).toContain('reaches only *consulted*, below the *agreed* claimed');
    expect(h).toContain('- JNCC, 3 July 2026: informed (reaches *informed*)\n');
    expect(h).toContain('(reaches *consulted*) · [open](command:counterpoint.openBeside?y)');
  });

  it('quote the disputing passage, escaped, with a link to open it', () => {
    const h = claimHover(claim({ status: 'disputed', disputedBy: { text: 'That is **not** the case.', position: pos(12) } }), { disputed: 'command:open', disputedWhere: 'response.md, line 12' });
    expect(h).toContain('**Disputed in response\\.md, line 12:**');
    expect(h).toContain('> That is \\*\\*not\\*\\* the case\\.');
    expect(h).toContain('[Open the disputing passage to the side](command:open)');
  });

  it('mark hedged claims and silenced ones, and leave negated and future statements to other tools', () => {
    expect(claimHover(claim({ hedged: true }))).toContain('A belief is not evidence');
    const s = claimHover(claim({ status: 'silenced', silencedReason: 'minutes in annex B' }));
    expect(s).toContain('**Silenced** by a counterpoint-disable comment: minutes in annex B.');
    expect(s).not.toContain('What would count');
    expect(explainsClaim(claim({ status: 'negated' }))).toBe(false);
    expect(explainsClaim(claim({ status: 'future' }))).toBe(false);
    expect(explainsClaim(claim({ status: 'evidenced' }))).toBe(true);
  });
});

describe('aims', () => {
  const aim: Aim = { id: 'a2', text: '**Seven-day roster** – weekends', position: pos(21), title: 'Seven-day roster', format: 'lead-in' };
  const alignment: Alignment = {
    aim: 'a2',
    stance: 'oppose',
    passages: [
      { text: 'We cannot accept this.', position: pos(30), score: 0.9, reasons: ['lexical'], paragraph: 4 },
      { text: 'Nor this.', position: pos(33), score: 0.5, reasons: ['order'], paragraph: 6 },
    ],
    cues: [{ text: 'cannot accept', position: pos(30), phrase: 'cannot accept', stance: 'oppose' }],
  };

  it('lens titles give the stance and paragraphs, or Unanswered', () => {
    expect(aimLensTitle(alignment)).toBe('Answered · oppose · response ¶4, ¶6');
    expect(aimLensTitle({ ...alignment, stance: 'unaddressed', passages: [] })).toBe('Unanswered');
    expect(aimLensTitle(undefined)).toBe('Unanswered');
  });

  it('hovers give the stance, its cue and each passage quoted with a link', () => {
    const h = aimHover(aim, alignment, { index: 1, count: 4, paired: true, responseName: 'response.md', passageLinks: ['command:p1', 'command:p2'] });
    expect(h).toContain('aim 2 of 4: Seven\\-day roster');
    expect(h).toContain('**Stance: oppose**: the response rejects or disputes this aim.');
    expect(h).toContain('Decided by: “cannot accept” (oppose).');
    expect(h).toContain('**Answered in response\\.md ¶4** · [open beside the letter](command:p1)\n\n> We cannot accept this\\.');
    expect(h).toContain('[open beside the letter](command:p2)');
  });

  it('hovers on an unpaired letter offer pairing', () => {
    expect(aimHover(aim, undefined, { index: 0, count: 1, paired: false, pairLink: 'command:pair' })).toContain('[Pair with a response…](command:pair)');
  });
});
