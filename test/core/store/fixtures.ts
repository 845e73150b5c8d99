/** Sidecar texts and annotations shared by the store tests (our own made-up report, no corpus text). */
import type { Annotation } from '../../../src/core/model';

export const REPORT = [
  'In September 2018, 92 per cent of care leavers were in suitable accommodation.',
  '“We are proud of our staff,” said Jane Smith 😀.',
  'The council should improve the timeliness of case recording.',
  '',
].join('\n');

/** An annotation with every required field, for tests that only care about a few. */
export function makeAnnotation(overrides: Partial<Annotation> & { id: string }): Annotation {
  return {
    kind: 'metric',
    status: 'accepted',
    text: '92 per cent',
    start: 19,
    end: 30,
    line: 1,
    column: 20,
    prefix: 'In September 2018, ',
    suffix: ' of care leavers',
    tags: [],
    note: '',
    created: '2026-11-22T07:00:00.000Z',
    updated: '2026-11-22T07:00:00.000Z',
    ...overrides,
  };
}

/** A hand-edited sidecar: comments everywhere, blank lines, an unknown key, non-canonical key order. */
export const HAND_WRITTEN = `# Annotations for the Devon letter.
# Keep this comment.
version: 1
source: report.txt
sourceHash: fnv1a64:0123456789abcdef
reviewer: Sam   # an unknown top-level key

annotations:
  # The headline figure.
  - id: m1
    kind: metric
    status: accepted
    text: 92 per cent   # as printed
    start: 19
    end: 30
    line: 1
    column: 20
    tags: [headline, housing]
    confidence: high     # an unknown key
    note: |
      Check against the 2017 letter.
      Second line.
    metricKind: percent
    value: 92
    unit: percent

  - id: q1
    status: accepted
    kind: quote
    text: We are proud of our staff,
    start: 80
    end: 106
    line: 2
    column: 2
    speaker: Jane Smith
    created: 2026-11-01T10:00:00.000Z
    updated: 2026-11-01T10:00:00.000Z

  # Dismissed.
  - id: r1
    kind: recommendation
    status: rejected
    text: The council should improve the timeliness of case recording.
    start: 129
    end: 190
    line: 3
    column: 1
# trailing comment
`;
