/**
 * The furniture of a letter: its title, header lines (addresses, dates, "To:" and "From:"), greeting, closing
 * courtesies, sign-off, signature and contact details. None of these states an aim or answers one.
 */
import type { Block, Doc } from '../document/model';

export type BlockRole =
  /** The document's title: a first-level heading before any prose. */
  | 'title'
  /** Address, date, "To:", "From:", "Re:" and similar lines before the letter proper. */
  | 'header'
  | 'greeting'
  /** "Thank you for your letter", "We look forward to meeting you": courtesy, not substance. */
  | 'courtesy'
  /** "Yours sincerely" and everything after it: names, posts, contact details. */
  | 'signoff'
  /** Contact details: e-mail addresses, telephone numbers, "please contact …". */
  | 'contact'
  | 'body';

const GREETING = /^(?:dear|to whom it may concern|hi|hello|good (?:morning|afternoon))\b/i;
const CLOSING =
  /^(?:yours(?: (?:sincerely|faithfully|truly|ever))?|(?:with )?(?:kind(?:est)?|best|warm(?:est)?|many)? ?(?:regards|wishes|thanks)|in solidarity|in unity|with thanks|thank you|sincerely|respectfully|cheers)\b[\s,.!]*$/i;
const HEADER_LINE = /^(?:to|from|date|dated|re|subject|ref|reference|our ref|your ref|cc|bcc|attn|for the attention of|by email|by e-mail|sent)\b\s*[:.]/i;
// The lookbehind starts a match only at the start of a run of address characters: without it, a long run with
// no '@' is scanned again from every position (quadratic).
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/;
const CONTACT_LEAD = /^(?:if you (?:would|'d|’d) like to (?:contact|get in touch)|for (?:further|more) (?:information|details)|please (?:contact|email|e-mail|call|write to)|contact:|email:|e-mail:|tel(?:ephone)?:|phone:|mobile:)/i;
const COURTESY_LEAD =
  /^(?:thank you|thanks|many thanks|(?:we|i) (?:look forward|would be (?:happy|glad|pleased) to (?:meet|discuss)|would welcome (?:a|the|an early) (?:meeting|opportunity to (?:meet|discuss)))|please do not hesitate|(?:we|i) hope (?:this|that this) (?:is|helps))/i;

/** Phrases that arrange a meeting, whose words would otherwise read as views ("welcome", "agree"). */
const MEETING_ARRANGEMENTS = /\bwelcome (?:a|the|an early) (?:meeting|opportunity to (?:meet|discuss))|\bagree (?:a|the) (?:time|date|venue)\b/gi;

/** The number of words (runs of characters other than white space) in a text, counting no further than `atMost`. */
function wordCount(text: string, atMost: number): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord && ++n >= atMost) return n;
    inWord = !space;
  }
  return n;
}

/** True for a block that reads as a sentence of prose: long enough, or ending like a sentence. */
function proseLike(block: Block): boolean {
  const t = block.text;
  const words = wordCount(t, 12);
  return words >= 12 || (words >= 5 && /[.!?:]["'”’)]*$/.test(t));
}

const THREE_DIGITS = /\d{3}/;

/** True for a short block that is contact details rather than prose. */
export function isContact(text: string): boolean {
  if (CONTACT_LEAD.test(text)) return true;
  // Neither an email address nor a telephone number without an @ or three digits in a row: no need to count.
  const at = text.includes('@');
  const digits = THREE_DIGITS.test(text);
  if (!at && !digits) return false;
  if (wordCount(text, 31) > 30) return false;
  return (at && EMAIL.test(text)) || (digits && PHONE.test(text));
}

/**
 * What `blockRoles` works out from one block's own text (see `AimsMemo`, which keeps it for the next version of
 * a letter while the block is unchanged). Each is worked out when first needed.
 */
export interface RoleFacts {
  greeting?: boolean;
  headerLine?: boolean;
  closing?: boolean;
  contact?: boolean;
  courtesy?: boolean;
  /** A short line that does not end like a sentence (a name or a post, in a signature). */
  signature?: boolean;
}

/**
 * Facts kept for one block at a time, when the caller keeps none: one object, emptied when another block is asked
 * about (an object per call was garbage for every block of a long document).
 */
function scratchFacts(): (block: number) => RoleFacts {
  let block = -1;
  const facts: RoleFacts = {};
  return (i) => {
    if (i !== block) {
      block = i;
      facts.greeting = facts.headerLine = facts.closing = facts.contact = facts.courtesy = facts.signature = undefined;
    }
    return facts;
  };
}

/** How each of `RoleFacts` is read from a block. */
export const ROLE_FACTS: { [K in keyof Required<RoleFacts>]: (doc: Doc, b: Block) => boolean } = {
  greeting: (_doc, b) => GREETING.test(b.text) && wordCount(b.text, 13) <= 12,
  headerLine: (_doc, b) => HEADER_LINE.test(b.text) || !proseLike(b),
  closing: (doc, b) => CLOSING.test(firstLine(doc, b)),
  contact: (_doc, b) => isContact(b.text),
  courtesy: (doc, b) => COURTESY_LEAD.test(b.text) && courtesyOnly(doc, b),
  signature: (_doc, b) => wordCount(b.text, 11) <= 10 && !/[.!?]["'”’)]*$/.test(b.text),
};

/**
 * The index of the document's title, or -1: its first level-1 heading, when it comes before any prose (header
 * lines such as "To:" and a greeting are not prose) and before any other heading. Reads no further than that.
 */
export function titleIndex(doc: Doc, facts?: (block: number) => RoleFacts): number {
  const factsOf = facts ?? scratchFacts();
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'heading') return (b.depth ?? 1) === 1 ? i : -1;
    if (b.quoteDepth > 0 || b.kind !== 'paragraph' || b.list) return -1;
    const f = factsOf(i);
    if (!(f.greeting ??= ROLE_FACTS.greeting(doc, b)) && !(f.headerLine ??= ROLE_FACTS.headerLine(doc, b))) return -1;
  }
  return -1;
}

/**
 * The role of every block of a document. Only blocks outside quotations are furniture; a heading is a title
 * only when it opens the document. `facts`, when given, keeps what is read from each block's own text.
 */
export function blockRoles(doc: Doc, facts?: (block: number) => RoleFacts): BlockRole[] {
  const factsOf = facts ?? scratchFacts();
  const blocks = doc.blocks;
  const roles: BlockRole[] = blocks.map(() => 'body');
  const n = blocks.length;
  const title = titleIndex(doc, factsOf);
  if (title >= 0) roles[title] = 'title';
  let firstProse = -1;
  for (let i = 0; i < n; i++) {
    const b = blocks[i];
    if (b.kind === 'heading') {
      if (i !== title && firstProse < 0) {
        // A section heading: the letter proper has begun, whatever its first paragraph looks like.
        firstProse = i;
      }
      continue;
    }
    if (b.quoteDepth === 0 && b.kind === 'paragraph' && !b.list) {
      const f = factsOf(i);
      if ((f.greeting ??= ROLE_FACTS.greeting(doc, b))) {
        roles[i] = 'greeting';
        continue;
      }
      if (firstProse < 0) {
        if ((f.headerLine ??= ROLE_FACTS.headerLine(doc, b))) {
          roles[i] = 'header';
          continue;
        }
        firstProse = i;
      }
    } else if (firstProse < 0) {
      firstProse = i;
    }
  }
  // Sign-off: a closing line and everything after it; else a trailing run of short signature lines.
  let closing = -1;
  for (let i = n - 1; i >= 0; i--) {
    const b = blocks[i];
    if (b.kind === 'paragraph' && b.quoteDepth === 0 && !b.list && (factsOf(i).closing ??= ROLE_FACTS.closing(doc, b))) {
      closing = i;
      break;
    }
  }
  if (closing >= 0 && closing >= n - 8) {
    for (let i = closing; i < n; i++) roles[i] = 'signoff';
  } else {
    for (let i = n - 1; i >= 0; i--) {
      const b = blocks[i];
      if (b.kind !== 'paragraph' || b.quoteDepth > 0 || b.list) break;
      const f = factsOf(i);
      if ((f.contact ??= ROLE_FACTS.contact(doc, b)) || (f.signature ??= ROLE_FACTS.signature(doc, b))) roles[i] = 'signoff';
      else break;
    }
  }
  for (let i = 0; i < n; i++) {
    const b = blocks[i];
    if (roles[i] !== 'body' || b.kind === 'heading' || b.quoteDepth > 0) continue;
    const f = factsOf(i);
    if ((f.contact ??= ROLE_FACTS.contact(doc, b))) roles[i] = 'contact';
    else if (b.kind === 'paragraph' && (f.courtesy ??= ROLE_FACTS.courtesy(doc, b))) roles[i] = 'courtesy';
  }
  return roles;
}

function firstLine(doc: Doc, b: Block): string {
  const src = doc.masked.slice(b.span.start, b.span.end);
  const nl = src.search(/[\r\n]/);
  return (nl >= 0 ? src.slice(0, nl) : src).trim();
}

/**
 * A courtesy paragraph thanks, looks forward or offers to meet, and says nothing else of substance: at most
 * three sentences, none of them carrying a view.
 */
function courtesyOnly(doc: Doc, b: Block): boolean {
  if (b.sentenceCount > 3) return false;
  for (let si = b.firstSentence; si < b.firstSentence + b.sentenceCount; si++) {
    // Arranging a meeting is not a view: "we would welcome the meeting offered", "to agree a time".
    const t = doc.sentences[si].text.replace(MEETING_ARRANGEMENTS, '');
    if (/\b(?:concern|oppose|support|welcome|reject|accept|unacceptable|agree|disagree|however|but|not the case|dispute)\b/i.test(t)) return false;
  }
  return true;
}
