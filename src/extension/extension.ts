/**
 * Entry point: builds the services over the pure core and registers the
 * features. Nothing else happens here; each feature lives in its own module.
 */
import * as vscode from 'vscode';
import { ANNOTATIONS_VIEW_ID, AnnotationsTree } from './annotations-tree';
import type { ReportAnnotatorApi } from './api';
import { registerCommands } from './commands';
import { ContextKeys } from './context-keys';
import { Decorations } from './decorations';
import { SidecarDiagnostics } from './diagnostics';
import { ReportHoverProvider } from './hover-provider';
import { createLog } from './log';
import { ReportSessions } from './report-sessions';
import { Settings } from './settings';
import { AnnotationStatusBar } from './status-bar';
import { createVscodeFileSystem } from './vscode-file-system';
import { WorkspaceAnnotations } from './workspace-annotations';

/** Activates the extension and returns the API the integration tests and the benchmark use. */
export function activate(context: vscode.ExtensionContext): ReportAnnotatorApi {
  const log = createLog();
  const settings = new Settings();
  const fs = createVscodeFileSystem();
  const sessions = new ReportSessions(settings, fs, log);
  const decorations = new Decorations(context.extensionUri, sessions, settings);
  const workspaceAnnotations = new WorkspaceAnnotations(sessions, fs, log);
  const tree = new AnnotationsTree(workspaceAnnotations);
  const view = vscode.window.createTreeView(ANNOTATIONS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(
    log,
    settings,
    sessions,
    decorations,
    workspaceAnnotations,
    tree,
    view,
    tree.onDidChangeTreeData(() => {
      view.message = tree.tagFilter === undefined ? undefined : `Showing only annotations tagged “${tree.tagFilter}”.`;
    }),
    new SidecarDiagnostics(workspaceAnnotations),
    new AnnotationStatusBar(sessions),
    new ContextKeys(sessions),
    // Every document the sessions treat as a report gets hovers; the provider returns nothing for others.
    vscode.languages.registerHoverProvider([{ language: 'report' }, { language: 'plaintext' }, { language: 'markdown' }, { pattern: '**/*' }], new ReportHoverProvider(sessions)),
  );
  registerCommands(context, { sessions, settings, log, decorations, workspaceAnnotations, tree, fs });
  void sessions.track(workspaceAnnotations.refreshAll());
  log.info('Report Annotator activated.');
  return {
    whenIdle: () => sessions.whenIdle(),
    decorationsFor: (uri) => decorations.drawnFor(uri),
    detectionsFor: (uri) => {
      const session = sessions.get(uri);
      session?.completeDetection();
      return session?.detector.detections;
    },
    annotationsView: tree as vscode.TreeDataProvider<unknown>,
    onDidUpdateDecorations: decorations.onDidUpdate,
  };
}

/** Nothing to do: every resource is in `context.subscriptions`. */
export function deactivate(): void {}
