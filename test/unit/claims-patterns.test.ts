import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse';
import { findClaims, parseConsultationLog, type ClaimContext } from '../../src/core/claims/claims';
import type { Claim } from '../../src/core/contract';
import { PARTIES, TRIGGERS } from '../../src/core/claims/lexicon';

const letter = (body: string, date = '2026-06-01') => parseDocument(`---\nrole: letter\ndate: ${date}\n---\n\n# Changes to community services\n\n${body}\n`, 'letter.md');
const response = (body: string) => parseDocument(`---\nrole: response\n---\n\n# Branch reply\n\n${body}\n`, 'response.md');

function claimOf(body: string, ctx: ClaimContext = {}): Claim | undefined {
  return findClaims(letter(body), ctx)[0];
}

describe("a union reporting someone else's words", () => {
  it.each([
    'According to the consultation paper, the unions were consulted on the rota in March.',
    "The trust's briefing note claims that staff side agreed the new shift pattern.",
    'Management maintain that the rota was negotiated with the branch.',
    'We have been told that the unions were consulted on the closures.',
    "The Head of Estates informed us that the timetable was 'agreed with the trade unions'.",
    'At the meeting the area manager said that the changes had been discussed with Unite.',
    'The council update presents the restructure as jointly agreed with staff side.',
    'HR wrote that the revised policy had been negotiated with the joint unions.',
  ])('is reported, not the union asserting it: %s', (s) => {
    const c = findClaims(response(s))[0];
    expect(c?.status).toBe('reported');
    expect(c?.message).toContain('quoted or reported');
  });

  it("keeps the union's own words its own", () => {
    const c = findClaims(response('We told the employer that the unions were consulted on the old rota in 2019.'))[0];
    expect(c?.status).toBe('reported');
    expect(c?.message).toContain("union's own account");
  });

  it('does not take a response that repeats the letter as confirming it', () => {
    const l = letter('The mileage scheme was agreed with UNISON in the spring.');
    const r = response("The Director's paper says the mileage scheme was agreed with UNISON in the spring. We will say more at the JCC.");
    const c = findClaims(l, { response: r })[0];
    expect(c.status).toBe('unevidenced');
    expect(c.evidence).toEqual([]);
  });

  it('hears a reply without front matter in the union voice from its title, its sign-off and its talk of "the letter"', () => {
    const doc = parseDocument(
      "# NEU district: reply to the Chief Executive\n\nThe Chief Executive's letter states that the timetable was agreed with NEU. It was not.\n\nNEU District Executive\n",
      'reply.md',
    );
    const c = findClaims(doc)[0];
    expect(c?.status).toBe('reported');
  });
});

describe('time words in a noun phrase do not make a past verb future', () => {
  it.each([
    ['The staffing model for the next financial year was negotiated with the unions.', 'negotiated'],
    ['Plans for future rotas have been shared with UNISON.', 'informed'],
    ['The forthcoming office move has been discussed with the trade unions.', 'engaged'],
    ['The unions were later briefed on the outcome.', 'informed'],
  ])('a claim: %s', (s, rung) => {
    expect(claimOf(s)).toMatchObject({ status: 'unevidenced', rung });
  });

  it.each(['The next meeting with the trade unions is in July.', 'Forthcoming talks with the unions will cover pay.', 'Next month we will consult staff side on the rota.'])(
    'still future: %s',
    (s) => expect(claimOf(s)?.status).toBe('future'),
  );
});

describe('the consultation log outranks the text on the same meeting', () => {
  const log = parseConsultationLog(
    [
      '| Date | Forum | Topic | Unions | Outcome | Reference |',
      '|---|---|---|---|---|---|',
      '| 2026-04-14 | Joint Negotiating Committee | Night shift allowance | UNISON, GMB | consulted | JNC-04 notes |',
      '| 2026-03-10 | JCC | Depot vehicle replacement | Unite | informed | JCC-03 |',
    ].join('\n'),
    'log.md',
  );

  it('a claim of agreement at a meeting the log records as consultation is overstated', () => {
    const c = claimOf('The night shift allowance was agreed with the unions at the JNC on 14 April 2026.', { log });
    expect(c?.status).toBe('overstated');
    expect(c?.message).toContain('consultation log');
    expect(c?.evidence.every((e) => e.rung === 'consulted')).toBe(true);
  });

  it('matches the meeting by forum and topic when the letter gives another day that month', () => {
    const c = claimOf('The night shift allowance was jointly agreed with staff side at the Joint Negotiating Committee on 16 April 2026.', { log });
    expect(c?.status).toBe('overstated');
  });

  it('a recorded meeting still proves engagement', () => {
    const c = claimOf('Depot vehicle replacement was discussed with Unite at the JCC on 10 March 2026.', { log });
    expect(c?.status).toBe('evidenced');
  });

  it('without a log row, a date at a named negotiating forum still evidences the claim (DOMAIN: date plus named forum)', () => {
    expect(claimOf('The lease car policy was agreed with the unions at the JNC on 2 February 2026.', { log })?.status).toBe('evidenced');
  });
});

describe('ballots and statutory consultation', () => {
  it.each([
    'The revised overtime rates were accepted by Unite members in a ballot in May 2026, with 64% in favour.',
    'GMB members voted overwhelmingly to accept the new grading structure in a ballot.',
    'The two-year pay deal was endorsed in a ballot of RCN members.',
  ])('acceptance in a ballot is an evidenced claim of agreement: %s', (s) => {
    expect(claimOf(s)).toMatchObject({ status: 'evidenced', rung: 'agreed' });
  });

  it('a ballot that accepted a negotiated offer is the evidence, not the claim', () => {
    expect(claimOf('The pay scales were negotiated with GMB, and members then accepted the offer in a ballot on 2 May 2026.')).toMatchObject({ rung: 'negotiated', status: 'evidenced' });
  });

  it('a rejected offer or a rejected ballot claims nothing', () => {
    expect(claimOf('The offer was rejected in a ballot.')).toBeUndefined();
    expect(claimOf('The offer was not accepted in the ballot.')?.status).toBe('negated');
  });

  it.each(['Section 188 consultation on the depot closures opened on 9 February 2026.', 'Collective redundancy consultation began with an HR1 form on 2 March 2026.'])(
    'statutory consultation without a named union is consultation with the unions: %s',
    (s) => expect(claimOf(s)).toMatchObject({ status: 'evidenced', rung: 'consulted' }),
  );

  it('future statutory consultation is future', () => {
    expect(claimOf('Section 188 consultation will open in September.')?.status).toBe('future');
  });

  it('the union side is found in the question "has the branch been …?"', () => {
    expect(claimOf('Has the branch been told about the new rota?')?.status).toBe('question');
    expect(claimOf('The branch library will close in June.')).toBeUndefined();
  });

  it('stays linear on hostile input built from the new patterns', () => {
    const chunk = 'accepted by a b c d e members the the in a ballot voted members voted the letter says according to told us ';
    const body = chunk.repeat(3000);
    const t0 = performance.now();
    findClaims(letter(body));
    findClaims(response(body));
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('the document-wide patterns', () => {
  /** The alternatives of a pattern at its top level, each without the lookbehinds it opens with. */
  function openings(pattern: string): string[] {
    const out: string[] = [];
    let depth = 0;
    let inClass = false;
    let from = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '\\') i++;
      else if (inClass) inClass = c !== ']';
      else if (c === '[') inClass = true;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === '|' && depth === 0) {
        out.push(pattern.slice(from, i));
        from = i + 1;
      }
    }
    out.push(pattern.slice(from));
    return out.map((alt) => {
      let rest = alt;
      while (rest.startsWith('(?<')) {
        let d = 0;
        let k = 0;
        for (; k < rest.length; k++) {
          if (rest[k] === '\\') k++;
          else if (rest[k] === '(') d++;
          else if (rest[k] === ')' && --d === 0) break;
        }
        rest = rest.slice(k + 1);
      }
      return rest;
    });
  }

  it('start every match with a word, never with white space (the scan skips stretches of white space alone)', () => {
    const patterns = [...TRIGGERS.filter((t) => t.selfParty), ...PARTIES].map((t) => t.pattern);
    expect(patterns.length).toBeGreaterThan(10);
    for (const p of patterns) for (const alt of openings(p)) expect(alt, p).toMatch(/^(?:\(\?:)*[\p{L}\p{N}']/u);
  });
});
