import { selectionFor } from './selection';
import { isField } from './text-access';

/** Where the caret was in a box before Tono's own UI (picker, blanks form) took the focus. */
export type SavedSelection = { kind: 'field'; start: number; end: number } | { kind: 'range'; range: Range } | null;

export function saveSelection(box: HTMLElement): SavedSelection {
  if (isField(box)) {
    return { kind: 'field', start: box.selectionStart ?? box.value.length, end: box.selectionEnd ?? box.value.length };
  }
  const selection = selectionFor(box);
  return selection && selection.rangeCount > 0 ? { kind: 'range', range: selection.getRangeAt(0).cloneRange() } : null;
}

/** Puts the caret back where the user was, so an insertion lands there. */
export function restoreSelection(box: HTMLElement, saved: SavedSelection): void {
  box.focus();
  if (!saved) return;
  if (saved.kind === 'field') {
    if (isField(box)) box.setSelectionRange(saved.start, saved.end);
    return;
  }
  const selection = selectionFor(box);
  selection?.removeAllRanges();
  selection?.addRange(saved.range);
}
