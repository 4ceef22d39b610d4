import { existsSync } from 'node:fs';

/** Thrown when a browser is missing; its message says how to install it, with no stack noise. */
export class MissingBrowserError extends Error {}

type Exists = (path: string) => boolean;

function firstExisting(candidates: Array<string | undefined>, exists: Exists): string | undefined {
  return candidates.find((path): path is string => Boolean(path) && exists(path!));
}

/** Debian's Chromium, or CHROME_PATH. Tests never download a browser. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env, exists: Exists = existsSync): string {
  const found = firstExisting([env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'], exists);
  if (!found) {
    throw new MissingBrowserError(
      'Chromium was not found. Install it with `sudo apt-get install chromium` (Debian/Ubuntu), ' +
        'or set CHROME_PATH to a Chromium or Chrome for Testing binary.',
    );
  }
  return found;
}

/** Debian's Firefox ESR, or FIREFOX_PATH. */
export function firefoxPath(env: NodeJS.ProcessEnv = process.env, exists: Exists = existsSync): string {
  const found = firstExisting([env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'], exists);
  if (!found) {
    throw new MissingBrowserError(
      'Firefox was not found. Install it with `sudo apt-get install firefox-esr` (Debian), or set FIREFOX_PATH.',
    );
  }
  return found;
}
