import { browser } from '../shared/browser';

const SCRIPT_ID = 'tono-user-sites';

/** Built-in sites come from the manifest; these are the extra origins the user granted at run time. */
async function grantedUserOrigins(): Promise<string[]> {
  const manifest = browser.runtime.getManifest();
  const builtIn = new Set(manifest.content_scripts?.flatMap((script) => script.matches ?? []) ?? []);
  const granted = (await browser.permissions.getAll()).origins ?? [];
  return granted.filter((origin) => !builtIn.has(origin) && /^https?:\/\//.test(origin));
}

/**
 * Keeps one dynamic content script registered for every origin the user enabled through optional
 * host permissions, so a Mastodon instance or a brand forum works without a new release.
 */
export async function syncUserSiteScripts(): Promise<string[]> {
  const origins = await grantedUserOrigins();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length === 0) return origins;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: origins, js: ['content.js'], runAt: 'document_start', allFrames: true },
  ]);
  return origins;
}
