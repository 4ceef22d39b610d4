import * as v from 'valibot';
import type { TonoDatabase } from '../database';
import { PersonalGuideSchema, readPersonalGuide, type PersonalGuide } from '../../domain/tone/personal-guide';

/** The personal guide lives in one row of `settings`: no schema migration needed. */
const KEY = 'personalGuide';

export type SaveGuideResult = { ok: true; guide: PersonalGuide } | { ok: false; reason: 'conflict' | 'invalid'; detail?: string };

export class PersonalGuideRepo {
  constructor(private readonly db: TonoDatabase) {}

  /** The stored guide, or an empty one (a malformed row reads as empty rather than breaking the panel). */
  async get(): Promise<PersonalGuide> {
    return readPersonalGuide((await this.db.settings.get(KEY))?.value);
  }

  /**
   * Saves the whole guide if nobody saved since `base.updatedAt` (another options page or window);
   * otherwise reports a conflict and keeps the stored one. Oversized or malformed input is refused.
   */
  async save(next: Omit<PersonalGuide, 'updatedAt'>, baseUpdatedAt: number, now = Date.now()): Promise<SaveGuideResult> {
    const guide = { ...next, updatedAt: Math.max(now, baseUpdatedAt + 1) };
    const parsed = v.safeParse(PersonalGuideSchema, guide);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = issue.path?.map((item) => String(item.key)).join('.');
      return { ok: false, reason: 'invalid', detail: path ? `${path}: ${issue.message}` : issue.message };
    }
    return this.db.transaction('rw', this.db.settings, async () => {
      const current = await this.get();
      if (current.updatedAt !== baseUpdatedAt) return { ok: false, reason: 'conflict' } as const;
      const stored = parsed.output as PersonalGuide;
      await this.db.settings.put({ key: KEY, value: stored });
      return { ok: true, guide: stored } as const;
    });
  }
}
