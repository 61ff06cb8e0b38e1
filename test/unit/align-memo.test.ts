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
          const fresh = compareDocs(new DocumentParser().parse(letter, 'letter.md'), new DocumentParser().parse(p.response, 'response.md'));
          expect(JSON.stringify(incremental), `${p.name}, aim ${aims[i].id}`).toBe(JSON.stringify(fresh));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
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
          const fresh = compareDocs(new DocumentParser().parse(letter, 'letter.md'), new DocumentParser().parse(p.response, 'response.md'));
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
      const fresh = compareDocs(new DocumentParser().parse(letter, 'letter.md'), new DocumentParser().parse(response, 'response.md'));
      expect(fresh.alignments.at(-1)!.passages.length).toBeGreaterThan(0);
      expect(JSON.stringify(incremental)).toBe(JSON.stringify(fresh));
    }
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
    const fresh = compareDocs(new DocumentParser().parse(reworded, 'letter.md'), new DocumentParser().parse(response, 'response.md'));
    expect(JSON.stringify(incremental)).toBe(JSON.stringify(fresh));
  });
});
