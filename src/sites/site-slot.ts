import type { SiteAdapter } from './types';

// Where a platform chunk leaves its adapter for content-ui.js: a global of the content script's
// isolated world, which page scripts can neither see nor set. No imports, so chunks stay small.
const KEY = '__tonoSiteAdapter';
type Scope = typeof globalThis & { [KEY]?: SiteAdapter };

/** Called by a platform chunk (src/sites/chunks/<id>.ts). */
export function installSite(adapter: SiteAdapter): void {
  (globalThis as Scope)[KEY] = adapter;
}

export function installedSite(): SiteAdapter | undefined {
  return (globalThis as Scope)[KEY];
}
