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

// ---- merging two windows' notes ------------------------------------------------------------------------------

export interface MergeInput {
  /** The notes this window holds now. */
  mine: readonly StoredAnnotation[];
  /** The notes in the file on disk now; undefined when there is no file (or it was damaged and moved aside). */
  theirs: readonly StoredAnnotation[] | undefined;
  /**
   * The notes as this window last read or wrote the file; undefined when it has not (then nothing can be told to
   * have been deleted elsewhere, and every note of this window is kept).
   */
  base: readonly StoredAnnotation[] | undefined;
  /** Ids of notes deleted in this window since it last wrote the file. */
  deletedHere: ReadonlySet<string>;
}

export interface MergeResult {
  annotations: StoredAnnotation[];
  /** Ids of this window's notes that were deleted elsewhere (in the base, gone from the file, unchanged here). */
  removed: string[];
  /**
   * Notes that differ from this window's copy: new in the file, changed there more recently, or combined from both
   * sides. Each replaces this window's note of the same id (or is added).
   */
  updated: StoredAnnotation[];
}

/**
 * Merges this window's notes with the file on disk, note by note (by id), so that two windows (or a window and a
 * `git pull`) saving one notes file lose nothing:
 *  - a note on both sides: the one modified more recently wins (on a tie, this window's: its anchor may have moved
 *    with edits here, which do not change `modified`); when both sides changed it since the base, replies added on
 *    the other side are kept too;
 *  - a note only here: kept, unless it was in the file this window last saw and is unchanged here since, which
 *    means it was deleted elsewhere;
 *  - a note only in the file: kept (new there), unless it was deleted in this window.
 * So a note deleted here stays deleted even if changed elsewhere meanwhile, and a note deleted elsewhere but
 * changed here is kept. Pure and linear in the number of notes and replies; this window's objects are returned
 * wherever they win unchanged.
 */
export function mergeAnnotations(input: MergeInput): MergeResult {
  const { mine, deletedHere } = input;
  if (input.theirs === undefined) return { annotations: mine.filter((a) => !deletedHere.has(a.id)), removed: [], updated: [] };
  const theirs = new Map(input.theirs.map((a) => [a.id, a] as const));
  const base = input.base ? new Map(input.base.map((a) => [a.id, a] as const)) : undefined;
  const annotations: StoredAnnotation[] = [];
  const removed: string[] = [];
  const updated: StoredAnnotation[] = [];
  const seen = new Set<string>();
  for (const a of mine) {
    if (seen.has(a.id) || deletedHere.has(a.id)) continue;
    seen.add(a.id);
    const t = theirs.get(a.id);
    const b = base?.get(a.id);
    if (t) {
      const merged = mergeNote(a, t, b, base !== undefined);
      annotations.push(merged);
      if (merged !== a) updated.push(merged);
    } else if (b && compareTimes(a.modified, b.modified) <= 0) {
      removed.push(a.id);
    } else {
      annotations.push(a);
    }
  }
  for (const t of input.theirs) {
    if (seen.has(t.id) || deletedHere.has(t.id)) continue;
    seen.add(t.id);
    annotations.push(t);
    updated.push(t);
  }
  return { annotations, removed, updated };
}

/** One note on both sides: the newer wins; replies the other side added since the base are kept as well. */
function mergeNote(mine: StoredAnnotation, theirs: StoredAnnotation, base: StoredAnnotation | undefined, haveBase: boolean): StoredAnnotation {
  const theirsNewer = compareTimes(theirs.modified, mine.modified) > 0;
  const winner = theirsNewer ? theirs : mine;
  const loser = theirsNewer ? mine : theirs;
  // Replies the losing side added: not in the winner and not in the base (a reply in the base but missing from the
  // winner was deleted on the winning side). With no base at all, every reply the winner lacks is kept.
  const have = new Set(winner.comments.map((c) => c.id));
  const inBase = new Set(base?.comments.map((c) => c.id) ?? []);
  const extra = loser.comments.filter((c) => !have.has(c.id) && (!haveBase || !inBase.has(c.id)));
  if (extra.length === 0) return winner;
  const first = winner.comments.slice(0, 1);
  const replies = [...winner.comments.slice(1), ...extra].map((c, i) => ({ c, i }));
  replies.sort((x, y) => compareTimes(x.c.created, y.c.created) || x.i - y.i);
  return { ...winner, comments: [...first, ...replies.map((r) => r.c)] };
}

/** Orders two ISO 8601 times; text that is not a time counts as older than any time, and is compared as text. */
export function compareTimes(a: string, b: string): number {
  const x = Date.parse(a);
  const y = Date.parse(b);
  const badX = Number.isNaN(x);
  const badY = Number.isNaN(y);
  if (!badX && !badY) return x === y ? 0 : x < y ? -1 : 1;
  if (badX !== badY) return badX ? -1 : 1;
  return cmp(a, b);
}
