// Builds dist/chrome, dist/firefox and the demo feed in dist/demo.
import { cpSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { build } from 'vite';
import { CONTENT_UI_FILES } from '../../src/shared/content-files';
import { buildFixtures } from './fixtures';
import { manifestFor, type Target } from './manifest';
import { CHROME_BUILD, DEMO_BUILD, DIST, ROOT } from './paths';

const root = ROOT;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
const quiet = { logLevel: 'warn' as const };

/** What a build is for: the release (no source maps) or `npm run dev` (source maps beside each file). */
export interface BuildOptions {
  sourcemap?: boolean;
}

async function buildExtension(outDir: string, sourcemap: boolean): Promise<void> {
  await build({ root, ...quiet, build: { outDir, emptyOutDir: true, sourcemap } });
  // The content script, as two self-contained classic scripts (no web_accessible_resources):
  // content.js, the small bootstrap injected at document_start on every supported page, and
  // content-ui.js, which the worker injects into a frame on first need (src/background/content-ui.ts).
  for (const [entry, fileName, name] of [
    ['index', 'content.js', 'tonoContent'],
    ['ui', CONTENT_UI_FILES[0], 'tonoContentUi'],
  ] as const) {
    await build({
      root,
      configFile: false,
      ...quiet,
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2022',
        sourcemap,
        copyPublicDir: false,
        lib: { entry: `${root}src/content/${entry}.ts`, formats: ['iife'], name, fileName: () => fileName },
      },
    });
  }
  cpSync(`${root}_locales`, `${outDir}/_locales`, { recursive: true });
  // Enterprise policy (managed storage) schema, referenced from manifest.json.
  cpSync(`${root}managed_schema.json`, `${outDir}/managed_schema.json`);
}

async function buildDemo(): Promise<void> {
  await build({
    root: `${root}demo`,
    configFile: false,
    ...quiet,
    base: './',
    build: { outDir: DEMO_BUILD, emptyOutDir: true, target: 'es2022' },
  });
}

/** Builds both extension packages (one build, two manifests) and the demo feed. */
export async function buildAll(options: BuildOptions = {}): Promise<void> {
  const chromeDir = CHROME_BUILD;
  await buildExtension(chromeDir, options.sourcemap ?? false);
  for (const target of ['chrome', 'firefox'] as Target[]) {
    const dir = `${DIST}/${target}`;
    if (target !== 'chrome') {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      cpSync(chromeDir, dir, { recursive: true });
    }
    writeFileSync(`${dir}/manifest.json`, JSON.stringify(manifestFor(target, pkg.version), null, 2));
  }
  await buildDemo();
  await buildFixtures();
}
