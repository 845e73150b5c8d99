/**
 * The metric detector: every figure a report states as a statistic — a
 * percentage, a count, a sum of money, a ratio or a change — with its value,
 * its unit and, where the sentence gives them, its period, comparison and
 * direction (see the annotation guide).
 *
 * One global regex finds the places where a figure can start (a digit, a
 * currency sign, a number word); from each, bounded sticky regexes read the
 * number, its unit and the words around it. A figure is then either kept or
 * set aside as one of the numbers reports are full of that are not
 * statistics: dates, years, times, ages, durations, ordinals, phone and
 * reference numbers, paragraph numbers, "one" as a pronoun. Every regex reads
 * a bounded stretch from a fixed position, so the scan is linear in the
 * paragraph's length.
 */
import type { Direction, MetricKind } from '../model';
import { indexParagraph, readFigureContext, type LocalSpan } from './metrics/context';
import { readNumberWords } from './metrics/number-words';
import type { LocalDetection, ParagraphScanner } from './scanner';

/**
 * Where a figure can start: a digit, a currency sign, or a number word. The
 * words are spelled as a trie with explicit capitals rather than with the
 * `i` flag, which lets the regex engine reject most positions at once.
 */
const CANDIDATE =
  /[0-9£$€]|\b(?:[Aa](?=[ \t\u00a0]{1,2}(?:third|quarter|fifth|sixth|seventh|eighth|ninth|tenth|half|dozen|hundred|thousand|million|billion)\b)|[Zz]ero|[Oo]ne|[Tt](?:wo|hree|hirteen|hirty|en|welve|wenty)|[Ff](?:our(?:teen)?|ive|ifteen|orty|ifty)|[Ss](?:ix(?:teen|ty)?|even(?:teen|ty)?)|[Ee](?:ight(?:een|y)?|leven)|[Nn]ine(?:teen|ty)?|[Hh]alf|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|HALF)\b/g;

/**
 * First letters (lower-cased) and signs that a {@link UNIT} can start with after its spaces; any other
 * character after a number rules every unit out without running the regex.
 */
const UNIT_STARTS = new Set([...'abcdefghiklmnopstuwy%+-'].map((c) => c.charCodeAt(0)));
/** Letters glued to a number that keep it a figure ("£2.5m", "40p", "12pc") or make it something else ("3rd", "1990s", "9am"). */
const GLUED_SUFFIX = /(bn|mn|m|k|tn|p|pc|st|nd|rd|th|s|am|pm|km|kg|mph|kph|ft|cm|mm|ml|mw|gw|kw|kwh|mwh)(?![A-Za-z0-9])/iy;
/** The rest of an alphanumeric token such as a postcode or reference number. */
const TOKEN_REST = /[A-Za-z0-9_./-]*/y;
const RANGE = /[ \t\u00a0]{0,2}[-–][ \t\u00a0]{0,2}(\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d/:]|\.\d)/y;
const COLON_RATIO = /:(\d{1,3})(?![\d:])/y;
/** What makes a range of numbers an age band: "the 0-17 population", "the 18-24 age group". */
const AGE_BAND_AFTER = /[ \t\u00a0]{1,2}(?:population|age[ \t\u00a0-]{1,2}(?:groups?|bands?|ranges?|brackets?)|cohorts?)\b/iy;
const MAGNITUDE_WORD = /[ \t\u00a0]{1,2}(million|billion|thousand|trillion|bn)\b/iy;
/** Horizontal space between a number and its unit, no-break space included (common in text copied from web pages). */
const SP = '[ \\t\\u00a0]';
const PERCENT_SIGN = `${SP}{0,2}%|${SP}{1,2}(?:per[ \\t\\u00a0-]?cent|percent)\\b`;
const POINTS_WORDS = `${SP}{1,2}(?:percentage|per${SP}?cent(?:age)?)[ \\t\\u00a0-]{1,2}points?\\b|${SP}?(?:pp|ppts?)\\b`;
const MONEY_WORDS = `${SP}{1,2}(?:(pounds?)(?:${SP}sterling)?|(pence)|(?:us${SP})?(dollars)|(euros?))\\b`;
/**
 * "one in five", "9 out of 10", "nine out of the 12", "one in every four", "two of every three", "nine of the
 * twelve": "of" alone needs "the" or "every" after it, so "page 3 of 10" and "one of them" stay out.
 */
const RATIO_WORDS = `(?:${SP}{1,2}|-)(?:in(?:${SP}{1,2}every)?|out${SP}{1,2}of(?:${SP}{1,2}(?:the|every))?|of${SP}{1,2}(?:the|every))(?:${SP}{1,2}|-)(?=[0-9a-z])`;
const RATE_WORDS = `${SP}{1,2}per${SP}{1,2}(?=\\d)`;
const RATE_HEAD = `${SP}{1,2}per${SP}{1,2}(?:head|capita)\\b`;
const TIMES_WORDS = `${SP}{1,2}times(?=${SP}{1,2}(?:more|less|higher|lower|greater|bigger|larger|smaller|as|likely|likelier|faster|slower|worse|better|the|over)\\b)|[ \\t\\u00a0-]?fold\\b`;
const AGE_WORDS_AFTER = `(?:${SP}{0,2}-${SP}{0,2}|${SP}{1,2})(?:years?|yrs?)(?:${SP}{0,2}-${SP}{0,2}|${SP}{1,2})olds?\\b|${SP}{1,2}years?${SP}{1,2}of${SP}{1,2}age\\b|\\+(?!\\d)|${SP}{1,2}(?:and|or)${SP}{1,2}(?:over|above|older|under|younger)\\b|${SP}{1,2}plus\\b`;
const DURATION_WORDS =
  `(?:${SP}{1,2}|${SP}{0,2}-${SP}{0,2})(?:(?:working|consecutive|calendar|full|school|clear|business|successive|whole|long|short|more|further|extra|additional)${SP}{1,2})?(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?|centuries|century|fortnights?|nights?|weekends?)(?![A-Za-z])`;
const CLOCK_WORDS = `${SP}{0,2}(?:am|pm|a\\.m\\.|p\\.m\\.)(?![A-Za-z])|${SP}{1,2}o['’]clock\\b|${SP}{1,2}(?:GMT|BST|UTC)\\b`;
const MEASURE_WORDS =
  `${SP}{0,2}(miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|mph|kph|kg|kilograms?|tonnes?|litres?|liters?|acres?|hectares?|square${SP}(?:met(?:re|er)s?|feet|miles?|kilomet(?:re|er)s?)|sq${SP}?(?:ft|m)|feet|mw|gw|kw|kwh|mwh|gwh)(?![A-Za-z])`;
/**
 * Everything that can follow a number and decide what it is, in one sticky
 * regex so that each number costs one match: the group that matched says
 * which unit it was. Order matters where two could match: "per cent" before
 * "per 1,000", "% points" before "%".
 */
const UNIT = new RegExp(
  [
    `(?<percent>${PERCENT_SIGN})(?<percentPoints>${SP}{1,2}points?\\b)?`,
    `(?<points>${POINTS_WORDS})`,
    `(?<money>${MONEY_WORDS})`,
    `(?<ratio>${RATIO_WORDS})`,
    `(?<rate>${RATE_WORDS})`,
    `(?<rateHead>${RATE_HEAD})`,
    `(?<times>${TIMES_WORDS})`,
    `(?<frequency>${SP}{1,2}times\\b)`,
    `(?<age>${AGE_WORDS_AFTER})`,
    `(?<duration>${DURATION_WORDS})`,
    `(?<clock>${CLOCK_WORDS})`,
    `(?<measure>${MEASURE_WORDS})`,
  ].join('|'),
  'iy',
);
/** Words after a bare number that make it a phone or service number: "the 101 number", "999 calls". */
const SERVICE_AFTER = /[ \t\u00a0]{1,2}(?:(number|line|helpline)|(calls?|service|operators?|emergency))\b/iy;
/** What follows a person's age given between commas: "Jade, 19, said". */
const AFTER_AGE_IN_COMMAS = /(?:[,)]|[ \t\u00a0]{1,2}(?:said|says|from|who|told)\b)/y;
/** After "m" glued to a number without a currency: millions of something ("4.5m workers"), not metres ("a 500m stretch"). */
const MILLIONS_OF = /[ \t\u00a0]{1,2}(?:pounds|dollars|euros|people|[a-z]+s\b|of\b)/iy;
/** "pounds 500m": the ASCII form some news archives use for "£500m"; and "GBP 5m". */
const WRITTEN_CURRENCY = /\b(pounds|dollars|euros|GBP|USD|EUR)[ \t\u00a0]$/i;
const AND_A_HALF = /[ \t\u00a0]{1,2}and[ \t\u00a0]{1,2}a[ \t\u00a0]{1,2}half\b/iy;
const COMPOUND = /-([A-Za-z]+)(?![A-Za-z-])/y;
/** Compounds after digits that do not size anything: "24-hour" is caught as a duration, these are not. */
const IDIOM_COMPOUNDS = new Set(['to', 'off', 'and', 'or', 'a', 'an', 'the', 'of', 'in', 'on', 'up', 'th', 'st', 'nd', 'rd', 'plus', 'odd', 'something', 'year', 'years']);
/** A house number: "12 Bramley Road", "4 High St". */
const ADDRESS = /(?:[ \t\u00a0]{1,2}[A-Z][A-Za-z'’-]{0,20}){1,3}[ \t\u00a0]{1,2}(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Way|Close|Drive|Dr|Place|Pl|Square|Sq|Crescent|Terrace|Court|Ct|Gardens|Grove|Row|Walk|Hill|Mews|Parade|Park|Green|Yard|Wharf|Quay|Gate|Vale|View)\b/y;
/** Verbs of speech after "one resident", "One relative": an indefinite speaker, not a count. */
const SPEECH_AFTER = /[ \t\u00a0]{1,2}(?:said|says|told|tells|added|explained|described|commented|wrote|asked|reported|recalled|spoke)\b/iy;
const PHONE_GROUPS = /(?:[ \t\u00a0-]\d{2,6}(?!\d)){0,4}/y;
const NOUN_WORD = /[ \t\u00a0]{1,2}([A-Za-z][A-Za-z'’-]{0,30})(?![A-Za-z0-9'’-])/y;
/** Approximators and bare direction words that belong to a figure's span ("nearly half", "up 14%"). */
const LEAD_WORDS = new Set(['about', 'around', 'approximately', 'roughly', 'nearly', 'almost', 'over', 'under', 'some', 'circa', 'up', 'down', 'only', 'just', 'estimated']);
/** Two-word lead-ins, by their second word: "more than", "at least", "up to", "just over", "close to". */
const LEAD_PAIRS: Readonly<Record<string, ReadonlySet<string>>> = {
  than: new Set(['more', 'fewer', 'less']),
  least: new Set(['at']),
  to: new Set(['up', 'close', 'doubled', 'tripled', 'trebled', 'quadrupled', 'halved']),
  over: new Set(['just', 'well']),
  under: new Set(['just']),
  estimated: new Set(['an']),
};
/** A rise or fall named right after the figure ("a nine per cent rise"): the figure is a change. */
const CHANGE_NOUN_AFTER = /[ \t\u00a0]{1,2}(rise|increase|fall|drop|decrease|reduction|decline|jump|cut|growth|uplift)(?![A-Za-z])/iy;
/** Verbs of change right before a figure, with or without "by": "up 14%", "rose by 5", "fell 3 per cent". */
const CHANGE_VERBS = new Set([
  'up', 'down', 'rose', 'risen', 'rises', 'increased', 'increases', 'grew', 'grown', 'fell', 'fallen', 'falls', 'dropped', 'decreased',
  'declined', 'reduced', 'cut', 'jumped', 'climbed', 'slumped', 'soared', 'improved', 'worsened', 'shrank', 'shrunk',
  'rise', 'increase', 'fall', 'drop', 'grow', 'reduce', 'decrease', 'decline', 'jump', 'climb',
]);
/** Nouns of change before "of": "an increase of 13%". */
const CHANGE_NOUNS = new Set(['rise', 'increase', 'fall', 'drop', 'decrease', 'reduction', 'decline', 'growth', 'jump', 'cut', 'uplift', 'change']);
/** "falling cigarette sales of 13%": a participle of change a few words before "of". */
const CHANGE_PARTICIPLE = /\b(falling|rising|increasing|decreasing|declining|growing)\b[^.,;]{0,30}$/i;
/** Words of change that point down; every other one points up. */
const DOWNWARD = new Set([
  'down', 'fell', 'fallen', 'falls', 'dropped', 'decreased', 'declined', 'reduced', 'cut', 'slumped', 'shrank', 'shrunk', 'worsened',
  'fall', 'drop', 'decrease', 'reduction', 'decline', 'falling', 'decreasing', 'declining',
]);
/** Two numbers joined this way share their nature: "16- and 17-year-olds", "30 or 40 years", "14 and 15 May". */
const JOINED = /^[ \t\u00a0]{0,2}-?[ \t\u00a0]{0,2}(?:-|–|—|to|and|or)[ \t\u00a0]{0,2}$/i;
const JOINED_LIST = /^[ \t\u00a0]{0,2}-?[ \t\u00a0]{0,2}(?:,|-|–|—|to|and|or)[ \t\u00a0]{0,2}$/i;

const MONTHS = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

/** Words before a number that make it a label or a reference: "Section 20", "page 4", "Year 11", "URN 880534". */
const REFERENCE_WORDS = new Set([
  'section', 'sections', 's', 'paragraph', 'paragraphs', 'para', 'paras', 'page', 'pages', 'p', 'pp', 'chapter', 'chapters',
  'part', 'parts', 'article', 'articles', 'regulation', 'regulations', 'reg', 'schedule', 'clause', 'clauses', 'rule', 'rules',
  'standard', 'appendix', 'annex', 'annexe', 'figure', 'fig', 'table', 'chart', 'graph', 'item', 'items', 'minute', 'recommendation',
  'priority', 'phase', 'stage', 'step', 'version', 'v', 'option', 'question', 'q', 'year', 'years', 'progress', 'attainment', 'pc', 'tier', 'band', 'grade', 'grades', 'level', 'room',
  'floor', 'flat', 'unit', 'ward', 'bed', 'route', 'bus', 'junction', 'j', 'platform', 'gate', 'box', 'case', 'ref', 'reference',
  'urn', 'id', 'no', 'nos', 'number', 'num', 'tel', 'telephone', 'phone', 'mobile', 'fax', 'ext', 'extension', 'call', 'ring',
  'text', 'freephone', 'helpline', 'dial', 'postcode', 'plot', 'lot', 'block', 'bill', 'act', 'covid', 'channel', 'radio',
  'division', 'league', 'class', 'group', 'wave', 'round', 'week', 'day', 'term', 'quarter', 'cohort', 'season', 'series',
  'episode', 'volume', 'vol', 'issue', 'edition', 'top', 'objective', 'outcome', 'action', 'indicator', 'kpi', 'agenda', 'motion',
  'amendment', 'area', 'zone', 'team', 'lane', 'bay', 'category', 'cat', 'type', 'model', 'mark', 'mk', 'form', 'exhibit', 'note',
  'notes', 'footnote', 'line', 'lines', 'row', 'column', 'box', 'enclosure', 'building', 'house', 'suite', 'apartment', 'seat',
]);
/** Words before a number that make it a phone number. */
const PHONE_WORDS = new Set(['tel', 'telephone', 'phone', 'call', 'ring', 'text', 'freephone', 'helpline', 'dial', 'fax', 'mobile']);
const AGE_WORDS = new Set(['aged', 'age', 'ages']);
const AGE_LINKS = new Set(['of', 'between', 'over', 'under', 'from', 'to', 'above', 'below', 'at', 'least', 'about', 'around', 'is', 'was', 'were', 'are', 'and']);
const APPROXIMATORS = new Set(['nearly', 'almost', 'about', 'around', 'just', 'over', 'under', 'only']);
/** People described by an age limit: "children under 5", "adults over 65". */
const PERSON_WORDS = new Set(['children', 'child', 'people', 'adults', 'pupils', 'those', 'anyone', 'everyone', 'women', 'men', 'residents', 'patients', 'girls', 'boys', 'babies', 'infants', 'kids', 'teenagers', 'persons']);
const PRONOUNS = new Set(['they', 'he', 'she', 'i', 'you', 'we', 'who']);
const BECOME = new Set(['are', 'is', 'was', 'were', 'be', 'become', 'becomes', 'became', 'turn', 'turns', 'turned', 'turning', 'reach', 'reaches', 'reached', 'reaching']);
const TIME_LINKS = new Set(['at', 'from', 'until', 'till', 'by', 'before', 'after', 'between']);
/** Words before "one" that make it a pronoun or an idiom: "no one", "the one", "at one point". */
const ONE_PRONOUN_BEFORE = new Set(['no', 'any', 'every', 'each', 'the', 'this', 'that', 'which', 'another', 'such', 'a', 'at', 'no-one', 'someone', 'everyone', 'as', 'last', 'little', 'big', 'right', 'wrong', 'new', 'old']);
const ONE_IDIOM_AFTER = new Set(['another', 'way', 'thing', 'things', 'hand', 'side', 'other', 'more', 'such', 'example', 'reason', 'point', 'instance', 'stop', 'size', 'off', 'day', 'time', 'voice', 'piece', 'go', 'tenth', 'half']);
/** Words a counted noun phrase never contains: it stops at the first of them. */
const NOT_NOUN = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'without', 'within', 'into', 'onto', 'over', 'under',
  'and', 'or', 'but', 'nor', 'so', 'as', 'than', 'that', 'this', 'these', 'those', 'which', 'who', 'whom', 'whose', 'where', 'when',
  'while', 'whereas', 'are', 'is', 'was', 'were', 'be', 'been', 'being', 'am', 'have', 'has', 'had', 'having', 'do', 'does', 'did',
  'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'not', 'no', 'it', 'its', 'they', 'them', 'their', 'he',
  'she', 'his', 'her', 'we', 'our', 'you', 'your', 'i', 'my', 'me', 'us', 'per', 'cent', 'percent', 'across', 'after', 'before', 'since',
  'until', 'about', 'around', 'between', 'during', 'each', 'every', 'all', 'both', 'also', 'now', 'still', 'already', 'currently', 'only',
  'just', 'more', 'less', 'fewer', 'out', 'up', 'down', 'off', 'there', 'here', 'then', 'if', 'because', 'though', 'although', 'said',
  'says', 'say', 'including', 'such', 'some', 'any', 'many', 'much', 'very', 'too', 'again', 'yet', 'ago', 'against', 'compared',
  'through', 'via', 'among', 'amongst', 'whether', 'what', 'how', 'why', 'either', 'neither', 'other', 'others', 'one', 'two', 'three',
  'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'hundred', 'thousand', 'million', 'billion', 'year', 'years', 'last', 'next',
  'told', 'tells', 'added', 'explained', 'commented', 'wrote', 'asked', 'ahead', 'behind', 'despite', 'towards', 'toward', 'upon', 'beyond', 'below', 'above', 'near', 'nearly', 'almost', 'instead', 'away',
]);
/** Adverbs that follow a count without being what it counts: "17 nationally", "40 respectively". */
const ADVERB_ENDING = /(?:ally|ively|ously|ently|antly|overall|together|apiece|alone)$/;
/** Plurals that do not end in "s": the counted noun phrase ends with them. */
const PLURALS = new Set(['children', 'people', 'staff', 'women', 'men', 'police', 'personnel', 'data', 'feet', 'teeth', 'mice', 'geese', 'sheep', 'cattle']);
/** What may follow "a third", "a quarter" or "half" when it is a fraction and not an ordinal ("a third inspection", "the first half"). */
const FRACTION_FOLLOWERS = new Set([
  'of', 'were', 'are', 'was', 'is', 'had', 'have', 'has', 'did', 'do', 'said', 'say', 'says', 'now', 'still', 'also', 'more', 'less',
  'than', 'and', 'or', 'but', 'in', 'at', 'on', 'for', 'to', 'who', 'which', 'that', 'the', 'all', 'its', 'their', 'our', 'his', 'her',
  'these', 'those', 'them', 'agreed', 'felt', 'thought', 'think', 'reported', 'received', 'lived', 'live', 'will', 'would', 'could',
  'over', 'since', 'between', 'among', 'across', 'within', 'from', 'compared', 'last', 'this', 'by', 'overall', 'nationally',
]);
/** Words before "a third" or "a quarter" that make it a fraction whatever follows ("rose by a fifth", "nearly a quarter"). */
const FRACTION_LEADS = new Set(['by', 'nearly', 'almost', 'about', 'around', 'only', 'just', 'than', 'over', 'under', 'roughly', 'some', 'least', 'approximately', 'barely']);
const NOT_HALF_BEFORE = new Set(['first', 'second', 'latter', 'an', 'and', 'other', 'one', 'better', 'two', 'three']);

const CURRENCY: Readonly<Record<string, string>> = { '£': 'GBP', $: 'USD', '€': 'EUR' };
const MAGNITUDES: Readonly<Record<string, number>> = { k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, billion: 1e9, tn: 1e12, trillion: 1e12 };

/** How many figures per UTF-16 unit a paragraph may hold before we stop reading context (a table of bare numbers, or hostile input). */
const MAX_CONTEXT_DENSITY = 1 / 12;

/** A figure found in a paragraph, before its context is read. */
/** Units that name a measure of their own; any other unit is the noun a count counts. */
const MEASURE_UNITS: ReadonlySet<string> = new Set(['percent', 'percentage points', 'GBP', 'USD', 'EUR', 'ratio']);

/** Whether two figures measure the same thing, so that one can be compared with the other (counts of differently named things can). */
function isSameMeasure(a: Figure, b: Figure): boolean {
  return a.unit === b.unit || (!MEASURE_UNITS.has(a.unit) && !MEASURE_UNITS.has(b.unit));
}

interface Figure {
  start: number;
  end: number;
  /** The number and its unit, without lead-in words or noun phrase: what "joined" numbers are measured between. */
  readonly coreStart: number;
  readonly coreEnd: number;
  kind: MetricKind;
  readonly value: number | null;
  readonly unit: string;
  /** A count with no unit and no noun: it takes the nature of a date, age or duration it is joined to. */
  readonly bare: boolean;
  /** The direction its own words give ("up 14%", "a 9% rise"), or null. */
  readonly direction: Direction | null;
}

/** What reading at one candidate gave. */
interface Reading {
  /** The figure, or null when the number there is not a metric. */
  readonly figure: Figure | null;
  /** For a number that is not a metric: whether it is a date, age, duration or time that bare numbers joined to it share. */
  readonly spreads: boolean;
  readonly coreStart: number;
  readonly coreEnd: number;
  /** Where to look for the next candidate. */
  readonly next: number;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A space, tab or no-break space: what separates a number from its unit in text copied from web pages. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

function isUpperCode(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** The lower-cased first character after at most two spaces from `at`, as a char code (NaN at the end). */
function nextNonSpace(text: string, at: number): number {
  let i = at;
  if (isSpace(text.charCodeAt(i))) i++;
  if (isSpace(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) | 32;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f);
}

/**
 * Where the number in digits that starts at `at` (a digit) ends: grouped by commas ("1,204") or not,
 * with an optional decimal part, as `/\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?/y` would read it.
 * Read by char codes because every digit in a report comes through here and a regex allocates a match.
 */
function readDigitsEnd(text: string, at: number): number {
  let end = at;
  while (isDigit(text.charCodeAt(end))) end++;
  if (end - at <= 3) {
    // Thousands groups ",ddd", as many as are not followed by a fourth digit.
    let grouped = end;
    while (text.charCodeAt(grouped) === 44 && isDigit(text.charCodeAt(grouped + 1)) && isDigit(text.charCodeAt(grouped + 2)) && isDigit(text.charCodeAt(grouped + 3))) grouped += 4;
    while (grouped > end && isDigit(text.charCodeAt(grouped))) grouped -= 4;
    end = grouped;
  }
  if (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) {
    end += 2;
    while (isDigit(text.charCodeAt(end))) end++;
  }
  return end;
}

/** Whether a {@link UNIT} can start at `at`: a cheap look at the first character after at most two spaces. */
function mayStartUnit(text: string, at: number): boolean {
  let i = at;
  if (isSpace(text.charCodeAt(i))) i++;
  if (isSpace(text.charCodeAt(i))) i++;
  const code = text.charCodeAt(i);
  return UNIT_STARTS.has(code < 128 ? code | (code >= 65 ? 32 : 0) : code);
}

/** Runs a sticky regex at `at`; the match or null. */
function matchAt(regex: RegExp, text: string, at: number): RegExpExecArray | null {
  regex.lastIndex = at;
  return regex.exec(text);
}

/** The word that ends just before `at` (skipping a few spaces and a "." ":" or "#"), lower-cased, and where it starts. */
function previousWord(text: string, at: number): { word: string; start: number } {
  let i = at - 1;
  let spaces = 0;
  while (i >= 0 && spaces < 3 && isSpace(text.charCodeAt(i))) {
    i--;
    spaces++;
  }
  const punctuation = text.charCodeAt(i);
  if (punctuation === 46 || punctuation === 58 || punctuation === 35) {
    i--;
    for (let n = 0; n < 3 && i >= 0 && isSpace(text.charCodeAt(i)); n++) i--;
  }
  const end = i + 1;
  let letters = 0;
  while (i >= 0 && letters < 24 && (isLetter(text.charCodeAt(i)) || text.charCodeAt(i) === 45)) {
    i--;
    letters++;
  }
  return { word: text.slice(i + 1, end).toLowerCase(), start: i + 1 };
}

/** The word that starts just after `at` (after a few spaces), as written. */
function nextWord(text: string, at: number): string {
  NOUN_WORD.lastIndex = at;
  const match = NOUN_WORD.exec(text);
  return match === null ? '' : match[1];
}

/** Whether a word is written in capitals, as an acronym is ("NHS", "CQC"). */
function isAcronym(word: string): boolean {
  if (word.length < 2) return false;
  for (let i = 0; i < word.length; i++) if (!isUpperCode(word.charCodeAt(i))) return false;
  return true;
}

/** Whether `at` is the first non-blank position of its line (where list and section numbers sit). */
function startsLine(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return true;
    if (!isSpace(code)) return false;
  }
  return true;
}

/** Whether the line goes on for fewer than 50 more characters from `at`: a heading rather than a sentence. */
function isShortLine(text: string, at: number): boolean {
  const limit = Math.min(text.length, at + 50);
  for (let i = at; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return true;
  }
  return limit === text.length;
}

/** Whether the few words before `at` in its clause mention an age ("retirement age … from 60 to 65", "aged over 18"). */
function followsAgeWord(text: string, at: number): boolean {
  const from = Math.max(0, at - 60);
  let words = 0;
  for (let i = at - 1; i >= from; i--) {
    const code = text.charCodeAt(i);
    if (code === 44 || code === 59 || code === 58 || code === 46 || code === 40 || code === 41 || code === 33 || code === 63 || isDigit(code)) return false;
    if (isSpace(code)) {
      if (++words > 8) return false;
      continue;
    }
    // An "age", "aged" or "ages" that is a whole word.
    if ((code === 101 || code === 100 || code === 115) && i >= 2 && !isLetter(text.charCodeAt(i + 1)) && endsAgeWord(text, i)) return true;
  }
  return false;
}

/** Whether "age", "aged" or "ages" (any case) ends at `last` as a whole word, read by char codes to save a substring. */
function endsAgeWord(text: string, last: number): boolean {
  const end = (text.charCodeAt(last) | 32) === 101 ? last : last - 1;
  if (end !== last && (text.charCodeAt(end) | 32) !== 101) return false;
  const start = end - 2;
  return start >= 0 && (text.charCodeAt(start) | 32) === 97 && (text.charCodeAt(start + 1) | 32) === 103 && !isLetter(text.charCodeAt(start - 1));
}

/** A reading that finds no metric and moves on. */
function skip(next: number, coreStart: number, coreEnd: number, spreads: boolean): Reading {
  return { figure: null, spreads, coreStart, coreEnd, next };
}

/** The counted noun phrase after a count: at most three words, stopping at function words; its end and head noun. */
function readNounPhrase(text: string, at: number): { end: number; noun: string } {
  let end = at;
  let noun = '';
  for (let words = 0; words < 3; words++) {
    const match = matchAt(NOUN_WORD, text, end);
    if (match === null) break;
    const word = match[1].toLowerCase();
    if (NOT_NOUN.has(word) || ADVERB_ENDING.test(word) || (words > 0 && word.endsWith('ing'))) break;
    const wordEnd = NOUN_WORD.lastIndex;
    // "6 in 10 supported the plan": a verb, told apart from "12 qualified social workers" by what follows it.
    if (word.endsWith('ed') && (nextWord(text, wordEnd) === '' || NOT_NOUN.has(nextWord(text, wordEnd).toLowerCase()))) break;
    end = wordEnd;
    noun = word;
    // A plural noun ends the phrase more often than not ("12 care leavers", "five groups", "29 homes"); an
    // acronym ending in S ("12 NHS trusts", "two GPs" aside) does not.
    if (!isAcronym(match[1]) && (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) || PLURALS.has(word)) break;
  }
  return { end, noun };
}

/**
 * Reads the figure whose number starts at `at` (after any currency sign):
 * value, unit, kind, span; or decides it is not a metric.
 */
function readNumber(text: string, spanStart: number, at: number, currency: string | null): Reading {
  let value: number;
  let end: number;
  let raw = '';
  let isWords = false;
  let fraction = false;
  let magnitudeSeen = false;
  const first = text.charCodeAt(at);

  if (isDigit(first)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : 0;
    if (currency === null && (isLetter(before) || before === 95 || before === 47 || before === 92 || (before === 45 && at > 1 && isLetter(text.charCodeAt(at - 2))))) {
      return skipToken(text, at, false);
    }
    end = readDigitsEnd(text, at);
    raw = text.slice(at, end);
    value = Number(raw.includes(',') ? raw.replace(/,/g, '') : raw);
    const after = text.charCodeAt(end);
    const afterNext = text.charCodeAt(end + 1);
    if ((after === 47 || after === 92) && isDigit(afterNext)) return skipToken(text, at, true); // 11/10/2018, 2019/20, 21/01234
    if (after === 46 && isDigit(afterNext)) return skipToken(text, at, false); // 3.4.1
    if (after === 58 && isDigit(afterNext) && currency === null) return readColon(text, spanStart, at, end, value, raw);
    if (isLetter(after)) {
      const suffix = matchAt(GLUED_SUFFIX, text, end);
      if (suffix === null) return skipToken(text, at, false);
      const glued = suffix[1].toLowerCase();
      if (glued === 'st' || glued === 'nd' || glued === 'rd' || glued === 'th' || glued === 's') return skip(GLUED_SUFFIX.lastIndex, at, GLUED_SUFFIX.lastIndex, glued !== 's');
      if (glued === 'am' || glued === 'pm') return skip(GLUED_SUFFIX.lastIndex, at, GLUED_SUFFIX.lastIndex, true);
      if (glued in MAGNITUDES) {
        if (glued === 'm' && currency === null && !/\.\d/.test(raw) && matchAt(MILLIONS_OF, text, GLUED_SUFFIX.lastIndex) === null) {
          return finishMeasure(text, spanStart, at, GLUED_SUFFIX.lastIndex, value, 'metres');
        }
        value *= MAGNITUDES[glued];
        end = GLUED_SUFFIX.lastIndex;
        magnitudeSeen = true;
      } else if (glued === 'p') {
        if (currency !== null) return skipToken(text, at, false);
        return finish(text, spanStart, at, GLUED_SUFFIX.lastIndex, 'money', value / 100, 'GBP');
      } else if (glued === 'pc') {
        return finish(text, spanStart, at, GLUED_SUFFIX.lastIndex, 'percent', value, 'percent');
      } else {
        return finishMeasure(text, spanStart, at, GLUED_SUFFIX.lastIndex, value, glued);
      }
    }
    // A range keeps both ends in one span: "10-15", "2019-20" (a year range).
    const range = matchAt(RANGE, text, end);
    if (range !== null && !magnitudeSeen) {
      if (/^(?:1[89]|20)\d{2}$/.test(raw)) return skip(RANGE.lastIndex, at, RANGE.lastIndex, true);
      if (currency === null && range[1].length === 4 && /^(?:1[89]|20)\d{2}$/.test(range[1])) return skip(RANGE.lastIndex, at, RANGE.lastIndex, true);
      end = RANGE.lastIndex;
      if (currency === null && matchAt(AGE_BAND_AFTER, text, end) !== null) return skip(end, at, end, true);
    }
  } else {
    const words = readNumberWords(text, at);
    if (words === null) return skip(at + 1, at, at + 1, false);
    value = words.value;
    end = words.end;
    isWords = true;
    fraction = words.fraction;
  }

  // "17 and a half", "£2.5 million", "500m pounds"
  const lead = nextNonSpace(text, end);
  const half = lead === 97 ? matchAt(AND_A_HALF, text, end) : null;
  if (half !== null && !isWords) {
    value += 0.5;
    end = AND_A_HALF.lastIndex;
  }
  if (!magnitudeSeen && !fraction) {
    const magnitude = lead === 109 || lead === 98 || lead === 116 ? matchAt(MAGNITUDE_WORD, text, end) : null;
    if (magnitude !== null) {
      value *= MAGNITUDES[magnitude[1].toLowerCase()];
      end = MAGNITUDE_WORD.lastIndex;
      magnitudeSeen = true;
    }
  }
  if (currency !== null) return finish(text, spanStart, at, end, 'money', value, CURRENCY[currency] ?? currency);
  const unit = mayStartUnit(text, end) ? matchAt(UNIT, text, end) : null;
  const groups = unit?.groups;
  if (groups !== undefined && groups.money !== undefined) {
    if (unit![6] !== undefined) return finish(text, spanStart, at, UNIT.lastIndex, 'money', value / 100, 'GBP');
    return finish(text, spanStart, at, UNIT.lastIndex, 'money', value, unit![5] !== undefined ? 'GBP' : unit![7] !== undefined ? 'USD' : 'EUR');
  }
  if (fraction) return readFraction(text, spanStart, at, end, value);
  if (unit !== null && groups !== undefined) {
    const unitEnd = UNIT.lastIndex;
    if (groups.percent !== undefined) return finish(text, spanStart, at, unitEnd, groups.percentPoints !== undefined ? 'change' : 'percent', value, groups.percentPoints !== undefined ? 'percentage points' : 'percent');
    if (groups.points !== undefined) return finish(text, spanStart, at, unitEnd, 'change', value, 'percentage points');
    if (groups.ratio !== undefined && !magnitudeSeen) {
      const denominator = readDenominator(text, unitEnd);
      if (denominator !== null && denominator.value > 0 && denominator.value >= value && isRatioOfCounts(text, at, denominator.end)) return finishCount(text, spanStart, at, denominator.end, 'ratio', value / denominator.value, 'ratio');
    }
    if (groups.rate !== undefined) {
      const denominator = readDenominator(text, unitEnd);
      if (denominator !== null) return finishCount(text, spanStart, at, denominator.end, 'ratio', value, `per ${text.slice(unitEnd, denominator.end)}`);
    }
    if (groups.rateHead !== undefined) return finish(text, spanStart, at, unitEnd, 'ratio', value, 'per head');
    if (groups.times !== undefined) return finish(text, spanStart, at, unitEnd, 'ratio', value, 'times');
    if (groups.age !== undefined || groups.duration !== undefined || groups.clock !== undefined) return skip(unitEnd, at, end, true);
    // "moved three times": how often, not how many.
    if (groups.frequency !== undefined) return skip(unitEnd, at, end, false);
    if (groups.measure !== undefined) return finishMeasure(text, spanStart, at, unitEnd, value, groups.measure.trim().toLowerCase());
  }

  // A hyphenated compound. In digits it sizes something ("a 161-seat majority", "a 60-bed unit"); in
  // words it is usually an idiom ("one-to-one", "a two-tier system", "a five-point plan").
  // Durations and ages ("a five-year plan", "16-year-olds") were set aside above.
  if (text.charCodeAt(end) === 45 && isLetter(text.charCodeAt(end + 1))) {
    const compound = matchAt(COMPOUND, text, end);
    const compoundEnd = compound === null ? end + 1 : COMPOUND.lastIndex;
    if (isWords || compound === null || IDIOM_COMPOUNDS.has(compound[1].toLowerCase())) return skip(compoundEnd, at, end, false);
    return finish(text, spanStart, at, compoundEnd, 'count', value, compound[1].toLowerCase());
  }
  if (magnitudeSeen) return finishCount(text, spanStart, at, end, 'count', value, '');
  return readBareNumber(text, spanStart, at, end, value, raw, isWords);
}

/** Skips the rest of an alphanumeric token ("SC123456", "A38", "3.4.1", "11/10/2018"). */
function skipToken(text: string, at: number, spreads: boolean): Reading {
  TOKEN_REST.lastIndex = at;
  TOKEN_REST.exec(text);
  const end = Math.max(TOKEN_REST.lastIndex, at + 1);
  return skip(end, at, end, spreads);
}

/** "3:1" is a ratio; "08:45" and "9:30" are times. */
function readColon(text: string, spanStart: number, at: number, end: number, value: number, raw: string): Reading {
  const second = matchAt(COLON_RATIO, text, end);
  if (second === null) return skipToken(text, at, false);
  const right = second[1];
  const ratioWord = /\bratio\b[^.]{0,30}$/i.test(text.slice(Math.max(0, at - 40), at));
  if (!ratioWord && right.length === 2 && Number(right) <= 59 && raw.length <= 2) return skip(COLON_RATIO.lastIndex, at, COLON_RATIO.lastIndex, true);
  const denominator = Number(right);
  return finish(text, spanStart, at, COLON_RATIO.lastIndex, 'ratio', denominator > 0 ? value / denominator : null, 'ratio');
}

/**
 * Whether "2 of the 3" counts things rather than naming parts ("Phase 2 of the 3-year plan") or
 * spans of time ("in 2 of the 5 years").
 */
function isRatioOfCounts(text: string, at: number, denominatorEnd: number): boolean {
  const previous = previousWord(text, at);
  if (REFERENCE_WORDS.has(previous.word) && isLetter(text.charCodeAt(previous.start))) return false;
  if (text.charCodeAt(denominatorEnd) === 45 && isLetter(text.charCodeAt(denominatorEnd + 1))) return false;
  const unit = mayStartUnit(text, denominatorEnd) ? matchAt(UNIT, text, denominatorEnd) : null;
  return unit?.groups === undefined || (unit.groups.duration === undefined && unit.groups.age === undefined);
}

/** The denominator of "one in five", "9 out of 10", "45 per 10,000": digits or words, but never a year. */
function readDenominator(text: string, at: number): { value: number; end: number } | null {
  if (isDigit(text.charCodeAt(at))) {
    const end = readDigitsEnd(text, at);
    const raw = text.slice(at, end);
    if (isLetter(text.charCodeAt(end)) || /^(?:1[89]|20)\d{2}$/.test(raw)) return null;
    return { value: Number(raw.replace(/,/g, '')), end };
  }
  const words = readNumberWords(text, at);
  if (words === null || words.fraction) return null;
  return { value: words.value, end: words.end };
}

/** "a third", "two-thirds", "one eightieth": a ratio, unless "a third" is an ordinal ("a third inspection"). */
function readFraction(text: string, spanStart: number, at: number, end: number, value: number): Reading {
  const article = text.slice(at, at + 2).toLowerCase();
  if (article === 'a ' || article === 'a\t') {
    const follower = nextWord(text, end).toLowerCase();
    const nextCode = text.charCodeAt(end);
    const lead = previousWord(text, at).word;
    if (follower !== '' && !FRACTION_FOLLOWERS.has(follower) && !FRACTION_LEADS.has(lead) && nextCode !== 44) return skip(end, at, end, false);
  }
  if (text.charCodeAt(end) === 45 && isLetter(text.charCodeAt(end + 1))) return skip(end + 1, at, end, false);
  return finish(text, spanStart, at, end, 'ratio', value, 'ratio');
}

/** A figure with a measurement unit: "22 miles", "5km". */
function finishMeasure(text: string, spanStart: number, at: number, end: number, value: number, unit: string): Reading {
  return finish(text, spanStart, at, end, 'count', value, unit);
}

/** A number with no unit: a count, unless it is one of the many numbers in reports that are not statistics. */
function readBareNumber(text: string, spanStart: number, at: number, end: number, value: number, raw: string, isWords: boolean): Reading {
  const previous = previousWord(text, at);
  const word = previous.word;
  const next = nextWord(text, end);
  const after = text.charCodeAt(end);

  if (!isWords) {
    const plain = !raw.includes(',') && !raw.includes('.');
    // Years: "2016", "in 2019"; reference and phone numbers: "880534", "01392 383000", "+44".
    if (plain && raw.length === 4 && value >= 1800 && value <= 2099) return skip(end, at, end, true);
    if (plain && ((raw.length >= 2 && raw.charCodeAt(0) === 48) || text.charCodeAt(at - 1) === 43 || PHONE_WORDS.has(word) && raw.length >= 3)) {
      const groups = matchAt(PHONE_GROUPS, text, end);
      const phoneEnd = groups === null ? end : PHONE_GROUPS.lastIndex;
      return skip(phoneEnd, at, phoneEnd, false);
    }
    if (plain && raw.length >= 5) return skip(end, at, end, false);
    // Emergency and service numbers: "999 calls", "the 101 number".
    const service = matchAt(SERVICE_AFTER, text, end);
    const serviceNumber = plain && (raw === '999' || raw === '111' || raw === '101' || raw === '112' || raw === '119');
    if (service !== null && (service[1] !== undefined || serviceNumber)) return skip(end, at, end, false);
    // "Call 101 or, in an emergency, 999.": a service number with nothing counted after it.
    if (serviceNumber && (next === '' || word === 'or' || word === 'call' || word === 'dial')) return skip(end, at, end, false);
    // Paragraph and section numbers: "22. When …", "4.2 The committee …", "3) Ensure …", "1 Introduction".
    if (startsLine(text, at)) {
      if ((after === 46 || after === 41) && (end + 1 >= text.length || isSpace(text.charCodeAt(end + 1)))) return skip(end + 1, at, end, false);
      const following = text.charCodeAt(end + 1);
      const lowerOrDigit = (following >= 97 && following <= 122) || isDigit(following);
      // "4.2 The committee …", "5.2 “The government …", or a short heading "1 Introduction"; not "12 Ofsted inspectors visited the home".
      const numbering = raw.includes('.') || isShortLine(text, end);
      if (isSpace(after) && !lowerOrDigit && !Number.isNaN(following) && numbering && raw.length <= 5 && !raw.includes(',')) return skip(end, at, end, false);
    }
    if (after === 41 && text.charCodeAt(at - 1) === 40) return skip(end + 1, at, end, false); // "(1)"
    // Times: "at 9.30", "until 10.15".
    if (TIME_LINKS.has(word) && /^\d{1,2}\.[0-5]\d$/.test(raw)) return skip(end, at, end, true);
  }
  // The denominator of a rate ("3.1 appointments per 1,000 population") is not a count of its own.
  if (word === 'per') return skip(end, at, end, false);
  // Labels: "Area for improvement 1:", "Priority 2:".
  if (after === 58 && !isDigit(text.charCodeAt(end + 1))) return skip(end + 1, at, end, false);
  // A reference word, not the tail of a possessive or contraction ("the EU's 25 members").
  const apostrophe = text.charCodeAt(previous.start - 1);
  const possessive = apostrophe === 39 || apostrophe === 0x2019;
  if (REFERENCE_WORDS.has(word) && !possessive && isLetter(text.charCodeAt(previous.start)) && !(isWords && word !== 'number')) return skip(end, at, end, true);
  // Dates: "17 June", "June 17", "14 and 15 May" (the first joins the date later).
  // Month names are capitalised: the cheap test on the first letter saves a substring for most numbers.
  if ((isUpperCode(next.charCodeAt(0)) && MONTHS.has(next)) || (isUpperCode(text.charCodeAt(previous.start)) && MONTHS.has(text.slice(previous.start, previous.start + word.length)))) return skip(end, at, end, true);
  if (value <= 120 && isAge(text, at, end, word, previous.start)) return skip(end, at, end, true);

  if (!isWords && isUpperCode(text.charCodeAt(end + 1)) && matchAt(ADDRESS, text, end) !== null) return skip(ADDRESS.lastIndex, at, end, false);
  if (isWords && value === 1 && !isCountedOne(text, end, word, next)) return skip(end, at, end, false);
  if (isWords && value === 0) return skip(end, at, end, false);
  return finishCount(text, spanStart, at, end, 'count', value, '');
}

/** Whether a word read by {@link previousWord} is capitalised, as a name is. */
function isName(text: string, previous: { word: string; start: number }): boolean {
  const first = text.charCodeAt(previous.start);
  return previous.word.length >= 2 && first >= 65 && first <= 90;
}

/** Whether a bare number is an age: "aged 16", "the age of 18", "until they are 18", "Jade, 19,". */
function isAge(text: string, at: number, end: number, word: string, wordStart: number): boolean {
  if (AGE_WORDS.has(word)) return true;
  if (APPROXIMATORS.has(word)) {
    const before = previousWord(text, wordStart);
    // "children under 5", "people over 65"
    if ((word === 'under' || word === 'over') && PERSON_WORDS.has(before.word)) return true;
    return isAge(text, at, end, before.word, before.start);
  }
  // "you're 17", "I'm 16"
  const apostrophe = text.charCodeAt(wordStart - 1);
  const earlier = (word === 're' || word === 'm') && (apostrophe === 39 || apostrophe === 0x2019) ? previousWord(text, wordStart - 1) : previousWord(text, wordStart);
  if ((word === 're' || word === 'm') && PRONOUNS.has(earlier.word)) return true;
  if (AGE_LINKS.has(word) && AGE_WORDS.has(earlier.word)) return true;
  if (BECOME.has(word) && PRONOUNS.has(earlier.word)) return true;
  if (followsAgeWord(text, at)) return true;
  // A name, then the person's age between commas: the newspaper convention.
  if (text.charCodeAt(at - 2) === 44 && isName(text, previousWord(text, at - 2)) && matchAt(AFTER_AGE_IN_COMMAS, text, end) !== null) return true;
  return false;
}

/** Whether "one" is a count ("one young person was placed", "“good” in one.") rather than a pronoun ("no one", "one of the"). */
function isCountedOne(text: string, end: number, word: string, next: string): boolean {
  if (ONE_PRONOUN_BEFORE.has(word)) return false;
  const follower = next.toLowerCase();
  if (follower === '') {
    const after = text.charCodeAt(end);
    return (after === 46 || after === 44 || after === 59) && (word === 'in' || word === 'just' || word === 'than' || word === 'to');
  }
  if (NOT_NOUN.has(follower) || ONE_IDIOM_AFTER.has(follower)) return false;
  if (!isSpace(text.charCodeAt(end))) return false;
  return matchAt(SPEECH_AFTER, text, readNounPhrase(text, end).end) === null;
}

/** A count or ratio: the counted noun phrase joins the span ("Two senior inspectors", "one in five children"). */
function finishCount(text: string, spanStart: number, at: number, end: number, kind: MetricKind, value: number | null, unit: string): Reading {
  const phrase = readNounPhrase(text, end);
  return finish(text, spanStart, at, phrase.end, kind, value, unit !== '' ? unit : phrase.noun, end, kind === 'count' && unit === '');
}

/** Builds the figure: lead-in words ("nearly", "up") join the span at the front, a change noun ("rise") at the back. */
function finish(text: string, spanStart: number, at: number, end: number, kind: MetricKind, value: number | null, unit: string, coreEnd = end, bare = false): Reading {
  const start = extendLeadIn(text, spanStart);
  let spanEnd = end;
  let finalKind = kind;
  let direction: Direction | null = null;
  if (kind === 'percent' || kind === 'count' || kind === 'change' || kind === 'money') {
    const changeAfter = matchAt(CHANGE_NOUN_AFTER, text, coreEnd);
    const changeBefore = changeAfter !== null && coreEnd === end ? null : changeWordBefore(text, spanStart);
    // Money keeps its kind ("an increase of £18.2m" is a sum), but takes the direction.
    if (changeAfter !== null && coreEnd === end) {
      spanEnd = CHANGE_NOUN_AFTER.lastIndex;
      if (kind !== 'money') finalKind = 'change';
      direction = directionOfChange(changeAfter[1].toLowerCase());
    } else if (changeBefore !== null) {
      if (kind !== 'money') finalKind = 'change';
      direction = directionOfChange(changeBefore);
    }
  }
  if (direction === null && start < spanStart) {
    // "doubled to 48": the guide's change with a number.
    direction = directionOfLeadIn(text.slice(start, spanStart));
    if (direction !== null && (kind === 'count' || kind === 'percent')) finalKind = 'change';
  }
  const figure: Figure = { start, end: spanEnd, coreStart: at, coreEnd, kind: finalKind, value: value !== null && Number.isFinite(value) ? value : null, unit, bare, direction };
  return { figure, spreads: false, coreStart: at, coreEnd, next: spanEnd };
}

/** The direction a multiplying lead-in gives ("doubled to 48"); "up to" is a bound, not a rise, so it gives none. */
function directionOfLeadIn(lead: string): Direction | null {
  const word = lead.slice(0, lead.search(/[^A-Za-z]|$/)).toLowerCase();
  if (word === 'doubled' || word === 'tripled' || word === 'trebled' || word === 'quadrupled') return 'up';
  if (word === 'halved') return 'down';
  return null;
}

/** The way a word of change points: "rise" and "rose" up, "fall" and "cut" down, "change" neither. */
function directionOfChange(word: string): Direction | null {
  if (word === 'change') return null;
  return DOWNWARD.has(word) ? 'down' : 'up';
}

/**
 * The verb or noun of change right before a figure (past any approximator),
 * which makes the figure a change: "up 14%", "rose by 5", "an increase of
 * 13%", "falling sales of 13%". Null when there is none.
 */
function changeWordBefore(text: string, at: number): string | null {
  let previous = wordJustBefore(text, at);
  if (previous !== null && LEAD_WORDS.has(previous.word) && previous.word !== 'up' && previous.word !== 'down') previous = wordJustBefore(text, previous.start);
  if (previous === null) return null;
  if (CHANGE_VERBS.has(previous.word)) return previous.word;
  if (previous.word === 'by') {
    const verb = wordJustBefore(text, previous.start);
    return verb !== null && CHANGE_VERBS.has(verb.word) ? verb.word : null;
  }
  if (previous.word === 'of') {
    const noun = wordJustBefore(text, previous.start);
    if (noun !== null && CHANGE_NOUNS.has(noun.word)) return noun.word;
    const participle = CHANGE_PARTICIPLE.exec(text.slice(Math.max(0, previous.start - 40), previous.start));
    return participle === null ? null : participle[1].toLowerCase();
  }
  return null;
}

/** Moves a span's start back over lead-in words: "nearly half", "more than 100,000", "up 14%". */
function extendLeadIn(text: string, spanStart: number): number {
  let start = spanStart;
  for (let i = 0; i < 2; i++) {
    const previous = wordJustBefore(text, start);
    if (previous === null) break;
    if (LEAD_WORDS.has(previous.word)) {
      const pair = LEAD_PAIRS[previous.word];
      const earlier = pair === undefined ? null : wordJustBefore(text, previous.start);
      start = earlier !== null && pair.has(earlier.word) ? earlier.start : previous.start;
      continue;
    }
    const pair = LEAD_PAIRS[previous.word];
    const earlier = pair === undefined ? null : wordJustBefore(text, previous.start);
    if (earlier === null || !pair.has(earlier.word)) break;
    start = earlier.start;
  }
  return start;
}

/** The lower-cased word right before `at`, separated from it by one or two spaces only. */
function wordJustBefore(text: string, at: number): { word: string; start: number } | null {
  let i = at - 1;
  if (!isSpace(text.charCodeAt(i))) return null;
  i--;
  if (isSpace(text.charCodeAt(i))) i--;
  const end = i + 1;
  while (i >= 0 && end - i <= 14 && isLetter(text.charCodeAt(i))) i--;
  if (i + 1 === end || (i >= 0 && (isLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i))))) return null;
  return { word: text.slice(i + 1, end).toLowerCase(), start: i + 1 };
}

/** Reads what starts at a candidate: a currency sign, digits or a number word. */
function readCandidate(text: string, at: number): Reading {
  const code = text.charCodeAt(at);
  if (code === 163 || code === 36 || code === 8364) {
    let numberAt = at + 1;
    if (isSpace(text.charCodeAt(numberAt))) numberAt++;
    if (!isDigit(text.charCodeAt(numberAt))) return skip(at + 1, at, at + 1, false);
    const symbol = text[at];
    const start = symbol === '$' && /(?:^|[^A-Za-z])US$/.test(text.slice(Math.max(0, at - 3), at)) ? at - 2 : at;
    return readNumber(text, start, numberAt, symbol);
  }
  if (isDigit(code)) {
    // "pounds 500m" (see WRITTEN_CURRENCY); the cheap test on the last letter skips the regex for most numbers.
    const last = at > 1 && isSpace(text.charCodeAt(at - 1)) ? text.charCodeAt(at - 2) | 32 : 0;
    const written = last === 115 || last === 112 || last === 100 || last === 114 ? WRITTEN_CURRENCY.exec(text.slice(Math.max(0, at - 12), at)) : null;
    if (written !== null) {
      const name = written[1].toLowerCase();
      const symbol = name === 'pounds' || name === 'gbp' ? '£' : name === 'dollars' || name === 'usd' ? '$' : '€';
      return readNumber(text, at - written[0].length, at, symbol);
    }
    return readNumber(text, at, at, null);
  }
  // "mother-of-three", "all-in-one": part of a compound word.
  if (at > 1 && text.charCodeAt(at - 1) === 45 && isLetter(text.charCodeAt(at - 2))) return skip(at + 1, at, at + 1, false);
  const word = text.slice(at, at + 5).toLowerCase();
  if (word.startsWith('half')) return readHalf(text, at);
  return readNumber(text, at, at, null);
}

/** "half of care leavers", "nearly half", "half a million"; not "an hour and a half", "the first half", "half-term". */
function readHalf(text: string, at: number): Reading {
  const end = at + 4;
  const asNumber = readNumberWords(text, at);
  if (asNumber !== null) return finishCount(text, at, at, asNumber.end, 'count', asNumber.value, '');
  const previous = previousWord(text, at).word;
  if (NOT_HALF_BEFORE.has(previous)) return skip(end, at, end, false);
  if (text.charCodeAt(end) === 45) return skip(end + 1, at, end, false);
  const follower = nextWord(text, end).toLowerCase();
  const after = text.charCodeAt(end);
  const punctuation = Number.isNaN(after) || after === 44 || after === 46 || after === 59 || after === 58 || after === 41 || after === 33 || after === 63;
  if (!(punctuation || FRACTION_FOLLOWERS.has(follower))) return skip(end, at, end, false);
  if (follower === 'and' || follower === 'or' || follower === 'to' || follower === 'in' || follower === 'at' || follower === 'on' || follower === 'for') return skip(end, at, end, false);
  return finish(text, at, at, end, 'ratio', 0.5, 'ratio');
}

/**
 * Finds every metric in one paragraph. Offsets are UTF-16 units relative to
 * the paragraph. Never throws; linear in the paragraph's length.
 */
export function findMetrics(paragraph: string): LocalDetection[] {
  const figures: Figure[] = [];
  let lastSkip: { coreEnd: number; spreads: boolean } | null = null;
  CANDIDATE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CANDIDATE.exec(paragraph)) !== null) {
    const at = match.index;
    const reading = readCandidate(paragraph, at);
    CANDIDATE.lastIndex = Math.max(reading.next, at + 1);
    const figure = reading.figure;
    if (figure === null) {
      if (reading.spreads) dropJoinedBareFigures(paragraph, figures, reading.coreStart);
      lastSkip = { coreEnd: reading.coreEnd, spreads: reading.spreads };
      continue;
    }
    // A bare number joined to a date, age or duration is one too: "from 60 to 65", "aged 16 and 17".
    if (figure.bare && lastSkip !== null && lastSkip.spreads && lastSkip.coreEnd <= figure.coreStart && JOINED.test(paragraph.slice(lastSkip.coreEnd, figure.coreStart))) {
      lastSkip = { coreEnd: figure.coreEnd, spreads: true };
      continue;
    }
    const previous = figures.length > 0 ? figures[figures.length - 1] : null;
    if (previous !== null && figure.start < previous.end) figure.start = Math.max(figure.coreStart, previous.end);
    if (previous !== null && figure.start < previous.end) continue;
    figures.push(figure);
    lastSkip = null;
  }
  return describeFigures(paragraph, figures);
}

/** Removes the bare counts just before a date, age or duration they are joined to: "30 or 40 years", "3, 4 and 11 September". */
function dropJoinedBareFigures(paragraph: string, figures: Figure[], coreStart: number): void {
  let joinStart = coreStart;
  while (figures.length > 0) {
    const last = figures[figures.length - 1];
    if (!last.bare || last.end !== last.coreEnd || last.coreEnd > joinStart || joinStart - last.coreEnd > 12) return;
    if (!JOINED_LIST.test(paragraph.slice(last.coreEnd, joinStart))) return;
    figures.pop();
    joinStart = last.coreStart;
  }
}

/** Reads each figure's period, comparison and direction, and makes the detections. */
function describeFigures(paragraph: string, figures: readonly Figure[]): LocalDetection[] {
  if (figures.length === 0) return [];
  const withContext = figures.length <= Math.max(8, paragraph.length * MAX_CONTEXT_DENSITY);
  const index = withContext ? indexParagraph(paragraph) : null;
  const sentences = index === null ? [] : index.sentences;
  const detections: LocalDetection[] = [];
  let sentence = 0;
  let benchmark: LocalSpan | null = null;
  for (let i = 0; i < figures.length; i++) {
    const figure = figures[i];
    let period: string | null = null;
    let comparison: string | null = null;
    let comparisonValue: number | null = null;
    let direction: Direction | null = figure.direction;
    if (index !== null) {
      while (sentence < sentences.length - 1 && sentences[sentence].end <= figure.start) sentence++;
      const inBenchmark = benchmark !== null && figure.start >= benchmark.start && figure.end <= benchmark.end ? benchmark : null;
      const nextStart = i + 1 < figures.length ? figures[i + 1].start : paragraph.length;
      const context = readFigureContext(paragraph, index, sentences[sentence], figure, figure.value, nextStart, inBenchmark);
      period = context.period;
      comparison = context.comparison;
      comparisonValue = context.comparisonValue;
      direction = figure.direction ?? context.direction;
      if (context.comparisonSpan !== null) {
        benchmark = context.comparisonSpan;
        // The value compared with must be a figure of the same measure: "2.1 per cent, against £4.9m"
        // or "47 families, beyond the legal limit of six weeks" (a duration, no figure) give nothing to
        // subtract, and a direction read from the two numbers would mean nothing either.
        const span = context.comparisonSpan;
        const against = figures.find((other) => other !== figure && other.coreStart >= span.start && other.coreEnd <= span.end);
        if (comparisonValue !== null && (against === undefined || !isSameMeasure(figure, against))) {
          comparisonValue = null;
          direction = figure.direction;
        }
      }
    }
    detections.push({
      kind: 'metric',
      start: figure.start,
      end: figure.end,
      metricKind: figure.kind,
      value: figure.value,
      unit: figure.unit,
      period,
      comparison,
      comparisonValue,
      direction,
    });
  }
  return detections;
}

/**
 * The metric scanner. It keeps no state between paragraphs: a figure's
 * context is always in its own sentence.
 */
export const metricScanner: ParagraphScanner<null> = {
  initialState: null,
  scan: (paragraph, state) => ({ detections: findMetrics(paragraph), state }),
  sameState: () => true,
};
