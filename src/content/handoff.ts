import type { HeldShortcut } from './held-key';
import type { ShortcutCache } from './shortcut-cache';

/**
 * The two content scripts of a frame: `content.js` (the bootstrap, on every page at
 * document_start) and `content-ui.js` (everything else, injected by the worker on first need).
 * Both are classic scripts in the same isolated world, so they meet on its global object; the
 * page's own scripts live in another world and cannot see or forge this.
 */
export interface ContentUi {
  /** A trusted focus on an editable, seen by the bootstrap at `at` (maybe before this script ran). */
  onFocus(box: HTMLElement, at: number): void;
  onKeyDown(event: KeyboardEvent): void;
  onClick(event: MouseEvent): void;
  /** A Tab the bootstrap held back (default prevented) before this script was loaded. */
  expandHeld(held: HeldShortcut): void;
  /** The picker key the bootstrap held back before this script was loaded. */
  openPicker(box: HTMLElement): void;
  /** The worker's messages to this frame; undefined leaves a message to other listeners. */
  onMessage(message: unknown, sender: { id?: string }): Promise<unknown> | undefined;
  /** The extension went away under the page (see connection.ts): remove what is on screen. */
  teardown(): void;
}

/** What the bootstrap hands over: the one shortcut cache of the frame, and where to attach. */
export interface Boot {
  readonly shortcuts: ShortcutCache;
  /** Set once by content-ui.js; a second injection finds it set and does nothing. */
  ui: ContentUi | null;
  attach(ui: ContentUi): void;
  /** Removes both scripts' listeners when the extension went away; safe to call twice. */
  detach(): void;
}

const KEY = '__tonoBoot';
type Scope = typeof globalThis & { [KEY]?: Boot };

export function publishBoot(boot: Boot): void {
  (globalThis as Scope)[KEY] = boot;
}

export function findBoot(): Boot | undefined {
  return (globalThis as Scope)[KEY];
}
