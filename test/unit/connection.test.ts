import { describe, expect, it, vi } from 'vitest';

// The extension context after a reload under an open page: `id` is gone and every API throws.
const runtime = { id: 'tono' as string | undefined };
vi.mock('../../src/shared/browser', () => ({ browser: { runtime } }));
vi.mock('../../src/shared/messages/client', () => ({ sendFromContent: vi.fn() }));

const { whileConnected, onOrphaned, request } = await import('../../src/content/connection');

describe('a content script whose extension was reloaded under the page', () => {
  it('returns the call’s value while connected', () => {
    expect(whileConnected(() => 'chrome-extension://x/src/inpage/index.html', null)).toBe('chrome-extension://x/src/inpage/index.html');
  });

  it('turns the browser’s “Extension context invalidated.” into the fallback, detaches once, and stops calling', () => {
    const teardown = vi.fn();
    onOrphaned(teardown);
    runtime.id = undefined;
    const dead = vi.fn(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(whileConnected(dead, null)).toBeNull();
    expect(teardown).toHaveBeenCalledTimes(1);
    expect(whileConnected(dead, 'key')).toBe('key');
    expect(dead).toHaveBeenCalledTimes(1);
    expect(teardown).toHaveBeenCalledTimes(1);
  });

  it('answers requests with null instead of throwing', async () => {
    await expect(request('registerInPageToken', { token: 'a'.repeat(32) })).resolves.toBeNull();
  });
});
