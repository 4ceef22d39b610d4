import * as kit from './kit';
import { installedSite } from './site-slot';
import type { SiteAdapter } from './types';
import { unclaimedAdapter } from './unclaimed';

// A platform's adapter is its own small script (sites/<id>.js, see site-slot.ts), injected by the
// worker into the frame right after content-ui.js, so a page loads one site's reading code, not
// ten. The chunk reads the shared helpers from `tonoSiteKit` (kit.ts), published here; like the
// bootstrap's handoff, it is an isolated-world global that page scripts can neither see nor set.
(globalThis as typeof globalThis & { tonoSiteKit?: typeof kit }).tonoSiteKit = kit;

/** The adapter for this frame: the installed platform's when it claims the host, else unclaimed. */
export function installedAdapterFor(hostname: string): SiteAdapter {
  const site = installedSite();
  return site?.matches(hostname) ? site : unclaimedAdapter;
}
