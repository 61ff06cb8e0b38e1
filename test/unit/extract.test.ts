import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse';
import { leadInOf } from '../../src/core/aims/extract';

/** The lead-in of a one-paragraph document, as title and style, or undefined. */
function lead(text: string) {
  const doc = parseDocument(text);
  const l = leadInOf(doc, doc.blocks[0]);
  return l && { title: l.title, style: l.style, body: doc.source.slice(l.bodySpan.start, l.bodySpan.end).trim() };
}

describe('aims: plain lead-ins', () => {
  it('finds a lead-in before a colon, or before a dash with a space either side', () => {
    expect(lead('Rostering: move to a seven-day rota across approved premises.')).toEqual({ title: 'Rostering', style: 'plain', body: 'move to a seven-day rota across approved premises.' });
    expect(lead('Centralised listing – move listing work into two regional hubs.')?.title).toBe('Centralised listing');
    expect(lead('Centralised listing — move listing work into two regional hubs.')?.title).toBe('Centralised listing');
    expect(lead('Centralised listing - move listing work into two regional hubs.')?.title).toBe('Centralised listing');
  });

  it('finds none after a full stop, question, semicolon or line end, nor at a dash inside a word', () => {
    expect(lead('We met twice. Rostering: move to a seven-day rota across premises.')).toBeUndefined();
    expect(lead('Is this right? Rostering: move to a seven-day rota across premises.')).toBeUndefined();
    expect(lead('We met twice; Rostering: move to a seven-day rota across premises.')).toBeUndefined();
    expect(lead('Seven-day rota across approved premises for all practitioners')).toBeUndefined();
    expect(lead('Rostering:move to a seven-day rota across approved premises.')).toBeUndefined();
  });
});
