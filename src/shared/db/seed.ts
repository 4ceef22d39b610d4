import { STARTER_LIBRARY } from '../domain/starter-library';
import type { TonoDatabase } from './database';
import { SettingsRepo } from './repos/settings';
import { TemplatesRepo } from './repos/templates';

/**
 * Seeds the starter library once per profile. Idempotent: the `seededAt` marker and the starter
 * templates are written in one transaction, so a worker stopped mid-seed leaves neither.
 */
export async function seedStarterLibrary(db: TonoDatabase, now = Date.now()): Promise<boolean> {
  const settings = new SettingsRepo(db);
  const templates = new TemplatesRepo(db);
  // Every worker start asks this before its first answer: the seeded case reads, writes nothing.
  if (await settings.get('seededAt')) return false;
  return db.transaction('rw', db.templates, db.settings, async () => {
    if (await settings.get('seededAt')) return false;
    await templates.saveAll(
      STARTER_LIBRARY.map((t) => ({ ...t, platforms: [], source: 'starter' as const })),
      now,
    );
    await settings.set('seededAt', now);
    return true;
  });
}
