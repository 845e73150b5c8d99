import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { detect } from '../../../src/core/detect/detect';
import { quoteScanner } from '../../../src/core/detect/quotes';
import { findQuoteSpans } from '../../../src/core/detect/quotes/marks';
import { INITIAL_QUOTE_STATE, sameQuoteState, type QuoteState } from '../../../src/core/detect/quotes/state';
import type { Attribution, QuoteDetection } from '../../../src/core/model';

/** The quotes `detect` finds in `text`, as `[text, speaker, attribution]`. */
function quotesOf(text: string): Array<[string, string | null, Attribution]> {
  return detect(text, { kinds: ['quote'] })
    .filter((d): d is QuoteDetection => d.kind === 'quote')
    .map((d) => [d.text, d.speaker, d.attribution]);
}

/** Only the quoted texts. */
function textsOf(text: string): string[] {
  return quotesOf(text).map(([t]) => t);
}

/** Only the quoted texts with their speakers. */
function speakersOf(text: string): Array<[string, string | null]> {
  return quotesOf(text).map(([t, s]) => [t, s]);
}

describe('core/detect/quotes', () => {
  describe('findQuoteSpans', () => {
    const cases: Array<[string, string, string[]]> = [
      ['curly double marks', 'She said “we will act now” today.', ['we will act now']],
      ['straight double marks', 'He said "we will act now" today.', ['we will act now']],
      ['British single marks with apostrophes inside', 'They say ‘it’s a crisis in Devon’s homes’ now.', ['it’s a crisis in Devon’s homes']],
      ['straight single marks with an apostrophe inside', "Pupils said 'it's the best school' in town.", ["it's the best school"]],
      ['a plural possessive inside single marks', 'A parent said ‘the parents’ views were ignored’ again.', ['the parents’ views were ignored']],
      ['nested single inside double', 'He said: “They called it ‘a disgrace’ at the time.”', ['They called it ‘a disgrace’ at the time.']],
      ['apostrophes only', 'The council’s plan and Devon’s children’s services.', []],
      ['a height in feet and inches', 'The suspect is 5\'10" tall and was seen at 9pm.', []],
      ['an elided decade', "Back in the '90s the service was run differently.", []],
      ['a quote closing at the paragraph end', 'She said: “We are not done', ['We are not done']],
      ['adjacent blocks with the closing marks missing', 'It said: "One thing. "Another thing. "Last thing." Then it stopped.', ['One thing.', 'Another thing.', 'Last thing.']],
      ['a line opening a new quote while one is open', '“First line of the quote.\n“Second line of the quote.”', ['First line of the quote.', 'Second line of the quote.']],
      ['CRLF line breaks', '“First line.\r\n“Second line.”', ['First line.', 'Second line.']],
      ['marks around punctuation only', 'He shrugged: "..." and left.', []],
    ];
    for (const [name, text, expected] of cases) {
      it(`finds ${name}`, () => {
        assert.deepEqual(findQuoteSpans(text).map((s) => text.slice(s.start, s.end)), expected);
      });
    }

    it('ends a partial quote with no closing mark at its first sentence', () => {
      const text = 'She said lists were "only part of the story. The minister then left before "big changes" came.';
      const spans = findQuoteSpans(text).map((s) => text.slice(s.start, s.end));
      assert.deepEqual(spans, ['only part of the story.', 'big changes']);
    });

    it('marks a quote that runs to the paragraph end as running on', () => {
      const [span] = findQuoteSpans('“This quote goes on into the next paragraph.');
      assert.equal(span?.runsOn, true);
    });
  });

  describe('quoteScanner', () => {
    describe('speaker before the quote', () => {
      const cases: Array<[string, string, Array<[string, string | null]>]> = [
        ['a role and name before a colon', 'Lead inspector Jo Marsh concludes: “The service is now good.”', [['The service is now good.', 'Jo Marsh']]],
        ['an appositive role', 'Sam Patel, chief executive of the trust, said: “We have listened.”', [['We have listened.', 'Sam Patel']]],
        ['a role before the name in an appositive', 'The county council’s cabinet member for adult care, Priya Shah, said: “We are proud of our staff.”', [['We are proud of our staff.', 'Priya Shah']]],
        ['an organisation', 'In a statement, the Care Quality Commission said patients were “at risk of harm every day”.', [['at risk of harm every day', 'Care Quality Commission']]],
        ['committee minutes', 'Cllr Helen Ward said: "The budget gap is now £4m and we must close it."', [['The budget gap is now £4m and we must close it.', 'Helen Ward']]],
        ['a participle after the main clause', 'Later, Dr Omar Faruk praised the team, saying it had “turned the corner on waiting times”.', [['turned the corner on waiting times', 'Omar Faruk']]],
      ];
      for (const [name, text, expected] of cases) it(`attributes ${name}`, () => assert.deepEqual(speakersOf(text), expected));
    });

    describe('speaker after the quote', () => {
      const cases: Array<[string, string, Array<[string, string | null]>]> = [
        ['says plus a titled surname', 'Anna Reid is the new head.\n\n“We want every child to thrive,” says Ms Reid.', [['We want every child to thrive,', 'Anna Reid']]],
        ['a name and said', 'Tom Cole chairs the board.\n\n"The figures are worrying," Mr Cole said.', [['The figures are worrying,', 'Tom Cole']]],
        ['a pronoun', 'Maria Lopez leads the union.\n\n“Members are angry about pay,” she said.', [['Members are angry about pay,', 'Maria Lopez']]],
        ['an organisation after', '“Improvements have been made since the last visit,” Ofsted added.', [['Improvements have been made since the last visit,', 'Ofsted']]],
      ];
      for (const [name, text, expected] of cases) it(`attributes ${name}`, () => assert.deepEqual(speakersOf(text), expected));
    });

    it('attributes both halves of a quote split by its attribution', () => {
      const found = quotesOf('Jane Holt runs the charity.\n\n“We are stretched,” she said, “but we will not close.”');
      assert.deepEqual(found.map(([t, s]) => [t, s]), [['We are stretched,', 'Jane Holt'], ['but we will not close.', 'Jane Holt']]);
      assert.equal(found[1]?.[2], 'inside');
    });

    it('resolves a pronoun to the last person of matching gender', () => {
      const text = 'Mrs Ann Lee met Mr Raj Dev at the hall. She said: “The hall must stay open.”';
      assert.deepEqual(quotesOf(text), [['The hall must stay open.', 'Ann Lee', 'pronoun']]);
    });

    it('resolves a role to the person introduced with it', () => {
      const text = [
        'The council’s deputy leader and cabinet member for housing, Owen Price, spoke at the meeting.',
        '“We have built more homes than ever,” the cabinet member said.',
      ].join('\n\n');
      assert.deepEqual(quotesOf(text), [['We have built more homes than ever,', 'Owen Price', 'title']]);
    });

    it('resolves the regulator to the inspectorate named before', () => {
      const text = 'Ofsted visited the service in May.\n\nThe regulator said leaders had “a clear grip on practice”.';
      assert.deepEqual(quotesOf(text), [['a clear grip on practice', 'Ofsted', 'title']]);
    });

    it('resolves the council to the council named before', () => {
      const text = 'Northshire County Council has published its budget.\n\nThe council said the cuts were “unavoidable given the funding gap”.';
      assert.deepEqual(speakersOf(text), [['unavoidable given the funding gap', 'Northshire County Council']]);
    });

    it('takes the organisation behind a spokesperson', () => {
      const text = 'A spokesperson for Westbury Borough Council said: "We will review the decision."';
      assert.deepEqual(speakersOf(text), [['We will review the decision.', 'Westbury Borough Council']]);
    });

    it('names a group by its own words when no one else is meant', () => {
      assert.deepEqual(speakersOf('Young carers report that they feel ‘invisible to most of the adults around them’.'), [['invisible to most of the adults around them', 'Young carers']]);
    });

    describe('previous paragraph', () => {
      it('gives the quote after a colon-ended paragraph to its speaker', () => {
        const text = 'Councillor Bea Hart, leader of the council, said:\n\n“This is a good day for the town.”';
        assert.deepEqual(quotesOf(text), [['This is a good day for the town.', 'Bea Hart', 'previous-paragraph']]);
      });

      it('keeps one speaker over a multi-paragraph quote', () => {
        const text = [
          'Chief Constable Ian Moss said: “Crime has fallen this year.',
          '“Burglary is down by a fifth.',
          '“But there is more to do.”',
          'The force covers three counties.',
        ].join('\n\n');
        assert.deepEqual(speakersOf(text), [
          ['Crime has fallen this year.', 'Ian Moss'],
          ['Burglary is down by a fifth.', 'Ian Moss'],
          ['But there is more to do.', 'Ian Moss'],
        ]);
      });

      it('continues the current speaker’s turn', () => {
        const text = '“We are hiring,” said Ms Dee Khan, the director.\n\n“Recruitment has improved a great deal.”';
        assert.deepEqual(quotesOf(text).map(([t, s, a]) => [t, s, a]), [
          ['We are hiring,', 'Dee Khan', 'after'],
          ['Recruitment has improved a great deal.', 'Dee Khan', 'previous-paragraph'],
        ]);
      });

      it('reads paragraphs joined on one line (BBC style) as separate quotes by one speaker', () => {
        const text = 'Union leader Pat Quinn said: "Staff are exhausted. "They have had enough. "We will ballot for action." The vote is next week.';
        assert.deepEqual(speakersOf(text), [
          ['Staff are exhausted.', 'Pat Quinn'],
          ['They have had enough.', 'Pat Quinn'],
          ['We will ballot for action.', 'Pat Quinn'],
        ]);
      });
    });

    describe('more attribution patterns', () => {
      const cases: Array<[string, string, Array<[string, string | null]>]> = [
        ['according to', 'According to the Northfield Trust, waits had fallen "by almost a third this year".', [['by almost a third this year', 'Northfield Trust']]],
        ['a coordinated second verb', 'A survey found that residents described the park as unsafe and said they had been "ignored by the council for years".', [['ignored by the council for years', 'residents']]],
        ['an organisation speaking through its report', 'The CQC’s report found that residents felt "safe and well looked after".', [['safe and well looked after', 'CQC']]],
        ['a spokesman for a named body', 'A spokesman for the Care Quality Commission said: "We will return to the home."', [['We will return to the home.', 'Care Quality Commission']]],
        ['a party in brackets', 'Cllr Rachel Osei (Lib Dem) was cautious. "One good report does not make a service," she said.', [['One good report does not make a service,', 'Rachel Osei']]],
        ['a role in brackets in minutes', 'Present: Cllr Ann Bell (Chair), Cllr Joe Hunt\n\nThe Chair thanked officers. "Real progress has been made this year," she said.', [['Real progress has been made this year,', 'Ann Bell']]],
        ['a definite description of the person just named', 'Sarah Lind, whose son is autistic, spoke first.\n\nThe mother-of-two said: “We only want what the law allows.”', [['We only want what the law allows.', 'Sarah Lind']]],
        ['a short whole sentence after an attributed one', '"Young people had nowhere to go," said Cllr Sue Pike. "Now they do."', [['Young people had nowhere to go,', 'Sue Pike'], ['Now they do.', 'Sue Pike']]],
        ['a byline that is not the speaker', 'By Jo Reid, Local Democracy Reporter\n\nResidents say the road is "a disaster waiting to happen".', [['a disaster waiting to happen', 'Residents']]],
      ];
      for (const [name, text, expected] of cases) it(`attributes ${name}`, () => assert.deepEqual(speakersOf(text), expected));
    });

    it('reads a CRLF report with a nested quote and a multi-paragraph quote', () => {
      const text = [
        'Lead inspector Helen Marsh wrote: “Pupils are polite. They told us, ‘We feel safe here.’',
        '“Leaders have high expectations.”',
        'One parent said the school had ‘transformed my son’s confidence’.',
      ].join('\r\n\r\n');
      assert.deepEqual(quotesOf(text), [
        ['Pupils are polite. They told us, ‘We feel safe here.’', 'Helen Marsh', 'before'],
        ['Leaders have high expectations.', 'Helen Marsh', 'previous-paragraph'],
        ['transformed my son’s confidence', 'One parent', 'before'],
      ]);
    });

    it('gives null when the text names no speaker', () => {
      assert.deepEqual(quotesOf('“A good school is a happy school” is painted over the door.'), [['A good school is a happy school', null, 'none']]);
    });

    describe('not quotes', () => {
      const cases: Array<[string, string]> = [
        ['a programme name', 'Staff were trained on a programme called ‘total respect’ last year.'],
        ['a rating used as a term', 'The home was rated “inadequate” in March.'],
        ['a document name opening a sentence', '‘Pathways on a page’ give young people a short summary of their plan.'],
        ['scare quotes without a speaker', 'The so-called "super school" opened in 2019.'],
        ['a two-word term in narrative', 'Pensions could be based on a "career average" salary in future.'],
        ['a single quoted word even with a reporting verb', 'The report says the changes will bring ‘efficiencies’ next year.'],
        ['a Title Case name in quotes', 'Cllr Fox said the ‘Stepping Stones’ service was popular.'],
        ['a description after "as being"', 'Creams were described by staff as being “topped up” from other supplies.'],
      ];
      for (const [name, text] of cases) it(`ignores ${name}`, () => assert.deepEqual(textsOf(text), []));
    });

    it('keeps a short partial quote that a reporting verb introduces', () => {
      assert.deepEqual(speakersOf('Ben Ode, the mayor, said the plan was “a real step forward”.'), [['a real step forward', 'Ben Ode']]);
    });
  });

  describe('sameQuoteState', () => {
    it('returns the input state for a paragraph that names no one and quotes nothing', () => {
      const first = quoteScanner.scan('Ms Kay Lund said the plan was ready.', INITIAL_QUOTE_STATE).state;
      const next = quoteScanner.scan('the plan has three parts and costs little.', first).state;
      assert.equal(next, first);
    });

    it('compares states by structure', () => {
      const a = quoteScanner.scan('Ms Kay Lund said the plan was ready.', INITIAL_QUOTE_STATE).state;
      const b = quoteScanner.scan('Ms Kay Lund said the plan was ready.', INITIAL_QUOTE_STATE).state;
      assert.notEqual(a, b);
      assert.ok(sameQuoteState(a, b));
      const c = quoteScanner.scan('Mr Leo Lund said the plan was ready.', INITIAL_QUOTE_STATE).state;
      assert.ok(!sameQuoteState(a, c));
    });

    it('tells apart states that differ only in an open quote or a colon intro', () => {
      const base: QuoteState = { entities: [], turn: 'A B', intro: null, open: null };
      assert.ok(!sameQuoteState(base, { ...base, open: 'A B' }));
      assert.ok(!sameQuoteState(base, { ...base, intro: 'A B' }));
      assert.ok(sameQuoteState(base, { ...base }));
    });
  });

  describe('scan (properties)', () => {
    const pieces = fc.constantFrom('“', '”', '‘', '’', '"', "'", 'said', 'Ms', 'Jo Bloggs', ',', '.', ':', ' ', '\n', '\r\n', '😀', '\ud800', '\udc00', '\u0000', '\ufeff', 'it’s', 'she', 'the council');
    const texts = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')));

    it('never throws and returns spans inside the paragraph that split no surrogate pair', () => {
      fc.assert(
        fc.property(texts, (text) => {
          const { detections, state } = quoteScanner.scan(text, INITIAL_QUOTE_STATE);
          assert.ok(state);
          for (const d of detections) {
            assert.ok(d.start >= 0 && d.start < d.end && d.end <= text.length, `span ${d.start}-${d.end} outside ${JSON.stringify(text)}`);
            const low = (i: number): boolean => i > 0 && i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
            assert.ok(!low(d.start) && !low(d.end), `span splits a surrogate pair in ${JSON.stringify(text)}`);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('is deterministic: the same paragraph and state give the same result', () => {
      fc.assert(
        fc.property(texts, (text) => {
          const a = quoteScanner.scan(text, INITIAL_QUOTE_STATE);
          const b = quoteScanner.scan(text, INITIAL_QUOTE_STATE);
          assert.deepEqual(a.detections, b.detections);
          assert.ok(sameQuoteState(a.state, b.state));
        }),
        { numRuns: 200 },
      );
    });
  });
});
