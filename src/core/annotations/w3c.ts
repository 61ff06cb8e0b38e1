/**
 * Export of notes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), JSON-LD with the standard
 * context. Each note is an Annotation with motivation "commenting", a TextualBody and a SpecificResource target
 * (source + TextQuoteSelector + TextPositionSelector); each reply is an Annotation with motivation "replying"
 * whose target is the note. A resolved or orphaned note carries a "tagging" body saying so.
 */
import type { StoredAnnotation } from './store';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'replying';
  created: string;
  modified?: string;
  creator?: { type: 'Person'; name: string };
  body: Array<{ type: 'TextualBody'; value: string; format?: 'text/plain'; language?: string; purpose: 'commenting' | 'replying' | 'tagging' }>;
  target:
    | {
        type: 'SpecificResource';
        source: string;
        selector: [
          { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
          { type: 'TextPositionSelector'; start: number; end: number },
        ];
      }
    | string;
}

export interface WebAnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

export interface ExportOptions {
  /** The IRI of an annotated document, from its sidecar path (e.g. a file: URI). Defaults to the path itself. */
  sourceIri?: (source: string) => string;
  label?: string;
}

/** One Annotation per note and one per reply, notes in document order, each reply after its note. */
export function toWebAnnotations(annotations: readonly StoredAnnotation[], options: ExportOptions = {}): WebAnnotation[] {
  const iri = options.sourceIri ?? ((s: string) => s);
  const out: WebAnnotation[] = [];
  const ordered = [...annotations].sort((a, b) => (a.source === b.source ? a.target.position.start - b.target.position.start : a.source < b.source ? -1 : 1));
  for (const a of ordered) {
    const [note, ...replies] = a.comments;
    const tags: WebAnnotation['body'] = [];
    if (a.status === 'resolved') tags.push({ type: 'TextualBody', value: 'resolved', purpose: 'tagging' });
    if (a.orphaned) tags.push({ type: 'TextualBody', value: 'orphaned', purpose: 'tagging' });
    out.push({
      '@context': ANNO_CONTEXT,
      id: a.id,
      type: 'Annotation',
      motivation: 'commenting',
      created: a.created,
      modified: a.modified,
      ...(note?.author ? { creator: { type: 'Person' as const, name: note.author } } : {}),
      body: [{ type: 'TextualBody', value: note?.body ?? '', format: 'text/plain', language: 'en-GB', purpose: 'commenting' }, ...tags],
      target: {
        type: 'SpecificResource',
        source: iri(a.source),
        selector: [
          { type: 'TextQuoteSelector', exact: a.target.quote.exact, prefix: a.target.quote.prefix, suffix: a.target.quote.suffix },
          { type: 'TextPositionSelector', start: a.target.position.start, end: a.target.position.end },
        ],
      },
    });
    for (const r of replies) {
      out.push({
        '@context': ANNO_CONTEXT,
        id: replyId(a.id, r.id),
        type: 'Annotation',
        motivation: 'replying',
        created: r.created,
        ...(r.modified ? { modified: r.modified } : {}),
        ...(r.author ? { creator: { type: 'Person' as const, name: r.author } } : {}),
        body: [{ type: 'TextualBody', value: r.body, format: 'text/plain', language: 'en-GB', purpose: 'replying' }],
        target: a.id,
      });
    }
  }
  return out;
}

/** The notes as one AnnotationCollection document (what "Export Annotations" writes). */
export function toWebAnnotationCollection(annotations: readonly StoredAnnotation[], options: ExportOptions = {}): WebAnnotationCollection {
  const items = toWebAnnotations(annotations, options);
  return {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: options.label ?? 'Counterpoint annotations',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

function replyId(noteId: string, commentId: string): string {
  return commentId.startsWith('urn:') ? commentId : `${noteId}/replies/${commentId}`;
}
