// The edit loop: builds dist/chrome and dist/firefox with source maps, then rebuilds whenever a
// file under src/, _locales/, public/ or demo/ changes. Usage: npm run dev
// Chromium does not reload an unpacked extension by itself: press the reload arrow on
// chrome://extensions (or `r` in web-ext run) after a rebuild, then reload the page under test.
import { watch } from 'node:fs';
import { buildAll } from './lib/build';
import { DIST, ROOT } from './lib/paths';

const WATCHED = ['src', '_locales', 'public', 'demo'];
const QUIET_MS = 150;

let running = false;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;

async function rebuild(reason: string): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  running = true;
  const started = performance.now();
  try {
    await buildAll({ sourcemap: true });
    console.log(`[tono dev] ${reason}: built ${DIST}/chrome and ${DIST}/firefox in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    // A syntax error mid-edit must not end the loop: print it and wait for the next save.
    console.error(`[tono dev] build failed (${reason}):`, error instanceof Error ? error.message : error);
  } finally {
    running = false;
    if (again) {
      again = false;
      void rebuild('changes during the last build');
    }
  }
}

await rebuild('first build');
for (const folder of WATCHED) {
  watch(`${ROOT}${folder}`, { recursive: true }, (_event, file) => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(`${folder}/${file ?? ''} changed`), QUIET_MS);
  });
}
console.log(`[tono dev] watching ${WATCHED.join(', ')}; Ctrl+C to stop`);
