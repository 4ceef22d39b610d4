import { browser } from '../shared/browser';
import { getDatabase } from '../shared/db/database';
import { seedStarterLibrary } from '../shared/db/seed';
import { injectContentUi } from './content-ui';
import { createContentHandlers } from './handlers/content';
import { packSyncDeps, registerPackSync } from './handlers/packs';
import { createPackSync } from './pack-sync';
import { createPageHandlers } from './handlers/page';
import { createPrivacyHandlers } from './handlers/privacy';
import { lastFocus } from './last-focus';
import { IN_PAGE_PATH } from '../shared/messages/in-page';
import { createInPageTokens } from './in-page-tokens';
import { createRouter, type SenderInfo } from './router';
import { syncUserSiteScripts } from './user-sites';
import { registerStatsUpkeep } from './stats-upkeep';

// Every listener is registered synchronously at top level so events that wake the worker reach it.
const db = getDatabase();
const packDeps = packSyncDeps(db);
const packSync = createPackSync(packDeps);
registerPackSync(packSync, packDeps.repo);
const inPageTokens = createInPageTokens(IN_PAGE_PATH);
const route = createRouter({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  content: {
    ...createContentHandlers(db, lastFocus, () => browser.i18n.getUILanguage()),
    loadContentUi: injectContentUi,
    registerInPageToken: inPageTokens.registerInPageToken,
  },
  page: {
    ...createPageHandlers(db, lastFocus),
    ...createPrivacyHandlers(db, lastFocus),
    ...packSync.handlers,
    claimInPageToken: inPageTokens.claimInPageToken,
  },
});

// Seeding is idempotent and cheap once done, so it runs at every start and every message waits for
// it: a page that asks for shortcuts right after install must not get an empty library.
const seeded = seedStarterLibrary(db).catch((error: unknown) => console.error('Tono: seeding failed', error));

// Stats upkeep (finish a recompute a settings change left undone, rebuild rollups that no longer
// add up to the events, prune events past the retention) runs on a daily alarm, not at every start.
void registerStatsUpkeep(db, browser);

browser.runtime.onMessage.addListener(async (message: unknown, sender: SenderInfo) => {
  await seeded;
  return route(message, sender);
});

browser.runtime.onInstalled.addListener(() => {
  void syncUserSiteScripts(db).catch((error: unknown) => console.error('Tono: site registration failed', error));
});

browser.permissions.onAdded.addListener(() => void syncUserSiteScripts(db));
browser.permissions.onRemoved.addListener(() => void syncUserSiteScripts(db));
browser.tabs.onRemoved.addListener((tabId) => void lastFocus.forget(tabId));

// The toolbar button opens the panel: Chrome's side panel, or Firefox's sidebar.
const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome
  ?.sidePanel;
if (sidePanel) {
  void sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
} else {
  browser.action.onClicked.addListener(() => void browser.sidebarAction.toggle());
}
