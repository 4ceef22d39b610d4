import { browser } from '../shared/browser';
import type { ReplyContext } from '../shared/messages/protocol';

/** The reply box a content script last reported as focused, per tab. */
export interface FocusRecord {
  tabId: number;
  frameId: number;
  /** The page URL as the browser reported it for the sender, for the platform. */
  url: string;
  context: ReplyContext;
  focusedAt: number;
}

const KEY = 'lastFocus';
type FocusMap = Record<string, FocusRecord>;

/**
 * Kept in `storage.session`, not in memory: the worker may be stopped between the focus and the
 * click in the side panel. Session storage is not exposed to content scripts.
 */
export const lastFocus = {
  async all(): Promise<FocusMap> {
    const stored = (await browser.storage.session.get(KEY))[KEY] as FocusMap | undefined;
    return stored ?? {};
  },
  async remember(record: FocusRecord): Promise<void> {
    const map = await lastFocus.all();
    map[String(record.tabId)] = record;
    await browser.storage.session.set({ [KEY]: map });
  },
  async forget(tabId: number): Promise<void> {
    const map = await lastFocus.all();
    if (!(String(tabId) in map)) return;
    const rest = Object.fromEntries(Object.entries(map).filter(([key]) => key !== String(tabId)));
    await browser.storage.session.set({ [KEY]: rest });
  },
  /** The record for `tabId`, or the most recent one in any tab when `tabId` is null. */
  async find(tabId: number | null): Promise<FocusRecord | undefined> {
    const map = await lastFocus.all();
    if (tabId !== null) return map[String(tabId)];
    return Object.values(map).sort((a, b) => b.focusedAt - a.focusedAt)[0];
  },
};
