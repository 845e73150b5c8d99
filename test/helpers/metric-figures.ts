/** Assertions on the metric detector's output, shared by its test files. */
import * as assert from 'node:assert/strict';
import { findMetrics } from '../../src/core/detect/metrics';
import type { MetricKind } from '../../src/core/model';

/** One expected figure: the covered text, its kind and, where given, its value. */
export type Expected = readonly [text: string, kind: MetricKind, value?: number];

/** The figures found in `text`, as [covered text, kind, value]. */
export function figuresIn(text: string): [string, MetricKind, number | null][] {
  return findMetrics(text).map((d) => [text.slice(d.start, d.end), d.kind === 'metric' ? d.metricKind : 'count', d.kind === 'metric' ? d.value : null]);
}

/** Asserts that `text` holds exactly the expected figures, in order, with their values where given. */
export function assertFigures(text: string, expected: readonly Expected[]): void {
  const found = figuresIn(text);
  assert.deepEqual(
    found.map(([covered, kind]) => [covered, kind]),
    expected.map(([covered, kind]) => [covered, kind]),
    `in ${JSON.stringify(text)}`,
  );
  expected.forEach(([, , value], i) => {
    if (value === undefined) return;
    const got = (found[i] as [string, MetricKind, number | null])[2];
    assert.ok(got !== null && Math.abs(got - value) < 1e-9, `value of "${found[i]?.[0]}": got ${got}, want ${value}`);
  });
}
