import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseDocument } from 'yaml';
import { closeAllEditors, copyFixtureReport, detectionsOf, fixtureUri, getApi, openReport, readText, run, sidecarUri, waitFor, type ReportAnnotatorApi } from './helpers';

const source = 'Report Annotator';

/** The extension's diagnostics on `uri`. */
function diagnosticsOn(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === source);
}

describe('extension: diagnostics', () => {
  let api: ReportAnnotatorApi;
  before(async () => {
    api = await getApi();
  });
  afterEach(closeAllEditors);

  describe('a malformed sidecar', () => {
    const report = () => fixtureUri('broken/malformed.txt');

    it('is reported as an Error at the line and column of the YAML error', async () => {
      const sidecar = sidecarUri(report());
      const [error] = parseDocument(await readText(sidecar)).errors;
      assert.ok(error?.linePos, 'the fixture is malformed YAML');
      await openReport(api, report());
      const [diagnostic] = await waitFor(api, 'an Error diagnostic on the malformed sidecar', () => {
        const found = diagnosticsOn(sidecar).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
        return found.length > 0 && found;
      });
      assert.equal(diagnostic!.range.start.line, error.linePos[0].line - 1);
      assert.equal(diagnostic!.range.start.character, error.linePos[0].col - 1);
    });

    it('is never overwritten by a command or an edit of the report', async () => {
      const sidecar = sidecarUri(report());
      const before = await vscode.workspace.fs.readFile(sidecar);
      const editor = await openReport(api, report());
      assert.ok(detectionsOf(api, report()).length > 0, 'detection still works on the report');
      await Promise.resolve(run('reportAnnotator.acceptAll', { uri: report().toString() })).catch(() => undefined);
      const first = detectionsOf(api, report())[0]!;
      await Promise.resolve(run('reportAnnotator.reject', { uri: report().toString(), start: first.start, end: first.end })).catch(() => undefined);
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Edited. '));
      await editor.document.save();
      await api.whenIdle();
      assert.deepEqual(await vscode.workspace.fs.readFile(sidecar), before);
    });
  });

  describe('a sidecar fixed on disk', () => {
    it('loses its Error diagnostic once it parses again', async () => {
      const report = await copyFixtureReport('reports/press-release.txt');
      const sidecar = sidecarUri(report);
      const name = report.path.split('/').pop()!;
      const write = (text: string) => vscode.workspace.fs.writeFile(sidecar, new TextEncoder().encode(text));
      await write(`version: 1\nsource: ${name}\nannotations: [\n`);
      await openReport(api, report);
      await waitFor(api, 'the Error diagnostic', () => diagnosticsOn(sidecar).some((d) => d.severity === vscode.DiagnosticSeverity.Error));
      await write(`version: 1\nsource: ${name}\nannotations: []\n`);
      await waitFor(api, 'the Error diagnostic to clear', () => !diagnosticsOn(sidecar).some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    });
  });

  describe('an orphaned annotation', () => {
    const report = () => fixtureUri('broken/orphaned.txt');

    it('is a Warning on the sidecar at the annotation’s entry, and only that one', async () => {
      const sidecar = sidecarUri(report());
      await openReport(api, report());
      const warnings = await waitFor(api, 'a Warning diagnostic on the sidecar', () => {
        const found = diagnosticsOn(sidecar).filter((d) => d.severity === vscode.DiagnosticSeverity.Warning);
        return found.length > 0 && found;
      });
      assert.equal(warnings.length, 1, JSON.stringify(warnings.map((w) => w.message)));
      const lines = (await readText(sidecar)).split('\n');
      const entryStart = lines.findIndex((line) => line.includes('id: lost01'));
      const entryEnd = lines.findIndex((line, index) => index > entryStart && line.trimStart().startsWith('- '));
      const line = warnings[0]!.range.start.line;
      assert.ok(line >= entryStart && (entryEnd < 0 || line < entryEnd), `warning at line ${line + 1}, the entry spans ${entryStart + 1}–${entryEnd}`);
    });

    it('is an Information on the report at its last known position', async () => {
      await openReport(api, report());
      const [information] = await waitFor(api, 'an Information diagnostic on the report', () => {
        const found = diagnosticsOn(report()).filter((d) => d.severity === vscode.DiagnosticSeverity.Information);
        return found.length > 0 && found;
      });
      // The sidecar's lost01 entry was last seen on line 7 (1-based).
      assert.equal(information!.range.start.line, 6);
    });

    it('is drawn in the orphaned style while the anchored annotation keeps its place', async () => {
      const editor = await openReport(api, report());
      await waitFor(api, 'the orphaned decoration', () => (api.decorationsFor(report()).orphaned ?? []).length > 0);
      const metrics = (api.decorationsFor(report())['metric.accepted'] ?? []).map((range) => editor.document.getText(range));
      assert.ok(metrics.includes('£1.5m'), JSON.stringify(metrics));
    });
  });
});
