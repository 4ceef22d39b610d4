import { selectionFor } from './selection';
import { isField, readText } from './text-access';

/** Start positions of `needle` in `text`, overlapping ones included. */
function positions(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Selects [start, end) of the draft as `readText` reports it, so the next insertion replaces
 * exactly that text. Fields map offsets directly. In rich editors the rendered text and the DOM
 * disagree on block breaks, so the range is found as the same occurrence of the same text among
 * the editor's text nodes; when the two do not hold the same number of occurrences (hidden text,
 * text split across nodes) it selects nothing and returns false rather than guess.
 */
export function selectDraftRange(root: HTMLElement, start: number, end: number): boolean {
  const draft = readText(root);
  if (start >= end || end > draft.length) return false;
  if (isField(root)) {
    root.setSelectionRange(start, end);
    return root.selectionStart === start && root.selectionEnd === end;
  }
  const needle = draft.slice(start, end);
  const inDraft = positions(draft, needle);
  const index = inDraft.indexOf(start);
  if (index === -1) return false;

  const inDom: Array<{ node: Text; offset: number }> = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    for (const offset of positions(text.data.replace(/\u00a0/g, ' '), needle)) inDom.push({ node: text, offset });
  }
  const target = inDom[index];
  if (inDom.length !== inDraft.length || !target) return false;

  const selection = selectionFor(root);
  if (!selection) return false;
  const range = root.ownerDocument.createRange();
  range.setStart(target.node, target.offset);
  range.setEnd(target.node, target.offset + needle.length);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}
