/**
 * How long aims, alignment and stance take on large documents, against remark-parse alone on the same text.
 * Prints the figures; asserts only that the results are whole and exact, never on time (machines differ).
 */
import { describe, expect, it } from 'vitest';
import { parseDocument, parseMarkdown } from '../../src/core/document/parse';
import { extractAims } from '../../src/core/aims/extract';
import { alignAims } from '../../src/core/align/align';

/** A small seeded generator, so the documents are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const VERBS = ['Introduce', 'Move', 'Close', 'Merge', 'Replace', 'Reduce', 'Extend', 'Create', 'Centralise', 'Standardise', 'Transfer', 'Pilot'];
const NOUNS = ['rota', 'hub', 'office', 'team', 'caseload', 'shift', 'depot', 'ward', 'helpline', 'allocation desk', 'induction', 'portal', 'library', 'clinic', 'court', 'school day', 'fleet', 'workload model', 'appraisal', 'cover team'];
const PLACES = ['Ashby', 'Barnford', 'Calder', 'Dunmere', 'Eastgate', 'Fenwick', 'Grayford', 'Hollins', 'Ironbridge', 'Kelbourne', 'Langley', 'Marsham'];
const ANSWERS = [
  'We welcome this. Members have asked for it for some time and it will help the service.',
  'We have significant concerns about this and have not yet seen the detail. We ask for the equality impact assessment.',
  'While we agree with the sentiment, we have very real concerns about the workload it will create for staff.',
  'This is wholly unrealistic and we cannot accept it. Members would face long journeys and no support.',
  'The branch has no issues with this proposal, although the way it was announced was not consultation.',
];

function pick<T>(r: () => number, xs: T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** A letter and a response of about `bytes` characters each, in sections of four aims and their answers. */
export function generatePair(bytes: number, seed = 7): { letter: string; response: string } {
  const r = rng(seed);
  const letter: string[] = ['# Service redesign programme', '', 'Dear colleagues,', ''];
  const response: string[] = ['# Branch response to the service redesign programme', '', 'Dear Director,', ''];
  let section = 0;
  let size = 0;
  const add = (out: string[], ...lines: string[]) => {
    out.push(...lines);
    if (out === letter) for (const l of lines) size += l.length + 1;
  };
  while (size < bytes) {
    section++;
    const place = pick(r, PLACES);
    add(letter, `## Part ${section}: ${place} services`, '');
    add(
      letter,
      `The ${place} service has faced rising demand since ${2015 + (section % 10)}, with ${10 + (section % 40)} vacancies and a backlog of ${100 + section} cases. Staff have told us that the current arrangements in ${place} do not work, and the inspectorate agreed.`,
      '',
      'The proposals for this part are:',
      '',
    );
    const aims: string[] = [];
    for (let i = 0; i < 4; i++) {
      const noun = pick(r, NOUNS);
      const code = `${place.toLowerCase()}${String.fromCharCode(97 + (section % 26))}${String.fromCharCode(97 + ((section * 7 + i) % 26))}`;
      const aim = `${pick(r, VERBS)} the ${place} ${noun} at ${code} so that ${pick(r, NOUNS)} work is done by ${pick(r, ['March', 'April', 'June', 'September'])} ${2027 + (i % 2)}.`;
      aims.push(aim);
      add(letter, `${i + 1}. ${aim}`);
    }
    add(letter, '', 'Formal consultation on these proposals will follow once they are finalised.', '');
    response.push(`## ${place}, part ${section}`, '');
    const order = r() < 0.3 ? [2, 0, 3, 1] : [0, 1, 2, 3];
    for (const i of order) {
      if (r() < 0.15) continue;
      const words = aims[i].split(' ');
      response.push(`**${words.slice(0, 4).join(' ')} at ${words[words.indexOf('at') + 1]}.** ${pick(r, ANSWERS)}`, '');
    }
    if (r() < 0.3) response.push(`Separately, members in ${place} report that the heating failed again this winter.`, '');
  }
  let responseSize = response.join('\n').length;
  while (responseSize < bytes) {
    const line = 'We would add that members value the chance to comment on these proposals in detail.';
    response.push(line, '');
    responseSize += line.length + 2;
  }
  letter.push('Yours sincerely,', '', 'Director of Operations');
  response.push('Yours sincerely,', '', 'Branch Secretary');
  return { letter: letter.join('\n'), response: response.join('\n') };
}

/**
 * Best of `runs` in CPU milliseconds (user + system) of this process: on a shared machine, wall-clock time
 * mostly measures the neighbours.
 */
function time<T>(fn: () => T, runs = 3): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    value = fn();
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return { ms: best, value };
}

function measure(bytes: number): { parse: number; model: number; aims: number; align: number; aimCount: number; passages: number } {
  const { letter, response } = generatePair(bytes);
  const parse = time(() => {
    parseMarkdown(letter);
    parseMarkdown(response);
  }).ms;
  const model = time(() => [parseDocument(letter, 'letter.md'), parseDocument(response, 'response.md')] as const);
  const [l, resp] = model.value;
  const aims = time(() => extractAims(l));
  const align = time(() => alignAims(l, aims.value, resp));
  const passages = align.value.alignments.reduce((n, a) => n + a.passages.length, 0);
  // Whole and exact: every aim aligned, every passage's text the source slice at its position.
  expect(align.value.alignments).toHaveLength(aims.value.length);
  for (const a of align.value.alignments) {
    for (const p of a.passages) expect(resp.source.slice(p.position.start.offset, p.position.end.offset)).toBe(p.text);
  }
  return { parse, model: model.ms, aims: aims.ms, align: align.ms, aimCount: aims.value.length, passages };
}

describe('speed of aims, alignment and stance', () => {
  it('prints CPU timings for a 100 KB letter and a 100 KB response against remark-parse alone, and at four times the size', () => {
    measure(20_000); // warm up the JIT
    const rows = [100_000, 400_000].map((bytes) => ({ bytes, ...measure(bytes) }));
    const lines = rows.map(
      (r) =>
        `${String(r.bytes / 1000).padStart(4)} KB letter + ${r.bytes / 1000} KB response (CPU ms): remark-parse ${r.parse.toFixed(0)}, document model ${r.model.toFixed(0)}, ` +
        `aims ${r.aims.toFixed(1)} (${r.aimCount} aims), alignment and stance ${r.align.toFixed(1)} (${r.passages} passages); ` +
        `aims + alignment = ${(((r.aims + r.align) / r.parse) * 100).toFixed(1)}% of remark-parse`,
    );
    const growth = (rows[1].aims + rows[1].align) / (rows[0].aims + rows[0].align);
    console.log(`\n${lines.join('\n')}\nfour times the text took ${growth.toFixed(1)} times as long\n`);
    expect(rows[0].aimCount).toBeGreaterThan(100);
    expect(rows[1].aimCount).toBeGreaterThan(3.5 * rows[0].aimCount);
    expect(rows[0].passages).toBeGreaterThan(rows[0].aimCount / 2);
  }, 120_000);
});
