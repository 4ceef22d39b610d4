// `npm run bench`: prints each figure next to its DESIGN.md budget and writes bench/results.json.
import { benchContentScriptSize } from './content-size';
import { benchEditors } from './editors';
import { benchPackImport } from './packs';
import { benchPackImportChromium } from './packs-chromium';
import { benchPageCost } from './page-cost';
import { benchPanelOpen } from './panel-open';
import { benchPickerOpen } from './picker-open';
import { benchRecordChromium } from './record-chromium';
import { writeResults } from './report';
import { benchSearch } from './search';
import { benchStats } from './stats';
import { benchStatsExport } from './stats-export';
import { benchTabLatency } from './tab-latency';
import { benchToneCheck } from './tone';

// `npm run bench -- record search` runs only the named steps and updates their figures in
// results.json, keeping the others.
const steps: [string, () => unknown][] = [
  ['content-size', benchContentScriptSize],
  ['tone', benchToneCheck],
  ['tab', benchTabLatency],
  ['editors', benchEditors],
  ['picker', benchPickerOpen],
  ['search', benchSearch],
  ['panel', benchPanelOpen],
  ['page-cost', benchPageCost],
  ['packs', async () => benchPackImportChromium(await benchPackImport())],
  ['stats', benchStats],
  ['record', benchRecordChromium],
  ['export', benchStatsExport],
];
const only = process.argv.slice(2);
const unknown = only.filter((name) => !steps.some(([step]) => step === name));
if (unknown.length) throw new Error(`unknown bench step(s) ${unknown.join(', ')}; steps: ${steps.map(([step]) => step).join(', ')}`);
for (const [name, run] of steps) if (only.length === 0 || only.includes(name)) await run();
console.log(`\nWrote ${writeResults(only.length > 0)}`);
