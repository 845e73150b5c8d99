/**
 * Who said each quote of a paragraph. The paragraph is read sentence by
 * sentence with its quotes masked out; in each sentence the names are
 * recorded (so later pronouns and titles can find them) and every reporting
 * clause (`X said`, `said X`, `“…,” she says`) is resolved to a speaker.
 * A quote then takes the clause right after it, else the last one before
 * it, else the speaker whose turn it is.
 *
 * All work is bounded: sentences are read through a window of at most a few
 * hundred words, so a paragraph costs time linear in its length.
 */
import type { Attribution } from '../../model';
import {
  ADVERBIAL_OPENERS, AUXILIARIES, KNOWN_ORGS, NAMING_WORDS, NEGATORS, NOT_NAMES, ORG_HEADS, PREPOSITIONS, PRONOUNS,
  REGULATOR_NOUNS, REGULATORS, REPORTING_VERBS, ROLE_CAPITALS, ROLE_MODIFIERS, ROLE_NOUNS, TITLES,
} from './lexicon';
import type { QuoteSpan } from './marks';
import { Registry, type Entity, type Gender, type QuoteState } from './state';
import { tokenize, type Token } from './tokens';

/** A quote with its speaker, in paragraph-relative UTF-16 offsets. */
export interface AttributedQuote {
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
  readonly attribution: Attribution;
}

export interface ParagraphAttribution {
  readonly quotes: readonly AttributedQuote[];
  readonly state: QuoteState;
}

/** A speaker as resolved from a phrase, with how it was found. */
interface Speaker {
  readonly name: string;
  readonly how: 'name' | 'pronoun' | 'title';
}

/** The clause chosen for a quote and where it sits. */
interface Chosen {
  readonly speaker: Speaker;
  readonly where: 'before' | 'after' | 'inside';
}

/** A reporting verb and the speaker of its clause. */
interface Clause {
  readonly verb: number; // token index
  readonly speaker: Speaker;
}

/** Quotes of at most this many words need a speaker nearby to count (otherwise they are terms or labels). */
const SHORT_QUOTE_WORDS = 3;
/** Quotes of at most this many words right after `called`, `entitled`… are names, not quotes. */
const NAMED_QUOTE_WORDS = 8;
/** Quotes of at most this many words, in a sentence with no reporting verb that goes on after them, are terms. */
const TERM_QUOTE_WORDS = 6;
/** Sentences longer than this are read through a window at each end and around each quote. */
const MAX_SENTENCE = 1200;
const WINDOW = 240;

/** Documents through which an organisation speaks (`the CQC’s report says`). */
const DOCUMENT_NOUNS = new Set(['report', 'review', 'statement', 'letter', 'inspection', 'survey', 'audit', 'study', 'analysis', 'findings', 'assessment', 'document', 'paper', 'plan', 'strategy', 'website', 'briefing', 'response', 'submission']);

/** First words of broadcasters and papers (`Radio Wales`, `BBC Wales`): the run is an organisation. */
const MEDIA_OPENERS = new Set(['radio', 'bbc', 'itv', 'channel', 'sky', 'tv']);

/** Lower-case words that may join the capitals of one name (`Secretary of State`, `Marks & Spencer`). */
const JOINERS = new Set(['of', 'for', 'and', '&']);

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'no', 'cllr', 'prof', 'rev', 'revd', 'gen', 'sgt', 'lt', 'col', 'co', 'ltd', 'inc', 'jr', 'sr', 'vs', 'etc', 'e.g', 'i.e', 'approx', 'dept', 'govt', 'supt', 'insp', 'det', 'cpl', 'capt', 'fig', 'vol', 'pp', 'cf']);

/** Attributes the quotes of one paragraph and computes the state for the next. */
export function attributeParagraph(text: string, spans: readonly QuoteSpan[], state: QuoteState): ParagraphAttribution {
  const registry = new Registry(state);
  const masked = maskQuotes(text, spans);
  const isQuote = makeQuoteTest(spans);
  const results: AttributedQuote[] = [];
  let intro: string | null = null;
  let spanIndex = 0;
  let lastSpeakerInParagraph: string | null = null;
  const sentences = splitSentences(masked);
  for (let s = 0; s < sentences.length; s++) {
    const [from, to] = sentences[s]!;
    const hasQuote = spanIndex < spans.length && spans[spanIndex]!.open < to;
    // Most narrative sentences name no one and report nothing: a quick test spares reading them word by word.
    if (!hasQuote && !mayMatter(masked, from, to)) continue;
    const tokens = readSentence(masked, from, to, spans, spanIndex, hasQuote || (spanIndex > 0 && spans[spanIndex - 1]!.end > from) ? isQuote : null);
    const clauses = readClauses(tokens, registry);
    noteColonLabel(tokens, registry);
    let previousInSentence: { speaker: string | null; closeToken: number } | null = null;
    while (spanIndex < spans.length && spans[spanIndex]!.open < to) {
      const span = spans[spanIndex++]!;
      const openToken = tokenIndexAt(tokens, span.open);
      const closeToken = openToken < 0 ? -1 : tokenIndexAt(tokens, span.close >= 0 ? span.close : span.end - 1);
      if (!keepQuote(text, span, tokens, openToken, closeToken, clauses)) continue;
      // Quotes beyond the words read from a very long sentence keep the speaker of the one before.
      const found: Chosen | null = openToken < 0 || closeToken < 0 ? null : chooseSpeaker(tokens, clauses, openToken, closeToken, previousInSentence);
      let speaker: string | null;
      let attribution: Attribution;
      if (found) {
        speaker = found.speaker.name;
        // The second half of a split quote is `inside` whatever resolved its speaker.
        attribution = found.where === 'inside' ? 'inside' : found.speaker.how === 'pronoun' ? 'pronoun' : found.speaker.how === 'title' ? 'title' : found.where;
      } else if (previousInSentence) {
        const main = clauses[0];
        speaker = main && tokens[main.verb]!.start < span.open ? main.speaker.name : previousInSentence.speaker;
        attribution = speaker ? 'inside' : 'none';
      } else if (results.length === 0 && state.open && span.open <= firstNonBlank(text)) {
        speaker = state.open;
        attribution = 'previous-paragraph';
      } else if (results.length === 0 && state.intro && lastSpeakerInParagraph === null) {
        speaker = state.intro;
        attribution = 'previous-paragraph';
      } else if (registry.turn) {
        speaker = registry.turn;
        attribution = lastSpeakerInParagraph !== null || s > 0 ? 'before' : 'previous-paragraph';
        if (lastSpeakerInParagraph === null && registry.turn === state.turn) attribution = 'previous-paragraph';
      } else {
        speaker = null;
        attribution = 'none';
      }
      results.push({ start: span.start, end: span.end, speaker, attribution });
      previousInSentence = { speaker, closeToken };
      if (speaker) {
        registry.turn = speaker;
        lastSpeakerInParagraph = speaker;
      }
    }
    // Reporting clauses that carry no quote still move the turn (`Ms Tomsett says that…`).
    const lastClause = clauses[clauses.length - 1];
    if (lastClause && !previousInSentence) {
      registry.turn = lastClause.speaker.name;
      lastSpeakerInParagraph = lastClause.speaker.name;
      const lastToken = tokens[tokens.length - 1];
      if (s === sentences.length - 1 && lastToken && lastToken.colon && lastClause.verb >= tokens.length - 2) intro = lastClause.speaker.name;
    }
  }
  const last = spans[spans.length - 1];
  const lastResult = results[results.length - 1];
  const open = last && last.runsOn && lastResult && lastResult.start === last.start ? lastResult.speaker : null;
  return { quotes: results, state: registry.toState(intro, open) };
}

function firstNonBlank(text: string): number {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/**
 * Whether a sentence without quotes may name someone or report speech: it
 * has a reporting verb, a title (`Ms`, `Cllr`), a known organisation, two
 * capitalised words in a row (a name), or opens with a pronoun.
 * Other sentences (most of an inspection report) cannot change the state,
 * and skipping them keeps the scan fast.
 */
function mayMatter(masked: string, from: number, to: number): boolean {
  const end = Math.min(to, from + MAX_SENTENCE);
  let i = from;
  while (i < end && !isLetterCode(masked.charCodeAt(i))) i++;
  const firstStart = i;
  while (i < end && isLetterCode(masked.charCodeAt(i))) i++;
  const first = masked.slice(firstStart, i).toLowerCase();
  if (first in PRONOUNS || KNOWN_ORGS.has(first) || TITLES.has(first)) return true;
  // Most sentences have an ASCII capital after a space: let the regex engine find it (the capital may stand just past `end`).
  if (SPACE_ASCII_CAPITAL.test(masked.slice(i, end + 1))) return true;
  for (; i < end; i++) {
    const c = masked.charCodeAt(i);
    if (c !== 32) continue;
    const next = masked.charCodeAt(i + 1);
    if ((next >= 65 && next <= 90) || (next > 0xbf && next < 0xd800 && /\p{Lu}/u.test(masked[i + 1]!))) return true;
  }
  // No capital after the first word: only a common reporting verb can still matter (`The council said…`).
  return COMMON_REPORTING.test(masked.slice(from, end));
}

/** A space followed by an ASCII capital: the common case of the capital test in `mayMatter`. */
const SPACE_ASCII_CAPITAL = / [A-Z]/;

/** The reporting verbs worth a search in a sentence with no capitals after its first word. */
const COMMON_REPORTING = / (?:sa(?:id|ys)|told|add|explain|warn|claim|insist|conclude|state|report|found|describ|according)/;

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 0xbf && c < 0xd800);
}

/** The paragraph with each quote's words replaced by `q`, keeping its final punctuation so sentences still end. */
function maskQuotes(text: string, spans: readonly QuoteSpan[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    parts.push(text.slice(at, span.start));
    const lastChar = text.charCodeAt(span.end - 1);
    const keep = lastChar === 46 || lastChar === 63 || lastChar === 33 || lastChar === 44;
    const length = span.end - span.start - (keep ? 1 : 0);
    parts.push('q'.repeat(Math.max(0, length)));
    if (keep) parts.push(text[span.end - 1]!);
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function makeQuoteTest(spans: readonly QuoteSpan[]): (start: number, end: number) => boolean {
  let hint = 0;
  return (start, end) => {
    // Tokens arrive in increasing order within a sentence; restart the hint when they go back.
    if (hint > 0 && spans[hint - 1]!.open >= end) hint = 0;
    while (hint < spans.length && Math.max(spans[hint]!.end, spans[hint]!.close + 1) <= start) hint++;
    const span = spans[hint];
    return span !== undefined && span.open < end;
  };
}

/** Sentence ranges `[from, to)` of the masked paragraph: `.`, `?`, `!` before a capital, a digit or a mark; and line breaks. */
function splitSentences(masked: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  const n = masked.length;
  const ends = /[.?!\r\n]/g;
  for (let i = 0; i < n; i++) {
    // Jump to the next candidate with the regex engine rather than test every character.
    ends.lastIndex = i;
    const found = ends.exec(masked);
    if (found === null) break;
    i = found.index;
    const c = masked.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (i > from) out.push([from, i]);
      from = i + 1;
      continue;
    }
    if (c !== 46 && c !== 63 && c !== 33) continue;
    let j = i + 1;
    while (j < n && (masked.charCodeAt(j) === 0x201d || masked.charCodeAt(j) === 0x2019 || masked.charCodeAt(j) === 34 || masked.charCodeAt(j) === 39 || masked.charCodeAt(j) === 41)) j++;
    if (j < n && masked.charCodeAt(j) !== 32 && masked.charCodeAt(j) !== 9 && masked.charCodeAt(j) !== 0xa0) continue;
    let k = j;
    while (k < n && (masked.charCodeAt(k) === 32 || masked.charCodeAt(k) === 9 || masked.charCodeAt(k) === 0xa0)) k++;
    if (k < n) {
      const next = masked[k]!;
      if (!/[\p{Lu}\p{N}"'“‘(\[]/u.test(next)) continue;
    }
    if (c === 46 && isAbbreviation(masked, i)) continue;
    out.push([from, j]);
    from = j;
    i = j - 1;
  }
  if (from < n) out.push([from, n]);
  return out;
}

function isAbbreviation(masked: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && dot - i < 8 && isLetterOrDot(masked, i - 1)) i--;
  const word = masked.slice(i, dot).toLowerCase();
  if (word.length === 1) return /\p{L}/u.test(word); // an initial: J. Smith
  return ABBREVIATIONS.has(word);
}

/** Whether `masked[at]` is a letter or a dot; ASCII is decided without the Unicode regex. */
function isLetterOrDot(masked: string, at: number): boolean {
  const c = masked.charCodeAt(at);
  if (c < 0x80) return c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}.]/u.test(masked[at]!);
}

/** The tokens of one sentence; a very long sentence is read through windows at its ends and around its quotes. */
function readSentence(masked: string, from: number, to: number, spans: readonly QuoteSpan[], spanIndex: number, isQuote: ((s: number, e: number) => boolean) | null): Token[] {
  if (to - from <= MAX_SENTENCE) return tokenize(masked, from, to, isQuote);
  const ranges: Array<[number, number]> = [[from, from + WINDOW]];
  for (let k = spanIndex; k < spans.length && spans[k]!.open < to; k++) {
    const span = spans[k]!;
    const close = span.close >= 0 ? span.close : span.end;
    ranges.push([Math.max(from, span.open - WINDOW), Math.min(to, close + WINDOW)]);
    if (ranges.length > 64) break;
  }
  ranges.push([Math.max(from, to - WINDOW), to]);
  const tokens: Token[] = [];
  let covered = from;
  for (const [a, b] of ranges) {
    let start = Math.max(a, covered);
    // Do not start mid-word.
    while (start > from && start < b && !/\s/.test(masked[start - 1]!)) start++;
    if (start >= b) continue;
    for (const t of tokenize(masked, start, b, isQuote)) tokens.push(t);
    covered = b;
  }
  return tokens;
}

function isReportingVerb(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.quote || t.capital && i > 0 && !tokens[i - 1]!.quote) return false;
  if (!REPORTING_VERBS.has(t.lower)) return false;
  const prev = tokens[i - 1];
  if (prev && NEGATORS.has(prev.lower) && !prev.comma) return false;
  if (t.lower.startsWith('report') || t.lower.startsWith('found') || t.lower.startsWith('find')) {
    const next = tokens[i + 1];
    if (!next || next.lower !== 'that') return false;
  }
  // "the said", "a report" used as nouns.
  if (prev && (prev.lower === 'the' || prev.lower === 'a' || prev.lower === 'an' || prev.lower === 'its' || prev.lower === 'their')) return false;
  return true;
}

/** Every reporting clause of a sentence with its resolved speaker, registering the names it meets on the way. */
function readClauses(tokens: readonly Token[], registry: Registry): Clause[] {
  const clauses: Clause[] = [];
  let registered = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.lower === 'according' && tokens[i + 1]?.lower === 'to' && !tokens[i]!.quote) {
      // `According to the trust, …`: the source stands after `to`.
      registered = registerNames(tokens, registry, registered, i + 2);
      const phrase = readPhraseForward(tokens, i + 2);
      const speaker = phrase.length ? resolvePhrase(phrase, registry) : null;
      if (speaker) clauses.push({ verb: i + 1, speaker });
      continue;
    }
    if (!isReportingVerb(tokens, i)) continue;
    registered = registerNames(tokens, registry, registered, i);
    const clause = readClause(tokens, i, registry, clauses);
    if (clause) clauses.push(clause);
  }
  registerNames(tokens, registry, registered, tokens.length);
  if (clauses.length === 0) registerRoleSubject(tokens, registry);
  return clauses;
}

function readClause(tokens: readonly Token[], v: number, registry: Registry, earlier: readonly Clause[]): Clause | null {
  const prev = tokens[v - 1];
  // Inverted: `“…,” says Ms Tomsett` / `said the minister`.
  if (!prev || prev.quote || prev.colon) {
    const phrase = readPhraseForward(tokens, v + 1);
    if (phrase.length > 0) {
      const speaker = resolvePhrase(phrase, registry);
      if (speaker) return { verb: v, speaker };
    }
    if (!prev) return null;
  }
  // `patients described it as X and said…`: a coordinated verb shares the subject of the clause before.
  const lastEarlier = earlier[earlier.length - 1];
  if (prev && ['and', 'but', 'or'].includes(prev.lower) && !prev.comma && lastEarlier) return { verb: v, speaker: lastEarlier.speaker };
  const participle = tokens[v]!.lower.endsWith('ing');
  let phrase: Token[] = [];
  if (!participle) phrase = readSubjectBefore(tokens, v);
  if (phrase.length === 0) phrase = readMainSubject(tokens, v, registry);
  if (phrase.length === 0) {
    const main = earlier[0];
    return main ? { verb: v, speaker: main.speaker } : null;
  }
  const speaker = resolvePhrase(phrase, registry);
  return speaker ? { verb: v, speaker } : null;
}

function isPronoun(t: Token): boolean {
  return Object.prototype.hasOwnProperty.call(PRONOUNS, t.lower) && !t.possessive;
}

/** Whether a word can belong to a speaker's noun phrase. */
function isPhraseWord(t: Token): boolean {
  if (t.quote || t.core.length === 0) return false;
  if (t.capital) return !/^\p{Lu}?q+$/u.test(t.core) || t.core.length < 3;
  return isRoleNoun(t.lower) || ROLE_MODIFIERS.has(t.lower) || ORG_HEADS.has(t.lower) || t.possessive || REGULATOR_NOUNS.has(t.lower);
}

/** Whether a lower-case word names a person by role, compounds included (`mother-of-three`). */
function isRoleNoun(lower: string): boolean {
  if (ROLE_NOUNS.has(lower)) return true;
  const dash = lower.indexOf('-');
  return dash > 0 && ROLE_NOUNS.has(lower.slice(0, dash));
}

/** The gender a role noun implies (`spokeswoman`, `mother-of-three`). */
function roleGender(lower: string): Gender {
  const dash = lower.indexOf('-');
  return ROLE_NOUNS.get(lower) ?? (dash > 0 ? ROLE_NOUNS.get(lower.slice(0, dash)) ?? null : null);
}

/** The noun phrase ending right before the verb at `v` (`the Cabinet Office`, `Lead inspector Emmy Tomsett`, `she`). */
function readSubjectBefore(tokens: readonly Token[], v: number): Token[] {
  let j = v - 1;
  while (j >= 0 && AUXILIARIES.has(tokens[j]!.lower) && !tokens[j]!.comma && !tokens[j]!.quote) j--;
  if (j < 0) return [];
  const last = tokens[j]!;
  if (last.quote) {
    return [];
  }
  if (isPronoun(last) && !last.comma) return [last];
  if (last.comma) return [];
  let k = j;
  const phrase: Token[] = [];
  while (k >= 0) {
    const t = tokens[k]!;
    if (k < j && (t.comma || t.colon)) break;
    if (t.lower === 'the' || t.lower === 'a' || t.lower === 'an') {
      phrase.unshift(t);
      k--;
      break;
    }
    const connector = (t.lower === 'of' || t.lower === 'for' || t.lower === 'and' || t.lower === '&') && phrase.length > 0 && k > 0 && isPhraseWord(tokens[k - 1]!);
    if (!isPhraseWord(t) && !connector) break;
    phrase.unshift(t);
    k--;
  }
  while (phrase.length > 0 && JOINERS.has(phrase[0]!.lower)) phrase.shift();
  // Drop a sentence opener caught before a name (`Meanwhile Ms Hutt`), but keep `One parent`.
  while (phrase.length > 1 && NOT_NAMES.has(phrase[0]!.lower) && phrase[0]!.capital && phrase[1]!.capital && !['the', 'a', 'an'].includes(phrase[0]!.lower)) phrase.shift();
  if (phrase.length === 0) return [];
  const before = tokens[k];
  if (before && PREPOSITIONS.has(before.lower) && !before.comma) return [];
  if (!phrase.some((t) => t.capital || ROLE_NOUNS.has(t.lower) || REGULATOR_NOUNS.has(t.lower) || ORG_HEADS.has(t.lower))) return [];
  return phrase;
}

/** The phrase after an inverted verb: `Ms Tomsett`, `the cabinet member`, `Cllr Jo Bloggs, leader of the council`. */
function readPhraseForward(tokens: readonly Token[], from: number): Token[] {
  const phrase: Token[] = [];
  for (let k = from; k < tokens.length && phrase.length < 8; k++) {
    const t = tokens[k]!;
    const isDet = t.lower === 'the' || t.lower === 'a' || t.lower === 'an';
    const connector = (t.lower === 'of' || t.lower === 'for') && phrase.length > 0 && k + 1 < tokens.length && isPhraseWord(tokens[k + 1]!);
    if (!(isDet && phrase.length === 0) && !isPhraseWord(t) && !connector && !(isPronoun(t) && phrase.length === 0)) break;
    phrase.push(t);
    if (t.comma || t.colon || isPronoun(t)) break;
  }
  return phrase;
}

/**
 * The subject of the main clause before `v`, when the words right before
 * the verb are not one (`Dave Prentis, general secretary of Unison, said`,
 * `Dr Gibbons praised her, saying`). Registers appositive roles on the way.
 */
function readMainSubject(tokens: readonly Token[], v: number, registry: Registry): Token[] {
  const segments: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (let k = 0; k < v; k++) {
    const t = tokens[k]!;
    if (t.quote) {
      current = [];
      segments.length = 0;
      continue;
    }
    if (t.openParen) depth++;
    if (depth === 0) current.push(t);
    if (t.closeParen && depth > 0) depth--;
    if ((t.comma || t.colon) && depth === 0) {
      if (current.length) segments.push(current);
      current = [];
    }
  }
  if (current.length) segments.push(current);
  const useful: Token[][] = [];
  for (let s = 0; s < segments.length; s++) {
    let seg = segments[s]!;
    const closedByComma = seg[seg.length - 1]!.comma;
    if (closedByComma && ADVERBIAL_OPENERS.has(seg[0]!.lower) && !isPronoun(seg[0]!) && s < segments.length - 1) continue;
    while (seg.length > 1 && ADVERBIAL_OPENERS.has(seg[0]!.lower)) seg = seg.slice(1);
    useful.push(seg);
  }
  const named = useful.find((seg) => isPureName(seg));
  if (named) {
    const roles = useful.filter((seg) => seg !== named && isRoleSegment(seg)).map(roleText);
    if (roles.length) {
      const person = readName(named);
      if (person && person.kind === 'person') registry.mention(person.name, 'person', person.gender ?? genderOfRoles(roles), roles);
    }
    return named;
  }
  const first = useful[0];
  if (!first) return [];
  if (isPronoun(first[0]!)) return [first[0]!];
  const subject = nameBeforeVerb(first);
  if (subject) return subject;
  const phrase: Token[] = [];
  for (const t of first) {
    const afterConnector = phrase.length > 0 && ['of', 'for'].includes(phrase[phrase.length - 1]!.lower);
    if (!(isPhraseWord(t) || (['the', 'a', 'an'].includes(t.lower) && (phrase.length === 0 || afterConnector)) || ((t.lower === 'of' || t.lower === 'for') && phrase.length > 0))) break;
    phrase.push(t);
    if (phrase.length >= 10) break;
  }
  while (phrase.length > 0 && ['of', 'for', 'the', 'a', 'an'].includes(phrase[phrase.length - 1]!.lower)) phrase.pop();
  if (!phrase.some((t) => t.capital && !NOT_NAMES.has(t.lower) || ROLE_NOUNS.has(t.lower) || ORG_HEADS.has(t.lower))) return [];
  return phrase;
}

/**
 * A person's full name standing right before a reporting verb in a clause
 * (`CQC chief inspector of hospitals Prof Ted Baker said …, adding`): the
 * subject, however long the description before it.
 */
function nameBeforeVerb(segment: readonly Token[]): Token[] | null {
  for (let j = 1; j < segment.length; j++) {
    const verb = segment[j]!;
    if (verb.capital || !REPORTING_VERBS.has(verb.lower) || !segment[j - 1]!.capital) continue;
    let start = j;
    while (start > 0 && segment[start - 1]!.capital && !segment[start - 1]!.quote && (start === j || !segment[start - 1]!.comma)) start--;
    const run = segment.slice(start, j);
    const read = readName(run);
    return read !== null && read.kind === 'person' && !read.surnameOnly ? run : null;
  }
  return null;
}

/** Whether an appositive describes an office (`general secretary of Unison`), not a circumstance (`on his first day`). */
function isRoleSegment(seg: readonly Token[]): boolean {
  if (seg.length > 14) return false;
  const first = seg[0]!;
  if ((PREPOSITIONS.has(first.lower) && first.lower !== 'for') || ADVERBIAL_OPENERS.has(first.lower) && first.lower !== 'for' || ['his', 'her', 'their', 'its', 'who', 'whose', 'which', 'where', 'when', 'whom', 'that'].includes(first.lower)) return false;
  // A list of people (`Cllr Tom Brightwell (Vice-Chair), Cllr Nadia Rahman`) is not a role.
  if (seg.some((t) => (t.capital && TITLES.has(t.lower)) || t.openParen || t.closeParen)) return false;
  return seg.some((t) => isRoleNoun(t.lower));
}

/** Whether a comma-separated segment is only a name (`James McInnes`, `Councillor Andrew Leadbetter`). */
function isPureName(seg: readonly Token[]): boolean {
  if (seg.length === 0 || seg.length > 5) return false;
  if (!seg.every((t) => t.capital && !t.quote)) return false;
  if (NOT_NAMES.has(seg[0]!.lower) && !TITLES.has(seg[0]!.lower)) return false;
  const name = readName(seg);
  return name !== null && name.kind === 'person';
}

function roleText(seg: readonly Token[]): string {
  return seg.map((t) => t.core + (t.possessive ? '’s' : '')).join(' ').toLowerCase().replace(/^(the|a|an) /, '').slice(0, 80);
}

function genderOfRoles(roles: readonly string[]): Gender {
  for (const role of roles) for (const word of role.split(' ')) {
    const g = ROLE_NOUNS.get(word);
    if (g) return g;
  }
  return null;
}

interface ReadName {
  readonly name: string;
  /** The name as written, with its title (`Ms Tomsett`). */
  readonly written: string;
  readonly kind: 'person' | 'org';
  readonly gender: Gender;
  /** Whether only a surname was given (`Ms Tomsett`), or a forename after `Sir`/`Dame` (`Sir Michael`). */
  readonly surnameOnly: boolean;
  /** Whether the title is one used with a forename (`Sir`, `Dame`). */
  readonly forenameTitle: boolean;
  readonly titled: boolean;
  readonly roles: readonly string[];
}

/** Titles used with a forename alone (`Sir Michael`, `Dame Jane`). */
const FORENAME_TITLES = new Set(['sir', 'dame']);

/** The person a one-word name refers to: a known surname, or the forename of a knight or dame named in full before. */
function findKnown(registry: Registry, read: ReadName): Entity | undefined {
  return (read.forenameTitle ? registry.findByForename(read.name) : undefined) ?? registry.findBySurname(read.name);
}

/**
 * Reads a run of capitalised words as a person or an organisation:
 * `Devon County Council` (org), `First Minister Jack McConnell` (person
 * `Jack McConnell`, role `first minister`), `Ms Tomsett` (surname only).
 */
function readName(run: readonly Token[]): ReadName | null {
  let words = run.filter((t) => t.core.length > 0);
  while (words.length > 0 && (words[0]!.lower === 'the' || words[0]!.lower === 'a')) words = words.slice(1);
  if (words.length === 0) return null;
  const lowers = words.map((t) => t.lower);
  const lastLower = lowers[lowers.length - 1]!;
  if (ORG_HEADS.has(lastLower) || MEDIA_OPENERS.has(lowers[0]!) || (words.length > 1 && KNOWN_ORGS.has(lowers[0]!)) || (words.length === 1 && KNOWN_ORGS.has(lastLower)) || lowers.some((w) => w === 'inspectorate' || w === 'commission' || w === 'council' && lastLower !== 'leader')) {
    if (words.some((t) => !t.capital && !JOINERS.has(t.lower))) {
      // `Devon County Council’s deputy leader`: a role inside an organisation, not the organisation.
      if (!ORG_HEADS.has(lastLower)) return null;
    }
    const orgWords = words.filter((t) => t.capital || JOINERS.has(t.lower));
    const orgName = orgWords.map((t) => t.core).join(' ');
    return { name: orgName, written: orgName, kind: 'org', gender: null, surnameOnly: false, forenameTitle: false, titled: false, roles: [] };
  }
  if (words.length === 1 && KNOWN_ORGS.has(lastLower)) return { name: words[0]!.core, written: words[0]!.core, kind: 'org', gender: null, surnameOnly: false, forenameTitle: false, titled: false, roles: [] };
  let gender: Gender = null;
  let titled = false;
  const roleWords: string[] = [];
  let k = 0;
  for (; k < words.length - 1; k++) {
    const w = words[k]!;
    const bare = w.lower.replace(/\.$/, '');
    if (TITLES.has(bare) && w.capital) {
      titled = true;
      gender = TITLES.get(bare) ?? gender;
      continue;
    }
    if (ROLE_CAPITALS.has(bare) || !w.capital) {
      roleWords.push(bare);
      continue;
    }
    if (NOT_NAMES.has(bare)) continue;
    break;
  }
  const nameWords = words.slice(k).filter((t) => t.capital);
  if (nameWords.length === 0) return null;
  if (nameWords.some((t) => NOT_NAMES.has(t.lower) || /\d/.test(t.core))) return null;
  if (nameWords.length > 4) return null;
  const name = nameWords.map((t) => t.core).join(' ');
  for (const r of roleWords) {
    const g = ROLE_NOUNS.get(r);
    if (g) gender = gender ?? g;
  }
  const title = words.slice(0, k).reverse().find((t) => TITLES.has(t.lower.replace(/\.$/, '')));
  const written = title ? `${title.core} ${name}` : name;
  const forenameTitle = title !== undefined && FORENAME_TITLES.has(title.lower);
  return { name, written, kind: 'person', gender, surnameOnly: nameWords.length === 1, forenameTitle, titled, roles: roleWords.length ? [roleWords.join(' ')] : [] };
}

/** Records the people and organisations named by the runs starting in `[from, until)`, in order; returns where it stopped. */
function registerNames(tokens: readonly Token[], registry: Registry, from: number, until: number): number {
  let k = from;
  while (k < until) {
    const t = tokens[k]!;
    if (!t.capital || t.quote) {
      if (!t.quote && KNOWN_ORGS.has(t.lower)) registry.mention(t.core, 'org', null, []);
      k++;
      continue;
    }
    // A run of capitals (with `of`, `for`, `and` between capitals), with the role words before it.
    let end = k;
    while (end < tokens.length) {
      const w = tokens[end]!;
      if (w.quote) break;
      const joins = JOINERS.has(w.lower) && end + 1 < tokens.length && tokens[end + 1]!.capital && end > k;
      if ((!w.capital && !joins) || (w.openParen && end > k)) break;
      end++;
      if (w.comma || w.colon || w.possessive || w.closeParen) break;
    }
    const run = tokens.slice(k, end);
    // A bracketed run is a party or a role (`(Lib Dem)`, `(Chair)`), read with the name before it.
    if (t.openParen) {
      k = end;
      continue;
    }
    // A lone capitalised word names no one new: an opener (`The`), a place, or a surname already known.
    if (run.length === 1) {
      const only = run[0]!;
      if (KNOWN_ORGS.has(only.lower)) registry.mention(only.core, 'org', null, []);
      else if (!NOT_NAMES.has(only.lower)) {
        const known = registry.findBySurname(only.core);
        if (known) registry.mention(known.name, 'person', null, []);
      }
      k = end;
      continue;
    }
    registerRun(run, tokens, k, end, registry);
    k = end;
  }
  return Math.max(k, from);
}

function registerRun(run: readonly Token[], tokens: readonly Token[], from: number, to: number, registry: Registry): void {
  // Split a run into its organisations and people: `Tony Blair and Gordon Brown`.
  const read = readName(run);
  if (read === null) {
    const parts: Token[][] = [[]];
    for (const t of run) {
      if (JOINERS.has(t.lower)) parts.push([]);
      else parts[parts.length - 1]!.push(t);
    }
    if (parts.length > 1) for (const p of parts) if (p.length) registerRun(p, tokens, from, to, registry);
    return;
  }
  if (read.kind === 'org') {
    registry.mention(read.name, 'org', null, []);
    return;
  }
  if (read.surnameOnly) {
    const known = findKnown(registry, read);
    if (known) registry.mention(known.name, 'person', read.gender, read.roles);
    else if (read.titled) registry.mention(read.written, 'person', read.gender, read.roles);
    return;
  }
  if (run.some((t) => JOINERS.has(t.lower))) {
    const parts: Token[][] = [[]];
    for (const t of run) {
      if (JOINERS.has(t.lower)) parts.push([]);
      else parts[parts.length - 1]!.push(t);
    }
    for (const p of parts) if (p.length) registerRun(p, tokens, from, to, registry);
    return;
  }
  // A two-word capital run is a person only where people stand: with a title or role, before a verb or comma, or after a role word.
  const next = tokens[to];
  const prev = tokens[from - 1];
  const lastOfRun = run[run.length - 1]!;
  const prevWord = prev && ['the', 'a', 'an'].includes(prev.lower) ? tokens[from - 2] : prev;
  const beforeVerb = next !== undefined && (REPORTING_VERBS.has(next.lower) || AUXILIARIES.has(next.lower));
  if (prevWord !== undefined && !prevWord.comma && (REPORTING_VERBS.has(prevWord.lower) || PREPOSITIONS.has(prevWord.lower)) && !read.titled && !beforeVerb) return;
  const subjectLike = read.titled || read.roles.length > 0 || lastOfRun.comma || lastOfRun.possessive ||
    (next !== undefined && (REPORTING_VERBS.has(next.lower) || AUXILIARIES.has(next.lower) || /^[a-z]+ed$/.test(next.lower) || next.openParen)) ||
    (prev !== undefined && (ROLE_NOUNS.has(prev.lower) || ROLE_MODIFIERS.has(prev.lower) || prev.comma && prev.lower !== 'and'));
  const atStart = from === 0 || (from > 0 && tokens.slice(0, from).every((t) => ADVERBIAL_OPENERS.has(t.lower) || t.comma && !t.capital));
  if (!subjectLike && !atStart) return;
  const roles = read.roles.slice();
  // A role in brackets after the name: `Karen Doyle (Head of Safeguarding)`, `Cllr Ann Bell (Chair)`.
  if (next && next.openParen) {
    let e = to;
    while (e < tokens.length && e - to < 10 && !tokens[e]!.closeParen) e++;
    const inside = tokens.slice(to, e + 1);
    if (inside.length && inside[inside.length - 1]!.closeParen && inside.some((t) => isRoleNoun(t.lower) || ROLE_CAPITALS.has(t.lower))) roles.push(roleText(inside));
  }
  // Appositive roles on either side: `the council’s cabinet member for housing, Owen Price,` / `Dave Prentis, general secretary of Unison,`.
  if (prev && prev.comma) {
    let s = from - 1;
    while (s > 0 && !tokens[s - 1]!.comma && from - s < 15) s--;
    const seg = tokens.slice(s, from);
    if (isRoleSegment(seg)) roles.push(roleText(seg));
  }
  if (lastOfRun.comma) {
    let e = to;
    while (e < tokens.length && e - to < 15 && !tokens[e]!.comma) e++;
    const seg = tokens.slice(to, Math.min(e + 1, tokens.length));
    if (seg.length && seg[seg.length - 1]!.comma && isRoleSegment(seg)) roles.push(roleText(seg));
  }
  if (prev && !prev.capital && ROLE_NOUNS.has(prev.lower)) {
    // `Lead inspector Emmy Tomsett`, `Pensions officer Paul Woolstenholmes`.
    let s = from - 1;
    while (s > 0 && (ROLE_MODIFIERS.has(tokens[s - 1]!.lower) || ROLE_NOUNS.has(tokens[s - 1]!.lower) || tokens[s - 1]!.capital && !tokens[s - 1]!.comma) && from - s < 6) s--;
    roles.push(tokens.slice(s, from).map((t) => t.core).join(' ').toLowerCase());
  }
  registry.mention(read.name, 'person', read.gender ?? genderOfRoles(roles), roles);
}

/**
 * A sentence whose subject is a role held under someone else's name
 * (`Tony Blair's official spokesman declined…`) introduces that role as a
 * person, so a following `He said:` finds it.
 */
function registerRoleSubject(tokens: readonly Token[], registry: Registry): void {
  let k = 0;
  // Skip adverbial openers: `On Monday,`, `In a statement on Sunday,`.
  for (let guard = 0; guard < 4; guard++) {
    const t = tokens[k];
    if (!t || !ADVERBIAL_OPENERS.has(t.lower)) break;
    let j = k;
    while (j < tokens.length && j - k < 12 && !tokens[j]!.comma) j++;
    if (j >= tokens.length || j - k >= 12) return;
    k = j + 1;
  }
  const phrase: Token[] = [];
  for (; k < tokens.length && phrase.length < 8; k++) {
    const t = tokens[k]!;
    if (!(isPhraseWord(t) || (phrase.length === 0 && ['the', 'a', 'an'].includes(t.lower)))) break;
    phrase.push(t);
    if (t.comma) return;
  }
  // `The Chair thanked officers.`: the role brings its holder back to mind.
  if (phrase.length > 1 && phrase[0]!.lower === 'the' && phrase.some((t) => isRoleNoun(t.lower))) {
    resolveRole(phrase, registry);
    return;
  }
  const head = phrase[phrase.length - 1];
  if (!head || head.capital || !ROLE_NOUNS.has(head.lower) || !phrase.some((t) => t.possessive && t.capital)) return;
  registry.mention(phraseText(phrase), 'person', ROLE_NOUNS.get(head.lower) ?? null, []);
}

/** `Lead inspector: Peter McEntee` in a report's header names the inspector. */
function noteColonLabel(tokens: readonly Token[], registry: Registry): void {
  if (tokens.length < 3 || tokens.length > 8) return;
  const colon = tokens.findIndex((t) => t.colon);
  if (colon < 0 || colon > 3) return;
  const label = tokens.slice(0, colon + 1);
  if (!label.some((t) => ROLE_NOUNS.has(t.lower))) return;
  const read = readName(tokens.slice(colon + 1));
  if (read && read.kind === 'person' && !read.surnameOnly) registry.mention(read.name, 'person', read.gender, [roleText(label)]);
}

/** Resolves a speaker phrase to a name, through the registry for pronouns, surnames and roles. */
function resolvePhrase(phrase: readonly Token[], registry: Registry): Speaker | null {
  const first = phrase[0]!;
  if (phrase.length === 1 && isPronoun(first)) return resolvePronoun(first.lower, registry);
  // `The Chair`, `the Head of Safeguarding`, `the cabinet member`: a role someone was introduced with.
  if (first.lower === 'the' && phrase.some((t) => isRoleNoun(t.lower) || ROLE_CAPITALS.has(t.lower) || REGULATOR_NOUNS.has(t.lower) || ORG_HEADS.has(t.lower))) {
    const byRole = resolveRole(phrase, registry);
    if (byRole) return byRole;
  }
  // A person named in full right before the verb outranks the office and organisation before them
  // (`CQC chief inspector of hospitals Prof Ted Baker said`); a spokesperson for someone stays a spokesperson.
  const connector = endsWithFullName(phrase) ? -1 : phrase.findIndex((t, i) => i > 0 && (t.lower === 'for' || t.lower === 'of') && !phrase[i - 1]!.capital && ROLE_NOUNS.has(phrase[i - 1]!.lower));
  const head = connector > 0 ? phrase[connector - 1]! : phrase[phrase.length - 1]!;
  const headIsRole = !head.capital && (isRoleNoun(head.lower) || REGULATOR_NOUNS.has(head.lower) || ORG_HEADS.has(head.lower));
  const spokes = /^spokes(man|woman|person|people|men|women)$/.test(head.lower) || head.lower === 'source';
  if (headIsRole) {
    // `a spokesperson for Devon County Council`, `a council spokesperson`.
    if (spokes) {
      const forIndex = phrase.findIndex((t) => t.lower === 'for');
      const orgPart = forIndex >= 0 ? phrase.slice(forIndex + 1).filter((t) => !['the', 'a', 'an'].includes(t.lower)) : [];
      const read = orgPart.length ? readName(orgPart) : null;
      if (read && read.kind === 'org') return mentionSpeaker(registry, read.name, 'org', null, [], 'name');
    }
    const possessor = phrase.some((t) => t.possessive && t.capital);
    // `the CQC’s report found`, `Ofsted’s letter says`: the organisation speaks through its document.
    if (possessor && DOCUMENT_NOUNS.has(head.lower)) {
      const owner = phrase.filter((t) => t.capital && !['the', 'a', 'an'].includes(t.lower));
      const read = owner.length ? readName(owner) : null;
      if (read && read.kind === 'org') return mentionSpeaker(registry, read.name, 'org', null, [], 'name');
    }
    if (!possessor && !spokes) {
      const byRole = resolveRole(phrase, registry);
      if (byRole) return byRole;
    }
    if (spokes && !possessor) {
      const orgNoun = phrase.find((t) => !t.capital && ORG_HEADS.has(t.lower));
      if (orgNoun) {
        const org = findOrgByNoun(orgNoun.lower, registry);
        if (org) return { name: org.name, how: 'title' };
      }
    }
    {
      const text = phraseText(phrase);
      const gender = roleGender(head.lower);
      const plural = /s$/.test(head.lower) && !/ss$/.test(head.lower);
      const kind: Entity['kind'] = ORG_HEADS.has(head.lower) && !isRoleNoun(head.lower) ? 'org' : plural ? 'group' : 'person';
      // `the mother-of-three said`: a definite description of someone already named.
      if (first.lower === 'the' && !plural && !possessor && !spokes && !ORG_HEADS.has(head.lower)) {
        for (const e of registry.recent()) {
          if (e.kind === 'person' && (gender === null || e.gender === null || e.gender === gender) && /^\p{Lu}/u.test(e.name)) {
            registry.learnGender(e.name, gender);
            return { name: e.name, how: 'title' };
          }
        }
      }
      return mentionSpeaker(registry, text, kind, gender, [], 'name');
    }
  }
  // The last run of capitals is the name: `Lead inspector Emmy Tomsett`, `the Cabinet Office`.
  let endRun = phrase.length;
  while (endRun > 0 && !phrase[endRun - 1]!.capital) endRun--;
  let startRun = endRun;
  while (startRun > 0 && (phrase[startRun - 1]!.capital || (JOINERS.has(phrase[startRun - 1]!.lower) && startRun - 1 > 0 && phrase[startRun - 2]!.capital))) startRun--;
  const run = phrase.slice(startRun, endRun);
  if (run.length === 0) {
    const text = phraseText(phrase);
    return text ? mentionSpeaker(registry, text, 'group', null, [], 'name') : null;
  }
  // `Parents say…`, `Inspectors found…`: a capitalised common noun at the start of a sentence.
  if (run.length === 1 && isRoleNoun(run[0]!.lower)) {
    const plural = /s$/.test(run[0]!.lower) && !/ss$/.test(run[0]!.lower);
    return mentionSpeaker(registry, phraseText(phrase), plural ? 'group' : 'person', roleGender(run[0]!.lower), [], 'name');
  }
  const read = readName(run);
  const roles = startRun > 0 ? [phraseText(phrase.slice(0, startRun)).toLowerCase()] : [];
  if (read === null) return { name: phraseText(run), how: 'name' };
  if (read.kind === 'org') return mentionSpeaker(registry, read.name, 'org', null, [], 'name');
  if (read.surnameOnly) {
    const known = findKnown(registry, read);
    if (known) return mentionSpeaker(registry, known.name, 'person', read.gender, read.roles, 'name');
    if (KNOWN_ORGS.has(read.name.toLowerCase())) return mentionSpeaker(registry, read.name, 'org', null, [], 'name');
    return mentionSpeaker(registry, read.written, 'person', read.gender, read.roles, 'name');
  }
  return mentionSpeaker(registry, read.name, 'person', read.gender ?? genderOfRoles(roles), [...read.roles, ...roles.filter((r) => r && r !== 'the' && r !== 'a')], 'name');
}

/** Whether a phrase ends with a person's full name (`… Prof Ted Baker`) and is not a spokesperson's description. */
function endsWithFullName(phrase: readonly Token[]): boolean {
  let start = phrase.length;
  while (start > 0 && phrase[start - 1]!.capital) start--;
  if (start === phrase.length || start === 0) return false;
  if (phrase.some((t) => /^spokes/.test(t.lower))) return false;
  const read = readName(phrase.slice(start));
  return read !== null && read.kind === 'person' && !read.surnameOnly;
}

function mentionSpeaker(registry: Registry, name: string, kind: Entity['kind'], gender: Gender, roles: readonly string[], how: Speaker['how']): Speaker {
  const entity = registry.mention(name, kind, gender, roles);
  return { name: entity.name, how };
}

function phraseText(phrase: readonly Token[]): string {
  const words = phrase.map((t) => t.core + (t.possessive ? (t.core.endsWith('s') ? '’' : '’s') : ''));
  while (words.length > 0 && /^(the|a|an)$/i.test(words[0]!)) words.shift();
  return words.join(' ');
}

function resolvePronoun(pronoun: string, registry: Registry): Speaker | null {
  const want = PRONOUNS[pronoun];
  if (want === 'f' || want === 'm') {
    for (const e of registry.recent()) {
      if (e.kind !== 'person') continue;
      if (e.gender === null || e.gender === want) {
        registry.mention(e.name, e.kind, want, []);
        return { name: e.name, how: 'pronoun' };
      }
    }
    return null;
  }
  if (want === 'org') {
    for (const e of registry.recent()) if (e.kind === 'org') return { name: e.name, how: 'pronoun' };
    return null;
  }
  // they / we: the current speaker when it is a group or organisation, else the latest group or organisation.
  if (registry.turn) {
    const current = registry.find(registry.turn);
    if (current && current.kind !== 'person') return { name: current.name, how: 'pronoun' };
  }
  for (const e of registry.recent()) if (e.kind !== 'person') return { name: e.name, how: 'pronoun' };
  return registry.turn ? { name: registry.turn, how: 'pronoun' } : null;
}

/** `the cabinet member` → the person introduced with that role; `the regulator` → the regulator named before. */
function resolveRole(phrase: readonly Token[], registry: Registry): Speaker | null {
  const words = phrase.map((t) => t.lower).filter((w) => w !== 'the' && w !== 'a' && w !== 'an');
  const last = words[words.length - 1];
  if (!last) return null;
  // The role noun is the head even when a qualifier follows: `the head of safeguarding`.
  const roleHead = words.find((w) => isRoleNoun(w) && !ORG_HEADS.has(w));
  const head = roleHead ?? last;
  if (REGULATOR_NOUNS.has(head)) {
    for (const e of registry.recent()) if (e.kind === 'org' && (REGULATORS.has(e.name.toLowerCase()) || /inspectorate/i.test(e.name))) return { name: e.name, how: 'title' };
  }
  if (!roleHead && ORG_HEADS.has(last)) {
    const org = findOrgByNoun(last, registry);
    if (org) return { name: org.name, how: 'title' };
    return null;
  }
  const wanted = words.filter((w) => !['official', 'new', 'former', 'of', 'for', 'and', '&'].includes(w));
  for (const e of registry.recent()) {
    if (e.kind !== 'person') continue;
    for (const role of e.roles) {
      const roleWords = role.split(/[\s()]+/).map((w) => w.replace(/['’]s$/, ''));
      if (roleWords.includes(head) && wanted.every((m) => roleWords.includes(m))) {
        registry.mention(e.name, e.kind, null, []);
        return { name: e.name, how: 'title' };
      }
    }
  }
  return null;
}

function findOrgByNoun(noun: string, registry: Registry): Entity | undefined {
  for (const e of registry.recent()) {
    if (e.kind !== 'org') continue;
    const words = e.name.toLowerCase().split(/\s+/);
    if (words.includes(noun)) return e;
    if (noun === 'authority' && words.includes('council')) return e;
  }
  return undefined;
}

/** Whether every word but the small ones starts with a capital: `Stepping Stones`, `Growing Up in Devon`. */
function isTitleCase(quoted: string): boolean {
  const words = quoted.split(/\s+/).filter((w) => w.length > 0);
  let capitals = 0;
  for (const w of words) {
    if (/^\p{Lu}/u.test(w)) capitals++;
    else if (!/^(?:of|and|in|on|the|a|an|for|to|at|&)$/.test(w)) return false;
  }
  return capitals >= 2;
}

/** The index of the first token ending after `offset` (the token holding it), or -1. */
function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo < tokens.length ? lo : -1;
}

/** Words that open a noun phrase: a quote right after one that a noun follows is a name. */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'our', 'his', 'her', 'this', 'that', 'these', 'those']);

/** Words after a quote that carry the sentence on rather than name what the quote qualifies (`a “ban” on smoking`). */
const LINKING_WORDS = new Set(['as', 'to', 'and', 'or', 'but', 'that', 'which', 'who', 'than', 'so', 'because', 'while', 'when', 'if', 'into', 'through', 'not', 'also', 'now']);

/** Whether a span is a quote rather than a quoted name, label or term. */
function keepQuote(text: string, span: QuoteSpan, tokens: readonly Token[], openToken: number, closeToken: number, clauses: readonly Clause[]): boolean {
  const words = countWords(text, span.start, span.end);
  if (words === 0) return false;
  const before = openToken > 0 ? tokens[openToken - 1] : undefined;
  const before2 = openToken > 1 ? tokens[openToken - 2] : undefined;
  const named = (before && NAMING_WORDS.has(before.lower)) || (before2 && NAMING_WORDS.has(before2.lower) && before && ['as', 'of', 'a', 'the', 'an'].includes(before.lower));
  const quoted = text.slice(span.start, Math.min(span.end, span.start + 200));
  const describedAs = before && before2 && before.lower === 'being' && before2.lower === 'as';
  // A rating or a name is a noun or an adjective; `rating “by a whisker”` quotes someone's words.
  const firstWord = /^[\p{L}’']+/u.exec(quoted)?.[0].toLowerCase() ?? '';
  const partial = PREPOSITIONS.has(firstWord) || firstWord === 'into' || firstWord === 'through';
  if ((named || describedAs) && !partial && words <= NAMED_QUOTE_WORDS && !/[.!?]\s/.test(quoted)) return false;
  // `the “five steps to safer surgery” process`: a quoted name between a determiner and the noun it qualifies.
  const closing = closeToken >= 0 ? tokens[closeToken] : undefined;
  const after = closeToken >= 0 ? tokens[closeToken + 1] : undefined;
  if (before && DETERMINERS.has(before.lower) && !before.comma && closing && !closing.comma && !closing.colon && after && !after.capital && !after.quote &&
    !REPORTING_VERBS.has(after.lower) && !AUXILIARIES.has(after.lower) && !PREPOSITIONS.has(after.lower) && !LINKING_WORDS.has(after.lower) && words <= TERM_QUOTE_WORDS && !/[.!?,;:]$/.test(text.slice(span.start, span.end))) return false;
  // A whole sentence in quotes is speech however short (`“Now they do.”`).
  if (/^\p{Lu}/u.test(quoted) && /[.!?]$/.test(text.slice(span.start, span.end)) && !named) return true;
  // A single quoted word is a term or a scare quote far more often than someone's words.
  if (words === 1) return false;
  // Title Case in quotes is a name (`the ‘Stepping Stones’ service`), not speech.
  if (words <= TERM_QUOTE_WORDS && isTitleCase(quoted)) return false;
  if (clauses.length > 0) return words > 0;
  if (words <= SHORT_QUOTE_WORDS) return false;
  // Without any reporting verb, a short quote that the sentence carries on after is a term or a title (‘Pathways on a page’ provide…).
  if (words <= TERM_QUOTE_WORDS && span.close >= 0) {
    const last = text.charCodeAt(span.end - 1);
    const closesSentence = last === 46 || last === 33 || last === 63 || last === 44;
    const rest = closeToken >= 0 ? tokens.length - closeToken - 1 : 0;
    if (!closesSentence && rest >= 2) return false;
  }
  return true;
}

function countWords(text: string, from: number, to: number): number {
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const blank = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
    if (!blank && !inWord) {
      words++;
      if (words > NAMED_QUOTE_WORDS + 1) return words;
    }
    inWord = !blank;
  }
  return words;
}

/** The clause that attributes the quote between tokens `open` and `close`, with where it sits. */
function chooseSpeaker(
  tokens: readonly Token[],
  clauses: readonly Clause[],
  open: number,
  close: number,
  previous: { speaker: string | null; closeToken: number } | null,
): Chosen | null {
  let after: Clause | null = null;
  let before: Clause | null = null;
  for (const clause of clauses) {
    if (clause.verb > close) {
      // Right after the quote: `“…,” she says`, `“…,” says Ms Tomsett`, `“…,” Ofsted added`.
      const gap = tokens.slice(close + 1, clause.verb);
      const adjacent = gap.length <= 8 && gap.every((t) => !t.quote && (isPhraseWord(t) || isPronoun(t) || AUXILIARIES.has(t.lower) || ['the', 'a', 'an', 'of', 'for'].includes(t.lower)));
      if (adjacent && after === null) after = clause;
    } else if (clause.verb < open) {
      const between = previous ? clause.verb > previous.closeToken : true;
      if (between) before = clause;
    }
  }
  // A quote of its own sentence with an inverted clause after it takes that clause.
  if (after && (after.speaker.how === 'name' || !before || before.speaker.how !== 'name')) return { speaker: after.speaker, where: 'after' };
  if (before) return { speaker: before.speaker, where: previous ? 'inside' : 'before' };
  return null;
}
