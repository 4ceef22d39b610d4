import type { FocusTracker } from './focus-tracker';
import { readText } from './insert/text-access';

/** Longer drafts are checked on their first characters only: no reply box holds more. */
const MAX_DRAFT = 20_000;

/**
 * `getDraft` from the worker (the side panel's tone check): the text of the last focused box,
 * read-only. Only Tono's worker can ask (content/frame-router.ts); the page cannot.
 */
export function readFocusedDraft(focus: FocusTracker): Promise<{ text: string } | null> {
  const box = focus.lastBox;
  return Promise.resolve(box?.isConnected ? { text: readText(box).slice(0, MAX_DRAFT) } : null);
}
