import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('../../src/shared/browser', () => ({ browser: { tabs: { sendMessage } } }));

const { TonoDatabase } = await import('../../src/shared/db/database');
const { createPageHandlers } = await import('../../src/background/handlers/page');
type FocusRecord = import('../../src/background/last-focus').FocusRecord;

let db: InstanceType<typeof TonoDatabase>;
const focus: FocusRecord = {
  tabId: 12,
  frameId: 4,
  url: 'https://x.com/acme/status/1',
  context: { commentAt: null, commentPrecision: 'unknown' },
  focusedAt: 1,
};
const panel = { url: 'chrome-extension://abc/src/sidepanel/index.html' };
const range = { draft: 'Hola, el problema', start: 9, end: 17, replacement: 'incidencia' };

beforeEach(async () => {
  db = new TonoDatabase(`tono-fix-handler-${crypto.randomUUID()}`);
  await db.open();
  sendMessage.mockReset();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('applyFix in the worker', () => {
  it('asks the content script of the focused box’s tab and frame to replace that range', async () => {
    sendMessage.mockResolvedValue({ ok: true, method: 'exec-command' });
    const handlers = createPageHandlers(db, { find: async (tabId) => (tabId === 12 ? focus : undefined) });
    expect(await handlers.applyFix({ tabId: 12, ...range }, panel)).toEqual({ ok: true, method: 'exec-command' });
    expect(sendMessage).toHaveBeenCalledWith(12, { type: 'replaceText', payload: range }, { frameId: 4 });
  });

  it('says there is no box when nothing was focused in that tab, without messaging any tab', async () => {
    const handlers = createPageHandlers(db, { find: async () => undefined });
    expect(await handlers.applyFix({ tabId: 3, ...range }, panel)).toEqual({ ok: false, reason: 'no-box' });
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('reports an unreachable tab (closed, or the content script is gone) instead of throwing', async () => {
    const handlers = createPageHandlers(db, { find: async () => focus });
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
    expect(await handlers.applyFix({ tabId: null, ...range }, panel)).toEqual({ ok: false, reason: 'tab-unreachable' });
    sendMessage.mockResolvedValueOnce(undefined);
    expect(await handlers.applyFix({ tabId: null, ...range }, panel)).toEqual({ ok: false, reason: 'tab-unreachable' });
  });
});

describe('getReplyTarget', () => {
  it('returns the site check stored with the focus, and null for a record from before it', async () => {
    const checked = { ...focus, check: { editor: 'quill', sendKnown: true } };
    expect(await createPageHandlers(db, { find: async () => checked }).getReplyTarget({ tabId: 12 }, panel)).toMatchObject({
      platform: 'x',
      host: 'x.com',
      check: { editor: 'quill', sendKnown: true },
    });
    expect((await createPageHandlers(db, { find: async () => focus }).getReplyTarget({ tabId: 12 }, panel))?.check).toBeNull();
  });
});
