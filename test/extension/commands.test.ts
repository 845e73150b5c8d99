import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  annotationById,
  closeAllEditors,
  copyFixtureReport,
  decoratedTexts,
  detectionsOf,
  findDetection,
  getApi,
  idsFrom,
  openReport,
  placeCursor,
  readAnnotations,
  readText,
  run,
  selectSpan,
  codePointOffsetOf,
  waitFor,
  type ReportAnnotatorApi,
} from './helpers';

const letter = 'reports/monitoring-letter.txt';
const pressRelease = 'reports/press-release.txt';

/** Selects the first entry of an open QuickPick, retrying until the command's prompt has appeared. */
async function answerQuickPick<T>(pending: Thenable<T>, toggleFirst: boolean): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => (settled = true));
  for (let attempt = 0; attempt < 200 && !settled; attempt++) {
    if (toggleFirst) {
      // A multi-select pick opens with the focus in its filter box: move to the first row, then check it.
      await vscode.commands.executeCommand('quickInput.first');
      await vscode.commands.executeCommand('workbench.action.quickPickManyToggle');
    }
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([result, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  return result;
}

/** Dismisses the prompt a command opened (QuickPick or InputBox), retrying until it has appeared. */
async function cancelPrompt<T>(pending: Thenable<T>): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => (settled = true));
  for (let attempt = 0; attempt < 200 && !settled; attempt++) {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await Promise.race([result, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  return result;
}

describe('extension: commands', () => {
  let api: ReportAnnotatorApi;
  before(async () => {
    api = await getApi();
  });
  afterEach(closeAllEditors);

  describe('reportAnnotator.accept', () => {
    it('accepts the detection at {uri, start, end} with its attributes', async () => {
      const uri = await copyFixtureReport(letter);
      await openReport(api, uri);
      const metric = findDetection(api, uri, 'metric', '92');
      const ids = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: metric.start, end: metric.end }));
      assert.equal(ids.length, 1);
      const annotation = annotationById(await readAnnotations(api, uri), ids[0]!);
      assert.equal(annotation.kind, 'metric');
      assert.equal(annotation.status, 'accepted');
      assert.equal(annotation.start, metric.start);
      assert.equal(annotation.end, metric.end);
      assert.equal(annotation.text, metric.text);
      assert.equal(annotation.author, 'Test Analyst');
      if (metric.kind === 'metric') assert.equal(annotation.value, metric.value);
    });

    it('accepts the detection under the cursor when given no argument', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      const quote = findDetection(api, uri, 'quote', 'clear understanding');
      placeCursor(editor, quote.start + 3);
      const ids = idsFrom(await run('reportAnnotator.accept'));
      const annotation = annotationById(await readAnnotations(api, uri), ids[0]!);
      assert.equal(annotation.kind, 'quote');
      assert.equal(annotation.text, quote.text);
      if (quote.kind === 'quote') assert.equal(annotation.speaker, quote.speaker);
    });

    it('draws an accepted annotation in the accepted style, not the detected one', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      const metric = findDetection(api, uri, 'metric', '92');
      await run('reportAnnotator.accept', { uri: uri.toString(), start: metric.start, end: metric.end });
      await waitFor(api, 'the accepted decoration', () => decoratedTexts(api, editor.document, 'metric.accepted').includes(metric.text));
      assert.ok(!decoratedTexts(api, editor.document, 'metric').includes(metric.text));
    });

    it('accepts a rejected annotation again by {uri, id}', async () => {
      const uri = await copyFixtureReport(letter);
      await openReport(api, uri);
      const metric = findDetection(api, uri, 'metric', '64');
      const [id] = idsFrom(await run('reportAnnotator.reject', { uri: uri.toString(), start: metric.start, end: metric.end }));
      await run('reportAnnotator.accept', { uri: uri.toString(), id });
      assert.equal(annotationById(await readAnnotations(api, uri), id!).status, 'accepted');
    });
  });

  describe('reportAnnotator.acceptAll', () => {
    it('accepts every detection of {kind} and nothing else', async () => {
      const uri = await copyFixtureReport(letter);
      await openReport(api, uri);
      const quotes = detectionsOf(api, uri).filter((d) => d.kind === 'quote');
      assert.ok(quotes.length >= 2, 'the fixture has two quotes');
      const ids = idsFrom(await run('reportAnnotator.acceptAll', { uri: uri.toString(), kind: 'quote' }));
      assert.equal(ids.length, quotes.length);
      const annotations = await readAnnotations(api, uri);
      assert.deepEqual(annotations.map((a) => a.kind).sort(), quotes.map(() => 'quote'));
      assert.deepEqual(annotations.map((a) => a.text).sort(), quotes.map((q) => q.text).sort());
    });

    it('accepts every detection when given no kind, skipping rejected ones', async () => {
      const uri = await copyFixtureReport(pressRelease);
      await openReport(api, uri);
      const detections = detectionsOf(api, uri);
      const rejected = detections[0]!;
      const [rejectedId] = idsFrom(await run('reportAnnotator.reject', { uri: uri.toString(), start: rejected.start, end: rejected.end }));
      const ids = idsFrom(await run('reportAnnotator.acceptAll', { uri: uri.toString() }));
      assert.equal(ids.length, detections.length - 1);
      const annotations = await readAnnotations(api, uri);
      assert.equal(annotations.filter((a) => a.status === 'accepted').length, detections.length - 1);
      assert.equal(annotationById(annotations, rejectedId!).status, 'rejected');
    });

    it('acts on the active editor when given no argument', async () => {
      const uri = await copyFixtureReport(pressRelease);
      await openReport(api, uri);
      const count = detectionsOf(api, uri).length;
      await run('reportAnnotator.acceptAll');
      assert.equal((await readAnnotations(api, uri)).length, count);
    });
  });

  describe('reportAnnotator.reject', () => {
    it('stores a rejected annotation and hides the detection', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      const metric = findDetection(api, uri, 'metric', '92');
      assert.ok(decoratedTexts(api, editor.document, 'metric').includes(metric.text), 'the metric is highlighted before');
      const [id] = idsFrom(await run('reportAnnotator.reject', { uri: uri.toString(), start: metric.start, end: metric.end }));
      const annotation = annotationById(await readAnnotations(api, uri), id!);
      assert.equal(annotation.status, 'rejected');
      assert.equal(annotation.text, metric.text);
      await waitFor(api, 'the rejected metric to disappear', () => !decoratedTexts(api, editor.document, 'metric').includes(metric.text));
    });

    it('rejects an accepted annotation by {uri, id}', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      const metric = findDetection(api, uri, 'metric', '£4.2m');
      const [id] = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: metric.start, end: metric.end }));
      assert.deepEqual(idsFrom(await run('reportAnnotator.reject', { uri: uri.toString(), id })), [id]);
      assert.equal(annotationById(await readAnnotations(api, uri), id!).status, 'rejected');
      await waitFor(api, 'the rejected annotation to disappear', () => !decoratedTexts(api, editor.document, 'metric.accepted').includes(metric.text));
      assert.ok(!decoratedTexts(api, editor.document, 'metric').includes(metric.text));
    });

    it('keeps the detection hidden after the report is closed, changed on disk and reopened', async () => {
      const uri = await copyFixtureReport(letter);
      await openReport(api, uri);
      const quote = findDetection(api, uri, 'quote', 'listened to');
      placeCursor(vscode.window.activeTextEditor!, quote.start + 1);
      await run('reportAnnotator.reject');
      await api.whenIdle();
      await closeAllEditors();
      const text = await readText(uri);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`Added on top.\n\n${text}`));
      const editor = await openReport(api, uri);
      await waitFor(api, 'the reopened report to show the new text', () => editor.document.getText().startsWith('Added on top.'));
      assert.ok(detectionsOf(api, uri).length > 0, 'the reopened report has detections');
      assert.ok(!decoratedTexts(api, editor.document, 'quote').includes(quote.text), 'the rejected quote came back');
      const annotations = await readAnnotations(api, uri);
      assert.equal(annotations.length, 1);
      assert.equal(annotations[0]!.status, 'rejected');
    });
  });

  describe('reportAnnotator.annotateSelection', () => {
    it('annotates {start, end} with a user-defined {kind}', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      const text = editor.document.getText();
      const start = codePointOffsetOf(text, 'second monitoring visit');
      const end = start + 'second monitoring visit'.length;
      const [id] = idsFrom(await run('reportAnnotator.annotateSelection', { uri: uri.toString(), kind: 'context', start, end }));
      const annotation = annotationById(await readAnnotations(api, uri), id!);
      assert.equal(annotation.kind, 'context');
      assert.equal(annotation.status, 'accepted');
      assert.equal(annotation.text, 'second monitoring visit');
      assert.equal(annotation.start, start);
      await waitFor(api, 'the custom-kind decoration', () => decoratedTexts(api, editor.document, 'custom.accepted').includes('second monitoring visit'));
    });

    it('annotates the selection with {kind} when given no span', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      const start = codePointOffsetOf(editor.document.getText(), 'caseloads have fallen');
      selectSpan(editor, { start, end: start + 'caseloads have fallen'.length });
      const [id] = idsFrom(await run('reportAnnotator.annotateSelection', { kind: 'recommendation' }));
      const annotation = annotationById(await readAnnotations(api, uri), id!);
      assert.equal(annotation.kind, 'recommendation');
      assert.equal(annotation.text, 'caseloads have fallen');
    });

    it('asks for the kind with a QuickPick when given none', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      const start = codePointOffsetOf(editor.document.getText(), 'Westbrook');
      selectSpan(editor, { start, end: start + 'Westbrook'.length });
      const ids = idsFrom(await answerQuickPick(run('reportAnnotator.annotateSelection'), false));
      assert.equal(ids.length, 1);
      const annotation = annotationById(await readAnnotations(api, uri), ids[0]!);
      assert.equal(annotation.text, 'Westbrook');
      assert.ok(annotation.kind.length > 0);
    });

    it('returns undefined and changes nothing when nothing is selected and no span is given', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      placeCursor(editor, 5);
      assert.equal(await run('reportAnnotator.annotateSelection', { kind: 'context' }), undefined);
      assert.deepEqual(await readAnnotations(api, uri), []);
    });

    it('changes nothing when the QuickPick is dismissed', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      const start = codePointOffsetOf(editor.document.getText(), 'Westbrook');
      selectSpan(editor, { start, end: start + 'Westbrook'.length });
      const result = await cancelPrompt(run('reportAnnotator.annotateSelection'));
      assert.deepEqual(idsFrom(result), []);
      assert.deepEqual(await readAnnotations(api, uri), []);
    });
  });

  describe('reportAnnotator.tag', () => {
    it('applies {tags} to an annotation by {uri, id} without asking', async () => {
      const uri = await copyFixtureReport(letter);
      await openReport(api, uri);
      const metric = findDetection(api, uri, 'metric', '92');
      const [id] = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: metric.start, end: metric.end }));
      await run('reportAnnotator.tag', { uri: uri.toString(), id, tags: ['priority', 'care leavers'] });
      assert.deepEqual([...annotationById(await readAnnotations(api, uri), id!).tags].sort(), ['care leavers', 'priority']);
    });

    it('accepts the detection under the cursor first when it is not yet annotated', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      const recommendation = findDetection(api, uri, 'recommendation', 'pathway plans');
      placeCursor(editor, recommendation.start + 5);
      const [id] = idsFrom(await run('reportAnnotator.tag', { tags: ['follow-up'] }));
      const annotation = annotationById(await readAnnotations(api, uri), id!);
      assert.equal(annotation.status, 'accepted');
      assert.equal(annotation.kind, 'recommendation');
      assert.deepEqual(annotation.tags, ['follow-up']);
    });

    it('offers the tag vocabulary in a multi-select QuickPick when given no tags', async () => {
      const uri = await copyFixtureReport(letter);
      await openReport(api, uri);
      const metric = findDetection(api, uri, 'metric', '92');
      const [id] = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: metric.start, end: metric.end }));
      // A pick that has just opened ignores the first keyboard commands, and accepting it then
      // picks nothing (which leaves the tags as they were): retry a few times until a tag is checked.
      let tags: readonly string[] = [];
      for (let attempt = 0; attempt < 5 && tags.length === 0; attempt++) {
        await answerQuickPick(run('reportAnnotator.tag', { uri: uri.toString(), id }), true);
        tags = annotationById(await readAnnotations(api, uri), id!).tags;
      }
      // The vocabulary setting comes first in the pick.
      assert.deepEqual(tags, ['priority']);
    });
  });

  describe('reportAnnotator.addNote', () => {
    it('stores a multi-line {note}', async () => {
      const uri = await copyFixtureReport(letter);
      await openReport(api, uri);
      const metric = findDetection(api, uri, 'metric', '92');
      const [id] = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: metric.start, end: metric.end }));
      const note = 'Check against the 2024 letter.\nAsk the council for the raw figures.';
      await run('reportAnnotator.addNote', { uri: uri.toString(), id, note });
      assert.equal(annotationById(await readAnnotations(api, uri), id!).note, note);
    });

    it('changes nothing when the InputBox is dismissed', async () => {
      const uri = await copyFixtureReport(letter);
      await openReport(api, uri);
      const metric = findDetection(api, uri, 'metric', '92');
      const [id] = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: metric.start, end: metric.end }));
      await cancelPrompt(run('reportAnnotator.addNote', { uri: uri.toString(), id }));
      assert.equal(annotationById(await readAnnotations(api, uri), id!).note, '');
    });
  });

  describe('reportAnnotator.remove', () => {
    it('removes the annotation {id} and shows the detection again', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      const metric = findDetection(api, uri, 'metric', '92');
      const [id] = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: metric.start, end: metric.end }));
      const removed = idsFrom(await run('reportAnnotator.remove', { uri: uri.toString(), id }));
      assert.deepEqual(removed, [id]);
      assert.deepEqual(await readAnnotations(api, uri), []);
      await waitFor(api, 'the detected style to come back', () => decoratedTexts(api, editor.document, 'metric').includes(metric.text));
      assert.ok(!decoratedTexts(api, editor.document, 'metric.accepted').includes(metric.text));
    });

    it('removes the annotation under the cursor when given no argument', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      const quote = findDetection(api, uri, 'quote', 'clear understanding');
      const [id] = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: quote.start, end: quote.end }));
      placeCursor(editor, quote.start + 2);
      assert.deepEqual(idsFrom(await run('reportAnnotator.remove')), [id]);
      assert.deepEqual(await readAnnotations(api, uri), []);
    });
  });

  describe('reportAnnotator.next / reportAnnotator.previous', () => {
    it('moves through the detections in document order', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      const starts = [...new Set(detectionsOf(api, uri).map((d) => d.start))].sort((a, b) => a - b);
      placeCursor(editor, 0);
      const offsetOfSelection = () => editor.document.offsetAt(editor.selection.start);
      await run('reportAnnotator.next');
      assert.equal(offsetOfSelection(), starts[0]);
      await run('reportAnnotator.next');
      assert.equal(offsetOfSelection(), starts[1]);
      await run('reportAnnotator.previous');
      assert.equal(offsetOfSelection(), starts[0]);
    });

    it('selects the item it moves to and reveals it', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      const recommendation = detectionsOf(api, uri).filter((d) => d.kind === 'recommendation').at(-1)!;
      placeCursor(editor, editor.document.getText().length);
      await run('reportAnnotator.previous', { kind: 'recommendation' });
      assert.equal(editor.document.getText(editor.selection), recommendation.text);
      assert.ok(editor.visibleRanges.some((range) => range.contains(editor.selection)));
    });

    it('skips to the next detection of {kind}', async () => {
      const uri = await copyFixtureReport(letter);
      const editor = await openReport(api, uri);
      const quotes = detectionsOf(api, uri).filter((d) => d.kind === 'quote');
      placeCursor(editor, 0);
      await run('reportAnnotator.next', { kind: 'quote' });
      assert.equal(editor.document.offsetAt(editor.selection.start), quotes[0]!.start);
      await run('reportAnnotator.next', { kind: 'quote' });
      assert.equal(editor.document.offsetAt(editor.selection.start), quotes[1]!.start);
      await run('reportAnnotator.previous', { kind: 'quote' });
      assert.equal(editor.document.offsetAt(editor.selection.start), quotes[0]!.start);
    });
  });

  describe('reportAnnotator.toggleHighlights', () => {
    it('turns the highlights of {uri} off and on again', async () => {
      const uri = await copyFixtureReport(letter);
      await openReport(api, uri);
      const drawn = () => Object.values(api.decorationsFor(uri)).flat().length;
      assert.ok(drawn() > 0, 'highlights are drawn at first');
      assert.equal(await run('reportAnnotator.toggleHighlights', { uri: uri.toString() }), false);
      await waitFor(api, 'the highlights to go', () => drawn() === 0);
      assert.equal(await run('reportAnnotator.toggleHighlights', { uri: uri.toString() }), true);
      await waitFor(api, 'the highlights to come back', () => drawn() > 0);
    });

    it('acts on the active editor when given no argument, leaving other reports alone', async () => {
      const other = await copyFixtureReport(pressRelease);
      await openReport(api, other, vscode.ViewColumn.Two);
      const uri = await copyFixtureReport(letter);
      await openReport(api, uri, vscode.ViewColumn.One);
      await run('reportAnnotator.toggleHighlights');
      await waitFor(api, 'the highlights to go', () => Object.values(api.decorationsFor(uri)).flat().length === 0);
      assert.ok(Object.values(api.decorationsFor(other)).flat().length > 0, 'the other report lost its highlights');
      await run('reportAnnotator.toggleHighlights');
    });
  });

  describe('reportAnnotator.openSample', () => {
    it('opens a writable copy of the bundled sample, highlighted, and keeps annotations on it', async () => {
      const opened = await run<string>('reportAnnotator.openSample');
      const uri = vscode.Uri.parse(opened);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
      assert.ok(!uri.toString().includes('/walkthrough/'), 'the copy is outside the extension folder');
      await api.whenIdle();
      const metric = findDetection(api, uri, 'metric', '88 per cent');
      const id = idsFrom(await run('reportAnnotator.accept', { uri: opened, start: metric.start, end: metric.end }))[0] as string;
      await closeAllEditors();
      // A second call opens the same copy, annotations and all, instead of a fresh one.
      assert.equal(await run<string>('reportAnnotator.openSample'), opened);
      await api.whenIdle();
      assert.equal(annotationById(await readAnnotations(api, uri), id).text, '88 per cent');
    });
  });

  describe('reportAnnotator.openSidecar', () => {
    it('opens the sidecar of {uri} beside the report', async () => {
      const uri = await copyFixtureReport(letter);
      await openReport(api, uri);
      await run('reportAnnotator.acceptAll', { uri: uri.toString(), kind: 'metric' });
      await api.whenIdle();
      const opened = await run<string>('reportAnnotator.openSidecar', { uri: uri.toString() });
      assert.equal(vscode.Uri.parse(opened).path, `${uri.path}.annotations.yaml`);
      const editor = await waitFor(api, 'the sidecar editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path === `${uri.path}.annotations.yaml`));
      assert.equal(editor.viewColumn, vscode.ViewColumn.Two);
      assert.match(editor.document.getText(), /annotations:/);
    });

    it('opens the sidecar of the active report when given no argument', async () => {
      const uri = await copyFixtureReport(pressRelease);
      await openReport(api, uri);
      await run('reportAnnotator.acceptAll');
      await api.whenIdle();
      await run('reportAnnotator.openSidecar');
      await waitFor(api, 'the sidecar editor', () => vscode.window.visibleTextEditors.some((e) => e.document.uri.path === `${uri.path}.annotations.yaml`));
    });
  });

  describe('reportAnnotator.undo / reportAnnotator.redo', () => {
    it('undoes and redoes the last annotation change', async () => {
      const uri = await copyFixtureReport(letter);
      await openReport(api, uri);
      const metric = findDetection(api, uri, 'metric', '92');
      const [id] = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: metric.start, end: metric.end }));
      await run('reportAnnotator.tag', { uri: uri.toString(), id, tags: ['priority'] });
      assert.deepEqual(idsFrom(await run('reportAnnotator.undo')), [id]);
      assert.deepEqual(annotationById(await readAnnotations(api, uri), id!).tags, []);
      await run('reportAnnotator.undo');
      assert.deepEqual(await readAnnotations(api, uri), []);
      await run('reportAnnotator.redo');
      assert.equal(annotationById(await readAnnotations(api, uri), id!).status, 'accepted');
      await run('reportAnnotator.redo');
      assert.deepEqual(annotationById(await readAnnotations(api, uri), id!).tags, ['priority']);
    });

    it('brings back a removed annotation with its tags and note', async () => {
      const uri = await copyFixtureReport(letter);
      await openReport(api, uri);
      const quote = findDetection(api, uri, 'quote', 'clear understanding');
      const [id] = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: quote.start, end: quote.end }));
      await run('reportAnnotator.addNote', { uri: uri.toString(), id, note: 'Key quote.' });
      await run('reportAnnotator.remove', { uri: uri.toString(), id });
      await run('reportAnnotator.undo', { uri: uri.toString() });
      const annotation = annotationById(await readAnnotations(api, uri), id!);
      assert.equal(annotation.note, 'Key quote.');
      assert.equal(annotation.text, quote.text);
    });
  });
});
