import { parse as parseYaml } from 'yaml';
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
  let parsed: unknown;
  try {
    parsed = parseYaml(value, { maxAliasCount: 50, prettyErrors: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { data, warning: `The front matter is not valid YAML and was ignored: ${reason}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { data, warning: 'The front matter is not a set of "key: value" lines and was ignored.' };
  }
  const warnings: string[] = [];
  for (const [key, raw] of Object.entries(parsed as Record<string, unknown>)) {
    const field = KNOWN[key];
    if (!field) {
      data.extra[key] = raw;
      continue;
    }
    const v = raw instanceof Date ? raw.toISOString().slice(0, 10) : raw;
    if (typeof v !== 'string' && typeof v !== 'number') {
      warnings.push(`"${key}" should be a single value`);
      continue;
    }
    const s = String(v).trim();
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
