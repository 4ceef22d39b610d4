export type EditorKind =
  | 'textarea'
  | 'input'
  | 'draft'
  | 'lexical'
  | 'quill'
  | 'prosemirror'
  | 'slate'
  | 'contenteditable';

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'url', 'email']);

/** The editable element that owns `node`, or null when the node is not inside something editable. */
export function editableRoot(node: EventTarget | null): HTMLElement | null {
  if (!(node instanceof Element)) return null;
  if (node.tagName === 'TEXTAREA') return node as HTMLTextAreaElement;
  if (node.tagName === 'INPUT') {
    const input = node as HTMLInputElement;
    return TEXT_INPUT_TYPES.has(input.type) ? input : null;
  }
  const host = node as HTMLElement;
  if (!host.isContentEditable) return null;
  // Climb to the outermost element that is still editable: that is the editor's root.
  let root: HTMLElement = host;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}

/** Decided from the DOM, not the site, so an unknown site using a known editor works too. */
export function editorKind(root: HTMLElement): EditorKind {
  if (root.tagName === 'TEXTAREA') return 'textarea';
  if (root.tagName === 'INPUT') return 'input';
  if (root.closest('.DraftEditor-root')) return 'draft';
  if (root.hasAttribute('data-lexical-editor')) return 'lexical';
  if (root.classList.contains('ql-editor')) return 'quill';
  if (root.classList.contains('ProseMirror')) return 'prosemirror';
  if (root.hasAttribute('data-slate-editor')) return 'slate';
  return 'contenteditable';
}
