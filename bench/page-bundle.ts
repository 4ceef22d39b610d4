// Bench page scripts: a bench/*-page.ts file bundled as one classic script, to evaluate in an
// extension page of the built extension. Never written to the extension build.
import { build } from 'vite';

export async function bundlePageScript(entry: string, name: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: new URL(entry, import.meta.url).pathname, formats: ['iife'], name, fileName: 'bench' },
    },
  });
  const chunk = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : [])).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`bench bundle ${entry}: no chunk`);
  return chunk.code;
}
