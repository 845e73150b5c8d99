import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, copyFixtureReport, findDetection, getApi, idsFrom, openReport, rangeOf, run, type ReportAnnotatorApi } from './helpers';

/** The markdown of every hover at the middle of `span`. */
async function hoverText(document: vscode.TextDocument, span: { start: number; end: number }): Promise<string> {
  const range = rangeOf(document, span);
  const middle = document.positionAt(Math.floor((document.offsetAt(range.start) + document.offsetAt(range.end)) / 2));
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, middle);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/&nbsp;/g, ' ');
}

describe('extension: hovers', () => {
  let api: ReportAnnotatorApi;
  before(async () => {
    api = await getApi();
  });
  afterEach(closeAllEditors);

  it('shows a metric’s value, its comparison and the change', async () => {
    const uri = await copyFixtureReport('reports/monitoring-letter.txt');
    const editor = await openReport(api, uri);
    const metric = findDetection(api, uri, 'metric', '92');
    const text = await hoverText(editor.document, metric);
    assert.match(text, /92/);
    assert.match(text, /64/, 'the comparison');
    assert.match(text, /\+28\s*percentage points?/, 'the change');
    assert.match(text, /February 2025/, 'the period');
  });

  it('carries Accept, Tag, Add note and Reject command links', async () => {
    const uri = await copyFixtureReport('reports/monitoring-letter.txt');
    const editor = await openReport(api, uri);
    const text = await hoverText(editor.document, findDetection(api, uri, 'metric', '92'));
    for (const command of ['accept', 'tag', 'addNote', 'reject']) assert.match(text, new RegExp(`\\(command:reportAnnotator\\.${command}\\b`), `a link to ${command}`);
  });

  it('names a quote’s speaker and how the attribution was found', async () => {
    const uri = await copyFixtureReport('reports/monitoring-letter.txt');
    const editor = await openReport(api, uri);
    const text = await hoverText(editor.document, findDetection(api, uri, 'quote', 'listened to'));
    assert.match(text, /Priya Natarajan/);
    assert.match(text, /after/i, 'the attribution follows the quote');
  });

  it('shows an annotation’s tags and note', async () => {
    const uri = await copyFixtureReport('reports/monitoring-letter.txt');
    const editor = await openReport(api, uri);
    const recommendation = findDetection(api, uri, 'recommendation', 'pathway plans');
    const [annotationId] = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: recommendation.start, end: recommendation.end }));
    await run('reportAnnotator.tag', { uri: uri.toString(), id: annotationId, tags: ['safeguarding'] });
    await run('reportAnnotator.addNote', { uri: uri.toString(), id: annotationId, note: 'Raise at the next panel.' });
    await api.whenIdle();
    const text = await hoverText(editor.document, recommendation);
    assert.match(text, /safeguarding/);
    assert.match(text, /Raise at the next panel\./);
  });

  it('shows nothing away from any detection', async () => {
    const uri = await copyFixtureReport('reports/monitoring-letter.txt');
    const editor = await openReport(api, uri);
    assert.equal((await hoverText(editor.document, { start: 2, end: 4 })).trim(), '');
  });
});
