import { installedAdapterFor } from '../sites/install';
import type { SiteAdapter, ThreadContext } from '../sites/types';
import { boxState, trackBox } from './box-state';
import { request } from './connection';
import type { ShortcutCache } from './shortcut-cache';
import { siteCheckFor } from './site-check';

/** Remembers the last focused reply box of this frame and tells the background about it. */
export class FocusTracker {
  lastBox: HTMLElement | null = null;
  /** Looked up on use: the platform's chunk is injected just after this script (site-slot.ts). */
  get adapter(): SiteAdapter {
    return installedAdapterFor(location.hostname);
  }
  /** Told about every focused reply box (the button by the box). */
  onBox: ((box: HTMLElement) => void) | null = null;
  /** Told when a reply from a box was confirmed (the box is empty again). */
  onSent: ((box: HTMLElement) => void) | null = null;

  constructor(private readonly shortcuts: ShortcutCache) {}

  /** Recently focused boxes, newest last: a draft left in one box may be sent later from its own button. */
  private recent: WeakRef<HTMLElement>[] = [];

  /** The recently focused boxes still in the page (at most 50). */
  boxes(): HTMLElement[] {
    const live: HTMLElement[] = [];
    this.recent = this.recent.filter((ref) => {
      const box = ref.deref();
      if (box?.isConnected) live.push(box);
      return box !== undefined;
    });
    return live;
  }

  /** The page address each box's context was read at. */
  private readonly readAt = new WeakMap<HTMLElement, string>();

  /**
   * A trusted focus on an editable, as the bootstrap saw it at `at`: this script may have been
   * injected because of that very focus, so the first-focus time is the event's, not ours.
   */
  readonly onFocus = (box: HTMLElement, at: number): void => {
    if (!this.adapter.isReplyBox(box)) return;
    this.track(box, at);
    this.onBox?.(box);
  };

  /**
   * The comment a box answers. A single-page app may navigate while the box keeps the focus (or
   * reuse the element for another comment): a changed address means reading it again.
   */
  contextFor(box: HTMLElement): ThreadContext {
    const state = boxState(box);
    if (!state) return this.adapter.readContext(box);
    return this.readAt.get(box) === location.href ? state.context : this.track(box);
  }

  private track(box: HTMLElement, now = Date.now()): ThreadContext {
    const context = this.adapter.readContext(box);
    trackBox(box, context, now);
    this.readAt.set(box, location.href);
    this.lastBox = box;
    this.recent = this.recent.filter((ref) => ref.deref() !== box).concat(new WeakRef(box)).slice(-50);
    void this.shortcuts.refresh(now, context.account ?? null);
    void request('boxFocused', { context, focusedAt: now, check: siteCheckFor(this.adapter, box) });
    return context;
  }
}
