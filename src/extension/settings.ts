/**
 * The only place that reads `reportAnnotator.*` settings. Everything else
 * gets a typed, readonly snapshot and an event when it changes, so features
 * never call `getConfiguration` themselves.
 */
import * as vscode from 'vscode';
import type { DetectionKind } from '../core/model';

const SECTION = 'reportAnnotator';
const ALL_KINDS: readonly DetectionKind[] = ['metric', 'quote', 'recommendation'];

/** A snapshot of the extension's settings. */
export interface ExtensionSettings {
  /** Glob of files treated as reports, besides the `report` language. */
  readonly include: string;
  /** The tag vocabulary offered by the tag picker. */
  readonly tags: readonly string[];
  /** Kinds to detect. */
  readonly kinds: readonly DetectionKind[];
  /** Files larger than this many bytes get a message and no detection. */
  readonly maxFileBytes: number;
  /** Written into new annotations; empty means none. */
  readonly author: string;
  /** Whether highlights are drawn at all. */
  readonly highlightEnabled: boolean;
}

/** Holds the current settings and tells listeners when they change. */
export class Settings implements vscode.Disposable {
  #current: ExtensionSettings;
  readonly #onDidChange = new vscode.EventEmitter<ExtensionSettings>();
  readonly #subscription: vscode.Disposable;
  /** Fires with the new snapshot after any `reportAnnotator.*` setting changes. */
  readonly onDidChange = this.#onDidChange.event;

  constructor() {
    this.#current = readSettings();
    this.#subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      this.#current = readSettings();
      this.#onDidChange.fire(this.#current);
    });
  }

  /** The settings now. */
  get current(): ExtensionSettings {
    return this.#current;
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#onDidChange.dispose();
  }
}

function readSettings(): ExtensionSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const kinds = config.get<unknown[]>('detect.kinds', [...ALL_KINDS]).filter((kind): kind is DetectionKind => ALL_KINDS.includes(kind as DetectionKind));
  const maxMb = config.get<number>('maxFileSizeMB', 20);
  return {
    include: config.get<string>('include', '**/*.{txt,md}'),
    tags: config.get<unknown[]>('tags', []).filter((tag): tag is string => typeof tag === 'string' && tag.trim() !== '').map((tag) => tag.trim()),
    kinds,
    maxFileBytes: Math.max(0, Number.isFinite(maxMb) ? maxMb : 20) * 1024 * 1024,
    author: config.get<string>('author', '').trim(),
    highlightEnabled: config.get<boolean>('highlight.enabled', true),
  };
}
