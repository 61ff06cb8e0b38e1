import type { LogWarning, Rung } from '../contract';
import type { Position } from '../text/positions';

export interface LogEntry {
  date?: string;
  forum: string;
  topic: string;
  unions: string;
  outcome?: Rung;
  reference: string;
  /** The row's text and position in the log file. */
  text: string;
  position: Position;
  line: number;
}

export interface ConsultationLog {
  path?: string;
  entries: LogEntry[];
  warnings: LogWarning[];
}

/** Reads a consultation log table. (Placeholder until claims land.) */
export function parseConsultationLog(_text: string, path?: string): ConsultationLog {
  return { path, entries: [], warnings: [] };
}
