/** A report and annotations of it shared by the export tests: a metric with every attribute, a quote with an emoji, a recommendation across a line break. */
import type { ImportOptions } from '../../../src/core/export/import-options';
import type { Annotation } from '../../../src/core/model';
import { annotationOf } from '../anchor/annotate';

export const report = [
  'Ofsted found that 92 per cent of care leavers, up from 64 per cent, were in suitable homes.',
  '',
  'Lead inspector Jo Bloggs said: “We saw real progress 😀 this year.”',
  'The council must improve:\r\nplanning for young people.',
].join('\n');

/** A metric with every attribute, a quote with a speaker, and a recommendation spanning a line break. */
export function sampleAnnotations(): Annotation[] {
  const metric: Annotation = {
    ...annotationOf(report, '92 per cent', 'm1'),
    metricKind: 'percent',
    value: 92,
    unit: 'percent',
    period: null,
    comparison: '64 per cent',
    comparisonValue: 64,
    direction: 'up',
    tags: ['housing', 'care leavers'],
    note: 'Checked against the 2023 letter.\nSee page 4, "Outcomes".',
    author: 'A. Analyst',
  };
  const quote: Annotation = { ...annotationOf(report, 'We saw real progress 😀 this year.', 'q1'), kind: 'quote', speaker: 'Jo Bloggs', attribution: 'before' };
  const recommendation: Annotation = {
    ...annotationOf(report, 'must improve:\r\nplanning for young people.', 'r1'),
    kind: 'recommendation',
    status: 'rejected',
    cue: 'must improve',
  };
  return [metric, quote, recommendation];
}

export const importOptions = (extra: Partial<ImportOptions> = {}): ImportOptions => ({
  path: 'in.ann',
  reportText: report,
  now: '2026-02-02T00:00:00.000Z',
  ...extra,
});

