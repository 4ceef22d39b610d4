// `npm run bench`: prints each figure next to its DESIGN.md budget and writes bench/results.json.
import { benchContentScriptSize } from './content-size';
import { benchEditors } from './editors';
import { benchPageCost } from './page-cost';
import { writeResults } from './report';
import { benchTabLatency } from './tab-latency';
import { benchToneCheck } from './tone';

benchContentScriptSize();
benchToneCheck();
await benchTabLatency();
await benchEditors();
await benchPageCost();
console.log(`\nWrote ${writeResults()}`);
