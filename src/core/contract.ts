/**
 * The JSON contract (`--format json`, version 1) and the engine's result types. The CLI prints these objects
 * as they are; the extension reads the same objects. Change them only with a new `version`.
 */
import type { Position } from './text/positions';

export const CONTRACT_VERSION = 1 as const;

export type Stance = 'support' | 'qualified' | 'concern' | 'oppose' | 'unaddressed';
export const STANCES: readonly Stance[] = ['support', 'qualified', 'concern', 'oppose', 'unaddressed'];

export type Rung = 'informed' | 'engaged' | 'consulted' | 'negotiated' | 'agreed';
/** The ladder of involvement, weakest first. */
export const RUNGS: readonly Rung[] = ['informed', 'engaged', 'consulted', 'negotiated', 'agreed'];
export function rungLevel(rung: Rung): number {
  return RUNGS.indexOf(rung);
}

/** Flagged statuses first; the rest describe statements that are not claims to flag. */
export type ClaimStatus =
  | 'evidenced'
  | 'unevidenced'
  | 'overstated'
  | 'disputed'
  | 'negated'
  | 'future'
  | 'hypothetical'
  | 'question'
  | 'reported'
  | 'silenced';
export const FLAGGED_STATUSES: readonly ClaimStatus[] = ['unevidenced', 'overstated', 'disputed'];

/** A span of a document: its exact text and where it is. `text` equals the file's slice between the offsets. */
export interface Located {
  text: string;
  position: Position;
}

export interface Aim extends Located {
  id: string;
  /** A short title: the lead-in where there is one, else the first words. */
  title: string;
  /** How the aim was recognised: "lead-in", "list item", "heading", "table row", "prose". */
  format: AimFormat;
}
export type AimFormat = 'lead-in' | 'list item' | 'heading' | 'table row' | 'prose';

export type AlignmentReason = 'quoted' | 'restated' | 'lexical' | 'order' | 'follows restatement';

export interface Passage extends Located {
  /** Confidence in 0..1 that the passage answers the aim. */
  score: number;
  /** Why the passage was aligned with the aim, strongest first. */
  reasons: AlignmentReason[];
  /** 1-based paragraph number in the response, counting blocks of prose (for "response ¶4"). */
  paragraph: number;
}

/** A phrase in a passage that decided the stance. */
export interface StanceCue extends Located {
  phrase: string;
  stance: Exclude<Stance, 'unaddressed'>;
  note?: string;
}

export interface Alignment {
  aim: string;
  stance: Stance;
  passages: Passage[];
  cues: StanceCue[];
}

export interface Evidence {
  kind: 'text' | 'log';
  /** What the evidence is, in words ("NNC meeting, 12 March 2026"). */
  description: string;
  /** The rung the evidence reaches. */
  rung: Rung;
  text?: string;
  position?: Position;
  path?: string;
  date?: string;
}

export interface Claim extends Located {
  rung: Rung;
  status: ClaimStatus;
  /** A sentence a policy officer can paste into a reply. */
  message: string;
  /** The phrase that made the sentence a claim. */
  phrase: string;
  hedged: boolean;
  evidence: Evidence[];
  /** How many further pieces of evidence were found and not listed (at most eight are listed: the strongest,
   * in the order found). Absent when all are listed. */
  evidenceNotListed?: number;
  /** The passage of the paired response (or a log row) that contradicts the claim. */
  disputedBy?: Located & { path?: string };
  /** For a silenced claim: the directive's reason. */
  silencedReason?: string;
}

/** A passage of the response that answers no aim: the union's own point. */
export type Point = Located & { paragraph: number };

export interface LogWarning {
  message: string;
  path?: string;
  line?: number;
}

/** A part of a document that could not be read as written (front matter, Markdown too deep or dense to parse). */
export interface DocumentWarning {
  message: string;
  position: Position;
}

export interface CompareResult {
  version: typeof CONTRACT_VERSION;
  letter: { path: string; aims: Aim[]; claims: Claim[]; warnings?: DocumentWarning[] };
  response: { path: string; claims: Claim[]; points: Point[]; warnings?: DocumentWarning[] };
  alignments: Alignment[];
  log?: { path: string; entries: number; warnings: LogWarning[] };
}

export interface CheckResult {
  version: typeof CONTRACT_VERSION;
  documents: Array<{ path: string; claims: Claim[]; warnings?: DocumentWarning[] }>;
  log?: Array<{ path: string; entries: number; warnings: LogWarning[] }>;
}

export type AimChange = 'added' | 'removed' | 'reworded' | 'unchanged';

export interface SignificantChange {
  kind: 'date' | 'number' | 'modal' | 'claim';
  /** Plain description: "deadline moved from Spring 2026 to Autumn 2026". */
  description: string;
  old?: string;
  new?: string;
  /** Which way it went: a date 'later' or 'earlier', a figure 'increased', a commitment 'softened', a claim 'strengthened' … */
  change?: SignificantChangeDirection;
  /** Where the old and new wording are (claims carry these; changes inside an aim are at the aim). */
  oldPosition?: Position;
  newPosition?: Position;
}

export type SignificantChangeDirection =
  | 'added'
  | 'removed'
  | 'changed'
  | 'later'
  | 'earlier'
  | 'increased'
  | 'decreased'
  | 'softened'
  | 'hardened'
  | 'strengthened'
  | 'weakened';

export interface WordChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface AimDiff {
  change: AimChange;
  old?: Aim;
  new?: Aim;
  /** 0..1 similarity of the matched aims. */
  similarity?: number;
  words?: WordChange[];
  significant: SignificantChange[];
  /** 1-based place of the aim among the old and the new version's aims. */
  oldIndex?: number;
  newIndex?: number;
  /** True when the aim changed place relative to the other aims (not merely renumbered). */
  moved?: boolean;
  /** A plain note: "split from 'Day crewing at rural stations'", "merged into '…'". */
  note?: string;
  /** For an added aim split off an old one: that old aim's id; for a removed aim merged into a new one: its id. */
  splitFrom?: string;
  mergedInto?: string;
}

export interface DiffResult {
  version: typeof CONTRACT_VERSION;
  old: { path: string };
  new: { path: string };
  aims: AimDiff[];
  /** Claims of union involvement added, removed or strengthened outside aims too. */
  claims: SignificantChange[];
  /** Dates, figures and commitments that changed in the letter's other paragraphs (not aims, not claims). */
  elsewhere?: SignificantChange[];
}
