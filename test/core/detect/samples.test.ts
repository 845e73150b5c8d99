import * as assert from 'node:assert/strict';
import path from 'node:path';
import { detect } from '../../../src/core/detect/detect';
import {
  addScore,
  createScore,
  matchesGold,
  matchSpeaker,
  parseGold,
  readSamples,
  scoreDocument,
  summariseScore,
  type Figures,
  type GoldItem,
  type Score,
} from '../../helpers/gold';

const SAMPLES_DIR = path.resolve(__dirname, '../../../samples');
const samples = readSamples(SAMPLES_DIR);

/** The issue's bar for the samples taken together. */
const THRESHOLDS = { metricF1: 0.95, quoteF1: 0.95, speakerAccuracy: 0.95, recommendationF1: 0.9 };

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(6);
const counts = (score: Score, kind: 'metric' | 'quote' | 'recommendation'): string => {
  const { tp, fp, fn } = score.counts[kind];
  return `${tp}/${fp}/${fn}`.padEnd(9);
};

/** One table line: F1 and tp/fp/fn per kind, speakers, offset errors. */
function formatRow(name: string, score: Score, figures: Figures): string {
  return [
    name.padEnd(28),
    `metric ${percent(figures.metric.f1)} ${counts(score, 'metric')}`,
    `quote ${percent(figures.quote.f1)} ${counts(score, 'quote')}`,
    `rec ${percent(figures.recommendation.f1)} ${counts(score, 'recommendation')}`,
    `speaker ${percent(figures.speakerAccuracy)} (${score.speakers.right}/${score.speakers.total})`,
    `offset errors ${figures.offsetErrors}`,
  ].join('  ');
}

describe('samples', () => {
  describe('gold files', () => {
    it('are at least seven, each beside its report', () => {
      assert.ok(samples.length >= 7, `only ${samples.length} samples with gold in ${SAMPLES_DIR}`);
    });

    it('place every labelled text in its sample', () => {
      const problems = samples.flatMap((sample) => sample.gold.problems.map((line) => `${sample.name}: ${line}`));
      assert.deepEqual(problems, []);
    });

    it('label spans that are trimmed and, for quotes, give speakers as a list or null', () => {
      for (const sample of samples) {
        for (const item of sample.gold.items) {
          assert.equal(item.text, item.text.trim(), `${sample.name}: untrimmed ${item.kind} ${JSON.stringify(item.text)}`);
          if (item.kind === 'quote' && item.speaker !== null) assert.ok(item.speaker.length > 0, `${sample.name}: empty speaker list`);
        }
      }
    });

    it('label quotes between their marks: an opening mark before, a closing mark or the end of the paragraph after', () => {
      for (const sample of samples) {
        const points = Array.from(sample.text);
        for (const item of sample.gold.items.filter((candidate) => candidate.kind === 'quote')) {
          const before = points[item.start - 1] ?? '';
          const after = points[item.end] ?? '\n';
          assert.match(before, /[“‘"']/, `${sample.name}: no opening mark before ${JSON.stringify(item.text)}`);
          assert.match(after, /[”’"'\r\n]/, `${sample.name}: no closing mark after ${JSON.stringify(item.text)}`);
        }
      }
    });

    it('are realistic in length (500 to 1,500 words) and label each kind somewhere', () => {
      for (const sample of samples) {
        const words = sample.text.split(/\s+/).filter(Boolean).length;
        assert.ok(words >= 500 && words <= 1500, `${sample.name}: ${words} words`);
      }
      for (const kind of ['metric', 'quote', 'recommendation'] as const) {
        const total = samples.reduce((n, sample) => n + sample.gold.items.filter((item) => item.kind === kind && !item.optional).length, 0);
        assert.ok(total >= 20, `only ${total} ${kind} labels across the samples`);
      }
    });

    it('include one file with CRLF line endings and emoji, and one with straight quotes only', () => {
      assert.ok(samples.some((sample) => sample.text.includes('\r\n') && /\p{Extended_Pictographic}/u.test(sample.text)));
      assert.ok(samples.some((sample) => sample.text.includes('"') && !/[“”]/.test(sample.text)));
    });
  });

  describe('detect', () => {
    it('meets the issue thresholds on the samples taken together', () => {
      const total = createScore();
      const rows: string[] = [];
      for (const sample of samples) {
        const score = scoreDocument(sample.text, sample.gold.items, detect(sample.text));
        rows.push(formatRow(sample.name, score, summariseScore(score)));
        addScore(total, score);
      }
      const figures = summariseScore(total);
      rows.push(formatRow('ALL', total, figures));
      console.log(`\n      F1 with tp/fp/fn per kind\n${rows.map((row) => `      ${row}`).join('\n')}`);
      if (process.env.SAMPLES_VERBOSE) console.log(total.notes.map((note) => `        ${note}`).join('\n'));
      assert.equal(figures.offsetErrors, 0, 'offset errors');
      assert.ok(figures.metric.f1 >= THRESHOLDS.metricF1, `metric F1 ${figures.metric.f1.toFixed(3)} < ${THRESHOLDS.metricF1}`);
      assert.ok(figures.quote.f1 >= THRESHOLDS.quoteF1, `quote F1 ${figures.quote.f1.toFixed(3)} < ${THRESHOLDS.quoteF1}`);
      assert.ok(figures.speakerAccuracy >= THRESHOLDS.speakerAccuracy, `speaker accuracy ${figures.speakerAccuracy.toFixed(3)} < ${THRESHOLDS.speakerAccuracy}`);
      assert.ok(
        figures.recommendation.f1 >= THRESHOLDS.recommendationF1,
        `recommendation F1 ${figures.recommendation.f1.toFixed(3)} < ${THRESHOLDS.recommendationF1}`,
      );
    });
  });
});

describe('gold scoring', () => {
  describe('matchesGold', () => {
    const gold = { start: 100, end: 120 };
    const cases: Array<[string, 'metric' | 'quote' | 'recommendation', { start: number; end: number }, boolean]> = [
      ['metric: exact span', 'metric', { start: 100, end: 120 }, true],
      ['metric: contains, 60 longer', 'metric', { start: 40, end: 120 }, true],
      ['metric: contains, 61 longer', 'metric', { start: 39, end: 120 }, false],
      ['metric: inside, covering half', 'metric', { start: 105, end: 115 }, true],
      ['metric: inside, under half', 'metric', { start: 105, end: 114 }, false],
      ['metric: overlapping only', 'metric', { start: 110, end: 130 }, false],
      ['quote: 80% of both', 'quote', { start: 104, end: 120 }, true],
      ['quote: detection too long', 'quote', { start: 100, end: 126 }, false],
      ['quote: detection too short', 'quote', { start: 100, end: 115 }, false],
      ['recommendation: half the longer', 'recommendation', { start: 110, end: 130 }, true],
      ['recommendation: under half the longer', 'recommendation', { start: 111, end: 131 }, false],
    ];
    for (const [name, kind, found, expected] of cases) {
      it(name, () => assert.equal(matchesGold(kind, found, gold), expected));
    }
  });

  describe('matchSpeaker', () => {
    const cases: Array<[string | null, string[], boolean]> = [
      ['Emmy Tomsett', ['Emmy Tomsett'], true],
      ['Ms Tomsett', ['Emmy Tomsett'], true],
      ['Cllr James McInnes', ['James McInnes'], true],
      ['Councillor McInnes', ['James McInnes'], true],
      ['James', ['James McInnes'], false],
      ['the council', ['Ofsted', 'Castlebridge Borough Council'], true],
      ['CQC', ['Care Quality Commission'], false],
      ['Jade', ['Jade'], true],
      [null, ['Jade'], false],
      ['Ms', ['Emmy Tomsett'], false],
    ];
    for (const [found, accepted, expected] of cases) {
      it(`${JSON.stringify(found)} against ${accepted.join(' | ')} is ${expected}`, () => assert.equal(matchSpeaker(found, accepted), expected));
    }
  });

  describe('parseGold', () => {
    const text = 'Ten per cent, ten per cent and “ten per cent” 😀 again.';
    it('places items by text and occurrence in code points', () => {
      const { items, problems } = parseGold('metrics:\n  - {text: ten per cent, kind: percent, occurrence: 2}\n', text);
      assert.deepEqual(problems, []);
      assert.equal(items[0].start, Array.from(text.slice(0, text.indexOf('ten per cent', text.indexOf('ten per cent') + 1))).length);
    });
    it('places items by start and end, counting an emoji as one code point', () => {
      const { items } = parseGold('recommendations:\n  - {start: 48, end: 54}\n', text);
      assert.equal(items[0].text, 'again.');
    });
    it('reports texts that are not in the document, and unknown keys', () => {
      const { problems } = parseGold('quotes:\n  - {text: missing, speaker: null}\nmetric: []\n', text);
      assert.equal(problems.length, 2);
    });
  });

  describe('scoreDocument', () => {
    const text = 'Up 12 per cent. “Do it now,” said Ms Lee. She should act.';
    const items: GoldItem[] = [
      { kind: 'metric', start: 3, end: 14, text: '12 per cent', speaker: null, optional: false },
      { kind: 'quote', start: 17, end: 27, text: 'Do it now,', speaker: ['Ana Lee'], optional: false },
      { kind: 'recommendation', start: 42, end: 57, text: 'She should act.', speaker: null, optional: true },
    ];
    it('counts matches, optional items, spurious detections, speakers and offset errors', () => {
      const score = scoreDocument(text, items, [
        { kind: 'metric', start: 0, end: 14, text: 'Up 12 per cent' },
        { kind: 'metric', start: 0, end: 2, text: 'Up!' },
        { kind: 'quote', start: 17, end: 27, text: 'Do it now,', speaker: 'Ms Lee' },
        { kind: 'recommendation', start: 42, end: 57, text: 'She should act.' },
      ]);
      assert.deepEqual(score.counts, { metric: { tp: 1, fp: 1, fn: 0 }, quote: { tp: 1, fp: 0, fn: 0 }, recommendation: { tp: 0, fp: 0, fn: 0 } });
      assert.deepEqual(score.speakers, { right: 1, total: 1, gold: 1 });
      assert.equal(score.offsetErrors, 1);
    });
    it('gives zero F1 and speaker accuracy when nothing is found', () => {
      const figures = summariseScore(scoreDocument(text, items, []));
      assert.equal(figures.metric.f1, 0);
      assert.equal(figures.quote.recall, 0);
      assert.equal(figures.speakerAccuracy, 0);
    });
  });
});
