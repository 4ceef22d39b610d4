// Editor fixture pages (test/fixtures/editors): built with vite into ${DIST}/fixtures and served
// through request routing at real sites' URLs, so the content script runs as it would there.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { DIST, ROOT } from './paths';

export const FIXTURES_BUILD = `${DIST}/fixtures`;
const SOURCE = `${ROOT}test/fixtures/editors`;
const PREFIX = '/tono-fixtures/';

/** Each editor at the URL of a site that uses it (or at least runs Tono there). */
export const FIXTURE_URLS = {
  draft: 'https://x.com/tono-fixtures/draft/',
  'lexical-rich': 'https://www.facebook.com/tono-fixtures/lexical-rich/',
  'lexical-plain': 'https://www.threads.com/tono-fixtures/lexical-plain/',
  quill1: 'https://www.linkedin.com/tono-fixtures/quill1/',
  quill2: 'https://www.linkedin.com/tono-fixtures/quill2/',
  prosemirror: 'https://bsky.app/tono-fixtures/prosemirror/',
  tiptap: 'https://www.linkedin.com/tono-fixtures/tiptap/',
  slate: 'https://www.tiktok.com/tono-fixtures/slate/',
  textarea: 'https://www.instagram.com/tono-fixtures/textarea/',
  input: 'https://www.youtube.com/tono-fixtures/input/',
  contenteditable: 'https://www.youtube.com/tono-fixtures/contenteditable/',
  shadow: 'https://www.reddit.com/tono-fixtures/shadow/',
  iframe: 'https://www.facebook.com/tono-fixtures/iframe/',
} as const;

export type FixtureKind = keyof typeof FIXTURE_URLS;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export async function buildFixtures(): Promise<void> {
  const pages = readdirSync(SOURCE, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(SOURCE, entry.name, 'index.html')))
    .map((entry) => [entry.name, join(SOURCE, entry.name, 'index.html')]);
  await build({
    root: SOURCE,
    configFile: false,
    logLevel: 'warn',
    base: './',
    // draft-js (through fbjs) still refers to Node's `global`.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    build: {
      outDir: FIXTURES_BUILD,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: { polyfill: false },
      rollupOptions: { input: Object.fromEntries(pages) },
    },
  });
}

/** The built file for a routed fixture URL (any host), or null. */
export function fixtureFile(url: string): { contentType: string; body: Buffer } | null {
  const { pathname } = new URL(url);
  if (!pathname.startsWith(PREFIX)) return null;
  let path = pathname.slice(PREFIX.length);
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const file = normalize(join(FIXTURES_BUILD, path));
  if (!file.startsWith(`${FIXTURES_BUILD}/`) || !existsSync(file)) return null;
  return { contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) };
}

/** Answers every `/tono-fixtures/` request from the build; nothing goes to the network. */
export async function routeFixtures(context: BrowserContext): Promise<void> {
  await context.route(`**${PREFIX}**`, (route) => {
    const found = fixtureFile(route.request().url());
    if (!found) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    return route.fulfill({ status: 200, contentType: found.contentType, body: found.body });
  });
}

export function assertFixturesBuilt(): void {
  if (!existsSync(join(FIXTURES_BUILD, 'draft', 'index.html'))) {
    throw new Error(`${FIXTURES_BUILD} is missing: run the build first.`);
  }
}
