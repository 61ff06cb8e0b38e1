/**
 * Turning bytes into the text the engine analyses, with the checks the CLI and the extension share.
 * The byte-order mark is dropped, as VS Code does, so offsets count from the first character after it.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8, refusing binary files and invalid UTF-8 with a one-line reason. */
export function decodeText(bytes: Uint8Array, name = 'input'): string {
  const probe = Math.min(bytes.length, 8000);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] === 0) throw new InputError(`${name} looks like a binary file (it contains NUL bytes); Counterpoint reads Markdown text.`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new InputError(`${name} is not valid UTF-8 text; save it as UTF-8 and try again.`);
  }
  if (text.indexOf('\u0000') >= 0) throw new InputError(`${name} looks like a binary file (it contains NUL bytes); Counterpoint reads Markdown text.`);
  return stripBom(text);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
