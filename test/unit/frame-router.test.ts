import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/shared/browser', () => ({ browser: { runtime: { id: 'tono-id' } } }));

const { createFrameRouter } = await import('../../src/content/frame-router');
const { TO_CONTENT_TYPES, isToContentType } = await import('../../src/shared/messages/to-content');

const tono = { id: 'tono-id' };
const handlers = {
  insertText: vi.fn(async () => ({ ok: true as const, method: 'exec-command' as const })),
  getDraft: vi.fn(async () => ({ text: 'hola' })),
  replaceText: vi.fn(async () => ({ ok: false as const, reason: 'draft-changed' as const })),
};
const VALID = {
  insertText: { text: 'Gracias, Ana', cursorOffset: null, templateId: 'gracias' },
  getDraft: {},
  replaceText: { draft: 'el problema', start: 0, end: 2, replacement: 'la' },
} as const;

describe('the content script’s one router for the worker’s messages', () => {
  const route = createFrameRouter(handlers);
  beforeEach(() => Object.values(handlers).forEach((handler) => handler.mockClear()));

  it('answers every type the bootstrap forwards, each with its own handler', async () => {
    expect([...TO_CONTENT_TYPES].sort()).toEqual(Object.keys(handlers).sort());
    for (const type of TO_CONTENT_TYPES) {
      expect(isToContentType(type)).toBe(true);
      await expect(route({ type, payload: VALID[type] }, tono)).resolves.toEqual(await handlers[type].mock.results[0]?.value);
      expect(handlers[type]).toHaveBeenCalledWith(VALID[type]);
    }
  });

  it('claims nothing from another sender, an unknown type or a payload its schema refuses', () => {
    expect(route({ type: 'insertText', payload: VALID.insertText }, { id: 'other-extension' })).toBeUndefined();
    expect(route({ type: 'insertText', payload: VALID.insertText }, {})).toBeUndefined();
    expect(route({ type: 'loadContentUi', payload: {} }, tono)).toBeUndefined();
    expect(route({ type: '__proto__', payload: {} }, tono)).toBeUndefined();
    expect(route(null, tono)).toBeUndefined();
    expect(route({ type: 'insertText', payload: { text: 42, cursorOffset: null, templateId: null } }, tono)).toBeUndefined();
    expect(route({ type: 'getDraft', payload: { extra: true } }, tono)).toBeUndefined();
    // A range outside the draft is refused before the handler sees it.
    expect(route({ type: 'replaceText', payload: { ...VALID.replaceText, end: 99 } }, tono)).toBeUndefined();
    expect(isToContentType('toString')).toBe(false);
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });
});
