/**
 * The annotations of every report in the workspace, for the Annotations
 * view, the diagnostics and the tag picker: each sidecar found by
 * `findFiles`, read and validated (never written), with the annotations of
 * open reports taken live from their sessions. Kept current by a file
 * watcher and the sessions' change events.
 */
import * as vscode from 'vscode';
import type { Problem } from '../core/errors';
import type { Annotation } from '../core/model';
import type { FileSystem } from '../core/ports';
import { parseSidecar } from '../core/store/sidecar-format';
import { SIDECAR_SUFFIX, reportPathOf, sidecarPathOf } from '../core/store/sidecar-path';
import { describeError, type ExtensionLog } from './log';
import type { ReportSessions } from './report-sessions';
import { basenameOf } from './vscode-file-system';

const SIDECAR_GLOB = `**/*${SIDECAR_SUFFIX}`;
const EXCLUDE_GLOB = '**/{node_modules,.git}/**';

/** One report's sidecar as the overview sees it. */
export interface SidecarEntry {
  readonly reportUri: vscode.Uri;
  readonly sidecarUri: vscode.Uri;
  /** Sorted by start; empty when the sidecar is malformed. */
  readonly annotations: readonly Annotation[];
  /** Why the sidecar cannot be read, or undefined. */
  readonly problem: Problem | undefined;
  /** 1-based line of each annotation's entry in the sidecar file, by id. */
  readonly sidecarLines: ReadonlyMap<string, number>;
}

/** The workspace-wide index of sidecars. */
export class WorkspaceAnnotations implements vscode.Disposable {
  readonly #sessions: ReportSessions;
  readonly #fs: FileSystem;
  readonly #log: ExtensionLog;
  readonly #entries = new Map<string, SidecarEntry>();
  /** Refreshes in flight per sidecar, and whether another one was asked for meanwhile. */
  readonly #running = new Map<string, { again: boolean; done: Promise<void> }>();
  readonly #onDidChange = new vscode.EventEmitter<void>();
  readonly #disposables: vscode.Disposable[] = [];
  /** Fires after any entry changed. */
  readonly onDidChange = this.#onDidChange.event;

  constructor(sessions: ReportSessions, fs: FileSystem, log: ExtensionLog) {
    this.#sessions = sessions;
    this.#fs = fs;
    this.#log = log;
    const watcher = vscode.workspace.createFileSystemWatcher(SIDECAR_GLOB);
    const onFile = (uri: vscode.Uri) => void this.refresh(uri);
    this.#disposables.push(
      this.#onDidChange,
      watcher,
      watcher.onDidCreate(onFile),
      watcher.onDidChange(onFile),
      watcher.onDidDelete(onFile),
      sessions.onDidChangeAnnotations((session) => void this.refresh(vscode.Uri.parse(sidecarPathOf(fs, session.uri.toString())))),
      sessions.onDidOpen((session) => void this.refresh(vscode.Uri.parse(sidecarPathOf(fs, session.uri.toString())))),
      sessions.onDidSaveSidecar((session) => void this.refresh(vscode.Uri.parse(sidecarPathOf(fs, session.uri.toString())))),
    );
  }

  /** Every sidecar with annotations or a problem, ordered by report path. */
  get entries(): readonly SidecarEntry[] {
    return [...this.#entries.values()].sort((a, b) => a.reportUri.path.localeCompare(b.reportUri.path));
  }

  /** The entry of one report, if it has a sidecar. */
  entryFor(reportUri: vscode.Uri): SidecarEntry | undefined {
    return this.#entries.get(sidecarPathOf(this.#fs, reportUri.toString()));
  }

  /** Tags used anywhere in the workspace. */
  tagsInUse(): Set<string> {
    return new Set(this.entries.flatMap((entry) => entry.annotations.flatMap((annotation) => annotation.tags)));
  }

  /** Annotation kinds used anywhere in the workspace. */
  kindsInUse(): Set<string> {
    return new Set(this.entries.flatMap((entry) => entry.annotations.map((annotation) => annotation.kind)));
  }

  /** Finds every sidecar in the workspace and reads them all. */
  async refreshAll(): Promise<void> {
    const found = await this.#sessions.track(Promise.resolve(vscode.workspace.findFiles(SIDECAR_GLOB, EXCLUDE_GLOB)));
    const keep = new Set(found.map((uri) => uri.toString()));
    for (const key of [...this.#entries.keys()]) if (!keep.has(key) && !this.#sessions.all.some((s) => sidecarPathOf(this.#fs, s.uri.toString()) === key)) this.#entries.delete(key);
    await Promise.all(found.map((uri) => this.refresh(uri)));
    this.#onDidChange.fire();
  }

  /** Re-reads one sidecar (coalescing requests that arrive while it is being read). */
  refresh(sidecarUri: vscode.Uri): Promise<void> {
    const key = sidecarUri.toString();
    const running = this.#running.get(key);
    if (running) {
      running.again = true;
      return running.done;
    }
    const state = { again: false, done: Promise.resolve() };
    state.done = this.#sessions.track(
      (async () => {
        do {
          state.again = false;
          await this.#read(sidecarUri);
        } while (state.again);
        this.#running.delete(key);
        this.#onDidChange.fire();
      })(),
    );
    this.#running.set(key, state);
    return state.done;
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }

  async #read(sidecarUri: vscode.Uri): Promise<void> {
    const key = sidecarUri.toString();
    const reportPath = reportPathOf(this.#fs, key);
    if (!reportPath) return;
    const reportUri = vscode.Uri.parse(reportPath);
    const session = this.#sessions.get(reportUri);
    try {
      const bytes = await this.#fs.readFile(key);
      if (!bytes) {
        // An open report's first annotations are listed before its sidecar is written.
        if (session && session.annotations.length > 0) this.#entries.set(key, { reportUri, sidecarUri, annotations: session.annotations, problem: undefined, sidecarLines: new Map() });
        else this.#entries.delete(key);
        return;
      }
      const text = new TextDecoder('utf-8').decode(bytes);
      const parsed = parseSidecar(text, key, { expectedSource: basenameOf(reportUri) });
      const sidecarLines = new Map<string, number>();
      if (parsed.ok && parsed.value.layout) {
        const layout = parsed.value.layout;
        const bodies = [...layout.entries].sort((a, b) => a.body - b.body);
        let line = 1;
        let at = 0;
        for (const entry of bodies) {
          for (; at < entry.body; at++) if (layout.text.charCodeAt(at) === 10) line++;
          sidecarLines.set(entry.id, line);
        }
      }
      const annotations = session ? session.annotations : parsed.ok ? [...parsed.value.annotations].sort((a, b) => a.start - b.start) : [];
      this.#entries.set(key, {
        reportUri,
        sidecarUri,
        annotations: parsed.ok ? annotations : [],
        problem: parsed.ok ? undefined : { ...parsed.problem, path: key },
        sidecarLines,
      });
    } catch (error) {
      this.#log.warn(`Could not read ${sidecarUri.toString(true)}: ${describeError(error)}`);
      this.#entries.delete(key);
    }
  }
}
