import { vi } from 'vitest';
import type { ContentHandlers, PageHandlers } from '../../src/background/router';
import { DEFAULT_PREFS } from '../../src/shared/domain/keys';

/**
 * Every handler the router can reach, as spies with harmless answers, so a router test names only
 * the handlers it cares about, and a new message needs one entry here, not one per test file.
 */
export function mockContentHandlers<T extends Partial<ContentHandlers>>(overrides: T = {} as T) {
  return {
    getShortcuts: vi.fn(async () => ({ shortcuts: [] as string[], prefs: DEFAULT_PREFS })),
    expandShortcut: vi.fn(async () => null),
    searchTemplates: vi.fn(async () => ({ items: [] })),
    expandTemplate: vi.fn(async () => null),
    boxFocused: vi.fn(async () => null),
    replySubmitted: vi.fn(async () => ({ responseSeconds: null as number | null })),
    checkDraft: vi.fn(async () => ({ count: 0, worst: null, first: null })),
    loadContentUi: vi.fn(async () => null),
    registerInPageToken: vi.fn(async () => true as const),
    ...overrides,
  } satisfies ContentHandlers;
}

export function mockPageHandlers<T extends Partial<PageHandlers>>(overrides: T = {} as T) {
  return {
    insertTemplate: vi.fn(async () => ({ ok: true as const, method: 'test' })),
    syncUserSites: vi.fn(async () => ({ sites: [] as string[] })),
    getReplyTarget: vi.fn(async () => null),
    getDraft: vi.fn(async () => null),
    applyFix: vi.fn(async () => ({ ok: true as const, method: 'test' })),
    packSyncNow: vi.fn(async () => ({ outcomes: [] })),
    deleteAllData: vi.fn(async () => null),
    claimInPageToken: vi.fn(async () => false),
    ...overrides,
  } satisfies PageHandlers;
}
