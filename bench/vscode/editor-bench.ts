/**
 * The editor benchmark, run inside a real VS Code's extension host (loaded
 * as `extensionTestsPath` by bench/vscode/run.mjs): how long from opening a
 * large report to its highlights, and from a keystroke to the updated
 * highlights. Every time ends on the extension's `onDidUpdateDecorations`.
 * A plain-text file of the same size outside `reportAnnotator.include` gives
 * the baseline: what opening and typing cost in this workbench without the
 * extension.
 *
 * Results go to the console as one `bench-result {json}` line per
 * measurement, which the runner turns into a table.
 */
import * as vscode from 'vscode';
import type { ReportAnnotatorApi } from '../../src/extension/api';

const extensionId = 'report-annotator.report-annotator';
/** A redraw after a keystroke that does not come within this is counted as missing rather than waited for. */
const keystrokeLimitMs = 10_000;
/** Opening a large report may take long on a slow build; past this it is counted as missing. */
const openLimitMs = 180_000;

/** One measured figure, as the runner reads it. */
interface Result {
  readonly name: string;
  readonly samples: number[];
  /** The extension's own `durationMs` of the redraw, per sample. */
  readonly redrawMs: number[];
  /** For keystrokes: how long `editor.edit` itself took to resolve (the workbench round trip), per sample. */
  readonly editMs?: number[];
  readonly missed: number;
}

/**
 * Resolves with the next redraw of `uri` that follows `action`, or undefined
 * after {@link redrawLimitMs}. The listener is attached before `action` runs,
 * so a redraw that fires during it is not lost.
 */
async function timeUntilRedraw(api: ReportAnnotatorApi, uri: vscode.Uri, limitMs: number, action: () => Thenable<unknown>): Promise<{ ms: number; redrawMs: number; actionMs: number } | undefined> {
  const key = uri.toString();
  let listener: vscode.Disposable | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const redrawn = new Promise<{ redrawMs: number } | undefined>((resolve) => {
    listener = api.onDidUpdateDecorations((event) => {
      if (event.uri.toString() === key) resolve({ redrawMs: event.durationMs });
    });
    timer = setTimeout(() => resolve(undefined), limitMs);
  });
  const started = performance.now();
  await action();
  const actionMs = performance.now() - started;
  const event = await redrawn;
  const ms = performance.now() - started;
  listener?.dispose();
  clearTimeout(timer);
  return event && { ms, redrawMs: event.redrawMs, actionMs };
}

/** Opens `uri` and times it until its first redraw with something drawn. */
async function timeOpen(api: ReportAnnotatorApi, uri: vscode.Uri): Promise<{ ms: number; redrawMs: number } | undefined> {
  return timeUntilRedraw(api, uri, openLimitMs, async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
  });
}

function report(result: Result): void {
  console.log(`bench-result ${JSON.stringify(result)}`);
}

/**
 * Runs the benchmark over the workspace's `bench-*.txt` reports: each one is
 * opened once, cold; then `REPORT_ANNOTATOR_BENCH_KEYSTROKES` (default 200)
 * single-character inserts are typed into the largest.
 */
export async function run(): Promise<void> {
  const api = await vscode.extensions.getExtension<ReportAnnotatorApi>(extensionId)!.activate();
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  const names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).filter((name) => /^bench-.*\.txt$/.test(name));
  const sized = await Promise.all(names.map(async (name) => ({ name, uri: vscode.Uri.joinPath(folder, name), size: (await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, name))).size })));
  sized.sort((a, b) => a.size - b.size || Number(a.name.includes('again')) - Number(b.name.includes('again')));

  for (const file of sized) {
    const timed = await timeOpen(api, file.uri);
    // A second report of the same size is opened after the first: the detector's code is warm by then.
    const label = `open ${(file.size / 1e6).toFixed(1)} MB → highlights${file.name.includes('again') ? ' (again)' : ''}`;
    report({ name: label, samples: timed ? [timed.ms] : [], redrawMs: timed ? [timed.redrawMs] : [], missed: timed ? 0 : 1 });
    await api.whenIdle();
  }

  const largest = sized.filter((file) => !file.name.includes('again')).at(-1);
  if (!largest) throw new Error('no bench-*.txt report in the workspace');
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === largest.uri.toString()) ?? (await vscode.window.showTextDocument(largest.uri, { preview: false }));
  await api.whenIdle();
  // Type at the end of the first paragraph that holds a figure: the visible
  // part of the report, so every keystroke re-detects a paragraph that is drawn.
  const text = editor.document.getText(new vscode.Range(0, 0, Math.min(editor.document.lineCount - 1, 200), 0));
  const sentenceEnd = text.search(/\d[^\n]*\.\n/);
  let offset = sentenceEnd >= 0 ? text.indexOf('.\n', sentenceEnd) : 0;
  const keystrokes = Number(process.env.REPORT_ANNOTATOR_BENCH_KEYSTROKES ?? 200);
  const typed = ' Attendance rose to 93 per cent, compared with 88 per cent, the head said. ';
  const samples: number[] = [];
  const redrawMs: number[] = [];
  const editMs: number[] = [];
  let missed = 0;
  for (let i = 0; i < keystrokes; i++) {
    const position = editor.document.positionAt(offset);
    const character = typed[i % typed.length]!;
    const timed = await timeUntilRedraw(api, largest.uri, keystrokeLimitMs, () => editor.edit((edit) => edit.insert(position, character), { undoStopBefore: false, undoStopAfter: false }));
    offset += 1;
    if (timed) {
      samples.push(timed.ms);
      redrawMs.push(timed.redrawMs);
      editMs.push(timed.actionMs);
    } else {
      missed += 1;
    }
  }
  report({ name: `keystroke → highlights (${(largest.size / 1e6).toFixed(1)} MB)`, samples, redrawMs, editMs, missed });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');

  // The same keystrokes in a file of the same size that is not a report (the extension ignores
  // it): what `editor.edit` costs in this workbench without the extension's work.
  const baseline = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).find((name) => name === 'baseline.txt');
  if (baseline) {
    const uri = vscode.Uri.joinPath(folder, baseline);
    const opening = performance.now();
    const plain = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const openMs = performance.now() - opening;
    const size = (await vscode.workspace.fs.stat(uri)).size;
    report({ name: `open, not a report (${(size / 1e6).toFixed(1)} MB): editor shown`, samples: [openMs], redrawMs: [], missed: 0 });
    const times: number[] = [];
    for (let i = 0; i < Math.min(keystrokes, 100); i++) {
      const position = plain.document.positionAt(offset);
      const started = performance.now();
      await plain.edit((edit) => edit.insert(position, typed[i % typed.length]!), { undoStopBefore: false, undoStopAfter: false });
      times.push(performance.now() - started);
    }
    report({ name: `keystroke, not a report (${(size / 1e6).toFixed(1)} MB)`, samples: times, redrawMs: [], editMs: times, missed: 0 });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
}
