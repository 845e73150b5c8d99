/**
 * The words attribution relies on, for British news, council releases and
 * inspection reports: verbs that report speech, honorifics and the gender
 * they imply, role nouns (`cabinet member`, `spokeswoman`), the words that
 * end an organisation's name, and the regulators a report may call `the
 * regulator` or `the watchdog`. Plain sets, so lookups are O(1).
 */
import type { Gender } from './state';

const REPORTING_BASES = [
  'say', 'tell', 'add', 'conclude', 'insist', 'admit', 'claim', 'declare', 'explain', 'warn', 'note', 'describe',
  'promise', 'pledge', 'ask', 'acknowledge', 'argue', 'comment', 'state', 'suggest', 'write', 'reply', 'respond',
  'stress', 'urge', 'announce', 'confirm', 'accept', 'maintain', 'observe', 'remark', 'reveal', 'emphasise',
  'emphasize', 'concede', 'complain', 'continue', 'hope', 'recall', 'find', 'highlight', 'mention', 'predict',
  'deny', 'assert', 'boast', 'recommend', 'tweet', 'joke', 'answer', 'report', 'vow', 'quip', 'plead', 'demand',
  'caution', 'concur', 'reiterate', 'conclude', 'observe', 'proclaim', 'protest', 'whisper', 'shout', 'exclaim',
];

const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  say: ['said'], tell: ['told'], write: ['wrote', 'written'], find: ['found'], admit: ['admitted', 'admitting', 'admits'],
  reply: ['replied', 'replies'], deny: ['denied', 'denies'], quip: ['quipped', 'quipping', 'quips'],
  concur: ['concurred', 'concurring'], stress: ['stresses'],
};

/** Every inflection of a verb from its base (a few spurious forms such as `replys` are harmless). */
function inflect(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const forms = [base, base + 's', stem + 'ed', stem + 'ing', ...(IRREGULAR[base] ?? [])];
  if (base.endsWith('ss') || base.endsWith('sh')) forms.push(base + 'es');
  return forms;
}

/** Verbs that introduce what someone said (`said`, `told`, `concludes`, `adding`). */
export const REPORTING_VERBS: ReadonlySet<string> = new Set(REPORTING_BASES.flatMap(inflect));

/** Reporting verbs that also name or rate things (`called ‘total respect’`, `rated “inadequate”`), never a speaker's words when the quote is short. */
export const NAMING_WORDS: ReadonlySet<string> = new Set([
  'called', 'named', 'entitled', 'titled', 'dubbed', 'nicknamed', 'labelled', 'labeled', 'branded', 'rated', 'rating',
  'judged', 'graded', 'grade', 'so-called', 'term', 'terms', 'termed', 'word', 'words', 'phrase', 'slogan', 'motto',
  'hashtag', 'headline', 'banner', 'as', 'known', 'judgement', 'judgment', 'category', 'marked', 'deemed', 'classed', 'classified',
]);

/** Words that, before a reporting verb, belong to the verb phrase and not to the subject (`has insisted`, `also said`). */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'has', 'have', 'had', 'was', 'were', 'is', 'are', 'also', 'then', 'later', 'previously', 'earlier', 'today', 'yesterday',
  'recently', 'repeatedly', 'further', 'once', 'again', 'simply', 'just', 'already', 'had', 'been', 'publicly', 'privately',
  'famously', 'bluntly', 'candidly', 'openly', 'quietly', 'firmly', 'clearly', 'would', 'will', 'did', 'does', 'do',
]);

/** Words that stop a reporting verb from reporting (`declined to say`, `would not say`). */
export const NEGATORS: ReadonlySet<string> = new Set(['to', 'not', "n't", 'never', 'refused', 'declined', 'cannot', 'could', 'might', 'may']);

export const PRONOUNS: Readonly<Record<string, 'f' | 'm' | 'org' | 'plural'>> = {
  he: 'm', she: 'f', it: 'org', they: 'plural', we: 'plural', i: 'plural',
};

/** Honorifics and the gender they imply (null when they imply none). */
export const TITLES: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['mr', 'm'], ['mrs', 'f'], ['ms', 'f'], ['miss', 'f'], ['dr', null], ['sir', 'm'], ['dame', 'f'], ['lord', 'm'],
  ['lady', 'f'], ['baroness', 'f'], ['baron', 'm'], ['cllr', null], ['councillor', null], ['prof', null],
  ['professor', null], ['rev', null], ['revd', null], ['reverend', null], ['canon', null], ['judge', null],
  ['justice', null], ['det', null], ['pc', null], ['sgt', null], ['supt', null], ['insp', null], ['cllrs', null],
]);

/**
 * Capitalised words that state an office rather than a name (`Education
 * Secretary Charles Clarke`, `First Minister Jack McConnell`): they become a
 * role and are dropped from the name.
 */
export const ROLE_CAPITALS: ReadonlySet<string> = new Set([
  'minister', 'secretary', 'chancellor', 'leader', 'chief', 'executive', 'officer', 'director', 'chair', 'chairman',
  'chairwoman', 'chairperson', 'mayor', 'deputy', 'shadow', 'first', 'prime', 'education', 'health', 'home', 'foreign',
  'culture', 'environment', 'business', 'transport', 'schools', 'cabinet', 'member', 'lead', 'inspector', 'commissioner',
  'president', 'head', 'headteacher', 'principal', 'governor', 'spokesman', 'spokeswoman', 'spokesperson', 'mp', 'msp',
  'am', 'ms', 'mep', 'labour', 'conservative', 'tory', 'liberal', 'democrat', 'green', 'independent', 'senior', 'assistant',
  'general', 'managing', 'her', 'his', 'majesty’s', "majesty's", 'hm', 'superintendent', 'constable', 'inspectors',
  'councillor', 'cllr', 'professor', 'attorney', 'solicitor', 'justice', 'welsh', 'scottish', 'secretary-general',
  'housing', 'finance', 'children’s', "children's", 'social', 'care', 'adult', 'adults', 'public', 'opposition', 'council',
  'portfolio', 'holder', 'former', 'acting', 'interim', 'new', 'local', 'county', 'district', 'city', 'borough', 'town',
]);

/** Lower-case nouns that name a person by role; a noun phrase ending in one of these is a person (or a group). */
export const ROLE_NOUNS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['member', null], ['leader', null], ['minister', null], ['secretary', null], ['inspector', null], ['chief', null],
  ['executive', null], ['officer', null], ['director', null], ['chair', null], ['chairman', 'm'], ['chairwoman', 'f'],
  ['chairperson', null], ['mayor', null], ['spokesman', 'm'], ['spokeswoman', 'f'], ['spokesperson', null],
  ['councillor', null], ['commissioner', null], ['president', null], ['head', null], ['headteacher', null],
  ['principal', null], ['governor', null], ['manager', null], ['lead', null], ['deputy', null], ['mp', null],
  ['msp', null], ['founder', null], ['campaigner', null], ['lawyer', null], ['barrister', null], ['solicitor', null],
  ['coroner', null], ['judge', null], ['prosecutor', null], ['magistrate', null], ['doctor', null], ['nurse', null], ['resident', null], ['teacher', null],
  ['official', null], ['representative', null], ['adviser', null], ['advisor', null], ['consultant', null],
  ['expert', null], ['professor', null], ['researcher', null], ['author', null], ['owner', null], ['boss', null],
  ['chancellor', null], ['premier', null], ['candidate', null], ['organiser', null], ['coordinator', null],
  ['analyst', null], ['economist', null], ['surgeon', null], ['mother', 'f'], ['father', 'm'], ['mum', 'f'], ['dad', 'm'],
  ['son', 'm'], ['daughter', 'f'], ['widow', 'f'], ['husband', 'm'], ['wife', 'f'], ['brother', 'm'], ['sister', 'f'],
  ['worker', null], ['assistant', null], ['superintendent', null], ['constable', null], ['source', null],
  ['holder', null], ['clerk', null], ['inspectors', null], ['leavers', null], ['workers', null], ['parents', null],
  ['residents', null], ['campaigners', null], ['officials', null], ['teachers', null], ['families', null], ['pupils', null],
  ['students', null], ['staff', null], ['carers', null], ['children', null], ['people', null], ['patients', null],
  ['councillors', null], ['ministers', null], ['leaders', null], ['managers', null], ['critics', null], ['unions', null],
  ['members', null], ['mps', null], ['experts', null], ['opponents', null], ['supporters', null], ['insiders', null],
  ['person', null], ['relative', null], ['relatives', null], ['carer', null], ['user', null], ['users', null],
  ['constables', null], ['officers', null], ['leaver', null], ['parent', null], ['pupil', null], ['student', null],
  ['patient', null], ['victim', null], ['victims', null], ['neighbour', null], ['neighbours', null], ['witness', null],
  ['witnesses', null], ['friend', null], ['friends', null], ['colleague', null], ['colleagues', null], ['grandmother', 'f'],
  ['grandfather', 'm'], ['woman', 'f'], ['man', 'm'], ['girl', 'f'], ['boy', 'm'], ['inspectors', null], ['respondents', null],
  ['governors', null], ['trustees', null], ['trustee', null], ['volunteers', null], ['volunteer', null], ['nurses', null],
  ['doctors', null], ['midwives', null], ['midwife', null], ['paramedic', null], ['paramedics', null], ['chair', null],
  ['vice-chair', null], ['spokespeople', null],
]);

/** Lower-case words that modify a role noun inside a subject (`official spokesman`, `senior leaders`, `lead inspector`). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set([
  'official', 'senior', 'deputy', 'chief', 'general', 'lead', 'shadow', 'health', 'education', 'cabinet', 'council',
  'press', 'principal', 'assistant', 'executive', 'political', 'local', 'national', 'county', 'young', 'care', 'social',
  'independent', 'former', 'acting', 'interim', 'pensions', 'finance', 'housing', 'opposition', 'party', 'union',
  'government', 'school', 'police', 'fire', 'hospital', 'team', 'service', 'services', 'foster', 'policy', 'front-line',
  'frontline', 'head', 'new', 'some', 'many', 'most', 'other', 'two', 'three', 'several', 'all', 'both', 'one', 'elected',
  'another', 'young', 'older', 'tutor', 'agency', 'family', 'long-serving', 'experienced', 'junior', 'retired',
]);

/** Capitalised last words that make a run of capitals an organisation (`Devon County Council`, `British Medical Association`). */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'council', 'office', 'association', 'union', 'party', 'congress', 'department', 'committee', 'trust', 'agency',
  'commission', 'authority', 'service', 'services', 'board', 'group', 'executive', 'government', 'parliament',
  'assembly', 'inspectorate', 'ministry', 'court', 'foundation', 'society', 'institute', 'college', 'university',
  'school', 'academy', 'partnership', 'network', 'federation', 'confederation', 'charity', 'company', 'ltd', 'plc',
  'police', 'constabulary', 'hospital', 'organisation', 'organization', 'alliance', 'forum', 'panel', 'unit', 'centre',
  'bank', 'treasury', 'campaign', 'coalition', 'tribunal', 'watch', 'fund', 'programme', 'corporation', 'inc',
  'review', 'report', 'survey', 'democrats', 'dems', 'dem', 'cymru', 'conservatives', 'tories', 'greens', 'labour', 'ukip', 'inquiry', 'audit', 'ombudsman', 'healthwatch', 'nhs', 'bbc', 'itv', 'news',
]);

/**
 * Regulators, inspectorates and well-known bodies written as one word or an
 * acronym, which the capital-run rules cannot tell from a surname.
 */
export const KNOWN_ORGS: ReadonlySet<string> = new Set([
  'ofsted', 'cqc', 'hmicfrs', 'estyn', 'ofwat', 'ofgem', 'ofcom', 'ofqual', 'hmrc', 'dfe', 'dhsc', 'nspcc', 'lga', 'nhs',
  'bma', 'tuc', 'unison', 'unite', 'gmb', 'neu', 'naht', 'rcn', 'bbc', 'ons', 'healthwatch', 'shelter', 'barnardo’s',
  "barnardo's", 'mencap', 'ifs', 'cbi', 'rspca', 'nasuwt', 'ucu', 'fbu', 'pcs', 'acevo', 'nao', 'ipcc', 'iopc', 'hse',
  'ukhsa', 'nice', 'labour', 'snp', 'plaid', 'ukip', 'tories', 'conservatives', 'greens', 'reform', 'ofsted’s', "ofsted's", 'whitehall', 'downing', 'westminster', 'holyrood',
]);

/** Organisations that the text may call `the regulator`, `the watchdog` or `the inspectorate`. */
export const REGULATORS: ReadonlySet<string> = new Set([
  'ofsted', 'cqc', 'care quality commission', 'hmicfrs', 'estyn', 'ofwat', 'ofgem', 'ofcom', 'ofqual', 'care inspectorate',
  'hm inspectorate of prisons', 'hm inspectorate of probation', 'audit commission', 'national audit office', 'nao',
  'iopc', 'hse', 'charity commission', 'information commissioner', 'ico',
]);

/** Nouns by which a text refers back to a regulator. */
export const REGULATOR_NOUNS: ReadonlySet<string> = new Set(['regulator', 'watchdog', 'inspectorate', 'inspectors', 'inspector']);

/**
 * Capitalised words that open sentences or name times and places but never
 * start a person's name, so they are not read as one.
 */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'or', 'however', 'meanwhile', 'earlier', 'later', 'he', 'she', 'it',
  'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there', 'their', 'his', 'her', 'its', 'our', 'my', 'your',
  'speaking', 'asked', 'launching', 'after', 'before', 'during', 'since', 'when', 'while', 'if', 'as', 'for', 'from',
  'with', 'without', 'despite', 'although', 'today', 'yesterday', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december', 'posted', 'also', 'now', 'then', 'so', 'yet', 'still', 'both', 'all',
  'some', 'many', 'most', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'such', 'what',
  'who', 'which', 'where', 'why', 'how', 'not', 'no', 'yes', 'by', 'to', 'of', 'about', 'according', 'last', 'next',
  'other', 'every', 'each', 'our', 'mrs', 'dear', 'further', 'following', 'under', 'over', 'between', 'across', 'into',
  'through', 'following', 'overall', 'instead', 'indeed', 'because', 'unless', 'until', 'whether', 'here', 'once',
  'only', 'even', 'just', 'among', 'responding', 'commenting', 'writing', 'addressing', 'talking', 'reacting',
]);

/** Words that open a clause that is not the subject (`In a statement on Sunday,`, `Earlier,`). */
export const ADVERBIAL_OPENERS: ReadonlySet<string> = new Set([
  'in', 'on', 'at', 'after', 'before', 'during', 'since', 'when', 'while', 'earlier', 'later', 'meanwhile', 'however',
  'but', 'and', 'speaking', 'asked', 'launching', 'responding', 'commenting', 'writing', 'addressing', 'talking',
  'reacting', 'following', 'despite', 'although', 'as', 'if', 'today', 'yesterday', 'last', 'this', 'now', 'then',
  'also', 'instead', 'indeed', 'overall', 'separately', 'elsewhere', 'previously', 'recently', 'for', 'from', 'with',
  'without', 'under', 'over', 'by', 'according', 'among', 'what', 'so', 'yet', 'still', 'here', 'there', 'once', 'until',
  'because', 'unless', 'whether', 'through', 'across', 'into', 'to', 'of', 'about',
]);

/** Prepositions that, right before a noun phrase, show it is not the subject (`Mark Serwotka, from the union, said`). */
export const PREPOSITIONS: ReadonlySet<string> = new Set(['from', 'for', 'of', 'at', 'with', 'in', 'on', 'by', 'to', 'about', 'after', 'before', 'over', 'under']);
