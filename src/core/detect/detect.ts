/**
 * Whole-document detection: split into paragraphs, run each kind's scanner
 * over them in order, and place the results in the document in code points.
 */
import type { Detection, DetectionKind } from '../model';
import { OffsetMap } from '../text/code-points';
import { splitParagraphs, type Paragraph } from '../text/paragraphs';
import { metricScanner } from './metrics';
import { quoteScanner } from './quotes';
import { recommendationScanner } from './recommendations';
import type { LocalDetection, ParagraphScanner } from './scanner';

export interface DetectOptions {
  /** Which kinds to look for; all three when omitted. */
  readonly kinds?: readonly DetectionKind[];
  /** The scanner for each kind; the built-in ones when omitted (tests pass their own). */
  readonly scanners?: ScannerSet;
}

/** One scanner per kind. Typed loosely on state: each scanner only ever sees its own. */
export type ScannerSet = Readonly<Record<DetectionKind, ParagraphScanner<unknown>>>;

export const ALL_KINDS: readonly DetectionKind[] = ['metric', 'quote', 'recommendation'];

/** The built-in scanner for each kind. */
export const SCANNERS: ScannerSet = {
  metric: metricScanner as ParagraphScanner<unknown>,
  quote: quoteScanner as ParagraphScanner<unknown>,
  recommendation: recommendationScanner as ParagraphScanner<unknown>,
};

/**
 * Every detection in `text`, sorted by start (then by kind). Offsets are code
 * points; a leading byte-order mark is the caller's to strip (see
 * `stripBom`). Never throws on any string.
 */
export function detect(text: string, options: DetectOptions = {}): Detection[] {
  const kinds = options.kinds ?? ALL_KINDS;
  const scanners = options.scanners ?? SCANNERS;
  const paragraphs = splitParagraphs(text);
  const map = new OffsetMap(text);
  const found: Detection[] = [];
  for (const kind of kinds) {
    const scanner = scanners[kind];
    let state = scanner.initialState;
    for (const paragraph of paragraphs) {
      const result = scanner.scan(paragraph.text, state);
      state = result.state;
      for (const local of result.detections) found.push(placeDetection(local, paragraph, map));
    }
  }
  return sortDetections(found);
}

/** Turns a paragraph-relative UTF-16 detection into a document detection in code points. */
export function placeDetection(local: LocalDetection, paragraph: Paragraph, map: OffsetMap): Detection {
  const from = paragraph.start + local.start;
  const to = paragraph.start + local.end;
  // Object.assign rather than spread: spreading objects of several shapes is
  // megamorphic and measured at twice the cost on detection-dense reports.
  return Object.assign({}, local, {
    start: map.toCodePoint(from),
    end: map.toCodePoint(to),
    text: paragraph.text.slice(local.start, local.end),
  }) as Detection;
}

const KIND_ORDER: Record<DetectionKind, number> = { metric: 0, quote: 1, recommendation: 2 };

/** Sorts in place by start, then end, then kind, and returns the array. */
export function sortDetections<T extends Detection>(detections: T[]): T[] {
  return detections.sort((a, b) => a.start - b.start || a.end - b.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/** Removes a leading byte-order mark: offsets never count it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
