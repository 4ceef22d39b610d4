import { MODEL_EDITORS, editorKind, type EditorKind } from './editor-kind';
import { countOccurrences, readText } from './text-access';

export type InsertResult = { ok: true; method: InsertMethod } | { ok: false; method: 'clipboard' | 'none' };
type InsertMethod = 'paste-event' | 'paste-lines' | 'exec-command' | 'set-range-text';

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

/** Lets the editor commit its update (model editors reconcile in a microtask or on the next frame). */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A synthetic paste: model editors read `clipboardData` and insert through their own model. */
function pasteEvent(root: HTMLElement, text: string): boolean {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  root.dispatchEvent(event);
  return event.defaultPrevented;
}

/** A `beforeinput` line break, which model editors (Lexical) turn into their line-break node. */
function lineBreakEvent(root: HTMLElement): boolean {
  const event = new InputEvent('beforeinput', {
    inputType: 'insertLineBreak',
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  root.dispatchEvent(event);
  return event.defaultPrevented;
}

/**
 * For editors that turn a pasted newline into a paragraph: paste line by line with a line break
 * between, so the model holds exactly the template's newlines. False if the editor ignored a step.
 */
async function pasteLines(root: HTMLElement, text: string): Promise<boolean> {
  for (const [index, line] of text.split('\n').entries()) {
    if (index > 0) {
      if (!lineBreakEvent(root)) return false;
      await settle();
    }
    if (line && !pasteEvent(root, line)) return false;
    await settle();
  }
  return true;
}

/**
 * Native editing commands: they fire real `beforeinput`/`input` events and keep the undo stack.
 * Model editors get a turn between commands to commit each step (Lexical reconciles in a microtask).
 */
async function execCommandLines(doc: Document, text: string, singleLine: boolean, modelEditor: boolean): Promise<void> {
  const lines = text.split('\n');
  if (singleLine) {
    doc.execCommand('insertText', false, lines.join(' '));
    return;
  }
  for (const [index, line] of lines.entries()) {
    // A template newline is a line break (Shift+Enter), never an Enter that could submit.
    if (index > 0) {
      doc.execCommand('insertLineBreak');
      if (modelEditor) await settle();
    }
    if (line) doc.execCommand('insertText', false, line);
    if (modelEditor) await settle();
  }
}

/** For fields only: sets the value directly and tells frameworks (React) through an input event. */
function setRangeText(field: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

function mechanismsFor(kind: EditorKind): InsertMethod[] {
  if (kind === 'textarea' || kind === 'input') return ['exec-command', 'set-range-text'];
  // Lexical turns pasted newlines into paragraphs (two newlines in its model); its beforeinput
  // handling of insertLineBreak gives the single line break a template newline means.
  if (kind === 'lexical') return ['paste-lines', 'exec-command'];
  if (MODEL_EDITORS.has(kind)) return ['paste-event', 'exec-command'];
  return ['exec-command'];
}

/**
 * Puts `text` into the editor at its current selection (which the caller may have set to cover a
 * typed shortcut). One mechanism per attempt, verified by reading the text back; the next one is
 * tried only when the text is absent, so nothing is ever inserted twice.
 */
export async function insertText(root: HTMLElement, text: string): Promise<InsertResult> {
  const doc = root.ownerDocument;
  const kind = editorKind(root);
  const singleLine = kind === 'input';
  const expected = singleLine ? text.replace(/\n/g, ' ') : text;
  const draftBefore = readText(root);
  const before = countOccurrences(draftBefore, expected);
  if (doc.activeElement !== root && !root.contains(doc.activeElement)) root.focus();
  if (MODEL_EDITORS.has(kind)) await nextSelectionChange(doc, 20);

  for (const method of mechanismsFor(kind)) {
    if (method === 'paste-event') {
      if (!pasteEvent(root, expected)) continue;
    } else if (method === 'paste-lines') {
      if (!(await pasteLines(root, expected)) && readText(root) === draftBefore) continue;
    } else if (method === 'exec-command') {
      await execCommandLines(doc, expected, singleLine, MODEL_EDITORS.has(kind));
    } else if (root.tagName === 'TEXTAREA' || root.tagName === 'INPUT') {
      setRangeText(root as HTMLTextAreaElement, expected);
    }
    await settle();
    const draftAfter = readText(root);
    if (countOccurrences(draftAfter, expected) > before) return { ok: true, method };
    // Something changed but not into the template: another mechanism would stack a second copy.
    if (draftAfter !== draftBefore) return { ok: false, method: 'none' };
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
