import { request } from './connection';
import type { FocusTracker } from './focus-tracker';
import { readText } from './insert/text-access';
import type { ReplyButton } from './reply-button';

/** Checked once typing has paused this long; only the draft's first characters go to the worker. */
const PAUSE_MS = 500;
const MAX_TEXT = 5000;
const COLOURS = { error: '#b91c1c', warning: '#b45309', suggestion: '#1d4ed8' } as const;

/**
 * The tone badge on the reply-box button: after a pause in typing, the worker checks the focused
 * draft with the side panel's rules and answers a count, the worst severity and its first message.
 */
export function createToneBadge(focus: FocusTracker) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (box: HTMLElement, button: ReplyButton): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const context = focus.contextFor(box);
      void request('checkDraft', { text: readText(box).slice(0, MAX_TEXT), context }).then((summary) => {
        if (summary) button.setBadge(box, summary.count, summary.worst ? COLOURS[summary.worst] : '', summary.first ?? '');
      });
    }, PAUSE_MS);
  };
}
