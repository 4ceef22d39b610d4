import { drift } from '../shared/domain/drift';
import { boxState, resetBox } from './box-state';
import { request } from './connection';
import { deepTarget } from './deep-target';
import type { FocusTracker } from './focus-tracker';
import { editableRoot } from './insert/editor-kind';
import { readText } from './insert/text-access';

const CONFIRM_WITHIN_MS = 5000;
const POLL_MS = 100;

/** The node above `node`, through shadow roots to their host. */
function up(node: Node): Node | null {
  return node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
}

/** Steps from `box` to `control` through their closest common ancestor. */
function distance(box: Node, control: Node): number {
  const above = new Map<Node, number>();
  for (let node: Node | null = control, steps = 0; node; node = up(node), steps++) above.set(node, steps);
  for (let node: Node | null = box, steps = 0; node; node = up(node), steps++) {
    const rest = above.get(node);
    if (rest !== undefined) return steps + rest;
  }
  return Infinity;
}

/**
 * Counts a reply only once the site confirms it: after a send click or Ctrl/Cmd+Enter, the box
 * must empty or disappear within a few seconds. A bare click on an empty box counts nothing.
 */
export function createSubmitWatch(focus: FocusTracker) {
  function candidate(box: HTMLElement): void {
    focus.contextFor(box); // re-reads the comment if the page navigated under the box
    const state = boxState(box);
    if (!state || state.submitPending || readText(box).trim() === '') return;
    state.submitPending = true;
    const submittedAt = Date.now();
    const started = performance.now();
    // The last non-empty draft is what the site sent: only its drift from the template leaves, never the text.
    let sent = readText(box);
    const timer = setInterval(() => {
      const text = box.isConnected ? readText(box) : '';
      const confirmed = text.trim() === '';
      if (!confirmed) sent = text;
      if (!confirmed && performance.now() - started < CONFIRM_WITHIN_MS) return;
      clearInterval(timer);
      state.submitPending = false;
      if (!confirmed) return;
      resetBox(box);
      focus.onSent?.(box);
      void request('replySubmitted', {
        eventId: crypto.randomUUID(),
        context: state.context,
        firstFocusAt: state.firstFocusAt,
        submittedAt,
        templateId: state.templateId,
        drift: state.templateText === null ? null : drift(state.templateText, sent),
      });
    }, POLL_MS);
  }

  return {
    onKeyDown(event: KeyboardEvent): void {
      // An Enter that ends an IME composition (Japanese, Chinese, Korean…) picks a word, sends nothing.
      if (!event.isTrusted || event.key !== 'Enter' || event.isComposing || event.keyCode === 229) return;
      const box = editableRoot(deepTarget(event));
      if (!box) return;
      // Inputs, and boxes whose site sends on a plain Enter (Facebook, Instagram, TikTok).
      const submitsOnEnter = (box.tagName === 'INPUT' || focus.adapter.submitsOnEnter?.(box) === true) && !event.shiftKey;
      if (event.ctrlKey || event.metaKey || submitsOnEnter) candidate(box);
    },
    /**
     * A send click counts for the box whose own control it is: among the recently focused boxes
     * holding a draft, the nearest one (in the DOM) that the adapter says the control sends.
     */
    onClick(event: MouseEvent): void {
      const target = deepTarget(event);
      if (!event.isTrusted || !(target instanceof Element)) return;
      let best: HTMLElement | null = null;
      let bestDistance = Infinity;
      for (const box of focus.boxes()) {
        // A box already waiting for its send still wins its own control: a double click counts once.
        if (!boxState(box) || readText(box).trim() === '') continue;
        if (!focus.adapter.isSubmitControl(target, box)) continue;
        const steps = distance(box, target);
        if (steps < bestDistance) [best, bestDistance] = [box, steps];
      }
      if (best) candidate(best);
    },
  };
}
