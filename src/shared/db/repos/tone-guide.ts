import type { TonoDatabase } from '../database';
import { gatherToneGuide, type GatheredGuide } from '../../domain/tone/gather';
import type { PersonalGuide } from '../../domain/tone/personal-guide';
import { PacksRepo, type PackRecord } from './packs';
import { PersonalGuideRepo } from './personal-guide';

export interface ToneGuideOptions {
  lang: 'es' | 'en';
  personalName: string;
  applies?: (pack: PackRecord) => boolean;
}

async function readSources(db: TonoDatabase, options: ToneGuideOptions): Promise<{ packs: PackRecord[]; personal: PersonalGuide }> {
  const [installed, personal] = await Promise.all([new PacksRepo(db).list(), new PersonalGuideRepo(db).get()]);
  const packs = installed.map(({ record }) => record).filter((record) => options.applies?.(record) ?? true);
  return { packs, personal };
}

const gather = (options: ToneGuideOptions, { packs, personal }: { packs: PackRecord[]; personal: PersonalGuide }) =>
  gatherToneGuide(options.lang, packs, { name: options.personalName, rules: personal.rules });

/**
 * Reads every rule source and gathers them (starter + the packs `applies` keeps + personal), for
 * code without a live query. The panel gathers the same way from its live queries
 * (domain/tone/gather.ts).
 */
export async function loadToneGuide(db: TonoDatabase, options: ToneGuideOptions): Promise<GatheredGuide> {
  return gather(options, await readSources(db, options));
}

/**
 * The worker's gathered guides, reused while their sources are unchanged: compiling a large rule
 * pack takes long enough to matter on every badge check. A guide is keyed by the language, each
 * applying pack's id, version and time applied (a re-import of one version is new rules too) and
 * the personal guide's revision, so any change compiles anew. A few keys are kept, since each
 * site's brand may apply other packs.
 */
export class ToneGuideCache {
  private readonly guides = new Map<string, GatheredGuide>();

  constructor(
    private readonly db: TonoDatabase,
    private readonly size = 4,
  ) {}

  async load(options: ToneGuideOptions): Promise<GatheredGuide> {
    const sources = await readSources(this.db, options);
    const key = JSON.stringify([
      options.lang,
      options.personalName,
      sources.personal.updatedAt,
      sources.packs.map((pack) => [pack.id, pack.version, pack.appliedAt]),
    ]);
    let guide = this.guides.get(key);
    if (guide) this.guides.delete(key);
    else guide = gather(options, sources);
    // Most recently used last; the oldest goes first.
    this.guides.set(key, guide);
    if (this.guides.size > this.size) this.guides.delete(this.guides.keys().next().value!);
    return guide;
  }
}
