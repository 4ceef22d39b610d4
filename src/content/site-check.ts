import type { SiteCheck } from '../shared/messages/protocol';
import type { SiteAdapter } from '../sites/types';
import { editableRoot, editorKind } from './insert/editor-kind';

const CONTROLS = 'button, [role="button"], input[type="submit"]';
/** Enough to reach a composer's toolbar from its editor on the sites Tono knows. */
const MAX_LEVELS = 8;
/** At most this many candidate controls are asked about, whatever the page holds. */
const MAX_CANDIDATES = 50;

/** The element's parent, crossing out of a shadow root to its host. */
function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * Whether the adapter recognises a send control near `box`: climbs from the box a few levels (or
 * to its form) and asks the adapter about the controls found there, stopping at 50 candidates.
 */
export function sendControlKnown(adapter: SiteAdapter, box: HTMLElement): boolean {
  const asked = new Set<Element>();
  let scope: Element | null = parentOf(box);
  for (let level = 0; scope && level < MAX_LEVELS && asked.size < MAX_CANDIDATES; level++) {
    for (const control of scope.querySelectorAll(CONTROLS)) {
      if (asked.size >= MAX_CANDIDATES) break;
      if (asked.has(control)) continue;
      asked.add(control);
      if (adapter.isSubmitControl(control, box)) return true;
    }
    if (scope.tagName === 'FORM') break;
    scope = parentOf(scope);
  }
  return false;
}

/** The site check sent with a focus: what the panel shows a person to spot a changed site. */
export function siteCheckFor(adapter: SiteAdapter, box: HTMLElement): SiteCheck {
  const root = editableRoot(box) ?? box;
  return { editor: editorKind(root), sendKnown: sendControlKnown(adapter, box) };
}
