import * as assert from 'node:assert/strict';
import { describeChange, describeDetection, formatMetricValue } from '../../../src/core/detect/explain';
import type { MetricDetection } from '../../../src/core/model';

const metric = (fields: Partial<MetricDetection>): MetricDetection => ({
  kind: 'metric', start: 0, end: 1, text: 'x', metricKind: 'count', value: null, unit: '',
  period: null, comparison: null, comparisonValue: null, direction: null, ...fields,
});

describe('detect/explain', () => {
  describe('formatMetricValue', () => {
    const cases: [string, Partial<MetricDetection>, string][] = [
      ['a percentage', { unit: 'percent', value: 42.5 }, '42.5%'],
      ['pounds in millions', { unit: 'GBP', value: 2_500_000 }, '£2.5m'],
      ['dollars in billions', { unit: 'USD', value: 3e9 }, '$3bn'],
      ['a ratio as a share', { unit: 'ratio', value: 0.2 }, '0.2 (20%)'],
      ['a count with its noun', { unit: 'referrals', value: 1204 }, '1,204 referrals'],
      ['no number read', { unit: 'people', value: null }, 'people'],
    ];
    for (const [name, fields, expected] of cases) it(name, () => assert.equal(formatMetricValue(metric(fields)), expected));
  });

  describe('describeChange', () => {
    it('gives percentage points between percentages', () => {
      assert.equal(describeChange(metric({ unit: 'percent', value: 92, comparisonValue: 64 })), '+28 percentage points');
    });

    it('gives money changes in the currency, with the relative change', () => {
      assert.equal(describeChange(metric({ unit: 'GBP', value: 1_800_000, comparisonValue: 3_200_000 })), '−£1.4m (−43.75%)');
    });

    it('gives counts as a difference and a relative change', () => {
      assert.equal(describeChange(metric({ unit: 'referrals', value: 450, comparisonValue: 400 })), '+50 (+12.5%)');
    });

    it('is null without both figures', () => {
      assert.equal(describeChange(metric({ unit: 'percent', value: 92 })), null);
    });
  });

  describe('describeDetection', () => {
    it('explains a compared metric on one line', () => {
      const line = describeDetection(metric({ metricKind: 'percent', unit: 'percent', value: 92, period: 'September 2018', comparison: '64 per cent at the last inspection', comparisonValue: 64, direction: 'higher' }));
      assert.equal(line, 'percent 92%, in September 2018, vs 64 per cent at the last inspection → +28 percentage points, higher');
    });

    it('names a quote’s speaker and how it was found', () => {
      assert.equal(describeDetection({ kind: 'quote', start: 0, end: 1, text: 'x', speaker: 'Emmy Tomsett', attribution: 'after' }), 'Emmy Tomsett (after)');
    });
  });
});
