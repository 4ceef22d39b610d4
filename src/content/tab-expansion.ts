import { normalizeShortcut } from '../shared/domain/text';
import { withAnswers } from './blanks';
import { request } from './connection';
import type { FocusTracker } from './focus-tracker';
import { holdShortcut, type HeldShortcut } from './held-key';
import { selectBeforeCaret, textBeforeCaret } from './insert/text-access';
import { insertExpanded } from './insert-expanded';
import type { ShortcutCache } from './shortcut-cache';

/** Moves focus on as Tab would have, for the rare Tab we held back and the worker then declined. */
function focusNext(from: HTMLElement): void {
  const focusables = Array.from(
    from.ownerDocument.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]',
    ),
  ).filter((element) => !element.hasAttribute('disabled') && element.tabIndex >= 0);
  const index = focusables.findIndex((element) => element === from || element.contains(from));
  focusables[index + 1]?.focus();
}

/** Tab (or the chosen key) after a shortcut replaces it with the rendered template; otherwise Tab is Tab. */
export function createTabExpansion(shortcuts: ShortcutCache, focus: FocusTracker) {
  async function expand(box: HTMLElement, token: string, tabMovesOn: boolean): Promise<void> {
    const context = focus.contextFor(box);
    const shortcut = normalizeShortcut(token);
    const first = await request('expandShortcut', { shortcut, context });
    if (!first) {
      if (tabMovesOn) focusNext(box);
      return;
    }
    const expanded = await withAnswers(box, first, (inputs) => request('expandShortcut', { shortcut, context, inputs }));
    // The user may have typed on while we asked: only replace the shortcut if it is still there.
    if (!expanded || !textBeforeCaret(box)?.endsWith(token) || !selectBeforeCaret(box, token.length)) return;
    await insertExpanded(box, expanded, context);
  }

  const expandHeld = ({ box, token, tabMovesOn }: HeldShortcut): void => void expand(box, token, tabMovesOn);
  return {
    /** A shortcut held back by the bootstrap before this script was loaded (see held-key.ts). */
    expandHeld,
    onKey(event: KeyboardEvent): void {
      const held = holdShortcut(event, shortcuts);
      if (held) expandHeld(held);
    },
  };
}
