/**
 * Detection that keeps up with typing. The editor hands over each change; we
 * re-split and re-scan only the paragraphs it touched, then carry on into
 * the following paragraphs only while a scanner's outgoing state differs from
 * the one it had before (see `scanner.ts`). The result always equals what
 * `detect()` would return for the whole new text; the property tests hold
 * it to that.
 *
 * The document is kept as alternating pieces, `gaps[0] paragraphs[0] gaps[1]
 * … paragraphs[n-1] gaps[n]`, where a gap is the blank lines between two
 * paragraphs (possibly empty at either end). Gaps hold only white space and
 * line breaks, so they never contain a surrogate pair: code-point and UTF-16
 * lengths of a gap are equal, which keeps offset bookkeeping cheap.
 */
import type { Detection, DetectionKind } from '../model';
import { OffsetMap, isSingleUnitText } from '../text/code-points';
import { splitParagraphs } from '../text/paragraphs';
import { ALL_KINDS, SCANNERS, sortDetections, type DetectOptions, type ScannerSet } from './detect';
import type { LocalDetection } from './scanner';

/** One edit, in UTF-16 offsets into the text before it (VS Code's rangeOffset, rangeOffset + rangeLength, text). */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Where detections may have changed after `applyChanges`, in UTF-16 offsets into the new text. */
export interface ChangedRange {
  readonly start: number;
  readonly end: number;
  /** How far everything after the changed range moved (new length minus old length). */
  readonly delta: number;
}

interface KindResult {
  readonly detections: readonly LocalDetection[];
  readonly stateOut: unknown;
}

interface Block {
  readonly text: string;
  /** UTF-16 and code-point offsets of the paragraph in the document. */
  start16: number;
  startCp: number;
  readonly cpLength: number;
  /** Built only for paragraphs that contain a surrogate pair. */
  readonly offsets: OffsetMap | null;
  readonly results: Map<DetectionKind, KindResult>;
}

const emptyCounts = (): Record<DetectionKind, number> => ({ metric: 0, quote: 0, recommendation: 0 });

export class IncrementalDetector {
  readonly #kinds: readonly DetectionKind[];
  readonly #scanners: ScannerSet;
  #blocks: Block[] = [];
  #gaps: string[] = [''];
  #length16 = 0;
  #all: Detection[] | null = null;
  #counts = emptyCounts();

  /** Detects everything in `text` once; later changes are incremental. */
  constructor(text: string, options: DetectOptions = {}) {
    this.#kinds = options.kinds ?? ALL_KINDS;
    this.#scanners = options.scanners ?? SCANNERS;
    this.#replaceRegion(0, 0, 0, text, text.length);
  }

  /** The kinds this detector looks for. */
  get kinds(): readonly DetectionKind[] {
    return this.#kinds;
  }

  /** Length of the current text in UTF-16 code units. */
  get length(): number {
    return this.#length16;
  }

  /** The current text, rebuilt from its pieces (linear: for tests and diagnostics, not for every keystroke). */
  get text(): string {
    let text = this.#gaps[0] as string;
    for (let i = 0; i < this.#blocks.length; i++) text += (this.#blocks[i] as Block).text + (this.#gaps[i + 1] as string);
    return text;
  }

  /** Counts of current detections by kind. */
  get counts(): Readonly<Record<DetectionKind, number>> {
    return this.#counts;
  }

  /** All detections, sorted, in code points; cached until the next change. */
  get detections(): readonly Detection[] {
    if (!this.#all) {
      const all: Detection[] = [];
      for (const block of this.#blocks) this.#placeBlock(block, all);
      this.#all = all;
    }
    return this.#all;
  }

  /**
   * Applies the changes of one edit event. They must not overlap and must all
   * refer to the text before the event (as VS Code reports them); any order.
   * Offsets out of range are clamped.
   */
  applyChanges(changes: readonly TextChange[]): ChangedRange {
    if (changes.length === 0) return { start: 0, end: 0, delta: 0 };
    // Applying from the end backwards keeps the earlier changes' offsets valid.
    const ordered = [...changes].sort((a, b) => b.start - a.start);
    let start = Infinity;
    let end = -Infinity;
    let delta = 0;
    for (const change of ordered) {
      const from = clamp(change.start, 0, this.#length16);
      const to = clamp(change.end, from, this.#length16);
      const range = this.#applyChange(from, to, change.text);
      const shift = change.text.length - (to - from);
      // Ranges found earlier lie after this change: move them by its shift.
      if (start !== Infinity) {
        start += shift;
        end += shift;
      }
      start = Math.min(start, range.start);
      end = Math.max(end, range.end);
      delta += shift;
    }
    return { start, end, delta };
  }

  /** Detections overlapping the UTF-16 range `[start, end)` (code-point offsets, sorted): what a viewport needs. */
  detectionsInRange(start: number, end: number): Detection[] {
    const found: Detection[] = [];
    for (let i = this.#firstBlockEndingAfter(start); i < this.#blocks.length; i++) {
      const block = this.#blocks[i] as Block;
      if (block.start16 >= end) break;
      this.#placeBlock(block, found, (local) => block.start16 + local.end > start && block.start16 + local.start < end);
    }
    return found;
  }

  /** The UTF-16 offset of a code-point offset in the current text (clamped). */
  toUtf16(codePoint: number): number {
    const index = this.#lastBlockWhere((block) => block.startCp <= codePoint);
    if (index < 0) return clamp(codePoint, 0, this.#length16);
    const block = this.#blocks[index] as Block;
    const local = codePoint - block.startCp;
    if (local <= block.cpLength) return block.start16 + (block.offsets ? block.offsets.toUtf16(local) : local);
    // In the gap after the block: gaps have no surrogate pairs.
    return clamp(block.start16 + block.text.length + (local - block.cpLength), 0, this.#length16);
  }

  /** The code-point offset of a UTF-16 offset in the current text (clamped; mid-pair rounds down). */
  toCodePoint(utf16: number): number {
    const offset = clamp(utf16, 0, this.#length16);
    const index = this.#lastBlockWhere((block) => block.start16 <= offset);
    if (index < 0) return offset;
    const block = this.#blocks[index] as Block;
    const local = offset - block.start16;
    if (local <= block.text.length) return block.startCp + (block.offsets ? block.offsets.toCodePoint(local) : local);
    return block.startCp + block.cpLength + (local - block.text.length);
  }

  /** Replaces `[from, to)` with `inserted` and re-detects what that touched; returns the changed range in the new text. */
  #applyChange(from: number, to: number, inserted: string): { start: number; end: number } {
    // The region to re-split runs from the start of the paragraph the change
    // begins in (or follows) to the end of the paragraph it ends in (or
    // precedes), so that paragraphs joined or split by the edit come out right.
    const first = this.#lastBlockWhere((block) => block.start16 <= from);
    const last = this.#firstBlockEndingAfter(to, true);
    const regionStart = first >= 0 ? (this.#blocks[first] as Block).start16 : 0;
    const firstIndex = first >= 0 ? first : 0;
    const lastIndex = last < this.#blocks.length ? last : this.#blocks.length - 1;
    const startsAtGap = first < 0;
    const endsAtGap = last >= this.#blocks.length;

    const oldRegion = this.#textBetween(firstIndex, lastIndex, startsAtGap, endsAtGap);
    const newRegion = oldRegion.slice(0, from - regionStart) + inserted + oldRegion.slice(to - regionStart);
    return this.#replaceRegion(firstIndex, lastIndex - firstIndex + 1, regionStart, newRegion, newRegion.length - oldRegion.length, startsAtGap, endsAtGap);
  }

  /** The document text from block `first` to block `last` (inclusive), with the outer gaps when the region reaches the document's ends. */
  #textBetween(first: number, last: number, withLeadingGap: boolean, withTrailingGap: boolean): string {
    let text = withLeadingGap ? (this.#gaps[first] as string) : '';
    for (let i = first; i <= last; i++) {
      text += (this.#blocks[i] as Block).text;
      if (i < last || withTrailingGap) text += this.#gaps[i + 1] as string;
    }
    return text;
  }

  /**
   * Puts `regionText` in place of `count` blocks starting at `first` (and of
   * the outer gaps when flagged), rescans, and shifts the blocks after it.
   */
  #replaceRegion(
    first: number,
    count: number,
    regionStart: number,
    regionText: string,
    delta: number,
    replacesLeadingGap = true,
    replacesTrailingGap = true,
  ): { start: number; end: number } {
    const pieces = splitParagraphs(regionText);
    const leading = regionText.slice(0, pieces.length ? (pieces[0] as { start: number }).start : regionText.length);
    const trailing = pieces.length ? regionText.slice((pieces[pieces.length - 1] as { end: number }).end) : '';

    // Old states flowing out of the replaced region, to know when rescanning may stop.
    const oldOut = new Map<DetectionKind, unknown>();
    const lastOld = count > 0 ? this.#blocks[first + count - 1] : undefined;
    for (const kind of this.#kinds) oldOut.set(kind, lastOld?.results.get(kind)?.stateOut ?? this.#stateBefore(first, kind));
    for (let i = first; i < first + count; i++) this.#countBlock(this.#blocks[i] as Block, -1);

    // Gaps: the text before the first new paragraph joins the gap in front of
    // the region (or replaces it), the text after the last joins the gap behind.
    const gapBefore = replacesLeadingGap ? '' : (this.#gaps[first] as string);
    const gapAfter = replacesTrailingGap ? '' : (this.#gaps[first + count] as string);
    const newBlocks: Block[] = [];
    const newGaps: string[] = [];
    if (pieces.length === 0) {
      newGaps.push(gapBefore + leading + gapAfter);
    } else {
      newGaps.push(gapBefore + leading);
      pieces.forEach((piece, k) => {
        newBlocks.push(makeBlock(piece.text));
        const next = pieces[k + 1];
        newGaps.push(next ? regionText.slice(piece.end, next.start) : trailing + gapAfter);
      });
    }
    this.#blocks.splice(first, count, ...newBlocks);
    this.#gaps.splice(first, count + 1, ...newGaps);
    this.#length16 += delta;

    // Positions: the new blocks are placed from the region start; everything after shifts.
    this.#renumberFrom(first);

    // Rescan the new blocks, then onwards while any scanner's state still differs.
    let scanEnd = first + newBlocks.length;
    for (const kind of this.#kinds) {
      const scanner = this.#scanners[kind];
      let state = this.#stateBefore(first, kind);
      let i = first;
      for (; i < first + newBlocks.length; i++) state = this.#scanBlock(i, kind, state);
      let previousOut = oldOut.get(kind);
      while (i < this.#blocks.length && !scanner.sameState(state, previousOut)) {
        const block = this.#blocks[i] as Block;
        previousOut = block.results.get(kind)?.stateOut;
        this.#countBlock(block, -1, kind);
        state = this.#scanBlock(i, kind, state);
        i++;
      }
      scanEnd = Math.max(scanEnd, i);
    }
    for (let i = first; i < first + newBlocks.length; i++) this.#countBlock(this.#blocks[i] as Block, +1);
    this.#all = null;

    const regionEnd = regionStart + regionText.length;
    const scannedEnd = scanEnd > first ? blockEnd(this.#blocks[scanEnd - 1] as Block) : regionEnd;
    return { start: regionStart, end: Math.max(scannedEnd, regionEnd) };
  }

  /** Scans block `i` for one kind from `state`, stores the result, and returns the state that flows out. */
  #scanBlock(i: number, kind: DetectionKind, state: unknown): unknown {
    const block = this.#blocks[i] as Block;
    const rescanned = block.results.has(kind);
    const result = this.#scanners[kind].scan(block.text, state);
    block.results.set(kind, { detections: result.detections, stateOut: result.state });
    // Blocks rescanned past the region were uncounted by the caller; new blocks are counted at the end.
    if (rescanned) this.#countBlock(block, +1, kind);
    return result.state;
  }

  /** Adds (`sign` +1) or removes (-1) a block's detections from the counts, for one kind or all. */
  #countBlock(block: Block, sign: 1 | -1, only?: DetectionKind): void {
    for (const [kind, result] of block.results) {
      if (only === undefined || only === kind) this.#counts[kind] += sign * result.detections.length;
    }
  }

  /** The state flowing into block `i` for a kind. */
  #stateBefore(i: number, kind: DetectionKind): unknown {
    return i > 0 ? (this.#blocks[i - 1] as Block).results.get(kind)?.stateOut : this.#scanners[kind].initialState;
  }

  /** Recomputes block positions from block `first` on (a linear pass of additions). */
  #renumberFrom(first: number): void {
    let start16 = 0;
    let startCp = 0;
    if (first > 0) {
      const previous = this.#blocks[first - 1] as Block;
      start16 = previous.start16 + previous.text.length;
      startCp = previous.startCp + previous.cpLength;
    }
    for (let i = first; i < this.#blocks.length; i++) {
      const gap = (this.#gaps[i] as string).length;
      const block = this.#blocks[i] as Block;
      block.start16 = start16 + gap;
      block.startCp = startCp + gap;
      start16 = block.start16 + block.text.length;
      startCp = block.startCp + block.cpLength;
    }
  }

  /** Appends a block's detections (those `keep` accepts) to `into` in document code points, sorted within the block. */
  #placeBlock(block: Block, into: Detection[], keep?: (local: LocalDetection) => boolean): void {
    const placed: Detection[] = [];
    for (const result of block.results.values()) {
      for (const local of result.detections) {
        if (keep && !keep(local)) continue;
        const start = block.offsets ? block.offsets.toCodePoint(local.start) : local.start;
        const end = block.offsets ? block.offsets.toCodePoint(local.end) : local.end;
        placed.push(
          Object.assign({}, local, {
            start: block.startCp + start,
            end: block.startCp + end,
            text: block.text.slice(local.start, local.end),
          }) as Detection,
        );
      }
    }
    for (const detection of sortDetections(placed)) into.push(detection);
  }

  /** Index of the last block satisfying a predicate that is monotone (true then false), or -1. */
  #lastBlockWhere(predicate: (block: Block) => boolean): number {
    let lo = 0;
    let hi = this.#blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (predicate(this.#blocks[mid] as Block)) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Index of the first block whose end is after `offset` (or at it, when `inclusive`); the block count when none. */
  #firstBlockEndingAfter(offset: number, inclusive = false): number {
    let lo = 0;
    let hi = this.#blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const end = blockEnd(this.#blocks[mid] as Block);
      if (end < offset || (!inclusive && end === offset)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A block for a paragraph; its position is set by `#renumberFrom`. */
function makeBlock(text: string): Block {
  const single = isSingleUnitText(text);
  const offsets = single ? null : new OffsetMap(text);
  return {
    text,
    start16: 0,
    startCp: 0,
    cpLength: offsets ? offsets.codePointLength : text.length,
    offsets,
    results: new Map(),
  };
}

const blockEnd = (block: Block): number => block.start16 + block.text.length;
const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), high);
