import { describe, expect, it, vi } from 'vitest';
import { createRouter, type SenderInfo } from '../../src/background/router';
import { mockContentHandlers, mockPageHandlers } from './router-mocks';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const panelSender: SenderInfo = { id: EXTENSION_ID, url: `${ORIGIN}src/sidepanel/index.html` };
const contentSender: SenderInfo = { id: EXTENSION_ID, url: 'https://x.com/a', tab: { id: 3, url: 'https://x.com/a' }, frameId: 0 };

const draft = 'Hola Ana, el problema ya está resuelto.';
const fix = { tabId: 3, draft, start: 13, end: 21, replacement: 'incidencia' };

function setup() {
  const applyFix = vi.fn(async () => ({ ok: true as const, method: 'paste-lines' }));
  const page = mockPageHandlers({ applyFix });
  const content = mockContentHandlers();
  return { route: createRouter({ extensionId: EXTENSION_ID, extensionOrigin: ORIGIN, content, page }), applyFix };
}

describe('router: applyFix (one-click tone fix)', () => {
  it('is accepted from an extension page and reaches the handler as sent', async () => {
    const { route, applyFix } = setup();
    expect(draft.slice(fix.start, fix.end)).toBe('problema');
    expect(await route({ type: 'applyFix', payload: fix }, panelSender)).toEqual({ ok: true, value: { ok: true, method: 'paste-lines' } });
    expect(applyFix.mock.calls.map((call: unknown[]) => call[0])).toEqual([fix]);
  });

  it('is refused from a content script: a page must not rewrite drafts through Tono', async () => {
    const { route, applyFix } = setup();
    const reply = await route({ type: 'applyFix', payload: fix }, contentSender);
    expect(reply).toEqual({ ok: false, error: 'Message "applyFix" is not allowed from this sender' });
    expect(applyFix).not.toHaveBeenCalled();
  });

  it.each<[string, Record<string, unknown>]>([
    ['an empty range', { ...fix, end: fix.start }],
    ['a reversed range', { ...fix, start: 21, end: 13 }],
    ['a range past the draft', { ...fix, end: draft.length + 1 }],
    ['a negative offset', { ...fix, start: -1 }],
    ['a fractional offset', { ...fix, start: 1.5 }],
    ['an unknown field', { ...fix, selector: '#box' }],
    ['a huge replacement', { ...fix, replacement: 'x'.repeat(201) }],
    ['a huge draft', { ...fix, draft: 'x'.repeat(20_001) }],
    ['a missing draft', { tabId: 3, start: 13, end: 21, replacement: 'incidencia' }],
  ])('refuses %s', async (_label, payload) => {
    const { route, applyFix } = setup();
    const reply = await route({ type: 'applyFix', payload }, panelSender);
    expect(reply.ok).toBe(false);
    expect(applyFix).not.toHaveBeenCalled();
  });
});
