/**
 * Micro-check, not a test (no timed assertions in the suite): how long the
 * store takes to open and to save a 10,000-annotation sidecar, and how long
 * an alias bomb takes to be refused. The official benchmark is `npm run
 * bench`; this is the quick look while working on the store.
 *
 *   npx tsx test/core/store/measure-store-speed.ts [annotations]
 */
import type { Annotation } from '../../../src/core/model';
import { AnnotationStore } from '../../../src/core/store/annotation-store';
import { parseSidecar } from '../../../src/core/store/sidecar-format';
import { renderNewSidecar } from '../../../src/core/store/sidecar-writer';
import { hashText } from '../../../src/core/text/hash';
import { MemoryFileSystem } from '../../helpers/memory-file-system';

const COUNT = Number(process.argv[2] ?? 10000);
const ROUNDS = 5;

function makeAnnotations(count: number): Annotation[] {
  const kinds = ['metric', 'quote', 'recommendation'] as const;
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i.toString(36).padStart(7, '0')}`,
    kind: kinds[i % 3] as string,
    status: i % 17 === 0 ? ('rejected' as const) : ('accepted' as const),
    text: i % 3 === 1 ? 'We are proud of what our staff have achieved this year,' : '92 per cent of care leavers',
    start: i * 120,
    end: i * 120 + 27,
    line: i + 1,
    column: 5,
    prefix: 'In September 2018, inspectors found that ',
    suffix: ' were living in suitable accommodation.',
    tags: i % 5 === 0 ? ['housing', 'headline'] : [],
    note: i % 50 === 0 ? 'Checked against the previous letter.\nFigures agree.' : '',
    ...(i % 3 === 0 ? { metricKind: 'percent' as const, value: 92, unit: 'percent' } : {}),
    ...(i % 3 === 1 ? { speaker: 'Jane Smith', attribution: 'after' as const } : {}),
    created: '2026-11-22T08:00:00.000Z',
    updated: '2026-11-22T08:00:00.000Z',
    author: 'sam',
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function main(): Promise<void> {
  const text = renderNewSidecar({ source: 'report.txt', sourceHash: hashText('x'), annotations: makeAnnotations(COUNT) });
  console.log(`sidecar: ${COUNT} annotations, ${(text.length / 1024 / 1024).toFixed(1)} MB`);
  const opens: number[] = [];
  const saves: number[] = [];
  const openCpu: number[] = [];
  const saveCpu: number[] = [];
  // CPU time as well as wall time: on a shared, busy machine the wall time mostly measures the others.
  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  for (let round = 0; round < ROUNDS; round++) {
    const fs = new MemoryFileSystem({ 'report.txt.annotations.yaml': text });
    let t = performance.now();
    let cpu = process.cpuUsage();
    const opened = await AnnotationStore.open(fs, 'report.txt');
    opens.push(performance.now() - t);
    openCpu.push(cpuMs(cpu));
    if (!opened.ok) throw new Error(opened.problem.message);
    const store = opened.value;
    const middle = store.annotations[Math.floor(COUNT / 2)] as Annotation;
    store.update(middle.id, { note: `edited in round ${round}`, tags: ['checked'] });
    t = performance.now();
    cpu = process.cpuUsage();
    const saved = await store.save();
    saves.push(performance.now() - t);
    saveCpu.push(cpuMs(cpu));
    if (!saved.ok || !saved.value.written) throw new Error('save failed');
  }
  const show = (values: number[]) => `median ${median(values).toFixed(0)} ms (${values.map((v) => v.toFixed(0)).join(', ')})`;
  console.log(`open (read + parse + validate):                       wall ${show(opens)}, cpu ${show(openCpu)}`);
  console.log(`save one change (disk check + splice + verify + write): wall ${show(saves)}, cpu ${show(saveCpu)}`);

  const bomb = ['version: 1', 'source: r.txt', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let level = 1; level < 12; level++) bomb.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10).fill(`*${String.fromCharCode(96 + level)}`).join(', ')}]`);
  const t = performance.now();
  const refused = parseSidecar(bomb.join('\n'), 'bomb.yaml');
  console.log(`alias bomb (10^12 expansions): ${refused.ok ? 'ACCEPTED (bug)' : refused.problem.code} in ${(performance.now() - t).toFixed(1)} ms`);
}

void main();
