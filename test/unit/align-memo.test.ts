import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { AnalysisCache } from '../../src/core/incremental';
import { compareDocs } from '../../src/core/analyse';
import { DocumentParser } from '../../src/core/document/parse';

/** Every letter and response pair of the fixtures (tuning, held-out and blind). */
function allPairs(): Array<{ name: string; letter: string; response: string }> {
  const roots = ['../fixtures/pairs', '../fixtures/blind/pairs'].map((r) => path.join(__dirname, r));
  return roots.flatMap((root) =>
    readdirSync(root)
      .filter((n) => existsSync(path.join(root, n, 'letter.md')) && existsSync(path.join(root, n, 'response.md')))
      .map((n) => ({ name: n, letter: readFileSync(path.join(root, n, 'letter.md'), 'utf8'), response: readFileSync(path.join(root, n, 'response.md'), 'utf8') })),
  );
}

/** A fresh analysis of the pair, with no cache or memo. */
const freshAnalysis = (letter: string, response: string) =>
  compareDocs(new DocumentParser().parse(letter, 'letter.md'), new DocumentParser().parse(response, 'response.md'));

describe('alignment memo after an aim is reworded', () => {
  // An aim reworded with a word of another aim is the edit that most changes what the matcher reads: the index
  // of aims' words is patched, the aim's candidates, quotations, sections in the response's own words and
  // alignments are worked out again. Each result must be what a fresh analysis gives.
  it('gives what a fresh analysis gives, for a word of each aim swapped for a word of the next aim and back', () => {
    let compared = 0;
    for (const p of allPairs()) {
      const cache = new AnalysisCache();
      const memo = cache.memo('letter.md', 'response.md');
      const first = compareDocs(cache.parse('letter.md', p.letter), cache.parse('response.md', p.response), { memo });
      const aims = first.letter.aims.slice(0, 8);
      for (let i = 0; i < aims.length; i++) {
        const mine = /\b[A-Za-z]{5,}\b/.exec(aims[i].text);
        const theirs = /\b[A-Za-z]{5,}\b/.exec(aims[(i + 1) % aims.length].text);
        if (!mine || !theirs || mine[0] === theirs[0]) continue;
        const at = aims[i].position.start.offset + mine.index;
        const edited = p.letter.slice(0, at) + theirs[0] + p.letter.slice(at + mine[0].length);
        for (const letter of [edited, p.letter]) {
          const incremental = compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', p.response), { memo });
          const fresh = freshAnalysis(letter, p.response);
          expect(JSON.stringify(incremental), `${p.name}, aim ${aims[i].id}`).toBe(JSON.stringify(fresh));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  // Words of the response added to aims, one edit after another, change how well the paragraphs that answer an aim
  // (and those near them) match it, though most stay out of its candidates: the walk over the response reuses what
  // it did at each paragraph only when nothing it read there changed.
  it('gives what a fresh analysis gives as words of the response are added to aims, one edit after another', () => {
    let seed = 20261122;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let compared = 0;
    for (const p of allPairs()) {
      const words = p.response.match(/\b[a-z]{5,}\b/g) ?? [];
      if (words.length === 0) continue;
      const cache = new AnalysisCache();
      const memo = cache.memo('letter.md', 'response.md');
      let letter = p.letter;
      let result = compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', p.response), { memo });
      for (let round = 0; round < 10 && result.letter.aims.length > 0; round++) {
        const aim = result.letter.aims[next(result.letter.aims.length)];
        const space = letter.indexOf(' ', aim.position.start.offset);
        if (space < 0 || space >= aim.position.end.offset) continue;
        letter = letter.slice(0, space) + ' ' + words[next(words.length)] + letter.slice(space);
        result = compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', p.response), { memo });
        const fresh = freshAnalysis(letter, p.response);
        expect(JSON.stringify(result), `${p.name}, round ${round}`).toBe(JSON.stringify(fresh));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  // Removing an aim moves every later aim's place in the letter: candidates found without regard to that place
  // are kept, the others searched for again.
  it('gives what a fresh analysis gives when an aim’s line is removed and put back', () => {
    let compared = 0;
    for (const p of allPairs()) {
      const cache = new AnalysisCache();
      const memo = cache.memo('letter.md', 'response.md');
      const first = compareDocs(cache.parse('letter.md', p.letter), cache.parse('response.md', p.response), { memo });
      for (const aim of first.letter.aims.slice(0, 4)) {
        const from = p.letter.lastIndexOf('\n', aim.position.start.offset) + 1;
        const lineEnd = p.letter.indexOf('\n', aim.position.end.offset);
        const to = lineEnd < 0 ? p.letter.length : lineEnd + 1;
        const edited = p.letter.slice(0, from) + p.letter.slice(to);
        for (const letter of [edited, p.letter]) {
          const incremental = compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', p.response), { memo });
          const fresh = freshAnalysis(letter, p.response);
          expect(JSON.stringify(incremental), `${p.name}, without ${aim.id}`).toBe(JSON.stringify(fresh));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('searches again where an aim of only common words is sought after an aim before it is removed', () => {
    // Every word of the last aim is in every paragraph of the response: its candidates are the paragraphs near its
    // place in the letter, which moves when an aim before it goes.
    const aims = ['Close the Northgate depot in March.', 'Sell the Riverside garage to the council.', 'Move the Eastfield stores to the new estate.', 'Review staff pay and grading.'];
    const letterOf = (list: string[]) => `# Proposals\n\nDear colleagues,\n\nWe propose the following.\n\n${list.map((a, i) => `${i + 1}. ${a}`).join('\n')}\n\nYours sincerely,\n\nThe Director\n`;
    const topics = ['drivers', 'cleaners', 'porters', 'clerks', 'fitters', 'cooks', 'guards', 'nurses', 'wardens', 'gardeners'];
    const paragraphs = Array.from({ length: 120 }, (_, i) => `Grading of pay for staff is under review for the ${topics[i % 10]} of team ${i + 1}.`);
    const response = `Dear Director,\n\n${paragraphs.join('\n\n')}\n\nYours sincerely,\n\nBranch Secretary\n`;
    const cache = new AnalysisCache();
    const memo = cache.memo('letter.md', 'response.md');
    for (const letter of [letterOf(aims), letterOf(aims.slice(1)), letterOf(aims)]) {
      const incremental = compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', response), { memo });
      const fresh = freshAnalysis(letter, response);
      expect(fresh.alignments.at(-1)!.passages.length).toBeGreaterThan(0);
      expect(JSON.stringify(incremental)).toBe(JSON.stringify(fresh));
    }
  });

  /** Analyses each letter in turn against the response through one memo, each result checked against a fresh
   * analysis; the fresh results must not all be the same (the edits matter). */
  const throughMemo = (letters: string[], response: string) => {
    const cache = new AnalysisCache();
    const memo = cache.memo('letter.md', 'response.md');
    const seen = new Set<string>();
    for (const letter of letters) {
      const incremental = compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', response), { memo });
      const fresh = freshAnalysis(letter, response);
      expect(JSON.stringify(incremental)).toBe(JSON.stringify(fresh));
      seen.add(JSON.stringify(fresh.alignments));
    }
    expect(seen.size).toBeGreaterThan(1);
  };
  const depotLetter = (first: string, second = 'Introduce a four-day rota for cleaning staff at every site.', background = '') =>
    [
      '# Changes to the depot service', '', 'Dear colleagues,', '', `We set out our proposals below.${background ? ` ${background}` : ''}`, '',
      `1. ${first}`, `2. ${second}`, '3. Replace paper timesheets with a mobile app.', '', 'Yours sincerely,', '', 'The Director', '',
    ].join('\n');

  it('walks again a paragraph a heading governs when the words of the aim it restates change', () => {
    // The second paragraph is not among the aim's candidates, before or after, but how well it matches the aim
    // counts towards its score.
    const aim = 'Close the Northgate depot and move all forty drivers, fitters and cleaners to the Riverside site by March.';
    const response = [
      'Dear Director,', '', '## Closing the Northgate depot', '', 'We oppose closing the Northgate depot. Drivers would face far longer journeys to Riverside.', '',
      'Members want a proper consultation about the timetable and the parking arrangements for night shifts, and about who pays for the extra travel.', '',
      '## Rota', '', 'We support a four-day rota if hours are protected.', '', 'Yours sincerely,', '', 'Branch Secretary', '',
    ].join('\n');
    throughMemo([depotLetter(aim), depotLetter(aim.replace('by March', 'by March, with a new timetable')), depotLetter(aim)], response);
  });

  it("reads the response's headings again when the letter's title comes to name their words", () => {
    // "Rota" restates the rota aim until the letter's title names rotas: then it is the letter's subject.
    const response = [
      'Dear Director,', '', '## Rota', '', 'Members would accept it if hours are protected and nobody loses pay.', '',
      '## Timesheets', '', 'We have no objection to the app.', '', 'Yours sincerely,', '', 'Branch Secretary', '',
    ].join('\n');
    const letter = depotLetter('Close the Northgate depot and move its drivers to Riverside.');
    const retitled = letter.replace('# Changes to the depot service', '# Changes to the depot rota and service');
    throughMemo([letter, retitled, letter], response);
  });

  it("reads again the stance on an aim whose paragraph answers another aim too, when the other aim's words change", () => {
    // The first sentence is about the payments, the second about the contracts; when the contracts aim loses its
    // words, the second sentence is no longer about it and the payments aim reads the whole paragraph.
    const letter = (second: string) =>
      ['# Changes to on-call cover', '', 'Dear Brigade Secretary,', '', 'We propose to:', '', '1. Introduce banded availability payments for on-call firefighters.', `2. ${second}`, '3. Replace paper timesheets with a mobile app.', '', 'Yours sincerely,', '', 'The Director', ''].join('\n');
    const response = ['Dear Director,', '', 'We support the banded availability payments for on-call firefighters. We are opposed, however, to dual contracts for wholetime firefighters.', '', 'Yours sincerely,', '', 'Branch Secretary', ''].join('\n');
    const first = 'Allow dual contracts for wholetime firefighters.';
    throughMemo([letter(first), letter('Allow second jobs at another station.'), letter(first)], response);
  });

  it('walks again a heading naming two aims when the words of one of them change', () => {
    // The heading restates both aims alike: the paragraph after it decides between them.
    const first = 'Close the Northgate depot and move its drivers to Riverside.';
    const second = 'Close the Northgate canteen and offer vouchers instead.';
    const response = [
      'Dear Director,', '', '## Closing Northgate', '', 'The vouchers would not cover a hot meal for night staff.', '',
      '## Timesheets', '', 'We support the app if training is given.', '', 'Yours sincerely,', '', 'Branch Secretary', '',
    ].join('\n');
    const edited = first.replace('to Riverside', 'to Riverside and give them a hot drink at night');
    throughMemo([depotLetter(first, second), depotLetter(edited, second), depotLetter(first, second)], response);
  });

  it('walks again a paragraph a heading governs when another aim comes to match it', () => {
    // Reworded, the first aim matches the rota section's second paragraph better than the rota does: the
    // paragraph leaves the section's answer for the first aim's.
    const response = [
      'Dear Director,', '', '## Four-day rota', '', 'We support a four-day rota for cleaning staff if hours are protected.', '',
      'Drivers need a fixed timetable and secure parking at night.', '',
      '## Timesheets', '', 'We support the app if training is given.', '', 'Yours sincerely,', '', 'Branch Secretary', '',
    ].join('\n');
    const first = 'Close the Northgate depot.';
    const reworded = 'Close the Northgate depot; parking for drivers will be secure, and the timetable fixed, at night.';
    throughMemo([depotLetter(first), depotLetter(reworded), depotLetter(first)], response);
  });

  it('walks again a heading naming two aims when the paragraph after it comes to quote a third', () => {
    // The heading restates the first two aims alike, and the next answer decides: once the first paragraph
    // quotes the third aim, it is no longer the next answer, and the second paragraph favours the other aim.
    const first = 'Close the Northgate depot and move its drivers to Riverside.';
    const second = 'Close the Northgate canteen and offer vouchers instead.';
    const third = 'Replace paper timesheets with a mobile app.';
    const response = [
      'Dear Director,', '', '## Closing Northgate', '', 'Drivers moved to Riverside can claim travel time, but the depot closure still costs them an hour a day.', '',
      'The vouchers would not cover a hot meal for night staff.', '', '## Other matters', '', 'We support the app if training is given.', '',
      'Yours sincerely,', '', 'Branch Secretary', '',
    ].join('\n');
    const letterOf = (last: string) =>
      ['# Changes at Northgate', '', 'Dear colleagues,', '', 'We set out our proposals below.', '', `1. ${first}`, `2. ${second}`, `3. ${last}`, '', 'Yours sincerely,', '', 'The Director', ''].join('\n');
    const reworded = 'Replace paper timesheets with a mobile app, so drivers moved to Riverside can claim travel time.';
    throughMemo([letterOf(third), letterOf(reworded), letterOf(third)], response);
  });

  it('walks again a paragraph quoting the letter when the letter’s words outside its aims change', () => {
    // The quoted paragraph ends what the heading governs only while the letter says what it quotes.
    const response = [
      'Dear Director,', '', '## Closing the Northgate depot', '',
      'We oppose closing the Northgate depot. Drivers would face far longer journeys to Riverside.', '',
      'You describe early feedback as "broadly positive across every site". Members see it differently.', '',
      'Members at Northgate have asked for a meeting before any decision.', '',
      '## Rota', '', 'We support a four-day rota if hours are protected.', '', 'Yours sincerely,', '', 'Branch Secretary', '',
    ].join('\n');
    const first = 'Close the Northgate depot and move its drivers to Riverside.';
    const quoted = depotLetter(first, undefined, 'Early feedback has been broadly positive across every site.');
    const other = depotLetter(first, undefined, 'Early feedback has been mixed at some sites.');
    throughMemo([quoted, other, quoted], response);
  });

  // A response whose first section, under a heading in its own words, answers the first aim: the aim reworded
  // so that it is still a candidate there but no longer what the section is about.
  const letter = [
    '# Changes to the library service', '', 'Dear colleagues,', '', 'We are writing to set out our proposals for the library service.', '',
    '1. Close the Northgate and Riverside branch libraries in the spring.',
    '2. Replace the mobile library van with a volunteer delivery scheme.',
    '3. Reduce Saturday opening hours at the central library.', '', 'Yours sincerely,', '', 'The Director', '',
  ].join('\n');
  const response = [
    'Dear Director,', '', 'Thank you for your letter about the library service.', '', '## What our communities stand to lose', '',
    'Families in Northgate and Riverside rely on their branch libraries every week, and children walk there after school.', '',
    'Older residents told us the branches are the only warm public place they can reach in winter.', '', '## Weekend access', '',
    'Cutting Saturday opening hours at the central library would hit working parents hardest. We oppose it.', '',
    'Yours sincerely,', '', 'Branch Secretary', '',
  ].join('\n');

  it('reads a section in the response’s own words again when an aim comes to match its paragraphs', () => {
    const reworded = 'Replace the mobile library van, which older residents rely on every week as a warm public place in winter, with volunteers.';
    const original = 'Replace the mobile library van with a volunteer delivery scheme.';
    throughMemo([letter, letter.replace(original, reworded), letter], response);
  });

  it('reads a section in the response’s own words again when an aim it could answer is reworded', () => {
    const cache = new AnalysisCache();
    const memo = cache.memo('letter.md', 'response.md');
    const before = compareDocs(cache.parse('letter.md', letter), cache.parse('response.md', response), { memo });
    expect(before.alignments[0].passages.map((p) => p.paragraph)).toEqual([3, 4]);
    const reworded = letter.replace(
      'Close the Northgate and Riverside branch libraries in the spring.',
      'Close the Northgate depot, the Riverside garage and the Eastfield and Westfield warehouses, and sell the land to housing developers this spring.',
    );
    const incremental = compareDocs(cache.parse('letter.md', reworded), cache.parse('response.md', response), { memo });
    const fresh = freshAnalysis(reworded, response);
    expect(JSON.stringify(incremental)).toBe(JSON.stringify(fresh));
  });
});
