/**
 * Compares two versions of a letter aim by aim: which aims were added, removed, reworded or left unchanged,
 * what changed word by word, and what a negotiator must see first (deadlines moved, figures changed,
 * commitments softened, claims of union involvement inserted or strengthened).
 *
 * Matching (see match.ts) survives moves, renumbering, retitling and light rewording. Split and merged aims:
 * when one old aim becomes two new ones, the closer of the two is its 'reworded' partner and the other is
 * 'added' with a note "split from …"; when two old aims become one, the closer is 'reworded' and the other is
 * 'removed' with a note "merged into …". Numbering is ignored ("3." → "4." is not a change), and so is markup
 * and typography (curly quotes, dashes, line breaks): an aim is 'unchanged' when its words and punctuation
 * are the same.
 */
import type { Aim, AimDiff, AimFormat, DiffResult, SignificantChange } from '../contract';
import { located } from '../document/located';
import type { Doc } from '../document/model';
import { plain } from '../document/parse';
import { extractAims, type LetterAim } from '../aims/extract';
import type { Span } from '../text/positions';
import { containment, longestIncreasing, matchItems, pairSimilarity, termsOf, type MatchItem, type MatchResult } from './match';
import { contentWords, normaliseTypography, isEnumeratorOnly, stripEnumerator } from './tokens';
import { significantChanges } from './significant';
import { wordChanges } from './words';
import { claimsOfPair, diffClaims, type ClaimChange } from './claims-diff';
import { standInAims } from './stand-in-aims';

/** An aim prepared for comparison. */
interface Unit extends MatchItem {
  aim: LetterAim;
  /** Plain words of the aim (numbering, markup and table pipes removed): what the word diff shows. */
  text: string;
  /** Source spans the aim covers (a heading aim covers its section's body too). */
  spans: Span[];
}

/** Similarity a reworded aim needs: less when it stays in its place, more when it moved. */
const NEAR = 0.3;
const FAR = 0.45;
/** Similarity enough for the one aim replaced in place between two matched aims. */
const SLOT = 0.15;
/** Share of an unmatched aim's words found in another aim for it to count as split from or merged into it. */
const CONTAINED = 0.6;

/** Compares two versions of a letter: aims from the shared extractor, claims anywhere in the letter. */
export function diffLetters(oldDoc: Doc, newDoc: Doc): Pick<DiffResult, 'aims' | 'claims' | 'elsewhere'> {
  let oldAims = extractAims(oldDoc);
  let newAims = extractAims(newDoc);
  if (oldAims.length === 0 && newAims.length === 0) {
    oldAims = standInAims(oldDoc);
    newAims = standInAims(newDoc);
  }
  [oldAims, newAims] = followAims(oldDoc, oldAims, newDoc, newAims);
  const [oldClaims, newClaims] = claimsOfPair(oldDoc, newDoc);
  const claimChanges = diffClaims(oldDoc, oldClaims, newDoc, newClaims);
  const aims = diffAims(oldAims, oldDoc, newAims, newDoc, claimChanges);
  const elsewhere = diffElsewhere(oldDoc, oldAims, newDoc, newAims);
  return { aims, claims: claimChanges.map(publicChange), ...(elsewhere.length > 0 ? { elsewhere } : {}) };
}

/**
 * Follows an aim into a version where it no longer reads as one. Rewording can take a statement out of what
 * the aim extractor recognises ("We intend to pilot …" becoming "We may pilot …"), and that is exactly the
 * change a negotiator must see, not a removal. So an aim left without a partner is looked for among the other
 * version's passages that are not aims (sections under a heading, list items, table rows, paragraphs); one
 * that is clearly the same text (a stricter similarity than between aims) becomes its partner, as an aim of
 * the same format.
 */
export function followAims(oldDoc: Doc, oldAims: LetterAim[], newDoc: Doc, newAims: LetterAim[]): [LetterAim[], LetterAim[]] {
  if (oldAims.length === 0 && newAims.length === 0) return [oldAims, newAims];
  const oldUnits = units(oldDoc, oldAims);
  const newUnits = units(newDoc, newAims);
  const m = matchItems(oldUnits, newUnits, { nearThreshold: NEAR, farThreshold: FAR, slotThreshold: SLOT });
  const found = (fromUnits: Unit[], toUnits: Unit[], partner: Int32Array, doc: Doc, aims: LetterAim[]): LetterAim[] => {
    const lost: Unit[] = [];
    const regions: Span[] = [];
    // Where a lost aim's counterpart would be: between the partners of its nearest matched neighbours.
    const prev = new Int32Array(fromUnits.length);
    const next = new Int32Array(fromUnits.length);
    for (let i = 0, last = -1; i < fromUnits.length; i++) {
      prev[i] = last;
      if (partner[i] >= 0) last = i;
    }
    for (let i = fromUnits.length - 1, last = -1; i >= 0; i--) {
      next[i] = last;
      if (partner[i] >= 0) last = i;
    }
    fromUnits.forEach((u, i) => {
      if (partner[i] >= 0) return;
      lost.push(u);
      const a = prev[i] >= 0 ? toUnits[partner[prev[i]]].aim.span.end : 0;
      const b = next[i] >= 0 ? toUnits[partner[next[i]]].aim.span.start : doc.source.length;
      regions.push(a <= b ? { start: a, end: b } : { start: b, end: a });
    });
    if (lost.length === 0) return [];
    const candidates = units(doc, passagesOutside(doc, aims, regions), aims);
    if (candidates.length === 0) return [];
    const r = matchItems(lost, candidates, { nearThreshold: FOLLOW, farThreshold: FOLLOW });
    const out: LetterAim[] = [];
    const taken = new Set<number>();
    lost.forEach((u, k) => {
      const c = r.oldToNew[k];
      if (c < 0) return;
      const cand = candidates[c].aim;
      // A heading and the paragraph under it are both candidates: never take a block twice.
      if (cand.blocks.some((b) => taken.has(b))) return;
      for (const b of cand.blocks) taken.add(b);
      out.push({ ...cand, format: u.aim.format === 'heading' && cand.format !== 'heading' ? cand.format : u.aim.format });
    });
    return out;
  };
  const extraNew = found(oldUnits, newUnits, m.oldToNew, newDoc, newAims);
  const extraOld = found(newUnits, oldUnits, m.newToOld, oldDoc, oldAims);
  const merge = (aims: LetterAim[], extra: LetterAim[]) => (extra.length === 0 ? aims : [...aims, ...extra].sort((a, b) => a.span.start - b.span.start));
  return [merge(oldAims, extraOld), merge(newAims, extraNew)];
}

/** Least similarity for following an aim into a passage that is not an aim. */
const FOLLOW = 0.55;

/** Passages of a document outside its aims and inside the regions given: sections, list items, table rows, paragraphs. */
function passagesOutside(doc: Doc, aims: LetterAim[], regions: Span[]): LetterAim[] {
  const covered = new Set<number>();
  const spans: Span[] = [];
  for (const u of units(doc, aims)) {
    for (const k of u.aim.blocks) covered.add(k);
    spans.push(...u.spans);
  }
  spans.sort((x, y) => x.start - y.start);
  const zones = mergeSpans(regions);
  const out: LetterAim[] = [];
  let t = 0;
  let z = 0;
  for (const b of doc.blocks) {
    while (z < zones.length && zones[z].end <= b.span.start) z++;
    if (z >= zones.length) break;
    if (zones[z].start >= b.span.end) continue;
    while (t < spans.length && spans[t].end <= b.span.start) t++;
    if (covered.has(b.index) || (t < spans.length && spans[t].start < b.span.end)) continue;
    if (b.text.length < 12 || b.headerRow || b.quoteDepth > 0) continue;
    const format: AimFormat = b.kind === 'heading' ? 'heading' : b.kind === 'tableRow' ? 'table row' : b.leadIn ? 'lead-in' : b.list ? 'list item' : 'prose';
    const title = b.kind === 'heading' ? b.text : b.leadIn ? doc.masked.slice(b.leadIn.start, b.leadIn.end).trim() : b.text.split(/\s+/).slice(0, 8).join(' ');
    out.push({ id: `passage-${b.index + 1}`, ...located(doc, b.span), title, format, span: b.span, blocks: [b.index] });
  }
  return out;
}

function mergeSpans(list: Span[]): Span[] {
  const sorted = [...list].sort((x, y) => x.start - y.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/**
 * Dates, figures and commitments that changed in the paragraphs that state no aim ("Formal consultation will
 * follow" becoming "may follow"). Paragraphs are matched like aims; only reworded ones are read.
 */
export function diffElsewhere(oldDoc: Doc, oldAims: LetterAim[], newDoc: Doc, newAims: LetterAim[]): SignificantChange[] {
  const a = otherBlocks(oldDoc, oldAims);
  const b = otherBlocks(newDoc, newAims);
  const m = matchItems(a, b, { nearThreshold: 0.4, farThreshold: 0.6 });
  const out: SignificantChange[] = [];
  b.forEach((n, j) => {
    const i = m.newToOld[j];
    if (i < 0 || a[i].key === n.key) return;
    for (const c of significantChanges(a[i].key, n.key, true)) {
      const context = n.key.length > 90 ? `${n.key.slice(0, 89).replace(/\s\S*$/, '')} …` : n.key;
      out.push({ ...c, description: `${c.description}, in "${context}"`, oldPosition: oldDoc.blocks[a[i].block].position, newPosition: newDoc.blocks[n.block].position });
    }
  });
  return out;
}

/** Paragraphs, headings and table rows outside every aim, as match items. */
function otherBlocks(doc: Doc, aims: LetterAim[]): Array<MatchItem & { block: number }> {
  const taken = units(doc, aims)
    .flatMap((u) => u.spans)
    .sort((x, y) => x.start - y.start);
  const covered = new Set<number>();
  for (const a of aims) for (const k of a.blocks) covered.add(k);
  const out: Array<MatchItem & { block: number }> = [];
  let t = 0;
  for (const b of doc.blocks) {
    while (t < taken.length && taken[t].end <= b.span.start) t++;
    if (covered.has(b.index) || (t < taken.length && taken[t].start < b.span.end)) continue;
    const key = normaliseTypography(b.text);
    if (key.length === 0) continue;
    out.push({ key, block: b.index });
  }
  return out;
}

/**
 * Compares the aims of two versions. `claimChanges`, when given, are placed in the `significant` list of the
 * aim they fall in.
 */
export function diffAims(oldAims: LetterAim[], oldDoc: Doc, newAims: LetterAim[], newDoc: Doc, claimChanges: ClaimChange[] = []): AimDiff[] {
  const oldUnits = units(oldDoc, oldAims);
  const newUnits = units(newDoc, newAims);
  const m = matchItems(oldUnits, newUnits, { nearThreshold: NEAR, farThreshold: FAR, slotThreshold: SLOT });
  preferOpenings(oldUnits, newUnits, m);
  const moved = movedPairs(m);
  const { splitFrom, mergedInto } = splitsAndMerges(oldUnits, newUnits, m);

  const inOld = claimsByUnit(oldUnits, claimChanges, (c) => c.oldSpan);
  const inNew = claimsByUnit(newUnits, claimChanges, (c) => c.newSpan);

  const entries: Array<{ key: number; diff: AimDiff }> = [];
  newUnits.forEach((n, j) => {
    const i = m.newToOld[j];
    if (i < 0) {
      const diff: AimDiff = { change: 'added', new: publicAim(n.aim), newIndex: j + 1, significant: inNew.get(j) ?? [] };
      const from = splitFrom.get(j);
      if (from !== undefined) {
        diff.note = `split from '${oldUnits[from].aim.title}'`;
        diff.splitFrom = oldUnits[from].aim.id;
      }
      entries.push({ key: j, diff });
      return;
    }
    const o = oldUnits[i];
    const unchanged = o.key === n.key;
    const claims = dedupe([...(inNew.get(j) ?? []), ...(inOld.get(i) ?? [])]);
    const diff: AimDiff = {
      change: unchanged ? 'unchanged' : 'reworded',
      old: publicAim(o.aim),
      new: publicAim(n.aim),
      similarity: Math.round(m.similarity[j] * 100) / 100,
      oldIndex: i + 1,
      newIndex: j + 1,
      significant: unchanged ? claims : dedupe([...significantChanges(o.text, n.text), ...claims]),
    };
    if (!unchanged) diff.words = wordChanges(o.text, n.text);
    if (moved.has(j)) diff.moved = true;
    entries.push({ key: j, diff });
  });
  // A removed aim is listed after the aim that came before it in the old version.
  oldUnits.forEach((o, i) => {
    if (m.oldToNew[i] >= 0) return;
    let p = i - 1;
    while (p >= 0 && m.oldToNew[p] < 0) p--;
    const anchor = p >= 0 ? m.oldToNew[p] : -1;
    const diff: AimDiff = { change: 'removed', old: publicAim(o.aim), oldIndex: i + 1, significant: inOld.get(i) ?? [] };
    const into = mergedInto.get(i);
    if (into !== undefined) {
      diff.note = `merged into '${newUnits[into].aim.title}'`;
      diff.mergedInto = newUnits[into].aim.id;
    }
    entries.push({ key: anchor + 0.5 + (i - p) / (oldUnits.length + 2), diff });
  });
  entries.sort((a, b) => a.key - b.key);
  return entries.map((e) => e.diff);
}

/* ------------------------------------------------------------ units */

const prepared = new WeakMap<LetterAim[], Unit[]>();
/** Units of aims whose content does not depend on their neighbours (all but heading aims). */
const unitOfAim = new WeakMap<LetterAim, Unit>();

function units(doc: Doc, aims: LetterAim[], stopAt: LetterAim[] = aims): Unit[] {
  const cached = prepared.get(aims);
  if (cached) return cached;
  const aimStarts = new Set<number>();
  for (const a of stopAt) if (a.blocks.length > 0) aimStarts.add(a.blocks[0]);
  let lastHeading = -1;
  for (const b of doc.blocks) if (b.kind === 'heading') lastHeading = b.index;
  const out = aims.map((aim): Unit => {
    const known = aim.format !== 'heading' ? unitOfAim.get(aim) : undefined;
    if (known) return known;
    const spans = contentSpans(doc, aim, aimStarts, lastHeading);
    const first = aim.blocks.length > 0 ? doc.blocks[aim.blocks[0]] : undefined;
    let text: string;
    if (aim.format === 'table row' && first?.kind === 'tableRow' && first.cells) {
      text = first.cells
        .map((c) => plain(doc.source, doc.masked, c))
        .filter((c) => c.length > 0 && !isEnumeratorOnly(c))
        .join(' | ');
    } else {
      text = spans.map((s) => stripEnumerator(plainOf(doc, s, aim.blocks))).join(' ');
    }
    const key = normaliseTypography(text);
    const title = stripEnumerator(normaliseTypography(aim.title.replace(/\s*\u2026$/, '')));
    const unit: Unit = { aim, text, spans, key, title };
    if (aim.format !== 'heading') unitOfAim.set(aim, unit);
    return unit;
  });
  prepared.set(aims, out);
  return out;
}

/** Plain text of a span: the block's own text when the span is a whole block (no work), else from the source. */
function plainOf(doc: Doc, span: Span, blocks: number[]): string {
  for (const k of blocks) {
    const b = doc.blocks[k];
    if (b.span.start === span.start && b.span.end === span.end) return b.text;
  }
  for (let k = blocks.length > 0 ? blocks[blocks.length - 1] + 1 : 0; k < doc.blocks.length && k <= (blocks[blocks.length - 1] ?? -1) + 64; k++) {
    const b = doc.blocks[k];
    if (b.span.start === span.start && b.span.end === span.end) return b.text;
    if (b.span.start > span.start) break;
  }
  return plain(doc.source, doc.masked, span);
}

/**
 * The spans an aim covers. An aim stated as a heading is compared with its section: the paragraphs under it up
 * to the next heading or aim (after the last heading, only the first paragraph, since the letter's closing
 * paragraphs follow).
 */
function contentSpans(doc: Doc, aim: LetterAim, aimStarts: Set<number>, lastHeading: number): Span[] {
  if (aim.format !== 'heading' || aim.blocks.length === 0) return [aim.span];
  const lastBlock = aim.blocks[aim.blocks.length - 1];
  const head = doc.blocks[aim.blocks[0]];
  if (head.kind !== 'heading' || aim.blocks.length > 1 || aim.span.end > head.span.end) return blockSpansOf(doc, aim);
  const spans: Span[] = [head.span];
  for (let k = lastBlock + 1; k < doc.blocks.length; k++) {
    const b = doc.blocks[k];
    if (b.kind === 'heading' || aimStarts.has(k)) break;
    spans.push(b.span);
    if (k > lastHeading) break;
  }
  return spans;
}

function blockSpansOf(doc: Doc, aim: LetterAim): Span[] {
  const spans = aim.blocks.map((k) => doc.blocks[k].span).filter((s) => s.start >= aim.span.start && s.end <= aim.span.end);
  return spans.length > 0 ? spans : [aim.span];
}

function publicAim(a: LetterAim): Aim {
  return { id: a.id, text: a.text, position: a.position, title: a.title, format: a.format };
}

/* ------------------------------------------------------------ moves, splits, merges */

/** New indexes of matched aims that changed place: those outside a longest run kept in order. */
function movedPairs(m: MatchResult): Set<number> {
  const seq: number[] = [];
  const news: number[] = [];
  for (let j = 0; j < m.newToOld.length; j++) {
    if (m.newToOld[j] >= 0) {
      seq.push(m.newToOld[j]);
      news.push(j);
    }
  }
  const keep = longestIncreasing(seq);
  const moved = new Set<number>();
  for (let k = 0; k < seq.length; k++) if (!keep[k]) moved.add(news[k]);
  return moved;
}

/** How far (in aims) a split-off or merged aim may sit from the aim it came from or went into. */
const NEIGHBOURS = 3;

/**
 * An unmatched new aim whose words are mostly in a nearby matched old aim, but not in that aim's new partner,
 * was split from it; an unmatched old aim whose words are mostly in a nearby matched new aim, but not in that
 * aim's old partner, was merged into it. Only neighbours are looked at, so this stays linear.
 */
function splitsAndMerges(oldUnits: Unit[], newUnits: Unit[], m: MatchResult): { splitFrom: Map<number, number>; mergedInto: Map<number, number> } {
  const splitFrom = new Map<number, number>();
  const mergedInto = new Map<number, number>();
  for (let j = 0; j < newUnits.length; j++) {
    if (m.newToOld[j] >= 0) continue;
    let best = -1;
    let bestScore = CONTAINED;
    for (let k = Math.max(0, j - NEIGHBOURS); k <= Math.min(newUnits.length - 1, j + NEIGHBOURS); k++) {
      const i = m.newToOld[k];
      if (i < 0) continue;
      const c = containment(termsOf(newUnits[j]), termsOf(oldUnits[i]), m.idf);
      if (c >= bestScore && containment(termsOf(newUnits[j]), termsOf(newUnits[k]), m.idf) < 0.5) {
        best = i;
        bestScore = c;
      }
    }
    if (best >= 0) splitFrom.set(j, best);
  }
  for (let i = 0; i < oldUnits.length; i++) {
    if (m.oldToNew[i] >= 0) continue;
    let best = -1;
    let bestScore = CONTAINED;
    for (let k = Math.max(0, i - NEIGHBOURS); k <= Math.min(oldUnits.length - 1, i + NEIGHBOURS); k++) {
      const j = m.oldToNew[k];
      if (j < 0) continue;
      const c = containment(termsOf(oldUnits[i]), termsOf(newUnits[j]), m.idf);
      if (c >= bestScore && containment(termsOf(oldUnits[i]), termsOf(oldUnits[k]), m.idf) < 0.5) {
        best = j;
        bestScore = c;
      }
    }
    if (best >= 0) mergedInto.set(i, best);
  }
  return { splitFrom, mergedInto };
}

/**
 * Which of a merge's old aims is the 'reworded' partner (and which is 'removed', merged into it)? The one whose
 * opening words come first in the merged aim: a reader sees the merged aim as a rewording of the aim it
 * begins with. The same for a split: the new aim that carries the old aim's opening is its partner.
 */
function preferOpenings(oldUnits: Unit[], newUnits: Unit[], m: MatchResult): void {
  const words = new Map<Unit, string[]>();
  const wordsOf = (u: Unit) => {
    let w = words.get(u);
    if (!w) words.set(u, (w = contentWords(u.text)));
    return w;
  };
  const openingAt = (part: Unit, whole: Unit): number => {
    const opening = new Set(wordsOf(part).slice(0, 3));
    const w = wordsOf(whole);
    for (let k = 0; k < w.length; k++) if (opening.has(w[k])) return k;
    return Infinity;
  };
  const swap = (i: number, j: number, i2: number, j2: number) => {
    // Pair (i2, j2) replaces (i, j); exactly one of i2 !== i, j2 !== j.
    m.oldToNew[i] = -1;
    m.newToOld[j] = -1;
    m.oldToNew[i2] = j2;
    m.newToOld[j2] = i2;
    m.similarity[j2] = pairSimilarity(oldUnits[i2], newUnits[j2], m.idf);
  };
  const unmatchedOld = oldUnits.map((_, i) => i).filter((i) => m.oldToNew[i] < 0);
  const unmatchedNew = newUnits.map((_, j) => j).filter((j) => m.newToOld[j] < 0);
  if (unmatchedOld.length > 0) {
    const index = wordIndex(oldUnits, (i) => m.oldToNew[i] < 0, m.idf);
    for (let j = 0; j < newUnits.length; j++) {
      const i = m.newToOld[j];
      if (i < 0 || oldUnits[i].key === newUnits[j].key) continue;
      let best = i;
      let bestAt = openingAt(oldUnits[i], newUnits[j]);
      for (const i2 of candidatesFor(newUnits[j], index, m.idf)) {
        if (m.oldToNew[i2] >= 0) continue;
        if (containment(termsOf(oldUnits[i2]), termsOf(newUnits[j]), m.idf) < CONTAINED || containment(termsOf(oldUnits[i2]), termsOf(oldUnits[i]), m.idf) >= 0.5) continue;
        const at = openingAt(oldUnits[i2], newUnits[j]);
        if (at < bestAt) {
          best = i2;
          bestAt = at;
        }
      }
      if (best !== i) swap(i, j, best, j);
    }
  }
  if (unmatchedNew.length > 0) {
    const index = wordIndex(newUnits, (j) => m.newToOld[j] < 0, m.idf);
    for (let i = 0; i < oldUnits.length; i++) {
      const j = m.oldToNew[i];
      if (j < 0 || oldUnits[i].key === newUnits[j].key) continue;
      let best = j;
      let bestAt = openingAt(newUnits[j], oldUnits[i]);
      for (const j2 of candidatesFor(oldUnits[i], index, m.idf)) {
        if (m.newToOld[j2] >= 0) continue;
        if (containment(termsOf(newUnits[j2]), termsOf(oldUnits[i]), m.idf) < CONTAINED || containment(termsOf(newUnits[j2]), termsOf(newUnits[j]), m.idf) >= 0.5) continue;
        const at = openingAt(newUnits[j2], oldUnits[i]);
        if (at < bestAt) {
          best = j2;
          bestAt = at;
        }
      }
      if (best !== j) swap(i, j, i, best);
    }
  }
}

const INDEX_WORDS = 6;
const INDEX_CAP = 24;

function rareWords(tf: Map<string, number>, idf: Map<string, number>): string[] {
  const words = [...tf.keys()];
  words.sort((x, y) => (idf.get(y) ?? 0) - (idf.get(x) ?? 0) || (x < y ? -1 : 1));
  return words.slice(0, INDEX_WORDS);
}

function wordIndex(list: Unit[], include: (k: number) => boolean, idf: Map<string, number>): Map<string, number[]> {
  const index = new Map<string, number[]>();
  list.forEach((u, k) => {
    if (!include(k)) return;
    for (const w of termsOf(u).keys()) {
      const posting = index.get(w);
      if (!posting) index.set(w, [k]);
      else if (posting.length <= INDEX_CAP) posting.push(k);
    }
  });
  void idf;
  return index;
}

function candidatesFor(u: Unit, index: Map<string, number[]>, idf: Map<string, number>): Set<number> {
  const out = new Set<number>();
  for (const w of rareWords(termsOf(u), idf)) {
    const posting = index.get(w);
    if (!posting || posting.length > INDEX_CAP) continue;
    for (const k of posting) out.add(k);
  }
  return out;
}

/* ------------------------------------------------------------ claims inside aims */

function claimsByUnit(list: Unit[], changes: ClaimChange[], spanOf: (c: ClaimChange) => Span | undefined): Map<number, SignificantChange[]> {
  const out = new Map<number, SignificantChange[]>();
  if (changes.length === 0) return out;
  const flat: Array<{ span: Span; unit: number }> = [];
  list.forEach((u, k) => {
    for (const s of u.spans) flat.push({ span: s, unit: k });
  });
  flat.sort((a, b) => a.span.start - b.span.start);
  for (const c of changes) {
    const span = spanOf(c);
    if (!span) continue;
    // The last aim span starting at or before the claim's start.
    let lo = 0;
    let hi = flat.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (flat[mid].span.start <= span.start) lo = mid + 1;
      else hi = mid;
    }
    const hit = lo > 0 ? flat[lo - 1] : undefined;
    if (!hit || span.start >= hit.span.end) continue;
    const list2 = out.get(hit.unit);
    if (list2) list2.push(publicChange(c));
    else out.set(hit.unit, [publicChange(c)]);
  }
  return out;
}

function dedupe(list: SignificantChange[]): SignificantChange[] {
  const seen = new Set<string>();
  return list.filter((c) => (seen.has(c.description) ? false : (seen.add(c.description), true)));
}

/** A claim change without the internal spans. */
function publicChange(c: ClaimChange): SignificantChange {
  const { oldSpan: _o, newSpan: _n, ...rest } = c;
  return rest;
}
