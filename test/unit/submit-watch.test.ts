// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FocusTracker } from '../../src/content/focus-tracker';
import type { ShortcutCache } from '../../src/content/shortcut-cache';
import { createSubmitWatch } from '../../src/content/submit-watch';
import { genericAdapter } from '../../src/sites/generic';

const request = vi.hoisted(() => vi.fn(async () => null));
vi.mock('../../src/content/connection', () => ({ request }));
vi.mock('../../src/sites/registry', () => ({ adapterFor: () => genericAdapter }));

const shortcuts = { refresh: async () => undefined } as unknown as ShortcutCache;

/** Events as the user makes them (page-forged ones are ignored, so these say trusted). */
const click = (target: Element) => ({ isTrusted: true, target, composedPath: () => [target] }) as unknown as MouseEvent;
const key = (target: Element, init: Partial<KeyboardEvent>) =>
  ({ isTrusted: true, key: 'Enter', ctrlKey: false, metaKey: false, shiftKey: false, isComposing: false, keyCode: 13, target, composedPath: () => [target], ...init }) as unknown as KeyboardEvent;

let focus: FocusTracker;
let watch: ReturnType<typeof createSubmitWatch>;

/** One comment with its own reply form: author, text, box and send button. */
function comment(author: string, form = true): { box: HTMLTextAreaElement; send: HTMLButtonElement } {
  const article = document.createElement('article');
  const name = document.createElement('span');
  name.setAttribute('data-author', author);
  const text = document.createElement('p');
  text.className = 'text';
  text.textContent = `Comment by ${author}`;
  const holder = document.createElement(form ? 'form' : 'div');
  const box = document.createElement('textarea');
  const send = document.createElement('button');
  send.type = 'button';
  send.textContent = form ? 'Go' : 'Reply';
  holder.append(box, send);
  article.append(name, text, holder);
  document.body.append(article);
  return { box, send };
}

/** The user focuses the box and types a draft. */
function draft(box: HTMLTextAreaElement, text: string): void {
  focus.onFocus(box, Date.now());
  box.value = text;
}

/** The authors of the replies counted so far. */
function counted(): string[] {
  const calls = request.mock.calls as unknown as Array<[string, { context: { authorName?: string } }]>;
  return calls.filter(([type]) => type === 'replySubmitted').map(([, payload]) => payload.context.authorName ?? '?');
}

beforeEach(() => {
  vi.useFakeTimers();
  request.mockClear();
  focus = new FocusTracker(shortcuts);
  watch = createSubmitWatch(focus);
});

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('submit watch: every sent reply counted', () => {
  it.each([
    ['the first box first', ['Ana', 'Bea']],
    ['the last focused box first', ['Bea', 'Ana']],
  ])('counts two drafts sent later from their own buttons, %s', async (_, order) => {
    const boxes = { Ana: comment('Ana'), Bea: comment('Bea') };
    draft(boxes.Ana.box, 'Hola Ana');
    draft(boxes.Bea.box, 'Hola Bea');
    for (const author of order as ('Ana' | 'Bea')[]) {
      watch.onClick(click(boxes[author].send));
      boxes[author].box.value = ''; // the site sent it
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(counted()).toEqual(order);
  });

  it('counts a reply sent from a box focused long before other boxes', async () => {
    const first = comment('Ana');
    draft(first.box, 'Hola Ana');
    const others = Array.from({ length: 5 }, (_, i) => comment(`Other ${i}`));
    for (const other of others) focus.onFocus(other.box, Date.now());
    watch.onClick(click(first.send));
    first.box.value = '';
    await vi.advanceTimersByTimeAsync(200);
    expect(counted()).toEqual(['Ana']);
  });

  it('gives a shared-looking "Reply" button to the nearest box holding a draft', async () => {
    const ana = comment('Ana', false);
    const bea = comment('Bea', false);
    draft(ana.box, 'Hola Ana');
    draft(bea.box, 'Hola Bea');
    watch.onClick(click(ana.send));
    ana.box.value = '';
    await vi.advanceTimersByTimeAsync(200);
    expect(counted()).toEqual(['Ana']);
    expect(bea.box.value).toBe('Hola Bea');
  });

  it('counts nothing for a bare click on a send button of an empty box', async () => {
    const ana = comment('Ana');
    const bea = comment('Bea');
    focus.onFocus(ana.box, Date.now());
    draft(bea.box, 'Hola Bea');
    watch.onClick(click(ana.send));
    await vi.advanceTimersByTimeAsync(6000);
    expect(counted()).toEqual([]);
    expect(bea.box.value).toBe('Hola Bea');
  });

  it('counts one send once, however often the button is clicked', async () => {
    const ana = comment('Ana');
    const bea = comment('Bea');
    draft(ana.box, 'Hola Ana');
    draft(bea.box, 'Hola Bea');
    watch.onClick(click(ana.send));
    watch.onClick(click(ana.send));
    await vi.advanceTimersByTimeAsync(200);
    ana.box.value = '';
    await vi.advanceTimersByTimeAsync(200);
    watch.onClick(click(ana.send)); // the box is empty now
    await vi.advanceTimersByTimeAsync(6000);
    expect(counted()).toEqual(['Ana']);
  });

  it('ignores clicks the page forged', async () => {
    const ana = comment('Ana');
    draft(ana.box, 'Hola Ana');
    watch.onClick({ ...click(ana.send), isTrusted: false } as unknown as MouseEvent);
    ana.box.value = '';
    await vi.advanceTimersByTimeAsync(200);
    expect(counted()).toEqual([]);
  });
});

describe('submit watch: Enter', () => {
  it('counts Ctrl+Enter, but not the Enter that ends an IME composition', async () => {
    const ana = comment('Ana');
    draft(ana.box, 'こんにちは');
    watch.onKeyDown(key(ana.box, { ctrlKey: true, isComposing: true }));
    watch.onKeyDown(key(ana.box, { ctrlKey: true, keyCode: 229 }));
    ana.box.value = '';
    await vi.advanceTimersByTimeAsync(200);
    expect(counted()).toEqual([]);
    ana.box.value = 'こんにちは';
    watch.onKeyDown(key(ana.box, { ctrlKey: true }));
    ana.box.value = '';
    await vi.advanceTimersByTimeAsync(200);
    expect(counted()).toEqual(['Ana']);
  });

  it('counts a plain Enter in an input, not Shift+Enter nor a composing Enter', async () => {
    const form = document.createElement('form');
    const input = document.createElement('input');
    form.append(input);
    document.body.append(form);
    focus.onFocus(input, Date.now());
    input.value = '你好';
    watch.onKeyDown(key(input, { isComposing: true }));
    watch.onKeyDown(key(input, { keyCode: 229 }));
    watch.onKeyDown(key(input, { shiftKey: true }));
    input.value = '';
    await vi.advanceTimersByTimeAsync(200);
    expect(counted()).toEqual([]);
    input.value = '你好';
    watch.onKeyDown(key(input, {}));
    input.value = '';
    await vi.advanceTimersByTimeAsync(200);
    expect(counted()).toHaveLength(1);
  });
});
