import { parseDocument } from '../core/document/parse';
import type { FrontMatter } from '../core/document/model';

/** The front matter of a document, for finding its consultation log before the full analysis. */
export function readFrontMatterOf(text: string): FrontMatter {
  const m = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(text);
  if (!m) return { extra: {} };
  return parseDocument(m[0]).frontMatter;
}
