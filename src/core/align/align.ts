import type { Alignment, Point } from '../contract';
import type { Doc } from '../document/model';
import type { LetterAim } from '../aims/extract';

/** Finds, for each aim, the response passages that answer it, and the stance they take. (Placeholder.) */
export function alignAims(_letter: Doc, aims: LetterAim[], _response: Doc): { alignments: Alignment[]; points: Point[] } {
  return { alignments: aims.map((a) => ({ aim: a.id, stance: 'unaddressed', passages: [], cues: [] })), points: [] };
}
