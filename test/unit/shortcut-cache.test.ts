import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ShortcutCache } from '../../src/content/shortcut-cache';
import { DEFAULT_PREFS } from '../../src/shared/domain/keys';

type Answer = { shortcuts: string[]; prefs: typeof DEFAULT_PREFS } | null;
// Each request waits until the test answers it, so the order of questions and answers is the test's.
const { pending, request } = vi.hoisted(() => {
  const pending: { payload: unknown; resolve: (answer: Answer) => void }[] = [];
  const request = vi.fn((_type: string, payload: unknown) => new Promise<Answer>((resolve) => pending.push({ payload, resolve })));
  return { pending, request };
});
vi.mock('../../src/content/connection', () => ({ request }));

const answer = (...shortcuts: string[]) => pending.shift()!.resolve({ shortcuts, prefs: DEFAULT_PREFS });

beforeEach(() => {
  request.mockClear();
  pending.length = 0;
});

describe('the content script’s shortcut list', () => {
  it('asks for every account before a box is focused, then for the focused box’s account', async () => {
    const cache = new ShortcutCache();
    const first = cache.refresh(1000);
    expect(pending[0]!.payload).toEqual({});
    answer('gracias', 'betasolo');
    await first;
    expect(cache.has('betasolo')).toBe(true);

    // A box answered as @acme_mx: asked at once, even within the refresh interval.
    const focused = cache.refresh(1001, '@acme_mx');
    expect(pending[0]!.payload).toEqual({ account: '@acme_mx' });
    answer('gracias');
    await focused;
    expect(cache.has('betasolo')).toBe(false);
    expect(cache.has('gracias')).toBe(true);
  });

  it('keeps the last account when refreshed without one, and asks again only after the interval', async () => {
    const cache = new ShortcutCache();
    const focused = cache.refresh(Date.now(), null);
    expect(pending[0]!.payload).toEqual({ account: null });
    answer('hola');
    await focused;
    await cache.refresh();
    expect(request).toHaveBeenCalledTimes(1);
    void cache.refresh(Date.now() + 5000);
    expect(pending[0]!.payload).toEqual({ account: null });
  });

  it('a box of another account while a request is in flight is asked for after it, not dropped', async () => {
    const cache = new ShortcutCache();
    const page = cache.refresh(1000);
    const box = cache.refresh(1000, '@beta_es');
    // The same scope joins the request in flight instead of asking twice.
    void cache.refresh(1000);
    expect(request).toHaveBeenCalledTimes(1);
    answer('gracias');
    await page;
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    expect(pending[0]!.payload).toEqual({ account: '@beta_es' });
    answer('gracias', 'betasolo');
    await box;
    expect(cache.has('betasolo')).toBe(true);
  });

  it('keeps the list it has when the worker does not answer', async () => {
    const cache = new ShortcutCache();
    const first = cache.refresh(1000);
    answer('gracias');
    await first;
    const failed = cache.refresh(1001, '@acme_mx');
    pending.shift()!.resolve(null);
    await failed;
    expect(cache.has('gracias')).toBe(true);
    // Still the old scope, so the next refresh for that account asks again at once.
    void cache.refresh(1002, '@acme_mx');
    expect(pending[0]!.payload).toEqual({ account: '@acme_mx' });
  });
});
