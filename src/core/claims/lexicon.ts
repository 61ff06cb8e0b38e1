/**
 * The claim lexicon, as data: the words that place a statement on the ladder of involvement, the words that
 * name a union party or a joint forum, and the words that make a statement evidence. Each entry has a comment
 * saying why it is there (a comment rather than a field: nothing reads it at run time, so the bundles need not
 * carry it). Patterns are written here, by the project, and compiled once at module load; phrases from user
 * settings never become patterns (see `literalPattern`).
 *
 * Trigger and evidence patterns are matched against lower-cased text with straight quotes. Every pattern is a
 * plain alternation of literals with bounded optional parts: no nested quantifiers, so matching is linear.
 */
import type { Rung } from '../contract';
import { spaced } from './compact';

/** A regular expression with its spaces widened to any run of white space. */
function spacedRe(re: RegExp): RegExp {
  return new RegExp(spaced(re.source), re.flags);
}

/**
 * How a trigger relates to its union party:
 * - `verb`: a verb or participle; the party is its object ("consulted the unions"), follows a linking
 *   preposition ("agreed with staff side"), or is its subject ("UNISON has agreed").
 * - `noun`: a noun of involvement ("negotiations with the unions", "trade union consultation").
 * - `stance`: a union's position ("the unions support", "staff side are content"); the party must be the
 *   subject or follow "by"/"of" ("supported by the unions", "with the backing of staff side"). Never read as a
 *   claim in the union's own response, where it is the union's stance on an aim.
 */
export type TriggerKind = 'verb' | 'noun' | 'stance';

export interface TriggerEntry {
  id: string;
  pattern: string;
  rung: Rung;
  kind: TriggerKind;
  /** Why the entry is there (the entries below say it in a comment). */
  note?: string;
  /** The phrase names the union side by itself ("collective agreement", "formal consultation"). */
  selfParty?: boolean;
}

/**
 * Unions by name, as they write it (capitals matter: "Unite" is a union, "unite" a verb). The one list: the
 * parties above, the names a claim's clause gives, a response's author, and the words that carry no topic.
 */
export const UNION_NAMES: readonly string[] = [
  'Napo', 'NAPO', 'UNISON', 'Unison', 'GMB', 'SCOOP', 'Unite', 'PCS', 'RCN', 'RCM', 'BMA', 'UCU', 'NEU', 'NASUWT', 'NAHT', 'ASCL',
  'EIS', 'POA', 'PGA', 'FDA', 'Prospect', 'CWU', 'RMT', 'ASLEF', 'TSSA', 'Usdaw', 'USDAW', 'NIPSA', 'CSP', 'SoR', 'HCSA', 'BDA',
  'Equity', "Musicians' Union", 'NUJ', 'BECTU', 'Bectu', 'UCATT', 'ATL', 'NUT', 'Aegis', 'ISU', 'NUM', 'BFAWU', 'FBU', 'FOA', 'FRSA',
  'PFEW', 'NGSU',
];

export const TRIGGERS: TriggerEntry[] = [
  // agreed
  // Acceptance in a ballot of union members: a claim of agreement that carries its own evidence (the ballot result).
  { id: 'ballot-accept', pattern: "(?:accepted|endorsed|approved|ratified|agreed|backed|supported) (?:by (?:[a-z'-]+ ){0,3}(?:members|membership|the workforce) )?(?:in|through|via|at) (?:a|an|the|their|its) (?:[a-z-]+ ){0,2}ballot|(?:accepted|endorsed|approved|ratified|backed) (?:the |this |that |an |a )?(?:[a-z-]+ ){0,3}(?:offer|deal|agreement|proposals?|package|settlement|framework|changes) (?:in|through|via|at) (?:a|an|the|their|its) (?:[a-z-]+ ){0,2}ballot|members (?:have |had )?voted (?:overwhelmingly |narrowly |unanimously |decisively |clearly )?(?:to accept|to endorse|in favour)|ballot(?:ed)? (?:result )?(?:was )?in favour|balloted (?:their |its )?members,? who (?:voted to accept|accepted|voted in favour)", rung: 'agreed', kind: 'verb', selfParty: true },
  // Joint agreement: the strongest claim.
  { id: 'jointly-agreed', pattern: 'jointly agreed|agreed jointly', rung: 'agreed', kind: 'verb' },
  // A collective agreement is made with the unions by definition; it should be signed and dated.
  { id: 'collective-agreement', pattern: 'collective agreements?', rung: 'agreed', kind: 'noun', selfParty: true },
  // "agreed with the trade unions": what later gets cited as the unions' consent.
  { id: 'agree', pattern: 'agreed|agrees|agree|agreeing', rung: 'agreed', kind: 'verb' },
  // "agreement with staff side", "reached agreement".
  { id: 'agreement', pattern: 'agreements?|in agreement', rung: 'agreed', kind: 'noun' },
  // Signing is agreement; a signed document should be named and dated.
  { id: 'signed', pattern: 'signed off|signed up to|signed up|signed|sign-off|sign off|signatories|signatory', rung: 'agreed', kind: 'verb' },
  // Endorsement by a joint forum or the unions.
  { id: 'ratified', pattern: 'ratified|ratification|endorsed|endorsement|endorses|endorse|approved by|approval of', rung: 'agreed', kind: 'verb' },
  // "UNISON has accepted the offer".
  { id: 'accepted', pattern: 'accepted|accepts|acceptance', rung: 'agreed', kind: 'verb' },
  // "the unions share our view that …": the unions' assent to the employer's position, read as agreement.
  { id: 'share-view', pattern: "shares?(?: fully| entirely| broadly)? (?:our|your|this|that|its|the(?: [a-z'-]+){0,2}) (?:views?|assessment|analysis|position|conclusions?|concerns?|understanding|objectives?|aims?|ambitions?|commitment)", rung: 'agreed', kind: 'stance' },
  // "the unions broadly support": presented as consent, so read as a claim of agreement.
  { id: 'support', pattern: 'supportive|supports|supported|support|backing|backed', rung: 'agreed', kind: 'stance' },
  // "staff side are content": a claim about the unions' position, read as agreement.
  { id: 'content', pattern: 'content with|content that|content|on board|happy with|comfortable with|satisfied with|no objections?|welcomed|welcomes|welcome', rung: 'agreed', kind: 'stance' },
  // negotiated
  // Negotiation aims at agreement; it is more than consultation.
  { id: 'negotiate', pattern: 'negotiated|negotiating|negotiates|negotiate|negotiations?', rung: 'negotiated', kind: 'verb' },
  // "talks with a view to agreement" is the language of negotiation.
  { id: 'talks', pattern: 'talks with a view to(?: reaching)? (?:an )?agreement|pay talks|talks', rung: 'negotiated', kind: 'noun' },
  // Collective bargaining is negotiation with the unions.
  { id: 'collective-bargaining', pattern: 'collective bargaining', rung: 'negotiated', kind: 'noun', selfParty: true },
  // Bargaining is negotiation.
  { id: 'bargaining', pattern: 'bargaining', rung: 'negotiated', kind: 'noun' },
  // consulted
  // Formal, collective or statutory consultation is consultation with the unions (or elected representatives).
  { id: 'formal-consultation', pattern: '(?:formal|collective|statutory|meaningful|collective redundancy|redundancy) consultation|(?:section|s\\.) ?188 consultation|s188 consultation|consultation under (?:section|s\\.) ?188|consultation with a view to (?:reaching )?(?:an )?agreement', rung: 'consulted', kind: 'noun', selfParty: true },
  // Consultation: plans put to the union for comment before a decision. Not agreement.
  { id: 'consult', pattern: 'consulted|consulting|consults|consult|consultations?|consultative', rung: 'consulted', kind: 'verb' },
  // Views sought before a decision: consultation.
  { id: 'views', pattern: 'sought the views of|sought views from|sought their views|sought the unions\' views|views of|for comments?|for their comments|for their views|for feedback|taken into account the views|views|comments|opportunity to comment|chance to comment|invited to comment|asked to comment|able to comment|opportunity to respond|opportunity to feed in|opportunity to give (?:their )?views', rung: 'consulted', kind: 'noun' },
  // engaged
  // "engagement sessions": a weak word; it says nothing about what the unions could change.
  { id: 'engage', pattern: 'engaged|engaging|engages|engage|engagements?', rung: 'engaged', kind: 'verb' },
  // "worked with the unions": engagement, not consultation.
  { id: 'work-with', pattern: 'worked (?:closely |jointly |together |collaboratively |constructively |hard )?(?:with|alongside)|working (?:closely |jointly |together |collaboratively |constructively )?(?:with|alongside)|work (?:closely |jointly |together |collaboratively |constructively )?(?:with|alongside)', rung: 'engaged', kind: 'verb' },
  // "discussed with staff side": a meeting, not consultation.
  { id: 'discuss', pattern: 'discussed|discussing|discusses|discuss|discussions?', rung: 'engaged', kind: 'verb' },
  // "the unions have been involved": engagement at most.
  { id: 'involve', pattern: 'involved|involvement|involving|involve', rung: 'engaged', kind: 'verb' },
  // Meetings alone are not consultation.
  { id: 'meet', pattern: 'met with|met|meetings? with|meeting with', rung: 'engaged', kind: 'verb' },
  // "in partnership with staff side": a weak word unless a forum and date are given.
  { id: 'partnership', pattern: 'in partnership with|in partnership|partnership working|social partnership|working in partnership|partnership with', rung: 'engaged', kind: 'noun' },
  // Collaboration: engagement.
  { id: 'collaborate', pattern: 'collaborated|collaborating|collaboration|collaborate|co-designed|co-design|co-produced|co-production|co-created', rung: 'engaged', kind: 'verb' },
  // Conversation and feedback: engagement.
  { id: 'dialogue', pattern: 'dialogue|conversations? with|talking with|talking to|talked with|talked to|spoken with|spoke with|speaking with|liaised|liaising|liaison|listened (?:carefully |closely |hard )?to|listening to|heard from|sat on|sit on|sits on|sitting on|represented on|represented at|representation on|seats? on|input from|input of|feedback from|feedback of|their feedback|gave feedback|given feedback|provided feedback|workshops? with|took part|taken part|participated|participation|contributed|contribution|attended|present at|in attendance|joint working group|joint working party|joint working|working group|working party', rung: 'engaged', kind: 'noun' },
  // informed
  // "informed": told, often after the fact.
  { id: 'inform', pattern: 'informed|informing|inform', rung: 'informed', kind: 'verb' },
  // "briefed": told, not asked.
  { id: 'brief', pattern: 'briefed|briefing|briefings', rung: 'informed', kind: 'verb' },
  // "shared with the unions": for information.
  { id: 'share', pattern: 'shared|sharing|shares|share', rung: 'informed', kind: 'verb' },
  // "made aware", "aware of", "copied in": told, after the fact.
  { id: 'made-aware', pattern: 'made aware|make aware|making aware|fully aware of|aware of|copied into|copied in', rung: 'informed', kind: 'verb' },
  // Notification: informed.
  { id: 'notify', pattern: 'notified|notification|notify', rung: 'informed', kind: 'verb' },
  // Told or sent something: informed.
  { id: 'tell', pattern: 'told|updated|kept abreast|kept apprised|kept appraised|in the loop|advised|presented to|presentation to|presented at|tabled|demonstrated to|demonstration to|shown to|shown|sighted|noted by|circulated to|sent to|written to|wrote to|given sight of|had sight of|sight of|given (?:the |any |full )?information|provided with (?:the |any )?information|given|sent|provided|copied to', rung: 'informed', kind: 'verb' },
];

/** Clauses and words that make a sentence hedged: a belief is not evidence. */
export const HEDGE_PHRASES = [
  'we believe', 'i believe', 'we understand', 'i understand', 'it is understood', 'our understanding', 'my understanding',
  'we are confident', 'i am confident', 'we are sure', 'we trust', 'we think', 'we feel', 'we consider', 'we assume',
  'broadly', 'largely', 'in principle', 'generally', 'appear to', 'appears to', 'seem to', 'seems to', 'by and large',
  'we are told', 'we gather', 'to our knowledge', 'as far as we know', 'we are satisfied that',
];
export const HEDGES = new RegExp(`\\b(?:${HEDGE_PHRASES.map(spaced).join('|')})\\b`);

export interface PartyEntry {
  pattern: string;
  /** Acronyms and union names are matched with their capitals ("Unite", not "unite"). */
  caseSensitive: boolean;
  /** A joint forum, and what it can reach: a negotiating forum can agree, a consultative one can consult. */
  forum?: 'negotiating' | 'consultative';
}

export const PARTIES: PartyEntry[] = [
  // The trade unions, by any description.
  { pattern: "trade[- ]unions?(?! and labour| act\\b| congress)(?:' | side| colleagues| representatives| reps| officials)?", caseSensitive: false },
  // "the unions" (not the European Union, a students' union or a credit union).
  { pattern: '(?<!european |students\' |student |credit |customs |civil |soviet |postal |rugby |students |african )unions?(?! and labour| act\\b| congress)(?: side| colleagues| representatives| reps| officials| officers| convenors?)?', caseSensitive: false },
  // The NHS and local government name for the joint unions.
  { pattern: 'staff[- ]side(?: colleagues| representatives| reps| chair| secretary| lead)?', caseSensitive: false },
  // Other names for the union side.
  { pattern: 'tu (?:side|colleagues|representatives|reps|officials)|joint trade unions|joint unions|professional associations', caseSensitive: false },
  // The fire and rescue service's name for its unions (FBU, FOA, FRSA, UNISON).
  { pattern: 'representative bod(?:y|ies)', caseSensitive: false },
  // The union, addressed or described by its branch and representatives.
  { pattern: "your (?:trade union |union )?(?:representatives|reps)|union branch|local branch|your branch|the branch(?! librar| office| network| manager| closure| site| surgery| line| level| structure| staff| team)", caseSensitive: false },
  // Union officers by role.
  { pattern: 'branch (?:secretary|secretaries|officers|officials|chair|committee|executive)|shop stewards?|stewards|convenors?', caseSensitive: false },
  // A negotiating forum: where agreements between employer and unions are made.
  { pattern: 'national negotiating council|joint negotiating (?:and consultative )?committee|joint consultative and negotiating committee|joint consultation and negotiation committee|joint negotiating council|national joint council|(?:nhs )?staff council|whitley council|new jnches|local negotiating committee|joint (?:staff|negotiating) (?:committee|forum|council)', caseSensitive: false, forum: 'negotiating' },
  // A consultative forum: where plans are put to the unions for comment.
  { pattern: 'joint consultative (?:committee|forum|council)|joint staff consultative (?:committee|forum)|local joint committee|trade union liaison (?:group|meeting|forum)|(?:social |joint )?partnership (?:forum|board|committee|council)|joint (?:consultation|partnership) (?:committee|forum|group)', caseSensitive: false, forum: 'consultative' },
  // Negotiating forums by acronym.
  { pattern: 'NNC|JNCC|JNC|RJNC|LJNC|JLNC|NJC|LNC|JSNC|NHSSC|JNCHES', caseSensitive: true, forum: 'negotiating' },
  // Consultative forums by acronym.
  { pattern: 'JCC|JCNC|JSCC|LJCC|JCF|JPF|SPF|JCG', caseSensitive: true, forum: 'consultative' },
  // Trade Union Side and the unions by acronym.
  { pattern: 'TUS|DTUS|NTUS|JTU|JTUs|TUs|TU|TUC', caseSensitive: true },
  // Unions by name. Capitals matter: "Unite" is a union, "unite" a verb.
  { pattern: `(?:${UNION_NAMES.join('|')})(?: SCOOP|/APEX)?`, caseSensitive: true },
];

/** Words that, right after a union name, make it the members rather than the union ("UNISON members"). */
export const MEMBER_WORDS = new Set(['members', 'member', 'membership', 'activists', 'learners']);

/** Pronouns that stand for the union in the union's own response. */
export const RESPONSE_SELF = spacedRe(/\b(?:we|us|our|ourselves|the branch|this branch|the branch committee|the district|the region)\b/g);

/** Negotiating forums reach agreement; consultative ones consultation; a plain meeting proves engagement only. */
export const FORUM_CAP: Record<'negotiating' | 'consultative' | 'meeting', Rung> = {
  negotiating: 'agreed',
  consultative: 'consulted',
  meeting: 'engaged',
};

export interface EvidenceEntry {
  id: string;
  pattern: string;
  rung: Rung;
  /** How the evidence is described in messages. */
  describe: string;
}

export const EVIDENCE: EvidenceEntry[] = [
  // An HR1 or s.188 letter starts statutory collective consultation "with a view to reaching agreement": it proves consultation started, not agreement.
  { id: 'hr1', pattern: 'hr1(?: form)?|section 188|s\\.? ?188|s188|tulrca|trade union and labour relations \\(consolidation\\) act|collective redundancy consultation', rung: 'consulted', describe: 'a section 188 notice (HR1)' },
  // TUPE regulation 13: information and consultation before a transfer.
  { id: 'tupe', pattern: 'regulation 13|reg\\.? 13|measures letter|tupe consultation|consultation under tupe|information and consultation under', rung: 'consulted', describe: 'TUPE regulation 13 information and consultation' },
  // A formal letter putting proposals to the unions for comment.
  { id: 'consultation-letter', pattern: '(?:formal |enclosed |attached |accompanying )?consultation (?:letter|document|paper|pack)|letter(?: of| dated)? [^.;]{0,40}?(?:opening|beginning|starting|launching|initiating) (?:formal |collective |statutory )?consultation|letter (?:formally )?(?:opening|beginning|starting|launching|initiating) (?:formal )?consultation|consultation (?:document|paper|pack) (?:was |were )?(?:issued|sent)|wrote formally|formal letter|formally wrote|formal notice', rung: 'consulted', describe: 'a formal consultation letter' },
  // A ballot accepting an offer proves agreement.
  { id: 'ballot', pattern: 'ballot result|balloted|ballot|voted to accept|voted in favour|members voted', rung: 'agreed', describe: 'a ballot result' },
  // A signed collective agreement proves agreement.
  { id: 'signed-agreement', pattern: 'signed collective agreement|signed agreement|collective agreement signed|agreement signed|signed by both|signed on|signed at|signed off at|signatories', rung: 'agreed', describe: 'a signed agreement' },
  // Minutes prove that a meeting happened, not what it agreed.
  { id: 'minutes', pattern: 'minutes|minuted|notes? of (?:the|each|every|all|our|that|those) meetings?|meeting notes|record of the meeting|action notes', rung: 'engaged', describe: 'minutes of a meeting' },
];

/** Phrases in a response that contradict a claim outright ("this is not the case"). */
export const DISPUTE_CUES = spacedRe(
  /\b(?:(?:this|that|it|which) (?:is|was) not (?:our|members'|the branch's|the union's|the unions') (?:experience|understanding|recollection)|(?:does|did|do) not (?:reflect|match|accord with) (?:our|members'|the) (?:experience|recollection|record)|(?:this|that|it|which) (?:is|was) (?:simply |just |certainly |categorically )?(?:not|n't) (?:the case|true|correct|accurate|right|so|what happened)|(?:that|this|it) (?:(?:did not|didn't) happen|never happened)|(?:is|was) not the case|not an accurate|inaccurate|incorrect|untrue|misleading|misrepresent\w*|(?:do|does|did) not recognise|don't recognise|(?:we|the branch|the union) (?:dispute|reject|refute|challenge|contest) (?:this|that|the (?:claim|assertion|suggestion|statement|description|characterisation))|none of us (?:had|has|have) (?:received|seen)|(?:did|do|have|had) not (?:have|had) sight of|never (?:received|saw|seen)|had not seen|have not seen|not been shown|nothing was agreed|no agreement (?:was|has been|had been) reached|never (?:agreed|consulted)|no such thing|nothing (?:was|has been|had been) (?:agreed|endorsed|approved|signed|decided|settled)|for information only|no such (?:agreement|consultation|meeting)|there (?:was|were|has been|have been|had been) no (?:contact|consultation|negotiations?|agreement|discussions?|engagement|involvement|meetings?))\b/g,
);

/** Words of reporting that, in the union's response, introduce the employer's words rather than the union's own. */
export const REPORTING_FRAME = spacedRe(
  /\b(?:(?:the|your|this|that|their|its|[a-z]+'s|[a-z]+s') (?:[a-z]+ )?(?:letter|document|paper|update|email|e-mail|briefing|statement|report|note|memo|bulletin|newsletter|announcement|presentation|slides|faqs?|website|intranet|business case|consultation document|proposals?|plan|reply|response) (?:also |now |then |simply |repeatedly |clearly )?(?:says|said|states|stated|claims|claimed|asserts|asserted|suggests|suggested|describes|described|tells us|told us|reports|reported|refers to|implies|implied|maintains|maintained|insists|insisted|presents|presented|characterises|characterised|portrays|portrayed|records|recorded|notes|noted|reads)|(?:managers|management|the employer|the trust|the council|the university|the department|the service|the school|the college|the company|the board|hmpps|hr|senior leaders|leaders|the director|the project team|some managers|divisional management teams|management teams|officers|ministers|the government|the chief executive|the principal|the vice-chancellor) (?:have |has |had |are |is |were |was |also |now |still |repeatedly |continue to |continues to )?(?:been )?(?:saying|said|say|says|stating|stated|state|states|claiming|claimed|claim|claims|suggesting|suggested|suggest|telling|told|tell|presenting|presented|present|describing|described|describe|asserting|asserted|assert|reporting|reported|briefing|briefed|maintain|maintains|maintained|maintaining|insist|insists|insisted|insisting|argue|argues|argued|arguing|contend|contends|contended|believe|believes|believed)|according to|it (?:has been|had been|was|is) (?:said|claimed|suggested|stated|asserted|put to us|reported|alleged)|we (?:were|are|have been|had been|was) (?:told|informed|advised|assured|given to understand)|we are told|(?:presented|described|characterised|portrayed|painted|depicted|billed|sold) (?:[a-z-]+ ){0,5}as|(?:presents|describes|characterises|portrays|paints|depicts|bills) (?:[a-z-]+ ){0,5}as)\b/g,
);

/**
 * Someone else's words reported by the union ("the Deputy Director told us that …", "HR wrote that …"): a reporting
 * verb and "that", or a quotation, after a speaker who is not the union itself. Tested on the text before the
 * involvement word; `SELF_SPEAKER` then checks who spoke.
 */
export const REPORTED_SPEECH = spacedRe(
  /\b(?:(?:told|informed|assured|advised|reminded|promised|wrote to|emailed|briefed|warned) (?:us|the branch|the union|members|staff|the committee|the meeting|the group|reps|representatives)(?: [a-z]+){0,3} (?:that|")|(?:says|said|saying|say|states|stated|stating|claims|claimed|claiming|claim|asserts|asserted|asserting|maintains|maintained|maintaining|insists|insisted|insisting|wrote|writes|argues|argued|arguing|contends|contended|suggests|suggested|suggesting|announced|announces|declared|explained|confirmed|added|replied|responded|stressed|repeated)(?: (?:to us|to the branch|to members|to staff|in (?:the|a|his|her|their|its) (?:meeting|letter|email|briefing|paper|statement|update)|at (?:the|a) meeting|again|publicly|repeatedly|yesterday|today|recently|openly))?(?: that| ":| "| :))/g,
);

/** A reporting verb's subject that is the union itself ("we said that …"), whose words are its own. */
export const SELF_SPEAKER = spacedRe(
  /\b(?:we|i|our|us|the union|the unions|the branch|the committee|the group executive|the executive|staff side|this branch|the trade unions|the joint unions)(?: (?:have|has|had|also|always|repeatedly|consistently|clearly|then|both|all|again|previously))*\s*$/,
);

/** Escapes a user's phrase so that it is matched as a literal, whatever characters it holds. */
export function literalPattern(phrase: string): string {
  return phrase
    .trim()
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&')
    .replace(/\s+/g, ' ');
}
