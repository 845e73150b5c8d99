import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, copyFixtureReport, findDetection, getApi, idsFrom, openReport, readText, run, type ReportAnnotatorApi } from './helpers';

describe('extension: reportAnnotator.export', () => {
  let api: ReportAnnotatorApi;
  let uri: vscode.Uri;
  let metricId: string;
  let metric: { start: number; end: number; text: string };

  before(async () => {
    api = await getApi();
    uri = await copyFixtureReport('reports/monitoring-letter.txt');
    await openReport(api, uri);
    metric = findDetection(api, uri, 'metric', '92');
    [metricId] = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: metric.start, end: metric.end })) as [string];
    await run('reportAnnotator.tag', { uri: uri.toString(), id: metricId, tags: ['priority'] });
    await run('reportAnnotator.addNote', { uri: uri.toString(), id: metricId, note: 'Up from 64, "a big jump", per the letter' });
    await api.whenIdle();
  });
  after(closeAllEditors);

  /** Exports to a fresh file and returns its text, checking the command returns the output URI. */
  async function exportAs(format: string, extension: string): Promise<string> {
    const out = vscode.Uri.joinPath(uri, '..', `export-${format}-${Date.now()}.${extension}`);
    const result = await run<string>('reportAnnotator.export', { format, uri: uri.toString(), out: out.toString() });
    assert.equal(typeof result, 'string');
    assert.equal(vscode.Uri.parse(result).path, out.path);
    return readText(out);
  }

  it('writes CSV with a header and the annotation quoted per RFC 4180', async () => {
    const csv = await exportAs('csv', 'csv');
    const [header, ...rows] = csv.trimEnd().split(/\r?\n/);
    assert.match(header!, /\bid\b/);
    assert.match(header!, /\bkind\b/);
    const row = rows.find((line) => line.includes(metricId));
    assert.ok(row, `no CSV row for ${metricId}`);
    assert.ok(row.includes(metric.text));
    assert.ok(row.includes('priority'));
    assert.ok(row.includes('""a big jump""'), 'double quotes inside a field are doubled');
  });

  it('writes JSON carrying the annotation', async () => {
    const json = JSON.parse(await exportAs('json', 'json')) as unknown;
    const text = JSON.stringify(json);
    assert.ok(text.includes(metricId));
    assert.ok(text.includes(metric.text));
  });

  it('writes W3C Web Annotations with quote and position selectors, tags and notes', async () => {
    const json = JSON.parse(await exportAs('w3c', 'jsonld')) as unknown;
    const items = (Array.isArray(json) ? json : ((json as { items?: unknown[]; first?: { items?: unknown[] } }).items ?? (json as { first?: { items?: unknown[] } }).first?.items ?? [json])) as Record<string, unknown>[];
    const annotation = items.find((item) => JSON.stringify(item).includes(metric.text));
    assert.ok(annotation, 'no W3C annotation for the metric');
    const flat = JSON.stringify(annotation);
    assert.match(flat, /"TextQuoteSelector"/);
    assert.match(flat, /"TextPositionSelector"/);
    assert.ok(flat.includes(`"start":${metric.start}`) && flat.includes(`"end":${metric.end}`));
    assert.match(flat, /"tagging"/);
    assert.match(flat, /"commenting"/);
  });

  it('writes brat standoff with code-point offsets', async () => {
    const ann = await exportAs('brat', 'ann');
    const line = ann.split('\n').find((l) => /^T\d+\t/.test(l) && l.endsWith(`\t${metric.text}`));
    assert.ok(line, `no text-bound line for the metric in:\n${ann}`);
    assert.match(line, new RegExp(`\\t\\S+ ${metric.start} ${metric.end}\\t`));
  });

  it('changes nothing when the format prompt is dismissed', async () => {
    let settled = false;
    const pending = Promise.resolve(run('reportAnnotator.export', { uri: uri.toString() })).finally(() => (settled = true));
    for (let attempt = 0; attempt < 200 && !settled; attempt++) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, 50))]);
    }
    assert.equal(await pending, undefined);
  });
});
