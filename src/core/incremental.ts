/**
 * Keeps one chunk-caching parser per document, so that analysing an edited document parses again only the
 * chunks the edit touched, and one memo per compared pair, so that comparing them again redoes only the work
 * the edit touched (see `ComparisonMemo`). The extension holds one cache for the workspace; the CLI does not
 * need it.
 */
import { DocumentParser } from './document/parse';
import type { Doc } from './document/model';
import { ComparisonMemo } from './analyse';

/** Characters of text (letter and response together) whose memos are kept; past it, memos used least recently go,
 * but never the one in use. A memo keeps about 16 bytes a character (about 130 MB for a 4 MB letter and a 4 MB
 * response, besides the documents and the result); dropping one costs only a full analysis at the next edit. */
const MEMO_BUDGET = 8_000_000;
/** Pairs whose memos are kept, however short: a workspace compares a handful at a time. */
const MEMO_PAIRS = 8;

export class AnalysisCache {
  private parsers = new Map<string, DocumentParser>();

  constructor(private readonly options: { memoBudget?: number } = {}) {}

  parse(key: string, text: string): Doc {
    let parser = this.parsers.get(key);
    if (!parser) {
      parser = new DocumentParser();
      this.parsers.set(key, parser);
    }
    return parser.parse(text, key);
  }

  private memos = new Map<string, ComparisonMemo>();

  /** The memo for comparing the letter at `letterKey` with the response at `responseKey` (as last parsed). */
  memo(letterKey: string, responseKey: string): ComparisonMemo {
    const key = `${letterKey}\u0000${responseKey}`;
    const memo = this.memos.get(key) ?? new ComparisonMemo();
    // Keep the few used most recently, within the budget.
    this.memos.delete(key);
    this.memos.set(key, memo);
    const budget = this.options.memoBudget ?? MEMO_BUDGET;
    const length = (k: string) => k.split('\u0000').reduce((n, doc) => n + (this.parsers.get(doc)?.lastLength ?? 0), 0);
    let total = 0;
    for (const k of this.memos.keys()) total += length(k);
    for (const k of this.memos.keys()) {
      if (k === key || (this.memos.size <= MEMO_PAIRS && total <= budget)) break;
      total -= length(k);
      this.memos.delete(k);
    }
    return memo;
  }

  forget(key: string): void {
    this.parsers.delete(key);
    for (const k of [...this.memos.keys()]) if (k.split('\u0000').includes(key)) this.memos.delete(k);
  }
}
