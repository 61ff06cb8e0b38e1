import { describe, expect, it } from 'vitest';
import { check, compare } from '../../src/core/analyse';
import { compareMarkdown } from '../../src/core/report/markdown';
import { buildReportModel } from '../../src/core/report/model';
import { renderReportHtml } from '../../src/core/report/html';
import { parseConsultationLog } from '../../src/core/claims/log';

const RUNGS = ['informed', 'engaged', 'consulted', 'negotiated'];

function logOf(rows: number, withAgreement: boolean): string {
  const out = ['| Date | Forum | Topic | Unions | Outcome |', '|---|---|---|---|---|'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    out.push(`| 2026-03-${day} | JNCC | Rota review, meeting ${i + 1} | UNISON | ${RUNGS[i % RUNGS.length]} |`);
  }
  if (withAgreement) out.push('| 2026-04-02 | JNCC | Rota review: agreement | UNISON | agreed |');
  return out.join('\n') + '\n';
}

describe('evidence listed for a claim', () => {
  it('lists at most eight pieces, the deciding one among them, and says how many more were found', () => {
    const letter = '---\nrole: letter\ndate: 2026-05-01\n---\n\n# Rota review\n\nThe rota review was agreed with UNISON.\n';
    const log = parseConsultationLog(logOf(60, true), 'log.md');
    const [doc] = check([{ path: 'letter.md', text: letter, log }]).documents;
    const claim = doc.claims.find((c) => c.rung === 'agreed')!;
    expect(claim.status).toBe('evidenced');
    expect(claim.evidence).toHaveLength(8);
    expect(claim.evidenceNotListed).toBe(61 - 8);
    expect(claim.evidence.some((e) => e.rung === 'agreed')).toBe(true);
    // The strongest rows are the ones kept: nothing weaker than a listed row is kept over a stronger one left out.
    expect(claim.evidence.filter((e) => e.rung === 'negotiated').length).toBe(7);
    // In the order they were found.
    const lines = claim.evidence.map((e) => e.position?.start.line ?? 0);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('lists everything, and says nothing more, when there are eight pieces or fewer', () => {
    const letter = '---\nrole: letter\ndate: 2026-05-01\n---\n\n# Rota review\n\nThe rota review was agreed with UNISON.\n';
    const log = parseConsultationLog(logOf(5, true), 'log.md');
    const claim = check([{ path: 'letter.md', text: letter, log }]).documents[0].claims[0];
    expect(claim.evidence).toHaveLength(6);
    expect(claim.evidenceNotListed).toBeUndefined();
  });

  it('gives a result of bounded size when every log row matches every claim of a long letter', () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `Rota review item ${i + 1} was agreed with UNISON.`);
    const letter = `---\nrole: letter\ndate: 2026-05-01\n---\n\n# Rota review\n\n${sentences.join('\n\n')}\n`;
    const log = parseConsultationLog(logOf(400, false), 'log.md');
    const [doc] = check([{ path: 'letter.md', text: letter, log }]).documents;
    expect(doc.claims).toHaveLength(400);
    for (const c of doc.claims) expect(c.evidence.length).toBeLessThanOrEqual(8);
    expect(doc.claims.every((c) => c.status === 'overstated')).toBe(true);
    expect(JSON.stringify(doc).length).toBeLessThan(4_000_000);
  });

  it('says in the reports how many more were found', () => {
    const letter = '---\nrole: letter\ndate: 2026-05-01\n---\n\n# Rota review\n\nThe rota review was agreed with UNISON.\n';
    const response = '# Response\n\nWe have concerns about the rota review.\n';
    const log = parseConsultationLog(logOf(20, false), 'log.md');
    const result = compare({ path: 'letter.md', text: letter }, { path: 'response.md', text: response }, { log });
    const claim = result.letter.claims[0];
    expect(claim.evidenceNotListed).toBe(12);
    expect(compareMarkdown(result)).toContain('…and 12 more pieces of evidence, not listed (the strongest eight are).');
    expect(renderReportHtml(buildReportModel(result))).toContain('…and 12 more pieces of evidence, not listed');
  });
});
