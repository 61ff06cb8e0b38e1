import { describe, expect, it } from 'vitest';
import { cell, containerPrefix, directive, formatRow, guessForum, guessTopic, guessUnions, insertRow, newLog, rowDate, LOG_HEADER } from '../../src/extension/log-entry';
import { parseConsultationLog } from '../../src/core/claims/log';
import { parseDocument } from '../../src/core/document/parse';

const row = formatRow({ date: '2026-06-02', forum: 'JNCC', topic: 'Library hours', unions: 'UNISON', outcome: 'agreed', reference: '' });

describe('a consultation-log row', () => {
  it('is one table line with the six columns in order, pipes in cells escaped', () => {
    expect(row).toBe('| 2026-06-02 | JNCC | Library hours | UNISON | agreed |  |');
    expect(cell('Pay | grading\n review')).toBe('Pay \\| grading review');
  });

  it('guesses the forum a claim names, preferring the full name', () => {
    expect(guessForum('It was agreed at the Regional Joint Negotiating Committee in June.')).toBe('Regional Joint Negotiating Committee');
    expect(guessForum('jointly agreed with the NHS Staff Council')).toBe('NHS Staff Council');
    expect(guessForum('discussed with staff side colleagues')).toBe('staff side');
    expect(guessForum('agreed at the JNCC')).toBe('JNCC');
    expect(guessForum('agreed with the trade unions')).toBe('');
  });

  it('guesses the unions a claim names, once each', () => {
    expect(guessUnions('agreed with UNISON, GMB and Unison reps')).toBe('UNISON, GMB');
    expect(guessUnions('agreed with Napo')).toBe('Napo');
    expect(guessUnions('agreed with the unions')).toBe('');
  });

  it("takes the topic from the aim, else the letter's title, else the claim's first words", () => {
    expect(guessTopic('x', 'Consolidate court hubs', 'Court redesign')).toBe('Consolidate court hubs');
    expect(guessTopic('x', undefined, 'Court redesign')).toBe('Court redesign');
    expect(guessTopic('This restructure has been agreed with the trade unions at the JNCC.')).toBe('This restructure has been agreed with the trade…');
  });

  it("dates the row with the letter's date, or today", () => {
    expect(rowDate('2026-09-14')).toBe('2026-09-14');
    expect(rowDate('14 September', new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(rowDate(undefined, new Date(2026, 10, 22))).toBe('2026-11-22');
  });
});

describe('inserting the row', () => {
  const apply = (text: string) => {
    const ins = insertRow(text, row);
    return text.slice(0, ins.offset) + ins.text + text.slice(ins.offset);
  };

  it('goes after the last row of the log table, before what follows it', () => {
    const log = `# Log\n\n${LOG_HEADER}| 2026-05-01 | NNC | Pay | Napo | consulted | minutes |\n\nNotes below.\n`;
    const out = apply(log);
    expect(out).toBe(`# Log\n\n${LOG_HEADER}| 2026-05-01 | NNC | Pay | Napo | consulted | minutes |\n${row}\n\nNotes below.\n`);
    const ins = insertRow(log, row);
    expect(out.slice(ins.rowOffset, ins.rowOffset + row.length)).toBe(row);
  });

  it('works on a table with no rows, a file without a final newline, and CRLF files', () => {
    expect(apply(LOG_HEADER)).toBe(`${LOG_HEADER}${row}\n`);
    expect(apply(`${LOG_HEADER}| a | b | c | d | informed | e |`)).toBe(`${LOG_HEADER}| a | b | c | d | informed | e |\n${row}\n`);
    const crlf = LOG_HEADER.replace(/\n/g, '\r\n');
    expect(apply(crlf)).toBe(`${crlf}${row}\r\n`);
  });

  it('starts a table at the end of a file that has none', () => {
    expect(apply('# Notes\n')).toBe(`# Notes\n\n${LOG_HEADER}${row}\n`);
    expect(apply('')).toBe(`${LOG_HEADER}${row}\n`);
  });

  it('gives a log the engine reads back: the row is an entry at the claimed rung', () => {
    const log = parseConsultationLog(apply(newLog(formatRow({ date: '2026-05-12', forum: 'JNCC', topic: 'Case allocation', unions: 'Napo', outcome: 'consulted', reference: 'minutes' }))));
    expect(log.warnings).toEqual([]);
    expect(log.entries.map((e) => [e.date, e.outcome])).toEqual([
      ['2026-05-12', 'consulted'],
      ['2026-06-02', 'agreed'],
    ]);
  });
});

describe('the silencing directive', () => {
  it('names the rule and keeps the reason on one line, never closing the comment early', () => {
    expect(directive('unevidenced-claim', 'minutes\nin annex B')).toBe('<!-- counterpoint-disable-next-line unevidenced-claim -- minutes in annex B -->');
    expect(directive('disputed-claim', 'see --> here')).not.toMatch(/-->.*-->/);
  });

  it('is read by the document model as a directive with that rule and reason, silencing the next block', () => {
    const text = `Intro.\n\n${directive('unevidenced-claim', 'minutes in annex B')}\nIt was agreed with the unions.\n`;
    const doc = parseDocument(text);
    expect(doc.directives).toHaveLength(1);
    expect(doc.directives[0]).toMatchObject({ kind: 'disable-next-line', rules: ['unevidenced-claim'], reason: 'minutes in annex B' });
    expect(text.slice(doc.directives[0].scope.start, doc.directives[0].scope.end)).toBe('It was agreed with the unions.');
  });

  it('keeps a directive inside the quote or indentation of the line it precedes', () => {
    expect(containerPrefix('> > quoted text')).toBe('> > ');
    expect(containerPrefix('   indented')).toBe('   ');
    expect(containerPrefix('1. list item')).toBe('');
  });
});
