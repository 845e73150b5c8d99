/**
 * The extension's log: one LogOutputChannel ("Report Annotator" in the
 * Output panel), also handed to the core as its {@link Logger} port.
 */
import * as vscode from 'vscode';
import type { Logger } from '../core/ports';

/** A core Logger backed by a LogOutputChannel; dispose it with the extension. */
export interface ExtensionLog extends Logger, vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
}

/** Creates the output channel and the logger over it. */
export function createLog(): ExtensionLog {
  const channel = vscode.window.createOutputChannel('Report Annotator', { log: true });
  return {
    channel,
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message) => channel.error(message),
    dispose: () => channel.dispose(),
  };
}

/** A message for an unexpected exception, with its stack when there is one. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
