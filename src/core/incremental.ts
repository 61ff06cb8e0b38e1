/**
 * Keeps one chunk-caching parser per document, so that analysing an edited document parses again only the
 * chunks the edit touched, and one memo per compared pair, so that comparing them again redoes only the work
 * the edit touched (see `ComparisonMemo`). The extension holds one cache for the workspace; the CLI does not
 * need it.
 */
import { DocumentParser } from './document/parse';
import type { Doc } from './document/model';
import { ComparisonMemo } from './analyse';

export class AnalysisCache {
  private parsers = new Map<string, DocumentParser>();

  parse(key: string, text: string): Doc {
    let parser = this.parsers.get(key);
    if (!parser) {
      parser = new DocumentParser();
      this.parsers.set(key, parser);
    }
    return parser.parse(text, key);
  }

  private memos = new Map<string, ComparisonMemo>();

  /** The memo for comparing the letter at `letterKey` with the response at `responseKey`. */
  memo(letterKey: string, responseKey: string): ComparisonMemo {
    const key = `${letterKey}\u0000${responseKey}`;
    const memo = this.memos.get(key) ?? new ComparisonMemo();
    // A workspace compares a handful of pairs at a time: keep the few used most recently.
    this.memos.delete(key);
    this.memos.set(key, memo);
    if (this.memos.size > 8) this.memos.delete(this.memos.keys().next().value as string);
    return memo;
  }

  forget(key: string): void {
    this.parsers.delete(key);
    for (const k of [...this.memos.keys()]) if (k.split('\u0000').includes(key)) this.memos.delete(k);
  }
}
