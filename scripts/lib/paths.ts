import { resolve } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Where builds go: `dist/` unless TONO_DIST names another folder, so two checkouts or two
 * parallel runs on one machine do not overwrite each other's build under a running browser.
 */
export const DIST = resolve(ROOT, process.env.TONO_DIST ?? 'dist');
export const CHROME_BUILD = `${DIST}/chrome`;
export const FIREFOX_BUILD = `${DIST}/firefox`;
export const DEMO_BUILD = `${DIST}/demo`;
