import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { detect } from '../../../src/core/detect/detect';
import { recommendationScanner, type RecommendationState } from '../../../src/core/detect/recommendations';
import type { RecommendationDetection } from '../../../src/core/model';

/** The recommendations found in `text`, as their texts. */
const found = (text: string): string[] => detect(text, { kinds: ['recommendation'] }).map((d) => d.text);

/** The cue of the only recommendation found in `text`. */
const cueOf = (text: string): string | undefined => (detect(text, { kinds: ['recommendation'] })[0] as RecommendationDetection | undefined)?.cue;

describe('detect/recommendations', () => {
  describe('recommendationScanner.scan: single sentences', () => {
    // [sentence, whether it is a recommendation]
    const cases: [string, boolean][] = [
      // Modal verbs of obligation
      ['The trust must ensure that staff complete safeguarding training.', true],
      ['Leaders should strengthen their oversight of casework.', true],
      ['She said the service must improve.', true],
      ['The council ought to publish these figures every quarter.', true],
      ['The service also needs to improve the timeliness of its assessments.', true],
      ['Managers need to make better use of performance information.', true],
      ['Critics said the minister needed to change course.', true],
      ['We have got to get this right for every child.', true],
      ['Schools have to be given the money to do this.', true],
      ['It must not be allowed to happen again.', true],
      // Recommending, urging, calling for
      ['Inspectors recommend that senior leaders review the sufficiency strategy.', true],
      ['The report recommended that the council appoint a permanent director.', true],
      ['Campaigners are calling for an independent inquiry.', true],
      ['The MP called on ministers to act.', true],
      ['Unions urged the government to think again.', true],
      ['Parents want the council to reopen the centre.', true],
      ['He asked that the committee receive a breakdown of the cases.', true],
      ['Residents would like to see more police on the streets.', true],
      // "Asked to note" only reports for information; "asked to approve" puts a proposal (see cues.ts).
      ['Members are asked to note the report.', false],
      ['Members are asked to approve the revised budget.', true],
      ['Cabinet is recommended to approve the budget.', true],
      // Fixed phrases
      ['It is essential that the government acts now.', true],
      ['It is vital to act before winter.', true],
      ['The time has come for a ban on smoking in public places.', true],
      ['There is an urgent need for more school places.', true],
      ['Senior leaders recognise the need to increase the pace of improvement.', true],
      ['Further work is needed to understand the impact of the changes.', true],
      ['The best way to tackle this is to invest in early help.', true],
      ['Children with complex needs need more support, the charity said.', true],
      // Imperatives opening a paragraph
      ['Ensure that every care leaver has an up-to-date pathway plan.', true],
      ['Make sure that risk assessments are reviewed.', true],
      // Not recommendations: descriptions, plans, findings, promises, questions
      ['The council plans to close three libraries.', false],
      ['The council has created a new early help hub.', false],
      ['The council is working to recruit more foster carers.', false],
      ['The government will introduce a new inspection framework next year.', false],
      ['Too many care leavers lived in hotels.', false],
      ['In some cases families must wait too long for support.', false],
      ['The provision of support is not timely, meaning that some families must wait for help.', false],
      ['We have much more work to do.', false],
      ['It must be noted that the figures are provisional.', false],
      ['It should be remembered that the service was inadequate.', false],
      ['The new scheme should mean shorter waiting lists.', false],
      ['Should the council fail to act, the service will deteriorate.', false],
      ['The service is not yet where it should be.', false],
      ['Training had improved but was not working as well as it should.', false],
      ['Ministers should have acted sooner.', false],
      ['He must have known about the problem.', false],
      ['What should the council do next?', false],
      ['Why must families wait so long?', false],
      ['“Why should families wait?” she asked.', false],
      ['“Why wait?” she asked, adding that the council must act.', true],
      ['Staff had to work overtime during the outbreak.', false],
      ['Parents have to travel miles to the nearest clinic.', false],
      ['You don\u2019t have to be an expert to see the problem.', false],
      ['There is no need to book in advance.', false],
      ['Young people who need to travel to college receive a bus pass.', false],
      ['If you need to contact the service, ring the duty team.', false],
      ['Rising demand for services has put pressure on budgets.', false],
      ['The force does not always respond to calls for service promptly.', false],
      ['A call for evidence closes in June.', false],
      ['The need for permanent homes has been re-focused.', false],
      ['Plans were made in a bid to improve the service.', false],
      ['I want to thank our staff for their hard work.', false],
      ['The licensed trade would be asked to join an expert committee.', false],
      ['Councillors asked why the figures had risen.', false],
      ['The recommended minimum is five per cent.', false],
      ['The council has accepted the recommendations of the review.', false],
      ['It is important to note that the data is incomplete.', false],
      ['Review of the year: a message from the chair.', false],
      ['Increase in referrals puts pressure on teams.', false],
      ['This report sets out where we need to do better.', false],
      ['Parents need to know that help is available.', false],
      ['The council said the rise was needed to protect services.', false],
      ['He said the council should have made savings instead.', false],
      ['The council would need to find savings of £20m.', false],
      ['Up to 500 families could benefit from the scheme.', false],
      ['Nobody wants children to live in hotels.', false],
      ['This is a must-read report for councillors.', false],
      ['Every child should have a named social worker.', true],
      ['The council must make savings of £10m next year.', true],
      ['This must be a priority for the new administration.', true],
      ['Residents have to pay more for fewer services.', false],
      ['Option 1 is not recommended, as costs would continue to rise.', false],
      ['Further action is required.', true],
      ['Improvements are still necessary in the quality of supervision.', true],
      ['Leaders should take action to reduce drift.', true],
      ['The council ought to have known about the problem.', false],
      ['No changes are required to the constitution.', false],
      ['No further action is required.', false],
      ['It is time to end the postcode lottery in care.', true],
      ['Ofsted told the council to improve its services for care leavers.', true],
      ['The trust has been ordered to make urgent improvements.', true],
      ['Residents were told to stay indoors.', false],
      ['Please see the action we have told the provider to take at the end of this report.', false],
      ['He told the BBC that the plans were unfair.', false],
      ['At the same time to save money the council closed the office.', false],
      ['We do not recommend closing the centre.', true],
      ['Under the new rules, patients must be seen within four hours.', false],
      ['He said he would consider calls for a public inquiry.', false],
      ['The Local Government Association is urging the Treasury to provide more money.', true],
      ['Services could be improved by better sharing of information.', true],
    ];
    for (const [sentence, expected] of cases) {
      it(`${expected ? 'finds' : 'ignores'}: ${sentence}`, () => assert.deepEqual(found(sentence), expected ? [sentence] : []));
    }
  });

  describe('recommendationScanner.scan: spans and cues', () => {
    it('spans the whole sentence, leaving the others out', () => {
      const text = 'Inspectors visited in May. Leaders should review the plans. The report was published.';
      assert.deepEqual(found(text), ['Leaders should review the plans.']);
    });

    it('gives a sentence inside a quotation without its marks', () => {
      const text = 'She said: “The service is improving. Managers must now focus on supervision. We will support them.”';
      assert.deepEqual(found(text), ['Managers must now focus on supervision.']);
    });

    it('keeps the attribution of a quotation that closes mid-sentence', () => {
      const text = '“Councils need more money,” said the chair.';
      assert.deepEqual(found(text), [text]);
    });

    const cues: [string, string][] = [
      ['The service needs to improve its recording.', 'needs to improve'],
      ['Leaders should act.', 'should'],
      ['Inspectors recommend that leaders act.', 'recommend'],
      ['Campaigners call for action.', 'call for'],
      ['It is essential that leaders act.', 'essential that'],
    ];
    for (const [text, cue] of cues) {
      it(`names the cue "${cue}"`, () => assert.equal(cueOf(text), cue));
    }

    it('ignores abbreviations when splitting sentences', () => {
      const text = 'Dr. Ann Lee, who chairs the board, met Cllr. Smith on Jan. 5. The board should publish its minutes.';
      assert.deepEqual(found(text), ['The board should publish its minutes.']);
    });
  });

  describe('recommendationScanner.scan: lists under a heading', () => {
    it('takes verbless items under "What needs to improve", one per paragraph', () => {
      const text = [
        'Summary of findings.',
        'What needs to improve',
        '◼ The timeliness of return home interviews.',
        '◼ Management oversight of decisions to close cases.',
        'Overall effectiveness: Requires improvement to be good',
        '22. Children are seen quickly and their needs are understood.',
      ].join('\n\n');
      assert.deepEqual(found(text), ['The timeliness of return home interviews.', 'Management oversight of decisions to close cases.']);
      const cue = (detect(text, { kinds: ['recommendation'] })[0] as RecommendationDetection).cue;
      assert.equal(cue, 'What needs to improve');
    });

    it('takes unmarked short items and stops at the first statement of fact', () => {
      const text = [
        'Areas for improvement',
        'The consistency of supervision records.',
        'Help for care leavers who feel isolated.',
        'The local authority has made progress since the last inspection and leaders know their services well.',
      ].join('\n\n');
      assert.deepEqual(found(text), ['The consistency of supervision records.', 'Help for care leavers who feel isolated.']);
    });

    it('takes items that follow a line ending in a colon that prescribes', () => {
      const text = 'To address this, the force should:\n- review its call handling;\n- make sure victims are kept informed; and\n- improve supervision.';
      assert.deepEqual(found(text), ['review its call handling;', 'make sure victims are kept informed; and', 'improve supervision.']);
    });

    it('takes clauses that complete "should ensure that:"', () => {
      const text = 'Leaders should ensure that:\n◼ the curriculum is planned well\n◼ attendance improves.';
      assert.deepEqual(found(text), ['the curriculum is planned well', 'attendance improves.']);
    });

    it('takes numbered committee recommendations but not procedural ones', () => {
      const text = [
        '2.1 Cabinet is recommended to:',
        '(a) Note the forecast overspend.',
        '(b) Approve the transfer of reserves to the recovery plan.',
        'RESOLVED:',
        '(1) That the report be noted.',
        '(2) That the Director provide a breakdown of the cases.',
      ].join('\n\n');
      assert.deepEqual(found(text), ['Note the forecast overspend.', 'Approve the transfer of reserves to the recovery plan.', 'That the Director provide a breakdown of the cases.']);
    });

    it('leaves out procedural resolutions under a heading', () => {
      const text = 'Recommendations\n\n(1) That the report be noted.\n\n(2) That the Cabinet approve the revised strategy.';
      assert.deepEqual(found(text), ['That the Cabinet approve the revised strategy.']);
    });

    it('reads a noun that looks like an imperative as the subject of a statement', () => {
      const text = 'Areas for improvement\n\nWork to find permanent homes is not always pursued with enough pace.\n\nThe consistency of supervision.';
      // The statement ends the list, so the verbless line after it is not an item either.
      assert.deepEqual(found(text), []);
    });

    it('leaves out items that describe plans under "Next steps"', () => {
      const text = 'Next steps\n\n• The council will publish its response in May.\n• Publish the action plan on the website.';
      assert.deepEqual(found(text), ['Publish the action plan on the website.']);
    });

    it('ends a numbered list when paragraph numbers do not follow on', () => {
      const text = 'Recommendations\n1. The council should publish its strategy.\n2. Train all staff in the new model.\n22. Children are seen quickly.';
      assert.deepEqual(found(text), ['The council should publish its strategy.', 'Train all staff in the new model.']);
    });

    it('does not treat a list of decided measures as recommendations', () => {
      const text = 'Main points of the plan:\n\n - A ban on smoking in all enclosed public places\n - Fines of up to £2,500 for employers';
      assert.deepEqual(found(text), []);
    });

    it('does not open a list on a headline that prescribes', () => {
      const text = 'Council must do better, says watchdog\n\nThe watchdog published its report on Tuesday. It found many strengths but some weaknesses in planning.';
      assert.deepEqual(found(text), ['Council must do better, says watchdog']);
    });
  });

  describe('recommendationScanner.sameState', () => {
    const list = (heading: string, marked = false, lastNumber = -1): RecommendationState => ({ heading, marked, lastNumber });
    const cases: [string, RecommendationState, RecommendationState, boolean][] = [
      ['both outside a list', null, null, true],
      ['one in a list', null, list('Recommendations'), false],
      ['equal lists made separately', list('Recommendations', true, 2), list('Recommendations', true, 2), true],
      ['different headings', list('Recommendations'), list('Next steps'), false],
      ['different marking', list('Recommendations', true), list('Recommendations', false), false],
      ['different numbers', list('Recommendations', true, 2), list('Recommendations', true, 3), false],
    ];
    for (const [name, a, b, expected] of cases) {
      it(name, () => assert.equal(recommendationScanner.sameState(a, b), expected));
    }

    it('carries the list from a heading paragraph to the next paragraph', () => {
      const first = recommendationScanner.scan('What needs to improve', recommendationScanner.initialState);
      assert.notEqual(first.state, null);
      const second = recommendationScanner.scan('The quality of plans.', first.state);
      assert.equal(second.detections.length, 1);
    });
  });

  describe('recommendationScanner.scan: any input', () => {
    const pieces = [
      'should ', 'must ', 'needs to improve ', 'What needs to improve', 'Recommendations', '• ', '◼ ', '- ', '1. ', '22. ', '(a) ', 'The ', 'quality ',
      'Ensure ', 'That ', '.', '. ', ':', '?', '“', '”', '"', '‘', '’', '\n', '\r\n', '\n\n', '\r', '😀', '\uFEFF', '\u0000', '\uD800', '\uDC00', 'Dr. ', 'e.g. ',
    ];
    it('never throws and returns spans inside the paragraph that never split a surrogate pair', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.option(fc.constantFrom('Recommendations', 'Next steps')), (parts, heading) => {
          const paragraph = parts.join('');
          const state: RecommendationState = heading === null ? null : { heading, marked: false, lastNumber: -1 };
          const result = recommendationScanner.scan(paragraph, state);
          for (const d of result.detections) {
            assert.ok(d.start >= 0 && d.start < d.end && d.end <= paragraph.length);
            for (const edge of [d.start, d.end]) {
              const before = paragraph.charCodeAt(edge - 1);
              const after = paragraph.charCodeAt(edge);
              assert.ok(!(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff), 'splits a surrogate pair');
            }
            assert.equal(d.kind, 'recommendation');
          }
          assert.ok(recommendationScanner.sameState(result.state, result.state));
        }),
        { numRuns: 400 },
      );
    });

    it('never throws on arbitrary strings', () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void recommendationScanner.scan(text, null)), { numRuns: 200 });
    });
  });

  describe('baseline: the shared development corpus, when present', () => {
    const corpus = join(__dirname, '../../../../shared/corpus/dev');
    it('reaches recommendation F1 of at least 0.9', function () {
      if (!existsSync(corpus)) this.skip();
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const name of readdirSync(corpus).filter((f) => f.endsWith('.txt'))) {
        const text = readFileSync(join(corpus, name), 'utf8');
        const gold = (parse(readFileSync(join(corpus, name.replace(/\.txt$/, '.gold.yaml')), 'utf8')) as { recommendations?: { text: string; optional?: boolean }[] }).recommendations ?? [];
        const spans = gold.map((g) => ({ ...g, start: text.indexOf(g.text), end: text.indexOf(g.text) + g.text.length }));
        const matched = new Set<number>();
        for (const d of detect(text, { kinds: ['recommendation'] })) {
          const index = spans.findIndex((g, i) => !matched.has(i) && Math.min(g.end, d.end) - Math.max(g.start, d.start) >= Math.max(g.end - g.start, d.end - d.start) / 2);
          if (index < 0) fp++;
          else {
            matched.add(index);
            if (!spans[index]!.optional) tp++;
          }
        }
        fn += spans.filter((g, i) => !g.optional && !matched.has(i)).length;
      }
      const f1 = (2 * tp) / (2 * tp + fp + fn);
      assert.ok(f1 >= 0.9, `F1 ${f1.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
    });
  });
});
