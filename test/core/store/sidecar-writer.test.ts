import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeAnnotation } from '../../../src/core/store/annotation-fields';
import type { Annotation } from '../../../src/core/model';
import { parseSidecar, type ParsedSidecar } from '../../../src/core/store/sidecar-format';
import { sortAnnotations } from '../../../src/core/store/sidecar-merge';
import { editSidecar, renderNewSidecar, renderScalar, renderSidecarEdit, type SidecarState } from '../../../src/core/store/sidecar-writer';
import type { SidecarLayout } from '../../../src/core/store/sidecar-format';
import { HAND_WRITTEN, makeAnnotation } from './fixtures';

function parseOrThrow(text: string): ParsedSidecar {
  const parsed = parseSidecar(text, 'x');
  if (!parsed.ok) throw new Error(`${parsed.problem.message} at ${parsed.problem.line}:${parsed.problem.column}\n${text}`);
  return parsed.value;
}

/** The hand-written sidecar edited to say `change(annotations)`. */
function edit(text: string, change: (annotations: Annotation[]) => Annotation[], sourceHash?: string): string {
  const parsed = parseOrThrow(text);
  const annotations = sortAnnotations(change(parsed.annotations.map(normalizeAnnotation)));
  const state: SidecarState = { source: parsed.source, sourceHash: sourceHash ?? parsed.sourceHash, annotations };
  return renderSidecarEdit(parsed.layout!, parsed.sourceHash, state);
}

/** Strings that stress quoting: YAML indicators, look-alike numbers and booleans, quotes, newlines, emoji, controls. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', 'null', 'True', '~', '0x1f', '1e3', '.inf', '- item', '? q', 'a: b', 'a #b', '#c', '"q"', "'s'", '|', '>', '[x]', '{y}', '@', '`', '%', '&a', '*a', '!t'),
  fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\t', ':', '#', '“', '😀', '\u2028', '\u0085', '\ufeff', '\\', '"'), { maxLength: 12 }).map((parts) => parts.join('')),
);

const annotationArbitrary: fc.Arbitrary<Annotation> = fc
  .record({
    id: fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/),
    kind: fc.oneof(fc.constantFrom('metric', 'quote', 'recommendation'), nastyString.filter((s) => s.trim() !== '')),
    status: fc.constantFrom('accepted' as const, 'rejected' as const),
    text: nastyString,
    start: fc.nat(100000),
    length: fc.nat(500),
    line: fc.integer({ min: 1, max: 5000 }),
    column: fc.integer({ min: 1, max: 500 }),
    prefix: nastyString,
    suffix: nastyString,
    tags: fc.array(nastyString, { maxLength: 4 }),
    note: nastyString,
    speaker: fc.option(nastyString, { nil: undefined }),
    value: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
    orphaned: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ length, ...rest }) => normalizeAnnotation(makeAnnotation({ ...rest, end: rest.start + length })));

const uniqueAnnotations = fc.uniqueArray(annotationArbitrary, { selector: (annotation) => annotation.id, maxLength: 8 });

/** The parts of a layout that must agree between the edit's own account and a fresh parse. */
function layoutEssence(layout: SidecarLayout | null | undefined) {
  if (!layout) return undefined;
  return {
    entries: layout.entries.map(({ id, from, body, to, annotation }) => ({ id, from, body, to, annotation: normalizeAnnotation(annotation) })),
    sequence: layout.sequence,
    sourceHash: layout.sourceHash,
  };
}

/** Edits `text` with editSidecar and checks that the layout it reports is the one a fresh parse finds. */
function editChecked(text: string, annotations: Annotation[], sourceHash: string | null): string {
  const before = parseOrThrow(text);
  const edited = editSidecar(before.layout!, before.sourceHash, { source: before.source, sourceHash, annotations: sortAnnotations(annotations) });
  const after = parseOrThrow(edited.text);
  if (edited.layout) assert.deepEqual(layoutEssence(edited.layout), layoutEssence(after.layout));
  for (const written of edited.written) assert.ok(edited.text.includes(written.text));
  return edited.text;
}

describe('core/store/sidecar-writer', () => {
  describe('renderScalar', () => {
    const table: [string, string][] = [
      ['metric', 'metric'],
      ['92 per cent', '92 per cent'],
      ['92', '"92"'],
      ['true', '"true"'],
      ['a: b', '"a: b"'],
      ['- x', '"- x"'],
      ['“We are proud”', '“We are proud”'],
      ['ends with space ', '"ends with space "'],
      ['2026-11-22T07:00:00.000Z', '2026-11-22T07:00:00.000Z'],
    ];
    for (const [value, expected] of table) it(`writes ${JSON.stringify(value)} as ${expected}`, () => assert.equal(renderScalar(value), expected));
  });

  describe('renderNewSidecar', () => {
    it('writes a readable canonical layout', () => {
      const text = renderNewSidecar({
        source: 'report.txt',
        sourceHash: 'fnv1a64:0123456789abcdef',
        annotations: [makeAnnotation({ id: 'a1', tags: ['housing', 'care leavers'], note: 'First line.\nSecond line.', metricKind: 'percent', value: 92, unit: 'percent' })],
      });
      assert.equal(
        text.slice(text.indexOf('version:')),
        [
          'version: 1',
          'source: report.txt',
          'sourceHash: fnv1a64:0123456789abcdef',
          'annotations:',
          '  - id: a1',
          '    kind: metric',
          '    status: accepted',
          '    text: 92 per cent',
          '    start: 19',
          '    end: 30',
          '    line: 1',
          '    column: 20',
          '    prefix: "In September 2018, "',
          '    suffix: " of care leavers"',
          '    tags: [housing, care leavers]',
          '    note: |-',
          '      First line.',
          '      Second line.',
          '    metricKind: percent',
          '    value: 92',
          '    unit: percent',
          '    created: 2026-11-22T07:00:00.000Z',
          '    updated: 2026-11-22T07:00:00.000Z',
          '',
        ].join('\n'),
      );
    });

    it('writes an empty list for no annotations', () => {
      const parsed = parseOrThrow(renderNewSidecar({ source: 'r.txt', sourceHash: null, annotations: [] }));
      assert.deepEqual(parsed.annotations, []);
      assert.equal(parsed.sourceHash, null);
    });

    it('reads back notes whose lines hold only spaces', () => {
      for (const note of [' a\n ', 'first\n  \nthird', '\t\nx']) {
        const annotation = { ...makeAnnotation({ id: 'a1' }), note };
        const parsed = parseOrThrow(renderNewSidecar({ source: 'r.txt', sourceHash: null, annotations: [annotation] }));
        assert.equal(parsed.annotations[0]?.note, note);
      }
    });

    it('reads back exactly what it wrote, whatever the strings hold', () => {
      fc.assert(
        fc.property(uniqueAnnotations, (annotations) => {
          const state = { source: 'r.txt', sourceHash: 'fnv1a64:0000000000000001', annotations: sortAnnotations([...annotations]) };
          const parsed = parseOrThrow(renderNewSidecar(state));
          assert.deepEqual(parsed.annotations.map(normalizeAnnotation), state.annotations);
        }),
        { numRuns: 100 },
      );
    });
  });

  describe('renderSidecarEdit', () => {
    it('changes no byte when nothing changed', () => {
      assert.equal(
        edit(HAND_WRITTEN, (annotations) => annotations),
        HAND_WRITTEN,
      );
    });

    it('keeps comments, blank lines, key order and unknown keys when one entry changes', () => {
      const edited = edit(HAND_WRITTEN, (annotations) => annotations.map((a) => (a.id === 'q1' ? { ...a, tags: ['staff'], note: 'Said twice.' } : a)));
      const lines = edited.split('\n');
      // Everything outside the q1 entry is untouched.
      const q1Start = HAND_WRITTEN.indexOf('  - id: q1');
      const q1End = HAND_WRITTEN.indexOf('\n\n  # Dismissed.');
      assert.equal(edited.slice(0, q1Start), HAND_WRITTEN.slice(0, q1Start));
      assert.ok(edited.endsWith(HAND_WRITTEN.slice(q1End)));
      // In q1, the hand-made key order stays and the new keys go to their canonical places.
      const entry = lines.slice(lines.indexOf('  - id: q1'), lines.indexOf('  # Dismissed.'));
      assert.deepEqual(entry, [
        '  - id: q1',
        '    status: accepted',
        '    kind: quote',
        '    text: We are proud of our staff,',
        '    start: 80',
        '    end: 106',
        '    line: 2',
        '    column: 2',
        '    tags: [staff]',
        '    note: Said twice.',
        '    speaker: Jane Smith',
        '    created: 2026-11-01T10:00:00.000Z',
        '    updated: 2026-11-01T10:00:00.000Z',
        '',
      ]);
      assert.deepEqual(parseOrThrow(edited).annotations.find((a) => a.id === 'q1')?.tags, ['staff']);
    });

    it('keeps comments inside an entry that changes', () => {
      const edited = edit(HAND_WRITTEN, (annotations) => annotations.map((a) => (a.id === 'm1' ? { ...a, status: 'rejected' as const } : a)));
      assert.match(edited, /  # The headline figure\.\n  - id: m1\n/);
      assert.match(edited, /text: 92 per cent # as printed\n/);
      assert.match(edited, /confidence: high # an unknown key\n/);
      assert.match(edited, /status: rejected\n/);
      assert.match(edited, /note: \|\n      Check against the 2017 letter\.\n      Second line\.\n/);
    });

    it('removes an entry with the comment above it', () => {
      const edited = edit(HAND_WRITTEN, (annotations) => annotations.filter((a) => a.id !== 'r1'));
      assert.ok(!edited.includes('Dismissed'));
      assert.ok(!edited.includes('id: r1'));
      assert.ok(edited.endsWith('# trailing comment\n'));
      assert.deepEqual(
        parseOrThrow(edited).annotations.map((a) => a.id),
        ['m1', 'q1'],
      );
    });

    it('inserts new entries in order of start, at the file’s indentation', () => {
      const edited = edit(HAND_WRITTEN, (annotations) => [
        ...annotations,
        makeAnnotation({ id: 'n0', start: 0, end: 2, text: 'In' }),
        makeAnnotation({ id: 'n1', start: 100, end: 105, text: 'staff' }),
        makeAnnotation({ id: 'n2', start: 300, end: 305, text: 'later' }),
      ]);
      assert.deepEqual(
        parseOrThrow(edited).annotations.map((a) => a.id),
        ['n0', 'm1', 'q1', 'n1', 'r1', 'n2'],
      );
      assert.match(edited, /\n  - id: n0\n    kind: metric\n/);
      assert.ok(edited.includes('# Keep this comment.'));
    });

    it('replaces the sourceHash value in place, or adds the key', () => {
      const replaced = edit(HAND_WRITTEN, (a) => a, 'fnv1a64:ffffffffffffffff');
      assert.equal(replaced, HAND_WRITTEN.replace('fnv1a64:0123456789abcdef', 'fnv1a64:ffffffffffffffff'));
      const added = edit('version: 1\nsource: r.txt\nannotations: []\n', (a) => a, 'fnv1a64:1');
      assert.equal(added, 'version: 1\nsource: r.txt\nsourceHash: fnv1a64:1\nannotations: []\n');
    });

    it('turns an empty, null or missing list into a block list', () => {
      for (const text of ['version: 1\nsource: r.txt\nannotations: []\n', 'version: 1\nsource: r.txt\nannotations:\n', 'version: 1\nsource: r.txt', '# c\nversion: 1\nsource: r.txt\n']) {
        const edited = edit(text, () => [makeAnnotation({ id: 'a1' })]);
        assert.deepEqual(
          parseOrThrow(edited).annotations.map((a) => a.id),
          ['a1'],
          edited,
        );
        assert.match(edited, /annotations:\n  - id: a1\n/);
      }
    });

    it('follows a list written at column 0 and entries written in flow style', () => {
      const text = 'version: 1\nsource: r.txt\nannotations:\n- id: a1\n  kind: metric\n  status: accepted\n  text: x\n  start: 5\n  end: 6\n  line: 1\n  column: 6\n- {id: a2, kind: quote, status: accepted, text: y, start: 9, end: 10, line: 1, column: 10}\n';
      const edited = edit(text, (annotations) => [
        ...annotations.map((a) => (a.id === 'a2' ? { ...a, note: 'flow' } : a)),
        makeAnnotation({ id: 'a0', start: 0, end: 1, text: 'z' }),
      ]);
      assert.match(edited, /\nannotations:\n- id: a0\n  kind: metric\n/);
      assert.match(edited, /\n- \{ ?id: a2,.*note: flow ?\}\n/);
      assert.deepEqual(
        parseOrThrow(edited).annotations.map((a) => [a.id, a.note]),
        [
          ['a0', ''],
          ['a1', ''],
          ['a2', 'flow'],
        ],
      );
    });

    it('keeps CRLF line ends in a file that has them', () => {
      const crlf = HAND_WRITTEN.replace(/\n/g, '\r\n');
      const edited = edit(crlf, (annotations) => [
        ...annotations.filter((a) => a.id !== 'r1').map((a) => (a.id === 'm1' ? { ...a, note: 'one\ntwo' } : a)),
        makeAnnotation({ id: 'n1', start: 100, end: 101, note: 'x\ny' }),
      ]);
      assert.equal(edited.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
      const parsed = parseOrThrow(edited);
      assert.deepEqual(
        parsed.annotations.map((a) => [a.id, a.note]),
        [
          ['m1', 'one\ntwo'],
          ['q1', ''],
          ['n1', 'x\ny'],
        ],
      );
      assert.equal(edit(crlf, (a) => a), crlf);
    });

    it('reports where everything went, as a fresh parse finds it, for hand-written and CRLF files', () => {
      const operations = fc.array(
        fc.oneof(
          fc.record({ op: fc.constant('add' as const), annotation: annotationArbitrary }),
          fc.record({ op: fc.constant('update' as const), index: fc.nat(), note: fc.string() }),
          fc.record({ op: fc.constant('remove' as const), index: fc.nat() }),
        ),
        { minLength: 1, maxLength: 5 },
      );
      fc.assert(
        fc.property(fc.boolean(), operations, fc.option(fc.constantFrom('fnv1a64:1', 'fnv1a64:2'), { nil: null }), (crlf, steps, hash) => {
          let text = crlf ? HAND_WRITTEN.replace(/\n/g, '\r\n') : HAND_WRITTEN;
          for (const step of steps) {
            let annotations = parseOrThrow(text).annotations.map(normalizeAnnotation);
            if (step.op === 'add') {
              if (annotations.some((a) => a.id === step.annotation.id)) continue;
              annotations.push(step.annotation);
            } else if (annotations.length > 0) {
              const target = annotations[step.index % annotations.length] as Annotation;
              annotations = step.op === 'remove' ? annotations.filter((a) => a !== target) : annotations.map((a) => (a === target ? { ...a, note: step.note } : a));
            }
            text = editChecked(text, annotations, hash);
          }
        }),
        { numRuns: 60 },
      );
    });

    it('reports the layout right after hundreds of edits at once', () => {
      const many = Array.from({ length: 300 }, (_, i) => makeAnnotation({ id: `e${i}`, start: i * 10, end: i * 10 + 5, text: `t${i}` }));
      const text = renderNewSidecar({ source: 'r.txt', sourceHash: null, annotations: many });
      const changed = many.filter((_, i) => i % 3 !== 0).map((a, i) => (i % 2 ? { ...a, note: `n${i}` } : a));
      const added = Array.from({ length: 100 }, (_, i) => makeAnnotation({ id: `z${i}`, start: i * 31 + 3, end: i * 31 + 4, text: 'z' }));
      editChecked(text, [...changed, ...added], 'fnv1a64:9');
    });

    it('does not take lines of a block note that start with # for comments', () => {
      const text = 'version: 1\nsource: r.txt\nannotations:\n  - id: a1\n    kind: metric\n    status: accepted\n    text: x\n    start: 0\n    end: 1\n    line: 1\n    column: 1\n    note: |\n      # heading\n  - id: a2\n    kind: metric\n    status: accepted\n    text: y\n    start: 2\n    end: 3\n    line: 1\n    column: 3\n';
      const edited = edit(text, (annotations) => annotations.filter((a) => a.id !== 'a2'));
      assert.equal(parseOrThrow(edited).annotations[0]?.note, '# heading\n');
    });

    it('reads back the intended state after any series of adds, updates and removals, leaving untouched entries byte-identical', () => {
      const operations = fc.array(
        fc.oneof(
          fc.record({ op: fc.constant('add' as const), annotation: annotationArbitrary }),
          fc.record({ op: fc.constant('update' as const), index: fc.nat(), patch: annotationArbitrary }),
          fc.record({ op: fc.constant('remove' as const), index: fc.nat() }),
        ),
        { maxLength: 6 },
      );
      fc.assert(
        fc.property(uniqueAnnotations, operations, (initial, steps) => {
          let text = renderNewSidecar({ source: 'r.txt', sourceHash: null, annotations: sortAnnotations([...initial]) });
          for (const step of steps) {
            const before = parseOrThrow(text);
            let annotations = before.annotations.map(normalizeAnnotation);
            let touched: string | undefined;
            if (step.op === 'add') {
              if (annotations.some((a) => a.id === step.annotation.id)) continue;
              annotations.push(step.annotation);
            } else if (annotations.length > 0) {
              const target = annotations[step.index % annotations.length] as Annotation;
              touched = target.id;
              annotations = step.op === 'remove' ? annotations.filter((a) => a !== target) : annotations.map((a) => (a === target ? { ...step.patch, id: a.id } : a));
            }
            const state = { source: 'r.txt', sourceHash: null, annotations: sortAnnotations(annotations) };
            text = editChecked(text, annotations, null);
            const after = parseOrThrow(text);
            assert.deepEqual(sortAnnotations(after.annotations.map(normalizeAnnotation)), state.annotations);
            for (const entry of before.layout!.entries) {
              if (entry.id === touched || !state.annotations.some((a) => a.id === entry.id)) continue;
              const kept = after.layout!.entries.find((e) => e.id === entry.id)!;
              assert.equal(text.slice(kept.body, kept.to).trimEnd(), before.layout!.text.slice(entry.body, entry.to).trimEnd());
            }
          }
        }),
        { numRuns: 60 },
      );
    });
  });
});
