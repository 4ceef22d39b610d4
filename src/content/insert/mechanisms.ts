// The ways text can enter an editor. Each reports whether the editor (or the browser) accepted
// it; the caller verifies the result by reading the text back.

import { isField } from './text-access';

/**
 * Lets the editor commit its update (model editors reconcile in a microtask, React renders before
 * the next task). A message yields one task without the 4 ms clamp nested timers get.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Whether the page's editor can read a synthetic paste's text. Chrome passes it through. Firefox
 * gives page code an empty `clipboardData` for constructed events (seen with Lexical in Firefox
 * ESR 153), and only Firefox gives content scripts `wrappedJSObject`, so that marks it.
 */
export function syntheticPasteCarriesText(): boolean {
  return !('wrappedJSObject' in window);
}

/** A synthetic paste: model editors read `clipboardData` and insert through their own model. */
export function pasteEvent(root: HTMLElement, text: string, html?: string): boolean {
  const data = new DataTransfer();
  if (text) data.setData('text/plain', text);
  if (html !== undefined) data.setData('text/html', html);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  root.dispatchEvent(event);
  return event.defaultPrevented;
}

/**
 * A paste whose HTML flavour has a `<br>` per newline, for editors (ProseMirror) that read a plain
 * newline as a new paragraph but a `<br>` as their hard break. Built from text nodes, so the
 * template's characters are escaped by the serializer and can never become markup. It carries no
 * plain flavour: ProseMirror pastes that instead while it believes Shift is down, and it keeps
 * believing so after a Shift chord (the picker's Ctrl+Shift+Space) whose keyup it never saw.
 */
export function pasteWithBreaks(root: HTMLElement, text: string): boolean {
  const holder = root.ownerDocument.createElement('div');
  for (const [index, line] of text.split('\n').entries()) {
    if (index > 0) holder.append(root.ownerDocument.createElement('br'));
    holder.append(line);
  }
  return pasteEvent(root, '', holder.innerHTML);
}

/**
 * `beforeinput` events carrying the text, for editors that insert from them through their model
 * (Slate). The first names the current selection as its target, so a selected shortcut is what
 * gets replaced; later ones follow the editor's own selection.
 */
export async function beforeInputLines(root: HTMLElement, text: string, selection: Selection | null): Promise<boolean> {
  let targetRanges = selection && selection.rangeCount > 0 ? [new StaticRange(selection.getRangeAt(0))] : [];
  for (const [index, line] of text.split('\n').entries()) {
    if (index > 0 && !dispatchBeforeInput(root, { inputType: 'insertLineBreak', targetRanges })) return false;
    if (index > 0) targetRanges = [];
    if (line && !dispatchBeforeInput(root, { inputType: 'insertText', data: line, targetRanges })) return false;
    targetRanges = [];
    await settle();
  }
  return true;
}

function dispatchBeforeInput(root: HTMLElement, init: InputEventInit): boolean {
  const event = new InputEvent('beforeinput', { ...init, bubbles: true, cancelable: true, composed: true });
  root.dispatchEvent(event);
  return event.defaultPrevented;
}

/** A `beforeinput` line break, which model editors (Lexical) turn into their line-break node. */
export function lineBreakEvent(root: HTMLElement): boolean {
  const event = new InputEvent('beforeinput', { inputType: 'insertLineBreak', bubbles: true, cancelable: true, composed: true });
  root.dispatchEvent(event);
  return event.defaultPrevented;
}

/**
 * For editors that turn a pasted newline into a paragraph: paste line by line with a line break
 * between, so the model holds exactly the template's newlines. False if the editor ignored a step.
 */
export async function pasteLines(root: HTMLElement, text: string): Promise<boolean> {
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
 * Model editors get a turn between commands to commit each step and put the caret back.
 */
export async function execCommandLines(
  doc: Document,
  text: string,
  options: {
    singleLine: boolean;
    modelEditor: boolean;
    newline: 'insertLineBreak' | 'insertParagraph';
    /** Dispatch line breaks as `beforeinput` on this root (Lexical) instead of a native command. */
    breakEventsOn?: HTMLElement;
  },
): Promise<boolean> {
  const { singleLine, modelEditor, newline, breakEventsOn } = options;
  if (singleLine) return doc.execCommand('insertText', false, text);
  let accepted = true;
  for (const [index, line] of text.split('\n').entries()) {
    // A template newline is a line break (Shift+Enter), or a new line where the editor's model has
    // no other kind (Quill); never a key event, so no Enter handler can submit.
    if (index > 0) {
      accepted = (breakEventsOn ? lineBreakEvent(breakEventsOn) : doc.execCommand(newline)) && accepted;
      if (modelEditor) await settle();
    }
    if (line) accepted = doc.execCommand('insertText', false, line) && accepted;
    if (modelEditor) await settle();
  }
  return accepted;
}

/** For fields only: sets the value directly and tells frameworks (React) through an input event. */
export function setRangeText(root: HTMLElement, text: string): boolean {
  if (!isField(root)) return false;
  const start = root.selectionStart ?? root.value.length;
  const end = root.selectionEnd ?? start;
  root.setRangeText(text, start, end, 'end');
  root.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return true;
}
