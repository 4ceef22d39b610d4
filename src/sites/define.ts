import { closestDeep, containsDeep, hostMatcher } from './dom';
import { genericAdapter } from './generic';
import { readStructure, showsSame } from './structure';
import { withoutEmpty } from './time';
import type { Platform } from '../shared/domain/platform';
import type { SiteAdapter, ThreadContext } from './types';

/** What a platform adapter declares; `defineAdapter` turns it into a `SiteAdapter`. */
export interface AdapterSpec {
  id: Exclude<Platform, 'other'>;
  /** Host suffixes (the manifest's content script hosts). Empty for sites found by DOM. */
  hosts: string[];
  detects?(box: HTMLElement): boolean;
  /** Editables that are not reply boxes on this site (search fields, direct messages). */
  rejects?(box: HTMLElement): boolean;
  /** The replied item, or null when none of this site's markup is around the box. */
  read(box: HTMLElement, now: number): Partial<ThreadContext> | null;
  /** The send control; it must sit inside the box's `composer` and, with `label`, be labelled so. */
  submit: { control: string; composer: string; label?: RegExp };
  submitsOnEnter?(box: HTMLElement): boolean;
}

/**
 * Fills what `read` missed from the structural reader: adapter fields win, and the structure's
 * fields count only when its comment item shows the adapter's comment (or the adapter named none).
 * The box's own "Reply to X" label names the replied person wherever the item is.
 */
function withStructure(box: HTMLElement, read: ThreadContext, now: number): ThreadContext {
  const { context, item, label } = readStructure(box);
  const differs = (key: 'permalink' | 'commentAt'): boolean => context[key] != null && read[key] != null && context[key] !== read[key];
  const same = item && showsSame(item, read) !== false && !differs('permalink') && !(read.commentPrecision === 'exact' && differs('commentAt'));
  const found = same ? context : label;
  // A person the adapter named is joined by no other the structure guessed: only by the box's label.
  const named = read.authorName || read.handle ? label : found;
  const { authorName, handle } = named;
  const { commentAt, commentPrecision, ...rest } = found;
  const filled: Partial<ThreadContext> = { ...rest, authorName, handle };
  if (authorName && authorName === read.handle) delete filled.authorName;
  if (read.commentPrecision === 'unknown' && commentAt != null) Object.assign(filled, { commentAt, commentPrecision });
  const timeless = read.commentAt === null;
  for (const [key, value] of Object.entries(read)) {
    if (value !== undefined && !(timeless && (key === 'commentAt' || key === 'commentPrecision'))) Object.assign(filled, { [key]: value });
  }
  return withoutEmpty(filled, now);
}

/**
 * One typed call per site. Anything the site's markup does not answer falls back to the generic
 * adapter, so a redesign degrades to generic context instead of none.
 */
export function defineAdapter(spec: AdapterSpec): SiteAdapter {
  const adapter: SiteAdapter = {
    id: spec.id,
    matches: hostMatcher(...spec.hosts),
    isReplyBox: (box) => genericAdapter.isReplyBox(box) && !spec.rejects?.(box),
    readContext(box, now = Date.now()) {
      const own = spec.read(box, now);
      return withStructure(box, own ? withoutEmpty(own, now) : genericAdapter.readContext(box, now), now);
    },
    isSubmitControl(target, box) {
      const control = closestDeep(target, spec.submit.control);
      const composer = closestDeep(box, spec.submit.composer);
      const { label } = spec.submit;
      const labelled = (element: Element): boolean =>
        !label || label.test((element.getAttribute('aria-label') ?? element.textContent ?? '').trim());
      // Inside the site's own composer only its send control counts; elsewhere, the generic rules.
      if (!composer) return genericAdapter.isSubmitControl(target, box);
      return control !== null && containsDeep(composer, control) && !containsDeep(control, box) && labelled(control);
    },
  };
  if (spec.detects) {
    adapter.detects = spec.detects;
    // Found by its DOM on any host: only the adapter can tell the worker which platform this is.
    const read = adapter.readContext;
    adapter.readContext = (box, now) => ({ ...read(box, now), platform: spec.id });
  }
  if (spec.submitsOnEnter) adapter.submitsOnEnter = spec.submitsOnEnter;
  return adapter;
}
