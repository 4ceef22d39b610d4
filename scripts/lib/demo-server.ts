import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { DEMO_BUILD } from './paths';

/** Where the demo feed is served: a supported site's URL, so the content script runs as it would there. */
export const DEMO_URL = 'https://x.com/tono-demo/';
const DEMO_DIR = `${DEMO_BUILD}/`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/**
 * Answers a request for the routed demo URL from dist/demo. Used by Playwright's and Puppeteer's
 * request interception, so nothing goes to the network.
 */
export function demoResponse(url: string): StaticResponse {
  const path = new URL(url).pathname.replace(/^\/tono-demo\/?/, '') || 'index.html';
  const file = normalize(join(DEMO_DIR, path));
  if (!file.startsWith(DEMO_DIR) || !existsSync(file)) {
    return { status: 404, contentType: 'text/plain', body: Buffer.from('not found') };
  }
  return { status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) };
}

export function assertDemoBuilt(): void {
  if (!existsSync(join(DEMO_DIR, 'index.html'))) throw new Error('dist/demo is missing: run `npm run build` first.');
}
