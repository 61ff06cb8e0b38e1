/**
 * Topics as bags of stemmed content words, for matching a claim with a log row or a disputing passage:
 * "Court hubs: proposals shared" matches "the move to hubs in the court redesign" on "court" and "hub".
 * Words every letter about consultation uses (union, staff, proposal, consult …) carry no topic and are dropped.
 */
const STOP = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it ' +
    'its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such ' +
    'than that the their theirs them then there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with would you your yours shall may might must per via upon within without across around ' +
    'us one two three four five six seven eight nine ten first second third next last new every already still yet ever never ' +
    'dear colleague colleagues yours sincerely faithfully regards best wishes letter response reply document paper email update ' +
    'union unions trade side staff member members employer management manager managers team teams trust council university ' +
    'department service services organisation proposal proposals propose proposed plan plans change changes changed issue issues ' +
    'matter matters aim aims item items point points meeting meetings forum forums committee council minutes note notes record ' +
    'consult consulted consultation consultations agree agreed agreement agreements negotiate negotiated negotiation negotiations ' +
    'engage engaged engagement discuss discussed discussion discussions involve involved involvement inform informed brief briefed ' +
    'briefing share shared talks support supported content welcome work worked working partnership view views feedback ' +
    'representative representatives reps colleague branch napo unison gmb unite pcs rcn bma ucu neu poa fda prospect nnc jncc jnc ' +
    'njc jcc rjnc tus dtus ntus tu say says said state states stated set sets note noted told make made take taken took put ' +
    'january february march april may june july august september october november december spring summer autumn winter ' +
    'week weeks month months year years day days date today time period stage part way place follow following ' +
    'formal formally full fully meaningful proper properly appropriate relevant regional national local joint ' +
    'believe understand confident broadly case true correct accurate sight received receive'
  ).split(/\s+/),
);

const STEM_CACHE = new Map<string, string>();

/** A light suffix-stripping stemmer: enough to make "consolidation" meet "consolidate" and "hubs" meet "hub". */
export function stem(word: string): string {
  const hit = STEM_CACHE.get(word);
  if (hit !== undefined) return hit;
  const out = stemUncached(word);
  if (STEM_CACHE.size > 50000) STEM_CACHE.clear();
  STEM_CACHE.set(word, out);
  return out;
}

function stemUncached(word: string): string {
  let w = word.toLowerCase().replace(/'s?$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['isations', 'isation', 'izations', 'ization', 'ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'edly', 'ed', 'ly', 'ity', 'ive', 'al']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('at') && w.length > 5) w = w.slice(0, -2);
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[aeiouls]/.test(w[w.length - 1])) w = w.slice(0, -1);
  return w;
}

const WORD = /[a-z][a-z0-9'-]*[a-z0-9]|[a-z]/g;

/** The distinct content stems of a text. */
export function topicStems(text: string, into: Set<string> = new Set()): Set<string> {
  const lower = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(lower)) !== null) {
    const token = m[0];
    const parts = token.includes('-') ? token.split('-') : [token];
    for (const part of parts) {
      const word = part.endsWith("'s") ? part.slice(0, -2) : part.endsWith("'") ? part.slice(0, -1) : part;
      if (word.length < 3 || STOP.has(word)) continue;
      const s = stem(word);
      if (s.length < 3 || STOP.has(s)) continue;
      into.add(s);
    }
  }
  return into;
}

/** The stems two bags share. */
export function sharedStems(a: Set<string>, b: Set<string>): string[] {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out: string[] = [];
  for (const s of small) if (large.has(s)) out.push(s);
  return out;
}
