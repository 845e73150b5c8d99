import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CSV_COLUMNS, toCsv } from '../../../src/core/export/csv';
import { annotationAt } from '../anchor/annotate';
import { report, sampleAnnotations } from './sample';

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

describe('export/csv', () => {
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
});
