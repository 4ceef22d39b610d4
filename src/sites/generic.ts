import { MAX_TEXT, absoluteUrl, boxLabel, lastBefore, readAttr, readText } from './dom';
import { UNKNOWN_TIME, timeFromAttr, timeFromLabel, withoutEmpty } from './time';
import type { SiteAdapter, ThreadContext } from './types';

const AUTHOR = '[rel="author"], [itemprop="author"], [data-author]';
const TEXT = '[itemprop="text"], [itemprop="articleBody"], .comment-text, .comment-body, .comment-content, .text';
const HANDLE_PATTERN = /^@[\w.-]{1,64}(@[\w.-]+)?$/;
const SEARCH_LABEL = /\b(search|buscar|busca|búsqueda)\b/i;

/** The nearest ancestor that also holds the comment's timestamp or author: the comment's container. */
function commentContainer(box: HTMLElement): Element | null {
  for (let node = box.parentElement; node && node !== box.ownerDocument.body; node = node.parentElement) {
    if (node.querySelector(`time, ${AUTHOR}`)) return node;
  }
  return null;
}

/** The first "@name" shown in the container; a bounded look, since the container may be a whole feed. */
function findHandle(container: Element): string | undefined {
  const candidates = container.querySelectorAll('a, span');
  for (let i = 0; i < Math.min(candidates.length, 400); i++) {
    const text = candidates[i]!.textContent?.trim() ?? '';
    if (text.length <= 130 && HANDLE_PATTERN.test(text)) return text;
  }
  return undefined;
}

/** Works on any page: the nearest comment-like container before the box, read by common conventions. */
export function readGenericContext(box: HTMLElement, now = Date.now()): ThreadContext {
  const container = commentContainer(box);
  if (!container) return { ...UNKNOWN_TIME };
  const time = lastBefore(container, 'time', box);
  const author = lastBefore(container, AUTHOR, box);
  const handle = findHandle(container);
  const when = timeFromAttr(time) ?? timeFromLabel(readText(time), now) ?? UNKNOWN_TIME;
  return withoutEmpty({
    authorName: readAttr(author, 'data-author') ?? readText(author),
    handle,
    ...when,
    permalink: absoluteUrl(time?.closest('a')?.getAttribute('href'), box),
    commentText: readText(lastBefore(container, TEXT, box), MAX_TEXT),
  }, now);
}

/** A search field, whatever the site: never a reply box. */
export function isSearchField(box: HTMLElement): boolean {
  return (
    (box as HTMLInputElement).type === 'search' ||
    box.getAttribute('role') === 'searchbox' ||
    box.closest('[role="search"]') !== null ||
    SEARCH_LABEL.test(boxLabel(box))
  );
}

const SUBMIT_WORDS = /^(reply|post|send|comment|responder|publicar|enviar|comentar)$/i;

/** Works on any page: every focused editable but a search field is a candidate box. */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  matches: () => true,
  isReplyBox: (box) => !isSearchField(box),
  readContext: readGenericContext,
  isSubmitControl(target, box) {
    const control = target.closest('button, [role="button"], input[type="submit"]');
    if (!control || control.contains(box)) return false;
    const form = box.closest('form');
    if (form && form.contains(control)) return true;
    const label = (control.getAttribute('aria-label') ?? control.textContent ?? '').trim();
    return SUBMIT_WORDS.test(label);
  },
};
