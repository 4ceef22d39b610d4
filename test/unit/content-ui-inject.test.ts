import { beforeEach, describe, expect, it, vi } from 'vitest';

const executeScript = vi.fn(async () => []);
vi.mock('../../src/shared/browser', () => ({ browser: { scripting: { executeScript } } }));

const { injectContentUi } = await import('../../src/background/content-ui');

beforeEach(() => executeScript.mockClear());

describe('loadContentUi: the lazily injected part of the content script', () => {
  it("injects Tono's own fixed file into the sender's tab and frame only", async () => {
    expect(await injectContentUi({}, { tabId: 7, frameId: 3, url: 'https://x.com/marca/status/1' })).toBeNull();
    expect(executeScript).toHaveBeenCalledExactlyOnceWith({ target: { tabId: 7, frameIds: [3] }, files: ['content-ui.js'] });
  });
});
