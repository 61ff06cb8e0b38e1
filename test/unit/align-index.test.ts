import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse';
import { extractAims } from '../../src/core/aims/extract';
import { AimIndex, aimProfile } from '../../src/core/align/align';
import { contentStems, WordTable } from '../../src/core/align/text';

/** A letter of numbered aims, the one at `at` worded as `edited`. */
function letter(aims: string[]): string {
  return `# Proposals\n\nDear colleagues,\n\nWe propose the following changes.\n\n${aims.map((a, i) => `${i + 1}. ${a}`).join('\n')}\n\nYours sincerely,\n\nThe Director\n`;
}

const AIMS = [
  'Introduce regional rostering for all probation officers from April.',
  'Close the two smallest libraries and merge their stock into the central library.',
  'Move the night shift to a four-day pattern with longer shifts.',
  'Replace paper timesheets with an electronic recording system.',
  'Centralise recruitment of agency staff through one national framework.',
  'Review the lone-working policy after the summer.',
];

/** Every wording the index can be asked about: the phrases of both versions, each word, and prefixes of it. */
function questions(texts: string[]): { phrases: string[]; terms: string[] } {
  const phrases = new Set<string>(['regional rostering', 'the national framework', 'libraries and timesheets', 'Rostering', 'Recruitment', 'regionalisation of rosters']);
  const terms = new Set<string>();
  for (const t of texts) {
    phrases.add(t);
    for (const s of contentStems(t)) {
      terms.add(s);
      for (let l = 3; l < s.length; l++) terms.add(s.slice(0, l));
      terms.add(s + 'al');
      terms.add(s + 'isation');
    }
  }
  return { phrases: [...phrases], terms: [...terms] };
}

function build(texts: string[], words: WordTable) {
  const doc = parseDocument(letter(texts), 'letter.md');
  const aims = extractAims(doc);
  expect(aims.length).toBe(texts.length);
  return { aims, profiles: aims.map((a) => aimProfile(doc, a, words)) };
}

function answers(index: AimIndex, q: { phrases: string[]; terms: string[] }) {
  return { restated: q.phrases.map((p) => index.restated(p)), aimsWith: q.terms.map((t) => index.aimsWith(t)), idf: q.terms.map((t) => index.idf(t)) };
}

describe('the index of aims’ words, patched after an edit', () => {
  const edits: Array<[string, number, string]> = [
    ['a word swapped for an unrelated one', 0, 'Introduce national rostering for all probation officers from April.'],
    ['a word lengthened into one it begins', 0, 'Introduce regionalised rostering for all probation officers from April.'],
    ['a word cut to a stem another aim begins with', 4, 'Centralise recruitment of agency staff through one nation framework.'],
    ['a word every other aim lacks removed', 3, 'Replace timesheets with an electronic recording system.'],
    ['two aims sharing a new word', 5, 'Review the lone-working policy for rostering after the summer.'],
    ['an aim reworded whole', 1, 'Keep every library open but cut opening hours on Saturdays.'],
    ['an aim taking up words of later aims', 0, 'Replace paper timesheets for all probation officers with longer shifts from April.'],
  ];
  for (const [what, at, wording] of edits) {
    it(`answers as a fresh index does: ${what}`, () => {
      const words = new WordTable();
      const before = build(AIMS, words);
      const afterTexts = AIMS.map((a, i) => (i === at ? wording : a));
      const after = build(afterTexts, words);
      const q = questions([...AIMS, ...afterTexts]);
      const patched = new AimIndex(before.aims, (_, i) => before.profiles[i], words);
      answers(patched, q); // fill its memos with answers about the old wording
      patched.patch(after.aims, [{ aim: at, profile: after.profiles[at] }]);
      const fresh = new AimIndex(after.aims, (_, i) => after.profiles[i], words);
      expect(answers(patched, q)).toEqual(answers(fresh, q));
      // In the same order too: the aims a paragraph quotes are ranked in the order they are found.
      for (const p of after.profiles) {
        const grams = [p.trigrams.array, p.trigramsFrom, p.trigramsTo] as const;
        expect([...patched.quoted(...grams).hits]).toEqual([...fresh.quoted(...grams).hits]);
      }
    });
  }
});

describe('the index of aims’ words, through many edits', () => {
  it('answers as a fresh index does after each of a run of edits, its memo of phrases made smaller on the way', () => {
    const words = new WordTable();
    const wordings = [
      'Introduce national rostering for all probation officers from April.',
      'Introduce regional rostering for agency staff from April.',
      'Keep every library open but cut opening hours on Saturdays.',
      'Replace paper timesheets with a national electronic framework.',
    ];
    let texts = AIMS.slice();
    let now = build(texts, words);
    const index = new AimIndex(now.aims, (_, i) => now.profiles[i], words);
    for (let edit = 0; edit < 24; edit++) {
      const at = edit % AIMS.length;
      const next = texts.map((a, i) => (i === at ? wordings[edit % wordings.length] : a));
      const q = questions([...texts, ...next]);
      answers(index, q);
      const after = build(next, words);
      index.patch(after.aims, [{ aim: at, profile: after.profiles[at] }]);
      texts = next;
      now = after;
      expect(answers(index, q)).toEqual(answers(new AimIndex(now.aims, (_, i) => now.profiles[i], words), q));
    }
    // The phrases forgotten along the way were dropped from the memo's numbers: they are fewer than those kept.
    const memo = index as unknown as { restatedDead: number; restatedFound: { length: number } };
    expect(memo.restatedDead * 2).toBeLessThanOrEqual(memo.restatedFound.length);
  });
});

describe('the word table', () => {
  it('finds a word it holds by its id, and does not add one it does not hold', () => {
    const words = new WordTable();
    const id = words.idOf('rostering');
    words.scan('Regional ROSTERING for officers', 0, 31);
    const size = words.size;
    expect(words.find('rostering')).toBe(id);
    expect(words.find('regional')).toBeGreaterThan(0);
    expect(words.word(words.find('officers'))).toBe('officers');
    expect(words.find('roster')).toBe(-1);
    expect(words.find('')).toBe(-1);
    expect(words.size).toBe(size);
  });
});
