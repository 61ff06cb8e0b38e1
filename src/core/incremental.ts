/**
 * Keeps one chunk-caching parser per document, so that analysing an edited document parses again only the
 * chunks the edit touched. The extension holds one cache for the workspace; the CLI does not need it.
 */
import { DocumentParser } from './document/parse';
import type { Doc } from './document/model';

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

  forget(key: string): void {
    this.parsers.delete(key);
  }
}
