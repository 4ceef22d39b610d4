import { browser } from '../shared/browser';
import { onOrphaned } from './connection';
import { FocusTracker } from './focus-tracker';
import { createDraftListener } from './draft-listener';
import { createFixListener } from './fix-listener';
import { createInsertListener } from './insert-listener';
import { ShortcutCache } from './shortcut-cache';
import { createSubmitWatch } from './submit-watch';
import { createTabExpansion } from './tab-expansion';
import { createPicker } from './picker/picker';
import { ReplyButton, showButton } from './reply-button';
import { createToneBadge } from './tone-badge';

// Runs at document_start as one classic script, so these listeners exist before the page's own
// scripts and before the user's first keystroke. Everything heavier is created on demand.
const FLAG = '__tonoContentStarted';
const scope = globalThis as typeof globalThis & { [FLAG]?: boolean };

if (!scope[FLAG]) {
  scope[FLAG] = true;
  const shortcuts = new ShortcutCache();
  const focus = new FocusTracker(shortcuts);
  const onTab = createTabExpansion(shortcuts, focus);
  const picker = createPicker(focus, shortcuts);
  const toneBadge = createToneBadge(focus);
  const button: ReplyButton = new ReplyButton(picker.open, (box) => toneBadge(box, button));
  focus.onBox = (box) => showButton(button, box, shortcuts);
  focus.onSent = (box) => toneBadge(box, button);
  const submit = createSubmitWatch(focus);
  const onKeyDown = (event: KeyboardEvent) => {
    picker.onKey(event);
    onTab(event);
    submit.onKeyDown(event);
  };
  const onInsert = createInsertListener(focus);
  const onDraft = createDraftListener(focus);
  const onFix = createFixListener(focus);

  window.addEventListener('focusin', focus.onFocusIn, true);
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('click', submit.onClick, true);
  browser.runtime.onMessage.addListener(onInsert);
  browser.runtime.onMessage.addListener(onDraft);
  browser.runtime.onMessage.addListener(onFix);
  void shortcuts.refresh();

  onOrphaned(() => {
    window.removeEventListener('focusin', focus.onFocusIn, true);
    window.removeEventListener('keydown', onKeyDown, true);
    window.removeEventListener('click', submit.onClick, true);
    button.hide();
    scope[FLAG] = false;
  });
}
