/** Engine positions (1-based lines and columns, UTF-16 offsets) as VS Code ranges (0-based). */
import * as vscode from 'vscode';
import type { Position } from '../core/text/positions';

export function toRange(position: Position): vscode.Range {
  return new vscode.Range(
    Math.max(0, position.start.line - 1),
    Math.max(0, position.start.column - 1),
    Math.max(0, position.end.line - 1),
    Math.max(0, position.end.column - 1),
  );
}

/** True when `pos` lies within the engine position (end inclusive, as a cursor at the end of a word is on it). */
export function contains(position: Position, pos: vscode.Position): boolean {
  return toRange(position).contains(pos);
}
