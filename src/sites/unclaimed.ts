import { genericAdapter } from './generic';
import { mastodonAdapter } from './mastodon';
import type { SiteAdapter } from './types';

/** Adapters for sites that can live on any hostname, tried per box on pages no hostname claims. */
const BY_DOM: readonly SiteAdapter[] = [mastodonAdapter];

/** The adapter for one box on a page that no hostname claims: a DOM-detected site, else generic. */
export function adapterForBox(box: HTMLElement): SiteAdapter {
  return BY_DOM.find((adapter) => adapter.detects?.(box)) ?? genericAdapter;
}

/**
 * Every box on a page that no platform hostname claims goes through this adapter: it asks the
 * DOM-detected adapters (Mastodon) first, box by box, then the generic one. It is part of
 * content-ui.js; each hostname platform's adapter is its own file (sites/<id>.js, see install.ts).
 */
export const unclaimedAdapter: SiteAdapter = {
  id: 'generic',
  matches: () => true,
  isReplyBox: (box) => adapterForBox(box).isReplyBox(box),
  readContext: (box, now) => adapterForBox(box).readContext(box, now),
  submitsOnEnter: (box) => adapterForBox(box).submitsOnEnter?.(box) ?? false,
  isSubmitControl: (target, box) => adapterForBox(box).isSubmitControl(target, box),
};
