/**
 * The quote detector: words reproduced inside quotation marks, each with
 * its speaker as first named in full and how that speaker was found (see
 * the annotation guide). Marks are paired by `quotes/marks`, speakers found
 * by `quotes/attribute`; the state carried between paragraphs holds the
 * people named so far, the current turn, a `X said:` that ended the previous
 * paragraph and a quote left open there.
 */
import type { LocalDetection, ParagraphScanner } from './scanner';
import { attributeParagraph } from './quotes/attribute';
import { findQuoteSpans } from './quotes/marks';
import { INITIAL_QUOTE_STATE, sameQuoteState, type QuoteState } from './quotes/state';

export type { QuoteState } from './quotes/state';

/** Finds one paragraph's quotes and their speakers. Never throws: an internal failure yields no quotes and the state unchanged. */
function scanQuotes(paragraph: string, state: QuoteState): { detections: LocalDetection[]; state: QuoteState } {
  try {
    const spans = findQuoteSpans(paragraph);
    const { quotes, state: next } = attributeParagraph(paragraph, spans, state);
    const detections: LocalDetection[] = quotes.map((q) => ({
      kind: 'quote',
      start: q.start,
      end: q.end,
      speaker: q.speaker,
      attribution: q.attribution,
    }));
    return { detections, state: next };
  } catch {
    // A bug here must not take the other detectors or the editor down with it.
    return { detections: [], state };
  }
}

/** The quote detector as a paragraph scanner. */
export const quoteScanner: ParagraphScanner<QuoteState> = {
  initialState: INITIAL_QUOTE_STATE,
  scan: scanQuotes,
  sameState: sameQuoteState,
};
