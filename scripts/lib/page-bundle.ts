// Page scripts for benches and e2e tests: repository code bundled as one classic script, to
// evaluate in an extension page or the service worker of the built extension. Never written to
// the extension build.
import { build } from 'vite';

/** `entry`: the script's URL (e.g. `new URL('./x-page.ts', import.meta.url)`). */
export async function bundlePageScript(entry: URL, name: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: entry.pathname, formats: ['iife'], name, fileName: 'bench' },
    },
  });
  const chunk = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : [])).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`bench bundle ${entry}: no chunk`);
  return chunk.code;
}
