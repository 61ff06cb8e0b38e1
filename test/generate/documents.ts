/**
 * Generates letters and responses of a chosen size in the formats of DOMAIN.md: bold lead-ins with dashes,
 * numbered and bulleted lists, a heading per aim, tables of aims, aims in prose, claims of union involvement
 * at every rung (some negated, some future, some evidenced), and responses that restate, paraphrase, merge,
 * reorder and skip aims. Deterministic for a given seed, so benchmark runs compare like with like.
 */
const TOPICS = [
  ['case allocation', 'allocate cases within one working day through a single desk'],
  ['court hubs', 'bring local court teams into regional hubs where listings are heaviest'],
  ['pre-sentence reports', 'move to a short-format report for most cases'],
  ['rota design', 'introduce a seven-day rota across approved premises'],
  ['learning time', 'protect two hours a week of learning time for new officers'],
  ['digital tools', 'replace the case notes system with a single national tool'],
  ['estates', 'close three offices and move teams into shared buildings'],
  ['recruitment', 'recruit forty trainee officers through a regional campaign'],
  ['workload measurement', 'adopt a new workload measurement tool in every team'],
  ['hybrid working', 'set a minimum of three days a week in the office'],
  ['supervision', 'move to monthly reflective supervision for all practitioners'],
  ['job evaluation', 'review job descriptions for senior practitioners'],
];
const CLAIMS = [
  'These proposals have been agreed with the trade unions.',
  'The plan was discussed with staff side colleagues over the summer.',
  'We believe the unions broadly support this change.',
  'The proposals were shared with the unions in advance.',
  'The changes were agreed at the JNCC on 12 March 2026, as the signed minutes record.',
  'This has not been agreed with the unions.',
  'Formal consultation will follow once proposals are finalised.',
  'We have worked in partnership with staff side throughout.',
];
const STANCES = [
  'We have no issues with this aim and welcome it.',
  'While we agree with the sentiment, we have very real concerns about the workload it will create.',
  'We have significant concerns and have not yet seen the detail of how this will work.',
  'This is wholly unrealistic and we cannot accept it.',
  'We support this proposal.',
  'We welcome this in principle but ask for an equality impact assessment first.',
];
const BACKGROUND =
  'Teams have faced rising caseloads, late reports and high turnover since the last restructure, and the review ' +
  'was announced to address these pressures across the region over the coming year.';

class Random {
  constructor(private seed: number) {}
  next(): number {
    this.seed = (Math.imul(this.seed, 1664525) + 1013904223) >>> 0;
    return this.seed / 4294967296;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

const title = (s: string) => s[0].toUpperCase() + s.slice(1);

export interface GeneratedPair {
  letter: string;
  response: string;
  aims: number;
}

/** A letter and its response, each about `bytes` long. */
export function generatePair(bytes: number, seed = 1): GeneratedPair {
  const rnd = new Random(seed);
  const letter: string[] = ['---', 'role: letter', 'date: 2026-09-14', '---', '', '# Service redesign: proposals', '', 'Dear colleagues,', '', BACKGROUND, ''];
  const response: string[] = ['---', 'role: response', 'responds-to: letter.md', '---', '', '# Branch response', '', 'The branch has considered the letter and responds to each aim below.', ''];
  let section = 0;
  let aims = 0;
  const size = () => letter.reduce((n, l) => n + l.length + 1, 0);
  while (size() < bytes) {
    section++;
    letter.push(`## Part ${section}: ${rnd.pick(['Workforce', 'Practice', 'Estates', 'Systems'])}`, '');
    letter.push(`${BACKGROUND} ${rnd.pick(CLAIMS)}`, '');
    const format = section % 5;
    const items = TOPICS.map((t, i) => [`${title(t[0])} ${section}.${i + 1}`, t[1]] as const).slice(0, 4 + (section % 4));
    if (format === 0) {
      letter.push('The review has the following aims:', '');
      for (const [t, d] of items) letter.push(`**${t}** – ${d}, so that staff can focus on the work that matters most.`, '');
    } else if (format === 1) {
      letter.push('Our objectives are:', '');
      items.forEach(([t, d], i) => letter.push(`${i + 1}. ${t}: ${d}.`));
      letter.push('');
    } else if (format === 2) {
      for (const [t, d] of items) letter.push(`### ${t}`, '', `We intend to ${d}.`, '');
    } else if (format === 3) {
      letter.push('| Aim | Detail | Timescale |', '|---|---|---|');
      for (const [t, d] of items) letter.push(`| ${t} | ${title(d)}. | By ${rnd.pick(['Spring', 'Autumn'])} 2027 |`);
      letter.push('');
    } else {
      letter.push('We propose the following changes:', '');
      for (const [t, d] of items) letter.push(`- ${t} – ${d}.`);
      letter.push('');
    }
    aims += items.length;
    for (const [t, d] of items) {
      if (rnd.next() < 0.15) continue; // an unanswered aim
      if (rnd.next() < 0.5) response.push(`## ${t}`, '', rnd.pick(STANCES), '');
      else response.push(`On the aim to ${d}: ${rnd.pick(STANCES).toLowerCase()}`, '');
    }
    response.push('Members tell us the engagement sessions were arranged at short notice. The branch was not told of them in advance.', '');
  }
  letter.push('Yours sincerely,', '', 'Regional Director', '');
  while (response.reduce((n, l) => n + l.length + 1, 0) < bytes) response.push(BACKGROUND, '');
  return { letter: letter.join('\n'), response: response.join('\n'), aims };
}
