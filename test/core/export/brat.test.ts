import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromBrat, toBrat } from '../../../src/core/export/brat';
import type { Annotation } from '../../../src/core/model';
import { annotationAt } from '../anchor/annotate';
import { importOptions, report, sampleAnnotations } from './sample';

describe('export/brat', () => {
  describe('toBrat', () => {
    it('writes T, A and AnnotatorNotes lines, splitting spans at line breaks', () => {
      const ann = toBrat(sampleAnnotations(), report);
      const lines = ann.trimEnd().split('\n');
      const [metric, , recommendation] = sampleAnnotations() as [Annotation, Annotation, Annotation];
      assert.equal(lines[0], `T1\tmetric ${metric.start} ${metric.end}\t92 per cent`);
      assert.ok(lines.some((line) => /^A\d+\tcomparison T1 64%20per%20cent$/.test(line)), ann);
      assert.ok(lines.includes('#1\tAnnotatorNotes T1\ttags: housing; care leavers\\nChecked against the 2023 letter.\\nSee page 4, "Outcomes".'), ann);
      const split = lines.find((line) => line.startsWith('T3\t')) as string;
      const breakAt = recommendation.start + Array.from('must improve:').length;
      assert.equal(split, `T3\trecommendation ${recommendation.start} ${breakAt};${breakAt + 2} ${recommendation.end}\tmust improve: planning for young people.`);
    });

    it('counts offsets in code points', () => {
      const quote = sampleAnnotations()[1] as Annotation;
      const [line] = toBrat([quote], report).split('\n') as [string];
      const [, start, end] = /(\d+) (\d+)/.exec(line) as unknown as [string, string, string];
      assert.equal(Array.from(report).slice(Number(start), Number(end)).join(''), quote.text);
    });
  });
  describe('fromBrat', () => {
    it('reads back exactly what toBrat wrote', () => {
      const annotations = sampleAnnotations();
      const back = fromBrat(toBrat(annotations, report), importOptions());
      assert.ok(back.ok, JSON.stringify(back));
      const withoutNulls = (annotation: Annotation) => Object.fromEntries(Object.entries(annotation).filter(([, value]) => value !== null));
      assert.deepEqual(back.value, annotations.map(withoutNulls));
    });

    it('reads plain brat: new ids, the import time, brat types with underscores as kinds', () => {
      const ann = 'T1\tCare_leaver 33 45\tcare leavers\nR1\tRel Arg1:T1 Arg2:T1\n';
      const back = fromBrat(ann, importOptions({ author: 'importer', random: () => 0.25 }));
      assert.ok(back.ok);
      const [only] = back.value as [Annotation];
      assert.deepEqual([only.kind, only.text, only.created, only.author, only.line, only.column], ['Care leaver', 'care leavers', '2026-02-02T00:00:00.000Z', 'importer', 1, 34]);
      assert.match(only.id, /^[a-z][a-z0-9]+$/);
    });

    const malformed: [string, string, number, RegExp][] = [
      ['a T line without offsets', 'T1\tmetric\t92', 1, /expected 'TYPE START END/],
      ['text that differs from the report', 'T1\tmetric 18 29\t93 per cent', 1, /does not match the report/],
      ['a span past the end', 'T1\tmetric 18 999\tx', 1, /outside the report/],
      ['an attribute of an unknown T', 'T1\tmetric 18 29\t92 per cent\nA1\tunit T7 percent', 2, /after the T line/],
      ['a line of another format', 'T1\tmetric 18 29\t92 per cent\n\nhello world', 3, /not a brat standoff line/],
    ];
    for (const [name, ann, line, message] of malformed) {
      it(`refuses ${name}, naming the line`, () => {
        const result = fromBrat(ann, importOptions());
        assert.ok(!result.ok);
        assert.deepEqual([result.problem.code, result.problem.path, result.problem.line], ['import-malformed', 'in.ann', line]);
        assert.match(result.problem.message, message);
      });
    }

    it('round-trips random spans, tags and notes', () => {
      const length = Array.from(report).length;
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: length }),
          fc.integer({ min: 0, max: 40 }),
          fc.array(fc.stringMatching(/^[a-z][a-z ]{0,8}[a-z]$/), { maxLength: 3 }),
          fc.string(),
          (start, size, tags, note) => {
            const annotation = { ...annotationAt(report, start, Math.min(length, start + size), 'a1'), tags, note: note.replace(/^tags: /, '') };
            const back = fromBrat(toBrat([annotation], report), importOptions());
            assert.ok(back.ok, JSON.stringify(back));
            const [only] = back.value as [Annotation];
            assert.deepEqual([only.start, only.end, only.text, only.tags, only.note], [annotation.start, annotation.end, annotation.text, tags, annotation.note]);
          },
        ),
      );
    });
  });
});
