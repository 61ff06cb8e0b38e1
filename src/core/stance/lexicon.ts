/**
 * The stance lexicon: phrases of UK union responses and what each says about the union's position on an aim.
 * Data only; `stance.ts` compiles it once and applies it.
 *
 * Phrase syntax: words separated by single spaces (any run of white space matches); `(a|b)` alternatives;
 * `(x )?` an optional word; ` … ` a gap of up to four words; `'` matches a straight or curly apostrophe.
 * Matching is case-insensitive and at word boundaries. A phrase must start with a word or a group of
 * alternatives (never an optional group), because phrases are indexed by their first word.
 *
 * Labels:
 *  - support, qualified, concern, oppose: a position (or, for concern, the absence of one) on the aim;
 *  - mixed: the union says it has no single view ("members are divided"): concern, whatever else is said;
 *  - condition: a condition attached to agreement ("must be voluntary"); with a support cue, qualified;
 *  - request: a request for information or a document; concern on its own, and no reservation beside support;
 *  - contrast: "but", "however": a support cue followed by a contrast and a reservation is qualified;
 *  - process: a remark about how the employer has consulted, not about the aim. It counts only when the
 *    passage says nothing about the aim itself (a union may have "no issues" with an aim and still complain,
 *    rightly, that it was not consulted: the aim's stance is then support).
 * A support, qualified, concern or oppose cue with a negation just before it ("we do not support", "not
 * concerned") is turned round; `negatable: false` marks phrases that carry their own negation.
 */
export type CueLabel = 'support' | 'qualified' | 'concern' | 'oppose' | 'mixed' | 'condition' | 'request' | 'contrast' | 'process';

export interface LexiconEntry {
  phrase: string;
  label: CueLabel;
  /** How much the cue counts; 1 is an ordinary cue, 3 an outright statement of position. */
  weight: number;
  /** Why the phrase means what its label says; shown to the user beside the cue. */
  note: string;
  /** For process remarks: the stance they lean to when nothing else is said. */
  leans?: 'oppose' | 'concern';
  negatable?: boolean;
  /** Support stated without reserve ("without reservation", "wholeheartedly"): a reservation or "in principle"
   * elsewhere in the aim's passages (often a passage aligned with less certainty) does not make it qualified. */
  unreserved?: boolean;
  /** An explicit condition ("provided that", "subject to"): beside agreement, it makes the stance qualified. */
  explicit?: boolean;
}

const SUBJECT = '(we|i|members|the branch|the union|the unions|staff side|the committee|the trade unions|our members)';

export const LEXICON: LexiconEntry[] = [
  // ---- support -------------------------------------------------------------------------------------------
  { phrase: `${SUBJECT} (fully |strongly |warmly |wholeheartedly |therefore |also |would |will |do |can )?support(?! (and|our|members|staff|you|them|colleagues|those|people|branches|reps|representatives))`, label: 'support', weight: 2, note: 'States support for the aim.' },
  { phrase: 'supports (this|the|these|that|it|its|both|all|a|an|such)', label: 'support', weight: 2, note: 'The union (by name) supports the aim.' },
  { phrase: '(fully|strongly|wholeheartedly) (support|supports|endorse|endorses)', label: 'support', weight: 2.5, note: 'Support, stated with emphasis.' },
  { phrase: '(support|supports) (it|this|them) fully', label: 'support', weight: 2.5, note: 'Support, stated with emphasis.' },
  { phrase: `${SUBJECT} (fully |warmly |also |would |therefore )?welcome (this|the|these|that|it|its|both|all|a|an|such|any|moves?|proposals?|plans?|changes?|commitments?|news)`, label: 'support', weight: 1.5, note: 'Welcomes the aim.' },
  { phrase: 'welcomes (this|the|these|that|it|its|both|all|a|an|such|any)', label: 'support', weight: 1.5, note: 'The union (by name) welcomes the aim.' },
  { phrase: 'welcome (this|these|that|it|the|its|any|such)', label: 'support', weight: 1, note: 'Welcomes the aim (or, negated, "would not welcome" it).' },
  { phrase: '(is|are|was|were|be) (very |most |particularly |certainly )?welcome', label: 'support', weight: 1.5, note: 'Calls the aim welcome.' },
  { phrase: '(a|is a) (very |most )?welcome (step|change|move|development|commitment|proposal|decision|improvement)', label: 'support', weight: 1.5, note: 'Calls the aim a welcome step.' },
  { phrase: 'no (issues?|objections?|concerns?|problems?|difficulty|difficulties) (with|to|about|over)', label: 'support', weight: 2.5, note: '"No issues with" is agreement: the negation is part of the phrase.', negatable: false },
  { phrase: '(have|has|raise|raises) no (objection|objections|issue|issues|concerns?)', label: 'support', weight: 2.5, note: 'States it has no objection.', negatable: false },
  { phrase: `${SUBJECT} (fully |also |broadly )?(agree|agrees) (with|that)`, label: 'support', weight: 1.5, note: 'States agreement.' },
  { phrase: '(agree|agrees) with (this|the) (aim|proposal|objective|change|approach|plan)', label: 'support', weight: 2, note: 'Agrees with the aim.' },
  { phrase: `${SUBJECT} (are|is|am) (happy|content|pleased|glad) (with|to support|to agree|to see|that)`, label: 'support', weight: 1.5, note: 'Says it is content with the aim.' },
  { phrase: '(makes|make) (good )?sense', label: 'support', weight: 1, note: 'Finds the aim sensible.' },
  { phrase: '(something|what|one) (members|the branch|we|our members|staff) (have|has) (long )?(asked|called|pressed|pushed|campaigned|argued|been waiting) for', label: 'support', weight: 1.5, note: 'The aim is something the union asked for.' },
  { phrase: '(has|have) (long )?(called|asked|argued|pressed|pushed|campaigned) for', label: 'support', weight: 1, note: 'The union has long asked for what the aim offers.' },
  { phrase: '(members|we|staff) have been waiting for', label: 'support', weight: 1.5, note: 'The aim is what members have been waiting for.' },
  { phrase: `${SUBJECT} (can |would |will |also )?accept (this|the need|the case|the principle|that some|the proposal|these)`, label: 'support', weight: 1, note: 'Accepts the aim: agreement, often grudging.' },
  { phrase: `${SUBJECT} (can |would |will |also |broadly )?accepts? (that|this|the|these|it)`, label: 'support', weight: 1, note: 'Accepts the aim, or the case for it: agreement, often grudging.' },
  { phrase: '(do|does|did|would|will) not (object|oppose)', label: 'support', weight: 1.5, note: '"Does not object" is agreement, at arm\'s length.', negatable: false },
  { phrase: `${SUBJECT} (are|is|remain|remains|would be) (open|receptive) to`, label: 'support', weight: 1, note: 'Open to the aim: agreement in principle.' },
  { phrase: 'accept the case for', label: 'support', weight: 1, note: 'Accepts the case for the aim.' },
  { phrase: `${SUBJECT} (fully |do |can )?(understand|recognise|recognize|appreciate|see) (why|the need|the reasons?|the wish|the pressures?|the case|the desire|the aim)`, label: 'support', weight: 0.8, note: 'Grants the aim its purpose: agreement of a kind, usually followed by "but".' },
  { phrase: '(members|staff|we) (want|would like) (that|this) too', label: 'support', weight: 0.8, note: 'Shares the aim\'s purpose.' },
  { phrase: 'can see the case for', label: 'support', weight: 1, note: 'Sees the case for the aim.' },
  { phrase: '(we|i|members|the branch) (would |will )?endorse', label: 'support', weight: 2, note: 'Endorses the aim.' },
  { phrase: 'in favour of', label: 'support', weight: 1.5, note: 'Is in favour of the aim.' },
  { phrase: '(positive|sensible|good|right) (step|move|change|development|idea|approach)', label: 'support', weight: 1, note: 'Calls the aim a good step.' },
  { phrase: `${SUBJECT} (fully |strongly |warmly |wholeheartedly |therefore |also |would |will |do |can )?back (it|this|the|these|that|them|both|all|its|such|any)`, label: 'support', weight: 2, note: 'Backs the aim: support.' },
  { phrase: '(back|backs) (it|this|them|the proposal|the plan|the change) (fully|wholeheartedly|completely|entirely|unreservedly)', label: 'support', weight: 2.5, note: 'Backs the aim fully.', unreserved: true },
  { phrase: '(full|our|strong|wholehearted|unreserved|firm) (backing|support|endorsement) (for|of|to)', label: 'support', weight: 2, note: 'Gives the aim its backing.' },
  { phrase: '(is|are|was|were|be) (very |really |genuinely )?(good|great|excellent|positive|welcome) news', label: 'support', weight: 2, note: 'Calls the aim good news.' },
  { phrase: 'good news for', label: 'support', weight: 1.5, note: 'Calls the aim good news.' },
  { phrase: '(happy|pleased|glad|delighted|content) to (support|agree|endorse|back|accept|see|welcome|sign up)', label: 'support', weight: 2, note: 'Glad to agree to the aim.' },
  { phrase: '(pleased|delighted|glad) (that|with|by|about)', label: 'support', weight: 1.5, note: 'Pleased with the aim.' },
  { phrase: '(content|comfortable) with (this|the|these|that|it|its|both|all|such)', label: 'support', weight: 1.5, note: 'Content with the aim.' },
  { phrase: '(agree|agrees) with (this|these|that) (proposals?|plans?|changes?|recommendations?)', label: 'support', weight: 2, note: 'Agrees with the aim.' },
  { phrase: '(endorse|endorses) (this|the|these|that|it|its|both|all)', label: 'support', weight: 2, note: 'Endorses the aim.' },
  { phrase: 'without (any )?(reservation|reservations|hesitation|qualification|qualifications|reserve)', label: 'support', weight: 3, note: 'Agreement without reservation: unqualified support.', negatable: false, unreserved: true },
  { phrase: '(wholeheartedly|unreservedly|unequivocally|unconditionally) (support|supports|welcome|welcomes|agree|agrees|accept|accepts|endorse|endorses|back|backs)', label: 'support', weight: 3, note: 'Unqualified support.', unreserved: true },
  { phrase: '(support|supports|welcome|welcomes|endorse|endorses|back|backs) (it|this|them|the proposal|the plan|the change|the aim) (wholeheartedly|unreservedly|unequivocally|unconditionally)', label: 'support', weight: 3, note: 'Unqualified support.', unreserved: true },
  { phrase: 'step in the right direction', label: 'support', weight: 1, note: 'Calls the aim a step in the right direction.' },

  // ---- qualified ----------------------------------------------------------------------------------------
  { phrase: 'in principle', label: 'qualified', weight: 2, note: '"In principle" is agreement held back: conditions or concerns follow.' },
  { phrase: `${SUBJECT} (fully |also |do |can )?(agree|agrees) with the (sentiment|principle|aim|intention|thinking|spirit)`, label: 'qualified', weight: 2.5, note: 'Agrees with the sentiment or principle only, which in a response signals "but …".' },
  { phrase: '(prepared|willing|ready) to (support|accept|agree to) ([a-z-]+ ){0,3}on (conditions|certain conditions|the following conditions|terms|strict conditions)', label: 'qualified', weight: 2.5, note: 'Willing to agree, on conditions: agreement held back.' },
  { phrase: '(agree|agrees|agreeing) with the sentiment', label: 'qualified', weight: 2.5, note: 'Agrees with the sentiment, which in a response signals "but …".' },
  { phrase: `${SUBJECT} (fully |would |also |can )?(welcome|support|accept|agree with) the principle`, label: 'qualified', weight: 2, note: 'Agrees with the principle only.' },
  { phrase: '(welcome|welcomes|support|supports|accept|accepts|agree with) the principle', label: 'qualified', weight: 2, note: 'Agrees with the principle only.' },
  { phrase: '(broadly|cautiously|conditionally|partly) (support|supports|welcome|welcomes|agree|agrees|accept|accepts)', label: 'qualified', weight: 2, note: 'Agreement with a limit on it.' },
  { phrase: '(one|some|a number of|several|two|serious) reservations?', label: 'qualified', weight: 2, note: 'Names reservations beside agreement.' },
  { phrase: 'with (some |serious |certain )?reservations', label: 'qualified', weight: 2, note: 'Agrees with reservations.' },
  { phrase: 'not opposed (to|in principle)', label: 'qualified', weight: 1.5, note: 'Not opposed: agreement at arm\'s length.', negatable: false },

  // ---- concern ------------------------------------------------------------------------------------------
  { phrase: '(significant|serious|real|grave|deep|major|considerable|genuine|very real|strong|particular|ongoing|continuing|growing) concerns?', label: 'concern', weight: 2, note: 'Raises concerns without taking a position.' },
  { phrase: '(have|has|share|shares|raised|raise) (some |a number of |several )?concerns?', label: 'concern', weight: 1.5, note: 'Raises concerns.' },
  { phrase: 'concerns? (about|over|that|regarding|remain)', label: 'concern', weight: 1.5, note: 'Raises concerns.' },
  { phrase: '(are|is|am|remain|remains) (deeply |very |extremely |particularly |increasingly |gravely )?(concerned|worried|anxious|uneasy)', label: 'concern', weight: 2, note: 'Says the union is worried.' },
  { phrase: '(are|is|am) not (at all )?(concerned|worried) (about|by|with)', label: 'support', weight: 1, note: 'Not concerned: no objection.', negatable: false },
  { phrase: '(deeply|very|extremely|particularly) (concerned|worried|troubled)', label: 'concern', weight: 2, note: 'Says the union is worried.' },
  { phrase: '(worried|fear|fears|afraid) (that|about|of|for)', label: 'concern', weight: 1, note: 'Names a fear about the aim.' },
  { phrase: 'right to fear', label: 'concern', weight: 1.5, note: 'Names a fear about the aim.' },
  { phrase: '(risks?|risking) (losing|undermining|damaging|leaving|creating|pushing)', label: 'concern', weight: 1, note: 'Names a risk in the aim.' },
  { phrase: 'at risk', label: 'concern', weight: 1, note: 'Names something the aim puts at risk.' },
  { phrase: '(have|has) not (yet )?(seen|received|had sight of|been (given|provided|shown|sent))', label: 'concern', weight: 2, note: 'Has not seen the detail: no position yet, a request implied.', negatable: false },
  { phrase: 'not yet seen', label: 'concern', weight: 2, note: 'Has not seen the detail.', negatable: false },
  { phrase: 'no (details|detail|information|evidence|data|business case|analysis|assessment|figures) (has|have) (yet )?been', label: 'concern', weight: 1.5, note: 'Nothing has been provided to judge the aim by.', negatable: false },
  { phrase: '(needs?|need) (more|further) (detail|details|information|work|thought)', label: 'concern', weight: 1.5, note: 'Says the aim is not yet worked out.' },
  { phrase: '(is|are|remains|remain) (unclear|not clear)', label: 'concern', weight: 1, note: 'Says the aim is unclear.' },
  { phrase: '(does|do|will) nothing (for|to)', label: 'concern', weight: 1.5, note: 'Says the aim fails someone.', negatable: false },
  { phrase: 'before (we|the branch|the union|members) (can|could|would|will) (support|agree|accept)', label: 'concern', weight: 1.5, note: 'Support withheld until something is done: no position yet.', negatable: false },
  { phrase: '(raise|raises|raising) (real |serious |significant )?(questions|doubts)', label: 'concern', weight: 1.5, note: 'Raises questions about the aim.' },
  { phrase: '(questions|doubts) (about|over|remain)', label: 'concern', weight: 1, note: 'Raises questions about the aim.' },
  { phrase: 'is (far )?(too|more than|higher than|stricter than)', label: 'concern', weight: 0.7, note: 'Says the aim goes too far.' },

  // ---- mixed: no single view -----------------------------------------------------------------------------
  { phrase: '(members|views|opinions|staff|members\' views|the membership) (are|is|remain|were) (divided|mixed|split)', label: 'mixed', weight: 2.5, note: 'No single view: the union takes no position.' },
  { phrase: 'mixed (views|messages|feelings|reactions?|response)', label: 'mixed', weight: 2, note: 'Mixed views or messages: no position.' },
  { phrase: '(take|form|reach|give) a (view|position)', label: 'mixed', weight: 2, note: 'Says it cannot yet take a view.' },
  { phrase: '(cannot|can\'t|unable to|not able to|not in a position to) (comment|respond|say)', label: 'mixed', weight: 2, note: 'Cannot comment yet: no position.', negatable: false },
  { phrase: 'until (we|the branch|the union) (have|has|receive|receives|see|sees)', label: 'mixed', weight: 1.5, note: 'Withholds a view until it has information.', negatable: false },

  // ---- requests -----------------------------------------------------------------------------------------
  { phrase: '(we|the branch|the union|members) (would |therefore |also |again )?(ask|request|asked|requested) (for|that|to see|to be|the|how|whether|what|why|when)', label: 'request', weight: 1, note: 'Asks for something: information, a document, a step.' },
  { phrase: '(ask|asks|asking|call|calls) (on )?the (trust|council|university|service|agency|employer|department|board|school|trust|directorate|region|hmpps|government) to (set out|explain|share|confirm|publish|provide|clarify|commit)', label: 'request', weight: 1, note: 'Asks the employer to explain or commit.' },
  { phrase: '(seek|seeks|seeking|sought) (clarification|assurance|assurances|information|details|confirmation)', label: 'request', weight: 1.5, note: 'Seeks clarification.' },
  { phrase: '(ask|asks|asked|asking) for (clarification|details|information|a copy|copies|sight of)', label: 'request', weight: 1.5, note: 'Asks for clarification or papers.' },
  { phrase: '(would|will|we) (need|want|wish|like) to (see|know|understand|receive|have sight of|agree)', label: 'request', weight: 1, note: 'Wants to see something first.' },
  { phrase: '(we|members) (also )?want to know', label: 'request', weight: 1, note: 'Wants to know more.' },
  { phrase: 'we would like', label: 'request', weight: 0.5, note: 'Asks for something.' },

  // ---- conditions ---------------------------------------------------------------------------------------
  { phrase: 'must (not )?(be|become|remain|have|include|deal|reflect|come|apply|go|take)', label: 'condition', weight: 1, note: 'Sets a condition on the aim.', negatable: false },
  { phrase: '(provided|providing) (that|the|there|no|all|any|this|these|it|they|we|members|staff|each|every|both)', label: 'condition', weight: 0.5, note: 'A condition attached to agreement (often on a detail, such as a date, rather than the aim itself: on its own it does not qualify support).' },
  { phrase: '(as long as|so long as|on condition that|only if|only where|subject to|conditional on|dependent on|on the understanding that)', label: 'condition', weight: 0.8, note: 'A condition attached to agreement.', explicit: true },
  { phrase: '(we|the branch|the union|members) (would|will|do) expect', label: 'condition', weight: 1, note: 'States what the union expects in return.' },
  { phrase: '(written|firm|cast-iron) (assurance|assurances|guarantee|guarantees|commitment)', label: 'condition', weight: 1, note: 'Wants a guarantee before agreeing.' },
  { phrase: '(would|will) (need|have) to be (properly |fully |adequately )?(resourced|negotiated|agreed|funded|voluntary|recognised)', label: 'condition', weight: 1, note: 'Sets a condition on the aim.', negatable: false },
  { phrase: '(should|must) (only )?be voluntary', label: 'condition', weight: 1, note: 'Agreement only on a voluntary basis.', negatable: false },

  // ---- contrast -----------------------------------------------------------------------------------------
  { phrase: 'but', label: 'contrast', weight: 1, note: 'A contrast: what follows a welcome may be a reservation.', negatable: false },
  { phrase: 'however', label: 'contrast', weight: 1, note: 'A contrast: what follows a welcome may be a reservation.', negatable: false },
  { phrase: '(although|though|while|whilst|nevertheless|nonetheless|yet)', label: 'contrast', weight: 0.7, note: 'A contrast: agreement with a reservation.', negatable: false },

  // ---- oppose -------------------------------------------------------------------------------------------
  { phrase: `${SUBJECT} (strongly |firmly |fundamentally |will |would |continue to |therefore )?oppose`, label: 'oppose', weight: 3, note: 'States opposition.' },
  { phrase: 'opposes (the|this|these|that|any|both|all|its)', label: 'oppose', weight: 3, note: 'The union (by name) opposes the aim.' },
  { phrase: '(is|are|remain|remains|firmly|strongly) (strongly |firmly |fundamentally |totally |wholly )?opposed( to)?', label: 'oppose', weight: 3, note: 'States opposition.' },
  { phrase: '(cannot|can\'t|can not|will not|won\'t|do not|don\'t|does not|doesn\'t|could not|would not) (accept|agree|support|endorse|countenance|sign up)', label: 'oppose', weight: 3, note: 'Refuses the aim.', negatable: false },
  { phrase: '(totally|wholly|completely|entirely|utterly|simply|clearly|absolutely) (unacceptable|unrealistic|unworkable|inappropriate|unjustified|unjustifiable|unfair|wrong|unreasonable|unsafe|impractical|untenable|unsustainable)', label: 'oppose', weight: 3.5, note: 'Rejects the aim, with emphasis.' },
  { phrase: '(unacceptable|unworkable|untenable|unjustifiable)', label: 'oppose', weight: 2.5, note: 'Rejects the aim.' },
  { phrase: 'not (acceptable|workable|realistic|achievable|justified|safe|appropriate)', label: 'oppose', weight: 2.5, note: 'Rejects the aim.', negatable: false },
  { phrase: 'unrealistic', label: 'oppose', weight: 2, note: 'Disputes the aim as unrealistic.' },
  { phrase: '(reject|rejects|rejected|rejecting)', label: 'oppose', weight: 3, note: 'Rejects the aim.' },
  { phrase: '(disagree|disagrees|disagreement)', label: 'oppose', weight: 2.5, note: 'Disagrees with the aim.' },
  { phrase: '(will|shall) (resist|fight|challenge|oppose)', label: 'oppose', weight: 2.5, note: 'Will resist the aim.' },
  { phrase: '(call|calls|ask|asks|urge|urges) (on )?(the )?(\\w+ )?(to )?(withdraw|abandon|drop|scrap|rethink|reconsider)', label: 'oppose', weight: 3, note: 'Asks the employer to withdraw the aim.' },
  { phrase: '(withdraw|abandon|scrap|drop) (the|this|these) (proposals?|plans?|aim|change)', label: 'oppose', weight: 2.5, note: 'Asks for the aim to be withdrawn.' },
  { phrase: '(the|our|members\' ) (answer|response|reply|position) (is|was|remains|will be) (a |an )?(firm |clear |simple |emphatic |flat |straightforward )?no', label: 'oppose', weight: 3, note: 'Says no to the aim.', negatable: false },
  { phrase: '(say|says|said|saying) no to', label: 'oppose', weight: 2.5, note: 'Says no to the aim.', negatable: false },
  { phrase: `${SUBJECT} (strongly |firmly |fundamentally |must |therefore )?(object|objects) to`, label: 'oppose', weight: 3, note: 'Objects to the aim.' },
  { phrase: '(strongly|firmly|fundamentally|vigorously) (object|objects|objected|disagree|disagrees)', label: 'oppose', weight: 3, note: 'Objects to the aim, with emphasis.', negatable: false },
  { phrase: `${SUBJECT} (will|shall|would|could|can) (never|not) (agree|accept|support|consent)`, label: 'oppose', weight: 3, note: 'Refuses the aim.', negatable: false },
  { phrase: '(will|would|shall) never (agree|accept|support|consent)', label: 'oppose', weight: 3, note: 'Refuses the aim.', negatable: false },
  { phrase: 'not in the spirit of', label: 'oppose', weight: 1.5, note: 'Says the aim runs against commitments made.', negatable: false },
  { phrase: 'no case for', label: 'oppose', weight: 2, note: 'Disputes the case for the aim.', negatable: false },
  { phrase: '(cannot|can\'t|could not) be (justified|defended)', label: 'oppose', weight: 2.5, note: 'Disputes the aim.', negatable: false },
  { phrase: 'not (in the )?(best )?interests? of', label: 'oppose', weight: 2, note: 'Says the aim harms those it affects.', negatable: false },

  // ---- process: remarks about consultation, set aside when the passage speaks to the aim -----------------
  { phrase: 'not in the spirit of (meaningful |proper |genuine )?(consultation|partnership|engagement)', label: 'process', leans: 'oppose', weight: 2, note: 'About how the employer consulted, not the aim itself.', negatable: false },
  { phrase: '(failure|lack|absence) of (proper |appropriate |meaningful |any |genuine |real |adequate )?(trade union |union )?(consultation|engagement|involvement|negotiation)', label: 'process', leans: 'oppose', weight: 2, note: 'About how the employer consulted, not the aim itself.', negatable: false },
  { phrase: '(failure|failing) to (consult|discuss|inform|involve|engage)', label: 'process', leans: 'oppose', weight: 2, note: 'About how the employer consulted, not the aim itself.', negatable: false },
  { phrase: '(totally|wholly|completely) unacceptable (practice|behaviour|conduct|way to treat)', label: 'process', leans: 'oppose', weight: 2, note: 'Criticises the employer\'s conduct, not the aim itself.', negatable: false },
  { phrase: 'unacceptable (practice|behaviour|conduct)', label: 'process', leans: 'oppose', weight: 2, note: 'Criticises the employer\'s conduct, not the aim itself.', negatable: false },
  { phrase: '(was|were|has|have|had) not (been )?(officially |formally |properly )?(consulted|informed|involved|told|invited|notified)', label: 'process', leans: 'concern', weight: 1.5, note: 'About how the union was involved, not the aim itself.', negatable: false },
  { phrase: 'the way (in which )?(this|it|the review|the programme|the change|these changes) (is|was|has been|are|were|have been) (being )?(done|run|handled|carried out|conducted|introduced|managed)', label: 'process', leans: 'concern', weight: 1.5, note: 'About how the aim is being handled, not the aim itself.', negatable: false },
  { phrase: 'without (proper |any |meaningful |adequate )?(consultation|engagement|notice|warning|discussion)', label: 'process', leans: 'concern', weight: 1.5, note: 'About how the employer consulted, not the aim itself.', negatable: false },
  { phrase: 'is not (the case|consultation|agreement|negotiation)', label: 'process', leans: 'oppose', weight: 1, note: 'Disputes what the employer said about the union\'s involvement.', negatable: false },
];

/** Words that turn a following cue round: "do not support", "not concerned". */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'cannot', "can't", "don't", "doesn't", "didn't", "won't", "isn't", "aren't", "wasn't",
  "weren't", "shouldn't", "wouldn't", "couldn't", 'nor', 'neither', 'hardly', 'unable',
]);
