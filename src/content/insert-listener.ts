import * as v from 'valibot';
import { browser } from '../shared/browser';
import type { InsertOutcome } from '../shared/messages/protocol';
import { InsertTextSchema } from '../shared/messages/schemas';
import type { FocusTracker } from './focus-tracker';
import { showToast } from './toast';
import { insertExpanded } from './insert-expanded';

/**
 * Handles `insertText` from the background (a click in the side panel). Other messages get a
 * synchronous `undefined`, so the listener that owns them can answer (a promise would claim them).
 */
export function createInsertListener(focus: FocusTracker) {
  return (message: unknown, sender: { id?: string }): Promise<InsertOutcome> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const envelope = message as { type?: unknown; payload?: unknown };
    if (envelope.type !== 'insertText') return undefined;
    const parsed = v.safeParse(InsertTextSchema, envelope.payload);
    if (!parsed.success) return undefined;
    return insertFromPanel(focus, parsed.output);
  };
}

async function insertFromPanel(
  focus: FocusTracker,
  { text, cursorOffset, templateId }: v.InferOutput<typeof InsertTextSchema>,
): Promise<InsertOutcome> {
  const box = focus.lastBox;
  if (!box?.isConnected) {
    showToast('toastNoBox');
    return { ok: false, reason: 'no-box' };
  }
  const context = focus.contextFor(box);
  const result = await insertExpanded(box, { text, cursorOffset, templateId }, context);
  return result.ok ? { ok: true, method: result.method } : { ok: false, reason: 'clipboard' };
}
