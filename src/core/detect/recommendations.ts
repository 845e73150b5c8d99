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
import { splitSentences, type Sentence } from '../text/sentences';
import { findTriggers, judgeTrigger, type Trigger } from './recommendations/cues';
import { matchRecommendationHeading } from './recommendations/headings';
import { findImperative, isDescriptiveItem } from './recommendations/list-items';
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

function scanParagraph(paragraph: string, state: RecommendationState): { detections: LocalDetection[]; state: RecommendationState } {
  const detections: LocalDetection[] = [];
  const sentences = splitSentences(paragraph);
  const triggers = findTriggers(paragraph);
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
    const role = roleOf(paragraph, sentence, inItem);

    if (role === 'heading') {
      inItem = false;
      plainItem = null;
      const heading = matchRecommendationHeading(paragraph.slice(sentence.start, sentence.end));
      if (heading !== null) {
        list = { heading, marked: false, lastNumber: -1 };
        continue;
      }
      const colon = paragraph.charCodeAt(sentence.end - 1) === 0x3a;
      if (colon && cue !== null) {
        // "The provider must:", "We recommend that the council:" — the items complete it.
        list = { heading: paragraph.slice(sentence.start, sentence.end - 1).trim(), marked: false, lastNumber: -1 };
        continue;
      }
      list = null;
      if (cue !== null && !colon) add(sentence, cue);
      continue;
    }

    if (role === 'item') {
      inItem = true;
      plainItem = null;
      if (list !== null) list = followList(list, paragraph, sentence);
      if (list !== null) {
        if (cue !== null) add(sentence, cue);
        else if (!question && !isDescriptiveItem(paragraph, sentence.start, sentence.end)) add(sentence, findImperative(paragraph, sentence.start, sentence.end, true) ?? list.heading);
      } else if (cue !== null) add(sentence, cue);
      else if (!question) {
        const imperative = findImperative(paragraph, sentence.start, sentence.end, false);
        if (imperative !== null) add(sentence, imperative);
      }
      continue;
    }

    if (role === 'continuation') {
      if (cue !== null) add(sentence, cue);
      else if (list !== null && !question) add(sentence, list.heading);
      continue;
    }

    if (list !== null) {
      if (plainItem === null) {
        plainItem = !list.marked && isPlainItemParagraph(paragraph, sentences, k);
        if (!plainItem) list = null;
      }
      if (list !== null && plainItem) {
        if (cue !== null) add(sentence, cue);
        else if (question) continue;
        else if (!isDescriptiveItem(paragraph, sentence.start, sentence.end)) add(sentence, findImperative(paragraph, sentence.start, sentence.end, true) ?? list.heading);
        else {
          // A statement of fact: the list is over.
          list = null;
          plainItem = false;
        }
        continue;
      }
    }
    if (cue !== null) add(sentence, cue);
    else if (!question) {
      const imperative = findImperative(paragraph, sentence.start, sentence.end, false);
      if (imperative !== null && sentence.start === 0) add(sentence, imperative);
    }
  }
  return { detections, state: list };
}

/** The first trigger among `triggers[from, to)` that prescribes in this sentence. */
function findCue(text: string, sentence: Sentence, triggers: readonly Trigger[], from: number, to: number): string | null {
  for (let t = from; t < to; t++) {
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
function roleOf(text: string, sentence: Sentence, inItem: boolean): Role {
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
  // Also a question whose closing mark the splitter removed: the character after the span.
  return text.charCodeAt(e - 1) === 0x3f || (e === sentence.end && text.charCodeAt(sentence.end) === 0x3f);
}

/**
 * The list after one more marked item: it goes on unless the item is a
 * number that does not follow the last one (paragraph numbers such as "22."
 * after a bulleted list), in which case it ends (null).
 */
function followList(list: RecommendationList, text: string, sentence: Sentence): RecommendationList | null {
  const number = markerNumber(text, sentence.start);
  if (number === null) return list.marked ? list : { ...list, marked: true };
  if (list.lastNumber >= 0 ? number !== list.lastNumber + 1 && number !== list.lastNumber : list.marked && number > 1) return null;
  return { ...list, marked: true, lastNumber: number };
}

/** The number of a numbered item ("3." → 3; "2.3" → 3; "(a)" and bullets → null), read from the marker before `start` on its line. */
function markerNumber(text: string, start: number): number | null {
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
