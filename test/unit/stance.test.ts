import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse';
import { classifyStance, compilePhrase, cuesIn, findCues, requiredWords } from '../../src/core/stance/stance';
import { LEXICON } from '../../src/core/stance/lexicon';
import { tokenize, WordRuns, WordTable } from '../../src/core/align/text';

/** The stance of a passage made of the given paragraphs, and its cues. */
function stanceOf(...paragraphs: string[]) {
  const doc = parseDocument(paragraphs.join('\n\n'));
  return { doc, ...classifyStance(doc, doc.blocks.map((b) => b.span)) };
}

describe('stance: negation', () => {
  it('reads "no issues with" as support', () => {
    expect(stanceOf('The branch has no issues with this aim.').stance).toBe('support');
    expect(stanceOf('We have no objection to a single appraisal policy.').stance).toBe('support');
    expect(stanceOf('GMB does not object to tracking for route planning.').stance).toBe('support');
  });

  it('reads "we do not support" and "cannot accept" as oppose', () => {
    expect(stanceOf('We do not support this reduction.').stance).toBe('oppose');
    expect(stanceOf('PCS does not agree to Saturday opening.').stance).toBe('oppose');
    expect(stanceOf('We cannot accept placements supervised by host organisations.').stance).toBe('oppose');
    expect(stanceOf('Members would not welcome this change.').stance).toBe('oppose');
  });

  it('reads "not in the spirit of meaningful consultation" as negative when nothing else is said', () => {
    const r = stanceOf('This is not in the spirit of meaningful consultation.');
    expect(r.stance).toBe('oppose');
    expect(r.cues[0].text).toBe('not in the spirit of meaningful consultation');
  });

  it('reads "not concerned" as no objection', () => {
    expect(stanceOf('We are not concerned about the new template.').stance).toBe('support');
  });
});

describe('stance: contrast and conditions', () => {
  it('reads agreement with the sentiment followed by very real concerns as qualified', () => {
    const r = stanceOf('While we agree with the sentiment, and members would welcome less duplication, we have very real concerns that staff will pick up more work.');
    expect(r.stance).toBe('qualified');
    expect(r.cues.map((c) => c.text)).toContain('we agree with the sentiment');
  });

  it('reads "welcome in principle" as qualified', () => {
    expect(stanceOf('Napo welcomes the review in principle.').stance).toBe('qualified');
    expect(stanceOf('Members support a common school day in principle. However, it adds to directed time.').stance).toBe('qualified');
  });

  it('reads a welcome followed by "however" and an unnamed criticism as qualified', () => {
    const r = stanceOf('We can see the case for broader training. However, the tax lines differ greatly in complexity and advisers would take calls they have not been trained for.');
    expect(r.stance).toBe('qualified');
    expect(r.cues.some((c) => c.text.toLowerCase() === 'however')).toBe(true);
  });

  it('keeps support when the only thing after the contrast is a request for information', () => {
    expect(stanceOf('We support these three objectives, although we will want to see the travel arrangements for staff.').stance).toBe('support');
    expect(stanceOf('We welcome the commitment to redeployment, and we ask that it is written into the consultation documents.').stance).toBe('support');
  });

  it('reads a welcome with a condition set after a contrast as qualified', () => {
    expect(stanceOf('We accept that some movement between sites is needed. However, it must be voluntary for staff on current contracts.').stance).toBe('qualified');
  });
});

describe('stance: intensity, concern and requests', () => {
  it('reads "wholly unrealistic" and "totally unacceptable" as oppose', () => {
    expect(stanceOf('Given the scale of the change, April 2027 is a wholly unrealistic deadline.').stance).toBe('oppose');
    expect(stanceOf('A blanket minimum of three days is totally unacceptable.').stance).toBe('oppose');
  });

  it('reads requests for information and unseen details as concern', () => {
    expect(stanceOf('Unfortunately we have not yet seen details of how this will look.').stance).toBe('concern');
    expect(stanceOf('We ask for the equality impact assessment before any decision.').stance).toBe('concern');
    expect(stanceOf('We seek clarification on whether investigators will be expected to relocate.').stance).toBe('concern');
    expect(stanceOf('How will lone working at weekends be kept safe?').stance).toBe('concern');
  });

  it('reads divided views as concern even beside a welcome from some members', () => {
    expect(stanceOf('Members are divided on this. Some crew members would welcome a longer weekend, but ten-hour days raise real concerns.').stance).toBe('concern');
  });

  it('answers with no position at all are concern, with no cues', () => {
    const r = stanceOf('The review is expected to conclude by the end of the year.');
    expect(r.stance).toBe('concern');
    expect(r.cues).toEqual([]);
  });
});

describe('stance: the aim itself before the consultation process', () => {
  it('keeps support when a paragraph has no issues with the aim but complains about consultation', () => {
    const r = stanceOf(
      'This is the most straightforward aim and the branch has no issues with it, as it underpins the reasons for the review. The way in which this is being done, and the failure of appropriate trade union consultation, is the issue.',
    );
    expect(r.stance).toBe('support');
    expect(r.cues.map((c) => c.stance)).toEqual(['support']);
  });

  it('lets a process complaint decide only when nothing is said about the aim', () => {
    const r = stanceOf('The union was not consulted, which is totally unacceptable practice.');
    expect(r.stance).toBe('oppose');
    expect(r.cues.every((c) => /consult|practice/.test(c.text))).toBe(true);
  });
});

describe('stance cues', () => {
  it('give the exact text and position, the stance, the phrase and a note', () => {
    const src = 'Intro.\r\n\r\nWe have significant concerns about this aim, and we ask for the travel analysis.';
    const doc = parseDocument(src);
    const r = classifyStance(doc, [doc.blocks[1].span]);
    expect(r.stance).toBe('concern');
    expect(r.cues.length).toBeGreaterThan(0);
    for (const c of r.cues) {
      expect(doc.source.slice(c.position.start.offset, c.position.end.offset)).toBe(c.text);
      expect(c.position.start.line).toBe(3);
      expect(c.note && c.note.length).toBeGreaterThan(10);
      expect(c.phrase.length).toBeGreaterThan(0);
    }
    expect(r.cues[0].text).toBe('significant concerns');
  });

  it('gives a cue the stance of each classification that shares it, as a classification of its own would', () => {
    // The condition alone decides "concern"; beside a welcome in principle, "qualified". The cue is found once (the cache).
    const doc = parseDocument('Provided that staff are consulted, this may work.\n\nWe welcome this in principle.');
    const [condition, welcome] = doc.blocks.map((b) => b.span);
    const cache = new Map();
    const alone = classifyStance(doc, [condition], cache);
    const both = classifyStance(doc, [condition, welcome], cache);
    const again = classifyStance(doc, [condition], cache);
    expect(alone.cues.map((c) => `${c.stance}: ${c.phrase}`)).toEqual(['concern: provided that']);
    expect(both.cues.map((c) => `${c.stance}: ${c.phrase}`)).toContain('qualified: provided that');
    expect(both).toEqual(classifyStance(doc, [condition, welcome]));
    expect(again).toEqual(alone);
    // Shared where the stance is the same: one object, not a copy per aim.
    expect(again.cues[0]).toBe(alone.cues[0]);
  });

  it('finds the same cues from a word table as from the tokeniser', () => {
    const src = 'We do not support this. However, members welcome the principle, and we have not yet seen the details?';
    const doc = parseDocument(src);
    const span = doc.blocks[0].span;
    const table = new WordTable();
    const { ids, starts, ends, count } = table.scan(doc.masked, span.start, span.end);
    const view = { count, word: (k: number) => table.word(ids[k]), start: (k: number) => starts[k], end: (k: number) => ends[k] };
    expect(cuesIn(doc, span, view)).toEqual(cuesIn(doc, span));
    expect(findCues(doc, span).map((c) => c.label)).toEqual(['oppose', 'contrast', 'qualified', 'concern']);
  });
});

describe('stance: scanning for cues', () => {
  /** The lexicon's matches by brute force: every phrase whose first word a word is, tried there; the longest
   * wins (the first in the lexicon on a tie); words inside a match are not tried. */
  const compiled = LEXICON.map((entry) => ({ entry, ...compilePhrase(entry.phrase) }));
  function bruteForce(text: string, from: number, to: number): Array<[string, number, number]> {
    const tokens = tokenize(text, from, to);
    const out: Array<[string, number, number]> = [];
    for (let k = 0; k < tokens.length; k++) {
      let best: [string, number, number] | undefined;
      for (const c of compiled) {
        for (const first of new Set(c.first)) {
          if (first !== tokens[k].word) continue;
          c.re.lastIndex = tokens[k].start;
          const m = c.re.exec(text);
          if (!m) continue;
          const end = tokens[k].start + m[0].trimEnd().length;
          if (end <= to && (!best || end > best[2])) best = [c.entry.phrase, tokens[k].start, end];
        }
      }
      if (!best) continue;
      out.push(best);
      while (k + 1 < tokens.length && tokens[k + 1].start < best[2]) k++;
    }
    return out;
  }

  it('finds what trying every phrase at every word finds, in every response of the fixtures', () => {
    const root = join(__dirname, '../fixtures/pairs');
    let cues = 0;
    for (const name of readdirSync(root)) {
      let src: string;
      try {
        src = readFileSync(join(root, name, 'response.md'), 'utf8');
      } catch {
        continue;
      }
      const doc = parseDocument(src);
      for (const b of doc.blocks) {
        const found = findCues(doc, b.span).map((c): [string, number, number] => [c.entry.phrase, c.span.start, c.span.end]);
        expect(found, `${name}: ${b.text.slice(0, 60)}`).toEqual(bruteForce(doc.masked, b.span.start, b.span.end));
        cues += found.length;
      }
    }
    expect(cues).toBeGreaterThan(100);
  });

  it('reads a passage with many phrase openings to its end, and a short passage after it as on its own', () => {
    const long = parseDocument(Array.from({ length: 150 }, (_, i) => (i % 2 === 0 ? 'We welcome this.' : 'We have concerns.')).join(' '));
    const cues = findCues(long, long.blocks[0].span);
    expect(cues.length).toBe(150);
    expect(cues.map((c) => c.label).slice(-2)).toEqual(['support', 'concern']);
    expect(cues[149].span.end).toBe(long.source.trimEnd().length - 1);
    const short = parseDocument('We have no issues with this aim, but we are concerned about the rota.');
    expect(findCues(short, short.blocks[0].span).map((c) => c.label)).toEqual(['support', 'contrast', 'concern']);
  });
});

describe('the lexicon', () => {
  it('has a label, a weight and a note on every entry, and every phrase compiles and is indexable', () => {
    expect(LEXICON.length).toBeGreaterThan(80);
    for (const e of LEXICON) {
      expect(e.note.length, e.phrase).toBeGreaterThan(10);
      expect(e.weight).toBeGreaterThan(0);
      expect(() => compilePhrase(e.phrase), e.phrase).not.toThrow();
      expect(compilePhrase(e.phrase).first.length, e.phrase).toBeGreaterThan(0);
      if (e.label === 'process') expect(e.leans).toBeDefined();
    }
  });

  it('matches phrases at word boundaries only, with any white space between words', () => {
    const { re } = compilePhrase('no (issues?|objections?) (with|to)');
    re.lastIndex = 0;
    expect(re.exec('no issues\n   with it')?.[0]).toBe('no issues\n   with');
    re.lastIndex = 0;
    expect(re.exec('no issues within')).toBeNull();
  });

  it('requires the literal words a phrase cannot match without', () => {
    expect(requiredWords('(has|have) not (yet )?(seen|received)')).toEqual(['not']);
    expect(requiredWords('accept the case for')).toEqual(['the', 'case', 'for']);
  });

  it('scans words exactly as the tokeniser does', () => {
    const text = "Members' views: DON’T stop — e-Rostering, Élan and the union's 12-hour shifts.";
    const table = new WordTable();
    const { ids, starts, ends, count } = table.scan(text, 0, text.length);
    const tokens = tokenize(text);
    expect(Array.from(ids.subarray(0, count), (id) => table.word(id))).toEqual(tokens.map((t) => t.word));
    expect(Array.from(starts.subarray(0, count))).toEqual(tokens.map((t) => t.start));
    expect(Array.from(ends.subarray(0, count))).toEqual(tokens.map((t) => t.end));
  });

  it('adds the words of several scans to runs of its own, past the runs\' first size', () => {
    const text = Array.from({ length: 150 }, (_, i) => `word${i % 37} Shift’s`).join(', ');
    const half = text.indexOf('word0', text.length / 2);
    const table = new WordTable();
    const runs = new WordRuns();
    table.scan(text, 0, half, runs);
    table.scan('unrelated words', 0, 15); // the table's own runs: these must not disturb `runs`
    expect(table.scan(text, half, text.length, runs)).toBe(runs);
    const tokens = tokenize(text);
    expect(runs.count).toBe(tokens.length);
    expect(runs.count).toBeGreaterThan(256);
    expect(Array.from(runs.ids.subarray(0, runs.count), (id) => table.word(id))).toEqual(tokens.map((t) => t.word));
    expect(Array.from(runs.starts.subarray(0, runs.count))).toEqual(tokens.map((t) => t.start));
    expect(Array.from(runs.ends.subarray(0, runs.count))).toEqual(tokens.map((t) => t.end));
  });
});
