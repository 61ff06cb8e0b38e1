import { describe, expect, it } from 'vitest';
import { conventionalNames, isLogName, looksLikeLog, roleFromName } from '../../src/extension/conventions';

describe('folder conventions', () => {
  it('reads a role from a file name', () => {
    expect(roleFromName('letter.md')).toBe('letter');
    expect(roleFromName('2026-09-hmpps-letter.md')).toBe('letter');
    expect(roleFromName('Letter_v2.markdown')).toBe('letter');
    expect(roleFromName('response.md')).toBe('response');
    expect(roleFromName('omic-reply.md')).toBe('response');
    expect(roleFromName('newsletter.md')).toBeUndefined();
    expect(roleFromName('responsibilities.md')).toBeUndefined();
    expect(roleFromName('notes.md')).toBeUndefined();
  });

  it("names a document's counterpart side by side", () => {
    expect(conventionalNames('letter.md', 'letter')).toEqual(['response.md', 'reply.md']);
    expect(conventionalNames('omic-letter.md', 'letter')).toEqual(['omic-response.md', 'omic-reply.md']);
    expect(conventionalNames('Letter-v2.md', 'letter')).toEqual(['Response-v2.md', 'Reply-v2.md']);
    expect(conventionalNames('omic-reply.md', 'response')).toEqual(['omic-letter.md']);
    expect(conventionalNames('RESPONSE.md', 'response')).toEqual(['LETTER.md']);
    expect(conventionalNames('notes.md', 'letter')).toEqual([]);
  });

  it('recognises a consultation log by name or by its table header', () => {
    expect(isLogName('consultation-log.md')).toBe(true);
    expect(isLogName('2026-consultation_log.md')).toBe(true);
    expect(isLogName('log.md')).toBe(false);
    expect(looksLikeLog('# Meetings\n\n| Date | Forum | Topic | Unions | Outcome | Reference |\n|---|---|---|---|---|---|\n')).toBe(true);
    expect(looksLikeLog('| Date | Venue | Notes |\n|---|---|---|\n')).toBe(false);
  });
});
