import { beforeEach, describe, expect, it, vi } from 'vitest';

const executeScript = vi.fn<(call: { target: unknown; files: string[] }) => Promise<unknown[]>>(async () => []);
vi.mock('../../src/shared/browser', () => ({ browser: { scripting: { executeScript } } }));

const { injectContentUi } = await import('../../src/background/content-ui');

beforeEach(() => executeScript.mockClear());

describe('loadContentUi: the lazily injected part of the content script', () => {
  it("injects Tono's own UI and the adapter of the sender's platform into the sender's tab and frame only", async () => {
    expect(await injectContentUi({}, { tabId: 7, frameId: 3, url: 'https://x.com/marca/status/1' })).toBeNull();
    expect(executeScript).toHaveBeenCalledExactlyOnceWith({ target: { tabId: 7, frameIds: [3] }, files: ['content-ui.js', 'sites/x.js'] });
  });

  it('chooses the chunk by the URL the browser reported, so a look-alike host gets no platform code', async () => {
    await injectContentUi({}, { tabId: 7, frameId: 0, url: 'https://x.com.evil.example/status/1' });
    await injectContentUi({}, { tabId: 7, frameId: 0, url: 'https://www.linkedin.com/feed/' });
    await injectContentUi({}, { tabId: 7, frameId: 0, url: 'https://social.example/@ana' });
    expect(executeScript.mock.calls.map(([call]) => call.files)).toEqual([
      ['content-ui.js'],
      ['content-ui.js', 'sites/linkedin.js'],
      ['content-ui.js'],
    ]);
  });
});
