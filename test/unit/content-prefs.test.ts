import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentHandlers } from '../../src/background/handlers/content';
import type { ContentSender } from '../../src/background/router';
import { TonoDatabase } from '../../src/shared/db/database';
import { SettingsRepo } from '../../src/shared/db/repos/settings';

const sender: ContentSender = { tabId: 1, frameId: 0, url: 'https://x.com/home' };
let db: TonoDatabase;
let name: string;
let handlers: ReturnType<typeof createContentHandlers>;

beforeEach(async () => {
  name = `tono-prefs-${crypto.randomUUID()}`;
  db = new TonoDatabase(name);
  await db.open();
  handlers = createContentHandlers(db, { remember: async () => undefined });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

describe('getShortcuts delivers the in-page keys and button setting', () => {
  it('sends what the options page stored', async () => {
    const settings = new SettingsRepo(db);
    await settings.set('expandKey', 'ctrl-space');
    await settings.set('openPickerKey', 'ctrl-period');
    await settings.set('replyButton', false);
    expect((await handlers.getShortcuts({}, sender)).prefs).toEqual({ expandKey: 'ctrl-space', openPickerKey: 'ctrl-period', replyButton: false });
  });

  it('falls back to the defaults for values no longer offered', async () => {
    await db.settings.put({ key: 'expandKey', value: 'enter' });
    await db.settings.put({ key: 'openPickerKey', value: 42 });
    expect((await handlers.getShortcuts({}, sender)).prefs).toEqual({ expandKey: 'tab', openPickerKey: 'ctrl-shift-space', replyButton: true });
  });
});
