/**
 * fast-check arbitraries for the property tests: Markdown letters, responses and consultation logs, realistic
 * (aims in lists, tables, headings and prose; claims of union involvement; stances) and hostile (nested lists and
 * quotes, unclosed emphasis, raw HTML and comments, code fences, emoji and lone surrogates, CRLF and lone CR, a BOM).
 *
 * Documents stay well inside the parser's limits (see src/core/document/guard.ts) so that the chunked parse can be
 * compared with a whole-document parse; the pathological sizes have their own tests, and `deepBlock` goes past the
 * nesting limit on purpose, to reach the plain-text fallback.
 *
 * Sizes: a property run is thousands of cases and most bugs show in a short document, so the documents the tests
 * use (`letterDocument`, `responseDocument`, `markdownDocument()`) are mostly small (up to four blocks, lists and
 * quotes one level deep), with one case in ten drawn at the full size (up to eight blocks nested two levels deep,
 * paragraphs of up to four sentences: a few KB).
 */
import fc from 'fast-check';

const WORDS = [
  'the', 'review', 'teams', 'staff', 'officers', 'caseload', 'office', 'rota', 'region', 'hubs', 'workload', 'pay',
  'grading', 'training', 'members', 'branch', 'service', 'court', 'reports', 'estates', 'budget', 'posts', 'shifts',
  'supervision', 'learning', 'time', 'week', 'plan', 'proposal', 'change', 'impact', 'equality', 'assessment',
  'job', 'descriptions', 'hybrid', 'working', 'digital', 'tool', 'allocation', 'desk', 'Napo', 'UNISON', 'GMB',
  'PCS', 'UCU', 'RCN', 'JNCC', 'staff side', 'e.g.', 'Mr.', 's.188', '2026', '12 March 2026', '£4.5m', '40%',
];
const SYMBOLS = ['😀', '👍🏽', '🏳️‍🌈', '𝕏', '三', 'Это', 'مرحبا', 'é', 'ﬁ', '\u00a0', '\u200b', '–', '—', '…', '’', '“', '”', '&amp;', '&#x1F600;', '\\*', '\\|'];
const CLAIMS = [
  'These proposals have been agreed with the trade unions.',
  'The plan was discussed with staff side colleagues over the summer.',
  'We consulted UNISON and GMB at the JNCC on 3 May 2026.',
  'The unions were informed of the changes in advance.',
  'This has not been agreed with the unions.',
  'Formal consultation will follow once proposals are finalised.',
  'We have worked in partnership with Napo throughout.',
  'The changes were negotiated with the recognised unions, as the minutes record.',
  'The branch was never consulted on this.',
  'Staff side colleagues were engaged through the partnership forum.',
];
const AIMS = [
  'We will close three offices and move teams into shared buildings.',
  'We propose to introduce a seven-day rota across approved premises.',
  'The aim is to allocate cases within one working day.',
  'We intend to review job descriptions for senior practitioners.',
  'Our objective is to recruit forty trainee officers.',
  'We plan to replace the case notes system with a single national tool.',
];
const STANCES = [
  'We welcome this in principle.',
  'We have significant concerns about the workload it will create.',
  'This is wholly unrealistic and we cannot accept it.',
  'We support this proposal.',
  'We oppose the closure of any office.',
  'The branch has not seen the detail and cannot comment.',
];

const word = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...SYMBOLS) });

/** Emoji and letters outside the Basic Multilingual Plane: two UTF-16 code units each, or more. */
const ASTRAL = ['😀', '👍🏽', '🏳️‍🌈', '𝕏', '𝔘𝔫𝔦𝔬𝔫', '🇬🇧', '👩‍👩‍👧', '𠀋', '🙂🙃', '😀.'];
/** Words with an astral character in about one in three, sometimes glued to a word or to punctuation. */
const astralWord = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...ASTRAL) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ASTRAL), fc.constantFrom(...WORDS), fc.constantFrom('', '.', '!', ':', '’', '.)')).map(([a, w, p]) => `${a}${w}${p}`) },
);

/** A run of words with inline markup, some of it broken. */
function inlineOf(word: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 10, arbitrary: word },
        { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
        { weight: 1, arbitrary: word.map((w) => `_${w}_`) },
        { weight: 1, arbitrary: word.map((w) => `*${w}`) },
        { weight: 1, arbitrary: word.map((w) => `\`${w}\``) },
        { weight: 1, arbitrary: word.map((w) => `[${w}](https://example.org/${encodeURIComponent(w)})`) },
        { weight: 1, arbitrary: word.map((w) => `<span>${w}</span>`) },
        { weight: 1, arbitrary: fc.constantFrom('<https://example.org>', '~~struck~~', '<b>', '</i>', '[', ']', '<', '|', '\\', '`', '**', '__', '![x](y.png)', '&nbsp;', '<!-- aside -->') },
        { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }) },
        { weight: 1, arbitrary: fc.constantFrom('\ud83d', '\ude00', 'a\ud83d\ude00b') },
      ),
      { minLength: 1, maxLength },
    )
    .map((ws) => ws.join(' '));
}

const inline = inlineOf(word, 14);

/** How big and how nested the generated documents are. */
export interface Profile {
  /** Most blocks at the top level. */
  maxBlocks: number;
  /** Levels of lists within list items, and of quotes within quotes. */
  depth: number;
  /** Most items in a list, sentences in a paragraph, rows in a table. */
  maxItems: number;
  /** Most words in a run of inline text. */
  maxWords: number;
  /** Astral characters (emoji, mathematical letters) in about one word in three. */
  astral?: boolean;
}

export const SMALL: Profile = { maxBlocks: 4, depth: 1, maxItems: 3, maxWords: 8 };
export const FULL: Profile = { maxBlocks: 8, depth: 2, maxItems: 4, maxWords: 14 };

interface Parts {
  inline: fc.Arbitrary<string>;
  paragraph: fc.Arbitrary<string>;
  block: fc.Arbitrary<string>;
}

const partsMemo = new Map<string, Parts>();

/** The building blocks of a document of a profile (made once per profile). */
function partsOf(profile: Profile): Parts {
  const key = JSON.stringify(profile);
  const known = partsMemo.get(key);
  if (known) return known;
  const { depth, maxItems } = profile;
  const inline = inlineOf(profile.astral ? astralWord : word, profile.maxWords);
  const sentence = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...CLAIMS) },
    { weight: 3, arbitrary: fc.constantFrom(...AIMS) },
    { weight: 2, arbitrary: fc.constantFrom(...STANCES) },
    { weight: 4, arbitrary: inline.map((s) => `${s}.`) },
  );
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: maxItems }).map((ss) => ss.join(' '));
  const leadIn = fc.tuple(fc.constantFrom('**', '*', '_', '__'), inline, fc.constantFrom(' – ', ': ', ' - ', '. '), paragraph).map(([m, t, sep, p]) => `${m}${t}${m}${sep}${p}`);

  /** A list, nested up to `depth` more levels, items of paragraphs, lead-ins and sub-lists. */
  const list = (depth: number): fc.Arbitrary<string> => {
    const marker = fc.constantFrom('-', '*', '+', '1.', '2)', '10.');
    const item: fc.Arbitrary<string[]> =
      depth <= 0
        ? fc.oneof(paragraph, leadIn).map((p) => [p])
        : fc.tuple(fc.oneof(paragraph, leadIn), fc.option(list(depth - 1), { nil: undefined, freq: 3 })).map(([p, sub]) => (sub ? [p, ...sub.split('\n')] : [p]));
    return fc.tuple(marker, fc.array(item, { minLength: 1, maxLength: maxItems }), fc.boolean()).map(([m, items, loose]) => {
      const indent = ' '.repeat(m.length + 1);
      return items.map((lines) => [`${m} ${lines[0]}`, ...lines.slice(1).map((l) => (l.length ? indent + l : l))].join('\n')).join(loose ? '\n\n' : '\n');
    });
  };

  const quote = (depth: number): fc.Arbitrary<string> => {
    const inner: fc.Arbitrary<string> = depth <= 0 ? paragraph : fc.oneof(paragraph, list(Math.min(1, depth)), quote(depth - 1));
    return fc.array(inner, { minLength: 1, maxLength: Math.min(3, maxItems) }).map((parts) =>
      parts
        .join('\n\n')
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n'),
    );
  };

  const cell = fc.oneof({ weight: 4, arbitrary: inline }, { weight: 1, arbitrary: fc.constantFrom(...AIMS, ...CLAIMS, ...STANCES) }, { weight: 1, arbitrary: fc.constant('') });

  /** A GFM table: header, delimiter row, rows with the right number of cells or not. */
  const table = fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { minLength: 0, maxLength: maxItems + 2 }), fc.array(cell, { minLength: 1, maxLength: 5 }))
    .map(([cols, rows, header]) => {
      const h = header.slice(0, cols);
      while (h.length < cols) h.push('Aim');
      const esc = (c: string) => c.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
      const lines = [`| ${h.map(esc).join(' | ')} |`, `|${h.map((_, i) => (i % 2 ? ':---:' : '---')).join('|')}|`];
      for (const r of rows) lines.push(`| ${r.map(esc).join(' | ')} |`);
      return lines.join('\n');
    });

  const fence = fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'md', 'js'), fc.array(fc.oneof(inline, fc.constant('')), { maxLength: 4 })).map(([f, lang, lines]) => [`${f}${lang}`, ...lines, f].join('\n'));
  const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([n, t]) => `${'#'.repeat(n)} ${t}`);
  const setext = fc.tuple(inline, fc.constantFrom('===', '---')).map(([t, u]) => `${t}\n${u}`);

  const block: fc.Arbitrary<string> = fc.oneof(
    { weight: 6, arbitrary: paragraph },
    { weight: 2, arbitrary: leadIn },
    { weight: 3, arbitrary: heading },
    { weight: 1, arbitrary: setext },
    { weight: 3, arbitrary: list(depth) },
    { weight: 2, arbitrary: quote(depth) },
    { weight: 2, arbitrary: table },
    { weight: 1, arbitrary: fence },
    { weight: 1, arbitrary: html },
    { weight: 1, arbitrary: fc.constantFrom('* * *', '---', '___') },
  );
  const parts = { inline, paragraph, block };
  partsMemo.set(key, parts);
  return parts;
}

/** A consultation log: the usual columns, with dates, rungs and some rows broken. */
export const logTable = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('2026-03-12', '12 March 2026', '31/02/2026', 'last Tuesday', '2026-13-45', ''), fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
      fc.constantFrom('JNCC', 'Staff Partnership Forum', 'branch meeting', ''),
      inline,
      fc.constantFrom('UNISON', 'Napo, GMB', 'PCS', ''),
      fc.constantFrom('informed', 'engaged', 'consulted', 'negotiated', 'agreed', 'not agreed', 'postponed', ''),
      fc.constantFrom('minutes', '[notes](notes.md)', ''),
      fc.boolean(),
    ),
    { maxLength: 8 },
  )
  .map((rows) => {
    const lines = ['# Consultation log', '', '| Date | Forum | Topic | Unions | Outcome | Reference |', '|---|---|---|---|---|---|'];
    for (const [date, forum, topic, unions, outcome, ref, short] of rows) {
      const cells = [date, forum, topic.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' '), unions, outcome, ref];
      lines.push(`| ${(short ? cells.slice(0, 3) : cells).join(' | ')} |`);
    }
    return lines.join('\n') + '\n';
  });

const html = fc.constantFrom(
  '<div>\n<p>Some <b>raw</b> HTML.</p>\n</div>',
  '<!--\na comment\n\nover several lines\n-->',
  '<!-- counterpoint-disable-next-line unevidenced-claim -- minutes in annex B -->',
  '<!-- counterpoint-disable unevidenced-claim -- table checked -->',
  '<!-- counterpoint-enable unevidenced-claim -->',
  '<!-- unclosed comment',
  '<script>window.__pwned = 1</script>',
  '<details><summary>More</summary>\n\nHidden text.\n\n</details>',
);

/**
 * A block nested past the parser's limit (MAX_NESTING, 32 levels in src/core/document/guard.ts): quotes, list
 * items or both, 33 to 60 deep, around a claim or an aim, so that its chunk is read as plain text.
 */
export const deepBlock: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 33, max: 60 }), fc.constantFrom('>', '- ', '> - ', '1. ', '* > '), fc.constantFrom(...CLAIMS, ...AIMS), fc.boolean())
  .map(([n, marker, text, oneLine]) =>
    oneLine
      ? `${marker.repeat(n)}${marker.endsWith(' ') ? '' : ' '}${text}`
      : Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n') + `\n${'  '.repeat(n)}${text}`,
  );

const frontMatter = fc.option(
  fc
    .record({
      role: fc.constantFrom('letter', 'response', 'other', ''),
      date: fc.constantFrom('2026-09-14', 'not a date', ''),
      title: inline,
      extra: fc.constantFrom('', 'tags: [a, b]', 'bad: : :', 'consultation-log: consultation-log.md', 'responds-to: letter.md'),
    })
    .map(({ role, date, title, extra }) => ['---', role && `role: ${role}`, date && `date: ${date}`, `title: ${JSON.stringify(title)}`, extra, '---'].filter((l) => l !== '').join('\n')),
  { nil: undefined, freq: 2 },
);

export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed';

/** Applies a line-ending style to a text written with \n: the same lines, ended differently. */
export function withLineEndings(text: string, style: LineEnding, seed = 0): string {
  if (style === 'lf') return text;
  if (style === 'crlf') return text.replace(/\n/g, '\r\n');
  if (style === 'cr') return text.replace(/\n/g, '\r');
  let k = seed;
  // A lone CR just before the next LF would make the two one CRLF, and the document a different one.
  return text.replace(/\n/g, (_, at: number) => {
    const eol = ['\n', '\r\n', '\r'][(k = (k * 7 + 3) % 11) % 3];
    return eol === '\r' && text.charCodeAt(at + 1) === 10 ? '\r\n' : eol;
  });
}

export interface MarkdownOptions {
  /** Most blocks (the profile's when not given). */
  maxBlocks?: number;
  /** The size and nesting; when not given, SMALL with one case in ten FULL. */
  profile?: Profile;
  /** Blocks past the nesting limit among the others, read as plain text (`deepBlock`). */
  deep?: boolean;
  /** Line endings: one style, or (the default) LF mostly, and CRLF, lone CR or a mix of the three. */
  lineEndings?: LineEnding;
  /** A byte-order mark at the start: always, never, or (the default) in half the cases. */
  bom?: boolean;
}

/** Blocks, optional front matter, unjoined line endings: the parts `markdownDocument` assembles. */
export interface DocumentParts {
  frontMatter?: string;
  blocks: Array<[string, string]>;
  trailing: boolean;
}

/** The parts of a Markdown document (see `assemble`), for tests that vary its line endings or BOM. */
export function documentParts(options: MarkdownOptions = {}): fc.Arbitrary<DocumentParts> {
  if (!options.profile) {
    const { profile: _, ...rest } = options;
    return fc.oneof({ weight: 9, arbitrary: documentParts({ ...rest, profile: SMALL }) }, { weight: 1, arbitrary: documentParts({ ...rest, profile: FULL }) });
  }
  const { block } = partsOf(options.profile);
  const separator = fc.constantFrom('\n\n', '\n\n', '\n\n', '\n', '\n\n\n');
  const plain = fc.array(fc.tuple(block, separator), { maxLength: options.maxBlocks ?? options.profile.maxBlocks });
  // With `deep`, one block past the nesting limit somewhere among the others (the first, the last or between).
  const blocks = options.deep
    ? fc.tuple(plain, fc.tuple(deepBlock, fc.constantFrom('\n\n', '\n\n\n')), fc.nat()).map(([bs, d, at]) => [...bs.slice(0, at % (bs.length + 1)), d, ...bs.slice(at % (bs.length + 1))])
    : plain;
  return fc.tuple(frontMatter, blocks, fc.boolean()).map(([fm, bs, trailing]) => ({ ...(fm ? { frontMatter: fm } : {}), blocks: bs, trailing }));
}

/** The text of a document's parts with \n line endings and no BOM. */
export function assemble(parts: DocumentParts): string {
  let text = parts.frontMatter ? `${parts.frontMatter}\n\n` : '';
  for (const [b, sep] of parts.blocks) text += b + sep;
  return parts.trailing ? text : text.replace(/\n+$/, '');
}

/** A Markdown document: optional BOM and front matter, blocks, and a line-ending style. */
export function markdownDocument(options: MarkdownOptions = {}): fc.Arbitrary<string> {
  return fc
    .tuple(
      documentParts(options),
      options.bom === undefined ? fc.boolean() : fc.constant(options.bom),
      options.lineEndings ? fc.constant(options.lineEndings) : fc.constantFrom<LineEnding>('lf', 'lf', 'crlf', 'cr', 'mixed'),
      fc.nat(),
    )
    .map(([parts, bom, eol, seed]) => (bom ? '\ufeff' : '') + withLineEndings(assemble(parts), eol, seed));
}

/** A letter: mostly aims and claims. */
export const letterDocument = markdownDocument();
/** A response: the same building blocks (stances weigh in through the sentences). */
export const responseDocument = markdownDocument();

/** An edit to a text: replace [at, at + remove) with `insert`; positions are taken modulo the text's length. */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(
    inline,
    partsOf(SMALL).block.map((b) => `\n\n${b}\n\n`),
    fc.constantFrom('\n', '\n\n', '\r\n', '```\n', '<!--', '-->', '- ', '> ', '1. ', '|', '---\n', '    ', '\t', '*', '[', ''),
  ),
});

export function applyEdit(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}
