import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { ReplyEventsRepo } from '../../src/shared/db/repos/reply-events';
import { SettingsRepo } from '../../src/shared/db/repos/settings';
import { TemplatesRepo, type TemplateDraft } from '../../src/shared/db/repos/templates';
import { seedStarterLibrary } from '../../src/shared/db/seed';
import type { ReplyEvent } from '../../src/shared/db/types';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';
import { normalizeShortcut } from '../../src/shared/domain/text';

let db: TonoDatabase;
let name: string;

beforeEach(async () => {
  name = `tono-repos-test-${crypto.randomUUID()}`;
  db = new TonoDatabase(name);
  await db.open();
});

afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(name);
});

const draft = (overrides: Partial<TemplateDraft> = {}): TemplateDraft => ({
  id: 'tpl-1',
  title: 'Devolución aceptada',
  body: 'Hola {{firstName|}}, tu DEVOLUCIÓN está en camino.',
  shortcut: '  ;Devolución ',
  tags: ['Soporte', 'Pedidos'],
  platforms: [],
  lang: 'es',
  source: 'personal',
  ...overrides,
});

describe('TemplatesRepo.save', () => {
  it('normalizes the shortcut and builds a folded searchText', async () => {
    const repo = new TemplatesRepo(db);
    const saved = await repo.save(draft(), 1000);
    expect(saved.shortcut).toBe(';devolucion');
    expect(saved.searchText.replace(/\s+/g, ' ')).toBe('devolucion aceptada hola {{firstname|}}, tu devolucion esta en camino. ;devolucion soporte pedidos');
    expect(await repo.get('tpl-1')).toEqual(saved);
  });

  it('fills usage and time fields on a new template', async () => {
    const saved = await new TemplatesRepo(db).save(draft(), 1000);
    expect(saved).toMatchObject({ usageCount: 0, lastUsedAt: null, createdAt: 1000, updatedAt: 1000 });
  });

  it('keeps createdAt and usage when given, and always sets updatedAt', async () => {
    const saved = await new TemplatesRepo(db).save(draft({ createdAt: 5, usageCount: 3, lastUsedAt: 7 }), 1000);
    expect(saved).toMatchObject({ createdAt: 5, usageCount: 3, lastUsedAt: 7, updatedAt: 1000 });
  });

  it('overwrites by id (an edit, not a second row) and refreshes searchText', async () => {
    const repo = new TemplatesRepo(db);
    await repo.save(draft(), 1000);
    await repo.save(draft({ title: 'Reembolso', body: 'Otro texto', shortcut: 'reembolso' }), 2000);
    expect(await repo.count()).toBe(1);
    const stored = await repo.get('tpl-1');
    expect(stored?.shortcut).toBe('reembolso');
    expect(stored?.searchText).not.toContain('devolucion');
    expect(stored?.updatedAt).toBe(2000);
  });
});

describe('TemplatesRepo lookups', () => {
  it('findByShortcut ignores case, accents and surrounding space', async () => {
    const repo = new TemplatesRepo(db);
    await repo.save(draft({ shortcut: 'Perdón' }));
    for (const typed of ['perdon', 'PERDON', 'Perdón', ' perdón ', 'PERDÓN']) {
      expect((await repo.findByShortcut(typed))?.id, typed).toBe('tpl-1');
    }
    expect(await repo.findByShortcut('perdo')).toBeUndefined();
    expect(await repo.findByShortcut('perdonar')).toBeUndefined();
  });

  it('findByShortcut returns undefined for an unknown shortcut on an empty library', async () => {
    expect(await new TemplatesRepo(db).findByShortcut('gracias')).toBeUndefined();
  });

  it('shortcuts() lists each normalized shortcut once and skips empty ones', async () => {
    const repo = new TemplatesRepo(db);
    await repo.save(draft({ id: 'a', shortcut: 'Gracias' }));
    await repo.save(draft({ id: 'b', shortcut: 'gracias' }));
    await repo.save(draft({ id: 'c', shortcut: ';DM' }));
    await repo.save(draft({ id: 'd', shortcut: '   ' }));
    expect((await repo.shortcuts()).sort()).toEqual([';dm', 'gracias']);
  });

  it('list() orders by usage, then by most recent edit', async () => {
    const repo = new TemplatesRepo(db);
    await repo.save(draft({ id: 'old', shortcut: 'a' }), 1);
    await repo.save(draft({ id: 'new', shortcut: 'b' }), 2);
    await repo.save(draft({ id: 'used', shortcut: 'c', usageCount: 4 }), 0);
    expect((await repo.list()).map((t) => t.id)).toEqual(['used', 'new', 'old']);
  });
});

describe('TemplatesRepo.saveAll', () => {
  it('saves every draft', async () => {
    const repo = new TemplatesRepo(db);
    await repo.saveAll([draft({ id: 'a', shortcut: 'A' }), draft({ id: 'b', shortcut: 'B' })], 50);
    expect(await repo.count()).toBe(2);
    expect((await repo.get('b'))?.shortcut).toBe('b');
  });

  it('is atomic: one failing draft means nothing lands', async () => {
    const repo = new TemplatesRepo(db);
    await repo.save(draft({ id: 'existing', shortcut: 'existente' }), 1);
    const bad = draft({ id: undefined as unknown as string, shortcut: 'mala' });
    await expect(
      repo.saveAll([draft({ id: 'a', shortcut: 'uno' }), draft({ id: 'b', shortcut: 'dos' }), bad, draft({ id: 'c', shortcut: 'tres' })]),
    ).rejects.toThrow();
    expect((await repo.list()).map((t) => t.id)).toEqual(['existing']);
    expect(await repo.findByShortcut('uno')).toBeUndefined();
  });

  it('is atomic for edits too: a failed batch leaves earlier rows unchanged', async () => {
    const repo = new TemplatesRepo(db);
    await repo.save(draft({ id: 'a', title: 'Original', shortcut: 'uno' }), 1);
    const bad = draft({ id: undefined as unknown as string });
    await expect(repo.saveAll([draft({ id: 'a', title: 'Cambiado', shortcut: 'uno' }), bad])).rejects.toThrow();
    expect((await repo.get('a'))?.title).toBe('Original');
  });
});

describe('TemplatesRepo.recordUse', () => {
  it('increments usageCount and sets lastUsedAt', async () => {
    const repo = new TemplatesRepo(db);
    await repo.save(draft(), 1);
    await repo.recordUse('tpl-1', 500);
    await repo.recordUse('tpl-1', 900);
    expect(await repo.get('tpl-1')).toMatchObject({ usageCount: 2, lastUsedAt: 900, updatedAt: 1 });
  });

  it('does nothing for an unknown id', async () => {
    const repo = new TemplatesRepo(db);
    await repo.recordUse('missing', 500);
    expect(await repo.count()).toBe(0);
  });
});

describe('ReplyEventsRepo', () => {
  const event = (overrides: Partial<ReplyEvent> = {}): ReplyEvent => ({
    id: '8f14e45f-ceea-4e7a-9b6c-6f1d7c3b2a10',
    platform: 'x',
    account: null,
    threadHash: null,
    commentAt: 1000,
    commentPrecision: 'exact',
    firstFocusAt: 2000,
    submittedAt: 61_000,
    templateId: null,
    responseSeconds: 60,
    handleSeconds: 59,
    ...overrides,
  });

  it('record is idempotent on the event id', async () => {
    const repo = new ReplyEventsRepo(db);
    await repo.record(event());
    await repo.record(event());
    await repo.record(event({ templateId: 'tpl-1' }));
    expect(await repo.count()).toBe(1);
    expect((await repo.recent(10))[0]?.templateId).toBe('tpl-1');
  });

  it('recent() returns the latest submits first, limited', async () => {
    const repo = new ReplyEventsRepo(db);
    for (let i = 1; i <= 5; i++) await repo.record(event({ id: `id-${i}`, submittedAt: i * 1000 }));
    expect((await repo.recent(3)).map((e) => e.id)).toEqual(['id-5', 'id-4', 'id-3']);
    expect(await repo.count()).toBe(5);
  });
});

describe('SettingsRepo', () => {
  it('returns undefined for a missing key', async () => {
    expect(await new SettingsRepo(db).get('agentName')).toBeUndefined();
  });

  it('stores and overwrites typed values', async () => {
    const settings = new SettingsRepo(db);
    await settings.set('agentName', 'Lucía');
    await settings.set('userSites', ['https://mastodon.social']);
    await settings.set('agentName', 'Marta');
    expect(await settings.get('agentName')).toBe('Marta');
    expect(await settings.get('userSites')).toEqual(['https://mastodon.social']);
    expect(await db.settings.count()).toBe(2);
  });

  it('keeps falsy values (0, empty string, empty list)', async () => {
    const settings = new SettingsRepo(db);
    await settings.set('seededAt', 0);
    await settings.set('agentName', '');
    await settings.set('userSites', []);
    expect(await settings.get('seededAt')).toBe(0);
    expect(await settings.get('agentName')).toBe('');
    expect(await settings.get('userSites')).toEqual([]);
  });
});

describe('seedStarterLibrary', () => {
  it('seeds the starter library once and records when', async () => {
    expect(await seedStarterLibrary(db, 4242)).toBe(true);
    const templates = new TemplatesRepo(db);
    expect(await templates.count()).toBe(STARTER_LIBRARY.length);
    expect(await new SettingsRepo(db).get('seededAt')).toBe(4242);
    const thanks = await templates.get('starter-thanks-es');
    expect(thanks).toMatchObject({ source: 'starter', platforms: [], usageCount: 0, createdAt: 4242, lang: 'es' });
    expect(thanks?.searchText).toContain('gracias');
  });

  it('does nothing the second time', async () => {
    expect(await seedStarterLibrary(db, 1)).toBe(true);
    const templates = new TemplatesRepo(db);
    await templates.recordUse('starter-thanks-es', 2);
    expect(await seedStarterLibrary(db, 3)).toBe(false);
    expect(await templates.count()).toBe(STARTER_LIBRARY.length);
    expect(await new SettingsRepo(db).get('seededAt')).toBe(1);
    expect((await templates.get('starter-thanks-es'))?.usageCount).toBe(1);
  });

  it('does not re-add starter templates the user deleted', async () => {
    await seedStarterLibrary(db, 1);
    await db.templates.delete('starter-crisis-es');
    expect(await seedStarterLibrary(db, 2)).toBe(false);
    expect(await db.templates.get('starter-crisis-es')).toBeUndefined();
  });

  it('concurrent calls seed once', async () => {
    const results = await Promise.all([seedStarterLibrary(db, 1), seedStarterLibrary(db, 2)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.templates.count()).toBe(STARTER_LIBRARY.length);
  });

  it('is atomic: a failure mid-seed leaves neither templates nor the marker', async () => {
    const realSave = TemplatesRepo.prototype.save;
    let calls = 0;
    vi.spyOn(TemplatesRepo.prototype, 'save').mockImplementation(function (this: TemplatesRepo, d, now) {
      calls += 1;
      if (calls === 3) return Promise.reject(new Error('quota exceeded'));
      return realSave.call(this, d, now);
    });
    await expect(seedStarterLibrary(db, 1)).rejects.toThrow('quota exceeded');
    expect(await db.templates.count()).toBe(0);
    expect(await new SettingsRepo(db).get('seededAt')).toBeUndefined();
    vi.restoreAllMocks();
    expect(await seedStarterLibrary(db, 2)).toBe(true);
    expect(await db.templates.count()).toBe(STARTER_LIBRARY.length);
  });
});

describe('starter library content', () => {
  const kinds = ['thanks', 'ack', 'private', 'apology', 'crisis'];

  it.each(kinds)('has a Spanish and an English "%s" reply', (kind) => {
    const langs = STARTER_LIBRARY.filter((t) => t.id.startsWith(`starter-${kind}-`)).map((t) => t.lang);
    expect(langs.sort()).toEqual(['en', 'es']);
  });

  it('uses the language suffix of each id as its lang', () => {
    for (const t of STARTER_LIBRARY) expect(t.id.endsWith(`-${t.lang}`), t.id).toBe(true);
  });

  it('has unique ids and unique normalized, non-empty shortcuts', () => {
    const ids = STARTER_LIBRARY.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const shortcuts = STARTER_LIBRARY.map((t) => normalizeShortcut(t.shortcut));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    for (const s of shortcuts) expect(s.length).toBeGreaterThan(0);
  });

  it('stores shortcuts already normalized, so what users read is what they type', () => {
    for (const t of STARTER_LIBRARY) expect(normalizeShortcut(t.shortcut), t.id).toBe(t.shortcut);
  });

  it('has non-empty titles and bodies', () => {
    for (const t of STARTER_LIBRARY) {
      expect(t.title.trim(), t.id).not.toBe('');
      expect(t.body.trim(), t.id).not.toBe('');
    }
  });
});

describe('shortcut precedence when several replies share one', () => {
  it('expands the personal reply before a pack reply, and a pack reply before the starter one', async () => {
    const { TonoDatabase } = await import('../../src/shared/db/database');
    const { TemplatesRepo } = await import('../../src/shared/db/repos/templates');
    const db = new TonoDatabase(`precedence-${Math.random()}`);
    const repo = new TemplatesRepo(db);
    const base = { body: 'x', shortcut: 'dm', tags: [], platforms: [], lang: 'es' as const };
    await repo.save({ ...base, id: 'starter', title: 'starter', source: 'starter' }, 3);
    await repo.save({ ...base, id: 'pack', title: 'pack', source: 'pack', packId: 'acme' }, 1);
    expect((await repo.findByShortcut('DM'))?.id).toBe('pack');
    await repo.save({ ...base, id: 'mine', title: 'mine', source: 'personal' }, 2);
    expect((await repo.findByShortcut('dm'))?.id).toBe('mine');
    db.close();
  });
});
