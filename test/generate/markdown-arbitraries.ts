/**
 * fast-check arbitraries for the property tests: Markdown letters, responses and consultation logs, realistic
 * (aims in lists, tables, headings and prose; claims of union involvement; stances) and hostile (nested lists and
 * quotes, unclosed emphasis, raw HTML and comments, code fences, emoji and lone surrogates, CRLF and lone CR, a BOM).
 *
 * Documents stay well inside the parser's limits (see src/core/document/guard.ts) so that the chunked parse can be
 * compared with a whole-document parse; the pathological sizes have their own tests.
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

/** A run of words with inline markup, some of it broken. */
const inline: fc.Arbitrary<string> = fc
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
    { minLength: 1, maxLength: 14 },
  )
  .map((ws) => ws.join(' '));

const sentence = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CLAIMS) },
  { weight: 3, arbitrary: fc.constantFrom(...AIMS) },
  { weight: 2, arbitrary: fc.constantFrom(...STANCES) },
  { weight: 4, arbitrary: inline.map((s) => `${s}.`) },
);

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(' '));

const leadIn = fc.tuple(fc.constantFrom('**', '*', '_', '__'), inline, fc.constantFrom(' – ', ': ', ' - ', '. '), paragraph).map(([m, t, sep, p]) => `${m}${t}${m}${sep}${p}`);

interface Sized {
  depth: number;
}

/** A list, nested up to `depth` more levels, items of paragraphs, lead-ins and sub-lists. */
function list({ depth }: Sized): fc.Arbitrary<string> {
  const marker = fc.constantFrom('-', '*', '+', '1.', '2)', '10.');
  const item: fc.Arbitrary<string[]> =
    depth <= 0
      ? fc.oneof(paragraph, leadIn).map((p) => [p])
      : fc.tuple(fc.oneof(paragraph, leadIn), fc.option(list({ depth: depth - 1 }), { nil: undefined, freq: 3 })).map(([p, sub]) => (sub ? [p, ...sub.split('\n')] : [p]));
  return fc.tuple(marker, fc.array(item, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([m, items, loose]) => {
    const indent = ' '.repeat(m.length + 1);
    return items.map((lines) => [`${m} ${lines[0]}`, ...lines.slice(1).map((l) => (l.length ? indent + l : l))].join('\n')).join(loose ? '\n\n' : '\n');
  });
}

function quote({ depth }: Sized): fc.Arbitrary<string> {
  const inner: fc.Arbitrary<string> = depth <= 0 ? paragraph : fc.oneof(paragraph, list({ depth: 1 }), quote({ depth: depth - 1 }));
  return fc.array(inner, { minLength: 1, maxLength: 3 }).map((parts) =>
    parts
      .join('\n\n')
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n'),
  );
}

const cell = fc.oneof({ weight: 4, arbitrary: inline }, { weight: 1, arbitrary: fc.constantFrom(...AIMS, ...CLAIMS, ...STANCES) }, { weight: 1, arbitrary: fc.constant('') });

/** A GFM table: header, delimiter row, rows with the right number of cells or not. */
const table = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { minLength: 0, maxLength: 6 }), fc.array(cell, { minLength: 1, maxLength: 5 }))
  .map(([cols, rows, header]) => {
    const h = header.slice(0, cols);
    while (h.length < cols) h.push('Aim');
    const esc = (c: string) => c.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
    const lines = [`| ${h.map(esc).join(' | ')} |`, `|${h.map((_, i) => (i % 2 ? ':---:' : '---')).join('|')}|`];
    for (const r of rows) lines.push(`| ${r.map(esc).join(' | ')} |`);
    return lines.join('\n');
  });

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

const fence = fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'md', 'js'), fc.array(fc.oneof(inline, fc.constant('')), { maxLength: 4 })).map(([f, lang, lines]) => [`${f}${lang}`, ...lines, f].join('\n'));
const unclosedFence = fc.array(inline, { maxLength: 3 }).map((lines) => ['```', ...lines].join('\n'));
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
const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([n, t]) => `${'#'.repeat(n)} ${t}`);
const setext = fc.tuple(inline, fc.constantFrom('===', '---')).map(([t, u]) => `${t}\n${u}`);

const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: paragraph },
  { weight: 2, arbitrary: leadIn },
  { weight: 3, arbitrary: heading },
  { weight: 1, arbitrary: setext },
  { weight: 3, arbitrary: list({ depth: 2 }) },
  { weight: 2, arbitrary: quote({ depth: 2 }) },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: fc.constantFrom('* * *', '---', '___') },
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

/** Applies a line-ending style to a text written with \n. */
export function withLineEndings(text: string, style: LineEnding, seed = 0): string {
  if (style === 'lf') return text;
  if (style === 'crlf') return text.replace(/\n/g, '\r\n');
  if (style === 'cr') return text.replace(/\n/g, '\r');
  let k = seed;
  return text.replace(/\n/g, () => ['\n', '\r\n', '\r'][(k = (k * 7 + 3) % 11) % 3]);
}

export interface MarkdownOptions {
  maxBlocks?: number;
}

/** A Markdown document: optional BOM and front matter, blocks, and a line-ending style. */
export function markdownDocument(options: MarkdownOptions = {}): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.boolean(),
      frontMatter,
      fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n\n', '\n', '\n\n\n')), { minLength: 0, maxLength: options.maxBlocks ?? 8 }),
      fc.constantFrom<LineEnding>('lf', 'lf', 'crlf', 'cr', 'mixed'),
      fc.nat(),
      fc.boolean(),
    )
    .map(([bom, fm, blocks, eol, seed, trailing]) => {
      let text = fm ? `${fm}\n\n` : '';
      for (const [b, sep] of blocks) text += b + sep;
      if (!trailing) text = text.replace(/\n+$/, '');
      return (bom ? '\ufeff' : '') + withLineEndings(text, eol, seed);
    });
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
    block.map((b) => `\n\n${b}\n\n`),
    fc.constantFrom('\n', '\n\n', '\r\n', '```\n', '<!--', '-->', '- ', '> ', '1. ', '|', '---\n', '    ', '\t', '*', '[', ''),
  ),
});

export function applyEdit(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}
