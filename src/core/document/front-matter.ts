import { readFlatYaml } from './flat-yaml';
import type { FrontMatter } from './model';

const KNOWN: Record<string, keyof Omit<FrontMatter, 'extra'>> = {
  role: 'role',
  'responds-to': 'respondsTo',
  respondsTo: 'respondsTo',
  date: 'date',
  from: 'from',
  'consultation-log': 'consultationLog',
  consultationLog: 'consultationLog',
  title: 'title',
};

/** Reads the YAML front matter. A malformed block gives a warning and empty data, never an exception. */
export function readFrontMatter(value: string | undefined): { data: FrontMatter; warning?: string } {
  const data: FrontMatter = { extra: {} };
  if (value === undefined || value.trim() === '') return { data };
  const parsed = readFlatYaml(value);
  if (parsed.error) return { data, warning: `The front matter could not be read and was ignored: ${parsed.error}.` };
  const warnings: string[] = [];
  for (const [key, raw] of Object.entries(parsed.data)) {
    const field = KNOWN[key];
    if (!field) {
      data.extra[key] = raw;
      continue;
    }
    const v = raw;
    if (typeof v !== 'string' || v.includes('\n')) {
      warnings.push(`"${key}" should be a single value`);
      continue;
    }
    const s = v.trim();
    if (s === '') continue;
    if (field === 'role') {
      const role = s.toLowerCase();
      if (role === 'letter' || role === 'response') data.role = role;
      else warnings.push(`"role" should be "letter" or "response", not "${s}"`);
    } else {
      data[field] = s;
    }
  }
  return { data, warning: warnings.length > 0 ? `Front matter: ${warnings.join('; ')}.` : undefined };
}
