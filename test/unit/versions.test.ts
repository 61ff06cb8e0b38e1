import { describe, expect, it } from 'vitest';
import { diffAims, diffElsewhere, followAims } from '../../src/core/versions/diff';
import type { AimDiff } from '../../src/core/contract';
import { doc, testAims } from '../fixtures/versions/helpers';

function run(oldText: string, newText: string): AimDiff[] {
  const a = doc(oldText, 'old.md');
  const b = doc(newText, 'new.md');
  return diffAims(testAims(a), a, testAims(b), b);
}

const summary = (diffs: AimDiff[]) => diffs.map((d) => `${d.change}:${d.old?.title ?? ''}>${d.new?.title ?? ''}`);

describe('diffAims: matching aims across versions', () => {
  it('finds moved aims unchanged, and flags only the one that moved', () => {
    const diffs = run(
      '- **Hubs** – merge eleven teams into four hubs.\n- **Reports** – one short-format report.\n- **Allocation** – one desk per hub.\n- **Training** – protected learning time.\n',
      '- **Training** – protected learning time.\n- **Hubs** – merge eleven teams into four hubs.\n- **Reports** – one short-format report.\n- **Allocation** – one desk per hub.\n',
    );
    expect(summary(diffs)).toEqual(['unchanged:Training>Training', 'unchanged:Hubs>Hubs', 'unchanged:Reports>Reports', 'unchanged:Allocation>Allocation']);
    expect(diffs.map((d) => d.moved === true)).toEqual([true, false, false, false]);
    expect(diffs[0].oldIndex).toBe(4);
    expect(diffs[0].newIndex).toBe(1);
  });

  it('treats renumbered headings, "Aim n:" labels and numbered table cells as unchanged', () => {
    const headings = run(
      '## 1. Telephony\n\n## 2. Appointment-only opening on Wednesdays\n\n## 3. Caseload cap of 120\n',
      '## 1. Security guards at small offices\n\n## 2. Telephony\n\n## 3. Appointment-only opening on Wednesdays\n\n## 4. Caseload cap of 120\n',
    );
    expect(headings.map((d) => d.change)).toEqual(['added', 'unchanged', 'unchanged', 'unchanged']);

    const labels = run('## Aim 1: Telephony routing\n\n## Aim 2: Desk booking\n', '## Aim 1: Desk booking\n\n## Aim 2: Telephony routing\n');
    expect(labels.map((d) => d.change)).toEqual(['unchanged', 'unchanged']);
    expect(labels.filter((d) => d.moved)).toHaveLength(1);

    const table = run(
      '| No. | Proposal | Detail |\n|---|---|---|\n| 1 | Recruit | 40 call handlers |\n| 2 | Clinical hub | 18 clinicians a shift |\n',
      '| No. | Proposal | Detail |\n|---|---|---|\n| 1 | Clinical hub | 18 clinicians a shift |\n| 2 | Recruit | 40 call handlers |\n',
    );
    expect(table.map((d) => d.change)).toEqual(['unchanged', 'unchanged']);
  });

  it('matches a retitled aim whose body stayed, and a reworded aim that stayed in place', () => {
    const diffs = run(
      '**Merge Languages departments:** the departments of Modern Languages and Linguistics will merge into one department.\n\n**Protect research time:** staff keep 40% of their time for research.\n',
      '**Create a department of Languages and Cultures:** the departments of Modern Languages and Linguistics will merge into one department.\n\n**Protect research time:** staff keep 40% of their time for research and scholarship.\n',
    );
    expect(summary(diffs)).toEqual([
      'reworded:Merge Languages departments:>Create a department of Languages and Cultures:',
      'reworded:Protect research time:>Protect research time:',
    ]);
    expect(diffs[1].words).toEqual([
      { op: 'equal', text: 'Protect research time: staff keep 40% of their time for research' },
      { op: 'insert', text: ' and scholarship' },
      { op: 'equal', text: '.' },
    ]);
  });

  it('does not pair an unrelated added aim with a removed one in the same place', () => {
    const diffs = run(
      '- **Simplify the model** – one national way of working.\n- **Modernise case recording** – pragmatic changes to OASys templates.\n- **Implement** – by Spring 2026.\n',
      '- **Simplify the model** – one national way of working.\n- **Protect public safety** – no reduction in the frequency of risk reviews.\n- **Implement** – by Spring 2026.\n',
    );
    expect(summary(diffs)).toEqual([
      'unchanged:Simplify the model>Simplify the model',
      'removed:Modernise case recording>',
      'added:>Protect public safety',
      'unchanged:Implement>Implement',
    ]);
  });

  it('splits: the closer new aim is the reworded partner, the other is added with a note', () => {
    const diffs = run(
      '- **Day crewing** – replace day-crewing plus at Ashby and Moreton with day crewing and on-call cover at night, and introduce a retention payment for on-call firefighters at both stations.\n- **Control room** – merge with the neighbouring service.\n',
      '- **Day crewing** – replace day-crewing plus at Ashby and Moreton with day crewing and on-call cover at night.\n- **On-call retention payment** – introduce a retention payment for on-call firefighters at Ashby and Moreton.\n- **Control room** – merge with the neighbouring service.\n',
    );
    expect(summary(diffs)).toEqual(['reworded:Day crewing>Day crewing', 'added:>On-call retention payment', 'unchanged:Control room>Control room']);
    expect(diffs[1].note).toBe("split from 'Day crewing'");
    expect(diffs[1].splitFrom).toBe(diffs[0].old!.id);
  });

  it('merges: the aim the merged one begins with is its partner, the other is removed with a note', () => {
    const diffs = run(
      "1. Publish every school's workload allocation to its staff by 30 June each year.\n2. Review the supervision tariff.\n3. Ask heads of school to agree individual allocations with each member of staff before the summer.\n",
      "1. Publish every school's workload allocation to its staff by 30 June each year, and ask heads of school to agree individual allocations with each member of staff before the summer.\n2. Review the supervision tariff.\n",
    );
    expect(diffs.map((d) => d.change)).toEqual(['reworded', 'unchanged', 'removed']);
    expect(diffs[0].old!.text).toMatch(/^Publish every school/);
    expect(diffs[2].old!.text).toMatch(/^Ask heads of school/);
    expect(diffs[2].note).toBe("merged into 'Publish every school's workload allocation'");
    expect(diffs[2].mergedInto).toBe(diffs[0].new!.id);
  });

  it('lists a removed aim where it used to be', () => {
    const diffs = run(
      '- **A** – harmonise job descriptions across the trust.\n- **B** – term-time contracts for new teaching assistants.\n- **C** – a pool of cover supervisors.\n',
      '- **A** – harmonise job descriptions across the trust.\n- **C** – a pool of cover supervisors.\n- **D** – one paid training day each year.\n',
    );
    expect(summary(diffs)).toEqual(['unchanged:A>A', 'removed:B>', 'unchanged:C>C', 'added:>D']);
  });

  it('word changes rebuild both versions exactly', () => {
    const diffs = run(
      '- **Breaks** – staff will take breaks at times set by the duty manager.\n',
      '- **Breaks** – staff may take breaks at times agreed with the duty manager, with a protected 30-minute break.\n',
    );
    const words = diffs[0].words!;
    expect(words.filter((w) => w.op !== 'insert').map((w) => w.text).join('')).toBe('Breaks – staff will take breaks at times set by the duty manager.');
    expect(words.filter((w) => w.op !== 'delete').map((w) => w.text).join('')).toBe('Breaks – staff may take breaks at times agreed with the duty manager, with a protected 30-minute break.');
    expect(words.slice(0, 3)).toEqual([
      { op: 'equal', text: 'Breaks – staff ' },
      { op: 'delete', text: 'will' },
      { op: 'insert', text: 'may' },
    ]);
  });

  it('reports exact positions with CRLF line ends and a byte-order mark', () => {
    const oldText = '\uFEFFDear colleagues,\r\n\r\n- **Hubs** – four hubs.\r\n- **Reports** – short reports.\r\n';
    const newText = '\uFEFFDear colleagues,\r\n\r\n- **Hubs** – three hubs.\r\n- **Reports** – short reports.\r\n';
    const a = doc(oldText);
    const b = doc(newText);
    const diffs = diffAims(testAims(a), a, testAims(b), b);
    const aim = diffs[0].new!;
    expect(b.source.slice(aim.position.start.offset, aim.position.end.offset)).toBe(aim.text);
    expect(aim.text).toBe('**Hubs** – three hubs.');
    expect(aim.position.start.line).toBe(3);
    expect(diffs[0].significant.map((s) => s.description)).toEqual(['figure changed from four hubs to three']);
  });
});

describe('numbering', () => {
  it('ignores reference codes in a table (R5 becoming R4 is not a change)', () => {
    const diffs = run(
      '| Ref | Change | Timing |\n|---|---|---|\n| R4 | Night service ends | July 2026 |\n| R5 | Senior worker role in each patch | July 2026 |\n',
      '| Ref | Change | Timing |\n|---|---|---|\n| R4 | Senior worker role in each patch | July 2026 |\n',
    );
    expect(diffs.map((d) => d.change)).toEqual(['removed', 'unchanged']);
  });
});

describe('following an aim that no longer reads as one, and changes outside aims', () => {
  it('follows an aim into a paragraph the other version no longer states as an aim', () => {
    const a = doc('Dear colleagues,\n\n**Self-rostering pilot** – we will pilot self-rostering on two wards at St Anne’s, with an evaluation after six months.\n\nYours sincerely,\n');
    const b = doc('Dear colleagues,\n\nSelf-rostering pilot: we may pilot self-rostering on two wards at St Anne’s, with an evaluation after six months.\n\nYours sincerely,\n');
    const [oldAims, newAims] = followAims(a, testAims(a), b, testAims(b));
    expect(testAims(b)).toHaveLength(0);
    expect(newAims.map((x) => x.text)).toEqual(['Self-rostering pilot: we may pilot self-rostering on two wards at St Anne’s, with an evaluation after six months.']);
    const diffs = diffAims(oldAims, a, newAims, b);
    expect(diffs.map((d) => d.change)).toEqual(['reworded']);
    expect(diffs[0].significant.map((s) => s.description)).toEqual(["commitment softened from 'we will' to 'we may'"]);
  });

  it('does not follow an aim into an unrelated paragraph', () => {
    const a = doc('**Estates** – two team bases, at Eastgate and Millfield, will close when their leases end.\n\nWe look forward to your comments.\n');
    const b = doc('We look forward to your comments on the revised plans.\n');
    const [, newAims] = followAims(a, testAims(a), b, testAims(b));
    expect(newAims).toEqual([]);
  });

  it('reports dates, figures and commitments changed in paragraphs that are not aims', () => {
    const a = doc('- **Hubs** – four hubs.\n\nFormal consultation on the staffing model will follow once the hub locations are finalised.\n');
    const b = doc('- **Hubs** – four hubs.\n\nFormal consultation on the staffing model may follow once the hub locations are finalised.\n');
    const changes = diffElsewhere(a, testAims(a), b, testAims(b));
    expect(changes.map((c) => c.description)).toEqual([
      "commitment softened from 'will' to 'may', in \"Formal consultation on the staffing model may follow once the hub locations are finalised.\"",
    ]);
    expect(changes[0].newPosition!.start.line).toBe(3);
  });
});
