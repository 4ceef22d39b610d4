import type { SiteAdapter, ThreadContext } from './types';

const AUTHOR_SELECTORS = ['[rel="author"]', '[itemprop="author"]', '[data-author]', '.author'];
const HANDLE_PATTERN = /^@[\w.-]{1,64}(@[\w.-]+)?$/;

/** The nearest ancestor that also holds the comment's timestamp or author: the comment's container. */
function commentContainer(box: HTMLElement): Element | null {
  for (let node = box.parentElement; node && node !== box.ownerDocument.body; node = node.parentElement) {
    if (node.querySelector('time[datetime], [rel="author"], [itemprop="author"], [data-author]')) return node;
  }
  return null;
}

/** The last element matching `selector` in `container` that comes before `box` in document order. */
function lastBefore(container: Element, selector: string, box: HTMLElement): Element | null {
  let found: Element | null = null;
  for (const element of container.querySelectorAll(selector)) {
    if (box.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING) found = element;
  }
  return found;
}

function cleanText(element: Element | null | undefined): string | undefined {
  const text = element?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 200) : undefined;
}

export function readGenericContext(box: HTMLElement): ThreadContext {
  const container = commentContainer(box);
  if (!container) return { commentAt: null, commentPrecision: 'unknown' };
  const time = lastBefore(container, 'time[datetime]', box);
  const parsed = time ? Date.parse(time.getAttribute('datetime') ?? '') : NaN;
  const author = AUTHOR_SELECTORS.map((selector) => lastBefore(container, selector, box)).find(Boolean);
  const handle = Array.from(container.querySelectorAll('a, span'))
    .map((element) => element.textContent?.trim() ?? '')
    .find((text) => HANDLE_PATTERN.test(text));
  const link = time?.closest('a')?.href;
  return {
    authorName: author?.getAttribute('data-author') ?? cleanText(author),
    handle,
    commentAt: Number.isFinite(parsed) ? parsed : null,
    commentPrecision: Number.isFinite(parsed) ? 'exact' : 'unknown',
    permalink: link,
  };
}

const SUBMIT_WORDS = /^(reply|post|send|comment|responder|publicar|enviar|comentar)$/i;

/** Works on any page: every focused editable is a candidate box; context where it can be found. */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  matches: () => true,
  isReplyBox: (box) => box.getAttribute('role') !== 'searchbox' && (box as HTMLInputElement).type !== 'search',
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
