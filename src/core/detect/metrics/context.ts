/**
 * What the sentence around a figure says about it: the period it is tied to
 * ("In September 2018"), what it is set against ("compared to 64 per cent at
 * the last inspection", "higher than the national average") and which way it
 * moved. Analysts ask these three questions of every figure, and the words
 * that answer them sit close to it. The time expressions and comparison cues
 * of a paragraph are found in one pass each; each figure then reads only a
 * bounded window of its sentence, so the cost stays linear in the paragraph.
 */
import type { Direction } from '../../model';
import { readNumberWords } from './number-words';

/** A half-open span of UTF-16 offsets into the paragraph. */
export interface LocalSpan {
  readonly start: number;
  readonly end: number;
}

/** The context found for one figure. */
export interface FigureContext {
  readonly period: string | null;
  readonly comparison: string | null;
  /** Where the comparison lies in the paragraph, so a figure inside it can be treated as the benchmark. */
  readonly comparisonSpan: LocalSpan | null;
  readonly comparisonValue: number | null;
  readonly direction: Direction | null;
}

/** How far around a figure we look, in UTF-16 units: a long clause either side. */
const LOOK_BEFORE = 160;
const LOOK_AFTER = 120;
/** The longest comparison we quote back; longer ones are cut at a word. */
const MAX_COMPARISON = 80;

/**
 * Where sentences end: terminal punctuation followed by white space (so "2.5"
 * and "£1.2m" never split), and line breaks, which separate list items.
 */
const SENTENCE_END = /[.!?][”"’')\]]{0,3}\s|[\r\n]/g;

/** The sentence spans of a paragraph, in order, covering it entirely. */
function findSentences(paragraph: string): LocalSpan[] {
  const sentences: LocalSpan[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  while (SENTENCE_END.exec(paragraph) !== null) {
    const end = SENTENCE_END.lastIndex;
    if (end > start) sentences.push({ start, end });
    start = end;
  }
  if (start < paragraph.length || sentences.length === 0) sentences.push({ start, end: paragraph.length });
  return sentences;
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';
const RELATIVE_UNIT = '(?:(?:financial|academic|school|calendar)[ \\t\\u00a0]year|year|month|quarter|week|period|term|decade|(?:\\d{1,2}|twelve|six|three|two)[ \\t\\u00a0]months|(?:two|three|five|\\d)[ \\t\\u00a0]years)';

/**
 * Time expressions a figure can be tied to. Case-sensitive on purpose (the
 * regex engine is much faster without the `i` flag): months are capitalised,
 * other words may be at the start of a sentence. A bare "May" is dropped
 * later (see {@link isPeriod}).
 */
const PERIOD_PARTS = [
  `(?:[Tt]he[ \\t\\u00a0])?(?:(?:financial|academic|calendar|school)[ \\t\\u00a0])?year[ \\t\\u00a0](?:to|ending)[ \\t\\u00a0](?:(?:\\d{1,2}[ \\t\\u00a0])?${MONTH}[ \\t\\u00a0])?\\d{4}`,
  `(?:(?:[Ee]arly|[Ll]ate|[Mm]id|[Ee]nd[ \\t\\u00a0]of)[ \\t\\u00a0-])?(?:\\d{1,2}[ \\t\\u00a0])?${MONTH}(?:[ \\t\\u00a0]\\d{4})?(?:[ \\t\\u00a0]?(?:to|and|-|–)[ \\t\\u00a0]?(?:\\d{1,2}[ \\t\\u00a0])?${MONTH}(?:[ \\t\\u00a0]\\d{4})?)?`,
  `(?:Q[1-4]|[Qq]uarter[ \\t\\u00a0][1-4])[ \\t\\u00a0](?:19|20)\\d{2}(?:[/–-]\\d{2})?`,
  `(?:19|20)\\d{2}(?:[/–-](?:19|20)?\\d{2})?(?![\\d%]|[,.]\\d)`,
  `(?:[Tt]he[ \\t\\u00a0])?(?:[Ll]ast|[Pp]ast|[Pp]revious|[Tt]his|[Cc]urrent|[Ss]ame|[Ll]atest|[Nn]ext|[Cc]oming)[ \\t\\u00a0]${RELATIVE_UNIT}`,
  `(?:[Aa]|[Oo]ne)[ \\t\\u00a0]year[ \\t\\u00a0](?:earlier|ago|before)|[Tt]he[ \\t\\u00a0]year[ \\t\\u00a0]before|(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)(?:[ \\t\\u00a0](?:of[ \\t\\u00a0])?(?:19|20)\\d{2})?`,
];
const PERIOD = new RegExp(`\\b(?:${PERIOD_PARTS.join('|')})\\b`, 'g');

/** Whether a {@link PERIOD} match is a period: a bare "May" is more often the verb at the start of a sentence. */
function isPeriod(match: string): boolean {
  return match !== 'May';
}

/**
 * Words that introduce what a figure is set against. The figure must come
 * first ("92 per cent … compared to 64 per cent"); `from` counts only before
 * another figure ("up from 52%"), and `on` only before a previous period
 * ("up 14% on the year before").
 */
const COMPARISON_CUE =
  /\b(?:(compared[ \t\u00a0](?:to|with)|in[ \t\u00a0]comparison[ \t\u00a0](?:to|with)|against|versus|vs\.?)|((?:higher|lower|more|fewer|less|greater|better|worse|above|below|bigger|smaller)[ \t\u00a0]than|than)|(in[ \t\u00a0]line[ \t\u00a0]with|similar[ \t\u00a0]to|the[ \t\u00a0]same[ \t\u00a0]as|on[ \t\u00a0]a[ \t\u00a0]par[ \t\u00a0]with)|(above|below)(?=[ \t\u00a0](?:the|a|an|its|their|our|national|regional|average|target|England|Wales|Scotland))|((?:up|down|rising|falling|rise|fall|increase|decrease|drop|rose|fell)[ \t\u00a0]from|from(?=[ \t\u00a0](?:[£$€]|\d|about|around|nearly|just)))|(on(?=[ \t\u00a0]the[ \t\u00a0](?:previous|same|last|year|month|quarter|week)|[ \t\u00a0]last[ \t\u00a0]|[ \t\u00a0](?:19|20)\d{2}\b)))[ \t\u00a0]{1,3}/g;

const UP_AFTER = /^[ \t\u00a0]{1,2}(?:rise|increase|jump|up|growth|uplift)\b/i;
const DOWN_AFTER = /^[ \t\u00a0]{1,2}(?:fall|drop|decrease|decline|reduction|cut|down)\b/i;
const HIGHER_AFTER = /^[ \t\u00a0]{1,2}(?:higher|more|above|greater|better)\b/i;
const LOWER_AFTER = /^[ \t\u00a0]{1,2}(?:lower|fewer|less|below|worse)\b/i;
/** "up to" is an upper bound, not a rise; "rose to 40%" still says which way it went. */
const UP_BEFORE = /\b(?:rose|risen|rising|rises|increased|increasing|increases|grew|grown|growing|up(?![ \t\u00a0]to\b)|jumped|climbed|soared|doubled|tripled|trebled)\b/i;
const DOWN_BEFORE = /\b(?:fell|fallen|falling|falls|dropped|dropping|decreased|decreasing|declined|declining|down|reduced|cut|halved|slumped)\b/i;
const SAME_BEFORE = /\b(?:remained|unchanged|stable|steady|flat)\b/i;
const CLAUSE_BREAK = /[,;:]/g;

/** A comparison that is really a duration: "more than a year", "less than 18 weeks". */
const DURATION_START = /^(?:a|an|one|two|three|four|five|six|\d+)[ \t\u00a0](?:[a-z]{3,12}[ \t\u00a0])?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b/i;

/** Where a comparison stops: a clause break or a conjunction that starts a new clause. */
const COMPARISON_STOP = /[,;:](?=\s|$)|[!?()\r\n"“”‘]|['’](?![A-Za-z])|\.(?=\s|$|["”'’)\]])|[ \t\u00a0](?:and|but|which|while|whereas|although|where|who|because|so)[ \t\u00a0]/;

const FIGURE_IN_TEXT = /(\d[\d,]*(?:\.\d+)?)[ \t\u00a0]?(bn|billion|m|million|k|thousand)?(?![A-Za-z\d])/i;
const WORD_FIGURE = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a[ \t\u00a0](?:third|quarter|half))\b/i;
const MAGNITUDE: Readonly<Record<string, number>> = { bn: 1e9, billion: 1e9, m: 1e6, million: 1e6, k: 1e3, thousand: 1e3 };

/** A match of one of the context regexes, in paragraph offsets. */
interface Found {
  readonly start: number;
  readonly end: number;
  readonly match: RegExpExecArray;
}

/**
 * The context words of one paragraph, found in one pass each: sentence
 * spans, time expressions and comparison cues. Built once per paragraph that
 * holds figures, so the cost stays linear however many figures it has.
 */
export interface ParagraphContext {
  readonly sentences: readonly LocalSpan[];
  readonly periods: readonly Found[];
  readonly cues: readonly Found[];
}

/** Collects every match of a global regex over the paragraph. */
function collect(regex: RegExp, paragraph: string, keep: (match: RegExpExecArray) => boolean): Found[] {
  const found: Found[] = [];
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(paragraph)) !== null) {
    if (match[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    if (keep(match)) found.push({ start: match.index, end: match.index + match[0].length, match });
  }
  return found;
}

/** Finds the sentences, periods and comparison cues of a paragraph. */
export function indexParagraph(paragraph: string): ParagraphContext {
  return {
    sentences: findSentences(paragraph),
    periods: collect(PERIOD, paragraph, (match) => isPeriod(match[0])),
    cues: collect(COMPARISON_CUE, paragraph, () => true),
  };
}

/** The index of the first item whose start is at or after `offset` (items sorted by start). */
function firstFrom(items: readonly Found[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (items[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Reads the context of the figure at `figure` inside `sentence`.
 * `benchmarkOf`, when given, is the comparison span of an earlier figure that
 * this one lies in ("… compared to 64 per cent at the last inspection"): the
 * figure is then a benchmark, and its period is looked for only inside that
 * span, so it does not inherit the main figure's period.
 */
export function readFigureContext(
  paragraph: string,
  index: ParagraphContext,
  sentence: LocalSpan,
  figure: LocalSpan,
  value: number | null,
  nextFigureStart: number,
  benchmarkOf: LocalSpan | null,
): FigureContext {
  const beforeStart = Math.max(sentence.start, figure.start - LOOK_BEFORE);
  const afterEnd = Math.min(sentence.end, figure.end + LOOK_AFTER);

  let comparison: string | null = null;
  let comparisonSpan: LocalSpan | null = null;
  let comparisonValue: number | null = null;
  let direction: Direction | null = null;

  const cueAt = firstFrom(index.cues, figure.end);
  const cue = cueAt < index.cues.length ? index.cues[cueAt] : null;
  if (benchmarkOf === null && cue !== null && cue.start <= nextFigureStart && cue.end < afterEnd && isCueOfFigure(paragraph, figure.end, cue.start)) {
    const rest = paragraph.slice(cue.end, Math.min(sentence.end, cue.end + LOOK_AFTER));
    const stop = COMPARISON_STOP.exec(rest);
    let text = stop === null ? rest : rest.slice(0, stop.index);
    if (text.length > MAX_COMPARISON) text = text.slice(0, text.lastIndexOf(' ', MAX_COMPARISON));
    const trimmed = text.trim();
    // "waited more than a year" states a duration, not a benchmark.
    if (trimmed.length > 0 && !DURATION_START.test(trimmed)) {
      comparison = trimmed;
      const start = cue.end + text.indexOf(trimmed);
      comparisonSpan = { start, end: start + trimmed.length };
      comparisonValue = readFirstFigure(trimmed);
      direction = directionFromCue(cue.match, value, comparisonValue);
    }
  }
  if (direction === null) {
    const before = paragraph.slice(Math.max(sentence.start, figure.start - 60), figure.start);
    direction = directionFromWords(before, paragraph.slice(figure.end, Math.min(sentence.end, figure.end + 16)));
  }
  const period = findPeriod(paragraph, index.periods, benchmarkOf ?? { start: beforeStart, end: afterEnd }, benchmarkOf === null ? sentence.start : -OPENING, figure, comparisonSpan);
  return { period, comparison, comparisonSpan, comparisonValue, direction };
}

/** How far past the comma a cue may start and still belong to the figure before it. */
const SHORT_LINK = 12;

/**
 * Whether a cue belongs to the figure before it: in the same clause ("10 per cent higher than"), or
 * right after the comma that closes the figure's clause ("12% of posts, compared with 9%"). "Out of the
 * eight services we looked at, medical care is rated worse than …" compares something else, and
 * so does a cue on the other side of a quote mark.
 */
function isCueOfFigure(paragraph: string, from: number, cueStart: number): boolean {
  for (let i = cueStart - 1; i >= from; i--) {
    const code = paragraph.charCodeAt(i);
    // A double quote mark between them: the cue is in someone else's words, or the figure is.
    if (code === 34 || code === 0x201c || code === 0x201d) return false;
    if (code === 44 || code === 59 || code === 58) {
      // A short link such as ", is in line with" or ", well above" still reads on from the figure.
      return cueStart - i <= SHORT_LINK;
    }
  }
  return true;
}

/** The direction a comparison cue implies, or the one the two values imply. */
function directionFromCue(cue: RegExpExecArray, value: number | null, comparisonValue: number | null): Direction | null {
  const [whole, , than, same, side, from] = cue;
  const lower = whole.toLowerCase();
  if (same !== undefined) return 'same';
  if (than !== undefined) {
    if (/^(?:higher|more|greater|better|above|bigger)/.test(lower)) return 'higher';
    if (/^(?:lower|fewer|less|worse|below|smaller)/.test(lower)) return 'lower';
  }
  if (side !== undefined) return side === 'above' ? 'higher' : 'lower';
  if (from !== undefined) {
    if (/^(?:up|rising|rise|increase|rose)/.test(lower)) return 'up';
    if (/^(?:down|falling|fall|decrease|drop|fell)/.test(lower)) return 'down';
  }
  if (value === null || comparisonValue === null) return null;
  if (from !== undefined) return value > comparisonValue ? 'up' : value < comparisonValue ? 'down' : 'same';
  return value > comparisonValue ? 'higher' : value < comparisonValue ? 'lower' : 'same';
}

/** Direction from the words right after the figure, then from a verb earlier in its clause. */
function directionFromWords(before: string, after: string): Direction | null {
  if (UP_AFTER.test(after)) return 'up';
  if (DOWN_AFTER.test(after)) return 'down';
  if (HIGHER_AFTER.test(after)) return 'higher';
  if (LOWER_AFTER.test(after)) return 'lower';
  // Only the figure's own clause: "In 2019, costs rose; 40 staff left" says nothing about the 40.
  let cut = 0;
  CLAUSE_BREAK.lastIndex = 0;
  while (CLAUSE_BREAK.exec(before) !== null) cut = CLAUSE_BREAK.lastIndex;
  const clause = cut === 0 ? before : before.slice(cut);
  if (UP_BEFORE.test(clause)) return 'up';
  if (DOWN_BEFORE.test(clause)) return 'down';
  if (SAME_BEFORE.test(clause)) return 'same';
  return null;
}

/**
 * The nearest period to the figure within `window`, skipping the figure
 * itself and its comparison. A period before the figure counts only in the
 * figure's own clause, or when it opens the sentence ("In September 2018,
 * 92 per cent …"): "who has served since 2009, said the £12m deal" does not
 * date the deal.
 */
function findPeriod(paragraph: string, periods: readonly Found[], window: LocalSpan, sentenceStart: number, figure: LocalSpan, comparison: LocalSpan | null): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (let i = firstFrom(periods, window.start); i < periods.length && periods[i].start < window.end; i++) {
    const { start, end, match } = periods[i];
    if (end > window.end) break;
    if (end > figure.start && start < figure.end) continue;
    if (comparison !== null && start >= comparison.start && end <= comparison.end) continue;
    const before = end <= figure.start;
    if (before && start - sentenceStart > OPENING && hasClauseBreak(paragraph, end, figure.start)) continue;
    if (!before && hasSemicolon(paragraph, figure.end, start)) continue;
    const distance = before ? figure.start - end : start - figure.end;
    if (distance < bestDistance) {
      best = match[0];
      bestDistance = distance;
    }
  }
  return best;
}

/** How far into a sentence an opening phrase such as "In the year to March 2024," may reach. */
const OPENING = 30;

/** Whether `paragraph[from, to)` holds a comma, semicolon or colon, unless it is only a short link such as ", up". */
function hasClauseBreak(paragraph: string, from: number, to: number): boolean {
  if (to - from <= 6) return false;
  for (let i = from; i < to; i++) {
    const code = paragraph.charCodeAt(i);
    if (code === 44 || code === 59 || code === 58) return true;
  }
  return false;
}

/** Whether `paragraph[from, to)` holds a semicolon. */
function hasSemicolon(paragraph: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (paragraph.charCodeAt(i) === 59) return true;
  return false;
}

/** The first figure in a comparison ("64 per cent at the last inspection" → 64, "£7.9m in 2019" → 7900000). */
function readFirstFigure(text: string): number | null {
  const digits = FIGURE_IN_TEXT.exec(text);
  if (digits !== null) {
    const raw = digits[1].replace(/,/g, '');
    const value = Number(raw);
    // A year in the comparison ("in 2021") is its period, not its value.
    if (/^(?:19|20)\d{2}$/.test(raw) && digits[2] === undefined) return null;
    if (!Number.isFinite(value)) return null;
    return digits[2] === undefined ? value : value * MAGNITUDE[digits[2].toLowerCase()];
  }
  const word = WORD_FIGURE.exec(text);
  if (word === null) return null;
  return readNumberWords(text, word.index)?.value ?? null;
}
