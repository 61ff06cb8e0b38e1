/**
 * The comparison report's view model: one structure that the webview, the exported HTML and the Markdown export
 * (and `counterpoint compare --format markdown|html`) all render, so they show the same content in the same order.
 * Pure: built from the engine's CompareResult and, optionally, the notes attached to the two documents.
 */
import type { Claim, ClaimStatus, CompareResult, Located, Rung, Stance } from '../contract';
import { FLAGGED_STATUSES } from '../contract';
import { attach } from '../annotations/anchor';
import type { StoredAnnotation } from '../annotations/store';
import { LineIndex } from '../text/positions';

export type DocRole = 'letter' | 'response';

/** Where an item is: enough to reveal it in an editor (offsets) and to cite it (1-based line and column). */
/** The line that stands for evidence found and not listed. */
export function moreEvidence(n: number): string {
  return `…and ${n} more ${n === 1 ? 'piece' : 'pieces'} of evidence, not listed (the strongest eight are).`;
}

export interface ReportLocation {
  doc: DocRole;
  path: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface StanceInfo {
  stance: Stance;
  /** The word shown with the colour and the shape, so colour is never the only signal. */
  label: string;
  description: string;
  /** A text symbol for plain-text and Markdown output; the HTML draws a matching shape. */
  symbol: string;
  /** The VS Code theme colour id used for the stance (also used by the tree view). */
  themeColour: string;
  /** A codicon id for the tree view. */
  codicon: string;
}

export const STANCE_INFO: Record<Stance, StanceInfo> = {
  unaddressed: { stance: 'unaddressed', label: 'Unanswered', description: 'The response does not answer this aim.', symbol: '○', themeColour: 'charts.purple', codicon: 'circle-large-outline' },
  oppose: { stance: 'oppose', label: 'Oppose', description: 'The response rejects or disputes the aim.', symbol: '✕', themeColour: 'charts.red', codicon: 'error' },
  concern: { stance: 'concern', label: 'Concern', description: 'The response raises concerns or asks for information without taking a position.', symbol: '▲', themeColour: 'charts.orange', codicon: 'warning' },
  qualified: { stance: 'qualified', label: 'Qualified', description: 'The response agrees in principle, with conditions or concerns.', symbol: '◐', themeColour: 'charts.blue', codicon: 'circle-large-filled' },
  support: { stance: 'support', label: 'Support', description: 'The response agrees without material reservation.', symbol: '✓', themeColour: 'charts.green', codicon: 'pass-filled' },
};

/** Stances in the order the report counts them: what needs attention first. */
export const STANCE_ORDER: readonly Stance[] = ['unaddressed', 'oppose', 'concern', 'qualified', 'support'];

export interface StatusInfo {
  status: ClaimStatus;
  label: string;
  flagged: boolean;
  description: string;
}

export const STATUS_INFO: Record<ClaimStatus, StatusInfo> = {
  disputed: { status: 'disputed', label: 'Disputed', flagged: true, description: 'The response or the consultation log says otherwise.' },
  overstated: { status: 'overstated', label: 'Overstated', flagged: true, description: 'There is evidence, but of a lower rung of involvement than claimed.' },
  unevidenced: { status: 'unevidenced', label: 'Unevidenced', flagged: true, description: 'Nothing in the text or the consultation log supports it.' },
  evidenced: { status: 'evidenced', label: 'Evidenced', flagged: false, description: 'Supported by evidence at the claimed rung.' },
  negated: { status: 'negated', label: 'Negated', flagged: false, description: 'Says the involvement did not happen.' },
  future: { status: 'future', label: 'Future', flagged: false, description: 'A commitment about the future: worth tracking, not a claim.' },
  hypothetical: { status: 'hypothetical', label: 'Hypothetical', flagged: false, description: 'A conditional statement, not a claim.' },
  question: { status: 'question', label: 'Question', flagged: false, description: 'A question, not a claim.' },
  reported: { status: 'reported', label: 'Reported', flagged: false, description: "Quotes someone else's claim, for example to dispute it." },
  silenced: { status: 'silenced', label: 'Silenced', flagged: false, description: 'Silenced by a counterpoint-disable directive.' },
};

/** Claim statuses in report order: flagged ones, most serious first, then the rest. */
export const STATUS_ORDER: readonly ClaimStatus[] = ['disputed', 'overstated', 'unevidenced', 'evidenced', 'negated', 'future', 'hypothetical', 'question', 'reported', 'silenced'];

export interface ReportCue {
  phrase: string;
  stance: Exclude<Stance, 'unaddressed'>;
  note?: string;
  location: ReportLocation;
}

/** A run of a passage's text, marked when it is a phrase that decided the stance. */
export interface TextRun {
  text: string;
  cue?: Exclude<Stance, 'unaddressed'>;
}

export interface ReportPassage {
  paragraph: number;
  /** The exact source text. */
  text: string;
  /** The passage as plain text split around its stance cues, for highlighting. */
  runs: TextRun[];
  score: number;
  reasons: string[];
  location: ReportLocation;
}

export interface ReportAim {
  id: string;
  /** The aim's number in the letter's order (1-based), whatever order the report shows it in. */
  number: number;
  title: string;
  /** The exact source text of the aim. */
  text: string;
  /** What the reader sees below the title: plain text, without the title when the aim opens with it. */
  body: string;
  format: string;
  stance: Stance;
  location: ReportLocation;
  passages: ReportPassage[];
  cues: ReportCue[];
}

export interface ReportPoint {
  paragraph: number;
  text: string;
  display: string;
  location: ReportLocation;
}

export interface ReportClaim {
  doc: DocRole;
  status: ClaimStatus;
  flagged: boolean;
  rung: Rung;
  text: string;
  display: string;
  phrase: string;
  hedged: boolean;
  /** Why it was flagged (or not), in a sentence that can be pasted into a reply. */
  reason: string;
  evidence: Array<{ description: string; rung: Rung; kind: 'text' | 'log' }>;
  /** Further evidence found and not listed (the strongest eight are). */
  evidenceNotListed?: number;
  disputedBy?: { text: string; display: string; location?: ReportLocation };
  silencedReason?: string;
  location: ReportLocation;
}

export interface ReportAnnotation {
  id: string;
  doc: DocRole;
  status: 'open' | 'resolved';
  orphaned: boolean;
  /** The annotated text as it is now (or as it was, for an orphaned note). */
  quote: string;
  comments: Array<{ author: string; body: string; created: string }>;
  /** Absent for an orphaned note. */
  location?: ReportLocation;
}

export interface ReportModel {
  title: string;
  /** The letter's own title (front matter or first heading), when the text was given. */
  subject?: string;
  letter: { path: string; name: string };
  response: { path: string; name: string };
  summary: {
    aims: number;
    unanswered: number;
    byStance: Record<Stance, number>;
    flaggedClaims: number;
    claims: number;
    points: number;
    annotations: number;
    orphanedAnnotations: number;
  };
  /** Unanswered aims first (in the letter's order), then the rest in the letter's order. */
  aims: ReportAim[];
  points: ReportPoint[];
  /** Flagged claims, most serious status first, then in document order. */
  flaggedClaims: ReportClaim[];
  /** Statements about union involvement that are not flagged (evidenced, negated, future …). */
  otherClaims: ReportClaim[];
  annotations: ReportAnnotation[];
  log?: { path: string; entries: number; warnings: string[] };
}

export interface ReportTexts {
  /** Source text of the letter and response, for line numbers of annotations. Optional otherwise. */
  letter?: string;
  response?: string;
}

export interface AnnotationInput {
  annotation: StoredAnnotation;
  doc: DocRole;
}

export interface ReportOptions {
  title?: string;
  /** Notes on the letter or the response; attached to the current texts (needs `texts`), orphaned when gone. */
  annotations?: AnnotationInput[];
  texts?: ReportTexts;
}

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

function loc(doc: DocRole, path: string, l: Located): ReportLocation {
  const { start, end } = l.position;
  return { doc, path, start: start.offset, end: end.offset, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** Splits a passage into runs, marking the cues that fall inside it (cues are located in the same document). */
export function passageRuns(passage: Located, cues: ReadonlyArray<{ position: Located['position']; stance: Exclude<Stance, 'unaddressed'> }>): TextRun[] {
  const base = passage.position.start.offset;
  const text = passage.text;
  const inside = cues
    .map((c) => ({ s: c.position.start.offset - base, e: c.position.end.offset - base, stance: c.stance }))
    .filter((c) => c.s >= 0 && c.e <= text.length && c.e > c.s)
    .sort((a, b) => a.s - b.s || b.e - a.e);
  const runs: TextRun[] = [];
  let at = 0;
  for (const c of inside) {
    if (c.s < at) continue; // overlapping cue: the first one wins
    if (c.s > at) runs.push({ text: plainInline(text.slice(at, c.s)) });
    runs.push({ text: plainInline(text.slice(c.s, c.e)), cue: c.stance });
    at = c.e;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: plainInline(text.slice(at)) });
  // Trim the passage's ends, not the spaces between runs.
  if (runs.length > 0) {
    runs[0].text = runs[0].text.trimStart();
    runs[runs.length - 1].text = runs[runs.length - 1].text.trimEnd();
  }
  return runs.filter((r) => r.text !== '' || r.cue);
}

function claimOf(doc: DocRole, path: string, c: Claim, responsePath: string): ReportClaim {
  const info = STATUS_INFO[c.status];
  const out: ReportClaim = {
    doc,
    status: c.status,
    flagged: info?.flagged ?? FLAGGED_STATUSES.includes(c.status),
    rung: c.rung,
    text: c.text,
    display: plainText(c.text),
    phrase: c.phrase,
    hedged: c.hedged,
    reason: c.message,
    evidence: c.evidence.map((e) => ({ description: e.description, rung: e.rung, kind: e.kind })),
    ...(c.evidenceNotListed ? { evidenceNotListed: c.evidenceNotListed } : {}),
    location: loc(doc, path, c),
  };
  if (c.disputedBy) {
    const sameResponse = c.disputedBy.path === undefined || c.disputedBy.path === responsePath;
    out.disputedBy = { text: c.disputedBy.text, display: plainText(c.disputedBy.text), ...(sameResponse && doc === 'letter' ? { location: loc('response', responsePath, c.disputedBy) } : {}) };
  }
  if (c.silencedReason) out.silencedReason = c.silencedReason;
  return out;
}

function statusRank(s: ClaimStatus): number {
  const i = STATUS_ORDER.indexOf(s);
  return i < 0 ? STATUS_ORDER.length : i;
}

export function buildReportModel(result: CompareResult, options: ReportOptions = {}): ReportModel {
  const letterPath = result.letter.path;
  const responsePath = result.response.path;
  const byAim = new Map(result.alignments.map((a) => [a.aim, a]));
  const aims: ReportAim[] = result.letter.aims.map((aim, i) => {
    const al = byAim.get(aim.id);
    const cues = al?.cues ?? [];
    return {
      id: aim.id,
      number: i + 1,
      title: plainText(aim.title) || aim.title,
      text: aim.text,
      body: aimBody(aim.text, aim.title),
      format: aim.format,
      stance: al?.stance ?? 'unaddressed',
      location: loc('letter', letterPath, aim),
      passages: (al?.passages ?? []).map((p) => ({
        paragraph: p.paragraph,
        text: p.text,
        runs: passageRuns(p, cues),
        score: p.score,
        reasons: [...p.reasons],
        location: loc('response', responsePath, p),
      })),
      cues: cues.map((c) => ({ phrase: c.phrase, stance: c.stance, ...(c.note ? { note: c.note } : {}), location: loc('response', responsePath, c) })),
    };
  });
  // Unanswered first; a stable sort keeps the letter's order within each group.
  const ordered = [...aims].sort((a, b) => Number(b.stance === 'unaddressed') - Number(a.stance === 'unaddressed'));

  const byStance = Object.fromEntries(STANCE_ORDER.map((s) => [s, 0])) as Record<Stance, number>;
  for (const a of aims) byStance[a.stance]++;

  const claims = [
    ...result.letter.claims.map((c) => claimOf('letter', letterPath, c, responsePath)),
    ...result.response.claims.map((c) => claimOf('response', responsePath, c, responsePath)),
  ];
  const docRank = (c: ReportClaim) => (c.doc === 'letter' ? 0 : 1);
  const sortClaims = (list: ReportClaim[]) => list.sort((a, b) => statusRank(a.status) - statusRank(b.status) || docRank(a) - docRank(b) || a.location.start - b.location.start);
  const flaggedClaims = sortClaims(claims.filter((c) => c.flagged));
  const otherClaims = sortClaims(claims.filter((c) => !c.flagged));

  const points = result.response.points.map((p) => ({ paragraph: p.paragraph, text: p.text, display: plainText(p.text), location: loc('response', responsePath, p) }));
  const annotations = reportAnnotations(options.annotations ?? [], { letter: letterPath, response: responsePath }, options.texts ?? {});

  const model: ReportModel = {
    title: options.title ?? 'Comparison report',
    ...(options.texts?.letter !== undefined && documentSubject(options.texts.letter) ? { subject: documentSubject(options.texts.letter) } : {}),
    letter: { path: letterPath, name: baseName(letterPath) },
    response: { path: responsePath, name: baseName(responsePath) },
    summary: {
      aims: aims.length,
      unanswered: byStance.unaddressed,
      byStance,
      flaggedClaims: flaggedClaims.length,
      claims: claims.length,
      points: points.length,
      annotations: annotations.length,
      orphanedAnnotations: annotations.filter((a) => a.orphaned).length,
    },
    aims: ordered,
    points,
    flaggedClaims,
    otherClaims,
    annotations,
  };
  if (result.log) {
    model.log = { path: result.log.path, entries: result.log.entries, warnings: result.log.warnings.map((w) => `${w.path ?? result.log!.path}${w.line ? `:${w.line}` : ''}: ${w.message}`) };
  }
  return model;
}

/** Attaches notes to the current texts; notes whose text is gone are kept, marked orphaned, after the others. */
function reportAnnotations(inputs: AnnotationInput[], paths: Record<DocRole, string>, texts: ReportTexts): ReportAnnotation[] {
  const indexes: Partial<Record<DocRole, LineIndex>> = {};
  const out: ReportAnnotation[] = [];
  for (const { annotation: a, doc } of inputs) {
    const text = texts[doc];
    let location: ReportLocation | undefined;
    if (text !== undefined) {
      // A note last seen orphaned is looked for exactly and near its old place only: the report refreshes often.
      const at = attach(text, a.target, a.orphaned ? { budget: 0 } : undefined);
      if (!at.orphaned) {
        const index = (indexes[doc] ??= new LineIndex(text));
        const p = index.position(at.start, at.end);
        location = { doc, path: paths[doc], start: at.start, end: at.end, line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column };
      }
    } else if (!a.orphaned) {
      // Without the text, trust the stored position (it was valid when last saved).
      location = { doc, path: paths[doc], start: a.target.position.start, end: a.target.position.end, line: 0, column: 0, endLine: 0, endColumn: 0 };
    }
    out.push({
      id: a.id,
      doc,
      status: a.status,
      orphaned: location === undefined,
      quote: location && text !== undefined ? text.slice(location.start, location.end) : a.target.quote.exact,
      comments: a.comments.map((c) => ({ author: c.author, body: c.body, created: c.created })),
      ...(location ? { location } : {}),
    });
  }
  const rank = (a: ReportAnnotation) => (a.orphaned ? 2 : a.doc === 'letter' ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || (a.location?.start ?? 0) - (b.location?.start ?? 0));
}

const LINE_MARKERS = /^[ \t]*(?:#{1,6}[ \t]+|(?:>[ \t]?)+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)/gm;
// A link destination may hold one level of balanced parentheses; the alternatives are disjoint, so this is linear.
const DEST = '\\([^()\\n]*(?:\\([^()\\n]*\\)[^()\\n]*)*\\)';
const IMAGE = new RegExp(`!\\[([^\\]\\n]*)\\]${DEST}`, 'g');
const LINK = new RegExp(`\\[([^\\]\\n]*)\\]${DEST}`, 'g');
const REF_LINK = /\[([^\]\n]*)\]\[[^\]\n]*\]/g;
const AUTOLINK = /<((?:https?|mailto):[^>\s]*)>/g;
const COMMENT = /<!--[\s\S]*?-->/g;
const STRONG_OPEN = /(^|[\s(“"'])(?:\*\*|__|~~)(?=\S)/g;
const STRONG_CLOSE = /(\S)(?:\*\*|__|~~)(?=[\s).,;:!?”"'*_]|$)/g;
const EM_OPEN = /(^|[\s(“"'])[*_](?=\S)/g;
const EM_CLOSE = /(\S)[*_](?=[\s).,;:!?”"']|$)/g;
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!|>~])/g;
const TABLE_EDGE = /^[ \t]*\||\|[ \t]*$/gm;
const TABLE_CELL = /[ \t]+\|[ \t]+/g;

/**
 * Markdown source as a reader would see it: markup (emphasis, links, list and heading markers, table pipes,
 * comments) removed, white space collapsed but not trimmed. Text only: nothing here is ever turned into markup,
 * and the result is still escaped by each renderer. Every pattern is linear.
 */
export function plainInline(md: string): string {
  // Each pass runs only when its marker character is present: most sentences carry no markup at all.
  let s = md;
  if (s.includes('<!--')) s = s.replace(COMMENT, ' ');
  s = s.replace(LINE_MARKERS, '');
  if (s.includes('|')) s = s.replace(TABLE_EDGE, '').replace(TABLE_CELL, ' · ');
  if (s.includes('](')) s = s.replace(IMAGE, '$1').replace(LINK, '$1');
  if (s.includes('][')) s = s.replace(REF_LINK, '$1');
  if (s.includes('<')) s = s.replace(AUTOLINK, '$1');
  if (/[*_~]/.test(s)) s = s.replace(STRONG_OPEN, '$1').replace(STRONG_CLOSE, '$1').replace(EM_OPEN, '$1').replace(EM_CLOSE, '$1');
  if (s.includes('`')) s = s.replace(/`/g, '');
  if (s.includes('\\')) s = s.replace(ESCAPED, '$1');
  return s.replace(/\s+/g, ' ');
}

export function plainText(md: string): string {
  return plainInline(md).trim();
}

/** The aim's text without its title when it opens with it ("**Title** – body" gives "body"). */
export function aimBody(text: string, title: string): string {
  const plain = plainText(text);
  const t = plainText(title);
  if (t && plain.toLowerCase().startsWith(t.toLowerCase())) return plain.slice(t.length).replace(/^[\s–—:.,;-]+/, '');
  return plain;
}

/** The letter's subject: its front matter title, else its first level-one heading. */
export function documentSubject(text: string): string | undefined {
  const fm = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const title = fm ? /^title:[ \t]*(.+)$/m.exec(fm[1]) : null;
  if (title) return plainText(title[1].replace(/^["']|["']$/g, '')) || undefined;
  const h1 = /^#[ \t]+(.+?)[ \t#]*$/m.exec(fm ? text.slice(fm[0].length) : text);
  return h1 ? plainText(h1[1]) || undefined : undefined;
}

/** A short excerpt for one-line displays: white space collapsed, cut at a word boundary with an ellipsis. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '') + '…';
}
