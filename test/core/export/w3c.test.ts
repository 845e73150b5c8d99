import * as assert from 'node:assert/strict';
import { EXTENSION_KEY, fromW3cJson, toW3cAnnotation, toW3cJson, W3C_CONTEXT } from '../../../src/core/export/w3c';
import type { Annotation } from '../../../src/core/model';
import { importOptions, report, sampleAnnotations } from './sample';

describe('export/w3c', () => {
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
});
