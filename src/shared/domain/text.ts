/** Lower-case and strip diacritics so `devolucion` matches `devolución`. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Shortcuts are compared folded and without surrounding spaces. */
export function normalizeShortcut(shortcut: string): string {
  return foldText(shortcut.trim());
}

/** Characters a shortcut may contain: letters, digits and a few punctuation marks (`;gracias`, `/dm`). */
export const SHORTCUT_CHAR = /[\p{L}\p{N}_\-;/.:!]/u;

/**
 * The run of shortcut characters that ends at `caret` in `text`, or null.
 * Used by Tab expansion: only the token right before the caret can be a shortcut.
 */
export function tokenBeforeCaret(text: string, caret: number): { token: string; start: number } | null {
  let start = caret;
  while (start > 0) {
    const ch = text[start - 1];
    if (ch === undefined || !SHORTCUT_CHAR.test(ch)) break;
    start--;
  }
  if (start === caret) return null;
  return { token: text.slice(start, caret), start };
}
