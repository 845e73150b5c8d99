import * as assert from 'node:assert/strict';
import { findMetrics } from '../../../src/core/detect/metrics';
import { assertFigures, figuresIn, type Expected } from '../../helpers/metric-figures';

/**
 * Figures in the styles of the public-sector reports analysts read most: NHS performance statistics,
 * police, school results, council budgets, housing, care inspections and ONS releases. Each case is a
 * sentence written for this test, with every figure the annotation guide counts, and nothing else.
 */
describe('detect/metrics (report genres)', () => {
  describe('findMetrics', () => {
    describe('finds the figures each genre reports', () => {
      const cases: [genre: string, text: string, expected: Expected[]][] = [
        // NHS performance
        ['nhs', 'Only 71.2% of A&E patients were seen within four hours in January.', [['Only 71.2%', 'percent', 71.2]]],
        ['nhs', 'The trust saw 61.4 per cent of patients within the 4-hour target.', [['61.4 per cent', 'percent', 61.4]]],
        ['nhs', 'Some 312 patients were waiting more than 52 weeks for treatment.', [['Some 312 patients', 'count', 312]]],
        ['nhs', 'Against the 18-week standard, 58.3% of pathways were within target.', [['58.3%', 'percent', 58.3]]],
        ['nhs', 'The waiting list grew to 7.6 million, up 2.1% on the previous month.', [['7.6 million', 'count', 7.6e6], ['up 2.1%', 'change', 2.1]]],
        ['nhs', 'Nine out of the 14 hospital trusts missed the cancer target.', [['Nine out of the 14 hospital trusts', 'ratio', 9 / 14]]],
        ['nhs', 'Ambulances took 1,843 patients to the emergency department that week.', [['1,843 patients', 'count', 1843]]],
        ['nhs', 'Bed occupancy stood at 94 per cent, above the 85 per cent safe level.', [['94 per cent', 'percent', 94], ['85 per cent', 'percent', 85]]],
        ['nhs', 'Around 4,100 people waited longer than 12 hours in the department.', [['Around 4,100 people', 'count', 4100]]],
        ['nhs', 'Seven of the nine wards were short of nurses.', [['Seven of the nine wards', 'ratio', 7 / 9]]],
        // Police
        ['police', 'Recorded crime rose 12% last year to 1,234 offences.', [['12%', 'change', 12], ['1,234 offences', 'count', 1234]]],
        ['police', 'One in four victims said they would not report a crime again.', [['One in four victims', 'ratio', 0.25]]],
        ['police', 'The force employs 3,450 officers and 210 PCSOs.', [['3,450 officers', 'count', 3450], ['210 PCSOs', 'count', 210]]],
        ['police', 'Knife crime fell by 8 per cent, while burglaries were down 340.', [['8 per cent', 'change', 8], ['down 340', 'change', 340]]],
        ['police', 'Only 5.6 per cent of reported thefts led to a charge.', [['Only 5.6 per cent', 'percent', 5.6]]],
        ['police', 'Officers answered two in every three 999 calls within ten seconds.', [['two in every three', 'ratio', 2 / 3]]],
        ['police', 'Inspectors reviewed 60 case files and found problems in 23.', [['60 case files', 'count', 60], ['23', 'count', 23]]],
        ['police', 'There were 2,871 reports of antisocial behaviour, a 15 per cent increase.', [['2,871 reports', 'count', 2871], ['15 per cent increase', 'change', 15]]],
        // Schools
        ['schools', 'At GCSE, 67.8% of pupils achieved grades 9-4 in English and maths.', [['67.8%', 'percent', 67.8]]],
        ['schools', 'In Key Stage 2, 59 per cent of Year 6 pupils met the expected standard.', [['59 per cent', 'percent', 59]]],
        ['schools', 'The school has 1,120 pupils on roll and 74 teachers.', [['1,120 pupils', 'count', 1120], ['74 teachers', 'count', 74]]],
        ['schools', 'Persistent absence fell to 18.2 per cent, from 21.5 per cent.', [['18.2 per cent', 'percent', 18.2], ['21.5 per cent', 'percent', 21.5]]],
        ['schools', 'Three of the eight primary schools were judged good.', [['Three of the eight primary schools', 'ratio', 3 / 8]]],
        ['schools', 'Almost a quarter of pupils are eligible for free school meals.', [['Almost a quarter', 'ratio', 0.25]]],
        ['schools', 'There were 46 permanent exclusions across the county.', [['46 permanent exclusions', 'count', 46]]],
        // Council budgets
        ['council', 'The council must find savings of £1.2bn over the period.', [['£1.2bn', 'money', 1.2e9]]],
        ['council', "Children's services are heading for a £4.5m overspend.", [['£4.5m', 'money', 4.5e6]]],
        ['council', 'Cabinet backed a council tax rise of 4.99% for Band D homes.', [['4.99%', 'change', 4.99]]],
        ['council', 'A Band D bill will rise by £89.37 to £2,132.', [['£89.37', 'money', 89.37], ['£2,132', 'money', 2132]]],
        ['council', 'The authority holds £23m in reserves and employs 4,600 staff.', [['£23m', 'money', 23e6], ['4,600 staff', 'count', 4600]]],
        ['council', 'Adult social care takes 38p in every pound the council spends.', [['38p', 'money', 0.38]]],
        ['council', 'The deficit is forecast to reach £18.7 million next year.', [['£18.7 million', 'money', 18.7e6]]],
        ['council', 'Councillors approved £650,000 for pothole repairs on the A14 road.', [['£650,000', 'money', 650000]]],
        // Housing
        ['housing', 'There are 2,300 households in temporary accommodation.', [['2,300 households', 'count', 2300]]],
        ['housing', 'Rough sleeping rose by 27 per cent, with 114 people counted on one night.', [['27 per cent', 'change', 27], ['114 people', 'count', 114]]],
        ['housing', 'The plan promises 1,500 new homes, a third of them affordable.', [['1,500 new homes', 'count', 1500], ['a third', 'ratio']]],
        ['housing', 'Some 9,800 applicants are on the housing register.', [['Some 9,800 applicants', 'count', 9800]]],
        ['housing', 'Average rents reached £1,050 a month, 6.3% higher than last year.', [['£1,050', 'money', 1050], ['6.3%', 'percent', 6.3]]],
        // Care
        ['care', 'The home has 12 beds and was caring for 11 people.', [['12 beds', 'count', 12], ['11 people', 'count', 11]]],
        ['care', 'Managers kept a staff-to-resident ratio of 1:4 at night.', [['1:4', 'ratio', 0.25]]],
        ['care', 'Four of the six care plans we looked at were out of date.', [['Four of the six care plans', 'ratio', 4 / 6]]],
        ['care', 'Agency staff filled 30% of shifts, up from 18% in the spring.', [['30%', 'percent', 30], ['18%', 'percent', 18]]],
        ['care', 'Two registered nurses and nine care workers were on duty.', [['Two registered nurses', 'count', 2], ['nine care workers', 'count', 9]]],
        // ONS statistics
        ['ons', 'Unemployment rose 0.3 percentage points to 4.4%.', [['0.3 percentage points', 'change', 0.3], ['4.4%', 'percent', 4.4]]],
        ['ons', 'The suicide rate was 11.2 per 100,000 people.', [['11.2 per 100,000 people', 'ratio', 11.2]]],
        ['ons', 'Deaths reached a rate of 45.2 per 100,000, the highest since records began.', [['45.2 per 100,000', 'ratio', 45.2]]],
        ['ons', 'There were 3.1 GP appointments per 1,000 population.', [['3.1 GP appointments', 'count', 3.1]]],
        ['ons', 'Inflation fell to 3.9 per cent in the 12 months to November.', [['3.9 per cent', 'percent', 3.9]]],
        ['ons', 'One in every five adults reported high anxiety.', [['One in every five adults', 'ratio', 0.2]]],
        ['police', 'Detectives closed 3 out of every 4 cases within a month.', [['3 out of every 4 cases', 'ratio', 0.75]]],
        ['council', 'Savings were found at 10 of the 12 libraries.', [['10 of the 12 libraries', 'ratio', 10 / 12]]],
        ['ons', 'The population grew by 578,000 to 67.6 million.', [['578,000', 'change', 578000], ['67.6 million', 'count', 67.6e6]]],
      ];
      for (const [genre, text, expected] of cases) it(`${genre}: ${text}`, () => assertFigures(text, expected));
    });

    describe('keeps a comparison to a tidy phrase of the figure\'s own clause', () => {
      const cases: [name: string, text: string, covered: string, comparison: string | null][] = [
        ['stops at a closing quote mark', 'She said: "Staff filled 40% of shifts, more than in the other homes." The report agreed.', '40%', 'in the other homes'],
        ['never reaches across a quote mark', 'He said 12% of beds were empty, “higher than in any other trust”, and left.', '12%', null],
        ['keeps a comparison that ends before a quote mark', 'The rate was 9% higher than the national average” she said.', '9%', 'the national average'],
        ['ignores a cue in a later clause', 'Out of the eight wards we visited, the surgical ward was rated worse than the others.', 'eight wards', null],
        ['keeps a cue right after the comma', 'Vacancies stood at 14%, compared with 9% a year ago.', '14%', '9% a year ago'],
      ];
      for (const [name, text, covered, comparison] of cases) {
        it(name, () => {
          const found = findMetrics(text).filter((d) => text.slice(d.start, d.end) === covered);
          assert.equal(found.length, 1, `one "${covered}" in ${JSON.stringify(figuresIn(text))}`);
          const metric = found[0];
          assert.ok(metric.kind === 'metric');
          assert.equal(metric.comparison, comparison);
        });
      }
    });

    describe('leaves out the numbers each genre uses as names, dates and targets', () => {
      const cases: [genre: string, text: string][] = [
        ['nhs', 'The trust failed the 4-hour standard again.'],
        ['nhs', 'The 18-week referral to treatment standard was not met.'],
        ['nhs', 'The unit is staffed 24/7 and opens at 9am.'],
        ['nhs', 'Patients were admitted during COVID-19 to Ward 7.'],
        ['police', 'Powers under Section 17 of the 1984 Act were used.'],
        ['police', 'The crash closed the M5 at junction 23 and the A14 near Cambridge.'],
        ['police', 'Officers were moved to Tier 4 duties in March 2021.'],
        ['police', 'Call 101 or, in an emergency, 999.'],
        ['schools', 'Key Stage 2 results for Year 6 pupils are published each July.'],
        ['schools', 'Pupils sit GCSE grade 9-4 papers in Year 11.'],
        ['schools', 'The 2023/24 results were released on 15 August 2024.'],
        ['schools', 'Children aged 4 to 11 attend the school.'],
        ['council', 'A Band D property pays the most in Tier 2.'],
        ['council', 'See page 14, para 3.2 and Appendix B of the report.'],
        ['council', 'The meeting on 12 March starts at 6.30pm in Room 2.'],
        ['housing', 'Duties under the Housing Act 1996 and Part 7 apply.'],
        ['housing', 'Families stayed in bed and breakfast for six weeks.'],
        ['care', 'Duties under the Children Act 1989 and the 1989 Act apply.'],
        ['care', 'The registered manager had been in post for 18 months.'],
        ['council', 'See page 3 of the report and Phase 2 of the 3-year plan.'],
        ['ons', 'The 0-17 population grew between 2011 and 2021.'],
        ['ons', 'Figures cover people in the 16-64 age group in Q3 2024.'],
      ];
      for (const [genre, text] of cases) it(`${genre}: ${text}`, () => assert.deepEqual(figuresIn(text), [], `in ${JSON.stringify(text)}`));
    });
  });
});
