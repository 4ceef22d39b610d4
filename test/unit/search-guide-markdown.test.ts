// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../src/shared/ui/Markdown';

function show(source: string, headingOffset = 0): HTMLElement {
  const container = document.createElement('div');
  render(h(Markdown, { source, headingOffset }), container);
  return container;
}

describe('Markdown (tone guide sections)', () => {
  it('renders the usual formatting', () => {
    const out = show('# Voz\n\nSomos **cercanos**, nunca *fríos*.\n\n- tú, no usted\n- sin jerga');
    expect(out.querySelector('h1')?.textContent).toBe('Voz');
    expect(out.querySelector('strong')?.textContent).toBe('cercanos');
    expect(out.querySelectorAll('li')).toHaveLength(2);
  });

  it('shows raw HTML and scripts as text, never as elements', () => {
    const source = 'Hola <img src=x onerror=alert(1)>\n\n<script>alert(1)</script>\n\n<b>negrita</b>';
    const out = show(source);
    expect(out.querySelector('img, script, b')).toBeNull();
    expect(out.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(out.textContent).toContain('<script>alert(1)</script>');
  });

  it('opens safe links in a new tab and drops javascript: links', () => {
    const out = show('[protocolo](https://intranet.example/crisis) y [mal](javascript:alert(1))');
    const links = out.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://intranet.example/crisis');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(out.textContent).toContain('mal');
  });

  it('places headings under the view’s own and never shows images', () => {
    const out = show('# Título\n\n![logo](https://example.com/logo.png)', 3);
    expect(out.querySelector('h4')?.textContent).toBe('Título');
    expect(out.querySelector('img')).toBeNull();
  });
});
