import type { Aim } from '../contract';
import type { Doc } from '../document/model';
import type { Span } from '../text/positions';

/** An aim with what the engine needs beyond the contract: its span and the blocks that state it. */
export interface LetterAim extends Aim {
  span: Span;
  blocks: number[];
}

/** Finds the aims a letter states. (Placeholder until aim extraction lands.) */
export function extractAims(_doc: Doc): LetterAim[] {
  return [];
}
