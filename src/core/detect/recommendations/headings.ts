/**
 * Headings that open a list of recommendations. Inspection letters and
 * committee papers put what must change under a heading ("What needs to
 * improve", "Areas for improvement", "Recommendations", "Action the provider
 * must take"), and the items under it often have no verb at all ("The timely
 * availability of family support…"): the heading is what makes them
 * prescriptive.
 */

/**
 * Heading patterns, tried on the heading lower-cased, without a leading
 * section number and trailing colon. Each allows the words inspectorates put
 * after the core phrase ("… in this area of social care practice", "… to
 * improve further").
 */
const HEADING_PATTERNS: readonly RegExp[] = [
  // What needs to improve / What the provider needs to do / What does the school need to do to improve further?
  /^what (?:[\w’'-]+ ){0,5}?(?:needs?|has|have|should|must|ought) (?:to |be )?(?:improve|improved|do|change|happen|be done|be improved)\b/,
  /^what (?:does|do|should|must|can|could) (?:[\w’'-]+ ){1,5}?(?:need to |have to )?(?:do|improve|change)\b/,
  /^what (?:needs|has) to (?:change|happen)\b/,
  // Areas for improvement / Area for development / Areas requiring action / Priorities for improvement
  /^(?:main |key |priority |further |other |the )?(?:areas?|priorities|points|issues|matters|aspects) (?:for|of|in need of|requiring|that require|needing|to|where) (?:further |urgent |priority |immediate )?(?:improvement|development|action|improve|develop|attention|focus|change)\b/,
  /^(?:areas?|things|what) (?:to|we could|we need to|that need to|that must|that should) (?:improve|develop|work on|change)\b/,
  /^(?:improvement|development) (?:areas|points|priorities|actions|required|needed|plan priorities)\b/,
  // Recommendations / Key recommendations / Recommendations for the council / Summary of recommendations
  /^(?:the |our |my |key |main |further |additional |specific |priority |formal |summary of |list of |inspectors[’']? |officers[’']? )?recommendations?\b(?!\s+(?:made|accepted|implemented|from the last|of the last|from the previous|of the previous)\b)/,
  /^recommended (?:actions?|next steps|improvements?|changes)\b/,
  // Action the provider must take / Actions required / Action needed / Required actions
  /^(?:the )?actions? (?:the |we |you |they |this |that |which )?(?:[\w’'-]+ ){0,4}?(?:must|should|needs? to|ought to|is required to|are required to) take\b/,
  /^actions? (?:required|needed|to be taken|to take|for improvement|to improve|points)\b/,
  /^actions? (?:we have |we've )?(?:told|asked|required) the (?:provider|trust|service|practice|school|council|force|home|registered [\w-]+) to take\b/,
  /^(?:priority|immediate|required|recommended|further|urgent|suggested|next) actions?\b/,
  /^next steps?\b/,
  /^(?:the )?(?:improvements?|changes|steps) (?:needed|required|to (?:make|be made|be taken|take)|we (?:must|should|need to) (?:make|take))\b/,
  /^(?:how|where|ways)(?: [\w’'-]+){0,5}? (?:can|could|should|must|needs? to|has to|have to) (?:improve|do better|get better|be improved)\b/,
  /^ways to improve\b/,
  /^to improve(?: further)?,?(?: [\w’'-]+){0,5}? (?:should|must|needs? to|has to|have to|is required to)\b/,
  /^areas? for priority action\b/,
  /^(?:requirements?|requirement notices?)(?: to improve| for improvement| to meet| notices?)?$/,
  /^(?:we|i|the [\w ]{2,40}) (?:recommends?|urges?|calls? on|asks?)\b/,
];

/** A word every heading pattern contains: a cheap test before trying them all. */
const KEYWORDS = /improv|recommend|action|step|need|should|must|concern|require|priorit|develop|what|how|where|ways|change|urge|calls? on|asks?\b/;

/** The longest heading we consider. */
const MAX_HEADING = 150;

/**
 * If `heading` (one line, without list marker) is a heading that opens a
 * list of recommendations, that heading tidied for display (trailing colon
 * and white space removed, at most 80 characters); otherwise null.
 */
export function matchRecommendationHeading(heading: string): string | null {
  if (heading.length > MAX_HEADING || !KEYWORDS.test(heading.toLowerCase())) return null;
  const tidy = tidyHeading(heading);
  const key = tidy
    .toLowerCase()
    .replace(/^(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-z]\)|\([a-z0-9]{1,4}\))\s+/, '')
    .replace(/\s+/g, ' ');
  if (key.length < 4) return null;
  for (const pattern of HEADING_PATTERNS) {
    if (pattern.test(key)) return tidy;
  }
  return null;
}

/** The longest heading kept as a cue. */
const MAX_CUE = 80;

/**
 * A heading as shown in a cue: trimmed, without its trailing colon or dash,
 * and cut to {@link MAX_CUE} characters with an ellipsis (never inside a
 * surrogate pair).
 */
export function tidyHeading(heading: string): string {
  const tidy = heading.trim().replace(/[\s:.–—-]+$/, '');
  if (tidy.length <= MAX_CUE) return tidy;
  let cut = MAX_CUE - 1;
  const unit = tidy.charCodeAt(cut - 1);
  if (unit >= 0xd800 && unit <= 0xdbff) cut--;
  return `${tidy.slice(0, cut)}…`;
}
