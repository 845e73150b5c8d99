import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, copyFixtureReport, createReport, decoratedTexts, detectionsOf, findDetection, getApi, idsFrom, openReport, rangeOf, run, setSetting, waitFor, type ReportAnnotatorApi } from './helpers';

describe('extension: decorations', () => {
  let api: ReportAnnotatorApi;
  before(async () => {
    api = await getApi();
  });
  afterEach(closeAllEditors);

  describe('decorationsFor', () => {
    it('draws every detection in the style of its kind, over exactly its text', async () => {
      const uri = await copyFixtureReport('reports/monitoring-letter.txt');
      const editor = await openReport(api, uri);
      for (const kind of ['metric', 'quote', 'recommendation'] as const) {
        const expected = detectionsOf(api, uri).filter((d) => d.kind === kind).map((d) => d.text).sort();
        assert.ok(expected.length > 0, `the fixture has a ${kind}`);
        assert.deepEqual(decoratedTexts(api, editor.document, kind).sort(), expected, `${kind} highlights`);
      }
    });

    it('places highlights by code points, so text after an emoji is covered exactly', async () => {
      const text = '🏫📊 Report card 🙂\n\nAttendance rose to 92 per cent 👍, compared with 85 per cent last year.\n\n“We are proud of our pupils 🎉,” said head teacher Sam Reid.\n';
      const uri = await createReport(text, 'emoji');
      const editor = await openReport(api, uri);
      const metric = findDetection(api, uri, 'metric', '92');
      assert.equal(metric.text, editor.document.getText(rangeOf(editor.document, metric)));
      assert.ok(decoratedTexts(api, editor.document, 'metric').includes(metric.text), JSON.stringify(decoratedTexts(api, editor.document, 'metric')));
      const quote = findDetection(api, uri, 'quote', 'proud');
      assert.ok(decoratedTexts(api, editor.document, 'quote').includes(quote.text));
    });

    it('fires onDidUpdateDecorations for the report when it is opened', async () => {
      const uri = await copyFixtureReport('reports/press-release.txt');
      const fired = new Promise<{ uri: vscode.Uri; durationMs: number }>((resolve) => {
        const listener = api.onDidUpdateDecorations((event) => {
          if (event.uri.toString() === uri.toString()) {
            listener.dispose();
            resolve(event);
          }
        });
      });
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const event = await fired;
      assert.ok(event.durationMs >= 0);
    });

    it('is empty for a report no editor shows', async () => {
      const uri = await copyFixtureReport('reports/press-release.txt');
      await openReport(api, uri);
      await closeAllEditors();
      await waitFor(api, 'the closed report to have no decorations', () => Object.values(api.decorationsFor(uri)).flat().length === 0);
    });
  });

  describe('reportAnnotator.highlight.enabled', () => {
    it('draws nothing when off, and redraws when turned on', async () => {
      const uri = await copyFixtureReport('reports/press-release.txt');
      await openReport(api, uri);
      const restore = await setSetting('reportAnnotator.highlight.enabled', false);
      try {
        await waitFor(api, 'the highlights to go', () => Object.values(api.decorationsFor(uri)).flat().length === 0);
      } finally {
        await restore();
      }
      await waitFor(api, 'the highlights to come back', () => Object.values(api.decorationsFor(uri)).flat().length > 0);
    });
  });

  describe('accepted and custom kinds', () => {
    it('draws each accepted kind in its own accepted style', async () => {
      const uri = await copyFixtureReport('reports/monitoring-letter.txt');
      const editor = await openReport(api, uri);
      await run('reportAnnotator.acceptAll', { uri: uri.toString() });
      for (const kind of ['metric', 'quote', 'recommendation'] as const) {
        const expected = detectionsOf(api, uri).filter((d) => d.kind === kind).map((d) => d.text).sort();
        await waitFor(api, `the accepted ${kind} style`, () => decoratedTexts(api, editor.document, `${kind}.accepted`).length === expected.length);
        assert.deepEqual(decoratedTexts(api, editor.document, `${kind}.accepted`).sort(), expected);
        assert.deepEqual(decoratedTexts(api, editor.document, kind), [], `no ${kind} is drawn as merely detected once accepted`);
      }
    });

    it('draws a user-defined kind in the custom style', async () => {
      const uri = await copyFixtureReport('reports/press-release.txt');
      const editor = await openReport(api, uri);
      const [id] = idsFrom(await run('reportAnnotator.annotateSelection', { uri: uri.toString(), kind: 'place', start: 0, end: 7 }));
      assert.ok(id);
      await waitFor(api, 'the custom style', () => decoratedTexts(api, editor.document, 'custom.accepted').includes('Council'));
    });
  });
});
