import type { BackgroundToContent, FixOutcome, RequestOf } from '../shared/messages/protocol';
import type { FocusTracker } from './focus-tracker';
import { copyToClipboard, insertText } from './insert/insert-text';
import { selectDraftRange } from './insert/select-range';
import { hasFocusWithin } from './insert/selection';
import { readText } from './insert/text-access';
import { showToast } from './toast';

/** `replaceText` from the worker (a tone finding's one-click fix in the side panel). */
export function fixFocusedDraft(focus: FocusTracker, request: RequestOf<BackgroundToContent, 'replaceText'>): Promise<FixOutcome> {
  return replaceRange(focus.lastBox, request).catch((): FixOutcome => ({ ok: false, reason: 'not-applied' }));
}

/**
 * Replaces one range of the draft through the same insertion machinery as a typed shortcut: the
 * range is selected, then one verified mechanism types the replacement over it. The draft must
 * still be exactly the text the panel checked, or nothing is touched.
 */
async function replaceRange(
  box: HTMLElement | null,
  { draft, start, end, replacement }: RequestOf<BackgroundToContent, 'replaceText'>,
): Promise<FixOutcome> {
  if (!box?.isConnected) return { ok: false, reason: 'no-box' };
  if (readText(box) !== draft) return { ok: false, reason: 'draft-changed' };
  // Focus first: focusing an editor may move its caret, which would undo the selection.
  if (!hasFocusWithin(box)) box.focus();
  if (!selectDraftRange(box, start, end)) return { ok: false, reason: 'draft-changed' };
  const result = await insertText(box, replacement);
  if (result.ok) {
    const expected = draft.slice(0, start) + replacement + draft.slice(end);
    return readText(box) === expected ? { ok: true, method: result.method } : { ok: false, reason: 'not-applied' };
  }
  // The range is still selected: with the fix on the clipboard, Ctrl+V replaces exactly it.
  if (readText(box) === draft && (await copyToClipboard(replacement))) {
    showToast('toastCopied');
    return { ok: false, reason: 'clipboard' };
  }
  return { ok: false, reason: 'not-applied' };
}
