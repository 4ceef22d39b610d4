import type { ThreadContext } from '../sites/types';
import { trackBox } from './box-state';
import { placeCaret } from './insert/caret';
import { copyToClipboard, insertText, type InsertResult } from './insert/insert-text';
import { showToast } from './toast';

/** A rendered template, as the worker sends it for a shortcut, the picker or the side panel. */
export interface ExpandedReply {
  text: string;
  cursorOffset: number | null;
  templateId: string | null;
}

/**
 * Inserts a rendered reply at the box's current selection, remembers which template the reply
 * started from (for drift and usage), places `{{cursor}}`, and falls back to the clipboard with
 * a notice when the editor would not take the text.
 */
export async function insertExpanded(box: HTMLElement, reply: ExpandedReply, context: ThreadContext): Promise<InsertResult> {
  const result = await insertText(box, reply.text);
  if (result.ok) {
    const state = trackBox(box, context, Date.now());
    state.templateId = reply.templateId;
    state.templateText = reply.templateId === null ? null : reply.text;
    if (reply.cursorOffset !== null) placeCaret(box, reply.text.length - reply.cursorOffset);
  } else if (await copyToClipboard(reply.text)) {
    showToast('toastCopied');
    return { ok: false, method: 'clipboard' };
  }
  return result;
}
