import { browser } from '../shared/browser';
import type { FocusTracker } from './focus-tracker';
import { readText } from './insert/text-access';

/** Longer drafts are checked on their first characters only: no reply box holds more. */
const MAX_DRAFT = 20_000;

/**
 * Answers `getDraft` from the background (the side panel's tone check): the text of the last
 * focused box, read-only. Only Tono itself can ask; the page cannot reach this listener.
 */
export function createDraftListener(focus: FocusTracker) {
  return (message: unknown, sender: { id?: string }): Promise<{ text: string } | null> | undefined => {
    if (sender.id !== browser.runtime.id || (message as { type?: unknown }).type !== 'getDraft') return undefined;
    const box = focus.lastBox;
    return Promise.resolve(box?.isConnected ? { text: readText(box).slice(0, MAX_DRAFT) } : null);
  };
}
