import { describe, expect, it } from 'vitest';
import { createInPageTokens } from '../../src/background/in-page-tokens';
import { createRouter } from '../../src/background/router';
import { IN_PAGE_PATH } from '../../src/shared/messages/in-page';
import { mockContentHandlers, mockPageHandlers } from './router-mocks';

const ORIGIN = 'chrome-extension://tono/';
const FRAME = `${ORIGIN}${IN_PAGE_PATH}`;
const TOKEN = 'ab'.repeat(16);
const content = (tabId: number) => ({ tabId, frameId: 0, url: 'https://x.com/home' });

describe('in-page frame handshake tokens', () => {
  it("confirms a token once, to Tono's frame page in the tab whose content script registered it", async () => {
    const tokens = createInPageTokens(IN_PAGE_PATH);
    await tokens.registerInPageToken({ token: TOKEN }, content(4));
    expect(await tokens.claimInPageToken({ token: TOKEN }, { url: FRAME, tabId: 5 })).toBe(false);
    expect(await tokens.claimInPageToken({ token: TOKEN }, { url: `${ORIGIN}src/sidepanel/index.html`, tabId: 4 })).toBe(false);
    expect(await tokens.claimInPageToken({ token: TOKEN }, { url: FRAME })).toBe(false);
    expect(await tokens.claimInPageToken({ token: TOKEN }, { url: FRAME, tabId: 4 })).toBe(true);
    // Used up: a replayed hello gets nothing.
    expect(await tokens.claimInPageToken({ token: TOKEN }, { url: FRAME, tabId: 4 })).toBe(false);
  });

  it('forgets tokens after their time and keeps few per tab', async () => {
    let now = 0;
    const tokens = createInPageTokens(IN_PAGE_PATH, () => now);
    await tokens.registerInPageToken({ token: TOKEN }, content(4));
    now = 31_000;
    expect(await tokens.claimInPageToken({ token: TOKEN }, { url: FRAME, tabId: 4 })).toBe(false);
    const many = Array.from({ length: 20 }, (_, i) => i.toString(16).padStart(32, '0'));
    for (const token of many) await tokens.registerInPageToken({ token }, content(4));
    expect(await tokens.claimInPageToken({ token: many[0]! }, { url: FRAME, tabId: 4 })).toBe(false);
    expect(await tokens.claimInPageToken({ token: many[19]! }, { url: FRAME, tabId: 4 })).toBe(true);
  });

  it('is reachable only as the router allows: content scripts register, extension pages claim', async () => {
    const tokens = createInPageTokens(IN_PAGE_PATH);
    const route = createRouter({
      extensionId: 'tono',
      extensionOrigin: ORIGIN,
      content: mockContentHandlers({ registerInPageToken: tokens.registerInPageToken }),
      page: mockPageHandlers({ claimInPageToken: tokens.claimInPageToken }),
    });
    const fromSite = { id: 'tono', url: 'https://x.com/home', tab: { id: 4 }, frameId: 0 };
    const fromFrame = { id: 'tono', url: FRAME, tab: { id: 4 }, frameId: 3 };
    expect(await route({ type: 'registerInPageToken', payload: { token: TOKEN } }, fromSite)).toEqual({ ok: true, value: true });
    // A content script cannot claim (a page that took over one could then adopt any port).
    expect(await route({ type: 'claimInPageToken', payload: { token: TOKEN } }, fromSite)).toMatchObject({ ok: false });
    expect(await route({ type: 'registerInPageToken', payload: { token: 'not hex' } }, fromSite)).toMatchObject({ ok: false });
    expect(await route({ type: 'claimInPageToken', payload: { token: TOKEN } }, fromFrame)).toEqual({ ok: true, value: true });
  });
});
