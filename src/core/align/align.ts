import type { Alignment, Point } from '../contract';
import type { Doc } from '../document/model';
import type { LetterAim } from '../aims/extract';

/** 1-based paragraph numbers of a document's blocks, counting blocks of prose (not headings); 0 for headings. */
export function paragraphNumbers(doc: Doc): number[] {
  const out = new Array<number>(doc.blocks.length);
  let n = 0;
  for (const b of doc.blocks) out[b.index] = b.kind === 'heading' ? 0 : ++n;
  return out;
}

/** Finds, for each aim, the response passages that answer it, and the stance they take. (Placeholder.) */
export function alignAims(_letter: Doc, aims: LetterAim[], _response: Doc): { alignments: Alignment[]; points: Point[] } {
  return { alignments: aims.map((a) => ({ aim: a.id, stance: 'unaddressed', passages: [], cues: [] })), points: [] };
}
