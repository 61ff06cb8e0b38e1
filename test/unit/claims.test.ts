import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse';
import { findClaims, parseConsultationLog, type ClaimContext } from '../../src/core/claims/claims';
import { RUNGS, rungLevel, type Claim } from '../../src/core/contract';

const letter = (body: string, date = '2026-06-01') => parseDocument(`---\nrole: letter\ndate: ${date}\n---\n\n# Review of court work\n\n${body}\n`, 'letter.md');
const response = (body: string) => parseDocument(`---\nrole: response\n---\n\n# Branch response\n\n${body}\n`, 'response.md');

function only(claims: Claim[], needle: string): Claim {
  const found = claims.filter((c) => c.text.includes(needle));
  expect(found, `one claim containing "${needle}" in ${JSON.stringify(claims.map((c) => c.text))}`).toHaveLength(1);
  return found[0];
}

function claimOf(body: string, ctx: ClaimContext = {}, date?: string): Claim | undefined {
  return findClaims(letter(body, date), ctx)[0];
}

describe('the ladder', () => {
  it('orders the rungs from informed to agreed', () => {
    expect(RUNGS).toEqual(['informed', 'engaged', 'consulted', 'negotiated', 'agreed']);
    expect(rungLevel('informed')).toBeLessThan(rungLevel('engaged'));
    expect(rungLevel('consulted')).toBeLessThan(rungLevel('negotiated'));
    expect(rungLevel('negotiated')).toBeLessThan(rungLevel('agreed'));
  });

  it.each([
    ['The proposals were shared with staff side in May.', 'informed'],
    ['Managers briefed the trade unions on the plans.', 'informed'],
    ['We have worked closely with UNISON on the rota.', 'engaged'],
    ['The plans were discussed with the unions.', 'engaged'],
    ['We have consulted the recognised unions on the changes.', 'consulted'],
    ['The policy was developed in consultation with staff side.', 'consulted'],
    ['We are in talks with GMB with a view to agreement.', 'negotiated'],
    ['The new rota has been agreed with the trade unions.', 'agreed'],
    ['The framework was jointly agreed by management and staff side.', 'agreed'],
  ])('places "%s" at %s', (sentence, rung) => {
    const c = claimOf(sentence);
    expect(c?.rung).toBe(rung);
    expect(c?.status).toBe('unevidenced');
  });
});

describe('what is not a claim', () => {
  it('needs a union party: staff are not the union', () => {
    expect(findClaims(letter('Engagement sessions with frontline staff took place in June.'))).toEqual([]);
    expect(findClaims(letter('UNISON members were briefed by their managers.'))).toEqual([]);
    expect(claimOf('Engagement sessions with staff side took place in June.')?.rung).toBe('engaged');
  });

  it.each([
    'The new rota has not been agreed with the unions.',
    'UNISON has not agreed to the change.',
    'No agreement has been reached with the trade unions.',
    'The decision was taken without consulting the unions.',
    'Agreement with staff side has not been reached.',
  ])('negated: %s', (s) => expect(claimOf(s)?.status).toBe('negated'));

  it.each([
    'Formal consultation will follow once proposals are finalised.',
    'We will consult the unions on the new rota.',
    'We intend to engage with staff side over the summer.',
    'The changes are subject to consultation with the unions.',
    'Trade union colleagues will be consulted in December.',
  ])('future: %s', (s) => expect(claimOf(s)?.status).toBe('future'));

  it.each(['We would consult the unions before any change.', 'If the unions agree, the pilot will start in May.', 'Should staff side agree, we could begin in June.'])(
    'hypothetical: %s',
    (s) => expect(claimOf(s)?.status).toBe('hypothetical'),
  );

  it('reads a question as a question', () => {
    expect(claimOf('Have the unions been consulted on the rota?')?.status).toBe('question');
  });

  it('treats a union quoting a manager in order to dispute it as reported, not a claim', () => {
    const claims = findClaims(response('Some managers have presented matters as "agreed with the trade unions" but this is not the case.'));
    expect(claims[0].status).toBe('reported');
  });

  it("reports the union's own account of its consultation as reported", () => {
    const claims = findClaims(response('Napo has been in consultation with the project team for several months.'));
    expect(claims[0]).toMatchObject({ status: 'reported', rung: 'consulted' });
  });

  it('does not treat the union agreeing with a sentiment as an agreement', () => {
    expect(findClaims(response('While we agree with the sentiment, we have concerns.'))).toEqual([]);
  });

  it('reads a claim in the past followed by "and will …" as a claim, not a future commitment', () => {
    expect(claimOf('The duty rota has been developed in partnership with the trade unions and will be tested from May.')).toMatchObject({ status: 'unevidenced', rung: 'engaged' });
    expect(claimOf('Formal consultation with the unions will begin in May and will run for 45 days.')?.status).toBe('future');
  });

  it("does not read a word of a forum's name as involvement: an addressee or attendee line is no claim", () => {
    expect(findClaims(letter('Ms A. Officer\nStaff Side Chair, Joint Negotiating Committee\nCounty Hospital'))).toEqual([]);
    expect(findClaims(letter('- Dr B. Member, BMA Local Negotiating Committee\n- C. Member, UNISON Branch Secretary'))).toEqual([]);
    // The forum's name beside a claim of its own still makes the claim.
    expect(claimOf('The rota was agreed at the Joint Negotiating Committee with staff side.')?.rung).toBe('agreed');
  });

  it('does not read the recognition of unions for collective bargaining as a claim of negotiation', () => {
    expect(findClaims(letter('The University recognises UCU, UNISON and Unite for collective bargaining purposes.'))).toEqual([]);
    expect(claimOf('The new grading structure was settled through collective bargaining with UNISON.')?.rung).toBe('negotiated');
  });
});

describe('hedged claims', () => {
  it('are claims, flagged unless evidence supports them', () => {
    const c = claimOf('We believe the unions broadly support the move to hubs.');
    expect(c).toMatchObject({ status: 'unevidenced', rung: 'agreed', hedged: true });
    expect(c?.message).toContain('A belief is not evidence');
  });
});

describe('evidence in the text', () => {
  it('a date at a named negotiating forum evidences agreement', () => {
    const c = claimOf('The framework was agreed with the unions at the NNC on 12 March 2026.');
    expect(c?.status).toBe('evidenced');
    expect(c?.evidence[0]).toMatchObject({ kind: 'text', rung: 'agreed', date: '2026-03-12' });
  });

  it('a plain meeting proves engagement only: a claim of consultation is overstated', () => {
    const c = claimOf('We consulted the unions at a meeting on 3 May 2026.');
    expect(c?.status).toBe('overstated');
    expect(c?.evidence[0].rung).toBe('engaged');
  });

  it('an HR1 / section 188 letter evidences consultation, not agreement', () => {
    expect(claimOf('Collective consultation with UCU began with a section 188 letter and the HR1 form.')?.status).toBe('evidenced');
    expect(claimOf('The redundancies were agreed with UCU after the section 188 letter was issued.')?.status).toBe('overstated');
  });

  it('a signed collective agreement evidences agreement', () => {
    expect(claimOf('The new rota was agreed with UNISON in a collective agreement signed on 4 May 2026.')?.status).toBe('evidenced');
  });

  it("in a table row, a date in the row's own cell dates the forum named in another", () => {
    const table = (date: string) => `| Item | Date | Status |\n|---|---|---|\n| Redeployment policy | ${date} | Consulted on with UNISON at the JNCC |\n`;
    const c = claimOf(table('6 May 2026'));
    expect(c?.status).toBe('evidenced');
    expect(c?.evidence[0]).toMatchObject({ kind: 'text', rung: 'consulted', date: '2026-05-06' });
    expect(claimOf(table('June 2026'), {}, '2026-05-01')?.status).toBe('unevidenced');
  });

  it('shares the evidence of one cell of a table row with a claim in another', () => {
    const row = '| Milestone | Dates | Union involvement |\n|---|---|---|\n| Formal consultation on the Leeds closure | May 2026 | Formal consultation letter issued to PCS on 4 May 2026 |\n';
    const claims = findClaims(letter(row));
    expect(claims.map((c) => c.status)).toEqual(['evidenced', 'evidenced']);
  });

  it('a meeting dated after the letter is not evidence', () => {
    expect(claimOf('The rota was discussed with staff side at the JNCC on 12 July 2026.', {}, '2026-06-01')?.status).toBe('unevidenced');
  });
});

describe('evidence in the consultation log', () => {
  const log = parseConsultationLog(
    [
      '| Date | Forum | Topic | Unions | Outcome | Reference |',
      '|---|---|---|---|---|---|',
      '| 2026-04-02 | JNCC | Court hubs: proposals shared | Napo, UNISON | informed | Minutes |',
      '| 2026-04-20 | JNCC | Allocation desk pilot | Napo | consulted | Minutes |',
      '| 2026-05-10 | JNCC | Night rota | Napo | not agreed | Minutes |',
      '| 2026-07-30 | JNCC | Allocation desk pilot | Napo | agreed | Minutes |',
    ].join('\n'),
    'log.md',
  );

  it('evidences a claim when a row on the topic reaches the rung', () => {
    const c = claimOf('The allocation desk pilot was put to the unions for comment before we decided.', { log });
    expect(c).toMatchObject({ status: 'evidenced', rung: 'consulted' });
    expect(c?.evidence.some((e) => e.kind === 'log' && e.path === 'log.md')).toBe(true);
  });

  it('finds a claim overstated when the log shows a lower rung', () => {
    const c = claimOf('The move to court hubs has been agreed with the trade unions.', { log });
    expect(c?.status).toBe('overstated');
    expect(c?.message).toMatch(/shows only that the unions were informed/);
  });

  it('ignores rows dated after the letter', () => {
    expect(claimOf('The allocation desk pilot has been agreed with Napo.', { log })?.status).toBe('overstated');
  });

  it('takes the letter\'s date from a "Date:" line in a header block without front matter', () => {
    const header = (date: string) => `# Court redesign\n\n**Date:** ${date}\n**To:** Napo branch\n**From:** Regional Director\n\nThe allocation desk pilot has been agreed with Napo.\n`;
    // Dated 1 August, the letter may cite the July row; dated 1 June, it may not.
    expect(findClaims(parseDocument(header('1 August 2026'), 'letter.md'), { log })[0]?.status).toBe('evidenced');
    expect(findClaims(parseDocument(header('1 June 2026'), 'letter.md'), { log })[0]?.status).toBe('overstated');
  });

  it('ignores rows on other topics', () => {
    expect(claimOf('Sickness absence procedures were agreed with the unions.', { log })?.status).toBe('unevidenced');
  });

  it('reads a refusal in the log as a dispute', () => {
    const c = claimOf('The night rota has been agreed with Napo.', { log });
    expect(c?.status).toBe('disputed');
    expect(c?.disputedBy).toMatchObject({ path: 'log.md' });
  });
});

describe('disputes from the paired response', () => {
  it('flags a claim the response contradicts, with the exact passage', () => {
    const l = letter('This redesign has been agreed with the trade unions at the regional committee.');
    const r = response('The letter says the redesign "has been agreed with the trade unions". This is not the case. Nothing was agreed.');
    const c = findClaims(l, { response: r })[0];
    expect(c.status).toBe('disputed');
    expect(c.disputedBy?.path).toBe('response.md');
    const d = c.disputedBy!;
    expect(r.source.slice(d.position.start.offset, d.position.end.offset)).toBe(d.text);
    expect(d.text).toContain('This is not the case.');
  });

  it.each(['That is not what happened.', 'That did not happen.', 'It never happened.'])('reads "%s" after the claim quoted as a dispute', (denial) => {
    const l = letter('The rota changes were jointly agreed with the trade unions.');
    const r = response(`Your letter states that the rota changes were "jointly agreed with the trade unions". ${denial} We were told what was intended.`);
    expect(findClaims(l, { response: r })[0].status).toBe('disputed');
  });

  it('needs the disputing passage to be about the same claim', () => {
    const l = letter('The sickness policy was agreed with the unions.');
    const r = response('We were not consulted on the court hubs. This is not the case for the travel allowance either.');
    expect(findClaims(l, { response: r })[0].status).toBe('unevidenced');
  });

  it.each(['That is not our experience.', 'This does not reflect our experience.'])('reads "%s" after the claim quoted as a dispute', (denial) => {
    const l = letter('These proposals have been shaped in close partnership with the trade unions throughout the year.');
    const r = response(`Your letter says the proposals were "shaped in close partnership with the trade unions". ${denial} We saw nothing of substance until the papers were published.`);
    expect(findClaims(l, { response: r })[0].status).toBe('disputed');
  });

  it('reads "the unions share our view" as agreement, which "we do not share your view" disputes, and nothing else', () => {
    const l = letter(
      'I am confident that the representative bodies share our view that the current crewing model is not sustainable.\n\n' +
        'The crewing plus proposal was discussed with the FBU at the JCC on 11 June 2025.',
    );
    const r = response('The FBU saw nothing of substance until the Authority papers appeared. Nor do we share your view that the current crewing model is not sustainable.');
    const claims = findClaims(l, { response: r });
    const view = only(claims, 'share our view');
    expect(view).toMatchObject({ rung: 'agreed', status: 'disputed' });
    expect(view.disputedBy?.text).toContain('Nor do we share your view');
    // The meeting shares words with the denial ("crewing", "FBU"), but the denial is of agreement, not of a meeting.
    expect(only(claims, 'was discussed with the FBU').status).not.toBe('disputed');
  });

  it('reads "At no point were we consulted" and "There was no contact" as denials', () => {
    const l = letter('We consulted the unions on the depot closure programme.\n\nWe have worked closely with the unions on the vehicle tracking pilot.');
    const r = response('At no point were we consulted on the depot closure programme.\n\nThere was no contact with the branch about the vehicle tracking pilot.');
    const claims = findClaims(l, { response: r });
    expect(only(claims, 'depot closure').status).toBe('disputed');
    expect(only(claims, 'vehicle tracking').status).toBe('disputed');
  });

  it('reads what a short "This is not the case." is about from the sentence after it', () => {
    const l = letter('More broadly, we have worked closely with staff and union representatives throughout the repairs review.');
    const r = response('Your letter says you worked closely with union representatives. This is not the case. There was nothing from either union about the repairs review until March.');
    expect(findClaims(l, { response: r })[0].status).toBe('disputed');
  });

  it('does not match a denial to a claim on the words of the letter\'s title alone', () => {
    const l = parseDocument('---\nrole: letter\n---\n\n# Westmarch Fire and Rescue Service\n\nThe on-call contract for Westmarch fire stations was consulted on with the FBU.\n', 'letter.md');
    const r = response('The FBU was never told about the Westmarch fire control merger.');
    expect(findClaims(l, { response: r })[0].status).toBe('unevidenced');
  });

  it('matches a denial on the same topic', () => {
    const l = letter('We have consulted the trade unions on the relocation assistance package.');
    const r = response('The relocation assistance package was never put to the unions for comment.');
    expect(findClaims(l, { response: r })[0].status).toBe('disputed');
  });
});

describe('positions and messages', () => {
  it('gives exact positions, also with CRLF and a byte-order mark', () => {
    const text = '\uFEFF---\r\nrole: letter\r\n---\r\n\r\nThe plan was shared with **staff side** in May.\r\n';
    const doc = parseDocument(text, 'x.md');
    const [c] = findClaims(doc);
    expect(doc.source.slice(c.position.start.offset, c.position.end.offset)).toBe(c.text);
    expect(c.text).toBe('The plan was shared with **staff side** in May.');
    expect(c.phrase).toBe('shared');
  });

  it('writes a message that can be pasted into a reply', () => {
    const c = claimOf('The redesign has been agreed with the trade unions.')!;
    expect(c.message).toMatch(/^The letter says "The redesign has been agreed with the trade unions" \(agreed\)\. Nothing supports it/);
  });
});

describe('extra phrases from settings', () => {
  it('adds a literal phrase at its rung, case-insensitively', () => {
    const c = claimOf('The plans were Road-Tested With Staff Side in May.', { extraPhrases: [{ phrase: 'road-tested with', rung: 'engaged' }] });
    expect(c).toMatchObject({ rung: 'engaged', phrase: 'Road-Tested With' });
  });

  it('treats a pattern-looking phrase as a literal and finishes fast', () => {
    const body = `${'a'.repeat(50000)}! The unions were (a+)+$ on the plans.`;
    const t0 = performance.now();
    const claims = findClaims(letter(body), { extraPhrases: [{ phrase: '(a+)+$', rung: 'informed' }] });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(claims.map((c) => c.phrase)).toEqual(['(a+)+$']);
  });

  it('ignores empty phrases', () => {
    expect(findClaims(letter('Nothing here.'), { extraPhrases: [{ phrase: '   ', rung: 'agreed' }] })).toEqual([]);
  });
});

describe('who is speaking', () => {
  it('reads a response without front matter by its voice', () => {
    const doc = parseDocument(
      '# Branch response to the rota proposals\n\nOur members have raised many concerns. UNISON was consulted on the rota in May, and our members want answers.\n',
      'reply.md',
    );
    expect(findClaims(doc)[0]).toMatchObject({ status: 'reported', rung: 'consulted' });
  });

  it('reads an employer letter without front matter as a letter', () => {
    const doc = parseDocument('# Rota changes\n\nDear colleagues,\n\nThe new rota was agreed with UNISON. Team members will be told in May.\n\nYours sincerely,\n\nDirector\n', 'letter.md');
    expect(findClaims(doc)[0].status).toBe('unevidenced');
  });

  it('takes the role from the context first', () => {
    const doc = parseDocument('The new rota was agreed with UNISON.\n', 'x.md');
    expect(findClaims(doc, { role: 'response' })[0].status).toBe('reported');
    expect(findClaims(doc, { role: 'letter' })[0].status).toBe('unevidenced');
  });
});

describe('reporting is not involvement', () => {
  it('skips "we were told that …" and "we have been made aware …"', () => {
    expect(findClaims(response('We have been made aware some managers are telling staff the review is complete.'))).toEqual([]);
    expect(findClaims(response('We were told that the review had started.'))).toEqual([]);
  });

  it('reads "no way for the unions to agree" as a negation', () => {
    expect(claimOf('There is no way for any trade union to agree or disagree the plans.')?.status).toBe('negated');
  });
});

describe('linear on hostile input', () => {
  it.each([
    ['a run-on sentence', 'the unions agreed with staff side and UNISON consulted the JNCC on 3 May 2026 and '.repeat(3000)],
    ['thousands of quotations', '"the unions agreed" '.repeat(12000)],
    ['one paragraph of thousands of claims', 'The rota was agreed with the unions at the NNC on 3 May 2026. '.repeat(4000)],
    ['parties without end', 'UNISON GMB Unite staff side trade unions '.repeat(6000) + 'agreed.'],
  ])('%s', (_name, body) => {
    const doc = letter(body);
    const t0 = performance.now();
    const claims = findClaims(doc);
    expect(performance.now() - t0).toBeLessThan(3000);
    for (const c of claims.slice(0, 50)) expect(doc.source.slice(c.position.start.offset, c.position.end.offset)).toBe(c.text);
  });
});

describe('grammar details', () => {
  it('reads a table row\'s record as a claim by the unions another cell names', () => {
    const claims = findClaims(
      letter('| Proposal | Representative bodies | Involvement to date |\n|---|---|---|\n| Banded on-call contracts | FRSA | Agreed in principle through the On-Call Working Group |\n| Fire Control merger | FBU, UNISON | Agreed at the Programme Board on 15 July 2025 |\n| Station review | none | Agreed by the Fire Authority |'),
    );
    expect(only(claims, 'Agreed in principle through the On-Call Working Group')).toMatchObject({ rung: 'agreed', status: 'unevidenced' });
    expect(only(claims, 'Agreed at the Programme Board')).toMatchObject({ rung: 'agreed' });
    // A row naming no union holds no claim of union involvement.
    expect(claims.some((c) => c.text.includes('Fire Authority'))).toBe(false);
  });

  it('links a verb to representatives named by where they are ("their school union reps")', () => {
    expect(claimOf('Headteachers have discussed the pilot with their school union reps.')).toMatchObject({ rung: 'engaged', status: 'unevidenced' });
    expect(claimOf('The rota was discussed with the depot union representatives in May.')).toMatchObject({ rung: 'engaged' });
  });

  it('finds the future verb a dozen words after a noun of involvement', () => {
    const c = claimOf('Formal consultation with all four representative bodies on the staffing implications of the plan will begin on 13 October 2025.');
    expect(c?.status).toBe('future');
  });

  it('reads "in May" as a month, not the modal verb', () => {
    expect(claimOf('We held engagement sessions with union representatives in May.')?.status).toBe('unevidenced');
    expect(claimOf('The unions may be consulted later.')?.status).toBe('hypothetical');
  });

  it('lets a second verb share the first one\'s union subject', () => {
    const c = claimOf('The trade unions were consulted on 3 May 2026 at the JNCC and agreed the proposals.');
    expect(c).toMatchObject({ rung: 'agreed', status: 'evidenced' });
  });

  it('links "at which … was agreed" to the party of the meeting', () => {
    expect(claimOf('We held a meeting with UCU representatives on 3 March 2026, at which the timetable was agreed.')).toMatchObject({ rung: 'agreed', status: 'overstated' });
  });
});
