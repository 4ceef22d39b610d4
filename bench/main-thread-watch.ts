// Watches a page's main thread while something runs: the browser's long tasks (> 50 ms, from a
// PerformanceObserver) and a requestAnimationFrame heartbeat whose largest gap is the longest time
// the page could not paint. Runs in the page (bundled into a bench page script).

export interface MainThreadWatch {
  /** The longest long task, in ms (0 when there was none). */
  longestTaskMs: number;
  longTasks: number;
  longTaskTotalMs: number;
  /** The largest gap between two animation frames, in ms. */
  maxFrameGapMs: number;
  frames: number;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

export function watchMainThread(): { ready: Promise<void>; stop(): Promise<MainThreadWatch> } {
  const tasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  let from = Infinity;
  let last = 0;
  let maxGap = 0;
  let frames = 0;
  let running = true;
  // Timed with performance.now(): a frame's own timestamp is when it was scheduled, which after a
  // block can be long before the callback actually ran.
  const tick = () => {
    if (!running) return;
    const at = performance.now();
    maxGap = Math.max(maxGap, at - last);
    last = at;
    frames++;
    requestAnimationFrame(tick);
  };
  // Start on a frame boundary, so the first gap is a frame and not the time since the last paint.
  const ready = frame().then(() => {
    from = performance.now();
    last = from;
    requestAnimationFrame(tick);
  });
  return {
    ready,
    async stop() {
      // One more frame closes the last gap; the observer delivers its entries after it.
      await frame();
      running = false;
      await new Promise((resolve) => setTimeout(resolve, 100));
      tasks.push(...observer.takeRecords());
      observer.disconnect();
      const during = tasks.filter((task) => task.startTime + task.duration >= from);
      return {
        longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
        longTasks: during.length,
        longTaskTotalMs: during.reduce((sum, task) => sum + task.duration, 0),
        maxFrameGapMs: maxGap,
        frames,
      };
    },
  };
}
