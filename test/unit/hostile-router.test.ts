import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContentHandlers } from '../../src/background/handlers/content';
import { createRouter, type SenderInfo } from '../../src/background/router';
import { StatsRepo } from '../../src/shared/db/repos/stats';
import { defaultStatsConfig } from '../../src/shared/domain/stats/config';
import { cleanPollution, expectNoPollution, HOSTILE_KEYS } from './hostile-keys';
import { mockContentHandlers, mockPageHandlers } from './router-mocks';
import { useTestDatabase } from './test-db';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const sender: SenderInfo = { id: EXTENSION_ID, url: 'https://x.com/marca/status/1', tab: { id: 7, url: 'https://x.com/marca/status/1' }, frameId: 0 };
const NOW = Date.now();
const D = 86_400_000;
const T = NOW - 3_600_000;
const uuid = (n: number) => `8f14e45f-ceea-4e7a-9b6c-6f1d7c3b2a${String(n).padStart(2, '0')}`;

const database = useTestDatabase('hostile-router');
let stats: StatsRepo;
let route: ReturnType<typeof createRouter>;

beforeEach(async () => {
  const db = database();
  stats = new StatsRepo(db);
  await stats.saveConfig({ ...defaultStatsConfig(), timeZone: 'Europe/Madrid' });
  // The real content handlers and database behind the real router: what a content script reaches.
  const content = mockContentHandlers(createContentHandlers(db, { remember: vi.fn(async () => undefined) }));
  route = createRouter({ extensionId: EXTENSION_ID, extensionOrigin: `chrome-extension://${EXTENSION_ID}/`, content, page: mockPageHandlers() });
});
afterEach(cleanPollution);

const context = { authorName: 'Ana', commentAt: T - 600_000, commentPrecision: 'exact' as const };
const reply = (n: number, fields: Record<string, unknown> = {}) => ({
  type: 'replySubmitted',
  payload: { eventId: uuid(n), context, firstFocusAt: T - 60_000, submittedAt: T + n, templateId: 'tpl-1', drift: 0.5, ...fields },
});

describe('replySubmitted with a template id or account that names an Object.prototype member', () => {
  it.each(HOSTILE_KEYS)('%s is recorded and counted as an ordinary id', async (key) => {
    for (const n of [1, 2]) {
      expect(await route(reply(n, { templateId: key, context: { ...context, account: key } }), sender)).toEqual({
        ok: true,
        value: { responseSeconds: expect.any(Number) },
      });
    }
    expectNoPollution();
    // The router still parses and routes after the attack.
    expect(await route(reply(3), sender)).toMatchObject({ ok: true });
    const { current } = await stats.periodReports(7, NOW);
    expect(current.total.count).toBe(3);
    expect(current.templates).toEqual([
      { templateId: key, count: 2, drift: 0.5 },
      { templateId: 'tpl-1', count: 1, drift: 0.5 },
    ]);
    expect(current.byAccount.map((a) => [a.account, a.count])).toEqual([
      [key, 2],
      ['', 1],
    ]);
  });
});

describe('times outside 2000 … tomorrow are refused at the router', () => {
  const BAD: [string, unknown][] = [
    ['1e300', 1e300],
    ['the last instant a Date holds', 8.64e15],
    ['negative', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['"NaN" as text', 'NaN'],
    ['"1e300" as text', '1e300'],
    ['31 December 1999', Date.UTC(1999, 11, 31)],
    ['two days from now', NOW + 2 * D],
  ];
  const messages: [string, (at: unknown) => { type: string; payload: unknown }][] = [
    ['replySubmitted submittedAt', (at) => reply(1, { submittedAt: at })],
    ['replySubmitted firstFocusAt', (at) => reply(1, { firstFocusAt: at })],
    ['replySubmitted commentAt', (at) => reply(1, { context: { ...context, commentAt: at } })],
    ['boxFocused focusedAt', (at) => ({ type: 'boxFocused', payload: { context, focusedAt: at } })],
    ['expandShortcut commentAt', (at) => ({ type: 'expandShortcut', payload: { shortcut: 'gracias', context: { ...context, commentAt: at } } })],
  ];
  const cases = messages.flatMap(([what, build]) => BAD.map(([label, at]) => [`${what}: ${label}`, build(at)] as const));

  it.each(cases)('%s', async (_label, message) => {
    expect(await route(message, sender)).toEqual({ ok: false, error: expect.stringMatching(/^Invalid "\w+" payload: /) });
    expect(await stats.events.count()).toBe(0);
    await expect(stats.periodReports(7, NOW)).resolves.toMatchObject({ current: { total: { count: 0 } } });
  });

  it('a reply sent now with a comment from a minute ago is accepted', async () => {
    expect(await route(reply(1, { submittedAt: Date.now(), context: { ...context, commentAt: Date.now() - 60_000 } }), sender)).toMatchObject({ ok: true });
  });
});

describe('a malformed envelope gets an error answer, never an exception', () => {
  const throwing = () => {
    throw new Error('boom');
  };
  it.each<[string, unknown]>([
    ['a type getter that throws', { get type() { return throwing(); }, payload: {} }],
    ['a payload field getter that throws', { type: 'replySubmitted', payload: { get eventId() { return throwing(); } } }],
    ['a proxy that throws on every look', new Proxy({}, { get: throwing, has: throwing, ownKeys: throwing, getOwnPropertyDescriptor: throwing, getPrototypeOf: throwing })],
  ])('%s', async (_label, message) => {
    await expect(route(message, sender)).resolves.toEqual({ ok: false, error: 'Malformed message' });
    expect(await stats.events.count()).toBe(0);
  });
});
