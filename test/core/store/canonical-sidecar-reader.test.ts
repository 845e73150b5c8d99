import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Annotation } from '../../../src/core/model';
import { normalizeAnnotation } from '../../../src/core/store/annotation-fields';
import { readCanonicalSidecar } from '../../../src/core/store/canonical-sidecar-reader';
import { parseSidecar, SIDECAR_VERSION, type ParsedSidecar } from '../../../src/core/store/sidecar-format';
import { sortAnnotations } from '../../../src/core/store/sidecar-merge';
import { renderNewSidecar, renderSidecarEdit } from '../../../src/core/store/sidecar-writer';
import { HAND_WRITTEN, makeAnnotation } from './fixtures';

function slowParse(text: string): ParsedSidecar {
  const parsed = parseSidecar(text, 'x', { fastPath: false });
  if (!parsed.ok) throw new Error(`${parsed.problem.message}\n${text}`);
  return parsed.value;
}

/** What both readers must agree on. */
function essence(parsed: ParsedSidecar) {
  return {
    version: parsed.version,
    source: parsed.source,
    sourceHash: parsed.sourceHash,
    annotations: parsed.annotations.map(normalizeAnnotation),
    entries: parsed.layout?.entries.map(({ id, from, body, to }) => ({ id, from, body, to })),
    sequence: parsed.layout?.sequence,
    sourceHashLayout: parsed.layout?.sourceHash,
  };
}

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('92 per cent', 'null', '12', '- x', 'a: b', '“quoted”', 'multi\nline\n', '\n\nlead', ' indented\nnote', 'end\n\n\n', 'tab\there', 'x #y', '[a]', '😀'),
);
const annotation: fc.Arbitrary<Annotation> = fc
  .record({
    id: fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/),
    kind: fc.constantFrom('metric', 'quote', 'own kind', '12'),
    text,
    start: fc.nat(100000),
    length: fc.nat(300),
    prefix: text,
    suffix: text,
    tags: fc.array(text, { maxLength: 3 }),
    note: text,
    value: fc.option(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), { nil: undefined }),
    speaker: fc.option(text, { nil: undefined }),
    orphaned: fc.option(fc.constant(true), { nil: undefined }),
  })
  .map(({ length, ...rest }) => normalizeAnnotation(makeAnnotation({ ...rest, end: rest.start + length })));

describe('core/store/canonical-sidecar-reader', () => {
  describe('readCanonicalSidecar', () => {
    it('reads what the writer writes', () => {
      const written = renderNewSidecar({
        source: 'r.txt',
        sourceHash: 'fnv1a64:0123456789abcdef',
        annotations: [makeAnnotation({ id: 'a1', note: 'two\nlines', tags: ['x', 'y z'], value: 2.5 }), makeAnnotation({ id: 'a2', start: 40, end: 45, speaker: 'Jane Smith' })],
      });
      const parsed = readCanonicalSidecar(written, SIDECAR_VERSION);
      assert.ok(parsed);
      assert.deepEqual(essence(parsed), essence(slowParse(written)));
    });

    const declined: [string, string][] = [
      ['a hand-written file with comments between entries', HAND_WRITTEN],
      ['CRLF line ends', renderNewSidecar({ source: 'r.txt', sourceHash: null, annotations: [makeAnnotation({ id: 'a1' })] }).replace(/\n/g, '\r\n')],
      ['a newer version', 'version: 2\nsource: r.txt\nannotations: []\n'],
      ['an invalid status', renderNewSidecar({ source: 'r.txt', sourceHash: null, annotations: [makeAnnotation({ id: 'a1' })] }).replace('status: accepted', 'status: maybe')],
      ['a single-quoted string', 'version: 1\nsource: \'r.txt\'\nannotations: []\n'],
      ['an alias', 'version: 1\nsource: &s r.txt\nannotations: []\n'],
      ['a duplicate id', renderNewSidecar({ source: 'r.txt', sourceHash: null, annotations: [makeAnnotation({ id: 'a1' }), makeAnnotation({ id: 'a1', start: 50, end: 52 })] })],
    ];
    for (const [label, input] of declined) {
      it(`leaves ${label} to the general parser`, () => assert.equal(readCanonicalSidecar(input, SIDECAR_VERSION), undefined));
    }

    it('agrees with the general parser on everything the writer produces, before and after edits', () => {
      fc.assert(
        fc.property(fc.uniqueArray(annotation, { selector: (a) => a.id, maxLength: 6 }), fc.array(annotation, { maxLength: 3 }), (initial, changes) => {
          let written = renderNewSidecar({ source: 'r.txt', sourceHash: null, annotations: sortAnnotations([...initial]) });
          const check = () => {
            const fast = readCanonicalSidecar(written, SIDECAR_VERSION);
            if (fast) assert.deepEqual(essence(fast), essence(slowParse(written)));
          };
          check();
          for (const change of changes) {
            const before = slowParse(written);
            const current = before.annotations.map(normalizeAnnotation);
            const index = current.findIndex((a) => a.id === change.id);
            if (index === -1) current.push(change);
            else current[index] = change;
            written = renderSidecarEdit(before.layout!, before.sourceHash, { source: 'r.txt', sourceHash: 'fnv1a64:1', annotations: sortAnnotations(current) });
            check();
          }
        }),
        { numRuns: 150 },
      );
    });
  });
});
