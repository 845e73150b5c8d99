import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, copyFixtureReport, findDetection, fixtureUri, getApi, idsFrom, openReport, run, waitFor, type ReportAnnotatorApi } from './helpers';

/** One row of the Annotations view with the text a user sees and what clicking it does. */
interface Row {
  readonly depth: number;
  /** The label of the top-level row it sits under (its own for a top-level row). */
  readonly root: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly item: vscode.TreeItem;
}

function labelOf(item: vscode.TreeItem): string {
  const label = item.label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

function textOf(value: string | vscode.MarkdownString | undefined | boolean): string {
  if (value === undefined || typeof value === 'boolean') return '';
  return typeof value === 'string' ? value : value.value;
}

/** Every row of the view, depth first, expanding every node (bounded depth: the view is file > kind/tag > annotation). */
async function allRows(provider: vscode.TreeDataProvider<unknown>): Promise<Row[]> {
  const rows: Row[] = [];
  async function visit(element: unknown, depth: number, root: string): Promise<void> {
    const children = (await provider.getChildren(element)) ?? [];
    for (const child of children) {
      const item = await provider.getTreeItem(child);
      const label = labelOf(item);
      const description = textOf(item.description);
      const under = depth === 0 ? `${label} ${description}` : root;
      rows.push({ depth, root: under, label, description, tooltip: textOf(item.tooltip), item });
      if (depth < 5 && item.collapsibleState !== vscode.TreeItemCollapsibleState.None && item.collapsibleState !== undefined) await visit(child, depth + 1, under);
    }
  }
  await visit(undefined, 0, '');
  return rows;
}

describe('extension: the Annotations view', () => {
  let api: ReportAnnotatorApi;
  before(async () => {
    api = await getApi();
  });
  afterEach(closeAllEditors);

  it('lists an accepted annotation under its file, with counts', async () => {
    const uri = await copyFixtureReport('reports/monitoring-letter.txt');
    await openReport(api, uri);
    const metric = findDetection(api, uri, 'metric', '92');
    const [id] = idsFrom(await run('reportAnnotator.accept', { uri: uri.toString(), start: metric.start, end: metric.end }));
    await run('reportAnnotator.tag', { uri: uri.toString(), id, tags: ['view-check'] });
    const fileName = uri.path.split('/').pop()!;
    const rows = await waitFor(api, 'the annotation and its tag in the view', async () => {
      const found = await allRows(api.annotationsView);
      const listed = found.some((row) => row.depth === 0 && `${row.label} ${row.description}`.includes(fileName));
      return listed && found.some((row) => row.root.includes(fileName) && row.label.includes('view-check')) && found;
    });
    assert.ok(rows.some((row) => row.root.includes(fileName) && row.depth > 0 && `${row.label} ${row.description}`.includes(metric.text)), 'the annotation is listed under its file');
    const fileRow = rows.find((row) => row.depth === 0 && `${row.label} ${row.description}`.includes(fileName));
    assert.ok(fileRow, `no row for ${fileName}; rows: ${JSON.stringify(rows.map((r) => r.label))}`);
    assert.match(`${fileRow.label} ${fileRow.description}`, /\d/, 'the file row shows a count');
  });

  it('reveals the annotation’s text when a row is clicked', async () => {
    const uri = await copyFixtureReport('reports/press-release.txt');
    await openReport(api, uri);
    const metric = findDetection(api, uri, 'metric', '35');
    await run('reportAnnotator.accept', { uri: uri.toString(), start: metric.start, end: metric.end });
    // Other tests annotate copies of the same report: pick the row whose command names this one.
    const row = await waitFor(api, 'the annotation row', async () =>
      (await allRows(api.annotationsView)).find((r) => r.item.command && `${r.label} ${r.description}`.includes(metric.text) && JSON.stringify(r.item.command.arguments ?? []).includes(uri.toString())),
    );
    await closeAllEditors();
    const command = row.item.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor(api, 'the report to open', () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor);
    assert.equal(editor.document.getText(editor.selection), metric.text);
  });

  it('lists only the files with a tag while filtered by reportAnnotator.filterByTag {tag}', async () => {
    const uri = await copyFixtureReport('reports/press-release.txt');
    await openReport(api, uri);
    const [id] = idsFrom(await run('reportAnnotator.acceptAll', { uri: uri.toString(), kind: 'metric' }));
    await run('reportAnnotator.tag', { uri: uri.toString(), id, tags: ['only-this'] });
    const other = await copyFixtureReport('reports/press-release.txt');
    await openReport(api, other);
    await run('reportAnnotator.acceptAll', { uri: other.toString(), kind: 'metric' });
    const fileName = (report: vscode.Uri) => report.path.split('/').pop()!;
    const listed = (rows: Row[], report: vscode.Uri) => rows.some((row) => `${row.label} ${row.description}`.includes(fileName(report)));
    await waitFor(api, 'both files in the view', async () => {
      const rows = await allRows(api.annotationsView);
      return listed(rows, uri) && listed(rows, other);
    });
    assert.equal(await vscode.commands.executeCommand('reportAnnotator.filterByTag', { tag: 'only-this' }), 'only-this');
    try {
      const rows = await waitFor(api, 'the filtered view', async () => {
        const found = await allRows(api.annotationsView);
        return !listed(found, other) && found;
      });
      assert.ok(listed(rows, uri), 'the file with the tag is still listed');
    } finally {
      await vscode.commands.executeCommand('reportAnnotator.clearTagFilter');
    }
    await waitFor(api, 'the unfiltered view', async () => listed(await allRows(api.annotationsView), other));
  });

  it('marks an orphaned annotation', async () => {
    await openReport(api, fixtureUri('broken/orphaned.txt'));
    const row = await waitFor(api, 'the orphaned annotation in the view', async () => (await allRows(api.annotationsView)).find((r) => `${r.label} ${r.description} ${r.tooltip}`.includes('We will reopen the library')));
    const marks = `${row.label} ${row.description} ${row.tooltip} ${row.item.contextValue ?? ''} ${JSON.stringify(row.item.iconPath ?? '')}`;
    assert.match(marks, /orphan|warning/i);
  });
});
