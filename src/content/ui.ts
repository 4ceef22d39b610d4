import { onOrphaned } from './connection';
import { createFrameRouter } from './frame-router';
import { FocusTracker } from './focus-tracker';
import { inPageFrame } from './frame';
import { findBoot, type Boot, type ContentUi } from './handoff';
import { fixFocusedDraft } from './panel-fix';
import { insertFromPanel } from './panel-insert';
import { readFocusedDraft } from './panel-draft';
import { createPicker } from './picker/picker';
import { ReplyButton, showButton } from './reply-button';
import { createSubmitWatch } from './submit-watch';
import { createTabExpansion } from './tab-expansion';
import { createToneBadge } from './tone-badge';

// content-ui.js: injected by the worker into one frame on first need (see index.ts), once. It
// builds the heavier parts and attaches them to the bootstrap, which forwards events to them.
function createUi(boot: Boot): ContentUi {
  const { shortcuts } = boot;
  const focus = new FocusTracker(shortcuts);
  const tab = createTabExpansion(shortcuts, focus);
  const picker = createPicker(focus, shortcuts);
  const toneBadge = createToneBadge(focus);
  const button: ReplyButton = new ReplyButton(picker.open, (box) => toneBadge(box, button));
  const frame = inPageFrame();
  focus.onBox = (box) => {
    showButton(button, box, shortcuts);
    // The picker's frame and first rows, loaded while the agent reads the comment, not on the key.
    picker.prefetch(box);
    if (!preloading) {
      preloading = true;
      requestIdleCallbackOr(() => frame.preload());
    }
  };
  let preloading = false;
  focus.onSent = (box) => toneBadge(box, button);
  const submit = createSubmitWatch(focus);
  const onMessage = createFrameRouter({
    insertText: (request) => insertFromPanel(focus, request),
    getDraft: () => readFocusedDraft(focus),
    replaceText: (request) => fixFocusedDraft(focus, request),
  });
  // This script has its own copy of connection.ts: a failure it sees detaches both scripts.
  onOrphaned(() => boot.detach());
  return {
    onFocus: focus.onFocus,
    onKeyDown(event) {
      picker.onKey(event);
      tab.onKey(event);
      submit.onKeyDown(event);
    },
    onClick: submit.onClick,
    expandHeld: tab.expandHeld,
    openPicker(box) {
      if (box.isConnected && focus.adapter.isReplyBox(box)) picker.open(box);
    },
    onMessage,
    teardown() {
      button.hide();
      frame.destroy();
    },
  };
}

/** Soon after the current task, when the page has a moment (at most 200 ms later). */
function requestIdleCallbackOr(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 200 });
  else setTimeout(run, 0);
}

const boot = findBoot();
if (boot && !boot.ui) boot.attach(createUi(boot));
