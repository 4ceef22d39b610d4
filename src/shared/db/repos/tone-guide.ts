import type { TonoDatabase } from '../database';
import { gatherToneGuide, type GatheredGuide } from '../../domain/tone/gather';
import { PacksRepo, type PackRecord } from './packs';
import { PersonalGuideRepo } from './personal-guide';

/**
 * Reads every rule source and gathers them (starter + the packs `applies` keeps + personal), for
 * code without a live query: the worker checking a draft for the in-page badge. The panel gathers
 * the same way from its live queries (domain/tone/gather.ts).
 */
export async function loadToneGuide(
  db: TonoDatabase,
  options: { lang: 'es' | 'en'; personalName: string; applies?: (pack: PackRecord) => boolean },
): Promise<GatheredGuide> {
  const [installed, personal] = await Promise.all([new PacksRepo(db).list(), new PersonalGuideRepo(db).get()]);
  const packs = installed.map(({ record }) => record).filter((record) => options.applies?.(record) ?? true);
  return gatherToneGuide(options.lang, packs, { name: options.personalName, rules: personal.rules });
}
