import { browser } from '../shared/browser';
import type { ReplyContext, SiteCheck } from '../shared/messages/protocol';

/** The reply box a content script last reported as focused, per tab. */
export interface FocusRecord {
  tabId: number;
  frameId: number;
  /** The page URL as the browser reported it for the sender, for the platform. */
  url: string;
  context: ReplyContext;
  focusedAt: number;
  /** The site check the content script sent with the focus (absent from older records). */
  check?: SiteCheck;
}

/**
 * One `storage.session` key per tab: a focus is a single `set` of its own key, with no shared
 * record to read, change and write back, so two tabs focusing at once cannot lose each other's.
 */
const PREFIX = 'focus:';
const keyOf = (tabId: number) => `${PREFIX}${tabId}`;
/** The single map earlier versions kept (storage.session survives an update only until restart). */
const LEGACY_KEY = 'lastFocus';

async function records(): Promise<FocusRecord[]> {
  const stored = await browser.storage.session.get(null);
  return Object.entries(stored)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([, record]) => record as FocusRecord);
}

/**
 * Kept in `storage.session`, not in memory: the worker may be stopped between the focus and the
 * click in the side panel. Session storage is not exposed to content scripts.
 */
export const lastFocus = {
  async remember(record: FocusRecord): Promise<void> {
    await browser.storage.session.set({ [keyOf(record.tabId)]: record });
  },
  async forget(tabId: number): Promise<void> {
    await browser.storage.session.remove(keyOf(tabId));
  },
  /** "Delete all my data": every tab's record (commenter, link, comment text) goes. */
  async forgetAll(): Promise<void> {
    const keys = Object.keys(await browser.storage.session.get(null));
    await browser.storage.session.remove(keys.filter((key) => key.startsWith(PREFIX) || key === LEGACY_KEY));
  },
  /** The record for `tabId`, or the most recent one in any tab when `tabId` is null. */
  async find(tabId: number | null): Promise<FocusRecord | undefined> {
    if (tabId !== null) return (await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)] as FocusRecord | undefined;
    return (await records()).sort((a, b) => b.focusedAt - a.focusedAt)[0];
  },
};
