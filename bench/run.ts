// `npm run bench`: prints each figure next to its DESIGN.md budget and writes bench/results.json.
import { benchContentScriptSize } from './content-size';
import { benchEditors } from './editors';
import { benchPackImport } from './packs';
import { benchPackImportChromium } from './packs-chromium';
import { benchPageCost } from './page-cost';
import { benchPanelOpen } from './panel-open';
import { benchRecordChromium } from './record-chromium';
import { writeResults } from './report';
import { benchSearch } from './search';
import { benchStats } from './stats';
import { benchStatsExport } from './stats-export';
import { benchTabLatency } from './tab-latency';
import { benchToneCheck } from './tone';

benchContentScriptSize();
benchToneCheck();
await benchTabLatency();
await benchEditors();
await benchSearch();
await benchPanelOpen();
await benchPageCost();
await benchPackImportChromium(await benchPackImport());
await benchStats();
await benchRecordChromium();
await benchStatsExport();
console.log(`\nWrote ${writeResults()}`);
