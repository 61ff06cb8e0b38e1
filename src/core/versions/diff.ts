import type { DiffResult } from '../contract';
import type { Doc } from '../document/model';

/** Compares two versions of a letter aim by aim. (Placeholder.) */
export function diffLetters(_old: Doc, _new: Doc): Pick<DiffResult, 'aims' | 'claims'> {
  return { aims: [], claims: [] };
}
