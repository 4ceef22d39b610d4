import { browser } from '../shared/browser';
import type { BackgroundToContent, RequestOf, ResponseOf } from '../shared/messages/protocol';

/** The frame that holds a focused box. */
export interface FrameTarget {
  tabId: number;
  frameId: number;
}

/**
 * The one way the worker talks to a content script: typed by BackgroundToContent on both ends
 * (content/frame-router.ts validates and answers). Resolves to undefined when the frame is gone
 * or did not answer, so callers say what that means for the user.
 */
export async function sendToFrame<K extends keyof BackgroundToContent>(
  target: FrameTarget,
  type: K,
  payload: RequestOf<BackgroundToContent, K>,
): Promise<ResponseOf<BackgroundToContent, K> | undefined> {
  try {
    const reply: unknown = await browser.tabs.sendMessage(target.tabId, { type, payload }, { frameId: target.frameId });
    // Our own content script answers (pages cannot reach this channel); an absent answer is undefined.
    return (reply ?? undefined) as ResponseOf<BackgroundToContent, K> | undefined;
  } catch {
    return undefined;
  }
}
