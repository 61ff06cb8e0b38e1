import type { Located } from '../contract';
import type { Span } from '../text/positions';
import type { Doc } from './model';

/** The exact text and position of a span of a document, as the contract reports it. */
export function located(doc: Doc, span: Span): Located {
  return { text: doc.source.slice(span.start, span.end), position: doc.lines.position(span.start, span.end) };
}
