import { MissingBrowserError, chromiumPath, firefoxPath } from '../../scripts/lib/browsers';

/** Stops the end-to-end run with one clear line when a browser is missing. */
export default function checkBrowsers(): void {
  try {
    chromiumPath();
    firefoxPath();
  } catch (error) {
    if (!(error instanceof MissingBrowserError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
