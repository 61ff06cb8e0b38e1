import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outcomeRung, parseConsultationLog, splitCells } from '../../src/core/claims/log';

describe('parseConsultationLog', () => {
  it('reads the standard table with exact row positions', () => {
    const text = '# Log\n\n| Date | Forum | Topic | Unions | Outcome | Reference |\n|---|---|---|---|---|---|\n| 2026-07-03 | RJNC | Court redesign | Napo | informed | Minutes item 4 |\n';
    const log = parseConsultationLog(text, 'log.md');
    expect(log.warnings).toEqual([]);
    expect(log.entries).toHaveLength(1);
    const e = log.entries[0];
    expect(e).toMatchObject({ date: '2026-07-03', forum: 'RJNC', topic: 'Court redesign', unions: 'Napo', outcome: 'informed', reference: 'Minutes item 4', line: 5 });
    expect(text.slice(e.position.start.offset, e.position.end.offset)).toBe(e.text);
    expect(e.position.start.line).toBe(5);
  });

  it('finds columns by name, in any order and case, with extra and missing optional columns', () => {
    const log = parseConsultationLog('| OUTCOME | notes | topic | date |\n|-|-|-|-|\n| Consulted | x | Rota review | 12/03/2026 |\n');
    expect(log.warnings).toEqual([]);
    expect(log.entries[0]).toMatchObject({ outcome: 'consulted', topic: 'Rota review', date: '2026-03-12', unions: '', reference: '', forum: '' });
  });

  it('skips bad dates, unknown outcomes and empty topics with a warning naming the line, and never throws', () => {
    const text = [
      '| Date | Forum | Topic | Unions | Outcome | Reference |',
      '|---|---|---|---|---|---|',
      '| 2026-13-40 | NNC | Night rota | Napo | agreed | — |',
      '| next Tuesday | NNC | Night rota | Napo | agreed | — |',
      '| 2026-10-01 | Board | Staffing | Napo | postponed | — |',
      '| 2026-10-02 | Board |  | Napo | agreed | — |',
      '| 12 March | Board | Staffing | Napo | agreed | — |',
      '| 2026-10-03 | Board | Staffing | Napo | briefed | — |',
    ].join('\n');
    const log = parseConsultationLog(text, 'log.md');
    expect(log.entries.map((e) => e.line)).toEqual([8]);
    expect(log.warnings.map((w) => w.line)).toEqual([3, 4, 5, 6, 7]);
    expect(log.warnings[0].message).toMatch(/date "2026-13-40" could not be read/);
    expect(log.warnings[2].message).toMatch(/outcome "postponed" is not a rung/);
    expect(log.warnings.every((w) => w.path === 'log.md')).toBe(true);
  });

  it('warns about a table with no Outcome column and skips its rows', () => {
    const log = parseConsultationLog('| Date | Topic |\n|---|---|\n| 2026-01-01 | Pay |\n');
    expect(log.entries).toEqual([]);
    expect(log.warnings[0]).toMatchObject({ line: 1 });
    expect(log.warnings[0].message).toMatch(/no "Outcome" column/);
  });

  it('reads several tables, ignores tables that are not logs, and tolerates ragged rows', () => {
    const text = [
      '| Date | Topic | Outcome |',
      '|---|---|---|',
      '| 2026-01-05 | Pay | agreed |',
      '',
      '| Item | Owner |',
      '|---|---|',
      '| Chase figures | Secretary |',
      '',
      'Later meetings:',
      '',
      '| Outcome | Date | Topic | Forum |',
      '| --- | --- | --- | --- |',
      '| discussed | 3 February 2026 | Rotas |',
      '| consulted | 2026-02-10 |',
    ].join('\n');
    const log = parseConsultationLog(text);
    expect(log.entries.map((e) => [e.topic, e.outcome])).toEqual([
      ['Pay', 'agreed'],
      ['Rotas', 'engaged'],
    ]);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatchObject({ line: 14 });
  });

  it('says so when a file has no log table', () => {
    const log = parseConsultationLog('Just some notes.\n');
    expect(log.entries).toEqual([]);
    expect(log.warnings[0].message).toMatch(/No consultation-log table/);
  });

  it('ignores tables inside code fences, honours escaped pipes, and reads CRLF and a byte-order mark', () => {
    const text = '\uFEFF```\r\n| Date | Topic | Outcome |\r\n```\r\n| Date | Topic | Outcome |\r\n|---|---|---|\r\n| 2026-01-05 | Pay \\| grading | agreed |\r\n';
    const log = parseConsultationLog(text);
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0].topic).toBe('Pay | grading');
    expect(log.entries[0].line).toBe(6);
    expect(log.entries[0].text).toBe('| 2026-01-05 | Pay \\| grading | agreed |');
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const log = parseConsultationLog(`| Date | Topic | Outcome |\n|---|---|---|\n${s}`);
        expect(Array.isArray(log.entries)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('outcomeRung', () => {
  it.each([
    ['agreed', 'agreed'],
    ['Signed collective agreement', 'agreed'],
    ['negotiations', 'negotiated'],
    ['formal consultation', 'consulted'],
    ['discussed', 'engaged'],
    ['briefed', 'informed'],
    ['noted', 'informed'],
    ['shared for information only', 'informed'],
  ])('%s → %s', (text, rung) => expect(outcomeRung(text)?.rung).toBe(rung));

  it('reads refusals as denials of agreement', () => {
    expect(outcomeRung('not agreed')).toEqual({ rung: 'consulted', denies: 'agreed' });
    expect(outcomeRung('failed to agree')?.denies).toBe('agreed');
    expect(outcomeRung('not consulted')).toEqual({ rung: 'informed', denies: 'consulted' });
  });

  it('returns undefined for an unknown outcome', () => {
    expect(outcomeRung('postponed')).toBeUndefined();
    expect(outcomeRung('')).toBeUndefined();
  });
});

describe('splitCells', () => {
  it('splits on pipes outside code spans', () => {
    expect(splitCells('| a | `b|c` | d |')).toEqual(['a', '`b|c`', 'd']);
    expect(splitCells('a | b')).toEqual(['a', 'b']);
  });
});
