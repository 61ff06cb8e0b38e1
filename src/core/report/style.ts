/** Minimal terminal styling: colour only when asked (the CLI asks only on a TTY without NO_COLOR). */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const COLOUR: Style = { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), cyan: wrap(36, 39) };
const id = (s: string) => s;
export const PLAIN: Style = { bold: id, dim: id, red: id, yellow: id, green: id, cyan: id };

/** Pads to a width counted in characters people see (code points), for aligned columns. */
export function pad(s: string, width: number): string {
  const len = [...s].length;
  return len >= width ? s : s + ' '.repeat(width - len);
}
