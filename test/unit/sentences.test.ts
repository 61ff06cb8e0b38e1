import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/text/sentences';

const split = (t: string) => splitSentences(t, { start: 0, end: t.length }).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks', () => {
    expect(split('We welcome this. Do we agree? We do!  Fine.')).toEqual(['We welcome this.', 'Do we agree?', 'We do!', 'Fine.']);
  });

  it('keeps abbreviations, initials, section numbers and decimals inside a sentence', () => {
    expect(split('Mr. Jones met J. Smith, e.g. at the NNC. Under s. 188 of TULRCA 1.5 days. Next.')).toEqual([
      'Mr. Jones met J. Smith, e.g. at the NNC.',
      'Under s. 188 of TULRCA 1.5 days.',
      'Next.',
    ]);
  });

  it('includes closing quotes and brackets in the sentence they close', () => {
    expect(split('They said "this is agreed." We disagree.')).toEqual(['They said "this is agreed."', 'We disagree.']);
  });

  it('does not split before a lower-case word', () => {
    expect(split('Approx. three weeks. etc. and so on.')).toEqual(['Approx. three weeks. etc. and so on.']);
  });

  it('is linear: a megabyte of text splits quickly', () => {
    const text = 'The unions were consulted on 3 May. '.repeat(30000);
    const spans = splitSentences(text, { start: 0, end: text.length });
    expect(spans.length).toBe(30000);
  });
});
