// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boxState, trackBox } from '../../src/content/box-state';
import type { FocusTracker } from '../../src/content/focus-tracker';
import { createSubmitWatch } from '../../src/content/submit-watch';
import { drift } from '../../src/shared/domain/drift';
import { genericAdapter } from '../../src/sites/generic';

const request = vi.hoisted(() => vi.fn(async () => null));
vi.mock('../../src/content/connection', () => ({ request }));

let box: HTMLTextAreaElement;
// The watch needs the adapter and the box's context; the focus tracker's DOM work is not under test.
const focus = {
  adapter: genericAdapter,
  lastBox: null,
  contextFor: (box: HTMLElement) => boxState(box)?.context ?? genericAdapter.readContext(box),
} as unknown as FocusTracker;

/** Ctrl+Enter as the user presses it (page-forged events are ignored, so this one says trusted). */
const ctrlEnter = () => ({ isTrusted: true, key: 'Enter', ctrlKey: true, metaKey: false, shiftKey: false, composedPath: () => [box], target: box }) as unknown as KeyboardEvent;

beforeEach(() => {
  vi.useFakeTimers();
  request.mockClear();
  box = document.createElement('textarea');
  document.body.append(box);
});

afterEach(() => {
  vi.useRealTimers();
  box.remove();
});

function fromTemplate(templateText: string | null): void {
  const state = trackBox(box, { commentAt: null, commentPrecision: 'unknown' }, Date.now());
  state.templateId = templateText === null ? null : 'tpl-1';
  state.templateText = templateText;
}

describe('submit watch: drift at the send', () => {
  it('measures the draft as it was just before the box emptied, and sends only the number', async () => {
    fromTemplate('Hola Ana, gracias por escribirnos.');
    box.value = 'Hola Ana, gracias por escribirnos';
    createSubmitWatch(focus).onKeyDown(ctrlEnter());
    // The site is slow: the agent adds a last word before the box empties.
    box.value = 'Hola Ana, gracias por escribirnos hoy.';
    await vi.advanceTimersByTimeAsync(100);
    box.value = '';
    await vi.advanceTimersByTimeAsync(100);
    expect(request).toHaveBeenCalledOnce();
    const [type, payload] = request.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(type).toBe('replySubmitted');
    expect(payload).toMatchObject({ templateId: 'tpl-1', drift: drift('Hola Ana, gracias por escribirnos.', 'Hola Ana, gracias por escribirnos hoy.') });
    expect(payload.drift).toBeGreaterThan(0);
    expect(JSON.stringify(payload)).not.toMatch(/gracias|Ana/);
  });

  it('sends no drift for a reply typed without a template', async () => {
    fromTemplate(null);
    box.value = 'Escrito a mano';
    createSubmitWatch(focus).onKeyDown(ctrlEnter());
    box.value = '';
    await vi.advanceTimersByTimeAsync(100);
    expect(request).toHaveBeenCalledWith('replySubmitted', expect.objectContaining({ templateId: null, drift: null }));
  });

  it('sends nothing when the box never empties (the send did not happen)', async () => {
    fromTemplate('Hola');
    box.value = 'Hola';
    createSubmitWatch(focus).onKeyDown(ctrlEnter());
    await vi.advanceTimersByTimeAsync(6000);
    expect(request).not.toHaveBeenCalled();
  });
});
