import type { BackgroundToContent, InsertOutcome, RequestOf } from '../shared/messages/protocol';
import type { FocusTracker } from './focus-tracker';
import { showToast } from './toast';
import { insertExpanded } from './insert-expanded';

/** `insertText` from the worker (a click in the side panel): the rendered reply into the last focused box. */
export async function insertFromPanel(
  focus: FocusTracker,
  { text, cursorOffset, templateId }: RequestOf<BackgroundToContent, 'insertText'>,
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
