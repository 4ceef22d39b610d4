import Dexie from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import type { TemplateDraft } from '../../src/shared/db/repos/templates';
import type { ReplyEvent } from '../../src/shared/db/types';

/**
 * A fresh, uniquely named fake-indexeddb database for each test, deleted afterwards. Call it
 * before the file's own beforeEach hooks that use the database (hooks run in order).
 */
export function useTestDatabase(label: string): () => TonoDatabase {
  let db: TonoDatabase | undefined;
  let name = '';
  beforeEach(async () => {
    name = `tono-${label}-${crypto.randomUUID()}`;
    db = new TonoDatabase(name);
    await db.open();
  });
  afterEach(async () => {
    db?.close();
    db = undefined;
    await Dexie.delete(name);
  });
  return () => {
    if (!db) throw new Error('useTestDatabase: the database exists only inside a test');
    return db;
  };
}

/** A personal Spanish reply for every platform, with only what a test cares about given. */
export function personalDraft(fields: Pick<TemplateDraft, 'id' | 'title' | 'body' | 'shortcut'> & Partial<TemplateDraft>): TemplateDraft {
  return { tags: [], platforms: [], lang: 'es', source: 'personal', ...fields };
}

/** A stored reply event with nothing measured, with only what a test cares about given. */
export function storedEvent(fields: Pick<ReplyEvent, 'id' | 'submittedAt'> & Partial<ReplyEvent>): ReplyEvent {
  return {
    platform: 'x',
    account: null,
    threadHash: null,
    commentAt: null,
    commentPrecision: 'unknown',
    firstFocusAt: null,
    templateId: null,
    drift: null,
    responseSeconds: null,
    handleSeconds: null,
    businessResponseSeconds: null,
    businessHandleSeconds: null,
    ...fields,
  };
}
