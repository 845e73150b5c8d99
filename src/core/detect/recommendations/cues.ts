/**
 * The words that make a sentence prescriptive: modal verbs of obligation
 * (should, must, ought to, need to, have got to), verbs of recommending and
 * calling for (recommends, urges, calls for, wants … to), and fixed phrases
 * (it is essential that, the time has come for, recognises the need to).
 *
 * Finding them is one regular-expression pass per paragraph
 * ({@link findTriggers}); each hit is then judged on a bounded window of the
 * words around it ({@link judgeTrigger}), which keeps the whole linear. The
 * judging is where the genre knowledge lives: "families must wait" reports a
 * hardship, "it must be noted" is a discourse marker, "should mean" is a
 * forecast, "had to" is narrative, "the need for" as a subject is a finding.
 */

/** One trigger word found in a paragraph. */
export interface Trigger {
  /** UTF-16 offset of the match in the paragraph. */
  readonly index: number;
  /** The matched words, lower-cased, single-spaced. */
  readonly word: string;
  /** Length of the match in UTF-16 code units. */
  readonly length: number;
}

/**
 * The trigger words, grouped by first letter: V8's regular-expression engine
 * then dispatches on one character at each position instead of trying every
 * alternative, which made this pass several times faster. Matched
 * case-insensitively on the original text, so offsets never shift.
 */
const TRIGGER =
  /\b(?:s(?:hould|olution)|m(?:ust)|o(?:ught|rdered)|n(?:eeds?|eeded|ecessary)|g(?:ot\s+to)|h(?:a(?:ve|s)\s+to|igh\s+time)|r(?:ecommend(?:s|ed|ing|ations?)?|equired)|u(?:rg(?:e|es|ed|ing))|c(?:all(?:s|ed|ing)?\s+(?:for|on|upon)|r(?:ucial|itical)|ould)|d(?:emand(?:s|ed)?|irected)|w(?:ants?|anted|ould\s+like\s+to\s+see|ay)|a(?:sk(?:s|ed)?|re\s+(?:recommended|asked|invited|requested|urged)\s+to|pproach|nswer)|i(?:s\s+(?:recommended|asked|invited|requested|urged)\s+to|mperative|mportant|nstructed)|e(?:ssential)|v(?:ital)|t(?:ime\s+has\s+come|ime\s+(?:for|to)|old)|p(?:riority))\b/gi;

/** Every trigger in `text`, in order. Linear in the length of `text`. */
export function findTriggers(text: string): Trigger[] {
  const found: Trigger[] = [];
  TRIGGER.lastIndex = 0;
  for (let match = TRIGGER.exec(text); match !== null; match = TRIGGER.exec(text)) {
    const raw = match[0];
    const word = raw.toLowerCase();
    found.push({ index: match.index, word: /\s/.test(word) ? word.replace(/\s+/g, ' ') : word, length: raw.length });
  }
  return found;
}

/** How far to look around a trigger, in UTF-16 code units. */
const WINDOW = 100;

const WORD = /[a-z0-9'-]+/g;

/** Whether `c` belongs to a word as {@link WORD} reads it once lower-cased: ASCII letters, digits, apostrophes (straight or curly), hyphens. */
function isWordUnit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x27 || c === 0x2019 || c === 0x2d;
}

/** Whether `text[from, to)` is all ASCII or curly apostrophes: then words can be read by hand, without a lower-cased copy. */
function isPlainWindow(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80 && c !== 0x2019) return false;
  }
  return true;
}

/** The word `text[from, to)` lower-cased, with curly apostrophes made straight. */
function readWord(text: string, from: number, to: number): string {
  const word = text.slice(from, to).toLowerCase();
  return word.includes('’') ? word.replace(/’/g, "'") : word;
}

/**
 * Up to `count` words before `index` within the sentence, lower-cased,
 * nearest last. Runs per trigger, so plain text is read by hand backwards
 * from the trigger, stopping after the words needed.
 */
function readWordsBefore(text: string, index: number, sentenceStart: number, count: number): string[] {
  const from = Math.max(sentenceStart, index - WINDOW);
  const cut = from > sentenceStart && from === index - WINDOW;
  if (!isPlainWindow(text, from, index)) return readWordsBeforeSlowly(text, index, from, cut, count);
  const words: string[] = [];
  let k = index;
  while (k > from && words.length <= count) {
    while (k > from && !isWordUnit(text.charCodeAt(k - 1))) k--;
    if (k === from) break;
    const end = k;
    while (k > from && isWordUnit(text.charCodeAt(k - 1))) k--;
    words.push(readWord(text, k, end));
  }
  // A word cut by the window's edge is not a word: the earliest one, when all of the window was read.
  if (cut && words.length <= count && words.length > 0) words.pop();
  if (words.length > count) words.length = count;
  return words.reverse();
}

function readWordsBeforeSlowly(text: string, index: number, from: number, cut: boolean, count: number): string[] {
  const words = text.slice(from, index).toLowerCase().replace(/’/g, "'").match(WORD) ?? [];
  if (cut && words.length > 0) words.shift();
  return words.slice(-count);
}

/** Up to `count` words after `index` within the sentence, lower-cased, quotation marks skipped. */
function readWordsAfter(text: string, index: number, sentenceEnd: number, count: number): string[] {
  const to = Math.min(sentenceEnd, index + WINDOW);
  const cut = to < sentenceEnd && to === index + WINDOW;
  let words: string[];
  if (isPlainWindow(text, index, to)) {
    words = [];
    let k = index;
    while (k < to && words.length <= count) {
      while (k < to && !isWordUnit(text.charCodeAt(k))) k++;
      if (k === to) break;
      const start = k;
      while (k < to && isWordUnit(text.charCodeAt(k))) k++;
      words.push(readWord(text, start, k));
    }
    // A word cut by the window's edge is not a word: the last one, when all of the window was read.
    if (cut && words.length <= count && words.length > 0) words.pop();
  } else {
    words = text.slice(index, to).toLowerCase().replace(/’/g, "'").match(WORD) ?? [];
    if (cut && words.length > 0) words.pop();
  }
  return words.slice(0, count).map((w) => (w.charCodeAt(0) === 0x27 || w.charCodeAt(w.length - 1) === 0x27 ? w.replace(/^'+|'+$/g, '') : w));
}

/** Up to {@link WINDOW} characters from `index`, lower-cased. */
function readTextAfter(text: string, index: number): string {
  return text.slice(index, index + WINDOW).toLowerCase();
}

/** The text between the sentence start and `index` (at most {@link WINDOW} × 2 characters), lower-cased. */
function readTextBefore(text: string, index: number, sentenceStart: number): string {
  return text.slice(Math.max(sentenceStart, index - 2 * WINDOW), index).toLowerCase();
}

const NEGATIONS = new Set(['not', "n't", 'never', 'no', "don't", "doesn't", "didn't", "won't", 'without', 'nor', 'hardly']);

/** Verbs after a modal that make it a comment on the discourse, not on the world ("it must be noted"). */
const DISCOURSE = new Set(['noted', 'remembered', 'said', 'stressed', 'emphasised', 'emphasized', 'acknowledged', 'admitted', 'conceded', 'recognised', 'recognized', 'pointed', 'borne', 'added', 'mentioned', 'observed', 'understood', 'highlighted', 'recorded', 'clear']);

/** Verbs after must / have to that report a hardship people endure: "families must wait". */
const HARDSHIP = new Set(['wait', 'queue', 'endure', 'cope', 'travel', 'rely', 'sleep', 'suffer', 'struggle', 'wake']);

/** Further verbs after "have to" that report what people are made to do: "residents have to pay more". */
const HAVE_TO_HARDSHIP = new Set(['pay', 'go', 'live', 'share', 'put', 'leave', 'move', 'spend', 'choose', 'watch', 'stay', 'give']);

/** A sentence opening that puts what follows under rules already made. */
const UNDER_RULES = /^(?:[^,]{0,40}\b)?under (?:the |these |its |their )?(?:new |current |existing |proposed |revised |latest |government'?s? |council'?s? )?(?:rules|law|laws|legislation|regulations|plans|proposals|scheme|guidance|changes|policy|arrangements|bill)\b/;

/** Words after "should have" / "must have" that begin what is to be had, not a past participle. */
const POSSESSED = new Set([
  'a', 'an', 'the', 'access', 'more', 'their', 'his', 'her', 'its', 'our', 'your', 'every', 'some', 'any', 'clear', 'regular', 'sufficient', 'proper',
  'better', 'enough', 'somebody', 'someone', 'support', 'appropriate', 'timely', 'full', 'equal', 'priority', 'no', 'one', 'two', 'at', 'specialist',
  'dedicated', 'named', 'independent', 'up-to-date', 'effective', 'robust', 'plans', 'training', 'oversight', 'input',
]);

/** Verbs after should that make it a forecast: "the scheme should mean fewer delays". */
const FORECAST = new Set(['mean', 'result', 'lead', 'prove', 'arrive', 'save', 'see', 'expect', 'last', 'cost']);

/** Words after which "need" is a noun: "the need", "their needs", "complex needs". */
const NOUN_NEED = new Set([
  'the', 'a', 'an', 'their', 'his', 'her', 'its', 'our', 'your', 'my', 'this', 'that', 'these', 'those', 'of', 'no', 'any', 'some', 'in', 'with', 'whose',
  'greatest', 'particular', 'specific', 'individual', 'complex', 'additional', 'special', 'educational', 'health', 'care', 'support', 'basic', 'unmet',
  'identified', 'changing', 'different', 'varied', 'own', 'every', 'each', 'real', 'urgent', 'pressing', 'clear', 'immediate', 'obvious', 'such',
  'emotional', 'mental', 'learning', 'medical', 'physical', 'housing', 'social', 'assessed', 'high', 'low', 'greater', 'growing', 'local', 'for', 'by',
]);

/** Words that, after "need(s)"/"needed", begin the thing needed: "needs more funding", "needed a coherent framework". */
const NEEDED_THING = new Set([
  'a', 'an', 'more', 'better', 'greater', 'further', 'urgent', 'stronger', 'clearer', 'proper', 'real', 'significant', 'additional', 'extra', 'new',
  'improved', 'sustained', 'investment', 'funding', 'support', 'action', 'help', 'leadership', 'reform', 'change', 'changes', 'improvement', 'improvements',
  'clarity', 'consistency', 'focus', 'attention', 'resources', 'urgently', 'somebody', 'someone', 'some', 'robust', 'effective', 'dedicated', 'consistent',
]);

/** Reporting verbs: "X said Y needed to …" reports a prescription; plain "Y needed to …" is narrative. */
const REPORTING = /\b(?:said|says|say|told|tells|argued?|argues|believes?|believed|warn(?:s|ed)?|insist(?:s|ed)?|claim(?:s|ed)?|stated?|states|comment(?:s|ed)?|explain(?:s|ed)|emphasi[sz]e[sd]?|highlighted|advised|reminded|conclude[sd]?|found|finds|felt|feels?|think|thinks|thought|added|adds|agreed?|agrees|accept(?:s|ed)?|admit(?:s|ted)?|acknowledged?|acknowledges|suggest(?:s|ed)?|noted?|notes|stressed|stresses|urged|wrote|writes|reported|reports|recognised|recognises|according)\b/;

/** Words saying a recommendation has been carried out. */
const IMPLEMENTED = /\b(?:ha(?:ve|s)|had) (?:now |since |all |already |largely |fully )*been (?:made|implemented|completed|actioned|addressed|met|adopted|carried out)\b/;

/** How far back before a sentence a reporting verb still governs it (the previous sentence of minutes in reported speech). */
const REPORTED_REACH = 240;

/** Verbs after should that praise or feel rather than prescribe: "something that we should celebrate". */
const NOT_ACTION = new Set(['celebrate', 'congratulate', 'rejoice']);

/** Adjectives after "should be" that praise or feel: "staff should be proud", "they should be commended". */
const FEELING = new Set(['proud', 'pleased', 'delighted', 'encouraged', 'reassured', 'commended', 'congratulated', 'praised', 'celebrated', 'heartened', 'applauded']);

/** Nouns that name an action when they are the subject of "is needed/required": "further work is needed". */
const ACTION_NOUNS = new Set([
  'action', 'work', 'improvement', 'improvements', 'progress', 'investment', 'change', 'changes', 'funding', 'support', 'focus', 'attention', 'effort',
  'efforts', 'steps', 'measures', 'resources', 'scrutiny', 'oversight', 'clarity', 'consideration', 'review', 'reform', 'reforms', 'help', 'intervention',
  'capacity', 'leadership', 'pace', 'urgency', 'rigour', 'training', 'more', 'assurance', 'challenge', 'planning', 'development', 'analysis', 'guidance',
]);

/**
 * The cue that makes the sentence `[start, end)` of `text` prescriptive, if
 * the trigger at `trigger` is one in its context; otherwise null. The cue is
 * the prescriptive words as they stand in the text ("needs to improve",
 * "should", "calls for").
 */
export function judgeTrigger(text: string, trigger: Trigger, start: number, end: number): string | null {
  const { index, word } = trigger;
  // A hyphenated compound ("a must-read", "need-to-know") is not the verb.
  if (text.charCodeAt(index + trigger.length) === 0x2d) return null;
  const matched = text.slice(index, index + trigger.length);
  const before = (count: number): string[] => readWordsBefore(text, index, start, count);
  const after = (count: number): string[] => readWordsAfter(text, index + trigger.length, end, count);
  switch (word) {
    case 'should':
    case 'must':
      return judgeModal(text, index, start, word, matched, before(8), after(2));
    case 'ought': {
      const next = after(3);
      // "ought to have known": a counterfactual about the past.
      if (next[1] === 'have' && next[2] !== undefined && !POSSESSED.has(next[2])) return null;
      return next[0] === 'to' || (next[0] === 'not' && next[1] === 'to') ? `${matched} ${next[0] === 'to' ? 'to' : 'not to'}` : null;
    }
    case 'need':
    case 'needs':
    case 'needed':
      return judgeNeed(text, index, start, end, word, matched, before(3), after(3));
    case 'have to':
    case 'has to':
    case 'got to':
      return judgeHaveTo(word, matched, before(8), after(2), text, index, start);
    case 'would like to see':
      return matched;
    case 'essential':
    case 'vital':
    case 'imperative':
    case 'crucial':
    case 'important':
    case 'critical':
    case 'necessary':
    case 'required':
    case 'priority':
      return judgeNecessity(text, index, start, word, matched, before(3), after(2));
    case 'time has come':
    case 'high time':
      return matched;
    case 'time for':
    case 'time to': {
      // "it is time to act", "now is the time for change"
      const prev = before(3);
      const p1 = pickLast(prev);
      const p2 = pickLast(prev, 2);
      return p1 === 'is' || p1 === "it's" || (p1 === 'now' && p2 === 'is') || (p1 === 'the' && p2 === 'is' && pickLast(prev, 3) === 'now') ? matched : null;
    }
    case 'told':
    case 'ordered':
    case 'instructed':
    case 'directed':
      return judgeDirective(after(6), matched, before(4));
    case 'way':
    case 'approach':
    case 'answer':
    case 'solution':
      return judgeBestWay(text, index, end, matched, before(2));
    case 'could':
      return judgeCould(after(3), matched);
    case 'want':
    case 'wants':
    case 'wanted':
      return judgeWant(after(6), matched, before(2));
    case 'ask':
    case 'asks':
    case 'asked':
      return judgeAsk(after(6), matched, before(2));
    default:
      break;
  }
  if (word.startsWith('recommend')) {
    // "The report recommended improvements, which have since been made": a past recommendation met is history.
    // (A past recommendation with no word of it being met — "the council recommended in 2019 that…" — still counts.)
    if (word === 'recommended' && IMPLEMENTED.test(text.slice(index, end).toLowerCase())) return null;
    return judgeRecommend(word, matched, before(2), after(2));
  }
  if (word.startsWith('urg')) return before(1)[0] === 'an' || before(1)[0] === 'the' ? null : matched;
  if (word.startsWith('call')) return judgeCall(word, matched, before(1), after(1));
  if (word.startsWith('demand')) return judgeDemand(word, matched, before(2), after(1));
  if (/^(?:is|are) /.test(word)) {
    if (before(1)[0] === 'it' && word.includes('asked')) return null;
    // Board papers: "The Board is asked to approve the plan" puts a proposal to the board and counts
    // as a recommendation, but "is asked to note / receive" only reports for information.
    const verb = after(1)[0];
    return verb === 'note' || verb === 'receive' || verb === 'be' ? null : matched;
  }
  return null;
}

function pickLast<T>(items: readonly T[], fromEnd = 1): T | undefined {
  return items[items.length - fromEnd];
}

function judgeModal(text: string, index: number, start: number, word: string, matched: string, prev: string[], next: string[]): string | null {
  // Sentence-initial "Should the council…" is a condition or a question.
  if (prev.length === 0) return null;
  // "a must for visitors": a noun.
  if (word === 'must' && (pickLast(prev) === 'a' || pickLast(prev) === 'an')) return null;
  const [n1, n2] = next;
  // "as it should.", "not yet where it should be" — a comparison, not a prescription.
  if (n1 === undefined || ((n1 === 'be' || n1 === 'do' || n1 === 'have') && n2 === undefined)) return null;
  // Counterfactual or inference about the past: "should have been", "must have known" — but
  // possession prescribes: "every child should have a named worker", "should have access to".
  if (n1 === 'have' && n2 !== undefined && !POSSESSED.has(n2)) return null;
  // Discourse: "it must be noted", "it should be remembered", "I must say".
  if (n1 === 'be' && n2 !== undefined && DISCOURSE.has(n2)) return null;
  // Praise or feeling, not an action: "something we should celebrate", "staff should be proud".
  if ((n1 !== undefined && NOT_ACTION.has(n1)) || (n1 === 'be' && n2 !== undefined && FEELING.has(n2))) return null;
  // Emphasis, not prescription: "should not be underestimated".
  if (n1 === 'not' && n2 === 'be' && /^\s*(?:not|n't)\s+be\s+(?:under(?:estimated|stated)|overstated|overlooked)\b/.test(readTextAfter(text, index + word.length))) return null;
  if (n1 === 'say' || n2 === 'say' || n1 === 'admit' || n1 === 'confess' || n1 === 'add' || (n1 === 'point' && n2 === 'out') || n1 === 'stress' || n1 === 'emphasise') return null;
  // "Under the new rules, patients must be seen within four hours" describes a rule in force.
  if (UNDER_RULES.test(readTextBefore(text, index, start))) return null;
  if (word === 'should') {
    // A forecast: "this should mean…", "the work should take six months".
    if (n1 !== undefined && FORECAST.has(n1)) return null;
    if (n1 === 'not' && n2 !== undefined && FORECAST.has(n2)) return null;
    // An inverted condition: ", should the council decide…".
    if (n1 !== undefined && /^(?:you|it|he|she|they|we|i|there|the|this|that|any|anyone|a)$/.test(n1) && text.charCodeAt(index - 2) === 0x2c) return null;
    if (n1 === 'be' && (n2 === 'able' || n2 === 'ready' || n2 === 'completed' || n2 === 'finished' || n2 === 'open' || n2 === 'enough')) return null;
  } else {
    // A consequence or a hardship: "meaning that in some cases families must wait".
    if (prev.some((w) => w === 'meaning' || w === 'means' || w === 'meant')) return null;
    if (n1 !== undefined && HARDSHIP.has(n1)) return null;
    // Inference, not obligation: "it must be very hard for them".
    if (n1 === 'be' && (n2 === 'very' || n2 === 'hard' || n2 === 'difficult' || n2 === 'tempting' || n2 === 'frustrating' || n2 === 'awful' || n2 === 'terrible')) return null;
    if (n1 === 'surely' || n1 === 'feel') return null;
  }
  return matched;
}

function judgeNeed(text: string, index: number, start: number, end: number, word: string, matched: string, prev: string[], next: string[]): string | null {
  const p1 = pickLast(prev);
  const p2 = pickLast(prev, 2);
  const [n1, n2] = next;
  if (n1 === undefined) return null;
  // "the need (to|for) …" as a noun: prescriptive only after a verb that recognises it, or in "there is a need".
  if (word === 'need' && p1 !== undefined && NOUN_NEED.has(p1)) {
    if (p1 === 'the' && p2 !== undefined && /^(?:recognis|recogniz|acknowledg|highlight|stress|emphasi|underlin|underscor|identif|show|demonstrat|reinforc|see|sees|saw|accept|understand|understood|point|reiterat|repeat|address|meet|met)/.test(p2)) {
      if (n1 === 'to' || n1 === 'for') return `${p2} the need ${n1}`;
    }
    if ((p1 === 'a' || p1 === 'an' || p1 === 'urgent' || p1 === 'clear' || p1 === 'real' || p1 === 'pressing') && (n1 === 'to' || n1 === 'for') && /\bthere (?:is|was|remains|'s) (?:still |now |also )?(?:an? )?(?:urgent |clear |real |pressing |continuing |ongoing )?$/.test(readTextBefore(text, index, start))) {
      return `need ${n1}`;
    }
    return null;
  }
  if (p1 !== undefined && (NEGATIONS.has(p1) || p1.endsWith("n't") || (p1 === 'to' && p2 !== undefined && NEGATIONS.has(p2)))) return null;
  // "would need to find savings", "will need to": a forecast of what it will take.
  if (p1 === 'would' || p1 === 'will' || p1 === 'might' || p1 === 'may' || p1 === 'could' || p1 === "'ll") return null;
  // "those who need to travel" describes people; "if they need to" is a condition.
  if (p1 === 'who' || p2 === 'who' || p2 === 'if' || p2 === 'when' || p2 === 'whenever' || p1 === 'if' || p1 === 'as' || p1 === 'when') return null;
  if (word === 'needs' && p1 !== undefined && NOUN_NEED.has(p1) && p1 !== 'that' && p1 !== 'this') return null;
  if (word === 'needed') {
    // "is needed", "are still needed": an action noun as subject.
    if (p1 === 'is' || p1 === 'are' || p1 === 'remains' || p1 === 'remain' || ((p2 === 'is' || p2 === 'are') && /^(?:still|now|also|urgently|clearly|therefore|badly|really)$/.test(p1 ?? ''))) {
      return hasActionSubject(text, index, start) ? matched : null;
    }
    // "the rise was needed to protect services": a justification, not a prescription.
    if (p1 === 'was' || p1 === 'were' || p1 === 'be' || p1 === 'been' || p1 === 'being') return null;
    // "needed to …", "which needed more …": prescriptive when reported.
    // Minutes keep to reported speech after one reporting verb: "The Leader commented that… . All
    // councillors needed to support the plan." — so the sentence before counts too.
    const reported = REPORTING.test(readTextBefore(text, index, start)) || REPORTING.test(text.slice(Math.max(0, start - REPORTED_REACH), start).toLowerCase());
    if (!reported) return null;
    if (n1 === 'to') return n2 === undefined ? null : `${matched} to ${n2}`;
    return NEEDED_THING.has(n1) || isQuoteStart(text, index + matched.length, end) ? matched : null;
  }
  // "where we need to do better", "what they need to know": a description of needs, not a prescription.
  if (p1 === 'where' || p2 === 'where' || p1 === 'what' || p2 === 'what' || p2 === 'how') return null;
  if (n1 === 'to') {
    if (n2 === undefined || n2 === 'know') return null;
    return `${matched} to ${n2}`;
  }
  return NEEDED_THING.has(n1) ? matched : null;
}

/** Whether an opening quotation mark follows `from` after white space: "needed “a coherent framework”". */
function isQuoteStart(text: string, from: number, end: number): boolean {
  let p = from;
  while (p < end && text.charCodeAt(p) === 0x20) p++;
  const c = text.charCodeAt(p);
  return c === 0x201c || c === 0x2018 || c === 0x22;
}

function judgeHaveTo(word: string, matched: string, prev: string[], next: string[], text: string, index: number, start: number): string | null {
  const p1 = pickLast(prev);
  const n1 = next[0];
  if (word === 'got to') {
    // Only "have got to" / "'ve got to" / "has got to": "got to the hospital" is narrative.
    const lead = readTextBefore(text, index, start);
    if (!/(?:\bhave|\bhas|['’]ve|['’]s)\s+$/.test(lead)) return null;
    if (n1 === 'know' || n1 === 'the' || n1 === 'a' || n1 === 'work') return null;
    if (/\b(?:not|never|n['’]t)\s+\S+\s+$/.test(lead)) return null;
    return matched;
  }
  if (p1 !== undefined && (NEGATIONS.has(p1) || p1.endsWith("n't"))) return null;
  if (p1 === 'would' || p1 === 'might' || p1 === 'may' || p1 === 'could' || p1 === 'will' && pickLast(prev, 2) !== 'we') return null;
  if (n1 === undefined || n1 === 'say' || n1 === 'admit' || n1 === 'be' && next[1] === 'said' || n1 === 'do' && next[1] === 'with') return null;
  if (HARDSHIP.has(n1) || HAVE_TO_HARDSHIP.has(n1)) return null;
  if (prev.some((w) => w === 'meaning' || w === 'means' || w === 'who' || w === 'if' || w === 'when' || w === 'whether')) return null;
  // Possession: "what we have to offer", "the powers it has to".
  if (p1 === 'what' || p1 === 'powers' || p1 === 'money' || prev.includes('what')) return null;
  return matched;
}

/** Whether an action noun is the subject of the "is/are (still) …" just before `index`: "further work is (still) needed". */
function hasActionSubject(text: string, index: number, start: number): boolean {
  const subject = readTextBefore(text, index, start).match(/(\bno\s+(?:[a-z]+\s+)?)?([a-z-]+)\s+(?:is|are|remains?)\s+(?:[a-z]+\s+)?$/);
  // "No further action is required" says the opposite.
  return subject !== null && subject[1] === undefined && ACTION_NOUNS.has(subject[2]!);
}

function judgeNecessity(text: string, index: number, start: number, word: string, matched: string, prev: string[], next: string[]): string | null {
  const [n1, n2] = next;
  // "Further action is required.", "Improvements are essential in…"
  if ((word === 'required' || word === 'necessary' || word === 'essential' || word === 'vital') && n1 !== 'that' && n1 !== 'to' && hasActionSubject(text, index, start)) return matched;
  if (word === 'priority') {
    // "it is a (high|top|key) priority to"
    const p = prev.join(' ');
    return /(?:is|be|remains) (?:a |the )?(?:high |top |key |main |urgent |first |immediate )?$/.test(`${p} `) && n1 === 'to' ? `priority ${n1}` : null;
  }
  const p1 = pickLast(prev);
  const p2 = pickLast(prev, 2);
  const copular = p1 === 'is' || p1 === 'be' || p1 === 'remains' || p1 === "'s" || p1 === "it's" || p1 === 'was' ||
    ((p2 === 'is' || p2 === 'be' || p2 === "it's") && /^(?:absolutely|therefore|also|now|so|more|most|particularly|especially|still)$/.test(p1 ?? ''));
  if (!copular && !(n1 === 'that' && p1 !== 'the')) return null;
  if (n1 === 'that') return p1 === 'was' ? null : `${matched} that`;
  if (n1 === 'to' && n2 !== undefined && !DISCOURSE.has(n2) && !/^(?:note|remember|say|stress|recognise|recognize|acknowledge|understand|point|add|emphasise|mention|highlight)$/.test(n2)) {
    if (word === 'required' || word === 'necessary' || word === 'important' || word === 'critical') return prev.includes('it') || prev.includes("it's") ? `${matched} to` : null;
    return `${matched} to`;
  }
  if (n1 === 'for' && (prev.includes('it') || prev.includes("it's")) && word !== 'required') return `${matched} for`;
  return null;
}

function judgeBestWay(text: string, index: number, end: number, matched: string, prev: string[]): string | null {
  const p1 = pickLast(prev);
  if (p1 === undefined || !/^(?:right|correct|best|only|proper|sensible|better|real|obvious|answer|way)$/.test(p1) && !(matched.toLowerCase() === 'answer' || matched.toLowerCase() === 'solution')) return null;
  if ((matched.toLowerCase() === 'answer' || matched.toLowerCase() === 'solution') && p1 !== 'the' && p1 !== 'only' && p1 !== 'best' && p1 !== 'real' && p1 !== 'obvious' && p1 !== 'right') return null;
  const following = text.slice(index, Math.min(end, index + 2 * WINDOW)).toLowerCase();
  const m = following.match(/^[\p{L}\s,'’-]*?\b(?:is|would be|must be|will be)\s+to\b/u);
  return m === null ? null : `${p1} ${matched} … is to`;
}

function judgeCould(next: string[], matched: string): string | null {
  const [n1, n2, n3] = next;
  if ((n1 === 'do' || n1 === 'have' && n2 === 'done') && (n2 === 'more' || n2 === 'better' || n3 === 'more' || n3 === 'better')) return `${matched} ${n1} ${n2 === 'done' ? n3 : n2}`;
  if (n1 === 'be' && (n2 === 'improved' || n2 === 'strengthened' || n2 === 'better' || n2 === 'stronger')) return `${matched} be ${n2}`;
  if (n1 === 'still' && n2 === 'be' && (n3 === 'improved' || n3 === 'better' || n3 === 'strengthened')) return `${matched} still be ${n3}`;
  if (n1 === 'improve' || n1 === 'learn') return `${matched} ${n1}`;
  return null;
}

function judgeWant(next: string[], matched: string, prev: string[]): string | null {
  if (prev.includes('if') || pickLast(prev) === 'who' || pickLast(prev) === 'you' || pickLast(prev) === 'nobody' || pickLast(prev) === 'one') return null;
  if (next[0] === 'to') return next[1] === 'see' ? `${matched} to see` : null;
  // "wants ministers to act", "want the council to reconsider": an object, then "to".
  const toAt = next.indexOf('to');
  if (toAt < 1 || toAt > 4) return null;
  const object = next.slice(0, toAt);
  if (object.some((w) => /^(?:more|less|time|money|help|something|nothing|anything|everything|it)$/.test(w) && object.length === 1)) return null;
  if (object.some((w) => NEGATIONS.has(w) || w === 'and' || w === 'or')) return null;
  return `${matched} ${object.join(' ')} to`;
}

/** "Ofsted told the council to improve", "the trust was ordered to make changes": a directive reported. */
function judgeDirective(next: string[], matched: string, prev: string[]): string | null {
  const p1 = pickLast(prev);
  if (p1 === 'the' || p1 === 'an' || p1 === 'a' || p1 === 'if' || p1 === 'who' || p1 === 'as') return null;
  // "the action we have told the provider to take" names the directive; the sentence does not make it.
  if (prev.some((w) => w === 'action' || w === 'actions' || w === 'what' || w === 'which' || w === 'steps' || w === 'measures')) return null;
  const toAt = next.indexOf('to');
  if (toAt < 0 || toAt > 4 || toAt + 1 >= next.length) return null;
  const object = next.slice(0, toAt);
  if (object.some((w) => NEGATIONS.has(w) || w === 'and' || w === 'or' || w === 'that' || w === 'me' || w === 'us' || w === 'him' || w === 'her')) return null;
  // "told to stay indoors" is an instruction to the public; prescriptions name an improvement or an action.
  const verb = next[toAt + 1]!;
  if (/^(?:expect|stay|leave|wait|go|come|keep|call|avoid|return)$/.test(verb)) return null;
  return `${matched} ${[...object, 'to'].join(' ')}`.replace(/\s+/g, ' ');
}

function judgeAsk(next: string[], matched: string, prev: string[]): string | null {
  const p1 = pickLast(prev);
  // "was asked to join" reports a plan; "Members are asked to note" is caught as a phrase of its own.
  if (p1 !== undefined && /^(?:be|been|being|was|were|is|are|am|if|who|not|never)$/.test(p1)) return null;
  if (next[0] === 'that') return `${matched} that`;
  if (next[0] === 'to' || next[0] === 'why' || next[0] === 'about' || next[0] === 'whether' || next[0] === 'how' || next[0] === 'what' || next[0] === 'if' || next[0] === 'for') return null;
  const toAt = next.indexOf('to');
  if (toAt < 1 || toAt > 4 || toAt + 1 >= next.length) return null;
  if (next.slice(0, toAt).some((w) => NEGATIONS.has(w) || w === 'and' || w === 'or' || w === 'questions' || w === 'question')) return null;
  return `${matched} ${next.slice(0, toAt).join(' ')} to`;
}

function judgeRecommend(word: string, matched: string, prev: string[], next: string[]): string | null {
  const p1 = pickLast(prev);
  if (word === 'recommendation' || word === 'recommendations') {
    const [n1, n2] = next;
    if ((n1 === 'is' || n1 === 'was' || n1 === 'are' || n1 === 'were') && (n2 === 'that' || n2 === 'to' || n2 === 'for')) return `${matched} ${n1} ${n2}`;
    if (n1 === 'that' && p1 !== 'the') return `${matched} that`;
    if (n1 === 'include' || n1 === 'includes' || n1 === 'including') return `${matched} ${n1}`;
    return null;
  }
  // "the recommended dose", "a recommended route": an adjective.
  if (word === 'recommended' && (p1 === 'the' || p1 === 'a' || p1 === 'an' || p1 === 'its' || p1 === 'their' || p1 === 'than')) return null;
  // "This option is not recommended": an option turned down, not an action prescribed.
  if (word === 'recommended' && p1 !== undefined && (NEGATIONS.has(p1) || p1.endsWith("n't"))) return null;
  return matched;
}

function judgeCall(word: string, matched: string, prev: string[], next: string[]): string | null {
  const p1 = pickLast(prev);
  const n1 = next[0];
  // "a call for evidence", "the call for papers": an invitation, not a demand.
  if (/for$/.test(word) && (n1 === 'evidence' || n1 === 'papers' || n1 === 'submissions' || n1 === 'views' || n1 === 'tenders' || n1 === 'nominations' || n1 === 'help')) return null;
  if (/on$|upon$/.test(word) && (p1 === 'a' || p1 === 'to')) return null;
  // "responds to calls for service", "emergency calls for help": calls that are made to a service.
  // "would consider calls for an inquiry", "amid calls for": the calls are reported as a topic, not made.
  if (word.startsWith('calls') && p1 !== undefined && /^(?:consider|considering|considered|reject|rejected|rejecting|resist|resisted|resisting|ignore|ignored|ignoring|dismiss|dismissed|dismissing|amid|despite|following|after|answer|rebuffed|rebuff|echoed|backed|heeded|heed)$/.test(p1)) return null;
  if (word.startsWith('calls') && (n1 === 'service' || (p1 !== undefined && /^(?:to|of|emergency|999|101|answer|answering|handling|handled|respond|responding|these|those|phone|telephone|many|more|fewer|all|its|their|most)$/.test(p1)))) return null;
  if (n1 === undefined) return null;
  if (word.startsWith('called') && (p1 === 'so' || p1 === 'was' || p1 === 'is' || p1 === 'been')) return null;
  return matched;
}

function judgeDemand(word: string, matched: string, prev: string[], next: string[]): string | null {
  const p1 = pickLast(prev);
  const n1 = next[0];
  // "rising demand for services" is a quantity; "demanded an apology" is a call.
  if (word === 'demand' || word === 'demands') {
    if (n1 !== 'that') return null;
    if (p1 !== undefined && /^(?:the|a|an|rising|high|increasing|growing|increased|of|in|for|this|that|such|public|service|local)$/.test(p1)) return null;
    return `${matched} that`;
  }
  if (p1 === 'in' || p1 === 'high' || p1 === 'heavily') return null;
  if (n1 === undefined || n1 === 'by' || n1 === 'of') return null;
  return matched;
}
