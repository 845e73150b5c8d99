/**
 * Every command id the extension contributes, and their registration. The
 * ids are stable (documented in the README, bound to keys by users); each
 * handler lives in its own file under `commands/` and takes one optional,
 * small, serialisable argument object.
 */
import * as vscode from 'vscode';
import type { FileSystem } from '../core/ports';
import type { AnnotationsTree } from './annotations-tree';
import { acceptAllDetections } from './commands/accept-all';
import { acceptItem } from './commands/accept';
import { addNote } from './commands/add-note';
import { annotateSelection } from './commands/annotate-selection';
import { exportAnnotations } from './commands/export';
import { clearTagFilter, filterByTag } from './commands/filter-by-tag';
import { moveToItem } from './commands/move-to-item';
import { openSample } from './commands/open-sample';
import { openSidecar } from './commands/open-sidecar';
import { rejectItem } from './commands/reject';
import { removeAnnotation } from './commands/remove';
import { revealAnnotation } from './commands/reveal-annotation';
import { tagItem } from './commands/tag';
import { toggleHighlights } from './commands/toggle-highlights';
import { stepHistory } from './commands/undo-redo';
import type { Decorations } from './decorations';
import { describeError, type ExtensionLog } from './log';
import type { ReportSessions } from './report-sessions';
import type { Settings } from './settings';
import type { WorkspaceAnnotations } from './workspace-annotations';

/** Command ids, matching `contributes.commands` in package.json. */
export enum CommandId {
  /** {@link acceptItem} */
  Accept = 'reportAnnotator.accept',
  /** {@link acceptAllDetections} */
  AcceptAll = 'reportAnnotator.acceptAll',
  /** {@link rejectItem} */
  Reject = 'reportAnnotator.reject',
  /** {@link annotateSelection} */
  AnnotateSelection = 'reportAnnotator.annotateSelection',
  /** {@link tagItem} */
  Tag = 'reportAnnotator.tag',
  /** {@link addNote} */
  AddNote = 'reportAnnotator.addNote',
  /** {@link removeAnnotation} */
  Remove = 'reportAnnotator.remove',
  /** {@link moveToItem} */
  Next = 'reportAnnotator.next',
  /** {@link moveToItem} */
  Previous = 'reportAnnotator.previous',
  /** {@link toggleHighlights} */
  ToggleHighlights = 'reportAnnotator.toggleHighlights',
  /** {@link openSidecar} */
  OpenSidecar = 'reportAnnotator.openSidecar',
  /** {@link exportAnnotations} */
  Export = 'reportAnnotator.export',
  /** {@link openSample} */
  OpenSample = 'reportAnnotator.openSample',
  /** {@link stepHistory} */
  Undo = 'reportAnnotator.undo',
  /** {@link stepHistory} */
  Redo = 'reportAnnotator.redo',
  /** {@link filterByTag} */
  FilterByTag = 'reportAnnotator.filterByTag',
  /** {@link clearTagFilter} */
  ClearTagFilter = 'reportAnnotator.clearTagFilter',
  /** {@link revealAnnotation} (tree items; hidden from the palette) */
  Reveal = 'reportAnnotator.reveal',
  /** Refreshes the Annotations view from disk. */
  RefreshView = 'reportAnnotator.refreshView',
}

/** What command handlers work with. */
export interface CommandServices {
  readonly sessions: ReportSessions;
  readonly settings: Settings;
  readonly log: ExtensionLog;
  readonly decorations: Decorations;
  readonly workspaceAnnotations: WorkspaceAnnotations;
  readonly tree: AnnotationsTree;
  readonly fs: FileSystem;
}

/** Registers every command; handlers' failures are logged and shown, never thrown into VS Code's console only. */
export function registerCommands(context: vscode.ExtensionContext, services: CommandServices): void {
  const handlers: Record<CommandId, (arg: unknown) => unknown> = {
    [CommandId.Accept]: (arg) => acceptItem(services, arg),
    [CommandId.AcceptAll]: (arg) => acceptAllDetections(services, arg),
    [CommandId.Reject]: (arg) => rejectItem(services, arg),
    [CommandId.AnnotateSelection]: (arg) => annotateSelection(services, arg),
    [CommandId.Tag]: (arg) => tagItem(services, arg),
    [CommandId.AddNote]: (arg) => addNote(services, arg),
    [CommandId.Remove]: (arg) => removeAnnotation(services, arg),
    [CommandId.Next]: (arg) => moveToItem(services, 'next', arg),
    [CommandId.Previous]: (arg) => moveToItem(services, 'previous', arg),
    [CommandId.ToggleHighlights]: (arg) => toggleHighlights(services, arg),
    [CommandId.OpenSidecar]: (arg) => openSidecar(services, arg),
    [CommandId.Export]: (arg) => exportAnnotations(services, arg),
    [CommandId.OpenSample]: () => openSample(context),
    [CommandId.Undo]: (arg) => stepHistory(services, 'undo', arg),
    [CommandId.Redo]: (arg) => stepHistory(services, 'redo', arg),
    [CommandId.FilterByTag]: (arg) => filterByTag(services, arg),
    [CommandId.ClearTagFilter]: () => clearTagFilter(services),
    [CommandId.Reveal]: (arg) => revealAnnotation(services, arg),
    [CommandId.RefreshView]: () => services.workspaceAnnotations.refreshAll(),
  };
  for (const [id, handler] of Object.entries(handlers)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (arg: unknown) => {
        try {
          return await handler(arg);
        } catch (error) {
          services.log.error(`${id} failed: ${describeError(error)}`);
          void vscode.window.showErrorMessage(`Report Annotator: ${id.replace('reportAnnotator.', '')} failed. See the "Report Annotator" output for details.`);
          return undefined;
        }
      }),
    );
  }
}
