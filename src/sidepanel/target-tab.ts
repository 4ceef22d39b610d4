import { browser } from '../shared/browser';

/**
 * The tab this panel works with: the active tab of its window. When the panel itself is that tab
 * (opened as a page rather than docked), null, and the background uses the most recent box.
 */
export async function targetTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id || !tab.url || tab.url.startsWith(browser.runtime.getURL(''))) return null;
  return tab.id;
}
