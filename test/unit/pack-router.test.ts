import { describe, expect, it, vi } from 'vitest';
import { createRouter, type SenderInfo } from '../../src/background/router';
import { mockContentHandlers, mockPageHandlers } from './router-mocks';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const pageSender: SenderInfo = { id: EXTENSION_ID, url: `${ORIGIN}src/options/index.html` };
const contentSender: SenderInfo = { id: EXTENSION_ID, url: 'https://x.com/a', tab: { id: 3, url: 'https://x.com/a' }, frameId: 0 };

function setup() {
  const packSyncNow = vi.fn(async () => ({ outcomes: [] }));
  const page = mockPageHandlers({ packSyncNow });
  const content = mockContentHandlers();
  return { route: createRouter({ extensionId: EXTENSION_ID, extensionOrigin: ORIGIN, content, page }), packSyncNow };
}

describe('router: packSyncNow', () => {
  it('is accepted from an extension page, for one URL or for all', async () => {
    const { route, packSyncNow } = setup();
    const one = { url: 'https://intranet.acme.com/p.json', allowRemoveAll: false };
    expect(await route({ type: 'packSyncNow', payload: one }, pageSender)).toEqual({ ok: true, value: { outcomes: [] } });
    expect(await route({ type: 'packSyncNow', payload: { url: null, allowRemoveAll: true } }, pageSender)).toMatchObject({ ok: true });
    expect(packSyncNow.mock.calls.map((call: unknown[]) => call[0])).toEqual([one, { url: null, allowRemoveAll: true }]);
  });

  it('is refused from a content script: a social site must never trigger fetches', async () => {
    const { route, packSyncNow } = setup();
    const reply = await route({ type: 'packSyncNow', payload: { url: null, allowRemoveAll: false } }, contentSender);
    expect(reply).toEqual({ ok: false, error: 'Message "packSyncNow" is not allowed from this sender' });
    expect(packSyncNow).not.toHaveBeenCalled();
  });

  it.each([
    ['no allowRemoveAll', { url: null }],
    ['a non-string url', { url: 42, allowRemoveAll: false }],
    ['an overlong url', { url: `https://a.example/${'x'.repeat(3000)}`, allowRemoveAll: false }],
    ['an extra field', { url: null, allowRemoveAll: false, etag: 'x' }],
  ])('refuses a payload with %s', async (_label, payload) => {
    const { route, packSyncNow } = setup();
    const reply = await route({ type: 'packSyncNow', payload }, pageSender);
    expect(reply.ok).toBe(false);
    expect(packSyncNow).not.toHaveBeenCalled();
  });
});
