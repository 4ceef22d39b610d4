import { browser } from '../shared/browser';
import { sendFromContent } from '../shared/messages/client';
import type { ContentToBackground, RequestOf, ResponseOf } from '../shared/messages/protocol';

const teardowns: Array<() => void> = [];
let orphaned = false;

/** Registers cleanup to run when the extension is updated or reloaded under this page. */
export function onOrphaned(teardown: () => void): void {
  teardowns.push(teardown);
}

function markOrphaned(): void {
  if (orphaned) return;
  orphaned = true;
  for (const teardown of teardowns.splice(0)) teardown();
}

/**
 * Calls an extension API that throws ("Extension context invalidated.") once the extension was
 * reloaded under this page; the script detaches instead of throwing into the page.
 */
export function whileConnected<T>(call: () => T, fallback: T): T {
  if (orphaned) return fallback;
  try {
    return call();
  } catch (error) {
    if (!browser.runtime?.id || String(error).includes('context invalidated')) markOrphaned();
    return fallback;
  }
}

/**
 * Sends to the background and never throws into the page: an orphaned script (the extension was
 * reloaded) detaches itself quietly; other failures resolve to null.
 */
export async function request<K extends keyof ContentToBackground & string>(
  type: K,
  payload: RequestOf<ContentToBackground, K>,
): Promise<ResponseOf<ContentToBackground, K> | null> {
  if (orphaned) return null;
  try {
    if (!browser.runtime.id) throw new Error('Extension context invalidated');
    return await sendFromContent(type, payload);
  } catch (error) {
    if (!browser.runtime.id || String(error).includes('context invalidated')) markOrphaned();
    return null;
  }
}
