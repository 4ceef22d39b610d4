// Recording one reply event (the event and its rollup rows, one transaction) in real Chromium on
// the extension's own IndexedDB, with tens of thousands of events already stored.
import { launchChromiumWithTono } from '../scripts/lib/chromium-with-tono';
import { bundlePageScript } from '../scripts/lib/page-bundle';
import { percentile, report } from './report';

const BUDGET_MS = 5;
const PREFILL = 20_000;
const SAMPLES = 1000;

export async function benchRecordChromium(): Promise<void> {
  const script = await bundlePageScript(new URL('./record-chromium-page.ts', import.meta.url), 'tonoRecordBenchBundle');
  const tono = await launchChromiumWithTono();
  try {
    const bench = 'globalThis.tonoRecordBench';
    // Timed where the extension records: in its service worker, on its own database.
    await tono.worker.evaluate(script);
    const inWorker = <T>(run: string) => tono.worker.evaluate(run) as Promise<T>;
    await inWorker<number[]>(`${bench}.recordMany(${PREFILL}, 1)`);
    const samples = await inWorker<number[]>(`${bench}.recordMany(${SAMPLES}, 2)`);
    const floor = await inWorker<number[]>(`${bench}.rawPutMany(${SAMPLES})`);
    const stored = await inWorker<number>(`${bench}.stored()`);
    // Then as many again in an extension page under the CPU profiler (Playwright opens DevTools
    // sessions on pages only; the profiler slows what it watches, so apart from the timed ones):
    // how long the thread is busy per record (script, serializing, GC), apart from waiting for
    // IndexedDB to commit.
    const page = await tono.context.newPage();
    await page.goto(`chrome-extension://${tono.extensionId}/manifest.json`);
    await page.evaluate(script);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.evaluate(`${bench}.recordMany(${SAMPLES}, 3)`);
    const busyMs = busyTime(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);
    report({
      name: 'record one reply event (Chromium service worker, extension IndexedDB)',
      value: percentile(samples, 95),
      unit: 'ms',
      budget: BUDGET_MS,
      details: {
        p50: percentile(samples, 50).toFixed(2),
        samples: samples.length,
        eventsStored: stored,
        bareOnePutTransactionP95: percentile(floor, 95).toFixed(2),
        bareOnePutTransactionP50: percentile(floor, 50).toFixed(2),
        ratioToBareP95: (percentile(samples, 95) / percentile(floor, 95)).toFixed(2),
        threadBusyPerRecordMsProfiledInPage: (busyMs / SAMPLES).toFixed(2),
      },
    });
  } finally {
    await tono.close();
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of a CPU profile in which the thread was not idle. */
function busyTime(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id));
  let busy = 0;
  // A sample's delta is the time since the previous sample: the time that sample stands for.
  profile.samples.forEach((id, i) => {
    if (!idle.has(id)) busy += profile.timeDeltas[i] ?? 0;
  });
  return busy / 1000;
}
