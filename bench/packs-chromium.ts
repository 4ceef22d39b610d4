// Importing a 10 000-template pack inside the built extension in real Chromium, on the extension
// origin's IndexedDB: (1) the repository code (parse, validate, diff, one transaction) bundled
// from the same sources and run in an extension page, with an atomicity check (a write that
// fails midway leaves the database as it was); (2) the options page's own import, from choosing
// the file to the installed pack on screen (the preview the member confirms in between excluded).
import type { Page } from 'playwright-core';
import { launchChromiumWithTono } from '../scripts/lib/chromium-with-tono';
import { serializePack, type PackTemplate } from '../src/shared/domain/pack';
import { bundlePageScript } from '../scripts/lib/page-bundle';
import { COUNT, packOf, templateAt, updatedTemplates } from './packs';
import { percentile, report } from './report';

const BUDGET_MS = 1000;
const SAMPLES = 5;

interface ImportSteps {
  parseMs: number;
  previewMs: number;
  applyMs: number;
  totalMs: number;
}
interface PackState {
  rows: number;
  version: string | null;
  digest: string;
}
interface PageBench {
  importText(text: string): Promise<ImportSteps>;
  state(packId: string): Promise<PackState>;
  failMidway(text: string, at: number): Promise<{ threw: boolean; error: string }>;
  rawFloor(packId: string): Promise<number>;
  remove(packId: string): Promise<void>;
}
type BenchCall = { [K in keyof PageBench]: [K, ...Parameters<PageBench[K]>] }[keyof PageBench];

async function call<R>(page: Page, ...args: BenchCall): Promise<R> {
  return page.evaluate(
    ([name, ...rest]) => {
      const bench = (globalThis as unknown as { tonoPackBench: Record<string, (...a: unknown[]) => Promise<unknown>> }).tonoPackBench;
      return bench[name as string]!(...rest);
    },
    args as unknown[],
  ) as Promise<R>;
}

/**
 * The repository path in an extension page. Each sample installs its own pack id, the way a
 * member's first import lands in rows no earlier import touched; then the last one is updated,
 * and a further update fails midway.
 */
async function repositoryFigures(page: Page, templates: PackTemplate[], update: PackTemplate[]) {
  const samples: { steps: ImportSteps; floorMs: number }[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const id = `bench-${i}`;
    const steps = await call<ImportSteps>(page, 'importText', serializePack({ ...packOf('1', templates), id }));
    samples.push({ steps, floorMs: await call<number>(page, 'rawFloor', id) });
    if (i < SAMPLES - 1) await call(page, 'remove', id);
  }
  const last = `bench-${SAMPLES - 1}`;
  const updateSteps = await call<ImportSteps>(page, 'importText', serializePack({ ...packOf('2', update), id: last }));
  // Atomicity: version 2 is installed; a version 3 whose write fails midway must leave it as it was.
  const before = await call<PackState>(page, 'state', last);
  const failing = serializePack({ ...packOf('3', updatedTemplates(2)), id: last });
  const failure = await call<{ threw: boolean; error: string }>(page, 'failMidway', failing, Math.floor(COUNT * 0.9));
  const after = await call<PackState>(page, 'state', last);
  const atomic = failure.threw && before.digest === after.digest && after.version === '2';
  if (!atomic) throw new Error(`import is not atomic in Chromium: ${JSON.stringify({ failure, before, after })}`);
  await call(page, 'remove', last);
  const median = percentile(samples.map((sample) => sample.steps.totalMs), 50);
  const chosen = samples.find((sample) => sample.steps.totalMs === median)!;
  return { median, steps: chosen.steps, floor: chosen.floorMs, updateMs: updateSteps.totalMs, failure, rows: after.rows };
}

// Runs in the options page: marks (performance.now()) when the file input changes, when the
// preview appears, when Apply is clicked and when the pack is listed, watched by a MutationObserver.
const WATCH_IMPORT = `() => {
  const marks = {};
  window.__tonoImportMarks = marks;
  document.querySelector('#pack-file').addEventListener('change', () => { marks.chosen = performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (!marks.preview && document.querySelector('.packs-import .packs-preview')) marks.preview = performance.now();
    const listed = [...document.querySelectorAll('.packs-pack')].some((row) => row.textContent.includes('Bench'));
    if (marks.applied === undefined && marks.clicked && listed) { marks.applied = performance.now(); observer.disconnect(); }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}`;
const CLICK_APPLY = `() => {
  const button = [...document.querySelectorAll('.packs-import button')].find((b) => /^(Apply|Aplicar)$/.test(b.textContent.trim()));
  window.__tonoImportMarks.clicked = performance.now();
  button.click();
}`;

/** The options page's import, timed in the page: file chosen → preview shown, Apply → pack listed. */
async function optionsPageFigure(page: Page, script: string, first: string) {
  const buffer = Buffer.from(first);
  const samples: number[] = [];
  const parts: { previewMs: number; applyMs: number }[] = [];
  for (let i = 0; i < 3; i++) {
    await page.reload();
    await page.waitForSelector('#pack-file');
    await page.evaluate(script);
    await page.evaluate(`(${WATCH_IMPORT})()`);
    await page.setInputFiles('#pack-file', { name: 'bench.json', mimeType: 'application/json', buffer });
    await page.waitForSelector('.packs-import .packs-preview');
    await page.evaluate(`(${CLICK_APPLY})()`);
    await page.waitForFunction(() => (window as { __tonoImportMarks?: { applied?: number } }).__tonoImportMarks?.applied !== undefined, null, { timeout: 60_000 });
    const marks = await page.evaluate(() => (window as unknown as { __tonoImportMarks: Record<string, number> }).__tonoImportMarks);
    const part = { previewMs: marks.preview! - marks.chosen!, applyMs: marks.applied! - marks.clicked! };
    samples.push(part.previewMs + part.applyMs);
    parts.push(part);
    await call(page, 'remove', 'bench');
  }
  const median = percentile(samples, 50);
  return { median, parts: parts[samples.indexOf(median)]! };
}

/** Both Chromium figures; `nodeMs` is the Node (fake-indexeddb) figure, printed next to them. */
export async function benchPackImportChromium(nodeMs?: number): Promise<void> {
  const templates = Array.from({ length: COUNT }, (_, i) => templateAt(i));
  const first = serializePack(packOf('1', templates));
  const script = await bundlePageScript(new URL('./packs-chromium-page.ts', import.meta.url), 'tonoPackBenchBundle');
  const tono = await launchChromiumWithTono();
  try {
    const options = await tono.context.newPage();
    await options.goto(`chrome-extension://${tono.extensionId}/src/options/index.html`);
    // A quiet extension page of the same origin for the repository figure: no live queries around.
    const quiet = await tono.context.newPage();
    await quiet.goto(`chrome-extension://${tono.extensionId}/manifest.json`);
    await quiet.evaluate(script);
    const repo = await repositoryFigures(quiet, templates, updatedTemplates(1));
    report({
      name: 'import a 10 000-template pack (Chromium, extension IndexedDB)',
      value: repo.median,
      unit: 'ms',
      budget: BUDGET_MS,
      details: {
        ...(nodeMs === undefined ? {} : { nodeFakeIndexedDbMs: Math.round(nodeMs) }),
        parseValidateMs: Math.round(repo.steps.parseMs),
        previewDiffMs: Math.round(repo.steps.previewMs),
        applyTransactionMs: Math.round(repo.steps.applyMs),
        naiveRowPerReplyRawPutsMs: Math.round(repo.floor),
        naiveOverTono: `${(repo.floor / repo.median).toFixed(1)}x`,
        midwayFailure: `${repo.failure.error}, database unchanged (${repo.rows} rows)`,
        samples: SAMPLES,
      },
    });
    report({
      name: 'update an installed 10 000-template pack (Chromium, 10 % edited, 1 % removed, 1 % added)',
      value: repo.updateMs,
      unit: 'ms',
      budget: BUDGET_MS,
      details: { samples: 1 },
    });
    const ui = await optionsPageFigure(options, script, first);
    report({
      name: 'import a 10 000-template pack (Chromium, options page UI)',
      value: ui.median,
      unit: 'ms',
      budget: BUDGET_MS,
      details: { fileToPreviewMs: Math.round(ui.parts.previewMs), applyToListedMs: Math.round(ui.parts.applyMs), samples: 3 },
    });
  } finally {
    await tono.close();
  }
}
