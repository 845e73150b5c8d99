/**
 * Judging the items of a list: whether one opens with an imperative
 * ("Ensure that…", "Review…"), and whether one merely describes what is done
 * or planned ("The council will publish…"), which an item under a heading
 * such as "Next steps" may do without being a recommendation.
 */

/** Imperatives that prescribe even outside a list under a heading. */
const STRONG_IMPERATIVES = new Set([
  'ensure', 'improve', 'strengthen', 'prioritise', 'prioritize', 'review', 'address', 'establish', 'embed', 'implement', 'increase', 'reduce', 'develop',
  'tackle', 'secure', 'raise', 'urgently',
]);

/** Further imperatives accepted for items under a recommendation heading. */
const LIST_IMPERATIVES = new Set([
  ...STRONG_IMPERATIVES,
  'make', 'take', 'provide', 'put', 'consider', 'introduce', 'continue', 'work', 'build', 'undertake', 'monitor', 'strengthen', 'promote', 'support',
  'agree', 'approve', 'note', 'endorse', 'delegate', 'adopt', 'publish', 'set', 'create', 'extend', 'expand', 'focus', 'use', 'engage', 'involve',
  'recruit', 'train', 'invest', 'clarify', 'identify', 'assess', 'evaluate', 'update', 'revise', 'maintain', 'explore', 'deliver', 'give', 'commission',
  'appoint', 'complete', 'collect', 'collate', 'record', 'share', 'align', 'ask', 'require', 'enable', 'encourage', 'seek', 'resolve', 'remove', 'stop',
  'avoid', 'do', 'be', 'check', 'keep', 'let',
]);

/** Words after a strong imperative that show it is not one: "Review of the year", "Increase in demand". */
const NOT_OBJECT = new Set(['of', 'in', 'on', 'for', 'is', 'was', 'has', 'will', 'and', 'to', 'by', 'at', 'from', 'as', 'were', 'are', 'rates', 'shows', 'figures', 'date', 'meeting', 'panel', 'team', 'board']);

/** Whether `c` may be part of a word: letters (any script), apostrophes, hyphens. */
function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x27 || c === 0x2019 || c === 0x2d || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
}

/** The first two words from `start` (the second may be missing), read by hand: this runs on every paragraph. */
function readFirstWords(text: string, start: number, end: number): [string, string | undefined] | null {
  let i = start;
  while (i < end && i - start < 30 && isWordChar(text.charCodeAt(i))) i++;
  if (i === start) return null;
  const first = text.slice(start, i);
  let j = i;
  while (j < end && j - i < 4 && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09 || text.charCodeAt(j) === 0x0a)) j++;
  let k = j;
  while (k < end && k - j < 30 && isWordChar(text.charCodeAt(k))) k++;
  return [first, k > j && j > i ? text.slice(j, k) : undefined];
}

/**
 * If the sentence `text[start, end)` opens with an imperative verb, that verb
 * (with "sure" after "Make"), else null. `inList` admits the wider set of
 * verbs that committee papers and action plans use under a heading; outside
 * a list only verbs that nearly always prescribe count, and only when
 * followed by an object rather than a preposition.
 */
export function findImperative(text: string, start: number, end: number, inList: boolean): string | null {
  const c = text.charCodeAt(start);
  if (!inList && !(c >= 0x41 && c <= 0x5a)) return null;
  const head = readFirstWords(text, start, end);
  if (head === null) return null;
  const [first, second] = head;
  const verb = first.toLowerCase();
  const next = second?.toLowerCase();
  if (verb === 'make' && next === 'sure') return `${first} ${second}`;
  if (verb === 'take' && (next === 'action' || next === 'steps')) return `${first} ${second}`;
  if (verb === 'that' && inList) return isProcedural(text, start, end) ? null : first; // committee style: "That Cabinet approves…"
  if (!(inList ? LIST_IMPERATIVES : STRONG_IMPERATIVES).has(verb)) return null;
  // "Review of the year", "Increase in referrals": a noun heading a phrase, not a verb.
  if (!inList && (next === undefined || NOT_OBJECT.has(next))) return null;
  return first;
}

/** Finite verbs that make an item a statement of fact or plan when they are its main verb. */
const FINITE = new Set([
  'is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'did', 'does', "'s", "'re", "'ve", "'ll", 'said', 'says', 'told', 'added',
  'includes', 'included', 'remains', 'became', 'began', 'continues', 'continued', 'shows', 'showed', 'found', 'made', 'took', 'received',
  "doesn't", "don't", "didn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", 'can', 'cannot', "can't", 'do', 'does',
]);

/** Words that open a subordinate part: a verb after them is not the item's main verb. */
const SUBORDINATORS = new Set([
  'to', 'that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'if', 'because', 'including', 'so', 'as', 'whether', 'until', 'unless',
  'although', 'though', 'before', 'after', 'once', 'since', 'so that', 'in', 'for', 'with', 'by', 'from', 'of',
]);

/** Words that open a subordinate clause (not a phrase): read through "to find homes", stop at "that". */
const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'if', 'because', 'so', 'whether', 'until', 'unless', 'although', 'though', 'once', 'since']);

/** How many words of an item we read to find its main verb. */
const MAIN_VERB_WINDOW = 12;

/**
 * Whether the item `text[start, end)` reads as a description (a finite verb
 * such as "is", "has", "will" heads it: "The council will publish its plan
 * in May") rather than a noun phrase or imperative naming what should be
 * done ("The timely availability of family support when…"). Only the first
 * words before any subordinate part are read, so "…when children have a
 * plan" does not count; `throughPhrases` reads on through phrases such as
 * "to find homes" and stops only at a clause ("that", "when"…), to tell the
 * noun in "Work to find homes is slow" from the verb in "Work with partners".
 */
export function isDescriptiveItem(text: string, start: number, end: number, throughPhrases = false): boolean {
  const words = text.slice(start, Math.min(end, start + 200)).toLowerCase().replace(/’/g, "'").match(/[\p{L}']+|,/gu) ?? [];
  for (let i = 0; i < words.length && i < MAIN_VERB_WINDOW; i++) {
    const word = words[i]!;
    if (word === ',' || (throughPhrases ? CLAUSE_OPENERS.has(word) : SUBORDINATORS.has(word))) return false;
    if (FINITE.has(word)) return true;
    if (word.endsWith("'s") && i === 0 && word.length > 2 && (word === "it's" || word === "that's" || word === "there's" || word === "he's" || word === "she's")) return true;
    if (i > 0 && word.endsWith("'ve") || word.endsWith("'ll") || word.endsWith("'re")) return true;
  }
  return false;
}

/** Resolutions that only record procedure: "That the report be noted", "That the minutes … be approved". */
const PROCEDURAL = /\bbe (?:noted|received)\b|^that the (?:minutes|work programme|agenda)\b[^.;]{0,120}\bbe (?:approved|agreed|confirmed|signed)\b/i;

function isProcedural(text: string, start: number, end: number): boolean {
  return PROCEDURAL.test(text.slice(start, Math.min(end, start + 200)));
}

/**
 * If the sentence `text[start, end)` is a committee resolution that asks for
 * something ("That the Director provide a breakdown…"), its opening word;
 * null for anything else and for procedural ones ("That the report be
 * noted").
 */
export function findResolution(text: string, sentence: { readonly start: number; readonly end: number }): string | null {
  const { start, end } = sentence;
  if (!text.startsWith('That ', start) && !text.startsWith('that ', start)) return null;
  return isProcedural(text, start, end) ? null : text.slice(start, start + 4);
}
