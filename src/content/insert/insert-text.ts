import { editorKind, type EditorKind } from './editor-kind';
import {
  beforeInputLines,
  execCommandLines,
  pasteEvent,
  pasteLines,
  pasteWithBreaks,
  setRangeText,
  settle,
  syntheticPasteCarriesText,
} from './mechanisms';
import { hasFocusWithin, selectionFor } from './selection';
import { countOccurrences, readText } from './text-access';

export type InsertMethod =
  | 'paste-event'
  | 'paste-lines'
  | 'paste-breaks'
  | 'before-input'
  | 'exec-command'
  | 'exec-command-break-events'
  | 'set-range-text';

const PASTE_METHODS: ReadonlySet<InsertMethod> = new Set(['paste-event', 'paste-lines', 'paste-breaks']);
export type InsertResult = { ok: true; method: InsertMethod } | { ok: false; method: 'clipboard' | 'none' };

/** How long an editor may take to show an accepted edit (React renders on a later task). */
const COMMIT_WAIT_MS = 120;

/**
 * Mechanisms in order of preference, per editor kind; each is the way that editor's own model
 * takes the text with one line break per template newline.
 */
function mechanismsFor(kind: EditorKind): InsertMethod[] {
  switch (kind) {
    case 'textarea':
    case 'input':
      // Native edits keep the field's undo stack; setRangeText is for fields that refuse them.
      return ['exec-command', 'set-range-text'];
    case 'lexical':
      // A pasted newline becomes a paragraph (two newlines in Lexical's text); a line-break
      // beforeinput between pasted lines gives the single line break a template newline means.
      // Where a synthetic paste arrives empty (Firefox), native text commands with the same
      // beforeinput line breaks take its place.
      return ['paste-lines', 'exec-command-break-events', 'exec-command'];
    case 'draft':
      // Draft reads clipboardData on paste and splits lines into blocks (one newline each). Native
      // commands scramble its lines (seen in Firefox), so where pastes arrive empty the reply goes
      // to the clipboard for a real Ctrl+V instead.
      return ['paste-event'];
    case 'quill':
      // Quill 2 reads clipboardData on paste. Quill 1 ignores it (it lets the browser paste into a
      // hidden box), so it falls through to native commands, which its DOM observer reads back.
      return ['paste-event', 'exec-command'];
    case 'prosemirror':
      // A plain-text paste turns each newline into a paragraph; a <br> in the HTML flavour is
      // parsed as the schema's hard break (ProseMirror reads native <br> edits unreliably).
      // Native commands are the last resort where synthetic pastes arrive empty (Firefox).
      return ['paste-breaks', 'paste-event', 'exec-command'];
    case 'slate':
      // Slate inserts from beforeinput through its model and syncs its selection first; its
      // selectionchange handler is throttled, so a paste right after selecting the shortcut
      // would land at the old caret.
      return ['before-input', 'paste-event'];
    default:
      return ['exec-command'];
  }
}

/** Editors that keep their own model of the selection, synced from `selectionchange`. */
const TRACKS_SELECTION: ReadonlySet<EditorKind> = new Set(['draft', 'lexical', 'quill', 'prosemirror', 'slate']);

/** The editor must see the selection the caller just set (the typed shortcut) before text comes. */
function nextSelectionChange(doc: Document, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    doc.addEventListener('selectionchange', done);
  });
}

/** Resolves once `done()` holds or the editor stayed still for `ms` after its last change. */
function waitUntil(root: HTMLElement, done: () => boolean, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (done()) return resolve();
    const observer = new MutationObserver(check);
    const timer = setTimeout(finish, ms);
    function finish() {
      observer.disconnect();
      root.removeEventListener('input', check);
      clearTimeout(timer);
      resolve();
    }
    function check() {
      if (done()) finish();
    }
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    root.addEventListener('input', check);
  });
}

async function attempt(method: InsertMethod, root: HTMLElement, kind: EditorKind, text: string): Promise<boolean> {
  switch (method) {
    case 'paste-event':
      return pasteEvent(root, text);
    case 'paste-lines':
      return pasteLines(root, text);
    case 'paste-breaks':
      return pasteWithBreaks(root, text);
    case 'before-input':
      return beforeInputLines(root, text, selectionFor(root));
    case 'exec-command':
      return execCommandLines(root.ownerDocument, text, {
        singleLine: kind === 'input',
        modelEditor: TRACKS_SELECTION.has(kind),
        // Quill's model has no line break inside a line: each template line is one of its lines.
        // ProseMirror reads a native <br> back wrongly; a paragraph keeps the lines apart.
        newline: kind === 'quill' || kind === 'prosemirror' ? 'insertParagraph' : 'insertLineBreak',
      });
    case 'exec-command-break-events':
      return execCommandLines(root.ownerDocument, text, {
        singleLine: false,
        modelEditor: true,
        newline: 'insertLineBreak',
        breakEventsOn: root,
      });
    case 'set-range-text':
      return setRangeText(root, text);
  }
}

/**
 * Puts `text` into the editor at its current selection (which the caller may have set to cover a
 * typed shortcut). One mechanism per attempt, verified by reading the text back; the next one is
 * tried only when the draft did not change at all, so nothing is ever inserted twice.
 */
export async function insertText(root: HTMLElement, text: string): Promise<InsertResult> {
  const kind = editorKind(root);
  const expected = kind === 'input' ? text.replace(/\n/g, ' ') : text;
  const draftBefore = readText(root);
  const before = countOccurrences(draftBefore, expected);
  const landed = () => countOccurrences(readText(root), expected) > before;
  if (!hasFocusWithin(root)) root.focus();
  if (TRACKS_SELECTION.has(kind)) await nextSelectionChange(root.ownerDocument, 20);

  const methods = mechanismsFor(kind).filter((method) => syntheticPasteCarriesText() || !PASTE_METHODS.has(method));
  for (const method of methods) {
    // A box removed mid-way or an editor that throws must not surface as an error in the page.
    const accepted = await attempt(method, root, kind, expected).catch(() => false);
    if (accepted) await waitUntil(root, landed, COMMIT_WAIT_MS);
    else await settle();
    if (landed()) return { ok: true, method };
    // Something changed but not into the template: another mechanism would stack a second copy.
    if (readText(root) !== draftBefore) return { ok: false, method: 'none' };
  }
  return { ok: false, method: 'none' };
}

/** Last resort: put the reply on the clipboard so the user can paste it by hand. */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
