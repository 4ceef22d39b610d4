import { matchesKey } from '../shared/domain/keys';
import { normalizeShortcut, tokenBeforeCaret } from '../shared/domain/text';
import { withAnswers } from './blanks';
import { request } from './connection';
import { deepTarget } from './deep-target';
import type { FocusTracker } from './focus-tracker';
import { editableRoot } from './insert/editor-kind';
import { selectBeforeCaret, textBeforeCaret } from './insert/text-access';
import { insertExpanded } from './insert-expanded';
import type { ShortcutCache } from './shortcut-cache';

/** Moves focus on as Tab would have, for the rare Tab we held back before shortcuts were known. */
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
  async function expand(box: HTMLElement, token: string, unsure: boolean): Promise<void> {
    const context = focus.contextFor(box);
    const shortcut = normalizeShortcut(token);
    const first = await request('expandShortcut', { shortcut, context });
    if (!first) {
      if (unsure) focusNext(box);
      return;
    }
    const expanded = await withAnswers(box, first, (inputs) => request('expandShortcut', { shortcut, context, inputs }));
    // The user may have typed on while we asked: only replace the shortcut if it is still there.
    if (!expanded || !textBeforeCaret(box)?.endsWith(token) || !selectBeforeCaret(box, token.length)) return;
    await insertExpanded(box, expanded, context);
  }

  return (event: KeyboardEvent): void => {
    // The expansion key is Tab until settings say otherwise; with no shortcut before it, it keeps its meaning.
    if (!matchesKey(shortcuts.prefs.expandKey, event)) return;
    // Synthetic events from page scripts never trigger an insertion.
    if (!event.isTrusted || event.isComposing) return;
    const box = editableRoot(deepTarget(event));
    if (!box) return;
    const before = textBeforeCaret(box);
    const token = before === null ? null : tokenBeforeCaret(before, before.length);
    if (!token) return;
    if (shortcuts.known && !shortcuts.has(normalizeShortcut(token.token))) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    void expand(box, token.token, !shortcuts.known);
  };
}
