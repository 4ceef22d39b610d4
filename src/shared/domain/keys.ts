/**
 * Keys the agent can choose for Tono's in-page actions. None of them is Enter (which sends a reply
 * on several sites), and each keeps its normal meaning when Tono has nothing to do with it.
 * Ids spell the exact modifiers, so Ctrl+Space never fires what Ctrl+Shift+Space does.
 */
export const EXPAND_KEYS = ['tab', 'ctrl-space', 'shift-space'] as const;
export const PICKER_KEYS = ['ctrl-shift-space', 'ctrl-period', 'ctrl-shift-slash'] as const;

export type ExpandKey = (typeof EXPAND_KEYS)[number];
export type PickerKey = (typeof PICKER_KEYS)[number];

/** What content scripts need from settings, delivered with the shortcut list. */
export interface ContentPrefs {
  expandKey: ExpandKey;
  openPickerKey: PickerKey;
  /** The small Tono button by the focused reply box. */
  replyButton: boolean;
}

/** Used until the first answer from the worker arrives, so the first keystroke already works. */
export const DEFAULT_PREFS: ContentPrefs = { expandKey: 'tab', openPickerKey: 'ctrl-shift-space', replyButton: true };

const CODES: Record<string, string> = { tab: 'Tab', space: 'Space', period: 'Period', slash: 'Slash' };

/** The parts of a keydown that decide a match (no DOM types: the worker imports this file too). */
interface KeyLike {
  code: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** Does a keydown press exactly this key, with exactly these modifiers? */
export function matchesKey(id: string, event: KeyLike): boolean {
  const parts = id.split('-');
  const key = parts.pop() ?? '';
  return (
    event.code === CODES[key] &&
    event.ctrlKey === parts.includes('ctrl') &&
    event.shiftKey === parts.includes('shift') &&
    event.altKey === parts.includes('alt') &&
    !event.metaKey
  );
}

/** A stored value, or the default when it is missing or no longer offered. */
export function pick<T extends string>(offered: readonly T[], value: unknown, fallback: T): T {
  return offered.find((option) => option === value) ?? fallback;
}
