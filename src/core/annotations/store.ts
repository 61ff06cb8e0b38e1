/**
 * The annotations sidecar (`.counterpoint/annotations.json` beside the workspace): its shape, a strict reader that
 * says what is wrong with a damaged file instead of guessing, and a stable writer. Pure: text in, text out; the
 * extension does the file handling (atomic writes, moving a corrupt file aside).
 */
import type { Anchor, TextPositionSelector, TextQuoteSelector } from './anchor';

export const ANNOTATION_FILE_VERSION = 1 as const;

/** Where the sidecar lives, relative to the folder whose documents it annotates. */
export const SIDECAR_PATH = '.counterpoint/annotations.json';

export interface AnnotationComment {
  id: string;
  body: string;
  author: string;
  /** ISO 8601. */
  created: string;
  modified?: string;
}

export type AnnotationStatus = 'open' | 'resolved';

export interface StoredAnnotation {
  /** A URN (`urn:uuid:…`), stable for the life of the note. */
  id: string;
  /** The annotated document, relative to the sidecar's folder, with `/` separators. */
  source: string;
  created: string;
  modified: string;
  status: AnnotationStatus;
  /** Where the note was last attached; after edits or a new version it is re-attached from these. */
  target: Anchor;
  /** The first comment is the note; the rest are replies. */
  comments: AnnotationComment[];
  /** True when the text was last seen missing: the note is kept and shown as orphaned. */
  orphaned?: boolean;
}

export interface AnnotationFile {
  version: typeof ANNOTATION_FILE_VERSION;
  annotations: StoredAnnotation[];
}

export type ParseResult = { ok: true; file: AnnotationFile } | { ok: false; error: string };

export function emptyAnnotationFile(): AnnotationFile {
  return { version: ANNOTATION_FILE_VERSION, annotations: [] };
}

/** Reads a sidecar's text. An empty or whitespace-only file is an empty store; anything malformed is an error. */
export function parseAnnotationFile(text: string): ParseResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: true, file: emptyAnnotationFile() };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    return { ok: false, error: `not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(raw)) return { ok: false, error: 'the file does not hold a JSON object' };
  if (raw.version !== ANNOTATION_FILE_VERSION) return { ok: false, error: `unknown version ${JSON.stringify(raw.version)} (expected ${ANNOTATION_FILE_VERSION})` };
  if (!Array.isArray(raw.annotations)) return { ok: false, error: '"annotations" is not a list' };
  const annotations: StoredAnnotation[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < raw.annotations.length; i++) {
    const a = readAnnotation(raw.annotations[i]);
    if (typeof a === 'string') return { ok: false, error: `annotation ${i + 1}: ${a}` };
    if (ids.has(a.id)) return { ok: false, error: `annotation ${i + 1}: the id ${a.id} is used twice` };
    ids.add(a.id);
    annotations.push(a);
  }
  return { ok: true, file: { version: ANNOTATION_FILE_VERSION, annotations } };
}

/** Stable, readable JSON (two-space indent, trailing newline), so that the sidecar diffs well in git. */
export function serialiseAnnotationFile(file: AnnotationFile): string {
  const annotations = [...file.annotations].sort((a, b) => (a.source === b.source ? a.target.position.start - b.target.position.start || cmp(a.id, b.id) : cmp(a.source, b.source)));
  return JSON.stringify({ version: ANNOTATION_FILE_VERSION, annotations: annotations.map(normalise) }, null, 2) + '\n';
}

/** The notes on one document (`source` relative to the sidecar's folder, `/` separators). */
export function annotationsForDocument(file: AnnotationFile, source: string): StoredAnnotation[] {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');
  const want = norm(source);
  return file.annotations.filter((a) => norm(a.source) === want);
}

function normalise(a: StoredAnnotation): StoredAnnotation {
  const out: StoredAnnotation = {
    id: a.id,
    source: a.source,
    created: a.created,
    modified: a.modified,
    status: a.status,
    target: {
      quote: { type: 'TextQuoteSelector', exact: a.target.quote.exact, prefix: a.target.quote.prefix, suffix: a.target.quote.suffix },
      position: { type: 'TextPositionSelector', start: a.target.position.start, end: a.target.position.end },
    },
    comments: a.comments.map((c) => ({ id: c.id, body: c.body, author: c.author, created: c.created, ...(c.modified ? { modified: c.modified } : {}) })),
  };
  if (a.orphaned) out.orphaned = true;
  return out;
}

function readAnnotation(v: unknown): StoredAnnotation | string {
  if (!isObject(v)) return 'not an object';
  for (const key of ['id', 'source', 'created', 'modified'] as const) if (typeof v[key] !== 'string' || v[key] === '') return `"${key}" is missing or not text`;
  if (v.status !== 'open' && v.status !== 'resolved') return '"status" must be "open" or "resolved"';
  if (!isObject(v.target)) return '"target" is missing';
  const quote = v.target.quote;
  const position = v.target.position;
  if (!isObject(quote) || typeof quote.exact !== 'string' || typeof quote.prefix !== 'string' || typeof quote.suffix !== 'string') return '"target.quote" needs exact, prefix and suffix';
  if (!isObject(position) || !isOffset(position.start) || !isOffset(position.end) || (position.end as number) < (position.start as number)) return '"target.position" needs start and end offsets';
  if (!Array.isArray(v.comments) || v.comments.length === 0) return '"comments" must list at least the note itself';
  const comments: AnnotationComment[] = [];
  for (const c of v.comments) {
    if (!isObject(c) || typeof c.id !== 'string' || typeof c.body !== 'string' || typeof c.author !== 'string' || typeof c.created !== 'string') return 'a comment needs id, body, author and created';
    comments.push({ id: c.id, body: c.body, author: c.author, created: c.created, ...(typeof c.modified === 'string' ? { modified: c.modified } : {}) });
  }
  const q: TextQuoteSelector = { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
  const p: TextPositionSelector = { type: 'TextPositionSelector', start: position.start as number, end: position.end as number };
  return {
    id: v.id as string,
    source: v.source as string,
    created: v.created as string,
    modified: v.modified as string,
    status: v.status,
    target: { quote: q, position: p },
    comments,
    ...(v.orphaned === true ? { orphaned: true } : {}),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isOffset(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
