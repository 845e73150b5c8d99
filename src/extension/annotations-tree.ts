/**
 * The Annotations view: every annotated report in the workspace, grouped by
 * file, then kind, then tag (when the kind's annotations carry tags), with
 * counts. Elements are plain keyed objects with stable ids, so selection and
 * expansion survive refreshes and `reveal` works through `getParent`.
 * Rejected detections are the analyst's dismissals and are not listed.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core/model';
import { CommandId } from './commands';
import { basenameOf } from './vscode-file-system';
import type { SidecarEntry, WorkspaceAnnotations } from './workspace-annotations';

/** The view's id in package.json. */
export const ANNOTATIONS_VIEW_ID = 'reportAnnotator.annotations';

/** Label of the group of annotations without tags, under a kind whose other annotations have some. */
const UNTAGGED = '(untagged)';
const LABEL_LENGTH = 60;

const KIND_ICONS: Readonly<Record<string, string>> = { metric: 'graph', quote: 'quote', recommendation: 'lightbulb' };

/** An element of the view. `tag` is undefined for annotations listed straight under their kind. */
export type AnnotationsTreeElement =
  | { readonly type: 'file'; readonly reportUri: string }
  | { readonly type: 'kind'; readonly reportUri: string; readonly kind: string }
  | { readonly type: 'tag'; readonly reportUri: string; readonly kind: string; readonly tag: string }
  | { readonly type: 'annotation'; readonly reportUri: string; readonly kind: string; readonly tag: string | undefined; readonly id: string };

/** The data provider of the Annotations view. */
export class AnnotationsTree implements vscode.TreeDataProvider<AnnotationsTreeElement>, vscode.Disposable {
  readonly #index: WorkspaceAnnotations;
  #tagFilter: string | undefined;
  readonly #onDidChangeTreeData = new vscode.EventEmitter<AnnotationsTreeElement | undefined>();
  readonly #subscription: vscode.Disposable;
  readonly onDidChangeTreeData = this.#onDidChangeTreeData.event;

  constructor(index: WorkspaceAnnotations) {
    this.#index = index;
    this.#subscription = index.onDidChange(() => this.#onDidChangeTreeData.fire(undefined));
  }

  /** The tag the view is filtered on, or undefined. */
  get tagFilter(): string | undefined {
    return this.#tagFilter;
  }

  /** Shows only annotations with `tag` (undefined: all). */
  setTagFilter(tag: string | undefined): void {
    this.#tagFilter = tag;
    void vscode.commands.executeCommand('setContext', 'reportAnnotator.tagFilterActive', tag !== undefined);
    this.#onDidChangeTreeData.fire(undefined);
  }

  getChildren(element?: AnnotationsTreeElement): AnnotationsTreeElement[] {
    if (!element) {
      return this.#index.entries.filter((entry) => entry.problem || this.#shown(entry).length > 0).map((entry) => ({ type: 'file', reportUri: entry.reportUri.toString() }));
    }
    const entry = this.#entry(element.reportUri);
    if (!entry) return [];
    const shown = this.#shown(entry);
    switch (element.type) {
      case 'file':
        return [...new Set(shown.map((a) => a.kind))].sort(compareKinds).map((kind) => ({ type: 'kind', reportUri: element.reportUri, kind }));
      case 'kind': {
        const ofKind = shown.filter((a) => a.kind === element.kind);
        if (!ofKind.some((a) => a.tags.length > 0)) return ofKind.map((a) => ({ type: 'annotation', reportUri: element.reportUri, kind: element.kind, tag: undefined, id: a.id }));
        const tags = [...new Set(ofKind.flatMap((a) => (a.tags.length > 0 ? a.tags : [UNTAGGED])))].sort((a, b) => (a === UNTAGGED ? 1 : b === UNTAGGED ? -1 : a.localeCompare(b)));
        return tags.map((tag) => ({ type: 'tag', reportUri: element.reportUri, kind: element.kind, tag }));
      }
      case 'tag':
        return shown
          .filter((a) => a.kind === element.kind && (element.tag === UNTAGGED ? a.tags.length === 0 : a.tags.includes(element.tag)))
          .map((a) => ({ type: 'annotation', reportUri: element.reportUri, kind: element.kind, tag: element.tag, id: a.id }));
      case 'annotation':
        return [];
    }
  }

  getParent(element: AnnotationsTreeElement): AnnotationsTreeElement | undefined {
    switch (element.type) {
      case 'file':
        return undefined;
      case 'kind':
        return { type: 'file', reportUri: element.reportUri };
      case 'tag':
        return { type: 'kind', reportUri: element.reportUri, kind: element.kind };
      case 'annotation':
        return element.tag === undefined
          ? { type: 'kind', reportUri: element.reportUri, kind: element.kind }
          : { type: 'tag', reportUri: element.reportUri, kind: element.kind, tag: element.tag };
    }
  }

  getTreeItem(element: AnnotationsTreeElement): vscode.TreeItem {
    const entry = this.#entry(element.reportUri);
    const shown = entry ? this.#shown(entry) : [];
    switch (element.type) {
      case 'file': {
        const item = new vscode.TreeItem(basenameOf(vscode.Uri.parse(element.reportUri)), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `file:${element.reportUri}`;
        item.resourceUri = vscode.Uri.parse(element.reportUri);
        item.contextValue = 'reportFile';
        if (entry?.problem) {
          item.description = 'sidecar cannot be read';
          item.tooltip = entry.problem.message;
          item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
          item.collapsibleState = vscode.TreeItemCollapsibleState.None;
          item.command = { command: 'vscode.open', title: 'Open sidecar', arguments: [entry.sidecarUri] };
          return item;
        }
        const orphaned = shown.filter((a) => a.orphaned).length;
        item.description = `${shown.length}${orphaned > 0 ? ` · ${orphaned} orphaned` : ''}`;
        item.iconPath = vscode.ThemeIcon.File;
        return item;
      }
      case 'kind': {
        const count = shown.filter((a) => a.kind === element.kind).length;
        const item = new vscode.TreeItem(element.kind, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `kind:${element.reportUri}#${element.kind}`;
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[element.kind] ?? 'symbol-misc');
        item.contextValue = 'kind';
        return item;
      }
      case 'tag': {
        const count = shown.filter((a) => a.kind === element.kind && (element.tag === UNTAGGED ? a.tags.length === 0 : a.tags.includes(element.tag))).length;
        const item = new vscode.TreeItem(element.tag, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `tag:${element.reportUri}#${element.kind}#${element.tag}`;
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon('tag');
        item.contextValue = 'tag';
        return item;
      }
      case 'annotation': {
        const annotation = entry?.annotations.find((a) => a.id === element.id);
        const item = new vscode.TreeItem(annotation ? labelOf(annotation) : element.id, vscode.TreeItemCollapsibleState.None);
        item.id = `annotation:${element.reportUri}#${element.kind}#${element.tag ?? ''}#${element.id}`;
        if (!annotation) return item;
        const details = [annotation.orphaned ? 'orphaned' : undefined, annotation.tags.length > 0 ? annotation.tags.join(', ') : undefined, annotation.note ? '✎' : undefined].filter(Boolean);
        item.description = details.join(' · ');
        item.tooltip = tooltipOf(annotation);
        item.iconPath = annotation.orphaned ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('reportAnnotator.orphanedForeground')) : new vscode.ThemeIcon(KIND_ICONS[annotation.kind] ?? 'symbol-misc');
        item.contextValue = annotation.orphaned ? 'annotation.orphaned' : 'annotation';
        item.command = { command: CommandId.Reveal, title: 'Show in report', arguments: [{ uri: element.reportUri, id: annotation.id }] };
        return item;
      }
    }
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#onDidChangeTreeData.dispose();
  }

  #entry(reportUri: string): SidecarEntry | undefined {
    return this.#index.entryFor(vscode.Uri.parse(reportUri));
  }

  #shown(entry: SidecarEntry): Annotation[] {
    return entry.annotations.filter((a) => a.status !== 'rejected' && (this.#tagFilter === undefined || a.tags.includes(this.#tagFilter)));
  }
}

function compareKinds(a: string, b: string): number {
  const order = ['metric', 'quote', 'recommendation'];
  const rank = (kind: string) => (order.includes(kind) ? order.indexOf(kind) : order.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function labelOf(annotation: Annotation): string {
  const text = annotation.text.replace(/\s+/g, ' ').trim();
  return text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1)}…` : text || annotation.id;
}

function tooltipOf(annotation: Annotation): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${annotation.kind}**${annotation.orphaned ? ' — *orphaned: its text was not found in the report*' : ''}\n\n`);
  tooltip.appendText(annotation.text);
  tooltip.appendMarkdown(`\n\nline ${annotation.line}, column ${annotation.column}`);
  if (annotation.tags.length > 0) tooltip.appendMarkdown(`\n\ntags: ${annotation.tags.map((tag) => `\`${tag.replace(/`/g, '')}\``).join(' ')}`);
  if (annotation.note) {
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(annotation.note);
  }
  return tooltip;
}
