/** Small DOM readers shared by the adapters. Page text is only ever read as text, and capped. */

export const MAX_NAME = 200;
export const MAX_TEXT = 2000;

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'BUTTON']);
/** Elements that start a new line on screen: their text must not run into the next block's. */
const BLOCK = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'TR', 'SECTION', 'ARTICLE']);
/** Screen-reader copies of visible text (LinkedIn repeats every name in one): read once, not twice. */
const HIDDEN_COPY = /\b(visually-hidden|sr-only|a11y-text)\b/;

/** Cuts at `max` without leaving half of a surrogate pair behind. */
function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * The visible text of `element`: text nodes and emoji images' alt text, whitespace collapsed,
 * skipping scripts, styles and buttons ("Reply", "Like"), capped at `max` characters.
 */
export function readText(element: Element | null | undefined, max = MAX_NAME): string | undefined {
  if (!element) return undefined;
  const parts: string[] = [];
  let length = 0;
  // Stop reading well past `max` raw characters (markup indentation collapses later), not at it.
  const enough = max * 4;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && length <= enough; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
        length += child.nodeValue?.length ?? 0;
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName;
        if (SKIP.has(tag) || HIDDEN_COPY.test((child as Element).getAttribute('class') ?? '')) continue;
        if (tag === 'IMG') parts.push((child as Element).getAttribute('alt') ?? '');
        else if (tag === 'BR') parts.push(' ');
        else if (BLOCK.has(tag)) {
          parts.push(' ');
          walk(child);
          parts.push(' ');
        } else walk(child);
      }
    }
  };
  walk(element);
  return clip(parts.join(''), max);
}

/** Page text with whitespace collapsed, capped, or undefined when empty. */
export function clip(text: string | null | undefined, max = MAX_NAME): string | undefined {
  const value = text ? cap(text.replace(/\s+/g, ' ').trim(), max).trimEnd() : '';
  return value || undefined;
}

/** An attribute's value, trimmed and capped, or undefined. */
export function readAttr(element: Element | null | undefined, name: string, max = MAX_NAME): string | undefined {
  return clip(element?.getAttribute(name), max);
}

/** The host of the shadow root holding `node`, or null in the document tree (works across realms). */
function shadowHost(node: Node): Element | null {
  const root = node.getRootNode() as Partial<ShadowRoot> & Node;
  return root.nodeType === 11 && root.host ? root.host : null;
}

/** `closest` that continues through open shadow roots into their hosts. */
export function closestDeep(element: Element, selector: string): Element | null {
  for (let node: Element | null = element; node; node = shadowHost(node)) {
    const found = node.closest(selector);
    if (found) return found;
  }
  return null;
}

/** Does `ancestor` contain `node`, looking through open shadow roots? */
export function containsDeep(ancestor: Element, node: Element): boolean {
  for (let current: Element | null = node; current; current = shadowHost(current)) {
    if (ancestor.contains(current)) return true;
  }
  return false;
}

/** Where to look for the replied item: the open dialog holding the box, else the whole document. */
export function scopeOf(box: Element): ParentNode {
  return closestDeep(box, '[role="dialog"]') ?? box.ownerDocument;
}

/**
 * The last element matching `selector` (and `accept`, if given) in `scope` that comes before `box`
 * in document order, or holds it.
 */
export function lastBefore(
  scope: ParentNode,
  selector: string,
  box: Element,
  accept: (element: Element) => boolean = () => true,
): Element | null {
  const anchor = hostInDocument(box);
  const all = scope.querySelectorAll(selector);
  // Matches come in document order and "before the box (or holding it)" holds for a prefix of them:
  // binary-search the end of that prefix, so a feed of thousands costs a dozen comparisons.
  let low = 0;
  let high = all.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (anchor.compareDocumentPosition(all[middle]!) & 2 /* PRECEDING, ancestors included */) low = middle + 1;
    else high = middle;
  }
  for (let i = low - 1; i >= 0; i--) if (accept(all[i]!)) return all[i]!;
  return null;
}

/** The outermost shadow host of `element` (or the element itself when it is in the document tree). */
function hostInDocument(element: Element): Element {
  let node = element;
  for (let host = shadowHost(node); host; host = shadowHost(node)) node = host;
  return node;
}

/** An absolute http(s) URL for `href` against the box's document, or undefined. */
export function absoluteUrl(href: string | null | undefined, base: Element): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base.ownerDocument.baseURI);
    return /^https?:$/.test(url.protocol) && url.href.length <= 2048 ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A box's label as the site shows it: aria-label, placeholder, or the Draft.js placeholder it points at. */
export function boxLabel(box: Element): string {
  const describedBy = box.getAttribute('aria-describedby');
  return (
    box.getAttribute('aria-label') ??
    box.getAttribute('placeholder') ??
    box.getAttribute('aria-placeholder') ??
    box.getAttribute('data-placeholder') ??
    (describedBy ? readText(box.ownerDocument.getElementById(describedBy)) : undefined) ??
    ''
  );
}

/** The first element matching `selector` inside `scope` that is not inside a link (author links hold text too). */
export function firstOutsideLink(scope: Element, selector: string): Element | null {
  for (const element of scope.querySelectorAll(selector)) if (!element.closest('a')) return element;
  return null;
}

/** Path segments of a same-site link, e.g. "/@ana/post/1" → ["@ana", "post", "1"]. */
export function pathParts(href: string | null | undefined): string[] {
  if (!href) return [];
  try {
    return new URL(href, 'https://example.invalid/').pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return [];
  }
}

/** Host suffix matching: `x.com` accepts x.com and mobile.x.com, never evilx.com or x.com.evil.net. */
export function hostMatcher(...hosts: string[]): (hostname: string) => boolean {
  return (hostname) => {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    return hosts.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
  };
}
