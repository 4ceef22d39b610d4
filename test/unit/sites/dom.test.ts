// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://site.example/a/b"}
import { beforeEach, describe, expect, it } from 'vitest';
import { absoluteUrl, closestDeep, hostMatcher, lastBefore, readText } from '../../../src/sites/dom';

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

describe('site DOM helpers', () => {
  beforeEach(() => document.body.replaceChildren());

  it('lastBefore finds the nearest match before the box, ancestors included, shadow roots crossed', () => {
    const items = Array.from({ length: 50 }, (_, i) => el('div', { class: 'item', id: `i${i}` }));
    document.body.append(...items);
    const box = el('textarea');
    items[20]!.append(box);
    expect(lastBefore(document, '.item', box)?.id).toBe('i20');
    items[20]!.after(box);
    expect(lastBefore(document, '.item', box)?.id).toBe('i20');
    expect(lastBefore(document, '.item', box, (item) => item.id === 'i3')?.id).toBe('i3');
    items[0]!.before(box);
    expect(lastBefore(document, '.item', box)).toBeNull();
    const host = el('div');
    items[30]!.after(host);
    const inner = el('div', { contenteditable: 'true' });
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(lastBefore(document, '.item', inner)?.id).toBe('i30');
    expect(closestDeep(inner, 'body')).toBe(document.body);
  });

  it('readText keeps blocks apart, reads emoji alt, skips scripts, buttons and screen-reader copies', () => {
    const node = el(
      'div',
      {},
      el('p', {}, 'Hola'),
      el('p', {}, 'mundo ', el('img', { alt: '🌍' })),
      el('script', {}, 'alert(1)'),
      el('button', {}, 'Responder'),
      el('span', { class: 'visually-hidden' }, 'Hola mundo'),
      '<b>no</b>',
    );
    expect(readText(node)).toBe('Hola mundo 🌍 <b>no</b>');
  });

  it('readText caps without splitting an emoji', () => {
    expect(readText(el('p', {}, 'ab😀'), 3)).toBe('ab');
    expect(readText(el('p', {}, '   '))).toBeUndefined();
    expect(readText(null)).toBeUndefined();
  });

  it('absoluteUrl resolves against the page and keeps only http(s)', () => {
    const anchor = el('a');
    document.body.append(anchor);
    expect(absoluteUrl('/x?y=1', anchor)).toBe('https://site.example/x?y=1');
    expect(absoluteUrl('javascript:alert(1)', anchor)).toBeUndefined();
    expect(absoluteUrl('data:text/html,x', anchor)).toBeUndefined();
    expect(absoluteUrl(`/${'a'.repeat(3000)}`, anchor)).toBeUndefined();
    expect(absoluteUrl(null, anchor)).toBeUndefined();
  });

  it('hostMatcher accepts the host and its subdomains only', () => {
    const matches = hostMatcher('x.com', 'twitter.com');
    expect(['x.com', 'mobile.x.com', 'X.COM', 'x.com.', 'twitter.com'].map(matches)).toEqual([true, true, true, true, true]);
    expect(['evilx.com', 'x.com.evil.net', 'x.co', 'twitter.com.br', ''].map(matches)).toEqual([false, false, false, false, false]);
  });
});
