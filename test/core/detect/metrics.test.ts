import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findMetrics, metricScanner } from '../../../src/core/detect/metrics';
import { assertFigures, figuresIn, type Expected } from '../../helpers/metric-figures';

/** The single metric found in `text` whose covered text is `covered`. */
function metricCovering(text: string, covered: string) {
  const found = findMetrics(text).filter((d) => text.slice(d.start, d.end) === covered);
  assert.equal(found.length, 1, `expected one metric "${covered}" in ${JSON.stringify(text)}, got ${JSON.stringify(figuresIn(text))}`);
  const metric = found[0];
  assert.ok(metric.kind === 'metric');
  return metric;
}

describe('detect/metrics', () => {
  describe('findMetrics', () => {
    describe('finds figures in every form', () => {
      const cases: [string, string, Expected[]][] = [
        ['percent in words and digits', 'Ten per cent of staff and 42.5% of managers left; 7 percent stayed.', [['Ten per cent', 'percent', 10], ['42.5%', 'percent', 42.5], ['7 percent', 'percent', 7]]],
        ['a percentage compared with another', 'In March 2023, 81 per cent of patients were seen within target, compared with 74 per cent a year earlier.', [['81 per cent', 'percent', 81], ['74 per cent', 'percent', 74]]],
        ['money with magnitudes', 'The council will spend £2.5m on repairs, £250,000 on staff and $3 billion is the national bill.', [['£2.5m', 'money', 2.5e6], ['£250,000', 'money', 250000], ['$3 billion', 'money', 3e9]]],
        ['pence and bn', 'Fares rise by 40p while the deficit reached £1.4bn.', [['40p', 'money', 0.4], ['£1.4bn', 'money', 1.4e9]]],
        ['money written out in ASCII', 'Ministers announced a pounds 500m fund, though critics said 500m pounds would not be enough.', [['pounds 500m', 'money', 5e8], ['500m pounds', 'money', 5e8]]],
        ['counts with their noun', 'Two senior inspectors met 12 permanent heads of service and five groups of parents.', [['Two senior inspectors', 'count', 2], ['12 permanent heads', 'count', 12], ['five groups', 'count', 5]]],
        ['counts with grouped digits and magnitudes', 'The force received 1,204 referrals and 213,000 calls; 1.2 million people live in the county.', [['1,204 referrals', 'count', 1204], ['213,000 calls', 'count', 213000], ['1.2 million people', 'count', 1.2e6]]],
        ['numbers in words', 'Twenty-three schools and two hundred and fifty pupils took part.', [['Twenty-three schools', 'count', 23], ['two hundred and fifty pupils', 'count', 250]]],
        ['ratios in words', 'One in five children and nearly half of care leavers were affected.', [['One in five children', 'ratio', 0.2], ['nearly half', 'ratio', 0.5]]],
        ['fractions', 'Only a third of homes, two-thirds of schools and one eightieth of salary.', [['Only a third', 'ratio'], ['two-thirds', 'ratio'], ['one eightieth', 'ratio', 1 / 80]]],
        ['ratios in digits', 'The staffing ratio was 3:1, and 9 out of 10 parents agreed.', [['3:1', 'ratio', 3], ['9 out of 10 parents', 'ratio', 0.9]]],
        ['a rate per population', 'There were 45 per 10,000 children in care.', [['45 per 10,000 children', 'ratio', 45]]],
        ['changes', 'Calls were up 14% on the year before, a 28 percentage point rise in two years.', [['up 14%', 'change', 14], ['28 percentage point rise', 'change', 28]]],
        ['changes named by a verb', 'Arrests fell by 2,400 to 31,000 while costs rose 6 per cent.', [['2,400', 'change', 2400], ['31,000', 'count', 31000], ['6 per cent', 'change', 6]]],
        ['decimals spelled out', 'Sales fell by one point three per cent.', [['one point three per cent', 'change', 1.3]]],
        ['lead-in words stay with the figure', 'More than 100,000 civil servants and about 300 nurses were affected.', [['More than 100,000 civil servants', 'count', 100000], ['about 300 nurses', 'count', 300]]],
        ['a count that ends a clause', 'The force was graded good in four areas, adequate in three and outstanding in one.', [['four areas', 'count', 4], ['three', 'count', 3], ['one', 'count', 1]]],
        ['ranges', 'Between 10-15% of beds were empty.', [['10-15%', 'percent', 10]]],
        ['two figures compared', 'The number rose from 350 to 400.', [['350', 'count', 350], ['400', 'count', 400]]],
        ['a count before "of"', 'Only two of these apprenticeships are with the council.', [['Only two', 'count', 2]]],
        ['measurements', 'Some pupils travel 22 miles to school.', [['22 miles', 'count', 22]]],
        ['a comparison in times', 'Boys were three times more likely to be excluded.', [['three times', 'ratio', 3]]],
        ['a count at the start of a paragraph', '14 care leavers are undertaking apprenticeships.', [['14 care leavers', 'count', 14]]],
        ['a capitalised noun after a count at the start of a paragraph', '12 Ofsted inspectors visited the home over two days in May 2024.', [['12 Ofsted inspectors', 'count', 12]]],
        ['a count after a possessive', "The EU's 25 members and the council’s 12 wards voted.", [['25 members', 'count', 25], ['12 wards', 'count', 12]]],
        ['a count after "on"', 'Police were called out on 120 occasions.', [['120 occasions', 'count', 120]]],
        ['a number joined to a plain count', '17 care leavers over the age of 18 have been placed there.', [['17 care leavers', 'count', 17]]],
        ['doubled and halved with a number', 'Placements have doubled to 48, costs have halved to £3m and demand has more than doubled.', [['doubled to 48', 'change', 48], ['halved to £3m', 'money', 3e6]]],
        ['a size given by a compound', 'Labour cut the 161-seat majority and opened a 60-bed unit.', [['161-seat', 'count', 161], ['60-bed', 'count', 60]]],
        ['a hyphenated ratio', 'There is a one-in-five chance of rain.', [['one-in-five chance', 'ratio', 0.2]]],
        ['a no-break space before the unit', 'Some 92\u00a0per cent of £2.5m was spent.', [['Some 92\u00a0per cent', 'percent', 92], ['£2.5m', 'money', 2.5e6]]],
        ['a count of people with a verb after it', 'A survey of 1,000 adults found 6 in 10 supported the plan.', [['1,000 adults', 'count', 1000], ['6 in 10', 'ratio', 0.6]]],
        ['an adverb after a count', 'Caseloads average 22 children per worker, compared with 17 nationally.', [['22 children', 'count', 22], ['17', 'count', 17]]],
      ];
      for (const [name, text, expected] of cases) it(name, () => assertFigures(text, expected));
    });

    describe('leaves out numbers that are not statistics', () => {
      const cases: [string, string][] = [
        ['dates', 'The inspection took place on 11 October 2018 and the report was published on 3, 4 and 11 September 2024.'],
        ['date ranges', 'Inspection dates: 17 June 2019 to 28 June 2019'],
        ['years and financial years', 'In 2016 the service was inadequate; the 2019/20 plan and the 2023-24 budget followed, and again in 2020.'],
        ['times of day', 'The committee met at 6.30pm on Monday, again at 10.30am, then at 08:45.'],
        ['durations', 'She spent two days there, six months later five-and-a-half years had passed, within 20 working days.'],
        ['durations joined to another number', 'It was done differently 30 or 40 years ago.'],
        ['ages', 'Young people aged 16 and 17, 16- and 17-year-olds, those over the age of 18 and a 14-year-old.'],
        ['ages given by pronoun and verb', 'They stay with the service until they are 18, and I was nearly 21 when you’re 17.'],
        ['ages in news style', 'Jade, 19, said she had moved three times.'],
        ['an age band', 'Care leavers aged 18 to 25 chose to keep their adviser.'],
        ['a retirement age', 'The plans raise the retirement age for public service workers from 60 to 65.'],
        ['ordinals', 'This was the second inspection, the first since the 21st report of the 1990s.'],
        ['phone numbers', 'Call 01392 383000 or 0800 123 4567, or +44 1392 383000.'],
        ['emergency numbers', 'Too many 999 calls and calls to the 101 number went unanswered.'],
        ['reference numbers', 'Ofsted URN 880534, reference SC123456, application 21/01234/FUL.'],
        ['sections and labels', 'Under Section 20 of the Children Act 1989, see paragraph 3.4 on page 12 and Appendix 1.'],
        ['school years and stages', 'Key Stage 2 results for Year 6 pupils.'],
        ['alphanumeric names', 'Covid-19 closed the A38 and the M5 near EX2 4QD.'],
        ['paragraph numbers', '22. When decisions are made for children to come into care, they are appropriate.'],
        ['section numbers', '3.4 The committee noted the report.'],
        ['numbered lines inside a paragraph', 'Contents\n1. Introduction\n2. Background\n3.1 Budget\n4 Next steps'],
        ['a list label', 'Area for improvement 1: the force should answer calls faster.'],
        ['an address', 'The home is at 12 Bramley Road, Thornbury.'],
        ['one as a pronoun', 'No one was hurt, and one of the officers said the one person who knew had left.'],
        ['one as an idiom', 'On the one hand, one-to-one support helped; at one point it was one way or another.'],
        ['one as an indefinite speaker', 'One relative told us the food was good, and one resident said so too.'],
        ['a number of', 'A number of families were affected.'],
        ['ordinals spelled like fractions', 'It was a third inspection in the first half of the year.'],
        ['a hyphenated compound', 'A five-year plan, a mother-of-three and an all-in-one service.'],
        ['a decade', 'Numbers have grown since the 1980s.'],
        ['age limits', 'Children under 5 and people over 65 were offered vaccines.'],
        ['school measures and year groups', 'Pupils in Years 7 to 11 improved their Progress 8 scores.'],
        ['a frequency', 'She had moved three times.'],
        ['a reference glued to letters', 'There were concerns about S47 and S.47 enquiries.'],
      ];
      for (const [name, text] of cases) it(name, () => assert.deepEqual(figuresIn(text), [], `in ${JSON.stringify(text)}`));
    });

    describe('reads the context of each figure', () => {
      it('ties a figure to the period its sentence names', () => {
        const text = 'In September 2018, 92 per cent of care leavers were in suitable accommodation compared to 64 per cent at the last inspection.';
        const main = metricCovering(text, '92 per cent');
        assert.equal(main.kind === 'metric' && main.period, 'September 2018');
        assert.equal(main.kind === 'metric' && main.comparison, '64 per cent at the last inspection');
        assert.equal(main.kind === 'metric' && main.comparisonValue, 64);
        assert.equal(main.kind === 'metric' && main.direction, 'higher');
        const benchmark = metricCovering(text, '64 per cent');
        assert.equal(benchmark.kind === 'metric' && benchmark.period, null, 'the benchmark does not inherit the main period');
      });

      it('reads a comparison against a benchmark without a figure', () => {
        const metric = metricCovering('The rate remains approximately 10 per cent higher than the national average.', 'approximately 10 per cent');
        assert.ok(metric.kind === 'metric');
        assert.equal(metric.comparison, 'the national average');
        assert.equal(metric.comparisonValue, null);
        assert.equal(metric.direction, 'higher');
      });

      it('reads "up from" and a period that follows the figure', () => {
        const metric = metricCovering('Of audits, 86% were graded good in the last quarter, up from 52% a year earlier.', '86%');
        assert.ok(metric.kind === 'metric');
        assert.equal(metric.period, 'the last quarter');
        assert.equal(metric.comparison, '52% a year earlier');
        assert.equal(metric.comparisonValue, 52);
        assert.equal(metric.direction, 'up');
      });

      it('reads a benchmark given after "below"', () => {
        const metric = metricCovering('Only 48% reached the standard in 2023, below the England average of 58%.', 'Only 48%');
        assert.ok(metric.kind === 'metric');
        assert.equal(metric.period, '2023');
        assert.equal(metric.comparison, 'the England average of 58%');
        assert.equal(metric.comparisonValue, 58);
        assert.equal(metric.direction, 'lower');
      });

      it('reads "in line with" as the same', () => {
        const metric = metricCovering('Placement stability, at 70%, is in line with comparator authorities.', '70%');
        assert.ok(metric.kind === 'metric');
        assert.equal(metric.direction, 'same');
        assert.equal(metric.comparison, 'comparator authorities');
      });

      it('does not take a comparison from the next figure\'s clause', () => {
        const text = 'Some 40 staff left; 12% of posts are vacant, compared with 9% last year.';
        const first = metricCovering(text, 'Some 40 staff');
        assert.ok(first.kind === 'metric');
        assert.equal(first.comparison, null);
        const second = metricCovering(text, '12%');
        assert.ok(second.kind === 'metric');
        assert.equal(second.comparison, '9% last year');
        assert.equal(second.direction, 'higher');
      });

      it('takes the direction from a change', () => {
        const up = metricCovering('The number of contacts has risen by 18 per cent over the last year, to 11,640.', '18 per cent');
        assert.ok(up.kind === 'metric');
        assert.equal(up.metricKind, 'change');
        assert.equal(up.direction, 'up');
        assert.equal(up.period, 'the last year');
        const down = metricCovering('There had been falling cigarette sales of 13% in New York.', '13%');
        assert.ok(down.kind === 'metric');
        assert.equal(down.metricKind, 'change');
        assert.equal(down.direction, 'down');
      });

      it('gives units', () => {
        const units = findMetrics('Some 40% of £3m went to 12 care leavers and one in four homes.').map((d) => (d.kind === 'metric' ? d.unit : ''));
        assert.deepEqual(units, ['percent', 'GBP', 'leavers', 'ratio']);
      });
    });

    describe('stays well-formed on any input', () => {
      const pieces = ['1', '12', '1,204', '£', '$', '€', '%', ' per cent', 'one', 'a third', 'half', ' ', '-', ':', '/', '.', ',', '\r\n', '\n', '\0', '😀', '\ud800', '\udc00', 'aged ', 'in ', 'up ', 'of ', 'é', 'May', '2019'];
      const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
      const inputs = fc.oneof(fc.string({ unit: anyUnit, maxLength: 80 }), fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join('')));

      it('never throws, and returns ordered spans inside the paragraph that never split a surrogate pair', () => {
        fc.assert(
          fc.property(inputs, (text) => {
            const { detections } = metricScanner.scan(text, metricScanner.initialState);
            let previousEnd = 0;
            for (const d of detections) {
              assert.ok(Number.isInteger(d.start) && Number.isInteger(d.end) && d.start >= previousEnd && d.start < d.end && d.end <= text.length, `bad span ${d.start}-${d.end} in ${JSON.stringify(text)}`);
              const first = text.charCodeAt(d.start);
              const last = text.charCodeAt(d.end - 1);
              assert.ok(!(first >= 0xdc00 && first <= 0xdfff), `span starts inside a surrogate pair in ${JSON.stringify(text)}`);
              assert.ok(!(last >= 0xd800 && last <= 0xdbff), `span ends inside a surrogate pair in ${JSON.stringify(text)}`);
              previousEnd = d.end;
            }
          }),
          { numRuns: 2000 },
        );
      });
    });
  });

  describe('metricScanner', () => {
    it('keeps no state between paragraphs', () => {
      const result = metricScanner.scan('Two inspectors visited.', metricScanner.initialState);
      assert.equal(result.state, metricScanner.initialState);
      assert.ok(metricScanner.sameState(result.state, metricScanner.initialState));
      assert.equal(result.detections.length, 1);
    });
  });

  describe('comparisonValue', () => {
    const comparedValue = (text: string, covered: string): number | null | undefined => {
      const found = findMetrics(text).find((d) => text.slice(d.start, d.end) === covered);
      return found && found.kind === 'metric' ? found.comparisonValue : undefined;
    };
    const cases: [string, string, string, number | null][] = [
      ['a percentage against a percentage', 'In 2018, 92 per cent were settled compared to 64 per cent at the last inspection.', '92 per cent', 64],
      ['counts of differently named things', 'Some 19 children waited, compared with 27 at the first visit.', 'Some 19 children', 27],
      ['a percentage against money', 'The overspend is 2.1 per cent, against £4.9m at Quarter 2.', '2.1 per cent', null],
      ['a count against money', 'There were 62 placements costing more than £5,000 a week.', '62 placements', null],
      ['a count against a duration', 'In all, 47 families waited longer than the legal limit of six weeks.', '47 families', null],
    ];
    for (const [name, text, covered, expected] of cases) {
      it(name, () => assert.equal(comparedValue(text, covered), expected));
    }
  });
});
