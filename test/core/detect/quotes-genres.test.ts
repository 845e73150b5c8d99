import * as assert from 'node:assert/strict';
import { detect } from '../../../src/core/detect/detect';
import type { QuoteDetection } from '../../../src/core/model';

/** The quotes `detect` finds in `text`, as `[text, speaker]`. */
function speakersOf(text: string): Array<[string, string | null]> {
  return detect(text, { kinds: ['quote'] })
    .filter((d): d is QuoteDetection => d.kind === 'quote')
    .map((d) => [d.text, d.speaker]);
}

/** A genre, a made-up text in its manner, and the quotes with speakers it should yield. */
type Case = [string, string, Array<[string, string | null]>];

describe('core/detect/quotes (genres)', () => {
  describe('detect', () => {
    const cases: Case[] = [
      // Knights and dames are called by title and forename once named in full.
      ['news: Sir + forename later', 'Sir Peter Hargreaves, the regulator’s chief inspector, said: “Too many schools are letting children down.”\n\nLater Sir Peter said: “We will return before the summer.”',
        [['Too many schools are letting children down.', 'Peter Hargreaves'], ['We will return before the summer.', 'Peter Hargreaves']]],
      ['news: Professor Sir + forename later', 'Professor Sir Alan Whitby, who led the review, said: “The findings are stark.”\n\nSir Alan added: “Nobody should be surprised.”',
        [['The findings are stark.', 'Alan Whitby'], ['Nobody should be surprised.', 'Alan Whitby']]],
      ['news: Dame + forename later', 'Dame Alison Crewe said the figures were worrying. Dame Alison added: “We cannot stand still on this.”',
        [['We cannot stand still on this.', 'Alison Crewe']]],
      ['news: a surname still resolves after Sir', 'Sir Peter Hargreaves opened the hearing.\n\nMr Hargreaves said: “We have listened to families.”',
        [['We have listened to families.', 'Peter Hargreaves']]],
      // A full name right before the verb outranks the offices before it.
      ['regulator: role, organisation and name before said', 'CQC chief inspector of adult care Prof Nina Castell said: “Staff should be proud of what they have achieved.”',
        [['Staff should be proud of what they have achieved.', 'Nina Castell']]],
      ['regulator: name before said, quote after adding', 'CQC chief inspector of adult care Prof Nina Castell said they found improvements in every core service, adding: “Staff should be proud.”',
        [['Staff should be proud.', 'Nina Castell']]],
      ['press release: role before a name', 'The head of children’s services Mark Tilden said: “This is a good start.”',
        [['This is a good start.', 'Mark Tilden']]],
      // Partial quotes after a reporting verb are someone's words; quoted names and ratings are not.
      ['news: partial quote after a rating word', 'Chief executive Dana Morrell said the hospital had missed out on an overall good rating “by a narrow margin”, adding: “We are so close now.”',
        [['by a narrow margin', 'Dana Morrell'], ['We are so close now.', 'Dana Morrell']]],
      ['news: partial quote at the end of reported speech', 'The director said too many young people lived in “unsuitable places” last year.',
        [['unsuitable places', 'director']]],
      ['report: a rating in quotes', 'The service was rated “requires improvement” by inspectors.', []],
      ['report: a named process between a determiner and its noun', 'Inspectors said the trust needed to use the “four checks before theatre” process on every ward.', []],
      ['report: a programme called something', 'The council launched a programme called ‘Bright Futures Start Here’ in March.', []],
      ['report: a single scare-quoted word', 'Some staff described the rota as “flexible” at best.', []],
      // Committee minutes.
      ['minutes: Cllr said with a colon', 'Cllr Ruth Penhale said: “The budget gap is bigger than we were told.”',
        [['The budget gap is bigger than we were told.', 'Ruth Penhale']]],
      ['minutes: Cllr surname later', 'Cllr Ruth Penhale chaired the meeting.\n\nCllr Penhale said: “We will revisit this in June.”',
        [['We will revisit this in June.', 'Ruth Penhale']]],
      ['minutes: the Director explained', 'Anna Kowal (Director of Finance) presented the report.\n\nIn response, the Director explained: “The reserves are not a bottomless pit.”',
        [['The reserves are not a bottomless pit.', 'Anna Kowal']]],
      ['minutes: the Chair noted', 'Cllr Tom Aske (Chair) opened the item. The Chair noted: “We must see the figures before the next meeting.”',
        [['We must see the figures before the next meeting.', 'Tom Aske']]],
      ['minutes: members asked', 'Members asked: “Why were parents not consulted earlier?”',
        [['Why were parents not consulted earlier?', 'Members']]],
      // BBC-style news.
      ['news: told BBC News', 'Maria Oduya, who runs a food bank in the town, told BBC News: “We have never been this busy.”',
        [['We have never been this busy.', 'Maria Oduya']]],
      ['news: inverted said after the quote', '“We have never been this busy,” said Maria Oduya, who runs the food bank.',
        [['We have never been this busy,', 'Maria Oduya']]],
      ['news: pronoun after the quote', 'Maria Oduya runs the food bank.\n\n“We have never been this busy,” she said.',
        [['We have never been this busy,', 'Maria Oduya']]],
      ['news: according to', 'According to Harlow District Council, “the repairs will take at least six months to complete.”',
        [['the repairs will take at least six months to complete.', 'Harlow District Council']]],
      ['news: a spokesperson for an organisation', 'A spokesperson for Harlow District Council said: “We are reviewing the findings carefully.”',
        [['We are reviewing the findings carefully.', 'Harlow District Council']]],
      ['news: in a statement, the council said', 'Harlow District Council apologised on Friday.\n\nIn a statement, the council said: “We got this wrong and we are sorry.”',
        [['We got this wrong and we are sorry.', 'Harlow District Council']]],
      ['news: split quote with the speaker inside', '“We got this wrong,” said council leader Jo Brindle. “We are sorry.”',
        [['We got this wrong,', 'Jo Brindle'], ['We are sorry.', 'Jo Brindle']]],
      ['news: Mr surname resolves to the full name', 'Council leader Jo Brindle visited the estate.\n\nMs Brindle said: “The damp is unacceptable.”',
        [['The damp is unacceptable.', 'Jo Brindle']]],
      ['news: a group speaks', 'Parents said: “Nobody told us the school would close.”',
        [['Nobody told us the school would close.', 'Parents']]],
      // NHS board papers.
      ['board paper: chief executive with role first', 'Chief executive Sam Orrell said: “Waiting times fell for the third month running.”',
        [['Waiting times fell for the third month running.', 'Sam Orrell']]],
      ['board paper: the chief executive later', 'Chief executive Sam Orrell presented the update.\n\nThe chief executive said: “Winter will test us again.”',
        [['Winter will test us again.', 'Sam Orrell']]],
      ['board paper: a chair with a title', 'Dr Leah Marsh, chair of the trust board, said: “Patients deserve better than corridor care.”',
        [['Patients deserve better than corridor care.', 'Leah Marsh']]],
      // Court and coroner reports.
      ['coroner: the coroner said', 'Senior coroner Helen Pryce recorded a narrative conclusion.\n\nShe said: “There were missed opportunities to intervene.”',
        [['There were missed opportunities to intervene.', 'Helen Pryce']]],
      ['court: the judge said', 'Judge Martin Keel told the defendant: “You showed no remorse at any stage.”',
        [['You showed no remorse at any stage.', 'Martin Keel']]],
      ['court: prosecutor speaking after the quote', '“This was a deliberate and sustained fraud,” prosecutor Amir Shah told the court.',
        [['This was a deliberate and sustained fraud,', 'Amir Shah']]],
      // Colons, lists, nesting, ellipses and insertions.
      ['nested single marks inside double', 'Lucy Vane said: “Pupils told me ‘this is the best year yet’ and I believe them.”',
        [['Pupils told me ‘this is the best year yet’ and I believe them.', 'Lucy Vane']]],
      ['an ellipsis inside the quote', 'Lucy Vane said: “We started late … but we finished strongly.”',
        [['We started late … but we finished strongly.', 'Lucy Vane']]],
      ['a square-bracket insertion', 'Lucy Vane said: “They [the governors] backed the plan from the start.”',
        [['They [the governors] backed the plan from the start.', 'Lucy Vane']]],
      ['a quote introduced at the end of the previous paragraph', 'Lucy Vane said:\n\n“We are proud of every pupil.”',
        [['We are proud of every pupil.', 'Lucy Vane']]],
      ['a quote running on over two paragraphs', 'Lucy Vane said: “We are proud of every pupil.\n\n“And we will keep going.”',
        [['We are proud of every pupil.', 'Lucy Vane'], ['And we will keep going.', 'Lucy Vane']]],
      ['quotes in a list after a colon', 'Residents told the inquiry:\n\n- “The lifts broke every week.”\n- “Nobody answered our emails.”',
        [['The lifts broke every week.', 'Residents'], ['Nobody answered our emails.', 'Residents']]],
      ['two speakers in one paragraph', 'Cllr Ruth Penhale said: “We need more time.” Cllr Owen Tate replied: “We have had two years.”',
        [['We need more time.', 'Ruth Penhale'], ['We have had two years.', 'Owen Tate']]],
      ['a whole sentence in quotes with no speaker anywhere', 'The poster read: “Keep calm and carry on reading the small print.”',
        [['Keep calm and carry on reading the small print.', null]]],
    ];
    for (const [name, text, expected] of cases) {
      it(`attributes ${name}`, () => {
        assert.deepEqual(speakersOf(text), expected);
      });
    }
  });
});
