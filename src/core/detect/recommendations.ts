/**
 * Finds recommendations: sentences that prescribe an action or improvement
 * (see the annotation guide). A sentence counts when
 *
 * - it holds a prescriptive cue in a context that prescribes (`should`,
 *   `must`, `needs to`, `recommends`, `calls for`, `it is essential that`…;
 *   see `recommendations/cues.ts`), or
 * - it is an item of a list under a heading such as "What needs to improve",
 *   "Areas for improvement" or "Recommendations", or under a line such as
 *   "The provider must:" — even a verbless item like "The timely availability
 *   of family support…" — unless the item plainly describes what is done or
 *   planned, or
 * - it opens with an imperative that nearly always prescribes ("Ensure
 *   that…", "Improve…"), or with any imperative in such a list.
 *
 * Questions are never recommendations. The span is the whole sentence as the
 * sentence splitter gives it: a sentence inside a quotation comes without its
 * quotation marks.
 *
 * Lists often run over several paragraphs (one item per paragraph), so the
 * scanner carries a small state: the list's heading, whether its items are
 * bulleted, and the number of the last numbered item.
 */
import { containsBulletGlyph, matchListMarker, splitSentences, type Sentence } from '../text/sentences';
import { findTriggers, judgeTrigger, type Trigger } from './recommendations/cues';
import { matchRecommendationHeading, tidyHeading } from './recommendations/headings';
import { findImperative, findResolution, isDescriptiveItem } from './recommendations/list-items';
import type { LocalDetection, ParagraphScanner } from './scanner';

/** We are in a list of recommendations: items that follow count as recommendations. */
export interface RecommendationList {
  /** The heading that opened the list, tidied: it is the cue of the items. */
  readonly heading: string;
  /** Whether the items seen so far had bullets or numbers (then an unmarked paragraph ends the list). */
  readonly marked: boolean;
  /** The number of the last numbered item, or -1: paragraph numbers that do not follow on end the list. */
  readonly lastNumber: number;
}

/** The state carried from one paragraph to the next: the open list, or null. */
export type RecommendationState = RecommendationList | null;

/** The longest unmarked paragraph taken as a list item, in UTF-16 code units. */
const MAX_PLAIN_ITEM = 600;
/** The most sentences an unmarked paragraph may have to be a list item. */
const MAX_PLAIN_ITEM_SENTENCES = 3;
/** The most triggers judged in one sentence: a real sentence has a handful; this bounds the cost of pathological input. */
const MAX_JUDGED = 16;
/** The longest line taken as a heading. */
const MAX_HEADING = 150;

/** The recommendation detector. */
export const recommendationScanner: ParagraphScanner<RecommendationState> = {
  initialState: null,
  scan: scanParagraph,
  sameState: (a, b) => a === b || (a !== null && b !== null && a.heading === b.heading && a.marked === b.marked && a.lastNumber === b.lastNumber),
};

/** What kind of line-level unit a sentence is. */
type Role = 'heading' | 'item' | 'continuation' | 'prose';

/**
 * Scans one paragraph sentence by sentence. Each sentence is first given its
 * layout role (heading, list item, later sentence of an item, prose); a
 * heading may open or close a list, an item counts if it prescribes or names
 * something to improve, and prose counts only on a prescriptive cue.
 */
function scanParagraph(paragraph: string, state: RecommendationState): { detections: LocalDetection[]; state: RecommendationState } {
  const triggers = findTriggers(paragraph);
  // Most paragraphs of a report prescribe nothing: without a trigger, a list
  // under way or anything that could open one, they need no sentence split.
  if (state === null && triggers.length === 0 && !mayOpenOrPrescribe(paragraph)) return { detections: [], state: null };
  const detections: LocalDetection[] = [];
  const sentences = splitSentences(paragraph);
  let list = state;
  let next = 0; // index of the first trigger not yet assigned to a sentence
  let inItem = false;
  /** For an unmarked paragraph under a heading: whether it is taken as an item (decided at its first prose sentence). */
  let plainItem: boolean | null = null;
  const add = (sentence: Sentence, cue: string): void => {
    detections.push({ kind: 'recommendation', start: sentence.start, end: sentence.end, cue });
  };

  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k]!;
    while (next < triggers.length && triggers[next]!.index < sentence.start) next++;
    const first = next;
    while (next < triggers.length && triggers[next]!.index < sentence.end) next++;
    const question = endsWithQuestionMark(paragraph, sentence);
    const cue = question ? null : findCue(paragraph, sentence, triggers, first, next);
    const role = findRole(paragraph, sentence, inItem);

    if (role === 'heading') {
      inItem = false;
      plainItem = null;
      const heading = matchRecommendationHeading(paragraph.slice(sentence.start, sentence.end));
      if (heading !== null) {
        list = { heading, marked: false, lastNumber: -1 };
        continue;
      }
      const colon = paragraph.charCodeAt(sentence.end - 1) === 0x3a;
      if (colon && (cue !== null || opensList(paragraph, sentence))) {
        list = openList(paragraph, sentence);
        continue;
      }
      list = null;
      if (cue !== null && !colon) add(sentence, cue);
      continue;
    }

    if (role === 'item') {
      inItem = true;
      plainItem = null;
      if (paragraph.charCodeAt(sentence.end - 1) === 0x3a && opensList(paragraph, sentence)) {
        // "2.1 Cabinet is recommended to:", "(3) That the Committee recommends to Cabinet that:"
        list = openList(paragraph, sentence);
        continue;
      }
      if (list !== null) list = followList(list, paragraph, sentence);
      if (list !== null) {
        const itemCue = cue ?? (question ? null : findItemCue(paragraph, sentence, list));
        if (itemCue !== null) add(sentence, itemCue);
      } else if (cue !== null) add(sentence, cue);
      else if (!question) {
        const imperative = findImperative(paragraph, sentence.start, sentence.end, false) ?? findResolution(paragraph, sentence);
        if (imperative !== null) add(sentence, imperative);
      }
      continue;
    }

    if (role === 'continuation') {
      // A later sentence of the same item: judged as the item's first one was.
      const itemCue = cue ?? (list === null || question ? null : findItemCue(paragraph, sentence, list));
      if (itemCue !== null) add(sentence, itemCue);
      continue;
    }

    if (paragraph.charCodeAt(sentence.end - 1) === 0x3a && opensList(paragraph, sentence)) {
      list = openList(paragraph, sentence);
      plainItem = null;
      continue;
    }
    if (list !== null && sentence.ownLine && !list.marked && plainItem === null) {
      // An unmarked item on a line of its own, as in a paragraph of one item per line.
      const itemCue = cue ?? (question ? null : findItemCue(paragraph, sentence, list));
      if (itemCue !== null) add(sentence, itemCue);
      else if (!question) list = null;
      continue;
    }
    if (list !== null) {
      if (plainItem === null) {
        plainItem = !list.marked && isPlainItemParagraph(paragraph, sentences, k);
        if (!plainItem) list = null;
      }
      if (list !== null && plainItem) {
        const itemCue = cue ?? (question ? null : findItemCue(paragraph, sentence, list));
        if (itemCue !== null) add(sentence, itemCue);
        else if (question) continue;
        else {
          // A statement of fact: the list is over.
          list = null;
          plainItem = false;
        }
        continue;
      }
    }
    if (cue !== null) add(sentence, cue);
    else if (sentence.start === 0 && !question) {
      // Outside lists, only a paragraph that opens with an imperative: "Ensure that…".
      const imperative = findImperative(paragraph, sentence.start, sentence.end, false);
      if (imperative !== null) add(sentence, imperative);
    }
  }
  return { detections, state: list };
}

/** Capitalised imperatives that open an item or a paragraph ("Ensure…", "IMPROVE…") and committee resolutions ("That…"). */
const CAPITALISED_OPENER =
  /\b(?:Ensure|Improve|Strengthen|Prioriti[sz]e|Review|Address|Establish|Embed|Implement|Increase|Reduce|Develop|Tackle|Secure|Raise|Urgently|Make|Take|That|ENSURE|IMPROVE|STRENGTHEN|PRIORITI[SZ]E|REVIEW|ADDRESS|ESTABLISH|EMBED|IMPLEMENT|INCREASE|REDUCE|DEVELOP|TACKLE|SECURE|RAISE|URGENTLY|MAKE|TAKE|THAT)\b/;

/**
 * Whether a paragraph with no trigger word and no open list could still hold
 * a recommendation or open a list: a heading (a short paragraph, or one with
 * line breaks), a colon before items, or a sentence opening with an
 * imperative or "That". False only when none of these can apply, so the
 * caller may skip splitting it into sentences.
 */
function mayOpenOrPrescribe(paragraph: string): boolean {
  if (paragraph.length <= MAX_HEADING + 16 || paragraph.includes('\n') || paragraph.includes('\r')) return true;
  // A list item ("1. that the council…", "… • Review…") is judged even outside a list.
  let first = 0;
  while (first < paragraph.length && (paragraph.charCodeAt(first) === 0x20 || paragraph.charCodeAt(first) === 0x09)) first++;
  if (matchListMarker(paragraph, first) >= 0 || containsBulletGlyph(paragraph)) return true;
  // Without a trigger, only "the following actions:" among the list openers can match.
  return (paragraph.includes(':') && /\bfollowing\b/i.test(paragraph)) || CAPITALISED_OPENER.test(paragraph);
}

/**
 * A sentence ending in a colon that announces prescriptive items: "The
 * provider must:", "To address this, the force should:", "We recommend that
 * the council:", "Inspectors made the following recommendations:".
 */
const LIST_OPENER =
  /\b(?:should|must|needs? to|ought to|recommends?|recommended|recommendations|urges?|urged|calls? on|called on|(?:is|are) (?:recommended|asked|invited|requested) to|following (?:actions|steps|improvements|areas for improvement|priorities))\b[^.!?]{0,80}:$/i;

/** Imperatives that are also nouns: at the head of an item with a finite verb they are its subject. */
const NOUN_LIKE_VERBS = new Set(['work', 'support', 'use', 'focus', 'record', 'share', 'review', 'increase', 'set', 'note', 'check', 'update', 'complete', 'build', 'train', 'commission', 'delegate', 'monitor', 'do', 'be', 'let', 'keep', 'stop', 'put', 'give', 'take', 'ask', 'require', 'raise', 'secure']);

/** A list opener whose items are clauses completing it: "Leaders should ensure that:". */
const COMPLEMENT_OPENER = /\bthat$/i;

/** How much of a sentence's end {@link LIST_OPENER} reads. */
const OPENER_WINDOW = 160;

function opensList(text: string, sentence: Sentence): boolean {
  return LIST_OPENER.test(text.slice(Math.max(sentence.start, sentence.end - OPENER_WINDOW), sentence.end));
}

/** A new list whose heading is the sentence that opened it (without its colon, at most 80 characters). */
function openList(text: string, sentence: Sentence): RecommendationList {
  return { heading: tidyHeading(text.slice(sentence.start, sentence.end)), marked: false, lastNumber: -1 };
}

/**
 * The cue of a list item that holds no prescriptive word: its imperative
 * verb, or else the list's heading when the item names something to improve
 * rather than describing what is done. Null for a description.
 */
function findItemCue(text: string, sentence: Sentence, list: RecommendationList): string | null {
  // Committee resolutions: "That the Director provide…" counts, "That the report be noted" does not.
  if (text.startsWith('That ', sentence.start) || text.startsWith('that ', sentence.start)) return findResolution(text, sentence);
  // After "… should ensure that:" every item is a clause that completes the prescription.
  if (COMPLEMENT_OPENER.test(list.heading)) return findImperative(text, sentence.start, sentence.end, true) ?? list.heading;
  const imperative = findImperative(text, sentence.start, sentence.end, true);
  if (imperative !== null) {
    // "Work to find homes is not always pursued": a noun, then a finite verb.
    return NOUN_LIKE_VERBS.has(imperative.toLowerCase()) && isDescriptiveItem(text, sentence.start, sentence.end, true) ? null : imperative;
  }
  return isDescriptiveItem(text, sentence.start, sentence.end) ? null : list.heading;
}

/** The first trigger among `triggers[from, to)` that prescribes in this sentence. */
function findCue(text: string, sentence: Sentence, triggers: readonly Trigger[], from: number, to: number): string | null {
  if (from >= to) return null;
  // A trigger before a question mark is part of a question: "“Why should families wait?” she asked."
  let question = sentence.end - 1;
  while (question >= triggers[from]!.index && text.charCodeAt(question) !== 0x3f) question--;
  for (let t = from; t < to && t - from < MAX_JUDGED; t++) {
    if (triggers[t]!.index < question) continue;
    const cue = judgeTrigger(text, triggers[t]!, sentence.start, sentence.end);
    if (cue !== null) return cue;
  }
  return null;
}

/**
 * The sentence's part in the paragraph's layout: a heading (a line to
 * itself with no final full stop, or ending in a colon), the first sentence
 * of a list item, a later sentence of the same item, or prose.
 */
function findRole(text: string, sentence: Sentence, inItem: boolean): Role {
  if (sentence.listItem) return 'item';
  if (sentence.ownLine && sentence.end - sentence.start <= MAX_HEADING && isHeadingEnd(text, sentence)) return 'heading';
  return inItem ? 'continuation' : 'prose';
}

/** Whether the sentence ends as a heading does: with a colon, with no punctuation, or with a question mark it keeps ("What does the school need to do to improve?"). */
function isHeadingEnd(text: string, sentence: Sentence): boolean {
  const last = text.charCodeAt(sentence.end - 1);
  if (last === 0x3a) return true;
  if (last === 0x3f) return matchRecommendationHeading(text.slice(sentence.start, sentence.end)) !== null;
  if (last === 0x2e || last === 0x21 || last === 0x2026) return false;
  // A quotation or bracket closing after a full stop: "…improve.”"
  if ((last === 0x201d || last === 0x22 || last === 0x2019 || last === 0x27 || last === 0x29) && sentence.end - sentence.start >= 2) {
    const before = text.charCodeAt(sentence.end - 2);
    return !(before === 0x2e || before === 0x21 || before === 0x3f);
  }
  return true;
}

function endsWithQuestionMark(text: string, sentence: Sentence): boolean {
  let e = sentence.end;
  while (e > sentence.start) {
    const c = text.charCodeAt(e - 1);
    if (c === 0x201d || c === 0x22 || c === 0x2019 || c === 0x27 || c === 0x29 || c === 0x20) e--;
    else break;
  }
  return text.charCodeAt(e - 1) === 0x3f;
}

/**
 * The list after one more marked item: it goes on unless the item is a
 * number that does not follow the last one (paragraph numbers such as "22."
 * after a bulleted list), in which case it ends (null).
 */
function followList(list: RecommendationList, text: string, sentence: Sentence): RecommendationList | null {
  const number = readMarkerNumber(text, sentence.start);
  if (number === null) return list.marked ? list : { ...list, marked: true };
  if (list.lastNumber >= 0 ? number !== list.lastNumber + 1 && number !== list.lastNumber : list.marked && number > 1) return null;
  return { ...list, marked: true, lastNumber: number };
}

/** The number of a numbered item ("3." → 3; "2.3" → 3; "(a)" and bullets → null), read from the marker before `start` on its line. */
function readMarkerNumber(text: string, start: number): number | null {
  let k = start;
  while (k > 0 && start - k < 24) {
    const c = text.charCodeAt(k - 1);
    if (c === 0x0a || c === 0x0d) break;
    k--;
  }
  const marker = text.slice(k, start).trim().match(/^(?:\d{1,3}\.)*(\d{1,3})[.)]?$/);
  return marker === null ? null : Number(marker[1]);
}

/** Whether the paragraph from sentence `k` on is short enough to be one unmarked list item. */
function isPlainItemParagraph(text: string, sentences: readonly Sentence[], k: number): boolean {
  if (sentences.length - k > MAX_PLAIN_ITEM_SENTENCES) return false;
  return text.length - sentences[k]!.start <= MAX_PLAIN_ITEM;
}
