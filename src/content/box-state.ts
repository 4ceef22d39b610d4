import { threadKey } from '../shared/domain/pending';
import type { ThreadContext } from '../sites/types';

/** What Tono knows about one reply box while the user works in it. */
export interface BoxState {
  firstFocusAt: number;
  context: ThreadContext;
  templateId: string | null;
  /** The rendered text Tono inserted for `templateId`, to measure the drift at send time. */
  templateText: string | null;
  submitPending: boolean;
}

const states = new WeakMap<HTMLElement, BoxState>();

export function boxState(box: HTMLElement): BoxState | undefined {
  return states.get(box);
}

export function trackBox(box: HTMLElement, context: ThreadContext, now: number): BoxState {
  const existing = states.get(box);
  // After a single-page navigation the same element may answer another comment: a new reply then.
  if (existing && threadKey(existing.context) === threadKey(context)) {
    existing.context = context;
    return existing;
  }
  const state: BoxState = { firstFocusAt: now, context, templateId: null, templateText: null, submitPending: false };
  states.set(box, state);
  return state;
}

/** After a confirmed reply the same box starts a new reply. */
export function resetBox(box: HTMLElement): void {
  states.delete(box);
}
