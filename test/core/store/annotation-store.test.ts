import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { detect } from '../../../src/core/detect/detect';
import { AnnotationStore } from '../../../src/core/store/annotation-store';
import { createAnnotationFactory } from '../../../src/core/store/new-annotation';
import { parseSidecar } from '../../../src/core/store/sidecar-format';
import { hashText } from '../../../src/core/text/hash';
import type { Logger } from '../../../src/core/ports';
import { MemoryFileSystem } from '../../helpers/memory-file-system';
import { HAND_WRITTEN, makeAnnotation, REPORT } from './fixtures';

const REPORT_PATH = 'reports/report.txt';
const SIDECAR_PATH = 'reports/report.txt.annotations.yaml';
const clock = () => new Date('2026-11-22T08:00:00.000Z');

async function openOrThrow(fs: MemoryFileSystem, options = {}): Promise<AnnotationStore> {
  const opened = await AnnotationStore.open(fs, REPORT_PATH, { now: clock, ...options });
  if (!opened.ok) throw new Error(opened.problem.message);
  return opened.value;
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, warn: (message) => warnings.push(message), error() {} };
}

describe('core/store/annotation-store', () => {
  describe('AnnotationStore.open', () => {
    it('opens an empty store when there is no sidecar, and writes nothing', async () => {
      const fs = new MemoryFileSystem({ [REPORT_PATH]: REPORT });
      const store = await openOrThrow(fs);
      assert.equal(store.sidecarPath, SIDECAR_PATH);
      assert.equal(store.reportPath, REPORT_PATH);
      assert.deepEqual(store.annotations, []);
      assert.equal(store.sourceHash, null);
      assert.equal(store.dirty, false);
      assert.equal(store.readOnly, false);
      assert.deepEqual(await store.save(), { ok: true, value: { written: false, merged: false, conflicts: [] } });
      assert.equal(fs.has(SIDECAR_PATH), false);
    });

    it('loads a hand-written sidecar sorted by start', async () => {
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
      const store = await openOrThrow(fs);
      assert.deepEqual(
        store.annotations.map((a) => a.id),
        ['m1', 'q1', 'r1'],
      );
      assert.equal(store.get('q1')?.speaker, 'Jane Smith');
      assert.equal(store.sourceHash, 'fnv1a64:0123456789abcdef');
    });

    const badSidecars: [string, string | Uint8Array, string, { maxBytes?: number }][] = [
      ['malformed YAML', 'version: 1\nsource: report.txt\nannotations: [\n', 'sidecar-malformed', {}],
      ['a schema violation', 'version: 1\nsource: report.txt\nannotations:\n  - id: a\n', 'sidecar-invalid', {}],
      ['an oversized file', `${HAND_WRITTEN}#${'x'.repeat(2000)}\n`, 'sidecar-too-large', { maxBytes: 1024 }],
      ['an alias bomb', `version: 1\nsource: report.txt\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n`, 'sidecar-alias-bomb', {}],
      ['another report’s sidecar', HAND_WRITTEN.replace('source: report.txt', 'source: other.txt'), 'sidecar-wrong-source', {}],
      ['bytes that are not UTF-8', new Uint8Array([0x76, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), 'sidecar-malformed', {}],
    ];
    for (const [label, content, code, options] of badSidecars) {
      it(`refuses ${label} with a clear problem and leaves the file byte-identical`, async () => {
        const fs = new MemoryFileSystem({ [SIDECAR_PATH]: content });
        const before = fs.bytes(SIDECAR_PATH);
        const opened = await AnnotationStore.open(fs, REPORT_PATH, options);
        assert.equal(opened.ok, false);
        if (opened.ok) return;
        assert.equal(opened.problem.code, code);
        assert.equal(opened.problem.path, SIDECAR_PATH);
        assert.ok(opened.problem.message.length > 10);
        if (typeof content === 'string' && ['sidecar-malformed', 'sidecar-invalid', 'sidecar-alias-bomb'].includes(code)) assert.ok(typeof opened.problem.line === 'number');
        assert.deepEqual(fs.bytes(SIDECAR_PATH), before);
        assert.equal(fs.writes.length, 0);
      });
    }

    it('opens a newer format version read-only and refuses to save it', async () => {
      const newer = HAND_WRITTEN.replace('version: 1', 'version: 3');
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: newer });
      const logger = recordingLogger();
      const store = await openOrThrow(fs, { logger });
      assert.equal(store.readOnly, true);
      assert.match(store.readOnlyReason ?? '', /version 3 is newer/);
      assert.equal(store.annotations.length, 3);
      assert.ok(logger.warnings.some((warning) => warning.includes('read-only')));
      store.remove('m1');
      const saved = await store.save();
      assert.equal(saved.ok, false);
      if (!saved.ok) assert.equal(saved.problem.code, 'sidecar-newer-version');
      assert.equal(fs.text(SIDECAR_PATH), newer);
    });
  });

  describe('AnnotationStore#save', () => {
    it('writes an empty list, keeping the comments, when the last annotation is removed', async () => {
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
      const store = await openOrThrow(fs);
      for (const annotation of [...store.annotations]) store.remove(annotation.id);
      const saved = await store.save();
      assert.ok(saved.ok);
      const text = fs.text(SIDECAR_PATH) ?? '';
      assert.match(text, /^annotations: \[\]/m);
      for (const comment of HAND_WRITTEN.split('\n').filter((line) => line.startsWith('#'))) assert.ok(text.includes(comment), comment);
      const reread = parseSidecar(text, SIDECAR_PATH);
      assert.ok(reread.ok);
      if (reread.ok) assert.deepEqual(reread.value.annotations, []);
    });

    it('creates the sidecar from accepted detections and reads it back', async () => {
      const fs = new MemoryFileSystem({ [REPORT_PATH]: REPORT });
      const store = await openOrThrow(fs);
      const factory = createAnnotationFactory(REPORT, { now: clock, author: 'sam' });
      store.add(factory.fromSpan('metric', 19, 30, { tags: ['housing'] }));
      for (const detection of detect(REPORT)) store.add(factory.fromDetection(detection));
      store.setSourceHash(hashText(REPORT));
      assert.equal(store.dirty, true);
      const saved = await store.save();
      assert.deepEqual(saved, { ok: true, value: { written: true, merged: false, conflicts: [] } });
      assert.equal(store.dirty, false);
      const reopened = await openOrThrow(fs);
      assert.deepEqual(reopened.annotations, store.annotations);
      assert.equal(reopened.sourceHash, hashText(REPORT));
    });

    it('changes no byte of a hand-written sidecar when saved without changes', async () => {
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
      const store = await openOrThrow(fs);
      store.update('q1', { note: 'temporary' });
      store.update('q1', { note: '', updated: '2026-11-01T10:00:00.000Z' });
      const saved = await store.save();
      assert.ok(saved.ok);
      assert.equal(saved.value.written, false);
      assert.equal(fs.text(SIDECAR_PATH), HAND_WRITTEN);
    });

    it('keeps comments, blank lines and unknown keys through a load-modify-save', async () => {
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
      const store = await openOrThrow(fs);
      store.update('m1', { tags: ['headline'] });
      store.add(makeAnnotation({ id: 'z9', start: 150, end: 155, text: 'trace' }));
      assert.ok((await store.save()).ok);
      const text = fs.text(SIDECAR_PATH) ?? '';
      for (const kept of ['# Keep this comment.', 'reviewer: Sam   # an unknown top-level key', 'confidence: high', '  # Dismissed.', '# trailing comment', '\n\n  - id: q1']) {
        assert.ok(text.includes(kept), kept);
      }
      assert.match(text, /tags: \[headline\]/);
      assert.match(text, /updated: 2026-11-22T08:00:00.000Z/);
    });

    it('merges two writers’ different changes from the same original', async () => {
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
      const first = await openOrThrow(fs);
      const second = await openOrThrow(fs);
      first.update('m1', { status: 'rejected' });
      first.add(makeAnnotation({ id: 'f1', start: 1, end: 2, text: 'n' }));
      second.update('q1', { tags: ['staff'] });
      second.remove('r1');
      second.add(makeAnnotation({ id: 's1', start: 3, end: 4, text: 'S' }));

      const firstSave = await first.save();
      assert.deepEqual(firstSave, { ok: true, value: { written: true, merged: false, conflicts: [] } });
      const secondSave = await second.save();
      assert.deepEqual(secondSave, { ok: true, value: { written: true, merged: true, conflicts: [] } });

      const final = await openOrThrow(fs);
      assert.deepEqual(
        final.annotations.map((a) => a.id),
        ['f1', 's1', 'm1', 'q1'],
      );
      assert.equal(final.get('m1')?.status, 'rejected');
      assert.deepEqual(final.get('q1')?.tags, ['staff']);
      assert.deepEqual(second.annotations, final.annotations);
      assert.ok(fs.text(SIDECAR_PATH)?.includes('# Keep this comment.'));
    });

    it('keeps both values visibly when two writers change the same note', async () => {
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
      const logger = recordingLogger();
      const first = await openOrThrow(fs);
      const second = await openOrThrow(fs, { logger });
      first.update('q1', { note: 'From the first window.' });
      second.update('q1', { note: 'From the second window.' });
      assert.ok((await first.save()).ok);
      const saved = await second.save();
      assert.deepEqual(saved.ok && saved.value.conflicts, [{ id: 'q1', field: 'note' }]);
      const final = await openOrThrow(fs);
      assert.equal(final.get('q1')?.note, 'From the second window.\n<<< theirs\nFrom the first window.\n>>>');
      assert.equal(logger.warnings.length, 1);
    });

    it('merges any two sets of edits without losing an annotation either side kept', async () => {
      const ids = ['m1', 'q1', 'r1'];
      const edits = fc.array(fc.record({ id: fc.constantFrom(...ids), action: fc.constantFrom('note', 'tag', 'remove', 'reject') }), { maxLength: 4 });
      await fc.assert(
        fc.asyncProperty(edits, edits, fc.nat(20), fc.nat(20), async (firstEdits, secondEdits, firstAdds, secondAdds) => {
          const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
          const stores = [await openOrThrow(fs), await openOrThrow(fs)] as const;
          const added: string[][] = [[], []];
          [firstEdits, secondEdits].forEach((list, which) => {
            const store = stores[which] as AnnotationStore;
            for (const { id, action } of list) {
              if (!store.get(id)) continue;
              if (action === 'remove') store.remove(id);
              else if (action === 'note') store.update(id, { note: `note from ${which}` });
              else if (action === 'tag') store.update(id, { tags: [...(store.get(id)?.tags ?? []), `t${which}`] });
              else store.update(id, { status: 'rejected' });
            }
            const id = `new${which}`;
            store.add(makeAnnotation({ id, start: [firstAdds, secondAdds][which] as number, end: 200 }));
            added[which]?.push(id);
          });
          assert.ok((await stores[0].save()).ok);
          assert.ok((await stores[1].save()).ok);
          const final = await openOrThrow(fs);
          for (const id of ['new0', 'new1']) assert.ok(final.get(id), id);
          for (const id of ids) {
            const keptByBoth = stores.every((store) => store.get(id) !== undefined);
            if (keptByBoth) assert.ok(final.get(id), `${id} was kept by both writers`);
          }
          const parsed = parseSidecar(fs.text(SIDECAR_PATH) ?? '', 'x');
          assert.ok(parsed.ok);
        }),
        { numRuns: 40 },
      );
    });

    it('stays in step with the file over many saves in a row', async () => {
      const step = fc.oneof(
        fc.record({ op: fc.constant('add' as const), start: fc.nat(300), note: fc.constantFrom('', 'a', 'two\nlines') }),
        fc.record({ op: fc.constant('note' as const), index: fc.nat(), note: fc.constantFrom('', 'x', 'y\nz', ' lead') }),
        fc.record({ op: fc.constant('move' as const), index: fc.nat(), start: fc.nat(300) }),
        fc.record({ op: fc.constant('remove' as const), index: fc.nat() }),
        fc.record({ op: fc.constant('hash' as const), hash: fc.constantFrom('fnv1a64:1', 'fnv1a64:2') }),
      );
      await fc.assert(
        fc.asyncProperty(fc.boolean(), fc.array(fc.array(step, { maxLength: 4 }), { minLength: 1, maxLength: 5 }), async (crlf, rounds) => {
          const fs = new MemoryFileSystem({ [SIDECAR_PATH]: crlf ? HAND_WRITTEN.replace(/\n/g, '\r\n') : HAND_WRITTEN });
          const store = await openOrThrow(fs);
          let counter = 0;
          for (const round of rounds) {
            for (const change of round) {
              const ids = store.annotations.map((a) => a.id);
              const id = ids.length > 0 && 'index' in change ? (ids[change.index % ids.length] as string) : undefined;
              if (change.op === 'add') store.add(makeAnnotation({ id: `n${counter++}`, start: change.start, end: change.start + 3, note: change.note }));
              else if (change.op === 'hash') store.setSourceHash(change.hash);
              else if (id && change.op === 'note') store.update(id, { note: change.note });
              else if (id && change.op === 'move') store.update(id, { start: change.start, end: change.start + 2 });
              else if (id && change.op === 'remove') store.remove(id);
            }
            const saved = await store.save();
            assert.ok(saved.ok && !saved.value.merged);
            const reopened = await openOrThrow(fs);
            assert.deepEqual(reopened.annotations, store.annotations);
            assert.equal(reopened.sourceHash, store.sourceHash);
            assert.ok(fs.text(SIDECAR_PATH)?.includes('# Keep this comment.'));
          }
        }),
        { numRuns: 40 },
      );
    });

    it('leaves the old file whole when the process dies mid-save, and saves on the next try', async () => {
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
      const store = await openOrThrow(fs);
      store.update('m1', { note: 'after the crash' });
      fs.crashNextWrite();
      const crashed = await store.save();
      assert.equal(crashed.ok, false);
      if (!crashed.ok) assert.equal(crashed.problem.code, 'file-unwritable');
      assert.equal(fs.text(SIDECAR_PATH), HAND_WRITTEN);
      assert.equal(store.dirty, true);
      assert.ok((await store.save()).ok);
      assert.equal((await openOrThrow(fs)).get('m1')?.note, 'after the crash');
    });

    it('refuses to save over a sidecar that became malformed on disk', async () => {
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
      const store = await openOrThrow(fs);
      store.update('m1', { note: 'mine' });
      const broken = `${HAND_WRITTEN}  - id: [\n`;
      fs.setFile(SIDECAR_PATH, broken);
      const saved = await store.save();
      assert.equal(saved.ok, false);
      if (!saved.ok) {
        assert.match(saved.problem.message, /changed on disk and is no longer valid/);
        assert.ok(saved.problem.line);
      }
      assert.equal(fs.text(SIDECAR_PATH), broken);
    });

    it('writes its annotations whole when the sidecar was deleted since it was read', async () => {
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
      const store = await openOrThrow(fs);
      store.update('m1', { note: 'mine' });
      await fs.delete(SIDECAR_PATH);
      const saved = await store.save();
      assert.ok(saved.ok && saved.value.written && !saved.value.merged);
      assert.equal((await openOrThrow(fs)).annotations.length, 3);
    });

    it('refuses to save when the sidecar on disk was rewritten in a newer version', async () => {
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
      const store = await openOrThrow(fs);
      store.remove('m1');
      const newer = HAND_WRITTEN.replace('version: 1', 'version: 2');
      fs.setFile(SIDECAR_PATH, newer);
      const saved = await store.save();
      assert.equal(saved.ok, false);
      if (!saved.ok) assert.equal(saved.problem.code, 'sidecar-newer-version');
      assert.equal(fs.text(SIDECAR_PATH), newer);
    });
  });

  describe('AnnotationStore#save while changes keep coming', () => {
    it('keeps a change made while a save is writing, and saves it next time', async () => {
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
      const store = await openOrThrow(fs);
      store.update('m1', { note: 'first' });
      const release = fs.pauseWrites();
      const saving = store.save();
      await new Promise((resolve) => setTimeout(resolve, 0));
      store.add(makeAnnotation({ id: 'late', start: 1, end: 2, text: 'n' }));
      release();
      assert.ok((await saving).ok);
      assert.ok(store.get('late'), 'the late annotation is still in the store');
      assert.equal(store.get('m1')?.note, 'first');
      assert.equal(store.dirty, true);
      assert.equal((await openOrThrow(fs)).get('late'), undefined);
      assert.ok((await store.save()).ok);
      const reopened = await openOrThrow(fs);
      assert.ok(reopened.get('late'));
      assert.equal(reopened.get('m1')?.note, 'first');
    });

    it('runs saves asked for at once one after the other, losing nothing', async () => {
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
      const store = await openOrThrow(fs);
      const release = fs.pauseWrites();
      store.update('m1', { note: 'one' });
      const first = store.save();
      store.update('q1', { note: 'two' });
      const second = store.save();
      release();
      const results = await Promise.all([first, second]);
      assert.ok(results.every((result) => result.ok));
      const reopened = await openOrThrow(fs);
      assert.deepEqual([reopened.get('m1')?.note, reopened.get('q1')?.note], ['one', 'two']);
      assert.equal(store.dirty, false);
    });
  });

  describe('AnnotationStore#add/update/remove', () => {
    it('throws on a duplicate id or an unknown id to update, both bugs in the caller', async () => {
      const store = await openOrThrow(new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN }));
      assert.throws(() => store.add(makeAnnotation({ id: 'm1' })), /already taken/);
      assert.throws(() => store.update('nope', { note: 'x' }), /no annotation with id 'nope'/);
      store.remove('nope');
      assert.equal(store.dirty, false);
    });

    it('sets updated on update and keeps annotations sorted by start', async () => {
      const store = await openOrThrow(new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN }));
      store.update('r1', { start: 0, end: 5 });
      assert.equal(store.get('r1')?.updated, '2026-11-22T08:00:00.000Z');
      assert.deepEqual(
        store.annotations.map((a) => a.id),
        ['r1', 'm1', 'q1'],
      );
    });
  });

  describe('AnnotationStore#reload', () => {
    it('drops unsaved changes and picks up the file as it is now', async () => {
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
      const store = await openOrThrow(fs);
      store.remove('m1');
      fs.setFile(SIDECAR_PATH, HAND_WRITTEN.replace('speaker: Jane Smith', 'speaker: J. Smith'));
      assert.ok((await store.reload()).ok);
      assert.equal(store.dirty, false);
      assert.equal(store.annotations.length, 3);
      assert.equal(store.get('q1')?.speaker, 'J. Smith');
    });

    it('keeps the store as it was when the file has become invalid', async () => {
      const fs = new MemoryFileSystem({ [SIDECAR_PATH]: HAND_WRITTEN });
      const store = await openOrThrow(fs);
      fs.setFile(SIDECAR_PATH, 'version: [\n');
      const reloaded = await store.reload();
      assert.equal(reloaded.ok, false);
      assert.equal(store.annotations.length, 3);
    });
  });
});
