/**
 * Reads the part of YAML that front matter in letters uses: one `key: value` a line, values plain or quoted,
 * `# comments`, flow lists (`[a, b]`) and block lists (`- item` lines under a key). Anything richer (nested maps,
 * multi-line scalars, anchors) is kept as raw text under its key, never evaluated. A line that is none of these
 * is reported, as a YAML parser would, and the whole block is then ignored.
 *
 * Why not a YAML library: the engine needs six scalar keys, and a full parser was a quarter of the extension's
 * bundle (`yaml`: 112 KB minified; `js-yaml`: 45 KB). This reader is linear, never throws and runs nothing.
 */
export type FlatValue = string | string[];

export interface FlatYaml {
  data: Record<string, FlatValue>;
  /** The first line that could not be read, described for a warning. */
  error?: string;
}

const KEY_LINE = /^([A-Za-z_][\w.-]*|"[^"]*"|'[^']*')[ \t]*:(?:[ \t]+(.*))?$/;

export function readFlatYaml(text: string): FlatYaml {
  const data: Record<string, FlatValue> = Object.create(null);
  const lines = text.split(/\r\n|\r|\n/);
  let current: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (/^[ \t]/.test(line) || line.startsWith('- ') || line === '-') {
      // A continuation of the key above: a block list or a nested structure.
      if (current === undefined) return { data: {}, error: `line ${i + 1} is indented but belongs to no key` };
      const item = /^\s*-\s+(.*)$/.exec(line);
      const prev = data[current];
      if (item && (Array.isArray(prev) || prev === '')) {
        data[current] = [...(Array.isArray(prev) ? prev : []), scalar(item[1])];
      } else {
        data[current] = `${Array.isArray(prev) ? prev.join('\n') : prev}\n${line}`.replace(/^\n/, '');
      }
      continue;
    }
    const m = KEY_LINE.exec(line);
    if (!m) return { data: {}, error: `line ${i + 1} is not "key: value"` };
    const key = unquote(m[1]);
    const raw = (m[2] ?? '').trim();
    current = key;
    if (raw.startsWith('[') && raw.endsWith(']')) {
      data[key] = raw
        .slice(1, -1)
        .split(',')
        .map((s) => scalar(s.trim()))
        .filter((s) => s.length > 0);
    } else {
      data[key] = scalar(raw);
    }
  }
  return { data: { ...data } };
}

function unquote(s: string): string {
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    return s.slice(1, -1).replace(/\\(["\\/nt])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
  }
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

/** A plain or quoted scalar, without a trailing comment. */
function scalar(raw: string): string {
  const s = raw.trim();
  if (s.startsWith('"') || s.startsWith("'")) {
    const q = s[0];
    let end = 1;
    while (end < s.length) {
      if (q === '"' && s[end] === '\\') end += 2;
      else if (s[end] === q && q === "'" && s[end + 1] === "'") end += 2;
      else if (s[end] === q) break;
      else end++;
    }
    return unquote(s.slice(0, end + 1));
  }
  const comment = s.search(/\s#/);
  const plain = (comment >= 0 ? s.slice(0, comment) : s).trim();
  return plain === '~' || plain === 'null' ? '' : plain;
}
