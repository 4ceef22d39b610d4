// @vitest-environment happy-dom
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { sendControlKnown, siteCheckFor } from '../../src/content/site-check';
import { BoxFocusedSchema, SiteCheckSchema } from '../../src/shared/messages/schemas';
import { genericAdapter } from '../../src/sites/generic';
import type { SiteAdapter } from '../../src/sites/types';

const context = { commentAt: null, commentPrecision: 'unknown' as const };
const focusedAt = Date.now();

describe('the site check a content script sends with a focus', () => {
  it('accepts an editor kind and the send flag, and a focus without a check', () => {
    expect(v.safeParse(SiteCheckSchema, { editor: 'lexical', sendKnown: true }).success).toBe(true);
    const parsed = v.safeParse(BoxFocusedSchema, { context, focusedAt, check: { editor: 'textarea', sendKnown: false } });
    expect(parsed.success && parsed.output.check).toEqual({ editor: 'textarea', sendKnown: false });
    expect(v.safeParse(BoxFocusedSchema, { context, focusedAt }).success).toBe(true);
  });

  it('refuses unknown fields, long or odd editor names and a non-boolean flag', () => {
    expect(v.safeParse(SiteCheckSchema, { editor: 'lexical', sendKnown: true, html: '<b>x</b>' }).success).toBe(false);
    expect(v.safeParse(SiteCheckSchema, { editor: 'x'.repeat(21), sendKnown: true }).success).toBe(false);
    expect(v.safeParse(SiteCheckSchema, { editor: '', sendKnown: true }).success).toBe(false);
    expect(v.safeParse(SiteCheckSchema, { editor: 'Hola <img>', sendKnown: true }).success).toBe(false);
    expect(v.safeParse(SiteCheckSchema, { editor: 'lexical', sendKnown: 'yes' }).success).toBe(false);
    expect(v.safeParse(SiteCheckSchema, { editor: 'lexical' }).success).toBe(false);
    expect(v.safeParse(BoxFocusedSchema, { context, focusedAt, check: { editor: 'lexical', sendKnown: true, extra: 1 } }).success).toBe(false);
  });
});

/** Builds `tag` with attributes and children, into the body when no parent is given. */
function el(tag: string, attrs: Record<string, string>, ...children: (Element | string)[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}
const mount = (root: Element) => document.body.replaceChildren(root);

describe('siteCheckFor', () => {
  it('names the editor and finds the send button of the box form', () => {
    const box = el('textarea', {});
    mount(el('form', {}, el('div', {}, box), el('button', { type: 'button' }, 'Bold'), el('button', {}, 'Send')));
    expect(siteCheckFor(genericAdapter, box)).toEqual({ editor: 'textarea', sendKnown: true });
  });

  it('says not found when nothing near the box is a send control', () => {
    const box = el('div', { contenteditable: 'true' });
    mount(el('div', {}, box, el('button', {}, 'Bold')));
    expect(siteCheckFor(genericAdapter, box).sendKnown).toBe(false);
  });

  it('asks the adapter about at most 50 controls', () => {
    const box = el('textarea', {});
    const buttons = Array.from({ length: 200 }, () => el('button', {}, 'x'));
    mount(el('div', {}, el('div', {}, ...buttons, box)));
    let asked = 0;
    const adapter = { ...genericAdapter, isSubmitControl: () => (asked++, false) } as SiteAdapter;
    expect(sendControlKnown(adapter, box)).toBe(false);
    expect(asked).toBe(50);
  });
});
