/**
 * Property-based tests of the engine over generated Markdown (test/generate/markdown-arbitraries.ts): realistic
 * letters, responses and logs mixed with hostile markup. For every input the engine must not throw, must
 * finish, must give positions inside the text that slice to the reported `text` (results and findings), and
 * must give the same answer twice. The chunked, incremental parser must give the same model as a whole parse
 * after random edits.
 *
 * The number of cases per property is set by PROPERTY_RUNS_SCALE (default 1); the totals are printed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check, compare, compareDocs, diff } from '../../src/core/analyse';
import { compareFindings, claimFinding } from '../../src/core/findings';
import { parseConsultationLog } from '../../src/core/claims/log';
import { DocumentParser, parseDocument } from '../../src/core/document/parse';
import { AnalysisCache } from '../../src/core/incremental';
import { stripBom } from '../../src/core/text/decode';
import type { Doc } from '../../src/core/document/model';
import type { Position } from '../../src/core/text/positions';
import { applyEdit, edit, letterDocument, logTable, markdownDocument, responseDocument } from '../generate/markdown-arbitraries';
import { checkLocated, checkPosition, type LocatedProblem } from '../generate/located';

const SCALE = Number(process.env.PROPERTY_RUNS_SCALE ?? '1');
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
/** Far above what any generated case needs (they are a few KB); catches a hang without waiting for vitest. */
const CASE_LIMIT_MS = 10_000;
/** A property's whole run; the machine may be shared with other test files and other work. */
const TEST_TIMEOUT_MS = 180_000;

const counts: Record<string, number> = {};
const slowest: Record<string, number> = {};
function timed<T>(name: string, f: () => T): T {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  counts[name] = (counts[name] ?? 0) + 1;
  slowest[name] = Math.max(slowest[name] ?? 0, ms);
  expect(ms, `${name} took ${ms.toFixed(0)} ms`).toBeLessThan(CASE_LIMIT_MS);
  return out;
}

afterAll(() => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`property cases: ${total} (${Object.entries(counts).map(([k, v]) => `${k} ${v}, slowest ${slowest[k].toFixed(0)} ms`).join('; ')})`);
});

const noProblems = (problems: LocatedProblem[]) => expect(problems.slice(0, 5)).toEqual([]);

function inRange(source: string, p: Position | undefined, where: string): LocatedProblem[] {
  return p ? checkPosition(source, p, undefined, where) : [];
}

describe('property: compare', () => {
  it('never throws, finishes, gives exact positions and findings, and the same result twice', () => {
    fc.assert(
      fc.property(letterDocument, responseDocument, fc.option(logTable, { nil: undefined }), (letterText, responseText, logText) => {
        const letter = { path: 'letter.md', text: letterText };
        const response = { path: 'response.md', text: responseText };
        const log = logText === undefined ? undefined : parseConsultationLog(logText, 'log.md');
        const result = timed('compare', () => compare(letter, response, { log }));
        const sources: Record<string, string> = { 'letter.md': stripBom(letterText), 'response.md': stripBom(responseText), 'log.md': logText ?? '' };
        noProblems([
          ...checkLocated(result.letter, sources['letter.md'], sources, '$.letter'),
          ...checkLocated(result.response, sources['response.md'], sources, '$.response'),
          ...checkLocated(result.alignments, sources['response.md'], sources, '$.alignments'),
        ]);
        const aimIds = new Set(result.letter.aims.map((a) => a.id));
        expect(aimIds.size).toBe(result.letter.aims.length);
        for (const a of result.alignments) expect(aimIds.has(a.aim)).toBe(true);
        for (const f of compareFindings(result)) {
          const source = sources[f.path ?? ''];
          expect(source, `finding path ${f.path}`).toBeDefined();
          noProblems(checkPosition(source, f.position, f.text, `finding ${f.ruleId}`));
          for (const r of f.related) noProblems(checkPosition(sources[r.path ?? f.path ?? ''] ?? '', r.position, undefined, `related of ${f.ruleId}`));
        }
        // Deterministic: fresh inputs, same output, down to the serialised JSON.
        const again = compare({ ...letter }, { ...response }, { log: logText === undefined ? undefined : parseConsultationLog(logText, 'log.md') });
        expect(JSON.stringify(again)).toBe(JSON.stringify(result));
      }),
      { numRuns: runs(120) },
    );
  }, TEST_TIMEOUT_MS);
});

describe('property: check', () => {
  it('never throws, gives exact positions and findings, and the same result twice', () => {
    fc.assert(
      fc.property(fc.array(markdownDocument(), { minLength: 1, maxLength: 3 }), fc.option(logTable, { nil: undefined }), (texts, logText) => {
        const files = texts.map((text, i) => ({ path: `doc${i}.md`, text }));
        const log = logText === undefined ? undefined : parseConsultationLog(logText, 'log.md');
        const result = timed('check', () => check(files, { log }));
        const sources: Record<string, string> = { 'log.md': logText ?? '' };
        for (const f of files) sources[f.path] = stripBom(f.text);
        expect(result.documents.map((d) => d.path)).toEqual(files.map((f) => f.path));
        for (const d of result.documents) {
          noProblems(checkLocated(d, sources[d.path], sources, `$.${d.path}`));
          for (const c of d.claims) {
            const f = claimFinding(c, d.path);
            if (f) noProblems(checkPosition(sources[d.path], f.position, f.text, `finding ${f.ruleId}`));
          }
        }
        expect(JSON.stringify(check(files.map((f) => ({ ...f })), { log: logText === undefined ? undefined : parseConsultationLog(logText, 'log.md') }))).toBe(JSON.stringify(result));
      }),
      { numRuns: runs(120) },
    );
  }, TEST_TIMEOUT_MS);
});

describe('property: diff', () => {
  it('never throws, gives positions in the right version, and the same result twice', () => {
    const versions = fc.oneof(
      // A new version made by editing the old one, as letters are revised.
      fc.tuple(letterDocument, fc.array(edit, { minLength: 1, maxLength: 5 })).map(([old, edits]) => [old, edits.reduce(applyEdit, old)] as const),
      // Two unrelated documents.
      fc.tuple(letterDocument, letterDocument),
    );
    fc.assert(
      fc.property(versions, ([oldText, newText]) => {
        const result = timed('diff', () => diff({ path: 'old.md', text: oldText }, { path: 'new.md', text: newText }));
        const oldSrc = stripBom(oldText);
        const newSrc = stripBom(newText);
        const sources = { 'old.md': oldSrc, 'new.md': newSrc };
        const problems: LocatedProblem[] = [];
        result.aims.forEach((a, i) => {
          if (a.old) problems.push(...checkLocated(a.old, oldSrc, sources, `$.aims[${i}].old`));
          if (a.new) problems.push(...checkLocated(a.new, newSrc, sources, `$.aims[${i}].new`));
          if (a.change === 'unchanged') expect(a.old && a.new).toBeTruthy();
          for (const s of a.significant) problems.push(...inRange(oldSrc, s.oldPosition, `$.aims[${i}] old`), ...inRange(newSrc, s.newPosition, `$.aims[${i}] new`));
        });
        for (const s of [...result.claims, ...(result.elsewhere ?? [])]) problems.push(...inRange(oldSrc, s.oldPosition, 'claims old'), ...inRange(newSrc, s.newPosition, 'claims new'));
        noProblems(problems);
        expect(JSON.stringify(diff({ path: 'old.md', text: oldText }, { path: 'new.md', text: newText }))).toBe(JSON.stringify(result));
      }),
      { numRuns: runs(100) },
    );
  }, TEST_TIMEOUT_MS);

  it('a document diffed with itself has no added or removed aims', () => {
    fc.assert(
      fc.property(letterDocument, (text) => {
        const result = timed('diff-self', () => diff({ path: 'a.md', text }, { path: 'b.md', text }));
        for (const a of result.aims) expect(a.change).toBe('unchanged');
      }),
      { numRuns: runs(50) },
    );
  }, TEST_TIMEOUT_MS);
});

/** The parts of a document model that must not depend on how it was parsed. */
function summary(doc: Doc) {
  return { blocks: doc.blocks, sentences: doc.sentences, masked: doc.masked, directives: doc.directives, frontMatter: doc.frontMatter, frontMatterSpan: doc.frontMatterSpan, warnings: doc.warnings };
}

describe('property: the document model', () => {
  it('blocks and sentences lie inside the text and slice to what the model says', () => {
    fc.assert(
      fc.property(markdownDocument(), (text) => {
        const doc = timed('parse', () => parseDocument(text));
        expect(doc.source).toBe(stripBom(text));
        expect(doc.masked.length).toBe(doc.source.length);
        let last = -1;
        for (const b of doc.blocks) {
          noProblems(checkPosition(doc.source, b.position, doc.source.slice(b.span.start, b.span.end), `block ${b.index}`));
          expect(b.position.start.offset).toBe(b.span.start);
          expect(b.span.start).toBeGreaterThanOrEqual(last);
          last = b.span.start;
          for (const si of b.sentences) {
            const s = doc.sentences[si];
            expect(s.block).toBe(b.index);
            expect(s.span.start).toBeGreaterThanOrEqual(b.span.start);
            expect(s.span.end).toBeLessThanOrEqual(b.span.end);
            noProblems(checkPosition(doc.source, s.position, undefined, `sentence ${si}`));
          }
        }
      }),
      { numRuns: runs(400) },
    );
  }, TEST_TIMEOUT_MS);

  it('the chunked parser gives the same model as a whole parse, after random edits', () => {
    fc.assert(
      fc.property(markdownDocument({ maxBlocks: 20 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        const parser = new DocumentParser({ minChunk: 48, maxChunk: 400 });
        let current = text;
        const first = timed('chunked-parse', () => parser.parse(current));
        expect(summary(first)).toEqual(summary(new DocumentParser({ chunk: false }).parse(current)));
        for (const e of edits) {
          current = applyEdit(current, e);
          const incremental = timed('chunked-parse', () => parser.parse(current));
          expect(summary(incremental)).toEqual(summary(new DocumentParser({ chunk: false }).parse(current)));
        }
      }),
      { numRuns: runs(200) },
    );
  }, TEST_TIMEOUT_MS);

  it('analysing through the cache twice, or after edits, gives the same comparison as a fresh analysis', () => {
    fc.assert(
      fc.property(letterDocument, responseDocument, fc.array(edit, { maxLength: 3 }), (letterText, responseText, edits) => {
        const cache = new AnalysisCache();
        const viaCache = (l: string, r: string) => compareDocs(cache.parse('letter.md', l), cache.parse('response.md', r));
        viaCache(letterText, responseText);
        const edited = edits.reduce(applyEdit, letterText);
        const second = timed('cached-compare', () => viaCache(edited, responseText));
        const fresh = compare({ path: 'letter.md', text: edited }, { path: 'response.md', text: responseText });
        expect(JSON.stringify(second)).toBe(JSON.stringify(fresh));
      }),
      { numRuns: runs(60) },
    );
  }, TEST_TIMEOUT_MS);
});
