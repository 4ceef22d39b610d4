import { selectionFor } from './selection';
import { isField } from './text-access';

type MovableSelection = Selection & { modify?: (alter: string, direction: string, granularity: string) => void };

/** Moves the caret `charsFromEnd` characters back from where the insertion left it ({{cursor}}). */
export function placeCaret(box: HTMLElement, charsFromEnd: number): void {
  if (charsFromEnd <= 0) return;
  if (isField(box)) {
    const at = Math.max(0, (box.selectionEnd ?? box.value.length) - charsFromEnd);
    box.setSelectionRange(at, at);
    return;
  }
  // Selection.modify moves through the rendered text the way arrow keys do, so editors follow it
  // (a line break counts as one step, as one newline in the template does).
  const selection = selectionFor(box) as MovableSelection | null;
  for (let i = 0; i < charsFromEnd; i++) selection?.modify?.('move', 'backward', 'character');
}
