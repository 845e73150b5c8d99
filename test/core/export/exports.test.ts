import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromBrat, toBrat } from '../../../src/core/export/brat';
import { CSV_COLUMNS, toCsv } from '../../../src/core/export/csv';
import type { ImportOptions } from '../../../src/core/export/import-options';
import { toJsonExport } from '../../../src/core/export/json';
import { EXTENSION_KEY, fromW3cJson, toW3cAnnotation, toW3cJson, W3C_CONTEXT } from '../../../src/core/export/w3c';
import type { Annotation } from '../../../src/core/model';
import { annotationAt, annotationOf } from '../anchor/annotate';

const report = [
  'Ofsted found that 92 per cent of care leavers, up from 64 per cent, were in suitable homes.',
  '',
  'Lead inspector Jo Bloggs said: “We saw real progress 😀 this year.”',
  'The council must improve:\r\nplanning for young people.',
].join('\n');

/** A metric with every attribute, a quote with a speaker, and a recommendation spanning a line break. */
function sampleAnnotations(): Annotation[] {
  const metric: Annotation = {
    ...annotationOf(report, '92 per cent', 'm1'),
    metricKind: 'percent',
    value: 92,
    unit: 'percent',
    period: null,
    comparison: '64 per cent',
    comparisonValue: 64,
    direction: 'up',
    tags: ['housing', 'care leavers'],
    note: 'Checked against the 2023 letter.\nSee page 4, "Outcomes".',
    author: 'A. Analyst',
  };
  const quote: Annotation = { ...annotationOf(report, 'We saw real progress 😀 this year.', 'q1'), kind: 'quote', speaker: 'Jo Bloggs', attribution: 'before' };
  const recommendation: Annotation = {
    ...annotationOf(report, 'must improve:\r\nplanning for young people.', 'r1'),
    kind: 'recommendation',
    status: 'rejected',
    cue: 'must improve',
  };
  return [metric, quote, recommendation];
}

const importOptions = (extra: Partial<ImportOptions> = {}): ImportOptions => ({
  path: 'in.ann',
  reportText: report,
  now: '2026-02-02T00:00:00.000Z',
  ...extra,
});

/** Parses RFC 4180 CSV (the test's own reader, to check the writer against the rules rather than against itself). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('export', () => {
  describe('toCsv', () => {
    it('writes a header and one row per annotation, CRLF-terminated', () => {
      const csv = toCsv(sampleAnnotations().map((annotation) => ({ file: 'reports/a.txt', annotation })));
      assert.ok(csv.endsWith('\r\n'));
      const rows = parseCsv(csv);
      assert.deepEqual(rows[0], [...CSV_COLUMNS]);
      assert.equal(rows.length, 4);
      const metric = Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, (rows[1] as string[])[i]]));
      assert.deepEqual(
        [metric.file, metric.id, metric.kind, metric.status, metric.text, metric.tags, metric.note, metric.value, metric.unit, metric.period, metric.comparison, metric.author],
        ['reports/a.txt', 'm1', 'metric', 'accepted', '92 per cent', 'housing;care leavers', 'Checked against the 2023 letter.\nSee page 4, "Outcomes".', '92', 'percent', '', '64 per cent', 'A. Analyst'],
      );
      assert.equal((rows[3] as string[])[CSV_COLUMNS.indexOf('text')], 'must improve:\r\nplanning for young people.');
    });

    const injection: [string, string][] = [
      ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
      ['+44 20 7946 0000', "'+44 20 7946 0000"],
      ['-5 per cent', "'-5 per cent"],
      ['@cmd', "'@cmd"],
      ['\tTAB', "'\tTAB"],
      ['plain', 'plain'],
    ];
    for (const [text, expected] of injection) {
      it(`defuses a text cell starting ${JSON.stringify(text.slice(0, 1))}`, () => {
        const annotation = { ...annotationAt(report, 0, 6, 'x'), text };
        const cells = parseCsv(toCsv([{ file: 'f', annotation }]))[1] as string[];
        assert.equal(cells[CSV_COLUMNS.indexOf('text')], expected);
      });
    }

    it('leaves negative numbers as numbers', () => {
      const annotation = { ...annotationAt(report, 0, 6, 'x'), value: -5 };
      assert.equal((parseCsv(toCsv([{ file: 'f', annotation }]))[1] as string[])[CSV_COLUMNS.indexOf('value')], '-5');
    });

    it('starts with a byte-order mark only when asked', () => {
      assert.ok(toCsv([], { bom: true }).startsWith('\ufefffile,id,'));
      assert.ok(toCsv([]).startsWith('file,id,'));
    });

    it('round-trips any text through an RFC 4180 reader', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), fc.string(), (text, note) => {
          fc.pre(!/^[=+\-@\t\r]/.test(text));
          const annotation = { ...annotationAt(report, 0, 1, 'x'), text, note: note.replace(/^[=+\-@\t\r]+/, '') };
          const cells = parseCsv(toCsv([{ file: 'a,b"c.txt', annotation }]))[1] as string[];
          assert.deepEqual([cells[0], cells[CSV_COLUMNS.indexOf('text')], cells[CSV_COLUMNS.indexOf('note')]], ['a,b"c.txt', text, annotation.note]);
        }),
      );
    });
  });

  describe('toJsonExport', () => {
    it('lists every annotation with its file', () => {
      const annotations = sampleAnnotations();
      const parsed = JSON.parse(toJsonExport(annotations.map((annotation) => ({ file: 'a.txt', annotation })))) as unknown[];
      assert.deepEqual(parsed, annotations.map((annotation) => ({ file: 'a.txt', ...annotation })));
    });
  });

  describe('toW3cAnnotation', () => {
    it('targets the report with a quote and a position selector, tags and note as bodies', () => {
      const [metric] = sampleAnnotations() as [Annotation];
      const w3c = toW3cAnnotation({ file: 'a.txt', annotation: metric });
      assert.equal(w3c['@context'], W3C_CONTEXT);
      assert.equal(w3c.type, 'Annotation');
      assert.deepEqual(w3c.target, {
        source: 'a.txt',
        selector: [
          { type: 'TextQuoteSelector', exact: '92 per cent', prefix: metric.prefix, suffix: metric.suffix },
          { type: 'TextPositionSelector', start: metric.start, end: metric.end },
        ],
      });
      assert.deepEqual(w3c.body, [
        { type: 'TextualBody', purpose: 'tagging', value: 'housing' },
        { type: 'TextualBody', purpose: 'tagging', value: 'care leavers' },
        { type: 'TextualBody', purpose: 'commenting', value: metric.note, format: 'text/plain' },
      ]);
      assert.equal(w3c[EXTENSION_KEY].kind, 'metric');
      assert.equal(w3c.creator, 'A. Analyst');
    });
  });

  describe('fromW3cJson', () => {
    it('reads back exactly what toW3cJson wrote', () => {
      const annotations = sampleAnnotations();
      const json = toW3cJson(annotations.map((annotation) => ({ file: 'a.txt', annotation })));
      const back = fromW3cJson(json, importOptions({ path: 'a.json' }));
      assert.ok(back.ok);
      assert.deepEqual(back.value, annotations);
    });

    it('reads annotations from other tools: a collection, no position selector, creator object', () => {
      const json = JSON.stringify({
        '@context': W3C_CONTEXT,
        type: 'AnnotationCollection',
        first: {
          items: [
            {
              type: 'Annotation',
              creator: { name: 'Hyp User' },
              body: { type: 'TextualBody', purpose: 'tagging', value: 'progress' },
              target: { source: 'https://example.org/report', selector: { type: 'TextQuoteSelector', exact: 'real progress', prefix: 'We saw ', suffix: ' 😀' } },
            },
          ],
        },
      });
      const back = fromW3cJson(json, importOptions({ random: () => 0.5 }));
      assert.ok(back.ok);
      const [only] = back.value as [Annotation];
      assert.deepEqual([only.text, only.tags, only.author, only.kind, only.orphaned], ['real progress', ['progress'], 'Hyp User', 'highlight', undefined]);
      assert.equal(Array.from(report).slice(only.start, only.end).join(''), 'real progress');
    });

    const malformed: [string, string, RegExp, number | undefined][] = [
      ['broken JSON', '[{"type": "Annotation",\n  "target": }]', /not valid JSON/, 2],
      ['not annotations', '{"hello": 1}', /expected a W3C Annotation/, 1],
      ['no quote selector', '[{"type":"Annotation","target":{"source":"a","selector":{"type":"TextPositionSelector","start":0,"end":3}}}]', /annotation 1: has no TextQuoteSelector/, undefined],
    ];
    for (const [name, json, message, line] of malformed) {
      it(`refuses ${name} with a problem`, () => {
        const result = fromW3cJson(json, importOptions({ path: 'x.json' }));
        assert.ok(!result.ok);
        assert.equal(result.problem.code, 'import-malformed');
        assert.match(result.problem.message, message);
        assert.equal(result.problem.line, line);
      });
    }
  });

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
