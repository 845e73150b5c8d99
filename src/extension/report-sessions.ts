/**
 * Decides which open documents are reports and keeps a {@link ReportSession}
 * for each: opened with the document, fed every edit, told about saves and
 * about changes on disk (file watchers on the report and its sidecar),
 * disposed on close. Other features listen to its events instead of to the
 * workspace directly.
 */
import * as vscode from 'vscode';
import type { FileSystem } from '../core/ports';
import { SIDECAR_SUFFIX } from '../core/store/sidecar-path';
import type { ChangedRange } from '../core/detect/incremental';
import { formatBytes } from '../core/text/decode';
import { describeError, type ExtensionLog } from './log';
import { ReportSession } from './report-session';
import type { Settings } from './settings';
import { basenameOf, siblingUri } from './vscode-file-system';

/** Why an open document matching the settings gets no detection. */
export type SkipReason = 'too-large' | 'binary';

/** Schemes whose documents are never reports (editor internals, diff bases). */
const IGNORED_SCHEMES = new Set(['output', 'git', 'gitfs', 'vscode-scm', 'debug', 'vscode-settings', 'walkThrough', 'walkThroughSnippet', 'comment', 'vscode-notebook-cell']);

/** How many leading characters are checked for NUL when sniffing a binary file. */
const BINARY_SNIFF_LENGTH = 8192;

/** An edit applied to a session, with where its detections may have changed. */
export interface ReportEdit {
  readonly session: ReportSession;
  readonly changed: ChangedRange;
  /** `performance.now()` when the change reached the extension, so redraws can report detection plus drawing. */
  readonly startedAt: number;
  /** Whether the text changed (an edit) or only more of a large report was detected (a slice). */
  readonly cause: 'edit' | 'slice';
}

/** All report sessions of the window. */
export class ReportSessions implements vscode.Disposable {
  readonly #settings: Settings;
  readonly #fs: FileSystem;
  readonly #log: ExtensionLog;
  readonly #sessions = new Map<string, ReportSession>();
  readonly #sessionDisposables = new Map<string, vscode.Disposable[]>();
  readonly #skipped = new Map<string, SkipReason>();
  readonly #pending = new Set<Promise<unknown>>();
  readonly #disposables: vscode.Disposable[] = [];
  readonly #onDidOpen = new vscode.EventEmitter<ReportSession>();
  readonly #onDidClose = new vscode.EventEmitter<vscode.Uri>();
  readonly #onDidEdit = new vscode.EventEmitter<ReportEdit>();
  readonly #onDidChangeAnnotations = new vscode.EventEmitter<ReportSession>();
  readonly #onDidSaveSidecar = new vscode.EventEmitter<ReportSession>();
  /** A report session started (the document opened, or started to match the settings). */
  readonly onDidOpen = this.#onDidOpen.event;
  /** A report session ended. */
  readonly onDidClose = this.#onDidClose.event;
  /** A report's text changed and its detections were updated (synchronously, in the change event). */
  readonly onDidEdit = this.#onDidEdit.event;
  /** A report's annotations changed (commands, undo, reloads, re-anchoring). */
  readonly onDidChangeAnnotations = this.#onDidChangeAnnotations.event;
  /** A session wrote its report's sidecar. */
  readonly onDidSaveSidecar = this.#onDidSaveSidecar.event;

  constructor(settings: Settings, fs: FileSystem, log: ExtensionLog) {
    this.#settings = settings;
    this.#fs = fs;
    this.#log = log;
    this.#disposables.push(
      this.#onDidOpen,
      this.#onDidClose,
      this.#onDidEdit,
      this.#onDidChangeAnnotations,
      this.#onDidSaveSidecar,
      vscode.workspace.onDidOpenTextDocument((document) => this.#consider(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.#close(document.uri)),
      vscode.workspace.onDidChangeTextDocument((event) => this.#applyEdit(event)),
      vscode.workspace.onDidSaveTextDocument((document) => this.#onSaved(document)),
      settings.onDidChange(() => this.#reconsiderAll()),
    );
    for (const document of vscode.workspace.textDocuments) this.#consider(document);
  }

  /** The session of an open report, if it is one. */
  get(uri: vscode.Uri): ReportSession | undefined {
    return this.#sessions.get(uri.toString());
  }

  /** Every open report session. */
  get all(): readonly ReportSession[] {
    return [...this.#sessions.values()];
  }

  /** Why a matching document gets no detection, if it was skipped. */
  skipReason(uri: vscode.Uri): SkipReason | undefined {
    return this.#skipped.get(uri.toString());
  }

  /** Whether the document is one the extension treats as a report (by language or the include glob). */
  isReportDocument(document: vscode.TextDocument): boolean {
    if (IGNORED_SCHEMES.has(document.uri.scheme)) return false;
    if (document.uri.path.endsWith(SIDECAR_SUFFIX)) return false;
    if (document.languageId === 'report') return true;
    if (document.uri.scheme === 'untitled') return false;
    return vscode.languages.match({ pattern: this.#settings.current.include }, document) > 0;
  }

  /** Tracks a promise for {@link whenIdle}; returns it. */
  track<T>(task: Promise<T>): Promise<T> {
    this.#pending.add(task);
    const forget = () => this.#pending.delete(task);
    task.then(forget, forget);
    return task;
  }

  /** Resolves once every session's sidecar work and every tracked task has finished. */
  async whenIdle(): Promise<void> {
    // A finished task may queue another (a reload after a save): go round until nothing is left.
    for (let round = 0; round < 1000; round++) {
      await Promise.allSettled([...this.#pending, ...this.all.map((session) => session.whenIdle())]);
      if (this.#pending.size === 0) return;
    }
  }

  dispose(): void {
    for (const uri of [...this.#sessions.keys()]) this.#close(vscode.Uri.parse(uri));
    for (const disposable of this.#disposables) disposable.dispose();
  }

  #consider(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (this.#sessions.has(key) || !this.isReportDocument(document)) return;
    const reason = this.#skipReasonOf(document);
    if (reason) {
      if (this.#skipped.get(key) !== reason) this.#tellSkipped(document, reason);
      this.#skipped.set(key, reason);
      return;
    }
    this.#skipped.delete(key);
    try {
      const session = ReportSession.open(document, {
        fs: this.#fs,
        logger: this.#log,
        kinds: this.#settings.current.kinds,
        author: () => this.#settings.current.author,
        track: (task) => this.track(task),
      });
      this.#sessions.set(key, session);
      this.#sessionDisposables.set(key, [
        session,
        session.onDidChangeAnnotations(() => this.#onDidChangeAnnotations.fire(session)),
        session.onDidSaveSidecar(() => this.#onDidSaveSidecar.fire(session)),
        session.onDidDetectMore((changed) => this.#onDidEdit.fire({ session, changed, startedAt: performance.now(), cause: 'slice' })),
        ...this.#watch(session),
      ]);
      this.#onDidOpen.fire(session);
    } catch (error) {
      this.#log.error(`Detection failed for ${document.uri.toString(true)}: ${describeError(error)}`);
    }
  }

  #skipReasonOf(document: vscode.TextDocument): SkipReason | undefined {
    // A UTF-16 length is at most the UTF-8 byte count, so this under-estimates only for non-ASCII text.
    const length = document.getText().length;
    if (length > this.#settings.current.maxFileBytes) return 'too-large';
    const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 200), 0)).slice(0, BINARY_SNIFF_LENGTH);
    if (head.includes('\u0000')) return 'binary';
    return undefined;
  }

  #tellSkipped(document: vscode.TextDocument, reason: SkipReason): void {
    const name = basenameOf(document.uri);
    if (reason === 'binary') {
      this.#log.info(`Skipped ${document.uri.toString(true)}: it looks binary.`);
      return;
    }
    const message = `Report Annotator: ${name} is larger than ${formatBytes(this.#settings.current.maxFileBytes)} (setting reportAnnotator.maxFileSizeMB), so it is not highlighted.`;
    this.#log.info(message);
    void vscode.window.showInformationMessage(message);
  }

  #close(uri: vscode.Uri): void {
    const key = uri.toString();
    this.#skipped.delete(key);
    const session = this.#sessions.get(key);
    if (!session) return;
    this.#sessions.delete(key);
    for (const disposable of this.#sessionDisposables.get(key) ?? []) disposable.dispose();
    this.#sessionDisposables.delete(key);
    this.#onDidClose.fire(uri);
  }

  #applyEdit(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return;
    const session = this.#sessions.get(event.document.uri.toString());
    if (!session) {
      // A skipped file may have shrunk below the limit.
      if (this.#skipped.has(event.document.uri.toString())) this.#consider(event.document);
      return;
    }
    const startedAt = performance.now();
    try {
      const changed = session.applyContentChanges(event.contentChanges);
      this.#onDidEdit.fire({ session, changed, startedAt, cause: 'edit' });
      // A change that leaves the document clean is VS Code reloading it from disk (or undoing back to the saved text):
      // re-anchor now, with the new text in hand, rather than wait for the next annotation change.
      if (!event.document.isDirty) void this.track(session.onReportChangedOnDisk());
    } catch (error) {
      // Never leave a session out of step with its text: start it again from the document.
      this.#log.error(`Incremental detection failed, detecting again from scratch: ${describeError(error)}`);
      session.resetDetector(this.#settings.current.kinds);
      this.#onDidEdit.fire({ session, changed: { start: 0, end: event.document.getText().length, delta: 0 }, startedAt, cause: 'edit' });
    }
  }

  #onSaved(document: vscode.TextDocument): void {
    const session = this.#sessions.get(document.uri.toString());
    if (session) void this.track(session.onReportSaved());
  }

  /** Watches the report and its sidecar on disk (works for files outside the workspace folders too). */
  #watch(session: ReportSession): vscode.Disposable[] {
    const uri = session.uri;
    if (uri.scheme === 'untitled') return [];
    const folder = siblingUri(uri, '');
    const name = basenameOf(uri);
    const sidecar = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, escapeGlob(name + SIDECAR_SUFFIX)));
    const report = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, escapeGlob(name)), true, false, true);
    const onSidecar = () => void this.track(session.onSidecarChanged());
    return [
      sidecar,
      report,
      sidecar.onDidChange(onSidecar),
      sidecar.onDidCreate(onSidecar),
      sidecar.onDidDelete(onSidecar),
      // VS Code reloads an unmodified document itself; the edit reaches us as a change event first.
      report.onDidChange(() => void this.track(session.onReportChangedOnDisk())),
    ];
  }

  #reconsiderAll(): void {
    const kinds = this.#settings.current.kinds;
    for (const document of vscode.workspace.textDocuments) {
      const session = this.#sessions.get(document.uri.toString());
      if (session && (!this.isReportDocument(document) || this.#skipReasonOf(document))) this.#close(document.uri);
      else if (session && session.detector.kinds.join() !== kinds.join()) {
        session.resetDetector(kinds);
        this.#onDidChangeAnnotations.fire(session);
      } else if (!session) {
        this.#skipped.delete(document.uri.toString());
        this.#consider(document);
      }
    }
  }
}

/** Escapes glob metacharacters so a file name matches only itself. */
function escapeGlob(name: string): string {
  return name.replace(/[[\]{}*?]/g, (char) => `[${char}]`);
}
