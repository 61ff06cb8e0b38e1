import { describe, expect, it } from 'vitest';
import { diffClaims, localClaims } from '../../src/core/versions/claims-diff';
import { diffLetters } from '../../src/core/versions/diff';
import { doc } from '../fixtures/versions/helpers';

function local(oldText: string, newText: string) {
  const a = doc(oldText, 'old.md');
  const b = doc(newText, 'new.md');
  return diffClaims(a, localClaims(a), b, localClaims(b));
}

const intro = 'Dear colleagues,\n\nWe are writing about the review of court services.\n\n';

describe('claims of union involvement across versions', () => {
  it('reports a claim strengthened, quoting both phrases with their rungs', () => {
    const changes = local(
      `${intro}These proposals were discussed with staff side at the JNCC in December.\n`,
      `${intro}These proposals have been agreed with staff side at the JNCC in December.\n`,
    );
    expect(changes.map((c) => c.description)).toEqual(["New claim: 'agreed with staff side' (agreed), where the old version said 'discussed with staff side' (engaged)"]);
    expect(changes[0].change).toBe('strengthened');
    expect(changes[0].newPosition!.start.line).toBe(5);
  });

  it('reports a claim weakened, added and removed', () => {
    expect(local(`${intro}The plan was agreed with the trade unions in May.\n`, `${intro}The plan was shared with the trade unions in May.\n`).map((c) => c.change)).toEqual(['weakened']);
    expect(local(intro, `${intro}We have consulted the recognised unions on the principles.\n`).map((c) => c.description)).toEqual([
      "New claim: 'consulted the recognised unions' (consulted)",
    ]);
    expect(local(`${intro}We have consulted the recognised unions on the principles.\n`, intro).map((c) => c.description)).toEqual([
      "Claim removed: the old version said 'consulted the recognised unions' (consulted)",
    ]);
  });

  it('reports a denial turned into a claim', () => {
    const changes = local(`${intro}The new rota has not been agreed with the unions.\n`, `${intro}The new rota has been agreed with the unions.\n`);
    expect(changes.map((c) => c.change)).toEqual(['added']);
    expect(changes[0].description).toBe("New claim: 'agreed with the unions' (agreed), where the old version said 'agreed with the unions' (a denial, not a claim)");
  });

  it('ignores a forum named in a claim ("Joint Negotiating Committee" is not negotiation)', () => {
    const changes = local(`${intro}The proposals were shared with the campus unions at the Joint Negotiating Committee.\n`, `${intro}The proposals were negotiated with the campus unions at the Joint Negotiating Committee.\n`);
    expect(changes.map((c) => c.change)).toEqual(['strengthened']);
  });

  it('reports nothing when claims are unchanged', () => {
    const text = `${intro}These proposals were discussed with staff side at the JNCC in December.\n`;
    expect(local(text, text)).toEqual([]);
  });

  it('places a claim inside an aim in that aim, and in the letter-wide list', () => {
    const a = doc(`${intro}- **Hubs** – merge teams into four hubs, as discussed with the trade unions.\n- **Reports** – one short report.\n`);
    const b = doc(`${intro}- **Hubs** – merge teams into four hubs, as agreed with the trade unions.\n- **Reports** – one short report.\n`);
    const result = diffLetters(a, b);
    expect(result.claims.map((c) => c.change)).toEqual(['strengthened']);
    const hubs = result.aims.find((x) => x.new?.text.includes('Hubs'))!;
    expect(hubs.change).toBe('reworded');
    expect(hubs.significant.filter((s) => s.kind === 'claim').map((s) => s.change)).toEqual(['strengthened']);
  });
});
