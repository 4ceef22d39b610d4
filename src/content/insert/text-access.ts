import type { EditorKind } from './editor-kind';
import { selectionFor } from './selection';

/** A textarea or text input: its text and selection live in `value` and `selectionStart/End`. */
export function isField(root: HTMLElement): root is HTMLTextAreaElement | HTMLInputElement {
  return root.tagName === 'TEXTAREA' || root.tagName === 'INPUT';
}

/** The draft as the user sees it. */
export function readText(root: HTMLElement): string {
  if (isField(root)) return root.value;
  return root.innerText.replace(/\u00a0/g, ' ');
}

/** Text before the caret inside `root`, when the caret is collapsed inside it. */
export function textBeforeCaret(root: HTMLElement): string | null {
  if (isField(root)) {
    const { selectionStart, selectionEnd } = root;
    if (selectionStart === null || selectionStart !== selectionEnd) return null;
    return root.value.slice(0, selectionStart);
  }
  const selection = selectionFor(root);
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null;
  const caret = selection.getRangeAt(0);
  if (!root.contains(caret.startContainer)) return null;
  const before = root.ownerDocument.createRange();
  before.selectNodeContents(root);
  before.setEnd(caret.startContainer, caret.startOffset);
  return before.toString();
}

/**
 * Selects the `length` characters right before the caret, so the next insertion replaces exactly
 * the typed shortcut and nothing else of the draft.
 */
export function selectBeforeCaret(root: HTMLElement, length: number): boolean {
  if (isField(root)) {
    const end = root.selectionStart ?? 0;
    if (end < length) return false;
    root.setSelectionRange(end - length, end);
    return true;
  }
  const selection = selectionFor(root);
  if (!selection || selection.rangeCount === 0) return false;
  const caret = selection.getRangeAt(0);
  let node: Node = caret.startContainer;
  let offset = caret.startOffset;
  if (node.nodeType !== Node.TEXT_NODE) {
    // Caret between elements: step into the text node just before it.
    const previous = node.childNodes[offset - 1];
    if (!previous) return false;
    node = lastTextNode(previous) ?? previous;
    offset = node.textContent?.length ?? 0;
  }
  if (node.nodeType !== Node.TEXT_NODE || offset < length) return false;
  const range = root.ownerDocument.createRange();
  range.setStart(node, offset - length);
  range.setEnd(node, offset);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

function lastTextNode(node: Node): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return node;
  for (let child = node.lastChild; child; child = child.previousSibling) {
    const found = lastTextNode(child);
    if (found) return found;
  }
  return null;
}

/** Whitespace-insensitive count of `needle` in `haystack`, for verifying an insertion landed once. */
export function countOccurrences(haystack: string, needle: string): number {
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const h = squash(haystack);
  const n = squash(needle);
  if (!n) return 0;
  let count = 0;
  for (let at = h.indexOf(n); at !== -1; at = h.indexOf(n, at + n.length)) count++;
  return count;
}

export type { EditorKind };
