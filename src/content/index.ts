import { browser } from '../shared/browser';
import { matchesKey } from '../shared/domain/keys';
import { isToContentType } from '../shared/messages/to-content';
import { onOrphaned, request } from './connection';
import { deepTarget } from './deep-target';
import { publishBoot, type Boot, type ContentUi } from './handoff';
import { hold, holdShortcut } from './held-key';
import { editableRoot } from './insert/editor-kind';
import { ShortcutCache } from './shortcut-cache';

// The bootstrap: a small classic script at document_start on every supported page, so these
// listeners exist before the page's own scripts and before the user's first keystroke. The rest
// (focus tracking and site adapters, insertion, picker, button, tone badge) is content-ui.js,
// which the worker injects into this frame on first need: the first focus on an editable, or a
// Tono key pressed before that. A key that is Tono's is held back synchronously here and acted
// on once the rest is loaded, so the first expansion is never lost.
const FLAG = '__tonoContentStarted';
const scope = globalThis as typeof globalThis & { [FLAG]?: boolean };

if (!scope[FLAG]) {
  scope[FLAG] = true;
  const shortcuts = new ShortcutCache();
  let loading: Promise<ContentUi | null> | null = null;
  let detached = false;

  const boot: Boot = {
    shortcuts,
    ui: null,
    attach(ui) {
      if (!boot.ui && !detached) boot.ui = ui;
    },
    detach() {
      if (detached) return;
      detached = true;
      window.removeEventListener('focusin', onFocusIn, true);
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('click', onClick, true);
      boot.ui?.teardown();
      scope[FLAG] = false;
    },
  };

  /** The rest of Tono in this frame, injected once; a failed load is retried on the next need. */
  const loadUi = (): Promise<ContentUi | null> => {
    if (boot.ui) return Promise.resolve(boot.ui);
    loading ??= request('loadContentUi', {}).then(() => {
      loading = null;
      return boot.ui;
    });
    return loading;
  };

  const onFocusIn = (event: FocusEvent): void => {
    if (!event.isTrusted) return;
    const box = editableRoot(deepTarget(event));
    if (!box) return;
    const at = Date.now();
    if (boot.ui) boot.ui.onFocus(box, at);
    else void loadUi().then((ui) => ui?.onFocus(box, at));
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (boot.ui) return boot.ui.onKeyDown(event);
    const held = holdShortcut(event, shortcuts);
    if (held) {
      void loadUi().then((ui) => ui?.expandHeld(held));
      return;
    }
    // The picker key in an editable, before the rest is here: open the picker once it is.
    if (!event.isTrusted || !matchesKey(shortcuts.prefs.openPickerKey, event)) return;
    const box = editableRoot(deepTarget(event));
    if (!box) return;
    hold(event);
    void loadUi().then((ui) => ui?.openPicker(box));
  };

  // Clicks only matter for a reply being sent from a box already tracked by content-ui.js.
  const onClick = (event: MouseEvent): void => boot.ui?.onClick(event);

  publishBoot(boot);
  window.addEventListener('focusin', onFocusIn, true);
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('click', onClick, true);
  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (sender.id !== browser.runtime.id || !isToContentType(type) || detached) return undefined;
    return loadUi().then((ui) => ui?.onMessage(message, sender) ?? null);
  });
  void shortcuts.refresh();
  onOrphaned(boot.detach);
}
