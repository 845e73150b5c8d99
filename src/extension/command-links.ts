/**
 * Command links for hovers and messages. Arguments stay small and
 * serialisable (a URI string and an id or a span), and every link is built
 * here, so the list of commands a hover may run is in one place.
 */
import * as vscode from 'vscode';
import { CommandId } from './commands';

/** Commands a hover may run through its links; the hover's `isTrusted` allows exactly these. */
export const HOVER_COMMANDS: readonly CommandId[] = [CommandId.Accept, CommandId.Tag, CommandId.AddNote, CommandId.Reject, CommandId.Remove];

/** What a link's command acts on: an annotation by id or a detection by its code-point span. */
export interface LinkTarget {
  readonly uri: string;
  readonly id?: string;
  readonly start?: number;
  readonly end?: number;
}

/** A `command:` URI running `command` with `target` as its one argument. */
export function createCommandUri(command: CommandId, target: LinkTarget): vscode.Uri {
  return vscode.Uri.parse(`command:${command}?${encodeURIComponent(JSON.stringify([target]))}`);
}

/** A Markdown link `[label](command:…)` with a tooltip. */
export function createCommandLink(label: string, command: CommandId, target: LinkTarget, tooltip: string): string {
  return `[${label}](${createCommandUri(command, target).toString()} "${tooltip.replace(/"/g, "'")}")`;
}
