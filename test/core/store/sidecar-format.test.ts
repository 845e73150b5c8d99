import * as assert from 'node:assert/strict';
import { parseSidecar, SIDECAR_VERSION, validateSidecar } from '../../../src/core/store/sidecar-format';
import { HAND_WRITTEN } from './fixtures';

const HEAD = 'version: 1\nsource: report.txt\nsourceHash: null\nannotations:\n';
const ENTRY = '  - id: a1\n    kind: metric\n    status: accepted\n    text: "92"\n    start: 0\n    end: 2\n    line: 1\n    column: 1\n';

describe('core/store/sidecar-format', () => {
  describe('parseSidecar', () => {
    it('reads a hand-written sidecar with comments and unknown keys', () => {
      const parsed = parseSidecar(HAND_WRITTEN, 'report.txt.annotations.yaml', { expectedSource: 'report.txt' });
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problem));
      const { value } = parsed;
      assert.equal(value.version, SIDECAR_VERSION);
      assert.equal(value.source, 'report.txt');
      assert.equal(value.sourceHash, 'fnv1a64:0123456789abcdef');
      assert.equal(value.readOnlyReason, null);
      assert.deepEqual(
        value.annotations.map((a) => a.id),
        ['m1', 'q1', 'r1'],
      );
      const [metric, quote, rejected] = value.annotations;
      assert.equal(metric?.text, '92 per cent');
      assert.equal(metric?.note, 'Check against the 2017 letter.\nSecond line.\n');
      assert.deepEqual(metric?.tags, ['headline', 'housing']);
      assert.equal(metric?.value, 92);
      assert.equal(quote?.speaker, 'Jane Smith');
      assert.equal(rejected?.status, 'rejected');
      assert.deepEqual(rejected?.tags, []);
      assert.equal(rejected?.note, '');
      assert.equal(rejected?.prefix, '');
    });

    it('treats a missing or null annotations list as empty', () => {
      for (const text of ['version: 1\nsource: r.txt\n', 'version: 1\nsource: r.txt\nannotations:\n', 'version: 1\nsource: r.txt\nannotations: []\n']) {
        const parsed = parseSidecar(text, 'x');
        assert.ok(parsed.ok);
        assert.deepEqual(parsed.value.annotations, []);
        assert.equal(parsed.value.sourceHash, null);
      }
    });

    it('records where each entry is, comment lines above it included', () => {
      const parsed = parseSidecar(HAND_WRITTEN, 'x');
      assert.ok(parsed.ok);
      const entries = parsed.value.layout?.entries ?? [];
      assert.equal(entries.length, 3);
      assert.ok(HAND_WRITTEN.slice(entries[0]?.from, entries[0]?.to).startsWith('  # The headline figure.\n  - id: m1'));
      assert.ok(HAND_WRITTEN.slice(entries[2]?.from, entries[2]?.to).startsWith('  # Dismissed.\n  - id: r1'));
      assert.ok(HAND_WRITTEN.slice(entries[2]?.from, entries[2]?.to).endsWith('column: 1\n'));
    });

    const problems: [string, string, RegExp, number | undefined, number | undefined][] = [
      ['unclosed flow sequence', `${HEAD}${ENTRY}    tags: [a, b\n`, /YAML syntax error/, 14, 1],
      ['a tab-indented mess', 'version: 1\nsource: r\n\tannotations: x\n', /YAML syntax error/, 3, 1],
      ['duplicate keys', `${HEAD}${ENTRY}    kind: quote\n`, /YAML syntax error: Map keys must be unique/, 13, 5],
      ['two documents', `${HEAD}---\nversion: 1\n`, /YAML syntax error/, 5, 1],
      ['a list at the top', '- 1\n- 2\n', /expected a mapping/, 1, 1],
      ['no version', 'source: r.txt\nannotations: []\n', /missing 'version'/, 1, 1],
      ['a text version', 'version: one\nsource: r.txt\n', /'version' must be a whole number/, 1, 1],
      ['no source', 'version: 1\nannotations: []\n', /'source' must name the report file/, 1, 1],
      ['annotations not a list', 'version: 1\nsource: r.txt\nannotations: 3\n', /'annotations' must be a list/, 3, 1],
      ['an entry that is not a mapping', `${HEAD}  - just text\n`, /annotation 1 must be a mapping/, 5, 5],
      ['a missing required field', `${HEAD}${ENTRY.replace('    status: accepted\n', '')}`, /annotation 1 has no 'status'/, 5, 5],
      ['an unknown status', `${HEAD}${ENTRY.replace('accepted', 'maybe')}`, /'status' must be one of accepted, rejected/, 7, 13],
      ['a negative start', `${HEAD}${ENTRY.replace('start: 0', 'start: -4')}`, /'start' must be a whole number of code points/, 9, 12],
      ['a fractional end', `${HEAD}${ENTRY.replace('end: 2', 'end: 2.5')}`, /'end' must be a whole number/, 10, 10],
      ['start after end', `${HEAD}${ENTRY.replace('start: 0', 'start: 5')}`, /'start' \(5\) is after 'end' \(2\)/, 9, 12],
      ['an unquoted number as text', `${HEAD}${ENTRY.replace('text: "92"', 'text: 92')}`, /'text' must be a string \(put it in quotes: "92"\)/, 8, 11],
      ['tags that are not a list', `${HEAD}${ENTRY}    tags: housing\n`, /'tags' must be a list of strings/, 13, 11],
      ['a nested tag', `${HEAD}${ENTRY}    tags: [[a]]\n`, /'tags' must be a list of strings/, 13, 11],
      ['a wrong metricKind', `${HEAD}${ENTRY}    metricKind: area\n`, /'metricKind' must be one of percent/, 13, 17],
      ['orphaned as text', `${HEAD}${ENTRY}    orphaned: "yes"\n`, /'orphaned' must be true or false/, 13, 15],
      ['a duplicate id', `${HEAD}${ENTRY}${ENTRY}`, /duplicate id 'a1' \(also annotation 1\)/, 13, 5],
      ['a sourceHash that is a list', 'version: 1\nsource: r.txt\nsourceHash: [1]\n', /'sourceHash' must be a string/, 3, 1],
    ];
    for (const [label, text, message, line, column] of problems) {
      it(`reports ${label} with line and column`, () => {
        const parsed = parseSidecar(text, 'dir/r.txt.annotations.yaml');
        assert.equal(parsed.ok, false, `${label} should be refused`);
        if (parsed.ok) return;
        assert.match(parsed.problem.message, message);
        assert.equal(parsed.problem.path, 'dir/r.txt.annotations.yaml');
        assert.deepEqual([parsed.problem.line, parsed.problem.column], [line, column]);
        assert.ok(['sidecar-malformed', 'sidecar-invalid'].includes(parsed.problem.code), parsed.problem.code);
      });
    }

    it('refuses a sidecar whose source names another report', () => {
      const parsed = parseSidecar('version: 1\nsource: other.txt\n', 'x', { expectedSource: 'report.txt' });
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      assert.equal(parsed.problem.code, 'sidecar-wrong-source');
      assert.match(parsed.problem.message, /belongs to 'other.txt', not to 'report.txt'/);
      assert.deepEqual([parsed.problem.line, parsed.problem.column], [2, 1]);
    });

    it('refuses text over the size limit before parsing it', () => {
      const parsed = parseSidecar(`${HEAD}${ENTRY}`.repeat(1), 'x', { maxBytes: 50 });
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.equal(parsed.problem.code, 'sidecar-too-large');
    });

    it('refuses an alias bomb at its first alias', () => {
      const bomb = [
        'version: 1',
        'source: r.txt',
        'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
        'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
        'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
        'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
        'annotations: *g',
        '',
      ].join('\n');
      const parsed = parseSidecar(bomb, 'x');
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      assert.equal(parsed.problem.code, 'sidecar-alias-bomb');
      assert.deepEqual([parsed.problem.line, parsed.problem.column], [4, 8]);
    });

    it('follows a few harmless aliases', () => {
      const text = `version: 1\nsource: r.txt\nannotations:\n${ENTRY.replace('    text: "92"', '    text: &t "92"')}${ENTRY.replace('a1', 'a2').replace('    text: "92"', '    text: *t')}`;
      const parsed = parseSidecar(text, 'x');
      assert.ok(parsed.ok, !parsed.ok ? parsed.problem.message : '');
      assert.deepEqual(
        parsed.value.annotations.map((a) => a.text),
        ['92', '92'],
      );
    });

    it('opens a newer format version read-only, skipping entries it cannot read', () => {
      const text = `version: 2\nsource: r.txt\nannotations:\n${ENTRY}  - id: b2\n    shape: circle\n`;
      const parsed = parseSidecar(text, 'x');
      assert.ok(parsed.ok);
      assert.match(parsed.value.readOnlyReason ?? '', /format version 2 is newer .* read-only/);
      assert.deepEqual(
        parsed.value.annotations.map((a) => a.id),
        ['a1'],
      );
      assert.ok(parsed.value.skipped.length > 0);
      for (const skipped of parsed.value.skipped) assert.match(skipped.message, /^annotation 2 has no '/);
    });
  });

  describe('validateSidecar', () => {
    it('lists every schema problem, not just the first', () => {
      const text = `${HEAD}${ENTRY.replace('accepted', 'maybe')}${ENTRY.replace('a1', 'a2').replace('start: 0', 'start: x')}`;
      const problems = validateSidecar(text, 'x');
      assert.deepEqual(
        problems.map((p) => p.line),
        [7, 17],
      );
    });

    it('returns nothing for a valid sidecar', () => {
      assert.deepEqual(validateSidecar(HAND_WRITTEN, 'x'), []);
    });
  });
});
