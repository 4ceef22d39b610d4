import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRouter, type SenderInfo } from '../../src/background/router';
import { DEFAULT_PREFS } from '../../src/shared/domain/keys';
import { mockContentHandlers, mockPageHandlers } from './router-mocks';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const EVENT_ID = '8f14e45f-ceea-4e7a-9b6c-6f1d7c3b2a10';

const contentSender: SenderInfo = {
  id: EXTENSION_ID,
  url: 'https://x.com/marca/status/1',
  tab: { id: 7, url: 'https://x.com/marca/status/1' },
  frameId: 3,
};
const pageSender: SenderInfo = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/sidepanel/index.html` };

const context = { authorName: 'Ana Ruiz', commentAt: 1_700_000_000_000, commentPrecision: 'exact' as const };

const validContentMessages = {
  getShortcuts: {},
  expandShortcut: { shortcut: 'gracias', context },
  boxFocused: { context, focusedAt: 1_700_000_100_000 },
  replySubmitted: {
    eventId: EVENT_ID,
    context,
    firstFocusAt: 1_700_000_100_000,
    submittedAt: 1_700_000_200_000,
    templateId: null,
  },
  checkDraft: { text: 'Hola Ana, gracias.', context },
  loadContentUi: {},
} as const;
const validPageMessages = { insertTemplate: { templateId: 'starter-thanks-es', tabId: 7 } } as const;

function setup() {
  const content = mockContentHandlers({
    getShortcuts: vi.fn(async () => ({ shortcuts: ['gracias'], prefs: DEFAULT_PREFS })),
    replySubmitted: vi.fn(async () => ({ responseSeconds: 200 })),
  });
  const page = mockPageHandlers();
  const route = createRouter({ extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, content, page });
  const allHandlers = [...Object.values(content), ...Object.values(page)];
  return { route, content, page, allHandlers };
}

let s: ReturnType<typeof setup>;
beforeEach(() => {
  s = setup();
});

function expectNoHandlerCalled(): void {
  for (const handler of s.allHandlers) expect(handler).not.toHaveBeenCalled();
}

describe('router: senders', () => {
  it.each<[string, SenderInfo]>([
    ['no id', { url: contentSender.url, tab: contentSender.tab }],
    ['another extension', { ...contentSender, id: 'otherextensionidotherextensionid' }],
    ['another extension page', { id: 'other', url: `${EXTENSION_ORIGIN}src/options/index.html` }],
  ])('rejects a sender with %s', async (_label, sender) => {
    const reply = await s.route({ type: 'getShortcuts', payload: {} }, sender);
    expect(reply).toEqual({ ok: false, error: 'Unknown sender' });
    expectNoHandlerCalled();
  });

  it.each<[string, SenderInfo]>([
    ['no tab', { id: EXTENSION_ID, url: 'https://x.com/' }],
    ['a tab without id', { id: EXTENSION_ID, url: 'https://x.com/', tab: {} }],
    ['a negative tab id (not a real tab)', { id: EXTENSION_ID, url: 'https://x.com/', tab: { id: -1 } }],
    ['no url', { id: EXTENSION_ID, tab: { id: 1 } }],
    ['a non-web url', { id: EXTENSION_ID, url: 'about:blank', tab: { id: 1 } }],
    ['a file url', { id: EXTENSION_ID, url: 'file:///tmp/x.html', tab: { id: 1 } }],
    ['a data url', { id: EXTENSION_ID, url: 'data:text/html,x', tab: { id: 1 } }],
  ])('rejects a would-be content sender with %s', async (_label, sender) => {
    const reply = await s.route({ type: 'getShortcuts', payload: {} }, sender);
    expect(reply.ok).toBe(false);
    expectNoHandlerCalled();
  });

  it('rejects malformed envelopes', async () => {
    for (const message of [null, undefined, 'getShortcuts', 42, [], { payload: {} }, { type: 1, payload: {} }]) {
      const reply = await s.route(message, contentSender);
      expect(reply, JSON.stringify(message)).toEqual({ ok: false, error: 'Malformed message' });
    }
    const reply = await s.route({ type: 'x'.repeat(65), payload: {} }, contentSender);
    expect(reply.ok).toBe(false);
    expectNoHandlerCalled();
  });
});

describe('router: content scripts', () => {
  it.each(Object.entries(validContentMessages))('allows %s', async (type, payload) => {
    const reply = await s.route({ type, payload }, contentSender);
    expect(reply.ok).toBe(true);
    expect(s.content[type as keyof typeof validContentMessages]).toHaveBeenCalledTimes(1);
  });

  it('takes the focused box’s account for the shortcut list, and refuses a malformed one', async () => {
    expect((await s.route({ type: 'getShortcuts', payload: { account: '@acme_es' } }, contentSender)).ok).toBe(true);
    expect((await s.route({ type: 'getShortcuts', payload: { account: null } }, contentSender)).ok).toBe(true);
    for (const payload of [{ account: 42 }, { account: 'x'.repeat(201) }, { account: '@a', packId: 'beta' }]) {
      expect((await s.route({ type: 'getShortcuts', payload }, contentSender)).ok, JSON.stringify(payload).slice(0, 40)).toBe(false);
    }
    expect(s.content.getShortcuts).toHaveBeenCalledTimes(2);
  });

  it('returns the handler value', async () => {
    expect(await s.route({ type: 'getShortcuts', payload: {} }, contentSender)).toEqual({
      ok: true,
      value: { shortcuts: ['gracias'], prefs: DEFAULT_PREFS },
    });
  });

  it('accepts http pages too (user-enabled sites)', async () => {
    const reply = await s.route(
      { type: 'getShortcuts', payload: {} },
      { id: EXTENSION_ID, url: 'http://foro.marca.es/t/1', tab: { id: 2 } },
    );
    expect(reply.ok).toBe(true);
  });

  it('refuses insertTemplate from a content script', async () => {
    const reply = await s.route({ type: 'insertTemplate', payload: validPageMessages.insertTemplate }, contentSender);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('not allowed') });
    expectNoHandlerCalled();
  });

  it('never lets a content script read the comment being answered in some tab', async () => {
    const reply = await s.route({ type: 'getReplyTarget', payload: { tabId: 3 } }, contentSender);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('not allowed') });
    expectNoHandlerCalled();
  });

  it('injects the rest of the content script only into the sender\'s own tab and frame, never for a page', async () => {
    await s.route({ type: 'loadContentUi', payload: {} }, contentSender);
    expect(s.content.loadContentUi).toHaveBeenCalledWith({}, { tabId: 7, frameId: 3, url: 'https://x.com/marca/status/1' });
    const fromPage = await s.route({ type: 'loadContentUi', payload: {} }, pageSender);
    expect(fromPage).toEqual({ ok: false, error: expect.stringContaining('not allowed') });
  });

  it('refuses syncUserSites from a content script, and lets the options page ask for it', async () => {
    const refused = await s.route({ type: 'syncUserSites', payload: {} }, contentSender);
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('not allowed') });
    expectNoHandlerCalled();
    const allowed = await s.route({ type: 'syncUserSites', payload: {} }, { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/options/index.html` });
    expect(allowed).toEqual({ ok: true, value: { sites: [] } });
  });

  it('refuses a content script that claims an extension URL in its tab', async () => {
    const reply = await s.route(
      { type: 'insertTemplate', payload: validPageMessages.insertTemplate },
      { ...contentSender, tab: { id: 7, url: `${EXTENSION_ORIGIN}src/options/index.html` } },
    );
    expect(reply.ok).toBe(false);
    expectNoHandlerCalled();
  });

  it('passes tabId, frameId and url from the sender, never from the payload', async () => {
    await s.route(
      {
        type: 'expandShortcut',
        payload: { shortcut: 'gracias', tabId: 99, frameId: 98, url: 'https://evil.net/', context: { ...context, tabId: 97 } },
      },
      contentSender,
    );
    expect(s.content.expandShortcut).toHaveBeenCalledTimes(1);
    const [payload, sender] = s.content.expandShortcut.mock.calls[0] as unknown as [Record<string, unknown>, unknown];
    expect(sender).toEqual({ tabId: 7, frameId: 3, url: 'https://x.com/marca/status/1' });
    expect(payload).not.toHaveProperty('tabId');
    expect(payload).not.toHaveProperty('frameId');
    expect(payload).not.toHaveProperty('url');
    expect(payload.context).not.toHaveProperty('tabId');
    expect(payload).toEqual({ shortcut: 'gracias', context });
  });

  it('defaults frameId to 0 (top frame) when the browser gives none', async () => {
    await s.route(
      { type: 'boxFocused', payload: validContentMessages.boxFocused },
      { id: EXTENSION_ID, url: 'https://bsky.app/', tab: { id: 4 } },
    );
    expect(s.content.boxFocused).toHaveBeenCalledWith(validContentMessages.boxFocused, {
      tabId: 4,
      frameId: 0,
      url: 'https://bsky.app/',
    });
  });

  it('gives {ok:false, error} when a handler throws', async () => {
    s.content.expandShortcut.mockRejectedValueOnce(new Error('database closed'));
    expect(await s.route({ type: 'expandShortcut', payload: validContentMessages.expandShortcut }, contentSender)).toEqual(
      { ok: false, error: 'database closed' },
    );
    s.content.getShortcuts.mockImplementationOnce(() => {
      throw new Error('sync throw');
    });
    expect(await s.route({ type: 'getShortcuts', payload: {} }, contentSender)).toEqual({ ok: false, error: 'sync throw' });
    s.content.boxFocused.mockRejectedValueOnce('plain string');
    expect(await s.route({ type: 'boxFocused', payload: validContentMessages.boxFocused }, contentSender)).toEqual({
      ok: false,
      error: 'plain string',
    });
  });
});

describe('router: invalid payloads are refused before any handler runs', () => {
  const long = (n: number) => 'a'.repeat(n);
  const cases: [string, string, unknown][] = [
    ['getShortcuts with junk', 'getShortcuts', { junk: 1 }],
    ['getShortcuts with tabId', 'getShortcuts', { tabId: 1 }],
    ['getShortcuts without payload', 'getShortcuts', undefined],
    ['getShortcuts with __proto__ key', 'getShortcuts', JSON.parse('{"__proto__":{"polluted":true}}')],
    ['expandShortcut: shortcut not a string', 'expandShortcut', { shortcut: 42, context }],
    ['expandShortcut: empty shortcut', 'expandShortcut', { shortcut: '', context }],
    ['expandShortcut: oversized shortcut', 'expandShortcut', { shortcut: long(65), context }],
    ['expandShortcut: no context', 'expandShortcut', { shortcut: 'gracias' }],
    ['expandShortcut: oversized author name', 'expandShortcut', { shortcut: 'g', context: { ...context, authorName: long(201) } }],
    ['expandShortcut: oversized permalink', 'expandShortcut', { shortcut: 'g', context: { ...context, permalink: long(2049) } }],
    ['expandShortcut: bad precision', 'expandShortcut', { shortcut: 'g', context: { ...context, commentPrecision: 'guess' } }],
    ['expandShortcut: commentAt as string', 'expandShortcut', { shortcut: 'g', context: { ...context, commentAt: '2025-01-01' } }],
    ['expandShortcut: negative commentAt', 'expandShortcut', { shortcut: 'g', context: { ...context, commentAt: -1 } }],
    ['expandShortcut: fractional commentAt', 'expandShortcut', { shortcut: 'g', context: { ...context, commentAt: 1.5 } }],
    ['boxFocused: NaN focusedAt', 'boxFocused', { context, focusedAt: Number.NaN }],
    ['boxFocused: Infinity focusedAt', 'boxFocused', { context, focusedAt: Number.POSITIVE_INFINITY }],
    ['checkDraft: draft over 5000 characters', 'checkDraft', { text: long(5001), context }],
    ['checkDraft: without context', 'checkDraft', { text: 'hola' }],
    ['replySubmitted: non-uuid eventId', 'replySubmitted', { ...validContentMessages.replySubmitted, eventId: 'event-1' }],
    ['replySubmitted: uuid with junk', 'replySubmitted', { ...validContentMessages.replySubmitted, eventId: `${EVENT_ID}x` }],
    ['replySubmitted: missing submittedAt', 'replySubmitted', { ...validContentMessages.replySubmitted, submittedAt: undefined }],
    ['replySubmitted: oversized templateId', 'replySubmitted', { ...validContentMessages.replySubmitted, templateId: long(201) }],
    ['replySubmitted: payload is an array', 'replySubmitted', [EVENT_ID]],
    ['replySubmitted: payload is a string', 'replySubmitted', 'x'],
    // The worker injects its own fixed file list; a page never names a file, a tab or a frame.
    ['loadContentUi naming a file', 'loadContentUi', { files: ['evil.js'] }],
    ['loadContentUi naming a tab and frame', 'loadContentUi', { tabId: 1, frameId: 0 }],
  ];

  it.each(cases)('%s', async (_label, type, payload) => {
    const reply = await s.route({ type, payload }, contentSender);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^Invalid "${type}" payload: .+`)) });
    expectNoHandlerCalled();
  });

  it('refuses an oversized page payload', async () => {
    const reply = await s.route({ type: 'insertTemplate', payload: { templateId: long(201), tabId: null } }, pageSender);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('Invalid "insertTemplate" payload') });
    const negativeTab = await s.route({ type: 'insertTemplate', payload: { templateId: 'x', tabId: -1 } }, pageSender);
    expect(negativeTab.ok).toBe(false);
    expectNoHandlerCalled();
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'insertText', ''])(
    'refuses type %j',
    async (type) => {
      for (const sender of [contentSender, pageSender]) {
        const reply = await s.route({ type, payload: {} }, sender);
        expect(reply).toEqual({ ok: false, error: expect.stringContaining('not allowed') });
      }
      expectNoHandlerCalled();
    },
  );

  it('does not pollute Object.prototype through payloads', async () => {
    await s.route(
      { type: 'expandShortcut', payload: JSON.parse('{"shortcut":"g","context":{"commentAt":null,"commentPrecision":"unknown","__proto__":{"polluted":true}},"__proto__":{"polluted":true}}') },
      contentSender,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('router: extension pages', () => {
  it('allows insertTemplate and passes only the page url as sender', async () => {
    const reply = await s.route({ type: 'insertTemplate', payload: validPageMessages.insertTemplate }, pageSender);
    expect(reply).toEqual({ ok: true, value: { ok: true, method: 'test' } });
    expect(s.page.insertTemplate).toHaveBeenCalledWith(validPageMessages.insertTemplate, { url: pageSender.url });
  });

  it('treats an extension page open in a tab (options) as a page', async () => {
    const reply = await s.route(
      { type: 'insertTemplate', payload: { templateId: 't', tabId: null } },
      { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/options/index.html`, tab: { id: 5 } },
    );
    expect(reply.ok).toBe(true);
    expect(s.page.insertTemplate).toHaveBeenCalledTimes(1);
  });

  it.each(Object.entries(validContentMessages))('refuses content message %s from a page', async (type, payload) => {
    const reply = await s.route({ type, payload }, pageSender);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('not allowed') });
    expectNoHandlerCalled();
  });

  it('does not take a web page whose URL merely contains the extension origin for an extension page', async () => {
    const reply = await s.route(
      { type: 'insertTemplate', payload: validPageMessages.insertTemplate },
      { id: EXTENSION_ID, url: `https://evil.net/${EXTENSION_ORIGIN}`, tab: { id: 1 } },
    );
    expect(reply.ok).toBe(false);
    expectNoHandlerCalled();
  });
});
