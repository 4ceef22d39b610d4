import { micromark } from 'micromark';
import { h, type ComponentChildren, type VNode } from 'preact';

/** Elements Markdown produces that are shown; anything else keeps only its text. */
const ALLOWED = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code',
  'em', 'strong', 'a', 'hr', 'br', 'del', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);
const SAFE_LINK = /^(https?:|mailto:)/i;

function toVNodes(nodes: NodeListOf<ChildNode>, headingOffset: number): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  nodes.forEach((node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(node.textContent ?? '');
      return;
    }
    if (!(node instanceof Element)) return;
    const children = toVNodes(node.childNodes, headingOffset);
    let tag = node.tagName.toLowerCase();
    if (!ALLOWED.has(tag)) {
      out.push(...children);
      return;
    }
    // Guide headings sit under the view's own headings.
    const level = /^h([1-6])$/.exec(tag);
    if (level) tag = `h${Math.min(6, Number(level[1]) + headingOffset)}`;
    const props: Record<string, string> = {};
    if (tag === 'a') {
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_LINK.test(href)) {
        out.push(...children);
        return;
      }
      Object.assign(props, { href, target: '_blank', rel: 'noopener noreferrer' });
    }
    out.push(h(tag, props, ...children) as VNode);
  });
  return out;
}

/**
 * Markdown shown safely: micromark turns it into HTML with raw HTML escaped (its default), the
 * result is parsed inert (DOMParser runs no scripts and loads nothing) and rebuilt as Preact
 * nodes from an allow-list of elements. Links keep only http(s)/mailto targets and open in a new
 * tab; images and raw HTML never appear.
 */
export function Markdown(props: { source: string; headingOffset?: number }) {
  const html = micromark(props.source);
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return <div class="markdown">{toVNodes(doc.body.childNodes, props.headingOffset ?? 0)}</div>;
}
