/**
 * CSV export (RFC 4180) for spreadsheets: one row per annotation, CRLF row
 * ends, fields quoted when they hold a comma, a quote or a line break, and
 * quotes doubled. Text cells that a spreadsheet would run as a formula are
 * defused.
 */
import type { ExportItem } from './export-item';

/** The columns, in order. `tags` are joined with `;`. */
export const CSV_COLUMNS = [
  'file', 'id', 'kind', 'status', 'start', 'end', 'line', 'column', 'text', 'tags', 'note',
  'value', 'unit', 'period', 'comparison', 'speaker', 'created', 'updated', 'author',
] as const;

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, which Excel needs to read UTF-8 (£, “quotes”, emoji) correctly. Default false. */
  readonly bom?: boolean;
}

/**
 * Characters that make a spreadsheet treat a cell as a formula (`=`, `+`,
 * `-`, `@`) or that some read as one after trimming (tab, carriage return).
 * Such text cells get a leading apostrophe, the OWASP advice; numbers are
 * left alone so that a negative value stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The whole CSV file, header row first. Never throws. */
export function toCsv(items: readonly ExportItem[], options: CsvOptions = {}): string {
  const rows = [CSV_COLUMNS.map(quoteField).join(',')];
  for (const { file, annotation } of items) {
    const cells: Record<(typeof CSV_COLUMNS)[number], string | number | null | undefined> = {
      file,
      id: annotation.id,
      kind: annotation.kind,
      status: annotation.status,
      start: annotation.start,
      end: annotation.end,
      line: annotation.line,
      column: annotation.column,
      text: annotation.text,
      tags: annotation.tags.join(';'),
      note: annotation.note,
      value: annotation.value,
      unit: annotation.unit,
      period: annotation.period,
      comparison: annotation.comparison,
      speaker: annotation.speaker,
      created: annotation.created,
      updated: annotation.updated,
      author: annotation.author,
    };
    rows.push(CSV_COLUMNS.map((column) => formatCell(cells[column])).join(','));
  }
  return `${options.bom ? '\ufeff' : ''}${rows.join('\r\n')}\r\n`;
}

function formatCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return quoteField(FORMULA_START.test(value) ? `'${value}` : value);
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
