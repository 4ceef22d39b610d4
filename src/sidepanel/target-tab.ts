import { browser } from '../shared/browser';

/**
 * The tab this panel works with: the active tab of its window. When the panel itself is that tab
 * (opened as a page rather than docked), null, and the background uses the most recent box.
 */
export async function targetTabId(): Promise<number | null> {
  // getCurrent() is undefined in a docked side panel or sidebar, and the panel's own tab otherwise.
  if (await browser.tabs.getCurrent()) return null;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
