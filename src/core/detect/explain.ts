/**
 * Plain-language explanations of detections, shared by the CLI table and the
 * editor hover so both say the same thing.
 */
import type { Detection, MetricDetection } from '../model';

/** "92%", "£2.5m", "1,204 referrals", "1 in 5". */
export function formatMetricValue(metric: Pick<MetricDetection, 'value' | 'unit' | 'metricKind'>, value = metric.value): string {
  if (value === null || value === undefined) return metric.unit;
  const number = formatNumber(value);
  switch (metric.unit) {
    case 'percent':
      return `${number}%`;
    case 'percentage points':
      return `${number} percentage points`;
    case 'GBP':
      return `£${formatMoney(value)}`;
    case 'USD':
      return `$${formatMoney(value)}`;
    case 'EUR':
      return `€${formatMoney(value)}`;
    case 'ratio':
      return value > 0 && value < 1 ? `${number} (${formatNumber(value * 100)}%)` : number;
    default:
      return metric.unit ? `${number} ${metric.unit}` : number;
  }
}

function formatNumber(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 3 });
}

function formatMoney(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${formatNumber(value / 1e9)}bn`;
  if (abs >= 1e6) return `${formatNumber(value / 1e6)}m`;
  return formatNumber(value);
}

/**
 * The change from the comparison to the metric, when both are figures of the
 * same unit: "+28 percentage points" for 92% against 64%, "+12.5%" for counts
 * (money in its currency: "−£1.4m (−43.75%)"). Null when there is nothing to compute.
 */
export function describeChange(metric: MetricDetection): string | null {
  if (metric.value === null || metric.comparisonValue === null) return null;
  const delta = metric.value - metric.comparisonValue;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const magnitude = MONEY_UNITS.has(metric.unit) ? formatMetricValue(metric, Math.abs(delta)) : formatNumber(Math.abs(delta));
  if (metric.unit === 'percent') return `${sign}${magnitude} percentage points`;
  if (metric.comparisonValue === 0) return `${sign}${magnitude}`;
  const relative = formatNumber(Math.abs((delta / metric.comparisonValue) * 100));
  return `${sign}${magnitude} (${sign}${relative}%)`;
}

const MONEY_UNITS: ReadonlySet<string> = new Set(['GBP', 'USD', 'EUR']);

/** One line for a table row or a tooltip. */
export function describeDetection(detection: Detection): string {
  switch (detection.kind) {
    case 'metric': {
      const parts = [`${detection.metricKind} ${formatMetricValue(detection)}`];
      if (detection.period) parts.push(`in ${detection.period}`);
      if (detection.comparison) {
        const change = describeChange(detection);
        parts.push(`vs ${detection.comparison}${change ? ` → ${change}` : ''}`);
      }
      if (detection.direction) parts.push(detection.direction);
      return parts.join(', ');
    }
    case 'quote':
      return detection.speaker ? `${detection.speaker} (${detection.attribution})` : 'speaker unknown';
    case 'recommendation':
      return `cue: ${detection.cue}`;
  }
}
