import { matchesKey } from '../shared/domain/keys';
import { normalizeShortcut, tokenBeforeCaret } from '../shared/domain/text';
import { deepTarget } from './deep-target';
import { editableRoot } from './insert/editor-kind';
import { textBeforeCaret } from './insert/text-access';
import type { ShortcutCache } from './shortcut-cache';

/** A keydown Tono took from the page: the box and the shortcut before the caret at that moment. */
export interface HeldShortcut {
  box: HTMLElement;
  token: string;
  /**
   * The held key was Tab: if the worker expands nothing here (the list was not known yet, or
   * named a reply of a brand that does not answer in this box), the focus moves on as Tab would.
   */
  tabMovesOn: boolean;
}

/** Stops a keydown the page must never see (it would move the focus or type). */
export function hold(event: KeyboardEvent): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

/**
 * Decides synchronously, inside the keydown, whether the expansion key (Tab unless settings say
 * otherwise) follows a shortcut; if so the key is held back. With no shortcut before the caret
 * the key keeps its meaning. Synthetic events from page scripts never trigger an insertion.
 */
export function holdShortcut(event: KeyboardEvent, shortcuts: ShortcutCache): HeldShortcut | null {
  if (!matchesKey(shortcuts.prefs.expandKey, event)) return null;
  if (!event.isTrusted || event.isComposing) return null;
  const box = editableRoot(deepTarget(event));
  if (!box) return null;
  const before = textBeforeCaret(box);
  const token = before === null ? null : tokenBeforeCaret(before, before.length);
  if (!token) return null;
  if (shortcuts.known && !shortcuts.has(normalizeShortcut(token.token))) return null;
  hold(event);
  return { box, token: token.token, tabMovesOn: shortcuts.prefs.expandKey === 'tab' };
}
