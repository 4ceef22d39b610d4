import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed fixtures (node's path helpers: happy-dom replaces the global URL). */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/sites');

/**
 * Loads test/fixtures/sites/<name>.html into the happy-dom document: parsed as a separate document
 * and imported (never written as HTML into the page), with `<template shadowrootmode="open">`
 * turned into real open shadow roots. `transform` may rewrite the parsed page first.
 */
export function loadFixture(name: string, transform?: (parsed: Document) => void): Document {
  const html = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  transform?.(parsed);
  document.body.replaceWith(document.importNode(parsed.body, true));
  for (const template of Array.from(document.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]'))) {
    const host = template.parentElement!;
    host.attachShadow({ mode: 'open' }).append(template.content.cloneNode(true));
    template.remove();
  }
  return document;
}

/** The element matching `selector`, looking into open shadow roots; fails the test when absent. */
export function $(selector: string, root: ParentNode = document): HTMLElement {
  const found = root.querySelector<HTMLElement>(selector);
  if (found) return found;
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) {
      const inner = element.shadowRoot.querySelector<HTMLElement>(selector);
      if (inner) return inner;
    }
  }
  throw new Error(`Fixture has no ${selector}`);
}
