/**
 * Measures the version diff on long letters (prints figures; asserts nothing about time).
 *
 *   npx esbuild test/eval/versions-bench.ts --bundle --platform=node --outfile=dist/versions-bench.js && node dist/versions-bench.js
 *
 * Builds an old version of about 0.25, 0.5, 1 and 2 MB (sections under headings, each with lead-in aims, a
 * table, prose and a claim sentence), and a new version with many small changes spread through it: figures and
 * dates changed, "will" softened, claims strengthened, aims removed, added and moved. Then times, for both
 * versions together: remark-parse alone, the whole document model (remark-parse included), aim extraction,
 * claim finding, and the diff's own part (matching, word diffs, significant changes, claim comparison,
 * changes outside aims), and the whole `diff()` end to end.
 */
import { parseMarkdown, parseDocument } from '../../src/core/document/parse';
import { extractAims, type LetterAim } from '../../src/core/aims/extract';
import { diffAims, diffElsewhere, followAims } from '../../src/core/versions/diff';
import { claimsOfPair, diffClaims } from '../../src/core/versions/claims-diff';
import { standInAims } from '../../src/core/versions/stand-in-aims';
import { diff } from '../../src/core/analyse';

const PLACES = ['Ashby', 'Moreton', 'Halton', 'Kettlewick', 'Fenbridge', 'Leeds', 'Harrogate', 'Preston', 'Wigan', 'Bolton', 'Carlisle', 'Lancaster', 'Kendal', 'Barrow', 'Chorley', 'Blackburn'];
const TOPICS = ['court hubs', 'case allocation', 'duty rotas', 'report writing', 'induction', 'learning time', 'desk booking', 'parking', 'telephony', 'night cover', 'bank office', 'rostering', 'supervision', 'caseloads', 'lone working', 'travel'];
const NUMBERS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const MONTHS = ['January', 'February', 'March', 'April', 'June', 'July', 'September', 'October', 'November'];

/** A deterministic pseudo-random generator, so every run measures the same documents. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Section {
  heading: string;
  aims: string[];
  rows: string[];
  prose: string;
  claim: string;
}

function makeSections(bytes: number, rand: () => number): Section[] {
  const sections: Section[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const place = PLACES[k % PLACES.length];
    const word = (i: number) => `${place.toLowerCase()}${(k * 7 + i) % 997}`;
    const aims = Array.from({ length: 6 }, (_, i) => {
      const topic = TOPICS[(k + i) % TOPICS.length];
      const n = NUMBERS[Math.floor(rand() * NUMBERS.length)];
      const m = MONTHS[Math.floor(rand() * MONTHS.length)];
      return `- **${topic[0].toUpperCase()}${topic.slice(1)} in ${place} area ${k}.${i}** – we will bring the ${word(i)} teams into ${n} regional hubs for ${topic}, so that staff can be deployed where demand is heaviest, by ${m} 2027.`;
    });
    const rows = Array.from({ length: 3 }, (_, i) => `| ${i + 1} | ${TOPICS[(k + i + 3) % TOPICS.length]} at ${place} ${k}.${i} | ${10 + Math.floor(rand() * 90)} posts, ${word(i + 10)} | ${MONTHS[(k + i) % MONTHS.length]} 2027 |`);
    const prose = `The ${place} review (part ${k}) looked at ${word(20)} and ${word(21)}. Formal consultation on the staffing model will follow once the locations are finalised, and the service will publish the ${word(22)} figures in ${MONTHS[k % MONTHS.length]}.`;
    const claim = `These proposals for ${place} (part ${k}) were discussed with staff side at the JNCC.`;
    const s: Section = { heading: `## Part ${k}: ${place} ${TOPICS[k % TOPICS.length]}`, aims, rows, prose, claim };
    sections.push(s);
    size += render([s]).length;
  }
  return sections;
}

function render(sections: Section[]): string {
  return sections
    .map((s) => [s.heading, '', ...s.aims, '', '| No. | Proposal | Detail | When |', '|---|---|---|---|', ...s.rows, '', s.prose, '', s.claim, ''].join('\n'))
    .join('\n');
}

/** Many small changes spread through the letter. */
function reissue(sections: Section[], rand: () => number): Section[] {
  const out = sections.map((s) => ({ ...s, aims: [...s.aims], rows: [...s.rows] }));
  for (const s of out) {
    for (let i = 0; i < s.aims.length; i++) {
      const r = rand();
      if (r < 0.04) s.aims[i] = s.aims[i].replace(/into (\w+) regional/, 'into several regional');
      else if (r < 0.08) s.aims[i] = s.aims[i].replace('we will bring', 'we may bring');
      else if (r < 0.12) s.aims[i] = s.aims[i].replace(/by (\w+) 2027/, 'by December 2028');
    }
    const r = rand();
    if (r < 0.05) s.aims.splice(2, 1);
    else if (r < 0.1) s.aims.push(`- **New ${s.heading.slice(3)}** – a fresh proposal about ${TOPICS[Math.floor(rand() * TOPICS.length)]} for this area.`);
    else if (r < 0.15) s.aims.unshift(s.aims.pop()!);
    if (rand() < 0.1) s.prose = s.prose.replace('will follow', 'may follow');
    if (rand() < 0.1) s.claim = s.claim.replace('were discussed with', 'have been agreed with');
  }
  return out;
}

/**
 * CPU time of this process (user + system), best of `runs`: on a shared machine wall-clock time measures the
 * neighbours as much as the code.
 */
function time<T>(f: () => T, runs = 3): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let r = 0; r < runs; r++) {
    const t0 = process.cpuUsage();
    value = f();
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return { ms: best, value };
}

function aimsOf(doc: ReturnType<typeof parseDocument>): LetterAim[] {
  const found = extractAims(doc);
  return found.length > 0 ? found : standInAims(doc);
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

console.log('Version diff on long letters: old and new version together; CPU time, best of 3 runs.');
console.log('');
console.log('  size/version   aims  changed |  remark-parse  doc model (parse incl.)  extractAims  findClaims |  diff part  (% of remark-parse) |  diff() end to end');
for (const target of [0.25, 0.5, 1, 2]) {
  const rand = rng(42);
  const sections = makeSections(target * 1024 * 1024, rand);
  const oldText = render(sections);
  const newText = render(reissue(sections, rand));
  const remark = time(() => {
    parseMarkdown(oldText);
    parseMarkdown(newText);
  });
  const model = time(() => [parseDocument(oldText, 'old.md'), parseDocument(newText, 'new.md')] as const);
  const [a, b] = model.value;
  const aims = time(() => [aimsOf(a), aimsOf(b)] as const);
  const claims = time(() => claimsOfPair(a, b));
  const [oa, na] = aims.value;
  if (target === 0.25) console.log(`  (aims from ${extractAims(a).length > 0 ? 'the shared extractor' : 'the stand-in: the shared extractor finds none in these documents'})`);
  const [oc, nc] = claims.value;
  const mine = time(() => {
    // Fresh copies, so that nothing prepared in an earlier run is reused.
    const [fa, fb] = followAims(a, [...oa], b, [...na]);
    const cc = diffClaims(a, oc, b, nc);
    const d = diffAims(fa, a, fb, b, cc);
    diffElsewhere(a, fa, b, fb);
    return d;
  });
  const changed = mine.value.filter((d) => d.change !== 'unchanged').length;
  const whole = time(() => diff({ path: 'old.md', text: oldText }, { path: 'new.md', text: newText }), 1);
  const mb = (oldText.length / 1024 / 1024).toFixed(2);
  console.log(
    `  ${mb.padStart(5)} MB   ${String(oa.length).padStart(6)} ${String(changed).padStart(7)}  | ${fmt(remark.ms)}  ${fmt(model.ms)}              ${fmt(aims.ms)}   ${fmt(claims.ms)} | ${fmt(mine.ms)}  (${((100 * mine.ms) / remark.ms).toFixed(1).padStart(5)}%)          | ${fmt(whole.ms)}`,
  );
}
