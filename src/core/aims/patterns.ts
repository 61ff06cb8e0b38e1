/**
 * The language of aims in employers' letters, as data: the verbs an aim opens with, the words that introduce
 * a list of aims (or a list of something else), the headings of aims sections and of other sections, and the
 * sentence openings that state an aim in prose. Compiled once, at module load.
 */

/** Verbs an aim opens with, in the imperative or after "to": "Introduce …", "to move …". */
export const AIM_VERBS = new Set(
  `accelerate achieve adopt advance align allocate allow amalgamate apply appoint attract automate balance boost bring
build centralise centralize change clarify close combine commission complete consolidate continue convert create cut
decentralise decommission deliver deploy design develop devolve digitise digitize directly disband drive embed
empower enable end enhance ensure establish evaluate expand expect extend focus free give grow harmonise harmonize
implement improve increase insource integrate introduce invest launch lead level limit locate maintain make manage
maximise maximize merge minimise minimize modernise modernize move offer open outsource phase pilot place plan
prioritise prioritize produce promote protect provide raise rationalise rationalize realign rebalance reconfigure
recruit redeploy redesign reduce refocus reform reinvest release relocate remove renew reorganise reorganize replace
reshape resolve restructure retain review revise roll rotate run secure set share shift simplify standardise
standardize start stop streamline strengthen support switch tackle target test train transfer transform transition
upgrade upskill use widen withdraw`.split(/\s+/),
);

/** Words that make a line metadata, not an aim, when they come before a colon or dash. */
export const METADATA_TITLES = new Set(
  `to from date dated time venue location place re subject ref reference cc bcc attn tel telephone phone mobile fax
email e-mail web website address contact contacts attendees present apologies chair author owner status version
classification audience purpose deadline note nb ps encl enclosure enclosures attachment attachments copy copies
signed name`.split(/\s+/),
);

/** Heading or lead-in words for sections that are not aims. */
export const NON_AIM_SECTION =
  /^(?:\d+[.)]?\s+)?(?:background|context|introduction|intro|overview|summary|executive summary|purpose|why\b|the case for change|case for change|current (?:position|situation|arrangements|state)|where we are|next steps|what happens next|timetable|timeline|timescales?|consultation|how to respond|responding|contacts?|further information|questions|faqs?|appendix|annex|equality|impact|finances?|financial|costs?|conclusion|other matters|any other business|risks?|governance|engagement|communications?|references|glossary|definitions|attendees|present|apologies|agenda|minutes|actions arising|matters arising)\b/i;

/** Headings of sections whose items are aims. */
export const AIM_SECTION =
  /\b(?:aims?|objectives?|proposals?|priorities|measures|recommendations|commitments|workstreams?|what (?:we|will) (?:propose|are proposing|plan|intend|will do|change)|what is changing|key changes|proposed changes|changes (?:we|proposed)|our plans?|the plan)\b/i;
export const AIM_SECTION_EXCLUDED =
  /\b(?:background|context|consultation|timetable|timeline|next steps|response|responding|comments|feedback|equality|impact assessment|appendix|annex|progress|update on)\b/i;

/** A heading that numbers an aim: "Proposal one: …", "Aim 2 – …", "3. …", "B) …". */
export const NUMBERED_AIM_HEADING =
  /^(?:(?:proposal|aim|objective|priority|change|measure|recommendation|workstream|action|commitment|area|theme|strand|pillar|element|option)\s+(?:\d+|[ivx]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-h])\b|\d{1,2}(?:\.\d{1,2})*[.):]?\s+\S|[A-H][.)]\s+\S)/i;

/** Strips a numbering prefix from a heading or title: "Proposal one: a single hub" gives "a single hub". */
export const HEADING_NUMBER_PREFIX =
  /^(?:(?:proposal|aim|objective|priority|change|measure|recommendation|workstream|action|commitment|area|theme|strand|pillar|element|option)\s+(?:\d+|[ivx]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-h])\b\s*[:.–—-]?\s*|\d{1,2}(?:\.\d{1,2})*[.):]?\s+|[A-H][.)]\s+)/i;

/** Nouns that, in an introducing sentence, announce a list of aims. */
export const INTRO_AIM_NOUNS =
  /\b(?:aims?|objectives?|proposals?|priorities|changes|measures|intentions|areas|elements|workstreams?|steps|actions|commitments|plans|recommendations|goals|improvements|initiatives|deliverables|themes|strands|pillars|key features|ambitions|outcomes we want)\b/i;

/** Nouns that, in an introducing sentence, announce a list of something else: people, papers, dates. */
export const INTRO_OTHER_NOUNS =
  /\b(?:documents?|papers?|attendees?|attendance|attending|present|apologies|enclosures?|enclosed|attached|attachments?|appendix|appendices|agenda|contacts?|people|colleagues|members|representatives|unions|organisations|bodies|dates|meetings?|sessions?|venues?|questions|links|references|sources|responses|signatories|recipients|copied|distribution|minutes|reports|events|invitees|panel)\b/i;

/** A sentence that introduces what follows: ends in a colon, or says "as follows", "below", "the following". */
export const INTRO_SHAPE = /(?::\s*$|\bas follows\b|\bset out below\b|\blisted below\b|\bbelow[.:]?\s*$|\bthe following\b)/i;

/** "We will:" or "The Trust intends to:" introduce a list of aims. */
export const INTRO_WE_WILL = /\b(?:we|the \w+)\s+(?:will|intends? to|plans? to|proposes? to|aims? to|want to|are going to)\s*:\s*$/i;

/**
 * A sentence stating an aim in prose. The subject is the employer or its programme ("we", "the review", "the
 * Trust"), the verb says what it means to do; `strength` 2 triggers state intention outright, 1 triggers
 * ("we will …", "… will be replaced") are accepted only when the verb says what will change.
 */
export interface ProseTrigger {
  re: RegExp;
  strength: 1 | 2;
  /** Where the aim's title starts: at the verb after the trigger ("Reduce the number …"), or at the sentence. */
  titleAt: 'verb' | 'sentence';
  note: string;
}

const ORG_SUBJECT =
  '(?:we|the (?:trust|council|service|agency|university|department|ministry|board|review|programme|plan|framework|redesign|proposals?|strategy|directorate|district|area|unit|hospital|prison|academy|museum|school|partnership|organisation|employer|company|division|region|project|model|restructure|reorganisation|executive|authority|force|college|group|team|changes?|new (?:model|structure|service|system|policy|framework)))';

export const PROSE_TRIGGERS: ProseTrigger[] = [
  { re: /\bour (?:main |key |central |overall )?(?:proposal|intention|plan|aim|objective|ambition) (?:is|would be) (?:to|that)\b/i, strength: 2, titleAt: 'verb', note: '"Our proposal is to …"' },
  { re: /\bthe (?:main |key |central |overall )?(?:aim|objective|intention|purpose|ambition|proposal|plan)(?: of (?:the|this) \w+)? (?:is|will be|would be) (?:to|that)\b/i, strength: 2, titleAt: 'verb', note: '"The aim is to …"' },
  { re: new RegExp(`\\b${ORG_SUBJECT} (?:also |now |therefore |further )?(?:intends?|plans?|proposes?|aims?|wants?|wishes?|would like|is proposing|are proposing|is planning|are planning|is seeking|are seeking|has decided|have decided) to\\b`, 'i'), strength: 2, titleAt: 'verb', note: '"We intend to …", "We propose to …"' },
  { re: new RegExp(`\\b${ORG_SUBJECT} (?:also |now |therefore |further )?(?:will|shall|would)(?: also| then| now)? (?!be\\b)(\\w+)`, 'i'), strength: 1, titleAt: 'verb', note: '"We will …", "The review will …"' },
  { re: /\bit is (?:also |now |therefore |further |further also )?(?:proposed|intended|planned|our (?:intention|proposal|plan|aim)) (?:that|to)\b/i, strength: 2, titleAt: 'verb', note: '"It is proposed that …"' },
  { re: /\b(?:will|would|shall) (?:also |now |then |instead )?be ([a-z]+ed|paid|set|cut|run|made|given|taken|brought|built|kept|met|sold|spent|withdrawn|rolled|based|offered|expected|required)\b/i, strength: 1, titleAt: 'sentence', note: '"… will be replaced by …", "… will be paid at …"' },
];

/** Verbs after "we will" that describe the letter's own process, not an aim. */
export const PROCESS_VERBS = new Set(
  `write share send hold meet consult discuss update inform brief confirm publish announce circulate keep let
report respond reply welcome be continue arrange invite consider need work engage listen seek ask begin start
follow notify contact come return revert get talk feed receive thank hear reassure remind assure apologise apologize
acknowledge explain outline contact do try endeavour aim`.split(/\s+/),
);

/** "Issue" is the letter's process when what is issued is a paper ("we will issue a further update"), an aim
 * when it is a thing staff will get ("the company will issue body cameras"): the word after it decides. */
export const PROCESS_ISSUE_OBJECT =
  /^(?:a|an|further|formal|our|updated|revised|guidance|notice|notices|letters?|statements?|details|invitations?|minutes|papers|updates?|written|this|these|its|the (?:outcome|results?|minutes|details|final|formal|revised|updated|notice|letters?|papers|report|findings))$/i;

/** An additive opening ("In addition, …", "Finally, …", "Further, …") marks a sentence as another item in a
 * run of aims, so a prose "will" aim after a run of structured ones (a letter can mix formats) still counts. */
export const ADDITIVE_OPENING =
  /^(?:in addition|additionally|also|further(?:more)?|finally|lastly|separately|alongside (?:this|these)|at the same time|as well as this|beyond this|next|secondly|thirdly|fourthly)\b,?\s/i;

/** Participles after "will be" that describe the letter's process, not a change: "will be discussed". */
export const PROCESS_PARTICIPLES = new Set(
  `discussed shared consulted held published circulated sent considered informed invited asked told notified updated
briefed reviewed finalised finalized confirmed announced agreed arranged scheduled welcomed received provided
reported presented explained issued answered contacted involved engaged asked`.split(/\s+/),
);

/** Words that mark a sentence as about the letter's own process (consultation, meetings, replies). */
export const PROCESS_WORDS =
  /\b(?:consult(?:ation|ed|ing)?|meetings?|briefings?|comments?|views|feedback|responses?|reply|timetable|deadline|notice|papers?|agenda|letter|forum|committee|engagement|sessions?|lunch|minutes|take place|be in touch|further details|more details|questions|hear from)\b/i;

/** A clause break after which a sentence opened as a belief may state an aim of its own ("We recognise that this
 * means longer journeys, and so we also plan to set up outreach surgeries"). */
export const LATER_CLAUSE = /(?:,\s+(?:and\s+)?(?:so|therefore|hence|as a result|for that reason|for this reason)\s*,?|;|,\s+and)\s+(?=\S)/gi;

/** Openings that make a sentence a belief, hope or expectation rather than an aim. */
export const HEDGE_OPENING = /^(?:we|i) (?:believe|hope|think|trust|are confident|am confident|expect|anticipate|recognise|recognize|understand|know|appreciate)\b/i;
