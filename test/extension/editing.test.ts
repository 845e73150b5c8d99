import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codePointLength } from '../../src/core/text/code-points';
import {
  annotationById,
  closeAllEditors,
  copyFixtureReport,
  createReport,
  decoratedTexts,
  findDetection,
  getApi,
  idsFrom,
  openReport,
  readAnnotations,
  readText,
  run,
  setSetting,
  waitFor,
  type ReportAnnotatorApi,
} from './helpers';

describe('extension: editing a report', () => {
  let api: ReportAnnotatorApi;
  before(async () => {
    api = await getApi();
  });
  afterEach(closeAllEditors);

  describe('re-anchoring', () => {
    it('moves an accepted annotation with the text typed before it, on screen and in the sidecar', async () => {
      const uri = await copyFixtureReport('reports/monitoring-letter.txt');
      const editor = await openReport(api, uri);
      const metric = findDetection(api, uri, 'metric', '92');
      const [id] = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: metric.start, end: metric.end }));
      const lineBefore = editor.document.positionAt(editor.document.getText().indexOf(metric.text)).line;
      const inserted = 'A paragraph added later, with an emoji 📌.\n\n';
      assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), inserted)));
      await waitFor(api, 'the accepted highlight to follow the text', () => {
        const ranges = api.decorationsFor(uri)['metric.accepted'] ?? [];
        return ranges.some((range) => editor.document.getText(range) === metric.text && range.start.line === lineBefore + 2);
      });
      assert.ok(await editor.document.save());
      const annotation = await waitFor(api, 'the sidecar to be re-anchored', async () => {
        const found = annotationById(await readAnnotations(api, uri), id!);
        return found.start !== metric.start && found;
      });
      assert.equal(annotation.start, metric.start + codePointLength(inserted));
      const onDisk = [...(await readText(uri))].slice(annotation.start, annotation.end).join('');
      assert.equal(onDisk, metric.text);
    });

    it('re-detects the paragraph an edit touched', async () => {
      const uri = await copyFixtureReport('reports/press-release.txt');
      const editor = await openReport(api, uri);
      const text = editor.document.getText();
      const at = editor.document.positionAt(text.indexOf(' so far.') + ' so far'.length);
      assert.ok(await editor.edit((edit) => edit.insert(at, ', up from 12 per cent')));
      await waitFor(api, 'the new metric', () => api.detectionsFor(uri)?.some((d) => d.kind === 'metric' && d.text.includes('12 per cent')));
      await waitFor(api, 'its highlight', () => decoratedTexts(api, editor.document, 'metric').some((t) => t.includes('12 per cent')));
    });

    it('orphans an annotation whose text was deleted, never moving it to other text', async () => {
      const uri = await copyFixtureReport('reports/monitoring-letter.txt');
      const editor = await openReport(api, uri);
      const quote = findDetection(api, uri, 'quote', 'listened to');
      const [id] = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: quote.start, end: quote.end }));
      const paragraph = editor.document.lineAt(editor.document.positionAt(editor.document.getText().indexOf('Young people told us')).line);
      assert.ok(await editor.edit((edit) => edit.delete(paragraph.rangeIncludingLineBreak)));
      assert.ok(await editor.document.save());
      const annotation = await waitFor(api, 'the annotation to be orphaned', async () => {
        const found = annotationById(await readAnnotations(api, uri), id!);
        return found.orphaned === true && found;
      });
      assert.equal(annotation.text, quote.text, 'the orphan keeps its text');
    });
  });

  describe('reportAnnotator.maxFileSizeMB', () => {
    it('detects nothing in a report over the limit, and still detects in a small one', async () => {
      const restore = await setSetting('reportAnnotator.maxFileSizeMB', 0.01);
      try {
        const paragraph = 'In March, 92 per cent of pupils attended, compared with 88 per cent a year before.\n\n';
        const large = await createReport(paragraph.repeat(200), 'large');
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(large));
        await api.whenIdle();
        assert.equal(api.detectionsFor(large), undefined);
        assert.deepEqual(Object.values(api.decorationsFor(large)).flat(), []);
        const small = await createReport(paragraph, 'small');
        await openReport(api, small);
        assert.ok(api.detectionsFor(small)!.length > 0);
      } finally {
        await restore();
      }
    });
  });
});
