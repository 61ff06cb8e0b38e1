import type { Claim, Rung } from '../contract';
import type { Doc } from '../document/model';
import type { LetterAim } from '../aims/extract';
import type { ConsultationLog } from './log';

/** A phrase a user adds in settings: a literal, never a regular expression. */
export interface ExtraPhrase {
  phrase: string;
  rung: Rung;
}

export interface ClaimContext {
  log?: ConsultationLog;
  /** The paired response, which may dispute the letter's claims. */
  response?: Doc;
  /** The letter's aims, which give a claim its subject. */
  aims?: LetterAim[];
  extraPhrases?: ExtraPhrase[];
}

/** Finds claims of union involvement and weighs them against the evidence. (Placeholder.) */
export function findClaims(_doc: Doc, _ctx: ClaimContext = {}): Claim[] {
  return [];
}
