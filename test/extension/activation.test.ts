import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, commandIds, copyFixtureReport, createReport, extensionId, getApi, openReport, setSetting, type ReportAnnotatorApi } from './helpers';

describe('extension', () => {
  let api: ReportAnnotatorApi;
  before(async () => {
    api = await getApi();
  });
  afterEach(closeAllEditors);

  describe('activate', () => {
    it('runs in VS Code 1.100', () => {
      assert.match(vscode.version, /^1\.100\./);
    });

    it('returns the API of the contract', () => {
      assert.equal(typeof api.whenIdle, 'function');
      assert.equal(typeof api.decorationsFor, 'function');
      assert.equal(typeof api.detectionsFor, 'function');
      assert.equal(typeof api.annotationsView.getChildren, 'function');
      assert.equal(typeof api.annotationsView.getTreeItem, 'function');
      assert.equal(typeof api.onDidUpdateDecorations, 'function');
    });

    it('returns the same API when activated again', async () => {
      assert.equal(await vscode.extensions.getExtension(extensionId)!.activate(), api);
    });

    it('registers every command of the contract', async () => {
      const registered = new Set(await vscode.commands.getCommands(true));
      assert.deepEqual(commandIds.filter((id) => !registered.has(id)), []);
    });
  });

  describe('package.json', () => {
    const manifest = () => vscode.extensions.getExtension(extensionId)!.packageJSON as Record<string, any>;

    it('never activates on "*"', () => {
      assert.ok(!(manifest().activationEvents ?? []).includes('*'));
    });

    it('declares every command in the palette category "Report Annotator"', () => {
      const declared = new Map<string, string>((manifest().contributes.commands as { command: string; category?: string }[]).map((c) => [c.command, c.category ?? '']));
      for (const id of commandIds) assert.equal(declared.get(id), 'Report Annotator', `command ${id}`);
    });

    it('contributes the theme colours with defaults for every theme kind', () => {
      const colors = manifest().contributes.colors as { id: string; defaults: Record<string, string> }[];
      const expected = ['reportAnnotator.metricBackground', 'reportAnnotator.quoteBackground', 'reportAnnotator.recommendationBackground', 'reportAnnotator.acceptedBorder', 'reportAnnotator.orphanedForeground'];
      for (const id of expected) {
        const color = colors.find((c) => c.id === id);
        assert.ok(color, `colour ${id} is not contributed`);
        for (const theme of ['light', 'dark', 'highContrast', 'highContrastLight']) assert.ok(color.defaults[theme], `colour ${id} has no ${theme} default`);
      }
    });

    it('contributes the Annotations view', () => {
      const views = Object.values(manifest().contributes.views as Record<string, { id: string }[]>).flat();
      assert.ok(views.some((view) => view.id === 'reportAnnotator.annotations'));
    });

    it('declares every setting of the contract', () => {
      const configuration = manifest().contributes.configuration;
      const properties = Object.assign({}, ...(Array.isArray(configuration) ? configuration : [configuration]).map((c: { properties: object }) => c.properties));
      for (const key of ['include', 'tags', 'detect.kinds', 'maxFileSizeMB', 'author', 'highlight.enabled']) {
        assert.ok(properties[`reportAnnotator.${key}`], `setting reportAnnotator.${key} is not declared`);
        assert.ok(properties[`reportAnnotator.${key}`].description || properties[`reportAnnotator.${key}`].markdownDescription, `setting reportAnnotator.${key} has no description`);
      }
    });
  });

  describe('reportAnnotator.include', () => {
    it('detects in .txt and .md files', async () => {
      for (const extension of ['txt', 'md']) {
        const uri = await createReport('Attendance rose to 92 per cent this year.\n', 'included', extension);
        await openReport(api, uri);
        assert.ok(api.detectionsFor(uri)!.length > 0, `nothing detected in a .${extension} file`);
      }
    });

    it('leaves files outside the globs alone', async () => {
      const uri = await createReport('Attendance rose to 92 per cent this year.\n', 'excluded', 'log');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await api.whenIdle();
      assert.equal(api.detectionsFor(uri), undefined);
      assert.deepEqual(Object.values(api.decorationsFor(uri)).flat(), []);
    });
  });

  describe('reportAnnotator.detect.kinds', () => {
    it('detects only the kinds listed', async () => {
      const restore = await setSetting('reportAnnotator.detect.kinds', ['quote']);
      try {
        const uri = await copyFixtureReport('reports/monitoring-letter.txt');
        await openReport(api, uri);
        const kinds = new Set(api.detectionsFor(uri)!.map((d) => d.kind));
        assert.deepEqual([...kinds], ['quote']);
      } finally {
        await restore();
      }
    });
  });
});
