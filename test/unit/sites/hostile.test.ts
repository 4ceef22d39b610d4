// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.example.com/"}
import { describe, expect, it } from 'vitest';
import { genericAdapter } from '../../../src/sites/generic';
import { ADAPTERS } from '../../../src/sites/registry';
import type { SiteAdapter } from '../../../src/sites/types';
import { loadFixture } from './fixture';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');

/** Every editable in the page, shadow roots included. */
function boxes(): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (root: ParentNode): void => {
    found.push(...root.querySelectorAll<HTMLElement>('[contenteditable="true"], textarea, input'));
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
  };
  visit(document);
  return found;
}

/** Ways a redesign or a hostile page can break the markup an adapter expects. */
const BREAKAGES: Record<string, () => void> = {
  'no times': () => document.querySelectorAll('time').forEach((element) => element.remove()),
  'no links': () => document.querySelectorAll('a').forEach((element) => element.replaceWith(...element.childNodes)),
  'no attributes but ids': () =>
    document.querySelectorAll('*').forEach((element) => {
      for (const name of element.getAttributeNames()) if (!['id', 'contenteditable'].includes(name)) element.removeAttribute(name);
    }),
  'garbage attributes': () =>
    document.querySelectorAll('*').forEach((element) => {
      // `slot` is left alone: happy-dom builds a selector from its value when it changes.
      for (const name of element.getAttributeNames()) {
        if (!['id', 'contenteditable', 'slot'].includes(name)) element.setAttribute(name, '"]<x>\u0000' + 'z'.repeat(5000));
      }
    }),
  'huge texts': () =>
    document.querySelectorAll('span, p, div').forEach((element) => {
      if (!element.children.length) element.textContent = '<b>x</b>\u{1F600}'.repeat(800);
    }),
};

function check(adapter: SiteAdapter, box: HTMLElement): void {
  expect(() => adapter.isReplyBox(box)).not.toThrow();
  const context = adapter.readContext(box, NOW);
  expect(['exact', 'approximate', 'unknown']).toContain(context.commentPrecision);
  expect(context.commentAt === null || Number.isInteger(context.commentAt)).toBe(true);
  for (const value of [context.authorName, context.handle, context.account]) expect((value ?? '').length).toBeLessThanOrEqual(200);
  expect((context.commentText ?? '').length).toBeLessThanOrEqual(2000);
  expect((context.permalink ?? '').length).toBeLessThanOrEqual(2048);
  if (context.permalink) expect(context.permalink).toMatch(/^https?:/);
  for (const target of box.ownerDocument.querySelectorAll('button, [role="button"]')) {
    expect(() => adapter.isSubmitControl(target, box)).not.toThrow();
  }
}

describe('adapters on broken or hostile markup', () => {
  for (const adapter of [...ADAPTERS, genericAdapter]) {
    for (const [breakage, apply] of Object.entries(BREAKAGES)) {
      it(`${adapter.id}: ${breakage} gives bounded answers, never an error`, () => {
        loadFixture(adapter.id);
        apply();
        const found = boxes();
        expect(found.length).toBeGreaterThan(0);
        for (const box of found) check(adapter, box);
      });
    }
  }
});
