import * as assert from 'node:assert/strict';
import { detect } from '../../../src/core/detect/detect';

/** The recommendations found in `text`, as their texts. */
const found = (text: string): string[] => detect(text, { kinds: ['recommendation'] }).map((d) => d.text);

/**
 * Recommendations in the styles of the genres analysts read, each written
 * for this test: inspectorates' lists under headings, board papers, peer
 * reviews, coroners' reports, ombudsman decisions, news copy, minutes in
 * reported speech, and the sentences that look prescriptive but are not.
 */
describe('detect/recommendations (genres)', () => {
  describe('detect: single sentences by genre', () => {
    // [genre, sentence, whether it is a recommendation]
    const cases: [string, string, boolean][] = [
      // CQC: what the provider must / should do
      ['cqc', 'The provider must ensure that medicines are stored at safe temperatures.', true],
      ['cqc', 'The provider should review how it records mental capacity assessments.', true],
      ['cqc', 'The trust must make sure that there are enough nursing staff on the surgical wards at night.', true],
      ['cqc', 'The service should continue to monitor waiting times in the emergency department.', true],
      ['cqc', 'Staff treated patients with kindness and compassion.', false],
      ['cqc', 'The ward was clean and well maintained.', false],
      // HMICFRS: causes of concern and dated recommendations
      ['hmicfrs', 'By 31 March 2025, the force should make sure that it records crimes accurately.', true],
      ['hmicfrs', 'Within six months, the constabulary should improve how it supervises investigations.', true],
      ['hmicfrs', 'The force needs to improve the way it answers non-emergency calls.', true],
      ['hmicfrs', 'The force answered most emergency calls within ten seconds.', false],
      // Ofsted schools
      ['ofsted', 'Leaders should ensure that the curriculum in science is well sequenced.', true],
      ['ofsted', 'The school needs to improve pupils’ attendance.', true],
      ['ofsted', 'Pupils enjoy coming to school and behave well in lessons.', false],
      // NHS board papers
      ['board', 'The Board is asked to approve the revised estates strategy.', true],
      ['board', 'The Board is asked to note the contents of this report.', false],
      ['board', 'The Committee is asked to receive the quarterly risk register.', false],
      ['board', 'Members are invited to endorse the proposed changes to the rota.', true],
      // LGA peer reviews
      ['peer review', 'The council should develop a clearer narrative about its ambitions for the borough.', true],
      ['peer review', 'We recommend that the council strengthens its scrutiny function.', true],
      ['peer review', 'The peer team met more than 60 people during the review.', false],
      // Coroners' Prevention of Future Deaths reports
      ['pfd', 'In my opinion action should be taken to prevent future deaths.', true],
      ['pfd', 'The trust must review its policy on the observation of patients at risk of falls.', true],
      ['pfd', 'The inquest heard evidence from the ward manager.', false],
      // Ombudsman decisions
      ['ombudsman', 'The council should apologise to Mrs X and pay her £300 for the distress caused.', true],
      ['ombudsman', 'Within one month, the council should review its complaints procedure.', true],
      ['ombudsman', 'The council accepted our recommendations.', false],
      // News
      ['news', 'Campaigners want the council to reverse the cuts to library opening hours.', true],
      ['news', 'The charity urged ministers to act before the winter.', true],
      ['news', 'Opposition councillors called on the government to fund the shortfall.', true],
      ['news', 'Parents are calling for a review of school transport.', true],
      ['news', 'The bridge reopened to traffic on Monday.', false],
      // Minutes in reported speech
      ['minutes', 'The Chairman commented that the service had been slow to respond. All members needed to take an interest in the plan.', true],
      ['minutes', 'Councillor Hill said that improvement must be the first priority for the directorate.', true],
      // Negatives: praise, emphasis, probability, nouns, plans, questions, history
      ['negative', 'The progress made this year is something that we should celebrate.', false],
      ['negative', 'Staff should be proud of what they have achieved.', false],
      ['negative', 'The scale of the challenge should not be underestimated.', false],
      ['negative', 'The new wing should be ready by June.', false],
      ['negative', 'The exhibition is a must for families this summer.', false],
      ['negative', 'It is a must-see for anyone visiting the city.', false],
      ['negative', 'The council will open two new family hubs next year.', false],
      ['negative', 'Should the council sell the building?', false],
      ['negative', 'What should happen next?', false],
      ['negative', 'The report recommended improvements, which have since been made.', false],
      ['negative', 'The scheme should mean shorter waits for patients.', false],
      ['negative', 'It must be noted that the figures are provisional.', false],
      ['negative', 'Officers should have known about the risk.', false],
      ['negative', 'The service was rated as requiring improvement in 2022.', false],
      ['cqc', 'The registered manager should ensure that care plans are reviewed every month.', true],
      ['news', 'The union demanded that the school reinstate the teacher.', true],
      ['news', 'Ministers must act now to end the crisis, the charity said.', true],
      ['news', 'Families must wait up to a year for an assessment.', false],
      ['peer review', 'We would like to see a stronger focus on prevention.', true],
      ['board', 'The Committee is recommended to approve the fees and charges for next year.', true],
      ['board', 'It is essential that the council acts quickly on the findings.', true],
      ['board', 'There is an urgent need to recruit more foster carers.', true],
      ['minutes', 'The minutes of the last meeting were agreed as a correct record.', false],
      ['minutes', 'Mrs Jones said the figures were encouraging. Members needed to see the plan before it went to Cabinet.', true],
      ['negative', 'The trust ought to have acted sooner.', false],
      ['ombudsman', 'The council has agreed to pay Mr Y £250.', false],
      // A past recommendation not said to be met still prescribes.
      ['history', 'Inspectors recommended in 2019 that the council appoint a corporate parenting lead.', true],
    ];
    for (const [genre, sentence, expected] of cases) {
      it(`${genre}: ${expected ? 'finds' : 'does not find'} "${sentence}"`, () => {
        const hits = found(sentence);
        if (expected) assert.ok(hits.length > 0, `expected a recommendation in: ${sentence}`);
        else assert.deepEqual(hits, []);
      });
    }
  });

  describe('detect: lists under headings', () => {
    // [genre, text, the item sentences expected, in order]
    const cases: [string, string, string[]][] = [
      [
        'cqc capitals',
        'Action the trust MUST take to improve\n\n• Ensure staff complete mandatory training.\n• Ensure patient records are stored securely.',
        ['Ensure staff complete mandatory training.', 'Ensure patient records are stored securely.'],
      ],
      [
        'cqc should take',
        'Action the trust SHOULD take to improve\n\n• The trust should review the signage in outpatients.\n• Consider extending the opening hours of the discharge lounge.',
        ['The trust should review the signage in outpatients.', 'Consider extending the opening hours of the discharge lounge.'],
      ],
      [
        'cqc areas for improvement',
        'Areas for improvement\n\n• The consistency of care planning across the two units.\n• The recording of fluid intake for residents at risk.',
        ['The consistency of care planning across the two units.', 'The recording of fluid intake for residents at risk.'],
      ],
      [
        'cqc provider must',
        'The provider must:\n\n• Review staffing levels at weekends.\n• Make sure that complaints are answered within the agreed time.',
        ['Review staffing levels at weekends.', 'Make sure that complaints are answered within the agreed time.'],
      ],
      [
        'ofsted school',
        'What does the school need to do to improve?\n\n• Leaders should make sure that the reading books match the sounds pupils know.\n• Improve the quality of feedback in mathematics.',
        ['Leaders should make sure that the reading books match the sounds pupils know.', 'Improve the quality of feedback in mathematics.'],
      ],
      [
        'peer review numbered',
        'Recommendations\n\n1. Agree a shared vision for the town centre with partners.\n2. Strengthen the capacity of the planning service.',
        ['Agree a shared vision for the town centre with partners.', 'Strengthen the capacity of the planning service.'],
      ],
      [
        'hmicfrs recommendations',
        'Recommendations\n\n1. By 31 March 2025, the force should improve how it assesses the risk to victims of domestic abuse.',
        ['By 31 March 2025, the force should improve how it assesses the risk to victims of domestic abuse.'],
      ],
    ];
    for (const [genre, text, expected] of cases) {
      it(`${genre}: finds each item`, () => {
        assert.deepEqual(found(text), expected);
      });
    }

    it('hmicfrs: finds the items under a dated opener, not the cause of concern before them', () => {
      const text = 'Cause of concern\n\nThe force is not doing enough to protect vulnerable people.\n\nRecommendations\n\nWithin three months, the force should:\n\n• review its policy on missing children;\n• make sure that supervisors check risk assessments.';
      assert.deepEqual(found(text), ['review its policy on missing children;', 'make sure that supervisors check risk assessments.']);
    });

    it('reported speech carries over only to the next sentence of the same paragraph', () => {
      const text = 'The Chair said the figures were encouraging.\n\nThe service needed to find savings of £2m last year.';
      assert.deepEqual(found(text), []);
    });

    it('does not take the paragraph after a list for an item', () => {
      const text = 'Areas for improvement\n\n• Better oversight of supervision.\n\nThe home was last inspected in March. Inspectors spoke to residents and staff over two days, read records and observed care at lunchtime.';
      assert.deepEqual(found(text), ['Better oversight of supervision.']);
    });
  });

  describe('detect: paragraphs with nothing to find', () => {
    // Long prose with no trigger word: skipped without a sentence split, and must stay empty.
    const cases: string[] = [
      'The council received 1,204 referrals in the year to March, up from 1,050 the year before. Most were from the police and from schools, and most were seen within the day. The service met its own target in nine months of the twelve.',
      'Residents gathered outside the town hall on Tuesday evening. The meeting heard from three speakers, and the chair thanked everyone for coming. Further meetings are planned in the spring at the library and the community centre.',
    ];
    for (const text of cases) {
      it(`finds nothing in "${text.slice(0, 40)}…"`, () => {
        assert.deepEqual(found(text), []);
      });
    }
  });
});
