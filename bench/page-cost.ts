import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { chromiumPath } from '../scripts/lib/browsers';
import { CHROME_BUILD, QUIET_FLAGS } from '../scripts/lib/chromium-with-tono';
import { CONTENT_UI_FILES } from '../src/shared/content-files';
import { percentile, report } from './report';

const FEED_URL = 'https://www.facebook.com/tono-bench/feed';
const FEED_HTML = readFileSync(new URL('./fixtures/feed.html', import.meta.url));
const LOADS = 10;
const FOCUS_SAMPLES = 30;

// What a naive extension does: rescan the whole document on every mutation and read each box's
// context. Injected into the page so its cost shows up on the same main thread.
const NAIVE_OBSERVER = `
  new MutationObserver(() => {
    for (const box of document.querySelectorAll('textarea, [contenteditable="true"]')) {
      if (box.dataset.naiveSeen) continue;
      box.dataset.naiveSeen = '1';
      const article = box.closest('article');
      box.addEventListener('focus', () => article && article.querySelector('time')?.dateTime);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
`;

async function launch(withTono: boolean): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'tono-bench-'));
  const extensionArgs = withTono ? [`--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...QUIET_FLAGS, ...extensionArgs],
  });
  await context.route(FEED_URL, (route) => route.fulfill({ contentType: 'text/html', body: FEED_HTML }));
  if (withTono && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface TraceEvent {
  name: string;
  dur?: number;
  args?: { data?: { url?: string; scriptName?: string } };
}

async function traced<T>(cdp: CDPSession, run: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  const result = await run();
  await cdp.send('Tracing.end');
  await complete;
  return { result, events };
}

const CONTENT_FILES = ['content.js', ...CONTENT_UI_FILES].map((file) => `/${file}`);
/** How long a click's trace stays open: the worker injects content-ui.js after the first focus. */
const AFTER_CLICK_MS = 150;

/** Milliseconds of script work attributed to Tono's content scripts (bootstrap and lazy part) in a trace. */
function tonoScriptMs(events: TraceEvent[]): number {
  const ours = (event: TraceEvent) => {
    const url = event.args?.data?.url ?? event.args?.data?.scriptName ?? '';
    return url.startsWith('chrome-extension://') && CONTENT_FILES.some((file) => url.endsWith(file));
  };
  // Only outermost events: EvaluateScript already contains the script's v8.compile and v8.run,
  // and FunctionCall covers each later callback (listeners, timers) into the script.
  return (
    events
      .filter((event) => ['EvaluateScript', 'FunctionCall'].includes(event.name) && ours(event))
      .reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000
  );
}

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
}

async function growFeed(page: Page, cdp: CDPSession, naive: boolean): Promise<{ taskMs: number; longTasks: number }> {
  await page.goto(FEED_URL);
  if (naive) await page.evaluate(NAIVE_OBSERVER);
  await page.evaluate(`window.__longTasks = 0; new PerformanceObserver((list) => { window.__longTasks += list.getEntries().length; }).observe({ type: 'longtask' });`);
  await cdp.send('Performance.enable');
  const before = await taskMs(cdp);
  await page.evaluate('window.growFeed(25, 100, 200)');
  const after = await taskMs(cdp);
  return { taskMs: after - before, longTasks: (await page.evaluate('window.__longTasks')) as number };
}

export async function benchPageCost(): Promise<void> {
  // 1. Script time Tono adds to a supported page's load (its content script, from a trace).
  const tono = await launch(true);
  try {
    const page = await tono.context.newPage();
    const cdp = await tono.context.newCDPSession(page);
    const loads: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const { events } = await traced(cdp, () => page.goto(FEED_URL, { waitUntil: 'load' }));
      loads.push(tonoScriptMs(events));
    }
    // The first load compiles the script without V8's code cache; later loads reuse it.
    const [first = NaN, ...later] = loads;
    report({
      name: 'script time added to page load, first load',
      value: first,
      unit: 'ms',
      budget: 5,
      details: { peerMs: 57 },
    });
    report({
      name: 'script time added to page load, later loads',
      value: percentile(later, 50),
      unit: 'ms',
      budget: 5,
      details: { p95: percentile(later, 95).toFixed(2), loads: later.length, peerMs: 57 },
    });

    // 2. A heavy feed growing by 2 500 comments and boxes: Tono's own share of main-thread time.
    const { result, events } = await traced(cdp, () => growFeed(page, cdp, false));
    const ownMs = tonoScriptMs(events);
    // 3. Focus → ready: Tono's script time for a click into a reply box on the grown feed
    // (finding the box, reading the thread context, telling the worker). The first click also
    // injects and runs content-ui.js, so each trace stays open a little after the click.
    const boxCount = (await page.evaluate('document.querySelectorAll("textarea, [contenteditable=true]").length')) as number;
    const focusMs: number[] = [];
    for (let i = 0; i < FOCUS_SAMPLES; i++) {
      const index = Math.floor(((i + 0.5) * boxCount) / FOCUS_SAMPLES);
      const box = page.locator('textarea, [contenteditable=true]').nth(index);
      await box.scrollIntoViewIfNeeded();
      const { events: clickEvents } = await traced(cdp, async () => {
        await box.click();
        await page.waitForTimeout(AFTER_CLICK_MS);
      });
      focusMs.push(tonoScriptMs(clickEvents));
    }
    report({
      name: 'focus on a reply box → Tono ready (context read)',
      value: percentile(focusMs, 95),
      unit: 'ms',
      budget: 16,
      details: {
        p50: percentile(focusMs, 50).toFixed(2),
        firstFocusMs: (focusMs[0] ?? NaN).toFixed(2),
        samples: FOCUS_SAMPLES,
        boxesOnPage: boxCount,
      },
    });
    report({
      name: 'Tono script share of main thread, growing feed',
      value: (100 * ownMs) / result.taskMs,
      unit: '%',
      budget: 1,
      details: { tonoMs: ownMs.toFixed(2), mainThreadMs: result.taskMs.toFixed(0), longTasks: result.longTasks },
    });
  } finally {
    await tono.close();
  }

  // 3. The same growth with no extension, and with a naive rescan-on-every-mutation observer.
  const plain = await launch(false);
  try {
    const page = await plain.context.newPage();
    const cdp = await plain.context.newCDPSession(page);
    const none = await growFeed(page, cdp, false);
    const naive = await growFeed(page, cdp, true);
    const naiveExtra = (100 * (naive.taskMs - none.taskMs)) / none.taskMs;
    report({
      name: 'naive rescan-on-mutation: extra main thread',
      value: naiveExtra,
      unit: '%',
      budget: 1,
      details: {
        noExtensionMs: none.taskMs.toFixed(0),
        naiveMs: naive.taskMs.toFixed(0),
        longTasksNone: none.longTasks,
        longTasksNaive: naive.longTasks,
        note: 'baseline for comparison, not Tono',
      },
    });
  } finally {
    await plain.close();
  }
}
