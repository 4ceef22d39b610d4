import { adapterFor } from '../sites/registry';
import type { SiteAdapter } from '../sites/types';
import { trackBox } from './box-state';
import { request } from './connection';
import { deepTarget } from './deep-target';
import { editableRoot } from './insert/editor-kind';
import type { ShortcutCache } from './shortcut-cache';

/** Remembers the last focused reply box of this frame and tells the background about it. */
export class FocusTracker {
  lastBox: HTMLElement | null = null;
  readonly adapter: SiteAdapter = adapterFor(location.hostname);
  /** Told about every focused reply box (the button by the box). */
  onBox: ((box: HTMLElement) => void) | null = null;

  constructor(private readonly shortcuts: ShortcutCache) {}

  readonly onFocusIn = (event: FocusEvent): void => {
    if (!event.isTrusted) return;
    const box = editableRoot(deepTarget(event));
    if (!box || !this.adapter.isReplyBox(box)) return;
    const now = Date.now();
    const context = this.adapter.readContext(box);
    trackBox(box, context, now);
    this.lastBox = box;
    void this.shortcuts.refresh(now);
    void request('boxFocused', { context, focusedAt: now });
    this.onBox?.(box);
  };
}
