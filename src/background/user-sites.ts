import { browser } from '../shared/browser';
import type { TonoDatabase } from '../shared/db/database';
import { SettingsRepo } from '../shared/db/repos/settings';

const SCRIPT_ID = 'tono-user-sites';

/**
 * The sites the user enabled in settings and still grants access to. Kept as an explicit list so
 * other granted origins (a team pack's host) never get the content script.
 */
async function enabledUserSites(db: TonoDatabase): Promise<string[]> {
  const wanted = (await new SettingsRepo(db).get('userSites')) ?? [];
  const granted = new Set((await browser.permissions.getAll()).origins ?? []);
  return wanted.filter((pattern) => granted.has(pattern) && /^https?:\/\//.test(pattern));
}

/**
 * Syncs run one after another: enabling a site fires the permission event while the settings page
 * asks for a sync too, and two interleaved runs would unregister or register the same id twice
 * (one fails, and its newer list may be lost). In memory is enough: a stopped worker runs none.
 */
let running: Promise<unknown> = Promise.resolve();

/**
 * Keeps one dynamic content script registered for the sites the user enabled through optional
 * host permissions, so a Mastodon instance or a brand forum works without a new release.
 */
export function syncUserSiteScripts(db: TonoDatabase): Promise<string[]> {
  const run = running.then(() => syncOnce(db));
  running = run.catch(() => undefined);
  return run;
}

async function syncOnce(db: TonoDatabase): Promise<string[]> {
  const origins = await enabledUserSites(db);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length === 0) return origins;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: origins, js: ['content.js'], runAt: 'document_start', allFrames: true },
  ]);
  return origins;
}
