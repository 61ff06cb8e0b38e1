// A comparison of samples/letter.md and samples/response.md written out by hand (the analysis a careful reader
// would make), so the report's tests do not depend on the engine's current output. Positions are computed from
// the sample files themselves, so they are exact.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Aim, Claim, CompareResult, Located, Passage, StanceCue } from '../../src/core/contract';
import { LineIndex } from '../../src/core/text/positions';

const root = join(__dirname, '..', '..');

export function sampleTexts(): { letter: string; response: string } {
  return {
    letter: readFileSync(join(root, 'samples', 'letter.md'), 'utf8'),
    response: readFileSync(join(root, 'samples', 'response.md'), 'utf8'),
  };
}

/** The located span of `needle` in `text` (its first occurrence after `after`). */
export function locate(text: string, needle: string, after = ''): Located {
  const from = after ? text.indexOf(after) : 0;
  const start = text.indexOf(needle, Math.max(0, from));
  if (start < 0 || from < 0) throw new Error(`fixture: "${needle}" not found`);
  return { text: needle, position: new LineIndex(text).position(start, start + needle.length) };
}

export function sampleComparison(letterPath = 'samples/letter.md', responsePath = 'samples/response.md'): CompareResult {
  const { letter, response } = sampleTexts();
  const aim = (id: string, title: string, sentence: string): Aim => {
    const start = letter.indexOf(`**${title}**`);
    const end = letter.indexOf('\n\n', start);
    const l = { text: letter.slice(start, end), position: new LineIndex(letter).position(start, end) };
    void sentence;
    return { id, title, format: 'lead-in', ...l };
  };
  const paragraph = (heading: string): Located => {
    const h = response.indexOf(`## ${heading}`);
    const start = response.indexOf('\n\n', h) + 2;
    let end = response.indexOf('\n\n', start);
    if (end < 0) end = response.length - 1;
    return { text: response.slice(start, end), position: new LineIndex(response).position(start, end) };
  };
  const passage = (heading: string, n: number): Passage => ({ ...paragraph(heading), score: 0.9, reasons: ['restated'], paragraph: n });
  const cue = (phrase: string, stance: StanceCue['stance'], after: string): StanceCue => ({ ...locate(response, phrase, after), phrase, stance });

  const aims = [
    aim('aim-1', 'Consolidate court hubs', ''),
    aim('aim-2', 'Standardise pre-sentence reports', ''),
    aim('aim-3', 'Strengthen case allocation', ''),
    aim('aim-4', 'Invest in court staff', ''),
    aim('aim-5', 'Deliver by April 2027', ''),
  ];
  const agreed = locate(letter, 'This redesign has been agreed with the trade unions at the Regional Joint Negotiating Committee, and we are\ngrateful for the constructive way staff side colleagues have worked with us.');
  const believe = locate(letter, 'We believe the unions broadly support the move to hubs.');
  const future = locate(letter, 'Formal consultation on the staffing model will follow once the hub locations are finalised.');
  const notAgreed = locate(letter, 'The new rota has not\nbeen agreed with the unions and will be discussed at the next JNCC.');
  const denial = locate(response, 'This is not the case.');
  const claims: Claim[] = [
    { ...agreed, rung: 'agreed', status: 'disputed', message: 'The letter says the redesign was agreed with the unions; the response says this is not the case.', phrase: 'agreed with the trade unions', hedged: false, evidence: [], disputedBy: denial },
    { ...believe, rung: 'agreed', status: 'unevidenced', message: 'A belief that the unions support the move is not evidence of agreement; no meeting, minutes or log entry supports it.', phrase: 'broadly support', hedged: true, evidence: [] },
    { ...future, rung: 'consulted', status: 'future', message: 'A commitment to consult later: worth tracking, not a claim.', phrase: 'Formal consultation', hedged: false, evidence: [] },
    { ...notAgreed, rung: 'agreed', status: 'negated', message: 'Says the rota has not been agreed.', phrase: 'agreed with the unions', hedged: false, evidence: [] },
  ];
  const points = [{ ...paragraph('Other matters'), paragraph: 8 }];
  return {
    version: 1,
    letter: { path: letterPath, aims, claims },
    response: { path: responsePath, claims: [], points },
    alignments: [
      { aim: 'aim-1', stance: 'concern', passages: [passage('Consolidate court hubs', 3)], cues: [cue('significant concerns', 'concern', '## Consolidate')] },
      { aim: 'aim-2', stance: 'qualified', passages: [passage('Standardise pre-sentence reports', 4)], cues: [cue('While we agree with the sentiment', 'qualified', '## Standardise'), cue('very real concerns', 'concern', '## Standardise')] },
      { aim: 'aim-3', stance: 'support', passages: [passage('Strengthen case allocation', 5)], cues: [cue('no issues with this aim', 'support', '## Strengthen'), cue('we\nwelcome it', 'support', '## Strengthen')] },
      { aim: 'aim-4', stance: 'unaddressed', passages: [], cues: [] },
      { aim: 'aim-5', stance: 'oppose', passages: [passage('Deliver by April 2027', 6)], cues: [cue('wholly unrealistic', 'oppose', '## Deliver'), cue('We cannot accept', 'oppose', '## Deliver')] },
    ],
    log: { path: 'samples/consultation-log.md', entries: 4, warnings: [] },
  };
}
