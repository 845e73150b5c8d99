// Prints suite results as a readable table, or as one JSON document for machines.

/**
 * A suite's result: `rows` for people (label, value, and a PASS/FAIL mark
 * when the row is a check), `data` for machines (numbers, not strings).
 */
export function createSuiteResult(name, title) {
  return { name, title, rows: [], data: {} };
}

/** Adds a row; `pass` is true/false for a check, undefined for a plain figure. */
export function addRow(result, label, value, pass, note) {
  result.rows.push({ label, value, ...(pass === undefined ? {} : { pass }), ...(note ? { note } : {}) });
}

/** The readable table for one suite. */
export function formatSuite(result) {
  const width = Math.max(...result.rows.map((row) => row.label.length), 10);
  const valueWidth = Math.max(...result.rows.map((row) => row.value.length), 8);
  const lines = [`\n${result.title}`, '-'.repeat(Math.min(100, width + valueWidth + 12))];
  for (const row of result.rows) {
    const mark = row.pass === undefined ? '    ' : row.pass ? 'PASS' : 'FAIL';
    lines.push(`${row.label.padEnd(width)}  ${row.value.padStart(valueWidth)}  ${mark}${row.note ? `  ${row.note}` : ''}`);
  }
  return lines.join('\n');
}

/** Every check row that failed, as `suite: label`. */
export function listFailures(results) {
  return results.flatMap((result) => result.rows.filter((row) => row.pass === false).map((row) => `${result.name}: ${row.label}`));
}
