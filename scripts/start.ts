// `npm start`: builds Tono, serves the demo feed and opens Chromium with Tono loaded.
// Without a display it runs the main flow headless and writes screenshots and a transcript.
import { mkdirSync, writeFileSync } from 'node:fs';
import { MissingBrowserError } from './lib/browsers';
import { buildAll } from './lib/build';
import { launchChromiumWithTono } from './lib/chromium-with-tono';
import { DEMO_URL } from './lib/demo-server';
import { runDemoFlow } from './lib/demo-flow';

const OUT_DIR = new URL('../demo-output', import.meta.url).pathname;
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.TONO_HEADLESS !== '1';

async function interactive(): Promise<void> {
  const tono = await launchChromiumWithTono({ headless: false });
  await tono.openDemo();
  console.log(`Chromium is open with Tono on the demo feed (${DEMO_URL}, served locally).`);
  console.log('Click a reply box, type "gracias" or "thanks" and press Tab.');
  console.log('Click the Tono icon in the toolbar to open the side panel. Close the browser to finish.');
  await new Promise<void>((resolve) => tono.context.on('close', () => resolve()));
}

async function headless(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const lines: string[] = [];
  const log = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  log('No display found: running the Tono demo headless in Chromium.');
  const tono = await launchChromiumWithTono({ headless: true });
  try {
    await runDemoFlow(tono, OUT_DIR, log);
  } finally {
    await tono.close();
    writeFileSync(`${OUT_DIR}/transcript.md`, `# Tono demo transcript\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`);
  }
  console.log(`Transcript: ${OUT_DIR}/transcript.md`);
}

try {
  console.log('Building Tono…');
  await buildAll();
  await (hasDisplay ? interactive() : headless());
} catch (error) {
  if (error instanceof MissingBrowserError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
}
